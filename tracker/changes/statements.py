"""Summary statements: every rule's candidates, kept when publishable, and the selection.

The rules live in tracker.changes.rules, one module per kind of statement (promises, figures,
sharing, practices, retention, rights, structure). Each reads the facts of one comparison and
returns `Statement`s: one practice each, phrased as a plain fact about the company, with the old
value where there is one, the change indexes it rests on and a named impact level
(tracker.changes.priorities). `candidates()` runs them in the order of RULES and leaves out page
chrome, loose quotes and unanchored references; `select()` orders and trims them; the headline is
the first statement's short form.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Callable

from tracker.changes.anchors import PRONOUN_RE, anchor, continues_line, lead_in
from tracker.changes.clauses import pointing_object
from tracker.changes.leadless import _EXAMPLE_RE
from tracker.changes.phrasing import has_verb, is_advice, is_page_chrome, is_pointer, link_phrase, say_new, says_change, third_person
from tracker.changes.priorities import defines, hedged, MAX_STATEMENTS, narrow, narrow_right, RANK, ranked_standing, section_audience, standing, tier, valued
from tracker.changes.rules.common import _content_words, Context, _PRACTICE_RE, Statement
from tracker.changes.rules.figures import contact_statements, value_statements
from tracker.changes.rules.practices import children_statements, practice_statements
from tracker.changes.rules.notice import answer_statements, notice_statements
from tracker.changes.rules.promises import consent_required_statements, consent_statements, narrowed_promises, promise_statements, signal_statements
from tracker.changes.rules.protections import exposure_statements, protection_statements
from tracker.changes.rules.purposes import own_use_statements
from tracker.changes.rules.retention import retention_statements
from tracker.changes.rules.scope import scope_statements
from tracker.changes.rules.rights import rights_statements
from tracker.changes.rules.sharing import law_statements, named_statements, recipient_statements, sharing_statements, transfer_statements
from tracker.changes.rules.ai import ai_statements
from tracker.changes.rules.swaps import swap_statements
from tracker.changes.rules.structure import pointer_statements, reworded_statements, section_statements

PER_IMPACT = 2


RULES: tuple[Callable[[Context], list[Statement]], ...] = (
    promise_statements, protection_statements, exposure_statements, notice_statements, answer_statements, narrowed_promises, scope_statements, consent_statements, consent_required_statements, value_statements, transfer_statements, rights_statements,
    signal_statements,
    ai_statements, swap_statements, recipient_statements, law_statements, children_statements, named_statements, sharing_statements, own_use_statements, retention_statements, practice_statements, contact_statements,
    section_statements, pointer_statements, reworded_statements,
)


def salience(s: Statement, salient: tuple[str, ...]) -> int:
    """How many of the names and terms new to this version the statement says."""
    low = s.text.lower()
    return sum(1 for t in salient if t in low)


def _repeats(s: Statement, chosen: list[Statement]) -> bool:
    """The same practice already stated (a policy that says one thing twice in other words)."""
    def words(text: str) -> set[str]:
        return _content_words(_SHORT_LABEL_RE.sub("", _LABEL_RE.sub("", text)))
    mine = words(s.text)
    if _same_names_told(s.text, mine, [(c.text, words(c.text)) for c in chosen]):
        return True
    if len(mine) < 5:
        # a short statement whose every word one already chosen says ('No longer names Labs Cloud
        # Services' after 'Now says Wikimedia Cloud Services instead of Wikimedia Labs')
        return len(mine) >= 2 and bool(_NAMES_LABEL_RE.match(s.text)) and any(mine <= words(c.text) for c in chosen)
    return any(len(mine & w) >= 0.7 * min(len(mine), len(w)) for w in (words(c.text) for c in chosen) if len(w) >= 5)


def _same_names_told(text: str, mine: set[str], chosen: list[tuple[str, set[str]]]) -> bool:
    """Two lines of one label naming the same names, one with the clause around them ('Now also
    names Indiana and Kentucky' beside 'Now also names Indiana and Kentucky in “Some states”',
    from two sentences that each added them): the names are told once."""
    label = _NAMES_LABEL_RE.match(text)
    if not label or len(mine) < 2:
        return False
    return any(other.startswith(label.group(0)) and len(theirs) >= 2 and (theirs <= mine or mine <= theirs)
               for other, theirs in chosen)


_SHORT_LABEL_RE = re.compile(r"^(?:No longer names|Now (?:also )?names|Now says|Now mentions)\s*")
_LABEL_RE = re.compile(r"^(?:New|New scope|New retention rule|Retention rule dropped|New commitment|No longer promises|New rights?|"
                       r"Right no longer stated|No longer says|Adds|Now reads|Restates|Narrows its promise|Names [^:]{1,40}):\s*")


def _loss(s: Statement) -> bool:
    """A statement of something the old text said and the new one no longer does (a dropped
    retention rule, a sharing statement gone): what a reader loses is never given up for a name."""
    return s.old is not None and s.new is None


def cover(out: list[Statement], candidates: list[Statement], must: tuple[str, ...]) -> list[Statement]:
    """Every name in must (a law newly cited) said by some statement when a candidate says it:
    the best such candidate takes the place of the last statement that is not a loss and
    says none of them."""
    for name in must:
        low = name.lower()
        if any(low in s.text.lower() for s in out):
            continue
        # the most important reading, a side remark (a reassurance: 'All data collected by Omniture
        # … is owned by X') after the practice itself
        best = next((s for s in sorted(candidates, key=lambda s: (standing(s.impact, s.text) > tier(s.impact), RANK[s.impact]))
                     if low in s.text.lower()), None)
        if best is None:
            continue
        spare = [k for k, s in enumerate(out) if tier(s.impact) > 0 and not _loss(s)
                 and not any(m.lower() in s.text.lower() for m in must)]
        if len(out) < MAX_STATEMENTS:
            out = out + [best]
        elif spare:
            out = out[:spare[-1]] + out[spare[-1] + 1:] + [best]
    return out


# levels of a practice new to this version that a control can be over
_CONTROLLED_LEVELS = frozenset({"sensitive-collected", "sharing-widened", "sources-widened", "collection-widened", "ai-use",
                                "new-recipient"})
# the kinds of data or tracking a control is over: a right and a new practice sharing one of these
# are about the same thing ('opt out of location services' / 'collects location data')
_CONTROLLED_OBJECTS = frozenset("location geolocation gps cookies cookie contacts photos camera microphone biometric biometrics "
                                "health fitness voice facial fingerprint browsing advertising ads retargeting interest-based "
                                "targeted analytics tracking beacons pixels purchases".split())


_NEGATED_RE = re.compile(r"(?i)\b(?:not|never|no longer)\b|n't\b")
# 'You may see advertising for Walmart on other websites …': what the user sees or does, not the
# company's practice
_USER_ACTS_RE = re.compile(r"(?i)^(?:[^,]{0,60},\s*)?you\b")


def controlled_practices(cands: list[Statement], added: frozenset[int]) -> dict[int, int]:
    """The new practices a right stated beside them is a control over, each with the standing of
    that right: 'Fitbit collects location data provided by your mobile device' goes before 'New
    right: you can opt out of location services', whose news is the collection it lets you stop.
    added: the changes that are whole sentences new to this version (a practice reworded was
    there before its control)."""
    rights = [(standing(r.impact, r.text), _content_words(_LABEL_RE.sub("", r.text)) & _CONTROLLED_OBJECTS)
              for r in cands if r.impact == "right-added"]
    rights = [(st, words) for st, words in rights if words]
    out: dict[int, int] = {}
    if not rights:
        return out
    for k, p in enumerate(cands):
        if p.impact not in _CONTROLLED_LEVELS or p.old is not None or not p.changes or not set(p.changes) <= added \
                or standing(p.impact, p.text) != tier(p.impact) \
                or hedged(p.impact, p.text) or _NEGATED_RE.search(p.text) or defines(p.text) \
                or _USER_ACTS_RE.match(_LABEL_RE.sub("", p.text)):
            continue
        words = _content_words(_LABEL_RE.sub("", p.text))
        over = [st for st, w in rights if w & words]
        if over:
            out[k] = min(over)
    return out


# a new limit stated just after the new practice it limits ('Target may target TV ads to guests
# who …', then 'Target does not share any of your personal information with your cable or
# satellite TV provider'): the practice is the news, the reassurance comes with it
REASSURED_WINDOW = 3        # changes: the practice stands in the few sentences before its limit
_REASSURED_LEVELS = _CONTROLLED_LEVELS | {"practice-changed"}
# what the company may do (a modal and its verb), never a state ('TV ads are sent to groups …')
# nor what a technology can be used for ('Flash can be used to place …')
_MODAL_RE = re.compile(r"\b(?:may|will|can|might|could)\s+(?:now\s+|also\s+)*(?!be\b)[a-z]+")
# words any sentence about data shares: never what ties a limit to its practice
_GENERIC_WORDS = frozenset("information personal data share shares shared sharing collect collects collected use uses "
                           "used using provide provides provided receive receives received process processes "
                           "processed disclose discloses disclosed including".split())


def _object_words(text: str) -> set[str]:
    """The lower-case content words of a statement (names and generic data words aside): what
    it is about ('social media platforms', 'shopping')."""
    body = _LABEL_RE.sub("", text.split(" (was: ")[0])
    return _content_words(" ".join(w for w in body.split() if not w[:1].isupper())) - _GENERIC_WORDS


def reassured_practices(cands: list[Statement], added: frozenset[int]) -> dict[int, int]:
    """The new practices a new promise stated right after them limits, each with the standing of
    that promise: 'Target may display targeted ads to you through social media platforms' goes
    before 'New commitment: Target does not share … with social media platforms', whose news is
    the practice it comes with. added: the changes that are whole sentences new to this version."""
    limits = [(standing(r.impact, r.text), max(r.changes), _object_words(r.text)) for r in cands
              if r.impact == "promise-added" and r.changes and set(r.changes) <= added]
    out: dict[int, int] = {}
    for k, p in enumerate(cands):
        body = _LABEL_RE.sub("", p.text)
        if not limits or p.impact not in _REASSURED_LEVELS or p.old is not None or not p.changes \
                or not set(p.changes) <= added or standing(p.impact, p.text) > tier(p.impact) \
                or hedged(p.impact, p.text) or _NEGATED_RE.search(p.text) or defines(p.text) \
                or _USER_ACTS_RE.match(body) or _EXAMPLE_RE.match(body) or not _MODAL_RE.search(body):
            continue
        over = [st for st, kr, words in limits
                if 0 < kr - max(p.changes) <= REASSURED_WINDOW and words & _object_words(p.text)]
        if over:
            out[k] = min(over)
    return out


def scoped(cands: list[Statement], sections: Callable[[int], str]) -> list[Statement]:
    """The candidates with the audience of their section said ('… (for pharmacy guests in Texas
    only)') when every sentence a statement rests on is in a section for some users only and the
    statement does not say so itself: a reader must not take a Texas-only rule for everyone's."""
    out = []
    for s in cands:
        who = {section_audience(sections(k)) for k in s.changes} if s.changes else {None}
        aud = who.pop() if len(who) == 1 else None
        if aud and _place(aud).lower() not in s.text.lower():
            at = s.text.rfind(" (was: ")
            cut = at if at > 0 and s.text.endswith(")") else len(s.text)
            s = dataclasses.replace(s, text=f"{s.text[:cut].rstrip(' .')} (for {aud} only){s.text[cut:]}")
        out.append(s)
    return out


def _place(audience: str) -> str:
    """The place an audience is named by: 'Texas' of 'pharmacy guests in Texas', 'California' of
    'California residents'."""
    return audience.split(" ")[0] if audience.endswith(" residents") else audience.rsplit(" ", 1)[-1]


def select(candidates: list[Statement], salient: tuple[str, ...] = (), must: tuple[str, ...] = (),
           per_level: int = PER_IMPACT, trivial: frozenset[int] = frozenset(),
           added: frozenset[int] = frozenset()) -> list[Statement]:
    """At most MAX_STATEMENTS statements, most important first (by impact level, then by the
    new names and terms they carry: any before none), one per change, at most two per impact level.

    trivial: the changes that alter no meaning (a typo or an inflection fixed, an article
    swapped); a statement resting only on them is left out while another statement remains.
    added: the changes that are sentences new to this version (controlled_practices).

    Within its standing a statement whose line says its change goes first (untold); not in a
    rewrite's digest (per_level 1), which is told by the range of its levels: there nearly every
    sentence is new in some words, and a quote is often the only line of its level."""
    if trivial:
        meaningful = [s for s in candidates if not s.changes or not set(s.changes) <= trivial]
        if any(s.changes for s in meaningful):
            candidates = meaningful
    best: dict[tuple[int, ...], int] = {}       # one statement per change: its most important reading
    for s in candidates:
        if s.changes and RANK[s.impact] < best.get(s.changes, len(RANK)):
            best[s.changes] = RANK[s.impact]
    candidates = [s for s in candidates if not s.changes or RANK[s.impact] == best[s.changes]]
    ahead = reassured_practices(candidates, added)
    for k, st in controlled_practices(candidates, added).items():
        ahead[k] = min(st, ahead.get(k, st))
    ordered = sorted(enumerate(candidates),
                     key=lambda kc: (ahead.get(kc[0], ranked_standing(kc[1].impact, kc[1].text, kc[1].old, kc[1].new)),
                                     kc[0] not in ahead,
                                     standing(kc[1].impact, kc[1].text) > tier(kc[1].impact),
                                     per_level > 1 and untold(kc[1]),
                                     -valued(kc[1].impact, kc[1].text, kc[1].old, kc[1].new), narrow(kc[1].text),
                                     narrow_right(kc[1].impact, kc[1].text),
                                     hedged(kc[1].impact, kc[1].text),
                                     -(len(kc[1].changes) > 1), -min(salience(kc[1], salient), 1),
                                     RANK[kc[1].impact],
                                     -salience(kc[1], salient), kc[0]))
    out: list[Statement] = []
    used: set[int] = set()
    texts: set[str] = set()
    per_impact: dict[str, int] = {}
    covered: set[int] = set()            # sentences a chosen digest already sums up
    for _, s in ordered:
        digest = len(s.changes) > 1      # a digest names several sentences: it blocks none of them
        if s.changes and not digest and used & set(s.changes):
            continue
        if s.changes and not digest and tier(s.impact) > 0 and set(s.changes) <= covered:
            continue                     # one of the sentences a digest sums up
        if digest:
            covered.update(s.changes)
        key = s.text.lower()
        if key in texts or per_impact.get(s.impact, 0) >= per_level or _repeats(s, out):
            continue
        out.append(s)
        if not digest:
            used |= set(s.changes)
        texts.add(key)
        per_impact[s.impact] = per_level if digest else per_impact.get(s.impact, 0) + 1
        if len(out) == MAX_STATEMENTS:
            break
    return cover(out, candidates, must) if must else out


# the label of a line that only names ('Now also names Montana', 'No longer names IDB')
_ONLY_NAMES_RE = re.compile(r"^(?P<label>Now (?:also )?names|No longer names) (?P<names>.+)$")
_NAMES_SPLIT_RE = re.compile(r",\s*(?:and\s+)?|\s+and\s+")
_WAS_PART_RE = re.compile(r"\(was:[^)]*\)?")


def _says_name(text: str, name: str) -> bool:
    """text says name as a whole phrase (case aside): 'Montana' in '… the Montana Consumer Data
    Privacy Act', never 'Art' in 'Artificial'."""
    return re.search(rf"(?<!\w){re.escape(name.lower())}(?!\w)", text.lower()) is not None


def names_told_elsewhere(text: str, others: list[str]) -> bool:
    """A line that only names ('Now also names Montana') whose every name a longer line beside it
    says in the same sense ('… the Montana Consumer Data Privacy Act'; a name no longer named in
    that line's '(was: …)' or in a line that says it is dropped): two lines about one name, and
    the longer one says more."""
    m = _ONLY_NAMES_RE.match(text)
    if not m:
        return False
    names = [n.strip(" .") for n in _NAMES_SPLIT_RE.split(m.group("names")) if n.strip(" .")]
    gone = m.group("label") == "No longer names"
    for other in others:
        if _ONLY_NAMES_RE.match(other) or len(other) <= len(text):
            continue
        was = " ".join(_WAS_PART_RE.findall(other))
        lost = other.startswith(("No longer", "Drops"))       # a line of what the text no longer says
        said = (other if lost else was) if gone else ("" if lost else _WAS_PART_RE.sub(" ", other))
        if names and all(_says_name(said, n) for n in names):
            return True
    return False


# what a line says of its change without one of says_change's marks: a level that is a change by
# itself (a promise dropped or narrowed), a value given with its replacement, a count of re-pointed links
_TOLD_RE = re.compile(r"(?i)\b(?:drops|narrows|widens|withdraws|reverses) its (?:promise|commitment)\b|^New [\w -]{1,30}: |"
                      r"\bchanged to\b|\blink targets? changed\b")
# an old value with no word and no number in it ('S.à r (was: á r.l)': an accent or a letter
# fixed) says no change a reader can use; '(was: 13)' beside an age does
_EMPTY_WAS_RE = re.compile(r" \(was: (?![^()]*(?:[A-Za-z]{3}|\d))[^()]*\)$")


def untold(s: Statement) -> bool:
    """A statement whose line does not say what changed: a quote of a sentence with no 'New:',
    'now', 'no longer' or '(was: …)' ('Pinterest is not directed to children under 13'), which
    subscribers read as news although the old text may have said the same. Within its tier it
    goes after the lines that say their change, so it leads and is shown only when they do not.
    Its headline form counts: 'To learn more about the Safe Harbor program, …' leads as 'Cisco
    now cites Safe Harbor'. An old value with no word in it tells nothing ('… S.à r (was: á r.l)')."""
    return tier(s.impact) > 0 and not any(tells(t) for t in (s.text, s.short) if t)


def tells(line: str) -> bool:
    """Does a line say what changed: a mark of says_change, a promise dropped or narrowed, a
    value given with its replacement, never an old value with no word or number in it?"""
    line = _EMPTY_WAS_RE.sub("", line)
    return says_change(line) or bool(_TOLD_RE.search(line))


def joined_to_antecedent(cands: list[Statement]) -> list[Statement]:
    """The candidates with a sentence that only says why or how 'it does this' ('Twitter does
    this to help improve its Services') joined to the statements of the sentence before it,
    whose practice 'this' is ('Twitter may keep track of … links in Tweets, to help improve
    …'). Alone it says nothing; when that sentence is not stated it stays, behind the others
    (tracker.changes.headline._lead_order)."""
    tails: dict[int, tuple[str, str]] = {}       # change -> (why or how, its most important level)
    for s in cands:
        m = _DOES_THIS_RE.match(_LABEL_RE.sub("", s.text.split(" (was: ")[0]))
        if m and len(s.changes) == 1 and s.old is None:
            k = s.changes[0]
            tail, impact = tails.get(k, ("", s.impact))
            tails[k] = (max(tail, m.group(1), key=len), min(impact, s.impact, key=lambda i: RANK[i]))
    stated = {s.changes[0] for s in cands if len(s.changes) == 1 and s.old is None}
    tails = {k: t for k, t in tails.items() if k - 1 in stated}
    if not tails:
        return cands              # 'this' is a sentence no statement quotes: kept, it never leads
    out = []
    for s in cands:
        if len(s.changes) == 1 and s.changes[0] in tails:
            continue
        after = tails.get(s.changes[0] + 1) if len(s.changes) == 1 and s.old is None else None
        if after:
            s = dataclasses.replace(s, text=f"{s.text.rstrip(' .')}, {after[0]}",
                                    impact=min(s.impact, after[1], key=lambda i: RANK[i]))
        out.append(s)
    return out if out else cands


# 'Twitter does this to help …', 'X does so by comparing …': the practice is the sentence before
_DOES_THIS_RE = re.compile(r"^(?:[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,3}|It|We|They) (?:also |only )?(?:does|do|did) "
                           r"(?:this|that|so) ((?:to|in order to|by|because|for|when|so that)\b.+)$")


# levels a sentence keeps even when it only links elsewhere: the right or law it names matters
_KEPT_BY_POINTERS = frozenset({"right-added", "right-removed", "law-cited", "law-for-transfers", "transfer-basis", "transfer-swap", "sale-reversal",
                               "promise-withdrawn", "consent-weakened"})


def _as_pointer(ctx: Context, s: Statement) -> Statement:
    """A statement resting on one sentence that only sends the reader elsewhere ('For more
    information, please see …', 'To read our EU privacy policy click here') says so plainly
    ('Adds a link to its EU privacy policy') and trails every statement of a practice."""
    if len(s.changes) != 1 or s.impact in _KEPT_BY_POINTERS:
        return s
    c = ctx.changes[s.changes[0]]
    text = c.old if c.kind == "removed" else c.new
    if is_advice(text):          # 'Children should exercise caution …': advice to the reader, never the lede
        return Statement(s.text, s.topic, "pointer", s.old, s.new, s.changes, s.short)
    if not is_pointer(text):
        return s
    link = link_phrase(third_person(text or "", ctx.owner))
    if link and c.kind in ("added", "removed"):
        said = f"Adds {link}" if c.kind == "added" else f"No longer gives {link}"
        return Statement(said, s.topic, "pointer", link if c.kind == "removed" else None,
                         link if c.kind == "added" else None, s.changes)
    return Statement(s.text, s.topic, "pointer", s.old, s.new, s.changes, s.short)


def candidates(ctx: Context) -> list[Statement]:
    """Every rule's statements; the catch-all rewording rule only when the others found too
    few to fill the summary (it would read every change of a long rewrite for nothing)."""
    from tracker.changes.digests import DIGESTS
    out: list[Statement] = []
    for rule in DIGESTS + RULES:
        if rule is reworded_statements and len(out) >= 2 * MAX_STATEMENTS:
            continue
        out.extend(rule(ctx))
    out = [_as_pointer(ctx, _said_whole(ctx, s)) for s in out if not _chrome(ctx, s)]
    out = [s for s in out if not continues_line(ctx, s)]      # a wrapped line or a lone item: never a statement
    out = [_data_named(ctx, s) for s in out]
    stated = [s for s in out if not _loose(s) and not _points_back(ctx, s) and not _names_no_data(s)
              and not pointing_object(_LABEL_RE.sub("", s.text))]
    return stated if stated else out


def _data_named(ctx: Context, s: Statement) -> Statement:
    """s with the data its rule keeps when its quote names none: a table cell or the value after a
    label ('Stored for up to 7 days' -> 'Selfie and ID image …: stored for up to 7 days'),
    named by its row's first cell or its label (retained.with_data)."""
    from tracker.changes.retained import names_no_data, with_data
    label = _LABEL_RE.match(s.text)
    body = s.text[label.end():] if label else s.text
    if len(s.changes) != 1 or not names_no_data(body):
        return s
    c = ctx.changes[s.changes[0]]
    sentence = c.old if c.kind == "removed" else c.new
    said = with_data(body, sentence or "", ctx.old_page if c.kind == "removed" else ctx.new_page)
    if said is None:
        return s
    return dataclasses.replace(s, text=(label.group(0) if label else "") + said, short="")


def _names_no_data(s: Statement) -> bool:
    """Does the statement's quote keep data for a time without naming the data ('Stored for up
    to 2 years')? Left out while another statement remains: a bare period tells a reader nothing."""
    from tracker.changes.retained import names_no_data
    label = _LABEL_RE.match(s.text)
    return names_no_data(s.text[label.end():] if label else s.text)


def _said_whole(ctx: Context, s: Statement) -> Statement:
    """s with its referent or its list's lead-in (tracker.changes.anchors). A line that opens in
    lower case (continues_line: a wrapped line, a list item) is only ever joined to its lead-in:
    the sentence before it is not what its pronoun points to ('… may send e-mails to' + 'their
    e-mail addresses to third parties …' is no sentence)."""
    return lead_in(ctx, s) if continues_line(ctx, s) else lead_in(ctx, anchor(ctx, s))


def _points_back(ctx: Context, s: Statement) -> bool:
    """The statement's subject points back to a sentence it does not quote, and no referent
    was found for it (tracker.changes.anchors): left out while another statement remains.
    A protection or a right gained or lost is kept (it never leads): what it protects is
    still news."""
    from tracker.changes.anchors import points_back, previous
    body = _LABEL_RE.sub("", s.text)
    return tier(s.impact) >= 2 and points_back(body, previous(ctx, s))


# statements that must say something about data to be stated at all: a sentence quoted because
# it changed, not because a rule recognised a practice in it
_QUOTED_IMPACTS = frozenset({"reworded", "practice-changed"})
_DATA_WORD_RE = re.compile(r"(?i)\b(?:information|data|cookies?|privacy|personal|account|e-?mails?|address|location|"
                           r"consent|opt[- ]?(?:in|out)|advertis\w*|ads|track\w*|children|security|secure|third[- ]part\w*|"
                           r"partners?|affiliates?|identif\w*|profil\w*|contacts?|photos?|messages?|payment|credit card|"
                           r"browser|device|IP|logs?|settings?|preferences?|marketing|newsletters?|notices?|rights?|law|"
                           r"complaints?|disclos\w*|transfer\w*|disputes?|arbitration|mediation|regulators?|authorit\w+|"
                           r"framework|principles|polic(?:y|ies)|terms|agreement|services?)\b")
# a statement whose subject is a pronoun or demonstrative whose antecedent is in a sentence not
# quoted: 'They may combine this information …', 'This includes having …', 'It will receive …'
_UNANCHORED_RE = PRONOUN_RE


_NAMES_LABEL_RE = re.compile(r"^(?:Now (?:also )?names|No longer names|Now says .{1,60} instead of)\b")


def _loose(s: Statement) -> bool:
    """A quoted statement about no data at all ('the company strives to be a responsible
    community partner'), or one that starts with a pronoun whose antecedent is not quoted:
    left out while any other statement remains."""
    body = _LABEL_RE.sub("", s.text)
    body = body[:1].upper() + body[1:]
    if _UNANCHORED_RE.match(body) or (len(body.split()) < 4 and not _NAMES_LABEL_RE.match(s.text)):
        return True               # ... or a fragment a wrapped line left ('All data collected')
    if (s.old and s.new and any(re.search(r"\d", v) for v in (s.old, s.new))) or _NAMES_LABEL_RE.match(s.text):
        return False              # a value, an address or a name changed: stated whatever words surround it
    letters = [ch for ch in body if ch.isalpha()] if not body.isascii() else []   # ASCII: all letters ASCII
    if sum(ch.isascii() for ch in letters) < 0.8 * len(letters):
        return False              # another language: the English words of data say nothing about it
    return s.impact in _QUOTED_IMPACTS and not _DATA_WORD_RE.search(body) and not _PRACTICE_RE.search(body)


# statements that name what they quote by kind (a heading, a law, a value): never page chrome
_NAMED_IMPACTS = frozenset({"section-added", "section-removed", "law-cited", "law-for-transfers", "transfer-basis", "transfer-swap", "value-changed",
                            "contact-changed", "retention-changed"})


def _chrome(ctx: Context, s: Statement) -> bool:
    """A statement resting on one sentence whose changed side is page furniture a scrape kept
    ('Share on Google Plus Share on LinkedIn', a menu of article teasers): never stated."""
    if len(s.changes) != 1 or s.impact in _NAMED_IMPACTS:
        return False
    c = ctx.changes[s.changes[0]]
    sides = [t for t in ((c.new,) if c.kind == "added" else (c.old,) if c.kind == "removed" else (c.old, c.new)) if t]
    # a recipient swapped (rules.swaps) quotes lists of names: only its sentences can be chrome
    quoted = [] if s.impact == "new-recipient" and s.old and s.new else [t for t in (s.new, s.old) if t]
    if any(is_page_chrome(t) for t in quoted) or (bool(sides) and all(is_page_chrome(t) for t in sides)):
        return True
    body = _LABEL_RE.sub("", s.text)
    words = [w for w in body.split() if w.lower() not in _EDGE_FUNCTION_WORDS]   # 'Amazon and the Environment More'
    return s.impact in _LOOSE_IMPACTS and len(words) >= 3 and not has_verb(body) \
        and sum(1 for w in words if w[:1].isupper()) >= 0.75 * len(words)


_EDGE_FUNCTION_WORDS = frozenset("and or the of for to & a an in on at by with".split())
_LOOSE_IMPACTS = frozenset({"reworded", "practice-changed", "named-party", "collection-widened", "ai-use"})


# levels whose statements say what they are by their own words ('Adds a link …', a heading, a
# law now cited, a summary page): never put under 'New: '
_SAID_BY_KIND = frozenset({"scope-changed", "scope-listed", "pointer", "section-added", "section-removed", "page-summary", "law-cited", "law-for-transfers",
                           "office-named", "controller-changed"})


def _mostly_old(phrase: str, old: str) -> bool:
    """Does the old sentence already hold half or more of the phrase's content words, stemmed
    ('Application and Websites privacy setting' <- 'application privacy settings')? Then the
    phrase renames what was there: 'now' would call it new."""
    from tracker.changes.corroborate import sign
    want, had = sign(phrase).stems, sign(old).stems
    return bool(want) and 2 * len(want & had) >= len(want)


def stated_as_new(ctx: Context, s: Statement, said_before: Callable[[str], bool] = lambda _: False) -> Statement:
    """A statement that quotes a sentence only the new version has, said as new ('Twitter may
    now keep track of …', 'New: These services may collect …'; see phrasing.say_new), its
    headline form too: a reader never has to guess whether a quoted sentence is new. An added
    sentence whose practice the old text already wrote in other words (said_before: most of its
    content words in one old sentence) stays a plain quote: 'now' would be a false claim."""
    if len(s.changes) != 1 or s.old is not None or s.impact in _SAID_BY_KIND:
        return s
    change = ctx.changes[s.changes[0]]
    kind = change.kind
    if kind == "reworded":        # words added to a sentence: 'now' only when they are a phrase the quote holds
        came = third_person(s.new or "", ctx.owner)
        if len(came.split()) < 3 or came.lower() not in s.text.lower() or _mostly_old(came, change.old or ""):
            return s
    elif kind != "added":
        return s
    text = say_new(s.text, ctx.owner)
    if text == s.text or (kind == "reworded" and text.startswith("New: ")):
        return s                  # 'New: …' would call the whole reworded sentence new
    if kind == "added" and said_before(change.new or ""):
        return s                  # looked for last: the whole old text is searched
    return Statement(text, s.topic, s.impact, s.old, s.new, s.changes, say_new(s.short, ctx.owner) if s.short else "")
