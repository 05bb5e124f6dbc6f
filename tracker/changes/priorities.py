"""Impact levels of summary statements, most important to a user first: one ordered place.

Each statement rule (tracker.changes.statements) names one of these levels; the summary lists
statements in this order and the headline states the first. The order is by what a change does
to the user, never by the kind of fact that was detected.
"""

from __future__ import annotations

import re

IMPACTS: tuple[tuple[str, str], ...] = (
    ("page-summary", "the page shows only a summary of the policy (or the whole policy again): nothing can be said gone or new"),
    ("sale-reversal", "'will not sell/share' became 'may sell/share': the core promise is reversed"),
    ("promise-withdrawn", "a promise, consent step or opt-in the user relied on is gone"),
    ("promise-narrowed", "a promise still stands but covers less data, fewer people or fewer cases"),
    ("right-removed", "the user loses a way to control their data"),
    ("consent-weakened", "opt-in became opt-out, or 'will' became 'may' in a commitment"),
    ("made-public", "the user's data is newly made public (published, publicly available): an exposure to anyone"),
    ("no-sale-promise", "a new promise not to sell or rent data: the commitment readers look for first"),
    ("ai-training", "the user's data now trains or builds AI models: a purpose they never gave it for, often for other products"),
    ("consent-required", "the user is now asked before data is collected (opt-in instead of implied consent)"),
    ("right-added", "the user gains a right or a control"),
    ("promise-added", "a new commitment limits what the company does"),
    ("scope-changed", "a line around what the policy applies to drawn or moved (a country, a business, a channel, 'only', "
                      "'does not apply'): whom every promise reaches"),
    ("transfer-swap", "the framework international transfers rest on replaced by another (Safe Harbor -> Privacy Shield): their legal footing"),
    ("law-for-transfers", "a law or framework newly cited or dropped in a sentence about international transfers"),
    ("law-cited", "a law newly cited or dropped (GDPR, CCPA): which rights apply and what the policy answers to"),
    ("children-rule", "what children may do or what is collected from them: a protected group"),
    ("basis-stated", "the legal bases for processing stated: what the company relies on instead of asking"),
    ("sensitive-collected", "a kind of data users guard most (ID documents, birth date, biometrics, precise location) newly collected"),
    ("deletion-limited", "deleting the account newly said not to delete the data kept about the user"),
    ("sharing-widened", "data now goes to more parties or for more purposes"),
    ("sources-widened", "data now also comes from others about the user (partners, advertisers, data brokers, public sources)"),
    ("ai-use", "AI tools or an AI provider now handle the user's data (a chatbot answers requests, recordings transcribed by AI)"),
    ("collection-widened", "more data is collected or used for more purposes"),
    ("sharing-narrowed", "a sharing or use statement was dropped"),
    ("retention-changed", "how long data is kept changed (old and new value of one practice)"),
    ("value-changed", "an age threshold, deadline or contact changed in one practice (13 -> 16): old and new value"),
    ("controller-changed", "another company is now answerable for the user's data (the controller or company responsible)"),
    ("office-named", "a Data Protection Officer, representative or supervisory authority named: whom to turn to"),
    ("transfer-basis", "the legal footing of international transfers changed"),
    ("new-recipient", "a named company now receives or processes data"),
    ("named-party", "a party, office or programme named for the first time (a DPO, a new entity)"),
    ("retention-stated", "a retention rule was added or dropped"),
    ("practice-changed", "another sentence about a data practice changed"),
    ("section-added", "a new heading: where to look, not what changed"),
    ("section-removed", "a heading gone: its text may live on elsewhere"),
    ("scope-listed", "one service or business put into or taken out of the list of what the policy covers: told with the structure, "
                     "after every practice (its weight is that of the service, which the words do not say)"),
    ("contact-changed", "how to reach the company changed"),
    ("reworded", "a sentence reworded without a named practice change"),
    ("pointer", "a sentence that only sends the reader elsewhere ('For more information, see …') or is about the document itself"),
)

RANK: dict[str, int] = {name: k for k, (name, _) in enumerate(IMPACTS)}

# Tiers: within a tier, a statement carrying more names and terms new to this version (a new
# recipient, law, office or period) goes first; across tiers the order above always holds.
# A reversed or withdrawn protection always leads; structure and rewording always trail.
LEADING = frozenset({"page-summary", "sale-reversal", "promise-withdrawn", "promise-narrowed", "right-removed", "consent-weakened",
                     "made-public"})
# a scope statement: whom the policy reaches (tracker.changes.rules.scope). In a rewrite, where
# nearly every sentence is new, it is said after the practices: the new text restates its scope
# in new words far more often than it moves it
SCOPE_IMPACTS = frozenset({"scope-changed", "scope-listed"})
# a law cited or no longer cited says what the policy answers to, not what is done with the data:
# it trails every practice (a transfer's legal footing is 'transfer-basis', which does not)
TRAILING = frozenset({"law-cited", "section-added", "section-removed", "scope-listed", "contact-changed", "reworded"})


# promises and rights gained, the legal bases relied on, a whom-to-turn-to office, how long data
# is kept and a value of one practice changed (an age threshold 13 -> 16, a deadline) come next,
# before any statement merely carrying new names
# (data newly put to train AI is told with them: a new purpose of the weight of a reversed
# promise, which readers ask about first, never after a rewording or a list of new names)
COMMITMENTS = frozenset({"ai-training", "scope-changed", "no-sale-promise", "consent-required", "right-added", "promise-added", "basis-stated", "office-named",
                         "controller-changed", "retention-changed", "value-changed"})


# a sentence about data that no rule gave a direction (wider, narrower, new recipient), a
# sentence merely mentioning deletion or keeping (often advice: "if you delete your cookies"), and a
# party merely named: after every practice a rule recognised (data used for advertising, shared
# with apps, a sharing statement gone), whatever new names they carry
UNRANKED = frozenset({"named-party", "practice-changed", "retention-stated"})


def tier(impact: str) -> int:
    """0 leading, 1 commitments, 2 practices with a direction, 3 other practice sentences and
    names, 4 structure and rewording, 5 a pointer elsewhere or a remark about the document
    (last whatever names it carries)."""
    if impact == "pointer":
        return 5
    if impact in UNRANKED:
        return 3
    return 0 if impact in LEADING else 1 if impact in COMMITMENTS else 4 if impact in TRAILING else 2

# -- side remarks: a statement a rule gave a level by its words whose sentence does nothing to the
# user's data. Each is named for why it never leads; `standing` is the tier it is ordered by.

# 'Contacts are securely and privately stored within its databases': how data is guarded, a
# reassurance, not a widening of what is done with it; 'All data collected by Omniture on behalf
# of X is owned and used by X': who owns what a vendor collects, not what the vendor does
REASSURANCE_RE = re.compile(r"(?i)\b(?:securely|safely|privately|confidentially|in confidence)\b|\b(?:is|are|will be|remains?) "
                            r"(?:\w+ ){0,2}(?:encrypted|kept (?:confidential|secure|private)|protected)\b|"
                            r"\b(?:is|are|remains?) (?:solely |exclusively )?owned (?:and \w+ )?by\b|"
                            # 'Oracle respects your preferences concerning …', 'X is committed to protecting
                            # your privacy': a stance, no practice
                            r"\b(?:respects?|values?) (?:your|users'|customers') (?:privacy|preferences|choices|trust)\b|"
                            r"\b(?:is|are) (?:strongly |deeply )?committed to (?:protecting|respecting|safeguarding)\b|"
                            r"\btakes? (?:your |the )?privacy (?:\w+ )?(?:seriously|very seriously)\b")
# a reassurance that also hands data on is still sharing ('we share it securely with …')
_HANDS_ON_RE = re.compile(r"(?i)\b(?:sell|sold|rent|share[sd]?|sharing|disclose[sd]?|transfer\w*|provide[sd]? (?:\w+ ){0,3}to)\b")
# 'If you opt out, you may continue to receive online advertising': what the user still sees or
# gets, not what the company does with their data
SIDE_REMARK_RE = re.compile(r"(?i)^(?:[^,]{0,120},\s*)?you (?:may|might|will|would|can|could)? ?(?:still |also )?"
                            r"(?:continue to |still )(?:receive|see|get|be shown|notice)\b")
# 'Facebook helps you connect and share with the people in your life': a slogan, no practice
TAGLINE_RE = re.compile(r"(?i)^(?:[\w.&'’-]+\s){1,3}(?:helps|lets|enables|empowers|makes it (?:easy|easier|simple) for) "
                        r"(?:you|people|users|everyone) (?:to )?(?:connect|share|discover|find|explore|stay|communicate|"
                        r"express|create|build|bring|get closer)\b|\b(?:our|its) mission is\b")
# 'Cookies are alphanumeric identifiers that …', 'A web beacon is an electronic image': a term
# explained, not a practice (what the company does with it is said elsewhere)
DEFINITION_RE = re.compile(r"(?i)^(?:an? |the )?(?:cookies?|web beacons?|pixel tags?|pixels|clear gifs?|log files?|flash cookies|"
                           r"local storage|IP address(?:es)?|(?:device|unique|advertising) identifiers?|SDKs?|tags|"
                           r"(?:[\w-]+ )?(?:advertising|analytics) (?:is|are))\b[^,;]{0,40}? (?:is|are) (?:a |an |small |tiny |"
                           r"alphanumeric |unique |electronic |pieces? |bits? |files? |numbers? |strings? |technolog)")
# 'Customer Content is the information Miro obtains from you when you use Miro Services', '"Personal
# Data" means any information …': a defined term (capitalised, or quoted) explained, not a practice
TERM_DEFINED_RE = re.compile(r"^(?:[A-Z][\w-]*(?: [A-Z][\w-]*){0,3}|[“\"][^”\"]{2,40}[”\"]) (?:is|are|means|refers to) "
                             r"(?:the |any |all )?(?:personal )?(?:information|data)\b")
_DATA_NOUN_RE = re.compile(r"(?i)\b(?:information|data|cookies?|location|contacts?|e-?mails?|address\w*|photos?|profiles?|"
                           r"content|messages?|identif\w*|history|activity|account)\b")


# 'New right: you can request a copy of the relevant safeguards Miro relies upon for international
# transfers': a right to see a document the company relies on, not a control over the user's data.
# It is told with the practices that have a direction, never ahead of them
DOCUMENT_RIGHT_RE = re.compile(r"(?i)\bcop(?:y|ies) of (?:the |these |such |any )?(?:[\w-]+ ){0,3}(?:safeguards|clauses|"
                               r"(?:transfer )?mechanisms?|contracts?|agreements?|certifications?|frameworks?|"
                               r"(?:standard )?contractual clauses)\b")


def standing(impact: str, text: str) -> int:
    """The tier a statement is ordered by: its level's tier, lowered for a side remark. A
    slogan trails as a pointer; a reassurance ('securely stored'), a term explained ('Cookies are
    small files …') or what the user still sees after opting out goes among the undirected
    practice sentences, never ahead of a practice."""
    t = tier(impact)
    body = re.sub(r"^[A-Z][a-z]+(?: [a-z]+){0,3}: ", "", text)      # the statement's label aside
    if impact == "right-added" and DOCUMENT_RIGHT_RE.search(body):
        return max(t, tier("sharing-widened"))
    if TAGLINE_RE.search(body) and not _DATA_NOUN_RE.search(body):
        return 5
    if DEFINITION_RE.search(body) or (t == 2 and TERM_DEFINED_RE.search(body)):
        return max(t, 3)          # (a term defined as a limit, 'Secure Data is data we cannot access', stays a promise)
    if SIDE_REMARK_RE.search(body) and not _HANDS_ON_RE.search(body):
        return max(t, 3)
    if t == 2 and REASSURANCE_RE.search(body) and not _HANDS_ON_RE.search(body):
        return 3
    if t == 3 and tracks_for_ads(text):
        return 2
    return t


# 'You can adjust Google's use of cookies by visiting …', '… gives you the option to opt out of
# this program': the user acts, not the company. Read as a widening by its words, it is a control
# over a practice: within its tier, after the practices themselves
CONTROL_RE = re.compile(r"(?i)^(?:[^,]{0,80},\s*)?you (?:can|may|could)(?: also| always| still)? (?:adjust|change|manage|control|"
                        r"opt[- ]?out|disable|block|delete|refuse|decline|turn off|unsubscribe|review|edit|update)\b|"
                        r"\b(?:gives?|offers?|provides?) you (?:the|an?) (?:option|choice|ability) to\b|"
                        r"\ballows? you to (?:opt[- ]?out|adjust|disable|control|manage)\b|"
                        r"^(?:[^,]{0,60}[-–:]\s+)?if you (?:do not|don't|no longer) (?:wish|want|like)\b")
# 'Target may now link your various devices so that … relevant advertising on another device':
# tracking across sites or devices, or ads chosen by what the user does. A sentence new to this
# version that says so is a practice with a direction whatever rule read it (never a remark)
ADS_TRACKING_RE = re.compile(r"(?i)\b(?:link\w* (?:\w+ ){0,2}devices|cross[- ](?:device|context|site)|retarget\w*|"
                             r"(?:ad|advertising) (?:technology )?networks?|"
                             r"(?:interest[- ]based|targeted|tailored|behaviou?ral|relevant) (?:ads|advertis\w+)|"
                             r"(?:ads|advertis\w+) (?:\w+ ){0,2}tailored|track\w* (?:\w+ ){0,4}(?:browsing|across))")
_NEW_RE = re.compile(r"^New: |\bnow\b")
_NEGATED_RE = re.compile(r"(?i)\b(?:not|never|no longer)\b|n't\b")


def tracks_for_ads(text: str) -> bool:
    """The statement says, as new to this version, that the user is tracked or targeted with ads."""
    return bool(_NEW_RE.search(text) and ADS_TRACKING_RE.search(text)) and " (was: " not in text \
        and not _NEGATED_RE.search(text) and not _OPT_OUT_RE.search(text) and not defines(text)


def defines(text: str) -> bool:
    """The statement explains a term ('Interest-based ads are ads that are served …')."""
    return bool(_DEFINES_RE.search(text))


# a way out of the tracking ('… offers an opt-out tool to stop receiving targeted ads'), and a
# term explained ('Interest-based ads are online ads that …'): neither is the tracking itself
_OPT_OUT_RE = re.compile(r"(?i)\bopt(?:[- ]?out|s out|ing out)\b|\bunsubscrib|\bturn off\b|\blimit ad tracking\b")
_DEFINES_RE = re.compile(r"(?i)^(?:New: )?(?:[\w-]+ ){1,4}(?:is|are) (?:an? |the )?(?:[\w-]+ ){0,3}(?:that|which)\b")


# '… in aggregate form', '… in a manner that does not identify particular users', 'when you
# consent': data handed on that names no one, or only with the user's say. Within its tier it
# goes after a practice that carries no such hedge
HEDGED_RE = re.compile(r"(?i)\bin (?:an? )?(?:aggregated?|anonymi[sz]ed|de-identified|pseudonymi[sz]ed)\b|"
                       r"\baggregated? (?:data|information|form|statistics|reports?)\b|\b(?:non-personally|not personally) identifi|"
                       r"\b(?:does|do|will) not (?:personally )?identify\b|\banonymous\b|\bde-identified\b|"
                       r"\bwith your (?:prior |express |explicit )?(?:consent|permission)\b|"
                       r"\b(?:when|if) you (?:\w+ )?(?:consent|agree|authori[sz]e)\b")


def hedged(impact: str, text: str) -> bool:
    """A widening of sharing or collection that names no one or waits for the user's consent, or
    a control the user holds over a practice (CONTROL_RE) read as one."""
    body = re.sub(r"^[A-Z][a-z]+(?: [a-z]+){0,3}: ", "", text.split(" (was: ")[0])
    return tier(impact) == 2 and bool(HEDGED_RE.search(body) or (CONTROL_RE.search(body) and _THEIRS_RE.search(body)
                                                                  and not _HANDS_ON_RE.search(body)))


# a control over what another company does ('Google's use of cookies', 'their privacy practices',
# 'this program') or over the company's own mail ('promotional e-mails', newsletters): the user's
# opt-out of what is done with their data is news, a vendor's or an unsubscribe link is not
_THEIRS_RE = re.compile(r"\b[A-Z][\w.!-]*(?:'s|’s)\s+(?:use|cookies?|ads?|advertising|privacy)\b|\b(?:their|this program|these programs)\b|"
                        r"\b(?:receive|receiving|get|getting) (?:[\w-]+ ){0,4}(?:promotional|marketing|newsletters?|catalogs?)\b")


# 'does not intend to transfer' -> 'will not transfer': a hedged promise made firm is a commitment
# gained whatever rule quoted it; 'will not' -> 'does not intend to' is a promise weakened
_SOFT_PROMISE_RE = re.compile(r"(?i)\b(?:do(?:es)? not (?:intend|plan|expect) to|tr(?:y|ies) not to|strives? not to|"
                              r"endeavou?rs? not to|seeks? not to|aims? not to|(?:do(?:es)?|will) not (?:normally|usually|"
                              r"typically|generally)|generally (?:do(?:es)?|will) not)\b")
_FIRM_PROMISE_RE = re.compile(r"(?i)\b(?:will not|won't|shall not|never|do(?:es)? not|don't|doesn't)\b")


def promise_firmness(old: str | None, new: str | None) -> int:
    """1 when a hedged negative promise became a firm one, -1 when a firm one became hedged, else 0."""
    if not old or not new:
        return 0
    soft_old, soft_new = bool(_SOFT_PROMISE_RE.search(old)), bool(_SOFT_PROMISE_RE.search(new))
    if soft_old and not soft_new and _FIRM_PROMISE_RE.search(new):
        return 1
    return -1 if soft_new and not soft_old and _FIRM_PROMISE_RE.search(old) else 0


def ranked_standing(impact: str, text: str, old: str | None, new: str | None) -> int:
    """standing, with a promise made firm among the commitments and one made hedged among the
    leading losses."""
    firm = promise_firmness(old, new)
    t = standing(impact, text)
    return min(t, tier("promise-added")) if firm > 0 else 0 if firm < 0 else t


# an old -> new value (an age 13 -> 18, a period) in a sentence that says what it governs
# ('… does not knowingly collect personal information from anyone under 18 (was: 13)'): a change
# the reader can check, ahead of any plain added sentence of its tier
VALUE_IMPACTS = frozenset({"value-changed", "retention-changed"})
_GOVERNS_RE = re.compile(r"(?i)\b(?:collect|gather|share|sell|rent|disclose|keep|retain|store|delete|erase|use|process|"
                         r"transfer|track|register|sign up|access)\w*\b")


def valued(impact: str, text: str, old: str | None, new: str | None) -> bool:
    """The statement reports an old and a new value of one practice it names."""
    return impact in VALUE_IMPACTS and bool(old) and bool(new) and bool(_GOVERNS_RE.search(text.split(" (was: ")[0]))


# 'If you are a member of the Developer Network, …', 'If you live in California, …': a statement
# for some users only goes after those of its tier that concern every user
AUDIENCE_RE = re.compile(r"(?i)^(?:if|when|where) you (?:are (?:a |an |located |within |in |enrolled |registered |an? existing )|"
                         r"reside|live|have enrolled|work for|are under)")


# 'you can also request to remove content from specific Google services based on applicable
# law': a right that exists where some law grants it, a channel for legal requests, not a
# control every user holds over what the company does
LEGAL_CHANNEL_RE = re.compile(r"(?i)\b(?:based on|under|where required by|as required by|in accordance with|"
                              r"where permitted by|pursuant to) (?:applicable|local|relevant|the applicable) laws?\b")


def narrow(text: str) -> bool:
    """The statement applies only to users of one kind or place (its label aside, or the audience
    of its section said: '(for pharmacy guests in Texas only)') and hands no data on."""
    body = re.sub(r"^[A-Z][a-z]+(?: [a-z]+){0,3}: ", "", text)
    return bool(AUDIENCE_RE.search(body) or SCOPED_RE.search(body)) and not _HANDS_ON_RE.search(body)   # data handed on is news for anyone


# a right over one kind of item the user left ('delete reviews you've left on apps', 'remove
# content from specific Google services'), not over their data, account or tracking
_ITEM_RIGHT_RE = re.compile(r"(?i)\bspecific (?:[\w-]+ ){0,2}(?:services|products|apps|sites|websites)\b|\b(?:reviews?|comments?|ratings?|posts?|photos?|videos?) "
                            r"(?:you(?:'ve|’ve| have)?|that you)\b")


def narrow_right(impact: str, text: str) -> bool:
    """A right gained that only some law grants (LEGAL_CHANNEL_RE) or that reaches one kind of
    item the user left (_ITEM_RIGHT_RE): after a right over the user's data, and the lede of a
    rewrite only when nothing the company does with data is new."""
    body = text.split(" (was: ")[0]
    return impact == "right-added" and bool(LEGAL_CHANNEL_RE.search(body) or _ITEM_RIGHT_RE.search(body))


def reassures(text: str) -> bool:
    """The statement is a reassurance ('Oracle respects your preferences concerning …',
    'Contacts are securely stored'): how the company regards or guards data, handing none on.
    It never leads a summary where anything else changed (headline._weak_lead)."""
    body = re.sub(r"^[A-Z][a-z]+(?: [a-z]+){0,3}: ", "", text)
    return bool(REASSURANCE_RE.search(body)) and not _HANDS_ON_RE.search(body)


# a section for some users only ('Information for Pharmacy Guests in Texas', 'Your California
# Privacy Rights', 'Notice to EEA Residents'): what changed in it is said with its audience
SECTION_AUDIENCE_RE = re.compile(r"\b((?:(?!(?i:for|to|of|the|and|our|your|notice|information)\b)[A-Za-z-]+ ){0,2}(?:[Rr]esidents?|[Gg]uests|[Uu]sers|[Cc]ustomers|[Cc]onsumers|[Mm]embers|"
                                 r"[Vv]isitors|[Ii]ndividuals|[Cc]itizens|[Pp]atients|[Ss]ubscribers|[Ee]mployees|[Aa]pplicants)) "
                                 r"(?:in|of|from|located in|residing in) ((?:the )?[A-Z][\w.]*(?: [A-Z][\w.]*){0,2})")
_PLACE_FIRST_RE = re.compile(r"^(?:Your |Additional |Notice (?:to|for) |Information for |For )?(California|Nevada|Texas|Vermont|Virginia|"
                             r"Colorado|Utah|Connecticut|Oregon|Delaware|EU|EEA|UK|European|Canadian|Australian|Swiss|Brazilian|"
                             r"Japanese|Korean|Quebec)\b(?: (?:Residents?|Users|Consumers|Customers|Privacy Rights|Privacy Notice|"
                             r"Rights|Disclosures?|Supplement|Notice))")
SCOPED_RE = re.compile(r"\(for [^()]{3,60} only\)")


def section_audience(title: str) -> str | None:
    """The users a section is for ('pharmacy guests in Texas', 'California residents'), or None."""
    m = SECTION_AUDIENCE_RE.search(title)
    if m:
        who = " ".join(w if w.isupper() else w.lower() for w in m.group(1).split())
        return f"{who} in {m.group(2)}"
    m = _PLACE_FIRST_RE.search(title)
    return f"{m.group(1)} residents" if m else None


# levels that alone make a change at least `substantive` (verdict by meaning)
SUBSTANTIVE_IMPACTS = frozenset({"sale-reversal", "promise-withdrawn", "promise-narrowed", "right-removed", "consent-weakened",
                                 "sharing-widened", "new-recipient", "retention-changed", "right-added",
                                 "promise-added", "no-sale-promise", "transfer-basis", "transfer-swap", "consent-required",
                                 "sensitive-collected", "ai-training", "made-public", "deletion-limited",
                                 "controller-changed"})
# levels a rule may give a sentence no topic word made material (tracker.changes.rules.protections:
# 'These features are off by default', 'your name will be published'): they count without one
UNTOPICAL_IMPACTS = frozenset({"promise-withdrawn", "promise-added", "made-public", "deletion-limited"})
# levels that alone make a change `major`
MAJOR_IMPACTS = frozenset({"sale-reversal"})

MAX_STATEMENTS = 6
HEADLINE_LIMIT = 139      # characters: the headline stays under 140
