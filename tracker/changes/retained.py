"""A retention rule said new or dropped while the other text keeps the same data.

A rule of keeping data that the aligner could not pair (reworded, moved to another section, its
period grown) looks added on one side and dropped on the other. Before a line says 'New
retention rule' or 'Retention rule dropped', the other text is read for a rule of keeping (or
deleting) the same data: most of the claim's own words, the words of keeping and of periods
aside, in one sentence that keeps or deletes data and that the claim's own side does not write.

- the same periods there (or, for a rule without one, the same limit in other words: 'as long as
  necessary to prevent spam and abuse'): the rule was restated, no news (same_keeping);
- one period there and another here: the period changed, said as the new text's rule with the
  old period ('… deleted within 7 days (was: 30 days)'), never as a rule dropped (kept_otherwise).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from tracker.changes.corroborate import _stem, _STOP, _tokens, Side
from tracker.changes.entities import sentence_durations
from tracker.changes.report import Change
from tracker.changes.rules.common import Statement

SAME_DATA = 0.6             # share of a rule's own words (keeping and periods aside) the other rule must hold
SAME_DATA_SAME_PERIOD = 0.5     # the same, when the two rules give the same periods: the period tells the rule too
MIN_DATA_WORDS = 3          # fewer own words are too little to tell which data a rule keeps
RETENTION_IMPACTS = frozenset({"retention-changed", "retention-stated"})
QUOTE_LIMIT = 200           # characters of the new rule quoted: a rule of keeping is worth a longer quote, as a name is
HEADLINE_ROOM = 139         # characters of its headline form with the old period: the headline stays under 140

# the words every rule of keeping writes, whatever data it keeps: no sign of which data it is
_KEEPING_WORDS = frozenset(_stem(w) for w in """keep keeps kept keeping retain retains retained retaining retention
store stores stored storing storage delete deletes deleted deleting deletion erase erased purge purged
destroy destroyed anonymise anonymize anonymised anonymized remove removed hold held period periods
day days week weeks month months year years hour hours minute minutes up maximum minimum least most
generally typically usually normally longer long information data personal will one two three four
five six seven eight nine ten eleven twelve thirty sixty ninety hundred
until unless choose chosen last interact interaction after before from end date time within following upon
thereafter earlier later whichever first""".split())
_DIGITS_RE = re.compile(r"\d")
# the reasons any rule of keeping gives: no sign of which data it keeps
_BOILERPLATE = frozenset(_stem(w) for w in """required permitted applicable law laws legal obligations obligation comply
compliance necessary purposes purpose reasons business need needed otherwise""".split())
# two rules whose data words, reasons aside, are the same few ('We retain your account information
# for 2 years after you close your account' and 'Account information is retained for 5 years after
# your account is closed, unless the law requires otherwise'): the same data, however few its words
MIN_SAME_DATA_WORDS = 2


@lru_cache(maxsize=8192)
def own_words(text: str) -> frozenset[str]:
    """The stemmed words that tell which data a rule keeps and why ('Pitch content is generally
    retained for up to 30 days, unless we need to keep it longer for safety …' -> pitch,
    content, need, safety …): no stop word, no word of keeping, no period, no number."""
    return frozenset(w for w in _tokens(text, True) if w not in _STOP and w not in _KEEPING_WORDS
                     and not _DIGITS_RE.search(w) and len(w) > 2)


def _keeps(text: str) -> bool:
    """Does the sentence keep or delete data for a time or until an event (a rule of keeping)?"""
    from tracker.changes.rules.retention import is_retention_rule
    return is_retention_rule(text)


def _same_data(want: frozenset[str], theirs: frozenset[str], same_periods: bool, common: frozenset[str] = frozenset()) -> bool:
    """Do two rules keep the same data: SAME_DATA of the claim's own words in the other rule's, or
    of the other rule's in the claim's (a rule restated for more data, or for less, keeps the same
    data too; read so, the other rule's words are read without common, the names its side writes
    everywhere, and must name data beyond the reasons every rule gives, 'as required by applicable
    law'), SAME_DATA_SAME_PERIOD when they give the same periods?"""
    share = SAME_DATA_SAME_PERIOD if same_periods else SAME_DATA
    if len(want) >= MIN_DATA_WORDS and len(want & theirs) >= share * len(want):
        return True
    if _same_few(want, theirs, common):
        return True
    theirs = theirs - common
    return len(theirs - _BOILERPLATE) >= MIN_DATA_WORDS and len(theirs & want) >= share * len(theirs)


def _same_few(want: frozenset[str], theirs: frozenset[str], common: frozenset[str] = frozenset()) -> bool:
    """Do two rules name the very same data words, reasons and names aside, at least
    MIN_SAME_DATA_WORDS of them? Too few to be shared in part, they tell the data when equal."""
    mine = want - _BOILERPLATE - common
    return len(mine) >= MIN_SAME_DATA_WORDS and mine == theirs - _BOILERPLATE - common


# rule_words results remembered: the claim check reads every sentence of the other side that
# shares a word with a claim, the same sentences again for each claim (per claim x sentence, once
# per sentence instead; the page is the same whole text each time, its hash computed once)
RULE_WORDS_MEMO = 16384


@lru_cache(maxsize=RULE_WORDS_MEMO)
def rule_words(sentence: str, page: str = "") -> frozenset[str]:
    """own_words of a rule, with those of the data its table row or label names when the rule
    itself names none ('Retained for up to 2 years after the account deletion'). Never mutated."""
    words = own_words(sentence)
    if page and (len(words) < MIN_DATA_WORDS or names_no_data(sentence)):
        words |= own_words(data_lead(sentence, page) or "")
    return words


def keeping_elsewhere(claim: str, other: Side, own_has: Callable[[str], bool], pages: tuple[str, str] = ("", "")) -> str | None:
    """The sentence of other, not written on the claim's own side, that keeps the same data as
    the claim (_same_data); None when none does or when two such sentences give different
    periods (no honest pairing). pages: the claim's side's and the other side's whole texts."""
    common = frozenset(_stem(w) for w in other.common())     # the company's and the service's names
    want = rule_words(claim, pages[0])
    if len(want) < MIN_DATA_WORDS and len(want - _BOILERPLATE - common) < MIN_SAME_DATA_WORDS:
        return None
    periods = sentence_durations(claim)
    pool = sorted({k for w in want for k in other._by_stem.get(w, ())})
    found: list[str] = []
    for k in pool:
        if not other.passes("keeps", k, _keeps):     # a rule of keeping first: read once per sentence of the side
            continue
        holder = other.sentences[k]
        same_periods = bool(periods) and sentence_durations(holder) == periods
        if _same_data(want, rule_words(holder, pages[1]), same_periods, common) and not own_has(holder):
            found.append(holder)
    if len({frozenset(sentence_durations(h)) for h in found}) != 1:
        return None
    return found[0]


def same_keeping(claim: str, other: Side) -> bool:
    """Does other keep the data of a rule said new (dropped) for the same periods, or, the rule
    naming none, without a period either ('Off-chain attestations are stored as long as necessary
    to prevent spam and abuse' <- 'Off-chain data … is stored only as long as necessary to
    prevent fraud, spam and abuse')? The rule was restated: no news."""
    holder = keeping_elsewhere(claim, other, lambda _: False)
    return holder is not None and sentence_durations(holder) == sentence_durations(claim)


def _periods(values: set[str]) -> str:
    from tracker.changes.values import _durations_sorted
    return _durations_sorted(values)


_BOUNDARY_RE = re.compile(r"[,;]\s|\s(?:unless|except|so that|in order to|to meet|to comply|as required|which)\b")


def cut_after_periods(quote: str, sentence: str, periods: set[str], room: int) -> str | None:
    """The longest start of quote that ends at a clause boundary after every one of the periods as
    written, fits room and reads as a rule ('… retained for ten (10) years from the end of the
    financial year'), else None: a cut between two periods would pair the old one with one only."""
    written = [written_period(sentence, p) for p in periods]
    found = [quote.find(w) + len(w) if w and w in quote else -1 for w in written]
    if not found or min(found) < 0:
        return None
    ends = [m.start() for m in _BOUNDARY_RE.finditer(quote, max(found))]
    fits = [e for e in ends if e <= room]
    return quote[:fits[-1]].rstrip(" ,;") if fits else None


_UNTIL_EVENT_RE = re.compile(r"(?i)\buntil (?:you |your |the |we |it )[^,;.()]{3,60}")


def _until(rule: str) -> str:
    """' (was: until your account is deleted)': the event a rule without a period kept the data
    until, or '' when it names none."""
    m = _UNTIL_EVENT_RE.search(rule)
    return f" (was: {m.group(0).strip()})" if m else ""


def _holder_change(changes: Sequence[Change], holder: str, kind: str) -> tuple[int, ...]:
    """The index of the change (of kind) that adds or drops holder, as a tuple: () when none does."""
    for j, d in enumerate(changes):
        if d.kind == kind and (d.new if kind == "added" else d.old) == holder:
            return (j,)
    return ()


def kept_otherwise(s: Statement, c: Change, sides: dict[str, Side], says: Callable[[str, str, int], str | None],
                   pages: dict[str, str] | None = None, changes: Sequence[Change] = ()) -> Statement | None:
    """A retention rule said new (dropped) whose data the other text keeps for another period:
    the new text's rule with the old period, '… deleted within 24 hours after download, and … within
    7 days (was: 30 days)'. says(sentence, period) quotes the new rule's clause holding period;
    pages: each side's whole text, where a table row names the data of a rule that names none."""
    pages = pages or {}
    if s.impact not in RETENTION_IMPACTS or len(s.changes) != 1 or c.kind not in ("added", "removed"):
        return None
    gone = c.kind == "removed"
    claim = c.old if gone else c.new
    if not claim:
        return None
    own, other = (sides["old"], sides["new"]) if gone else (sides["new"], sides["old"])
    written = set(own.sentences)       # a rule both sides write (unchanged) is no other half of this one
    holder = keeping_elsewhere(claim, other, written.__contains__,
                               (pages.get("old" if gone else "new", ""), pages.get("new" if gone else "old", "")))
    if holder is None:
        return None
    mine, theirs = sentence_durations(claim), sentence_durations(holder)
    was, now_values = (mine, theirs) if gone else (theirs, mine)
    old_rule, new_rule = (claim, holder) if gone else (holder, claim)
    if not now_values or was == now_values or was & now_values:
        return None             # a period on both sides: another part of the rule changed, not its period
    # a period where the old rule kept the data until an event: that event is what it was
    was_said = f" (was: {_periods(was)})" if was else _until(old_rule)
    if not was_said:
        return None
    now = says(new_rule, sorted(now_values)[0], QUOTE_LIMIT)
    if not now or not all((w := written_period(new_rule, p)) and w in now for p in now_values):
        return None
    short = says(new_rule, sorted(now_values)[0], HEADLINE_ROOM - len(was_said)) \
        or cut_after_periods(now, new_rule, now_values, HEADLINE_ROOM - len(was_said))
    if short and not all((w := written_period(new_rule, p)) and w in short for p in now_values):
        short = None
    short = short or condensed(now, now_values, HEADLINE_ROOM - len(was_said))
    # the rule on the other side is the other half of this change: a statement of it alone says less
    pair = tuple(sorted(set(s.changes) | set(_holder_change(changes, holder, "added" if gone else "removed"))))
    return Statement(f"{now}{was_said}", "retention", "retention-changed", was_said[len(" (was: "):-1], _periods(now_values), pair,
                     f"{short}{was_said}" if short and short != now else "")


def written_period(text: str, period: str) -> str | None:
    """How text writes a period read as period ('two (2) years' for '2 years'), None when it
    writes none that reads so."""
    from tracker.changes.entities import _DURATION_RE
    for m in _DURATION_RE.finditer(text):
        if period in sentence_durations(m.group(0)):
            return m.group(0)
    return None


def period_quote(owner: str, pages: dict[str, str]) -> Callable[[str, str, int], str | None]:
    """says for kept_otherwise: the clause of a rule of the new side holding the period as the rule
    writes it, in the third person, with the data it keeps (with_data), or None when no quote that
    fits holds it."""
    from tracker.changes.rules.common import _says, NAMED_QUOTE_LIMIT

    def says(sentence: str, period: str, limit: int = NAMED_QUOTE_LIMIT) -> str | None:
        written = written_period(sentence, period)
        if not written:
            return None
        quote = _says(owner, sentence, re.compile(re.escape(written)), limit)
        return with_data(quote, sentence, pages.get("new", "")) if quote and written in quote else None
    return says


# a rule that names no data: a table cell or the value after a label ('Stored for up to 7 days',
# 'Retained for up to 2 years after the account deletion', '13 months from your last activity')
_SUBJECTLESS_RE = re.compile(r"(?i)^(?:stored|retained|kept|deleted|held|erased|archived|purged|anonymi[sz]ed|"
                             r"destroyed)\b")
# a period opening a line: bare unless a clause with a verb of keeping follows ('13 months from your last activity')
_PERIOD_FIRST_RE = re.compile(r"(?i)^(?:for )?(?:up to |a maximum of |at most |no longer than )?\d+ (?:days?|weeks?|months?|"
                              r"years?|hours?)\b")
_VERB_OF_KEEPING_RE = re.compile(r"(?i)\b(?:is|are|was|were|will|may|shall|can|keeps?|retains?|stores?|deletes?|erases?|"
                                 r"holds?|purges?)\b")
_CELL_MARKUP_RE = re.compile(r"\*\*|__|<br\s*/?>|[*_`]")
MAX_LEAD = 160              # characters of a data lead quoted before a rule that names no data; longer is a paragraph


def names_no_data(said: str) -> bool:
    """Does a quoted rule of keeping open without the data it keeps ('Stored for up to 2 years')?"""
    return bool(_SUBJECTLESS_RE.match(said)) or bool(_PERIOD_FIRST_RE.match(said)) and not _VERB_OF_KEEPING_RE.search(said)


def data_lead(sentence: str, page: str) -> str | None:
    """What a rule that names no data keeps, as the text names it: the label before its colon
    ('Selfie and ID image or video …: Stored for up to 7 days') or the first cell of its table
    row ('| Account identifiers, e.g. Account ID and Game UID | … | Retained for up to 2 years … |');
    None when the text names none."""
    head, colon, rest = sentence.rpartition(": ")
    if colon and names_no_data(rest) and own_words(head):
        return _lead(head)
    at = page.find(sentence[:60]) if page else -1
    if at < 0:
        return None
    line = page[page.rfind("\n", 0, at) + 1:page.find("\n", at) if page.find("\n", at) >= 0 else len(page)]
    if not line.lstrip().startswith("|"):
        return None
    first = _CELL_MARKUP_RE.sub("", line.strip().strip("|").split("|")[0]).strip(" .:")
    if not first or sentence[:30] in first or not own_words(first):
        return None
    return _lead(first)


def _lead(text: str) -> str | None:
    from tracker.changes.phrasing import tidy
    text = tidy(text)
    return text if len(text) <= MAX_LEAD else None


def with_data(said: str, sentence: str, page: str) -> str | None:
    """said, a quoted rule of keeping, with the data it keeps when it names none ('Account
    identifiers, e.g. Account ID and Game UID: retained for up to 2 years after the account
    deletion'); None when it names none and the text gives no lead (a bare period tells a reader
    nothing)."""
    if not names_no_data(said):
        return said
    lead = data_lead(sentence, page)
    if lead is None:
        return None
    if said.lower() in lead.lower():
        return None
    return f"{lead}: {said[:1].lower() + said[1:] if not said[:2].isupper() else said}"


# -- periods aligned by the data each governs, inside one reworded sentence ------------------

# where one period's clause starts: a clause or list mark before it ('…, profile data for one year')
_CLAUSE_MARK_RE = re.compile(r";|:|,|\.\s|<br\s*/?>|\n|\(|\)|\s[\u2013\u2014-]\s|\u2022|\s\*\s")
# what leads a list item and is no data ('and', 'we keep', 'we will retain')
_ITEM_LEAD_RE = re.compile(r"(?i)^\s*(?:(?:and|or|but|also|then|while)\s+)*(?:(?:we|it|they)\s+(?:\w+ly\s+)?"
                           r"(?:may\s+|will\s+|can\s+|also\s+|generally\s+|only\s+)*(?:keep|retain|store|hold|save|"
                           r"maintain|preserve|archive)s?\s+)?")
# the words between a kept item and its period that say for how long ('for', 'for up to')
_FOR_RE = re.compile(r"(?i)\s*(?:\bfor\b\s*)?(?:(?:up\s+to|a\s+(?:maximum\s+)?period\s+of|a\s+maximum\s+of|"
                     r"no\s+longer\s+than|at\s+most)\s*)?$")
# a verb of keeping in the clause itself ('Essential data is saved for 11 years'): the clause is quoted as written
_CLAUSE_VERB_RE = re.compile(r"(?i)\b(?:is|are|be|been|we|will|may|shall)\s+(?:\w+\s+){0,2}?(?:kept|retained|stored|held|saved|"
                             r"maintained|preserved|archived|deleted|erased|purged|destroyed|anonymi[sz]ed|keep|retain|store|"
                             r"hold|save|maintain|delete|erase)\b")
# a verb that keeps data (not one that deletes it): what governs a list of items and their periods
_KEEP_VERB_RE = re.compile(r"(?i)\b(?:keep|keeps|kept|retain|retains|retained|store|stores|stored|hold|holds|held|save|saves|"
                           r"saved|maintain|maintains|maintained|preserve|preserves|preserved)\b")
_DELETE_VERB_RE = re.compile(r"(?i)\b(?:delete|deletes|deleted|erase|erases|erased|purge|purges|purged|destroy|destroys|"
                             r"destroyed|anonymi[sz]es?|anonymi[sz]ed)\b")
# a clause that opens on an event or a condition is no data ('after an Account has been inactive for')
_NOT_DATA_RE = re.compile(r"(?i)^(?:after|before|when|if|once|until|since|from|within|during|following|upon|unless|"
                          r"except|in|at|of|to|by|where|which|that|as)\b")
# what a period runs from, kept in the line ('six years from the date of the communication')
_TAIL_RE = re.compile(r"(?i)^\s+(?:from|after|following|since)\s+(?:(?!in\b|to\b|for\b|unless\b|except\b|and\b|or\b|as\b|if\b|"
                      r"so\b|which\b|in\b)[\w/'\u2019-]+\s*){1,8}")
CLAUSE_DATA_SHARE = 0.6     # share of a new clause's data words an old clause must hold to govern the same data
CLAUSE_KEPT_SHARE = 0.6     # an old clause whose data a new clause keeps for the old period to that share is kept
MAX_CLAUSE_LINE = 160       # characters of a clause line: longer is a paragraph, not one practice


class PeriodClause:
    """One period of a sentence and the data its clause names ('profile data and imprecise
    location of download' for 'one year')."""

    __slots__ = ("period", "written", "lead", "tail", "words", "own_verb", "governing")

    def __init__(self, period: str, written: str, lead: str, tail: str, own_verb: bool, governing: str) -> None:
        self.period, self.written, self.lead, self.tail = period, written, lead, tail
        self.words = own_words(lead)
        self.own_verb, self.governing = own_verb, governing


def period_clauses(sentence: str) -> list[PeriodClause]:
    """The periods of sentence, each with the text of its own clause before it (from the last
    clause or list mark, or the end of the period before): the data that period governs."""
    from tracker.changes.entities import _DURATION_RE
    out: list[PeriodClause] = []
    start = 0
    for m in _DURATION_RE.finditer(sentence):
        periods = sentence_durations(m.group(0))
        if len(periods) != 1:
            start = m.end()
            continue
        before = sentence[start:m.start()]
        marks = list(_CLAUSE_MARK_RE.finditer(before))
        lead = before[marks[-1].end():] if marks else before
        tail = _TAIL_RE.match(sentence[m.end():])
        last_keep = max((v.start() for v in _KEEP_VERB_RE.finditer(sentence, 0, m.start())), default=-1)
        last_delete = max((v.start() for v in _DELETE_VERB_RE.finditer(sentence, 0, m.start())), default=-1)
        governing = "" if last_keep == last_delete else "keep" if last_keep > last_delete else "delete"
        out.append(PeriodClause(next(iter(periods)), m.group(0), lead.strip(), tail.group(0).rstrip() if tail else "",
                                bool(_CLAUSE_VERB_RE.search(lead)), governing))
        start = m.end()
    return out


def _governs_same(new: PeriodClause, old: PeriodClause) -> bool:
    """Does the old clause name the data of the new one: CLAUSE_DATA_SHARE of the new clause's
    data words, two at least unless both name the same single word ('logs')?"""
    shared = new.words & old.words
    if not shared or len(shared) < CLAUSE_DATA_SHARE * len(new.words):
        return False
    return len(shared) >= 2 or new.words == old.words


def _kept_as_was(old: PeriodClause, new_clauses: list[PeriodClause]) -> bool:
    """Does the new sentence keep most of an old clause's data for the old period still (the
    other clause of that data is then a new, narrower rule, not a changed period)?"""
    if not old.words:
        return False
    kept = set().union(*(n.words for n in new_clauses if n.period == old.period)) & old.words
    return len(kept) >= CLAUSE_KEPT_SHARE * len(old.words)


def changed_clauses(old: str, new: str) -> list[tuple[PeriodClause, PeriodClause]]:
    """(old clause, new clause) pairs of two versions of one sentence whose data is the same and
    whose period changed ('profile data and imprecise location of download for one year' ->
    'imprecise location of download/purchase for five years'); a clause that another of the old
    periods could govern, or whose data the new sentence keeps for the old period, is none."""
    olds, news = period_clauses(old), period_clauses(new)
    out: list[tuple[PeriodClause, PeriodClause]] = []
    for n in news:
        if not n.words or _NOT_DATA_RE.match(_ITEM_LEAD_RE.sub("", n.lead)):
            continue
        candidates = [o for o in olds if _governs_same(n, o)]
        if not candidates or any(o.period == n.period for o in candidates):
            continue
        if len({o.period for o in candidates}) != 1 or _kept_as_was(candidates[0], news):
            continue
        out.append((candidates[0], n))
    return out


def new_clauses(old: str, new: str, old_sentences: Sequence[str] = ()) -> list[PeriodClause]:
    """Clauses of the new sentence that keep data the old one gave no period for, nor any old
    sentence for the same period ('we keep photos of banned members for two years' put into a
    list of periods): MIN_DATA_WORDS data words at least, none of them in an old clause of the
    sentence, fewer than SAME_DATA of them in an old sentence with that period."""
    olds = period_clauses(old)
    out: list[PeriodClause] = []
    for n in period_clauses(new):
        if len(n.words) < MIN_DATA_WORDS or any(n.words & o.words for o in olds) \
                or _NOT_DATA_RE.match(_ITEM_LEAD_RE.sub("", n.lead)):
            continue
        if any(n.period in sentence_durations(s) and len(n.words & own_words(s)) >= SAME_DATA * len(n.words)
               for s in (old, *old_sentences)):
            continue
        out.append(n)
    return out


def clause_line(n: PeriodClause) -> str | None:
    """A new clause as a rule of keeping in its own words: as written when it has its own verb
    ('Essential data is saved for 6 years'), else its data 'kept' for the period when a verb of
    keeping governs the list it is in ('imprecise location of download/purchase kept for five
    years'); None when neither reads as one."""
    if n.own_verb:
        text = f"{n.lead} {n.written}{n.tail}"
    elif n.governing == "keep":
        item = _ITEM_LEAD_RE.sub("", n.lead)
        gap = _FOR_RE.search(item)
        data = item[:gap.start()].strip(" ,;") if gap else ""
        if not data or _NOT_DATA_RE.match(data):
            return None
        limit = re.sub(r"(?i)^for\b", "", gap.group(0).strip()).strip() if gap else ""
        text = f"{data} kept for {limit} {n.written}{n.tail}"
    else:
        return None
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= MAX_CLAUSE_LINE else None


# a period written in words with its figure after it ('two (2) years'): the figure repeats the word
_FIGURE_AFTER_WORD_RE = re.compile(r"(?i)\b([a-z]+(?:-[a-z]+)?)\s*\(\d{1,4}\)(?=\s*-?\s*(?:business |calendar |working )?"
                                   r"(?:second|minute|hour|day|week|month|year)s?\b)")
# a list of three items or more ('marketing emails, push notifications, and/or in-app messages'):
# its first item stands for it with '(…)', as an aside left out
_ITEM_WORD = (r"(?!(?:for|to|up|after|until|with|by|from|in|on|at|unless|except|which|that|as|if|when|where|is|are|was|"
              r"were|will|may|can|shall|be|and|or)(?![\w'\u2019-]))[\w'\u2019-]+")      # a word of a list item: no preposition or verb
_ITEM = rf"{_ITEM_WORD}(?: {_ITEM_WORD}){{0,3}}"
_LIST_RE = re.compile(rf"\b({_ITEM})((?:, {_ITEM}){{1,6}},? (?:and/or|and|or) {_ITEM})(?=[ ,;.]|$)")


def condensed(quote: str, periods: set[str], room: int, cut: bool = True) -> str | None:
    """quote, a rule of keeping too long for a headline, in fewer words that keep its practice:
    a period's figure after its word left out ('two years'), then each list of three items or
    more said by its first ('marketing emails (…)'), then (cut) cut at a clause boundary after its
    periods; None when no form fits room or one leaves out a period."""
    form = _FIGURE_AFTER_WORD_RE.sub(r"\1", quote)
    if len(form) > room:
        form = _LIST_RE.sub(lambda m: m.group(0) if any(sentence_durations(m.group(0))) else f"{m.group(1)} (…)", form)
    if len(form) > room and cut:
        form = cut_after_periods(form, form, periods, room) or ""
    if not form or len(form) > room or not periods <= sentence_durations(form):
        return None
    return form
