"""Claims of 'new' or 'gone' that the other text restates with another value or an exception,
said as the change they are.

A sentence the aligner could not pair looks added on one side and removed on the other. When
the other side says the same practice in other words, corroborate.py drops the claim. But two
restatements are news in their own right and must be said, not dropped:

- a rule of keeping or deleting data said dropped (or new) while a sentence of the other side,
  itself new there, deletes or aggregates data the same way after another period ('After a
  maximum of 10 days, we start deleting, de-identifying, or aggregating Widget Data' ->
  '… we delete, obfuscate, or aggregate it after no longer than 30 days'): the period changed,
  'after a maximum of 30 days (was: 10 days)';
- a promise said withdrawn while the new side makes it with an exception added ('does not share
  … for their promotional use' -> '… for their promotional or marketing use without your
  consent'), or said new while the old side made it without one: the promise was narrowed, and
  the report says how;
- any other sentence said gone (new) that the other side says with one duration or age changed.

Below them, restatements that are no news at all, for corroborate to drop: examples that name no
data, a right that only points to where it is explained, a pointer to a document still named or
to the same kind of page under a new title, recipients named by their trade that the other text
names one by one ('AI service providers' -> Anthropic), a list's lead reworded, and a new sentence
that only introduces an example the old text gave.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from tracker.changes.corroborate import (_in_order, MIN_WORDS, _NEWS_RE, _NUMBER_RE, SAME_PRACTICE, Side, holding_all, sign, _stem,
                                         _STOP, _tokens, _USER_CAN_RE, _USER_CANNOT_RE)
from tracker.changes.literals import Prefiltered
from tracker.changes.report import Change
from tracker.changes.rules.common import Statement

# acts of ending the keeping of data, one key per family ('deleting', 'delete' and 'deletes' as one)
_END_ACTS_RE = re.compile(r"(?i)\b(?:(delet)\w*|(eras)\w*|(purg)\w*|(destroy)\w*|(aggregat)\w*|(anonymi[sz])\w*|"
                          r"(de-identif)\w*|(obfuscat)\w*|(pseudonymi[sz])\w*|(remov)\w*|(retain|retention|keep|kept)\w*)\b")
SAME_RULE_ACTS = 2          # two acts of ending the keeping in common: the same rule ('delete … or aggregate')
RETENTION_IMPACTS = frozenset({"retention-changed", "retention-stated"})


def _end_acts(text: str) -> set[str]:
    return {next(g for g in m.groups() if g).lower()[:5] for m in _END_ACTS_RE.finditer(text)}


def _periods(text: str) -> set[str]:
    from tracker.changes.entities import sentence_durations
    return set(sentence_durations(text))


def retention_elsewhere(claim: str, other: Sequence[str], own_has: Callable[[str], bool]) -> tuple[str, str] | None:
    """(the claim's period, the other side's period) when a sentence of the other side that its
    own side does not have ends the keeping of data with the same acts after another period;
    None when no sentence does, or when several periods would fit (no honest pairing)."""
    periods = _periods(claim)
    acts = _end_acts(claim)
    if len(periods) != 1 or len(acts) < SAME_RULE_ACTS:
        return None
    found: set[str] = set()
    for holder in other:
        theirs = _periods(holder)
        if len(theirs) == 1 and not theirs & periods and len(acts & _end_acts(holder)) >= SAME_RULE_ACTS \
                and not own_has(holder):
            found |= theirs
    if len(found) != 1:
        return None
    return next(iter(periods)), next(iter(found))


def retention_restated(s: Statement, c: Change, old_side: Sequence[str], new_side: Sequence[str],
                       holds: Callable[[str, str], bool]) -> Statement | None:
    """A retention rule said dropped (new) that the other side states with another period: the
    rule's own words with the period changed, '… after a maximum of 30 days (was: 10 days) …'.
    holds(side, sentence) tells whether that side ('old', 'new') has the sentence."""
    if s.impact not in RETENTION_IMPACTS or len(s.changes) != 1 or c.kind not in ("added", "removed"):
        return None
    gone = c.kind == "removed"
    claim, quoted = (c.old, s.old) if gone else (c.new, s.new)
    if not claim or not quoted:
        return None
    pair = retention_elsewhere(claim, new_side if gone else old_side,
                               lambda t: holds("old" if gone else "new", t))
    if pair is None or pair[0] not in quoted:
        return None
    mine, theirs = pair
    was, now = (mine, theirs) if gone else (theirs, mine)
    said = quoted.replace(mine, f"{now} (was: {was})", 1)
    return Statement(said[:1].upper() + said[1:], "retention", "retention-changed", was, now, s.changes)


def narrowed_statement(s: Statement, holder: str, owner: str) -> Statement:
    """'Narrows its promise: Intuit does not share your personal information with anyone outside
    of Intuit for their promotional or marketing use without your consent (was: no exception)':
    a promise said withdrawn that the new side makes with an exception the old one lacked. The
    old sentence stays in the statement's old field (too long to read beside the new one)."""
    from tracker.changes.phrasing import third_person, tidy
    from tracker.changes.rules.common import _lower
    now = tidy(third_person(holder, owner)) if owner else tidy(holder)
    m = re.search(r"(?i)\b(?:without|unless|except|only)\b[^,;.()]*", now)
    short = _exception_short(owner, now, m.group(0)) if m else ""
    return Statement(f"Narrows its promise: {_lower(now)} (was: no exception)", s.topic, "promise-narrowed",
                     s.old, now, s.changes, short)


# a number and what it counts: 'three business days', '18 months', '13 years old'
_UNIT = r"(?:[ -](?:business|calendar|working|full))?[ -](?:days?|weeks?|months?|years?|hours?|minutes?)(?: old)?"
SAME_VALUE_SENTENCE = 0.7   # share of a sentence's stemmed words (numbers aside) in its restatement


_NUMBER_WORDS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
                 "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "thirty": "30", "sixty": "60", "ninety": "90",
                 "hundred": "100"}


def _value_phrase(text: str, number: str) -> str | None:
    """The number with what it counts ('three business days', 'the age of 13'), or None when it
    counts nothing a reader would call a value ('2-Step Verification', a list item's number)."""
    n = re.escape(number)
    m = re.search(rf"(?i)\b{n}{_UNIT}\b", text) or re.search(rf"(?i)\b(?:age of|aged?|under|over|older than|younger than) {n}\b", text)
    return m.group(0) if m else None


def _same_number(a: str, b: str) -> bool:
    return _NUMBER_WORDS.get(a.lower(), a) == _NUMBER_WORDS.get(b.lower(), b)


def value_elsewhere(claim: str, other: Side, own: Side) -> tuple[str, str, str] | None:
    """(the sentence of other that says claim with one number changed, the claim's number, that
    sentence's number), when other has one such sentence its own side lacks ('… within three
    business days' -> '… within five business days of its receipt'); else None."""
    want = sign(claim)
    if not want.numbers:
        return None
    words = {_stem(w) for w in want.words if not _NUMBER_RE.fullmatch(w)}
    if len(words) < 4:
        return None
    signs = other._index()
    need = SAME_VALUE_SENTENCE * len(words)
    # a sentence holding `need` of the words holds one of the len(words) - need + 1 rarest (Side.holds)
    rarest = sorted(words, key=lambda x: (len(other._by_stem.get(x, ())), x))[: len(words) - math.ceil(need - 1e-9) + 1]
    pool = sorted({k for st in rarest for k in other._by_stem.get(st, ())})
    found: list[tuple[str, str, str]] = []
    for k in pool:
        got = signs[k]
        mine, theirs = set(want.numbers) - set(got.numbers), set(got.numbers) - set(want.numbers)
        if len(words & got.stems) < need or got.polarity != want.polarity or len(mine) != 1 or len(theirs) != 1:
            continue
        holder = other.sentences[k]
        a, b = next(iter(mine)), next(iter(theirs))
        if not _same_number(a, b) and _value_phrase(claim, a) and _value_phrase(holder, b) and not own.holds(holder):
            found.append((holder, a, b))
    return found[0] if len(found) == 1 else None


QUOTED_VALUES = frozenset({"reworded", "practice-changed", "collection-widened", "ai-use", "children-rule", "retention-stated"})


def value_restated(s: Statement, c: Change, sides: dict[str, Side], owner: str) -> Statement | None:
    """A sentence quoted as gone (new) whose other side says it with one number changed: the new
    sentence with the old value, '… within five business days (was: three business days) …'."""
    from tracker.changes.phrasing import third_person, tidy
    if s.impact not in QUOTED_VALUES or len(s.changes) != 1 or c.kind not in ("added", "removed"):
        return None
    gone = c.kind == "removed"
    claim = c.old if gone else c.new
    if not claim:
        return None
    found = value_elsewhere(claim, sides["new" if gone else "old"], sides["old" if gone else "new"])
    if found is None:
        return None
    holder, mine, theirs = found
    new_sentence, new_number, old_number = (holder, theirs, mine) if gone else (claim, mine, theirs)
    old_sentence = claim if gone else holder
    now_phrase, was_phrase = _value_phrase(new_sentence, new_number), _value_phrase(old_sentence, old_number)
    now = tidy(third_person(new_sentence, owner)) if owner else tidy(new_sentence)
    if not now_phrase or not was_phrase or now_phrase not in now:
        return None
    text = now.replace(now_phrase, f"{now_phrase} (was: {was_phrase})", 1)
    return Statement(text[:1].upper() + text[1:], s.topic, "value-changed", was_phrase, now_phrase, s.changes)


# an exception a promise may carry: '(except our service providers)', 'unless you ask us to', 'without your consent'
_EXCEPTION_PHRASE_RE = re.compile(r"(?i)\s*\((?:except|excluding|other than|unless)\b[^()]*\)|,?\s*\b(?:except|unless|"
                                  r"other than|without)\b[^,;.()]*")
NEW_PROMISES = frozenset({"promise-added", "no-sale-promise"})
MIN_PROMISE_WORDS = 6       # content words a promise without its exception needs to be recognised by


def _without_word(kind: Callable[[str], bool], word: "re.Pattern[str]") -> Callable[[str], bool]:
    return lambda holder: kind(holder) and not word.search(holder)


def exception_added(claim: str, old: Side, kind: Callable[[str], bool]) -> str | None:
    """The exception a promise said new carries that the old side's same promise lacked ('will
    not sell, rent, swap or authorize any third party (except our service providers) to use your
    email address without your permission' <- the same without '(except our service providers)');
    None when the old side has no such promise."""
    for m in _EXCEPTION_PHRASE_RE.finditer(claim):
        bare = claim[:m.start()] + claim[m.end():]
        if len(sign(bare).stems) < MIN_PROMISE_WORDS:
            continue                      # 'will not use this information for any purpose': any promise says that
        # the old promise had no exception of this kind in other words ('other than the purpose for
        # which it was submitted' is 'other than the reason you provided it')
        word = re.match(r"(?i)\W*(except|excluding|other than|unless|without)", m.group(0))
        plain = _without_word(kind, re.compile(rf"(?i)\b{word.group(1) if word else 'except'}\b"))
        if old.holds(bare, kind=plain) or old.holds(bare, SAME_PRACTICE, stemmed=True, kind=plain):
            return m.group(0).strip(" ,")
    return None


def narrowed_new_promise(s: Statement, c: Change, sides: dict[str, Side],
                         kind_of: Callable[[str], Callable[[str], bool] | None], owner: str) -> Statement | None:
    """A promise said new that the old text made without one of its exceptions: narrowed, and
    the report says which exception it gained."""
    from tracker.changes.phrasing import third_person, tidy
    from tracker.changes.rules.common import _lower
    if s.impact not in NEW_PROMISES or len(s.changes) != 1 or not c.new or c.kind not in ("added", "reworded"):
        return None
    kind = kind_of(c.new)
    exception = exception_added(c.new, sides["old"], kind) if kind is not None else None
    if not exception:
        return None
    now = tidy(third_person(c.new, owner)) if owner else tidy(c.new)
    said = tidy(third_person(exception, owner)) if owner else exception
    return Statement(f"Narrows its promise: {_lower(now)} (was: no “{said.strip('()')}” exception)", s.topic,
                     "promise-narrowed", None, now, s.changes, _exception_short(owner, now, said))


def _exception_short(owner: str, promise: str, exception: str) -> str:
    """The headline form: "NYT's promise not to sell now has an exception: its service providers"."""
    verb = re.search(r"(?i)\b(?:not|never) (?:[a-z]+ly )?([a-z]+)", promise)
    exception = re.sub(r"(?i)^\(?(?:except|excluding)\s+", "", exception.strip("() ,"))
    if not owner or not verb or not exception:
        return ""
    # the promise with its object when that fits: 'not to collect any personal information from children'
    obj = re.match(r"[^,;()]*?(?=\s+(?:\(|without|unless|except|other than|only)\b|[,;]|$)", promise[verb.end():])
    for what in ((verb.group(1) + obj.group(0)) if obj else "", verb.group(1)):
        short = f"{owner}'s promise not to {what} now has an exception: {exception}"
        if what and len(short) <= 140:
            return short
    return ""


# -- restatements that are no news at all (corroborate._held) ---------------------------------

# a sentence that sends the reader to another document for more ('You can find more information … by
# referring to the supplementary privacy notices for particular services'), and the document's name
_POINTS_TO_RE = re.compile(r"(?i)\b(?:find|learn|read|get|obtain) (?:out )?(?:more|additional|further|detailed) "
                           r"(?:information|details)\b[^.;]*?\b(?:refer(?:ring)? to|visit(?:ing)?|see|seeing|read(?:ing)?|"
                           r"consult(?:ing)?|review(?:ing)?) (?:the |our |its |any )?((?:[\w-]+ ){0,3}?[\w-]+ "
                           r"(?:notices?|polic(?:y|ies)|statements?|terms|faqs?|cent(?:er|re)|materials|supplements?))\b")


def same_pointer(claim: str, side: Side) -> bool:
    """Does side still name the document a sentence said gone sent the reader to (its last two
    words: 'product specific privacy notices' for 'the supplementary privacy notices')? Only the
    way of pointing to it changed."""
    m = _POINTS_TO_RE.search(claim)
    if not m:
        return False
    name = [_stem(w) for w in _tokens(m.group(1), False)][-2:]
    if len(name) < 2 or name[0] in {_stem(w) for w in _STOP}:
        return False
    return any(_in_order(name, _tokens(t, True)) for t in side.names_like(m.group(1).split()[-2] + " " + m.group(1).split()[-1]))


# a sentence that sends the reader to a page or document by its title ('Visit the California Privacy
# Disclosures page to read …'): the title (capitalised words) and what it is
_SENDS_TO_RE = re.compile(r"\b(?i:visit|see|read|review|consult|refer to|go to|check)\s+(?i:the |our |its )?"
                          r"((?:[A-Z][\w'’-]*[ -]){1,5}?)(?i:(page|notice|policy|section|disclosures|statement|"
                          r"supplement|addendum|cent(?:er|re)|hub|portal))\b")
SAME_FRAME = 0.7            # share of the pointer's other words (what it sends the reader there for) the new one must keep


def _pointer_frame(text: str) -> tuple[str, str, frozenset[str]] | None:
    """(the title a pointer names, what it names, the stems of its other words), or None."""
    m = _SENDS_TO_RE.search(text)
    if not m:
        return None
    rest = text[:m.start(1)] + " " + text[m.end(1):]
    return m.group(1).strip(" -"), m.group(2).lower(), sign(rest).stems


def renamed_pointer(claim: str, side: Side, own: Side | None) -> bool:
    """Does side send the reader, for the same ends and in the same words, to a page of the same
    kind under a title the claim's own side never names ('Visit the State-Specific Privacy
    Disclosures page to read additional disclosures …' for 'Visit the California Privacy
    Disclosures page …')? The page was renamed, the pointer is not gone. A title own still names
    is another page that was there all along ('the Japan Privacy Disclosures page' beside a dropped
    'Republic of Korea' one): the dropped pointer is gone."""
    frame = _pointer_frame(claim)
    if frame is None or own is None:
        return False
    title, what, stems = frame
    if len(stems) < MIN_WORDS:
        return False
    for holder in side.names_like(f"{title.split()[-1]} {what}") if len(title.split()) else []:
        theirs = _pointer_frame(holder)
        if theirs is None or theirs[1] != what or theirs[0] == title or own.names(theirs[0]):
            continue
        if theirs[0].split()[-1].lower() == title.split()[-1].lower() and len(stems & theirs[2]) >= SAME_FRAME * len(stems) \
                and sign(holder).polarity == sign(claim).polarity:
            return True
    return False


# recipients named by their trade ('third-party artificial intelligence service providers'), and the
# test a named party passes to be one of them: the report's own lists of AI providers and social networks
_TRADES: tuple[tuple["re.Pattern[str]", str], ...] = (
    (re.compile(r"(?i)\b(?:artificial intelligence|AI|large language model|LLM|machine learning)\b[^.;]{0,40}?"
                r"\b(?:providers?|vendors?|partners?|companies|services)\b"), "ai"),
    (re.compile(r"(?i)\bsocial (?:media|network\w*)\b[^.;]{0,30}?\b(?:providers?|platforms?|partners?|companies|"
                r"services|sites)\b"), "social network"),
)
# what is handed over: the user's own words and files, not 'information' or 'data' at large
_HANDED_RE = re.compile(r"(?i)\b(?:inputs?|prompts?|queries|questions?|recordings?|transcripts?|conversations?|messages?|"
                        r"chats?|uploads?|files|images?|photos?|videos?|content)\b")
_HANDS_OVER_RE = re.compile(r"(?i)\b(?:sen[dt]s?|sending|shar(?:e|es|ed|ing)|disclos\w*|transmit\w*|transfer\w*|"
                            r"pass\w* (?:\w+ ){0,3}to|provid(?:e|es|ed|ing) (?:\w+ ){0,4}(?:to|with))\b")


def _members(trade: str, text: str) -> set[str]:
    """The parties text names that are of trade ('ai', 'social network')."""
    from tracker.changes.rules.ai import AI_PROVIDERS
    from tracker.changes.vendors import find_vendors, role_of
    names = find_vendors(text)
    return {v for v in names if (v in AI_PROVIDERS if trade == "ai" else role_of(v) == trade)}


def named_member(claim: str, side: Side) -> bool:
    """Does side hand the same things (inputs, prompts, recordings …) to a party it names that is
    of the trade a sharing sentence said gone names its recipients by ('your inputs may be shared
    with third-party artificial intelligence service providers' <- 'Dune sends Anthropic the inputs
    and context needed …')? A general statement made specific is not gone."""
    trades = [trade for rx, trade in _TRADES if rx.search(claim)]
    handed = {m.lower().rstrip("s") for m in _HANDED_RE.findall(claim)}
    if not trades or not handed or sign(claim).polarity:
        return False
    for holder in side.sentences:
        if not _HANDS_OVER_RE.search(holder) or sign(holder).polarity:
            continue
        if handed & {m.lower().rstrip("s") for m in _HANDED_RE.findall(holder)} \
                and any(_members(trade, holder) for trade in trades):
            return True
    return False


# a sentence that gives an example of the one before it ('For example, when you're not signed in …')
_EXAMPLE_OPENING_RE = re.compile(r"(?i)^\W*(?:for (?:example|instance)|e\.g\.|as an example|in particular),?\s+(?=\S)")


def introduces_old_example(claim: str, old: Side, new: Side) -> bool:
    """Is a sentence said new followed, in the new text, by an example of it that the old text
    already gave ('Google also collects and uses data that is not associated with your account.
    For example, when you're not signed in to a Google Account, we store the information …', the
    example written before without its 'For example')? The new sentence only names what the old
    text described: it is no new practice."""
    sentences = new.sentences
    for k in new.at(claim):
        if k + 1 >= len(sentences):
            continue
        m = _EXAMPLE_OPENING_RE.match(sentences[k + 1])
        if m and old.holds(sentences[k + 1][m.end():]):
            return True
    return False


# a sentence that only opens a list ('Acme collects the following types of information:', 'We may
# share your data with these categories of recipients'): what the list holds is the news, not its lead
_LEADS_LIST_RE = re.compile(r"(?i)\b(?:the following|as follows|listed below|set out below|described below|below)\b|"
                            r"\b(?:these|such) (?:types|categories|kinds|sorts)\b|:\s*$")
MAX_LEAD_WORDS = 20         # words of a list's lead: a longer sentence says more than that a list follows


def _leads_list(text: str) -> bool:
    return len(text.split()) <= MAX_LEAD_WORDS and bool(_LEADS_LIST_RE.search(text))


def same_lead_in(claim: str, side: Side) -> bool:
    """Does side open a list with the same act on data as a list's lead said gone ('Acme collects
    the following types of information' <- 'We collect these categories of personal data:')? The
    lead was reworded; what the lists hold is told by their items, not by their leads."""
    from tracker.changes.corroborate import _acts
    if not _leads_list(claim):
        return False
    acts = _acts(claim)
    want = sign(claim)
    # whom, what for, which data: a lead naming them ('… with advertisers:') is restated only with them
    news = {_stem(w) for w in want.words if _NEWS_RE.fullmatch(w)}
    return bool(acts) and any(acts <= _acts(t) and sign(t).polarity == want.polarity
                              and news <= sign(t).stems for t in side.having("leads_list", _leads_list))


# examples of what a sentence names ('our own websites, such as www.target.com and …, and our
# mobile apps, such as our Target and Cartwheel apps'): a restatement without them still says it
_EXAMPLES_RE = re.compile(r"(?i),?\s*\b(?:such as|e\.g\.,?)\s[^;:()]*?"
                          r"(?=\s*,\s*(?:and|or)\s|\s*[;:)]|\.(?:\s|$)|$)")


def _no_news_example(m: "re.Match[str]") -> str:
    """'' for a list of examples that names no recipient, purpose, kind of data or control
    (sites, apps, products), else the list as written: 'such as those that collect demographic
    and interest data' says which data."""
    words = [w for w in _tokens(m.group(0), False) if w not in ("such", "as", "e.g")]
    return m.group(0) if any(_NEWS_RE.fullmatch(w) or w in ("information", "data", "details") for w in words) else ""


def without_examples(text: str) -> list[str]:
    """text, and text without its lists of examples when it has any."""
    bare = _EXAMPLES_RE.sub(_no_news_example, text)
    return [text, bare] if bare != text and len(sign(bare).words) >= MIN_WORDS else [text]


# a right that sends the reader to where it is explained: 'You may opt out of those cookies as described below'
_POINTER_RE = re.compile(r"(?i)\s*\(?\b(?:as (?:described|explained|set out|detailed|outlined)|see) (?:below|above|"
                         r"(?:later |further )?in (?:the|this) [\w ]{1,30}? section)\b\)?")
# 'Note (that) you may also opt out …': the reader's attention asked for, no word of the right
_NOTE_RE = re.compile(r"(?i)^\W*(?:please )?note(?: that)?[:,]?\s+(?=\S)")
_DEMONSTRATIVES = frozenset({"those", "these", "such", "said", "the", "this", "that"})


def pointed_right(claim: str, side: Side, kind: Callable[[str], bool]) -> bool:
    """Does side give, in a right of its own, every word of a right that only points to where it
    is explained ('You may opt out of those cookies as described below' <- 'You may opt-out of the
    cookies delivered by Acme by changing the setting on your browser')? The right was already
    given; the pointer is new, not the right. Too few words to be recognised otherwise."""
    if not _POINTER_RE.search(claim):
        return False
    bare = _NOTE_RE.sub("", _POINTER_RE.sub("", claim))
    want = sign(bare)
    words = {_stem(w) for w in _tokens(bare.replace("-", " "), False) if w not in _STOP and w not in _DEMONSTRATIVES}
    if len(words) < 2:
        return False
    for holder in side.sentences:
        if words <= set(_tokens(holder.replace("-", " "), True)) and sign(holder).polarity == want.polarity \
                and (kind(holder) or _USER_CAN_RE.search(holder)):
            return True
    return False


# one control in two forms: 'Acme shares … for marketing unless you advise us not to' is 'You may
# choose to opt out of the sharing of … for marketing'
_UNLESS_YOU_RE = re.compile(r"(?i)\bunless you (?:advise|tell|ask|instruct|notify|direct|request|inform)\w*\b[^.;]*?"
                            r"(?:\bnot to\b|\botherwise\b)|\bunless you (?:opt|choose to opt)[- ]?out\b")
_OPT_OUT_RE = re.compile(r"(?i)\b(?:opt|choose to opt)[- ]?out of\b")
_FORM_WORDS = frozenset({"unless", "advise", "tell", "ask", "instruct", "notify", "direct", "request", "inform",
                         "otherwise", "choose", "opt", "out", "opt-out", "may", "can"})
SAME_CONTROL = 0.6          # share of the claim's stemmed words (the form's words aside) in the other form


def other_form(claim: str, side: Side) -> bool:
    """Does side give the control a claim states in the other form ('… unless you advise us not
    to' for 'you may opt out of …', and the way back)? Neither the practice nor the opt-out is
    new or gone: the text says one with the words of the other."""
    if _UNLESS_YOU_RE.search(claim):
        wanted = _OPT_OUT_RE
    elif _OPT_OUT_RE.search(claim):
        wanted = _UNLESS_YOU_RE
    else:
        return False
    words = {_stem(w) for w in _tokens(claim, False) if w not in _STOP and w not in _FORM_WORDS}
    if len(words) < MIN_WORDS:
        return False
    need = SAME_CONTROL * len(words)
    for where in (side, side.joined()):        # a sentence a wrapped line cut in two is read whole
        signs = where._index()
        rarest = sorted(words, key=lambda x: (len(where._by_stem.get(x, ())), x))[: len(words) - math.ceil(need - 1e-9) + 1]
        pool = sorted({k for st in rarest for k in where._by_stem.get(st, ())})
        if any(len(words & signs[k].stems) >= need and wanted.search(where.sentences[k]) for k in pool):
            return True
    return False


# a control that stops a use, and what it stops ('opt out of | this advertising', 'disable |
# cookies'): the words after it up to a preposition, a clause or the end
_STOPS_RE = re.compile(r"(?i)\b(?:opt(?:[- ]?out| \w+ out) of|disable|turn off|unsubscribe from|block|object to|"
                       r"decline|refuse)\s+((?:[\w-]+ ?){1,5})")
_OBJECT_END_RE = re.compile(r"(?i)\b(?:by|at|in|on|through|via|using|from|for|if|when|or|and|at any time|here)\b.*$")
_POINTING = frozenset("the this that these those such your our its any all foregoing above said".split())


def _stopped(text: str) -> set[str]:
    """The stemmed words of what a control stops ('you may opt out of this advertising' ->
    {'advertis'}), pointing words aside; empty when the text names no such control."""
    m = _STOPS_RE.search(text)
    if not m:
        return set()
    obj = _OBJECT_END_RE.sub("", m.group(1))
    return {_stem(w) for w in _tokens(obj, False) if w not in _STOP and w not in _POINTING}


def same_control(claim: str, side: Side) -> bool:
    """Does side already let the user stop what a right said new stops ('If you wish to opt-out
    of interest-based advertising click here' for 'you may opt out of this advertising')? The
    same kind of control over every word of the same object in one sentence: the right was
    reworded, not added. An object of no word of its own ('this feature') decides nothing."""
    stops = _stopped(claim)
    if not stops:
        return False
    side._index()
    pool = holding_all([side._by_stem.get(st, ()) for st in stops])
    return any(stops <= _stopped(side.sentences[k]) for k in sorted(pool))


# -- the same control over the same object, anywhere in the other text ----------------------------

# what the user may do, one family per kind of control: opt out of a use, switch a feature off, limit a use,
# delete, change, or see one's data
_CONTROL_VERB_RE = re.compile(
    r"(?i)\b(?:(opt(?:[- ]?out| \w+ out)(?: of| from)?|unsubscrib\w*(?: from)?|object(?:s|ing)? to|declin\w*|refus\w*|"
    r"withdraw\w*)|(disabl\w*|turn(?:s|ing)? off|switch(?:es|ing)? off|block(?:s|ing)?|stop(?:s|ping)?|prevent(?:s|ing)?)|"
    r"(limit(?:s|ing)?|restrict(?:s|ing)?)|(delet\w*|remov\w*|eras\w*)|"
    r"(chang\w*|edit(?:s|ing)?|modif\w*|updat\w*|correct(?:s|ing)?|adjust(?:s|ing)?|manag\w*|control(?:s|ling)?)|"
    r"(access(?:es|ing)?|review(?:s|ing)?|download(?:s|ing)?|export(?:s|ing)?))\b")
# every match of _CONTROL_VERB_RE holds one of these, in lower case: a side's sentences are read
# for controls (_control_index) with them tested first, the alternation searched only in the
# sentences writing one
_CONTROL_VERB_HINTS = ("opt", "unsubscrib", "object", "declin", "refus", "withdraw", "disabl", "turn", "switch", "block",
                       "stop", "prevent", "limit", "restrict", "delet", "remov", "eras", "chang", "edit", "modif", "updat",
                       "correct", "adjust", "manag", "control", "access", "review", "download", "export")
_CONTROL_VERB_SCAN = Prefiltered(_CONTROL_VERB_RE, _CONTROL_VERB_HINTS)
# to opt out of a use, to switch a feature off, to limit a use: three controls, not one
_FAMILIES = ("opt-out", "switch-off", "limit", "delete", "change", "access")
# a sentence that gives the user a control ('you can …', 'the option to …', 'if you do not want …')
_USER_CONTROL_RE = re.compile(
    r"(?i)\b(?:you|users?|they|them|members?|customers?)\b[^.;]{0,60}?\b(?:can|may|could|able to|option|options|"
    r"ability|choice|choose|right to)\b|\b(?:options?|ability|right|opportunity) to\b|\b(?:allows?|lets?|enables?) "
    r"(?:you|users)\b|\bif you (?:do not |don't |no longer )?(?:want|wish|prefer|would like)\b|^\W*to (?:opt|disable|turn|"
    r"unsubscribe|delete|remove|change|edit|update|access|block|stop|limit|manage|control)\b")
# where a control's object ends: its means, its time, a condition, a relative clause
_OBJECT_STOP_RE = re.compile(r"(?i)[,;:.()\[\]\"“”]|\bon (?:this|that|the|your|our|its|their|my)\b|\b(?:by|through|via|using|when|whenever|if|at|from|unless|so|because|"
                             r"which|that|who|whom|you|we|us|here|anytime|before|after|within|while|where|as)\b")
# words of an object that name no object of their own
_GENERIC_OBJECT = frozenset({_stem(w) for w in (
    "information data personal personally identifiable content feature features setting settings preference preferences "
    "option options time times certain some most many all any foregoing above said such these those this that your "
    "our their its of the a an to in on for with about other own use uses whether how what who").split()})
# a pointing word before an object of one word of its own ('opt out of this sharing'): what it points to is unsaid
_POINTED_RE = re.compile(r"(?i)^\W*(?:of |from |to )?(?:this|these|that|those|such|the foregoing|the above|said)\s+[\w-]+\s*$")
_NOT_ABLE_RE = re.compile(r"(?i)\b(?:not|never|no longer) (?:be )?able to\b")
SAME_OBJECT = 0.5           # more than this share of a control's object words in the other side's control


# _controls results remembered by sentence text: each claim checked reads its own sentence and the
# other side's again, the same sentences for claim after claim (immutable results, bounded memo)
CONTROLS_MEMO = 16384


@lru_cache(maxsize=CONTROLS_MEMO)
def _controls(text: str) -> tuple[frozenset[str], frozenset[str]] | None:
    """The kinds of control a sentence gives the user (_FAMILIES) and the stemmed words of what
    they act on ('you can also delete or change the audience of content you post' -> {delete,
    change}, {audienc}); None when it gives none or names no object of its own."""
    if not _USER_CONTROL_RE.search(text) or _USER_CANNOT_RE.search(text) or _NOT_ABLE_RE.search(text):
        return None             # 'you may not opt out of …' gives no control
    # a capitalised verb is part of a name ('selecting Limit Ad Tracking'), no control of its own
    found = [m for m in _CONTROL_VERB_RE.finditer(text) if m.start() == 0 or m.group(0)[0].islower()]
    if not found:
        return None
    families: set[str] = set()
    objects: set[str] = set()
    for m, after in zip(found, found[1:] + [None]):
        families.add(next(f for f, g in zip(_FAMILIES, m.groups()) if g))
        # up to the next control: 'delete or change the audience of …' gives the first verb's
        # object to the last one, read there
        rest = text[m.end():after.start() if after else None]
        stop = _OBJECT_STOP_RE.search(rest)
        phrase = rest[:stop.start()] if stop else rest
        if _POINTED_RE.match(phrase):
            continue
        objects |= {_stem(w) for w in _tokens(phrase, False)[:8] if w not in _STOP} - _GENERIC_OBJECT
    return (frozenset(families), frozenset(objects)) if objects else None


def _control_index(side: Side) -> list[tuple[frozenset[str], frozenset[str]]]:
    """The controls side gives, one entry per sentence that gives any, read once per side."""
    if side._controls is None:
        side._controls = [c for t in side.sentences if _CONTROL_VERB_SCAN.search(t) and (c := _controls(t))]
    return side._controls


def control_given(claim: str, side: Side) -> bool:
    """Does a sentence of side already give the user the same kinds of control (_FAMILIES)
    over mostly the same object as a right said new (or gone)? 'You can also
    delete or change the audience of content you post' <- 'you can do things like delete stories,
    change the audience of your stories …'; 'You can disable instant personalization on all
    pre-approved websites and applications' <- '… block all pre-approved websites and applications
    from getting your General Information'. Another object ('opt out of the sale of your data'
    against 'opt out of promotional e-mails') or another kind of control is news."""
    want = _controls(claim)
    if want is None:
        return False
    families, objects = want
    return any(families <= theirs and len(objects & what) > SAME_OBJECT * len(objects)
               for theirs, what in _control_index(side))


def control_still_given(claim: str, side: Side) -> bool:
    """Does side still give the control a sentence says and nothing else, whatever the
    statement calls it ('NextRoll always provides consumers with the ability to opt-out of
    interest-based advertising', said gone as sharing, <- 'You can control how you share your
    data with NextRoll, including electing to opt-out of interest-based advertising altogether')?
    A sentence that also states a practice ('We share … with advertisers, but you can opt out …')
    is judged by its practice, never by its control alone."""
    from tracker.changes.rules.common import _PRACTICE_RE
    if _controls(claim) is None or _PRACTICE_RE.search(claim):
        return False
    return same_control(claim, side) or control_given(claim, side)


# who a promise keeps data from, stemmed: a promise is the same when it keeps the same data from the same recipients
_RECIPIENT_WORD_RE = re.compile(r"(?i)\b(?:third[- ]part(?:y|ies)|partners?|advertis\w+|affiliates?|service providers?|"
                                r"vendors?|processors?|companies|government|law enforcement|authorities|public|"
                                r"developers?|researchers?|sponsors?|publishers?|marketers?|brokers?|anyone|others)\b")
_IDENTIFYING = frozenset({"identifiable", "identifying", "personally", "personal", "individual", "user", "member"})


def same_commitment(claim: str, side: Side, kind: Callable[[str], bool]) -> bool:
    """Does side already make a promise said new (gone): the same negated acts (_acts), under the
    same condition, about the same recipients and the same kind of data, in a promise of its
    own? 'Facebook does not share personally identifiable information with advertisers unless we
    get your permission' <- 'We don't share your information with advertisers without your
    consent'. A promise about other recipients, data or acts, or with another condition, is news."""
    from tracker.changes.corroborate import _acts, _GENERIC_DATA, _KIND_OF_DATA_RE
    want = sign(claim)
    acts = _acts(claim)
    if "not" not in want.polarity and want.polarity != ("only",) or not acts:
        return False
    anchors = {_stem(w) for m in _RECIPIENT_WORD_RE.findall(claim) for w in _tokens(m, False)}
    anchors |= {_stem(m.lower()) for m in _KIND_OF_DATA_RE.findall(claim)} - {_stem(w) for w in _GENERIC_DATA | _IDENTIFYING}
    anchors -= {_stem(w) for w in _STOP}
    if not anchors:
        return False
    signs = side._index()
    pool = holding_all([side._by_stem.get(st, ()) for st in anchors])
    for k in sorted(pool):
        holder = side.sentences[k]
        if signs[k].polarity == want.polarity and set(want.numbers) <= set(signs[k].numbers) \
                and acts <= _acts(holder) and kind(holder):
            return True
    return False
