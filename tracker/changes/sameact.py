"""A right or choice said new (or gone) that the other version gives as the same act on the same
object, in other words.

A user's right is recognised by what the user may do (the act, one family of synonyms: see or
review; change or update; delete; download, export or copy; opt out, unsubscribe or withdraw
consent; tell the company one's preferences; deactivate or close an account) and what it is done to (the object's own words).
'You can also download information associated with your Facebook account through our Download
Your Information tool' gives the right 'You can also download a copy of your personal data …
clicking on "Download a copy of your Facebook data"' gave; 'You may withdraw consent … including
for email marketing' keeps 'You may opt out of e-mail marketing by modifying your online
profile …'; 'You can tell us your marketing preferences by visiting our Communication
Preferences page' is 'You can provide us your marketing preferences by visiting the Privacy
Preference Center' with another page. Such a right is reworded, never new or gone.

The means (what follows 'by', 'through', 'via', 'using') is not the act: 'by modifying your
online profile' does not make an opt-out a right to change one's profile. A sentence the claim's
own side still writes as it stands is its own, unchanged, and restates nothing ('You may update
your Home Delivery account information', in both versions, does not restate a dropped 'You may
review and update your NYTimes.com membership'). The other sentence must give every act the
claim gives over every word of its object: a new act, or the same act over something else, is
news. A right over all the user's data, named by no word of its own ('You may request deletion of
your information'), is the right any sentence gives with the same act over all of it ('You have a
right to access, modify, correct and eliminate the data about you'); over one kind ('delete your
photos', 'your account information') it is another.

A complaint the user may take to a named body is one act too: 'Acme has further committed to
refer unresolved Privacy Shield complaints to JAMS …' restates 'If we're not able to resolve the
issue, Acme will cooperate with the JAMS Arbitration and Mediation Service' (same_recourse).
"""

from __future__ import annotations

import re
from functools import lru_cache

from tracker.changes.corroborate import _STOP, Side, _stem, _tokens
from tracker.changes.literals import Prefiltered
from tracker.changes.roles import _DISPUTE_RE
from tracker.changes.vendors import vendor_spans

# one family per act a user may take, in the order of the groups below
FAMILIES = ("opt-out", "delete", "change", "access", "copy", "preferences", "deactivate")
_ACT_RE = re.compile(
    r"(?i)\b(?:(opt(?:[- ]?out| \w+ out)|unsubscrib\w*|withdraw\w* (?:your |their |any |the |this )?consent|"
    r"stop receiving|object(?:s|ing)? to)|(delet\w*|eras(?:e|es|ing)|remov(?:e|es|ing)|eliminat(?:e|es|ing|ion))|"
    r"(chang(?:e|es|ing)|edit(?:s|ing)?|modif(?:y|ies|ying)|updat(?:e|es|ing)|correct(?:s|ing)?|amend(?:s|ing)?|"
    r"rectif(?:y|ies|ying))|(access(?:es|ing)?|review(?:s|ing)?|view(?:s|ing)?)|"
    r"(download(?:s|ing)?|export(?:s|ing)?|(?:a |an electronic |a portable )?cop(?:y|ies) of|portability|"
    r"take (?:[\w'-]+ ){1,8}?out of)|"
    r"((?:tell|provide|give|let)s? (?:(?:us|[A-Z][\w.&'-]*)(?: with| know)? )?(?=your (?:[\w-]+ ){0,2}(?:preferences|choices)\b))|"
    r"(deactivat\w*|clos(?:e|ing) (?:your|an|the|their) (?:[\w-]+ )?account))")
# a sentence that gives the user the act: 'you can …', 'you may …', 'you have the right to …'
_USER_MAY_RE = re.compile(r"(?i)\b(?:you|users?|members?|customers?)\b(?:\s+\w+){0,2}?\s+(?:can|may|could|are able to|"
                          r"have (?:the|a) (?:right|option|ability) to)\b|\bif you (?:would like|wish|want) to\b")
# a sentence that withholds the act: 'you may not opt out …', 'you cannot delete …'
_USER_CANNOT_RE = re.compile(r"(?i)\byou (?:can ?not|can't|may not|will not be able|are not able|cannot)\b")
# words between 'you can' and its act ('you can also choose to delete', 'you may ask us to delete'); further on, the
# act is another clause's
LEAD_WORDS = 4
# a means before the act: the act is how something else is done ('… at any time by removing Fitbit's access')
_BY_RE = re.compile(r"(?i)\b(?:by|through|via|using)\b")
# where the means of an act begins: what follows is how, not what ('by modifying your online profile')
_MEANS_RE = re.compile(r"(?i)\b(?:by|through|via|using|at|on the|from the|in the|if you)\b|[(:;]")
# an instruction to the user that opens with an act ('Take …', 'Download …', 'Delete …')
_IMPERATIVE_RE = re.compile(r"^(?:Take|Download|Export|Delete|Remove|Review|View|Edit|Update|Correct|Access|"
                            r"Opt out|Unsubscribe|Deactivate|Close)\b")
# words of a right that name no object of their own
_GENERIC = frozenset(_stem(w) for w in (
    "information data personal personally identifiable content certain some any all also associated related "
    "relating regarding about concerning held hold have has collected provided stored "
    "preference preferences choice choices option options time times right rights ability able request requests "
    "copy copies consent receive receiving wish like want would please simply easily always anytime").split())
# the act words themselves, never the object
_ACT_WORDS = frozenset(_stem(w) for w in (
    "opt out opt-out unsubscribe withdraw stop object delete erase remove change edit modify update correct amend "
    "rectify access review view download export portability tell provide give let know deactivate deactivation close").split())
# every match of _ACT_RE holds one of these, in lower case (a lookahead's words are in the text
# too): a side's sentences are scanned for acts (matching) with them tested first, and only the
# third or so writing one of them is searched by the case-insensitive alternation
_ACT_HINTS = ("opt", "unsubscrib", "withdraw", "stop", "object", "delet", "eras", "remov", "eliminat", "chang", "edit",
              "modif", "updat", "correct", "amend", "rectif", "access", "view", "download", "export", "cop", "portability",
              "take", "preferences", "choices", "deactivat", "clos")
_ACT_SCAN = Prefiltered(_ACT_RE, _ACT_HINTS)
# every match of roles._DISPUTE_RE holds one of these: the same pre-check for its scans
_DISPUTE_SCAN = Prefiltered(_DISPUTE_RE, ("disput", "arbitrat", "complain", "mediat", "recourse"))


@lru_cache(maxsize=4096)
def acts(text: str) -> tuple[frozenset[str], frozenset[str]] | None:
    """The acts a sentence gives the user (FAMILIES) and the stemmed words of what they act on,
    read before the means ('You may opt out of e-mail marketing by modifying your online
    profile' -> {opt-out}, {email, market}; none when it names no object of its own); None
    when the sentence gives no act."""
    if _USER_CANNOT_RE.search(text):
        return None
    for may in _USER_MAY_RE.finditer(text):
        got = _acts_in(text[may.end():])
        if got is not None:
            return got
    # a control listed as an instruction to the user ('Take information associated with your
    # Google Account out of many of our services', under the account's controls)
    if _IMPERATIVE_RE.match(text):
        return _acts_in(text[:1].lower() + text[1:])
    return None


def _acts_in(rest: str) -> tuple[frozenset[str], frozenset[str]] | None:
    """The acts of the words after 'you can' (or of an instruction) and what they act on; None
    when no act opens them (the act is another clause's or the means of something else)."""
    # a capitalised act is part of a name ('clicking on "Download a copy of your Facebook data"')
    found = [m for m in _ACT_RE.finditer(rest) if m.group(0)[0].islower()]
    if not found or len(rest[:found[0].start()].split()) > LEAD_WORDS or _BY_RE.search(rest[:found[0].start()]):
        return None           # 'you can stop sharing … by removing Fitbit's access': the act is the means
    means = _MEANS_RE.search(rest, found[0].end())
    end = means.start() if means else len(rest)
    families = frozenset(f for m in found if m.start() < end for f, g in zip(FAMILIES, m.groups()) if g)
    words = {_stem(w) for w in _tokens(sign_text(rest[found[0].start():end]), False) if w not in _STOP}
    return families, frozenset(words - _GENERIC - _ACT_WORDS)


def sign_text(text: str) -> str:
    """text with one spelling for a word written two ways ('e-mail', 'email')."""
    return text.lower().replace("e-mail", "email")


def _words(text: str) -> frozenset[str]:
    """The stemmed words of a sentence, spelled one way (sign_text)."""
    return frozenset(_stem(w) for w in _tokens(sign_text(text), False))


# the user's data as a whole, right after the act: 'deletion of your information', 'eliminate the data
# about you', 'update information' (not 'delete your photos', 'your account information', 'information sharing')
_ALL_YOUR_DATA_RE = re.compile(r"(?i)^(?:of )?(?:all |any )?(?:(?:of )?(?:your )?(?:personal )?(?:information|data)\b(?! \w+ing\b)|"
                               r"the (?:personal )?(?:information|data) (?:about|of) you\b)")
# what joins the acts of one list ('access, modify, correct and eliminate'): the object follows the last
_LIST_GLUE_RE = re.compile(r"(?i)(?:\s*,\s*|\s+(?:and|or)\s+|\s*,\s*(?:and|or)\s+)")


def _all_your_data(text: str) -> bool:
    """Does the act a sentence gives the user (acts) bear on all the user's data, named by no
    word of its own ('You may request deletion of your information', 'You have a right to
    access, modify, correct and eliminate the data about you')? Such a right is the same right
    in any sentence that gives the same act over all the user's data."""
    for may in _USER_MAY_RE.finditer(text):
        rest = text[may.end():]
        found = [m for m in _ACT_RE.finditer(rest) if m.group(0)[0].islower()]
        if not found or len(rest[:found[0].start()].split()) > LEAD_WORDS:
            continue
        last = found[0]
        for m in found[1:]:           # a list of acts on one object: the object follows the last
            if not _LIST_GLUE_RE.fullmatch(rest[last.end():m.start()]):
                break
            last = m
        return bool(_ALL_YOUR_DATA_RE.match(rest[last.end():].lstrip()))
    return False


def matching(side: Side, rx: "re.Pattern[str] | Prefiltered") -> list[str]:
    """The sentences of side that rx finds something in, in their order, remembered with the
    side: each claim asked about them again, a scan of every sentence per claim (rx
    Prefiltered: a sentence holding none of its hints is not searched)."""
    got = side._matching.get(rx.pattern)
    if got is None:
        got = side._matching[rx.pattern] = [s for s in side.sentences if rx.search(s)]
    return got


def same_act(claim: str, other: Side, own: Side | None = None) -> bool:
    """Does a sentence of other give every act a right said new (gone) gives, over every word of
    its object, while own (the claim's side, when given)
    does not still write that sentence as it stands? Then the right was reworded."""
    want = acts(claim)
    if want is None:
        return False
    families, objects = want
    whole = not objects and _all_your_data(claim)
    if not objects and not whole:
        return False
    for holder in matching(other, _ACT_SCAN):       # a sentence without an act gives none
        theirs = acts(holder)
        if theirs is None or not families <= theirs[0]:
            continue
        if not (objects <= _words(holder) if objects else _all_your_data(holder)):
            continue
        if own is not None and own.holds(holder):
            continue          # the other side's own sentence, unchanged: it restates nothing
        return True
    return False


# a named page or tool a right is exercised through ('by visiting your ad settings', 'using Ads
# Settings', 'through our Download Your Information tool', 'in the My Account area')
_TOOL_RE = re.compile(r"(?i)\b(?:visit(?:ing)?|going to|using|through|via|in|at|on)\s+(?:your |the |our |its |their )?"
                      r"((?:[\w'-]+ ){1,3}(?:settings|dashboard|tool|center|centre|page|area|controls|portal))\b")
# words that make no name of a tool: 'this page', 'the following page', 'the same page'
_NO_TOOL_WORDS = frozenset("this that these those following same above below relevant appropriate web "
                           "a an any each other".split())
# a user's control that names no act of FAMILIES: 'you can control what information we use to show you ads'
_CONTROL_RE = re.compile(r"(?i)\b(?:control|manage|adjust|choose|set)\b")


def _tool(text: str) -> tuple[str, ...] | None:
    """The named tool a sentence points the user to, its words in lower case without a plural
    ('your ad settings', 'Ads Settings' -> ('ad', 'setting')); None when it names none."""
    m = _TOOL_RE.search(text)
    if m is None:
        return None
    words = m.group(1).lower().split()
    return None if _NO_TOOL_WORDS.intersection(words) else tuple(_singular(w) for w in words)


def _singular(word: str) -> str:
    """word without a plural 's' ('ads' -> 'ad', 'settings' -> 'setting'; 'access' stays)."""
    return word[:-1] if word.endswith("s") and not word.endswith("ss") and len(word) > 2 else word


def _names_tool(text: str, tool: tuple[str, ...]) -> bool:
    """Does text point to the tool (_tool's words, in a row, any case or plural)?"""
    words = [_singular(w) for w in re.findall(r"[\w'-]+", text.lower())]
    n = len(tool)
    return any(tuple(words[k:k + n]) == tool for k in range(len(words) - n + 1))


def same_tool(claim: str, other: Side) -> bool:
    """Does other give the user an act through the same named tool a right said new (gone) points
    to? 'You can control what information we use to show you ads by visiting your ad settings'
    restates 'View and edit your preferences about the Google ads shown to you … using Ads
    Settings': the page was there, the right with it. A claim that names acts (FAMILIES) needs
    them all in the other sentence: 'you can now download your data from the Dashboard' is new
    where the Dashboard only let you view it."""
    tool = _tool(claim)
    if tool is None or not _USER_MAY_RE.search(claim):
        return False
    want = acts(claim)
    families = want[0] if want else frozenset()
    if not families and not _CONTROL_RE.search(claim):
        return False
    return any(_names_tool(holder, tool) and (not families or families <= (acts(holder) or (frozenset(),))[0])
               for holder in matching(other, _ACT_SCAN))


# content words besides the body's name a restated recourse shares with the claim ('arbitration', 'mediation'):
# 'TRUSTe's process is only available in English' is not 'you may raise your complaint with TRUSTe'
RECOURSE_WORDS = 2
# share of a holder's stemmed words the claim's side may still write for the holder to be that side's own,
# reworded ('… visit the TRUSTe feedback page' kept without '… or request this information by fax')
RECOURSE_KEPT = 0.6


def _bodies(text: str) -> frozenset[str]:
    """The named parties of a sentence about complaints or disputes (vendors: JAMS, BBB,
    TRUSTe …); none when it speaks of neither."""
    return frozenset(vendor_spans(text)) if _DISPUTE_RE.search(text) else frozenset()


def same_recourse(claim: str, other: Side, own: Side | None = None) -> bool:
    """Does a sentence of other take complaints or disputes to every body a sentence said new
    (gone) names for them, in a sentence sharing RECOURSE_WORDS more words with it, while own
    (the claim's side) no longer writes that sentence, even reworded (RECOURSE_KEPT)? The
    recourse was reworded ('refer unresolved complaints to JAMS' <- 'cooperate with the JAMS
    Arbitration and Mediation Service'), not brought in or dropped."""
    # a name in many sentences is the company's own or its service's ('Pinterest'), no body of recourse
    bodies = frozenset(b for b in _bodies(claim) if b.lower() not in other.common())
    if not bodies:
        return False
    want = _words(claim) - {_stem(b.lower()) for b in bodies}
    return any(bodies <= _bodies(holder) and len(want & _words(holder) - _STOP) >= RECOURSE_WORDS
               and not (own is not None and own.holds(holder, RECOURSE_KEPT, stemmed=True))
               for holder in matching(other, _DISPUTE_SCAN))


def reworded_right(claim: str, other: Side, own: Side | None = None) -> bool:
    """Does other give a right, choice or recourse said new (gone) in other words: the same act
    on the same object (same_act), the same body of recourse (same_recourse) or the same named
    tool (same_tool)?"""
    return same_act(claim, other, own) or same_recourse(claim, other, own) or same_tool(claim, other)
