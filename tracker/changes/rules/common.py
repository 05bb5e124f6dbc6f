"""What every summary rule shares: the Statement and Context types, the patterns of promises,
practices, rights and retention, quoting the clause of a sentence in the third person, and which
changes are live (not a date stamp, a change-log line or a sentence merged into another).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import takewhile
from typing import Callable

from tracker.changes.entities import sentence_laws
from tracker.changes.literals import Prefiltered
from tracker.changes.phrasing import capitalise, clause_about, edit_window, has_verb, third_person, tidy
from tracker.changes.report import Change


QUOTE_LIMIT = 170
NAMED_QUOTE_LIMIT = 200     # a sentence naming a new recipient or law: the name is what readers look for


@dataclass(frozen=True)
class Statement:
    """One practice, stated for the reader."""

    text: str
    topic: str
    impact: str
    old: str | None = None
    new: str | None = None
    changes: tuple[int, ...] = ()
    short: str = ""           # the headline form (under 140 characters), '' to use text

    def to_dict(self) -> dict[str, object]:
        return {"text": self.text, "topic": self.topic, "impact": self.impact, "old": self.old,
                "new": self.new, "changes": list(self.changes)}


# share of a side's sentences opening in lower case for the side to be written in lower case
LOWER_CASE_SHARE = 0.5


@dataclass
class Context:
    """What the rules read: the changes with their indexes, entity differences, the owner."""

    changes: list[Change]
    entities_added: dict[str, list[str]]
    entities_removed: dict[str, list[str]]
    sections_added: list[str]
    sections_removed: list[str]
    owner: str
    salient: tuple[str, ...] = ()      # lower-case names and terms a reader would look for
    names: tuple[str, ...] = ()        # proper names only the new version writes, as written
    live: list[tuple[int, Change]] | None = None      # the material changes, computed once
    news: list[set[str]] | None = None                # content words of each new sentence
    old_text: str = ""                 # the whole old text: what a digest calls new was never in it
    old_sentences: tuple[str, ...] = ()      # each side's sentences in order: the one before a quote
    new_sentences: tuple[str, ...] = ()      # says what its 'this'/'the X' points to (anchors.py)
    old_titles: tuple[str, ...] = ()         # the old text's headings: a right a heading names was given
    old_page: str = ""                 # each side's whole text as segmented (table rows whole): what a
    new_page: str = ""                 # table cell's rule keeps is named in its row (retained.data_lead)
    _where: dict[tuple[bool, str], int] | None = None
    _lower: dict[bool, bool] | None = None

    def writes_lower(self, old: bool) -> bool:
        """Does that side open most of its sentences in lower case (a policy written all in lower
        case): then a sentence opening so is no wrapped line or lone list item."""
        if self._lower is None:
            self._lower = {}
        if old not in self._lower:
            sentences = self.old_sentences if old else self.new_sentences
            opening = sum(1 for t in sentences if t[:1].islower())
            self._lower[old] = bool(sentences) and opening >= LOWER_CASE_SHARE * len(sentences)
        return self._lower[old]

    def sentence_index(self, text: str, old: bool) -> int | None:
        """Where a sentence stands in its side's text (the first time it is written)."""
        if self._where is None:
            self._where = {}
            for side, sentences in ((True, self.old_sentences), (False, self.new_sentences)):
                for k, t in enumerate(sentences):
                    self._where.setdefault((side, t), k)
        return self._where.get((old, text))


# -- patterns ---------------------------------------------------------------------------------

_PROMISE_RE = Prefiltered(re.compile(
    r"\b(?:[Ww]e|[Ww]e (?:also|generally|currently))\s+(?:will|do|shall|would|can)\s*(?:not|n't)\b|(?i:\bwe never\b|\bwe will never\b)"
    r"|(?i:\b(?:without|unless (?:we (?:have|obtain|receive)|you (?:give|provide)))\s+(?:your\s+)?(?:prior\s+|express\s+|explicit\s+)?"
    r"(?:opt[- ]?in\s+)?(?:consent|permission|approval)|\bask (?:for )?your (?:(?:explicit|express|prior|separate|specific|affirmative) )?(?:opt[- ]?in|consent|permission)"
    r"|\bonly (?:with|if you) (?:your )?(?:consent|opt[- ]?in|agree)"
    # a feature the user may take up ('features that allow you to opt in to showcase your Snaps') is no consent standard
    r"|(?<!\ballow )(?<!\ballows )(?<!\blet )(?<!\blets )(?<!\benable )(?<!\benables )\b(?:you|users?) (?:must |to )?opt[- ]?in\b"
    r"|\bopt[- ]?in (?:consent|basis)\b)"), ("we", "without", "unless", "ask", "only", "opt"))   # every match holds one
_PRACTICE_RE = re.compile(
    r"(?i)\b(?:sell|sold|rent|share[sd]?|sharing|disclose[sd]?|transfer(?:s|red)?|provide[sd]? (?:it |them |your \w+ )?to|"
    r"combine[sd]?|associate[sd]?|link(?:s|ed)?|use[sd]?|process(?:es|ed)?|collect(?:s|ed)?|track(?:s|ed)?|"
    r"keep(?:s)?|kept|retain(?:s|ed)?|store[sd]?|delete[sd]?|record(?:s|ed)?|log(?:s|ged)?|save[sd]?|notes?|"
    r"receive[sd]?|obtain(?:s|ed)?|infer(?:s|red)?|target(?:s|ed)?|profil(?:e|es|ing))\b")
_SALE_RE = re.compile(r"(?i)\b(?:sell|sold|sale|rent|trade)\b")
_SHARE_RE = re.compile(r"(?i)\b(?:share[sd]?|sharing|disclose[sd]?|transfer(?:s|red)?\s+(?:\w+\s+){0,3}to|"
                       r"provide[sd]?\s+(?:\w+\s+){0,4}to|make[s]? (?:\w+ )?available to|give[sn]? (?:\w+ ){0,3}access|"
                       # others allowed to collect on the company's pages: 'we may allow advertising partners to set cookies'
                       r"(?:allow|permit|let)s?\s+(?:[\w-]+\s+){1,5}to (?:set|place|use|collect|access|receive|track))\b")
_RECIPIENT_RE = re.compile(r"(?i)\b(?:third[- ]part(?:y|ies)|partners?|advertis\w+|affiliates?|service providers?|"
                           r"vendors?|processors?|companies|government|law enforcement|authorities|public|"
                           r"developers?|researchers?|sponsors?|publishers?)\b")
_RIGHT_RE = Prefiltered(re.compile(
    r"(?i)(?<!\bhow )(?<!\bwhom )\byou (?:can|may|have the right to|are entitled to|also have the right to|have a right to)\s+"
    r"(?:also\s+|always\s+)?(?:request|ask|object|opt|withdraw|lodge|delete|access|export|download|correct|"
    r"restrict|port|obtain|review|update|edit|remove|appeal|complain|choose to|choose not|control|turn off|"
    r"disable|limit|exercise)\b|\bright (?:to|of) (?:access|erasure|rectification|object|portability|"
    r"restrict|withdraw|delete|deletion|correct|know|opt|lodge|appeal|request|data portability|be forgotten|"
    r"non-discrimination)"
    # a right given as the way to use it: 'If you wish to delete your profile information …, please
    # Click Here or submit the form on our Contact Us page'
    r"|\bif you (?:wish|want|would like|intend) to (?:delete|erase|remove|access|correct|rectify|export|download|"
    r"obtain a copy of|object to|restrict|withdraw) (?:your|the|any|all|a copy)\b[^.;]{0,160}?(?:\bplease |"
    r"\byou (?:can|may|should|must) (?:also )?)(?:click|submit|contact|e-?mail|visit|write|go to|send|fill|complete|call|"
    r"log in|sign in|use)\b"
    # 'online tools for access, correction, or deletion requests are available at privacy.apple.com'
    r"|\b(?:access|correction|deletion|erasure|rectification|portability)(?:,? (?:or |and )?(?:access|correction|"
    r"deletion|erasure|rectification|portability))* requests? (?:are|is|can be|may be) (?:\w+ )?(?:available|made|"
    r"submitted|sent)\b"), ("you", "right", "request"))     # every match holds one of these words
_RETENTION_RE = re.compile(r"(?i)\b(?:keep|keeps|kept|retain\w*|retention|stor(?:e|es|ed)|delet\w*|eras\w*|"
                           r"purg\w*|anonymi[sz]\w*|de-identif\w*|aggregat\w*)\b")
_COLLECT_RE = re.compile(r"(?i)\b(?:collect\w*|gather\w*|obtain\w*|receive[sd]?|record\w*|log(?:s|ged)?|"
                         r"save[sd]?|notes?|infer\w*|use[sd]? (?:your|this|the|such|that) (?:[\w-]+ ){0,2}"
                         r"(?:information|data|details|content)|access (?:your|to your))\b")
_SOURCE_RE = re.compile(r"(?i)\bfrom (?:\w+[ ,-]+){0,4}(?:partners?|third[- ]part(?:y|ies)|other sources|advertisers|"
                        r"data (?:brokers|providers)|publicly (?:available|accessible) sources|public sources|"
                        r"marketing partners|affiliates|other companies|service providers)\b")
_NOUN_PHRASE_RE = re.compile(r"(?i)^(?:personal |other |any )?(?:information|data|details)\b[^.,;]{0,60}?\b(?:that|which)\b")
_CONSENT_RE = re.compile(r"(?i)\b(?:consent|opt[- ]?in|permission|approval)\b")
_CONTACT_RE = re.compile(r"(?i)\b(?:contact|e-?mail|write to|call|address|officer|representative)\b")


def _owner_says(ctx: Context, text: str, focus: "re.Pattern[str] | Prefiltered | None" = None,
                limit: int = QUOTE_LIMIT) -> str | None:
    said = _says(ctx.owner, text, focus, limit)
    if said:
        said = _without_heading(said, ctx.owner)
    laws = ctx.entities_added.get("laws", [])
    if said and laws:
        cited = [x for x in laws if x in sentence_laws(text) and _squeezed(x) not in _squeezed(said)]
        if cited:          # the clause quoted leaves out the law its sentence cites: name it
            said = f"{said} ({', '.join(cited)})"
    return said


def _squeezed(text: str) -> str:
    """Lower-case letters and digits only: 'Swiss-U.S. Privacy Shield' is 'Swiss-US Privacy Shield'."""
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _without_heading(said: str, owner: str) -> str:
    """A heading glued before the company as subject ('Additional Choices With Respect To
    Targeted Advertising WP Company and third parties may use …'): the sentence starts at the
    company. Only a run of capitalised words, three or more, is taken for a heading, one with a
    small word capitalised after its first ('The Personal Information System1 processes …' is a
    sentence whose subject is 'The Personal Information')."""
    m = re.match(rf"(?:[A-Z][\w'’&-]*\s+){{3,10}}(?={re.escape(owner)}\b)", said)
    if not m or not re.search(r"\b(?:With|To|For|Of|And|The|In|On|About|Your|Our|How|What|Why|When)\b",
                              m.group(0).split(None, 1)[1]):
        return said               # a heading capitalises its small words: a name of three words does not
    rest = said[m.end():]
    return rest if has_verb(rest) and len(rest.split()) >= 5 else said


@lru_cache(maxsize=4096)
def _says(owner: str, text: str, focus: "re.Pattern[str] | Prefiltered | None", limit: int) -> str | None:
    """The clause of text about focus, in the third person (memoised: several rules quote the
    same sentence)."""
    quote = clause_about(text, focus, limit)
    if quote is None and len(text) > limit and (focus is None or focus.search(text)):
        # the sentence without its opener or its examples may hold a clause that fits
        from tracker.changes.clauses import reductions
        quote = next((q for q in (clause_about(r, focus, limit) for r in reductions(tidy(text))) if q), None)
    if quote is None:
        return None
    return capitalise(third_person(quote, owner))


def _live(ctx: Context) -> list[tuple[int, Change]]:
    if ctx.live is None:
        ctx.live = [(k, c) for k, c in enumerate(ctx.changes) if c.kind != "moved" and c.material
                    and not _stamp_only(c) and not _editors_note(c) and not _merged_away(ctx, c)
                    and not same_by_name(ctx.owner, c)]
    return ctx.live


# the company as the text names it in the first or the third person: 'we', 'our', 'Acme', 'its'
_SELF_WORDS = frozenset("we us our ours ourselves it its itself the company".split())


def _self_neutral(text: str, owner: str) -> str:
    """text in the third person, every word naming the company (its name, 'it', 'we', 'our')
    as one mark, letters and digits only."""
    names = {w.lower() for w in owner.split()} | _SELF_WORDS
    words = re.findall(r"[\w'’-]+", third_person(text, owner).lower())
    return " ".join("@" if w in names or w.rstrip("'’s") in names else w for w in words)


@lru_cache(maxsize=4096)
def same_by_name(owner: str, c: Change) -> bool:
    """Is a reworded sentence the same but for how it names the company ('We analyse how visitors
    navigate our pages' -> 'Acme analyses how visitors navigate its pages', a sentence moved and
    put in the third person)? Nothing it does changed: no statement rests on it."""
    if c.kind != "reworded" or not c.old or not c.new or not owner:
        return False
    return _self_neutral(c.old, owner) == _self_neutral(c.new, owner)


@lru_cache(maxsize=4096)
def _editors_note(c: Change) -> bool:
    """A change-log or revision-history line on every side it has ('2018-05-11: List GDPR
    Supervisory Authority'): it tells what the editors did elsewhere in the text, which the
    rules state from that text itself, so it is never a statement of its own."""
    from tracker.changes.trivial import is_change_log, is_change_note

    sides = [t for t in (c.old, c.new) if t]
    return bool(sides) and all(is_change_log(t) or is_change_note(t) for t in sides)


def _merged_away(ctx: Context, c: Change) -> bool:
    if c.kind != "removed":
        return False
    if ctx.news is None:
        ctx.news = WordSets(sorted((_content_words(x.new) for x in ctx.changes if x.kind in ("added", "reworded")
                                    and x.new), key=len, reverse=True))   # longest first
    return _kept_in(c.old or "", ctx.news)


def _kept_in(text: str, news: list[set[str]]) -> bool:
    """A removed sentence whose words all but return inside one new sentence (two sentences
    merged, one sentence extended) was not dropped: it is never stated as 'no longer says'.
    news: the new sentences' words, most words first."""
    words = _content_words(text)
    need = 0.85 * len(words)     # a new sentence with fewer words cannot hold that many of them
    if len(words) < 4:
        return False
    if not isinstance(news, WordSets):
        return any(len(words & n) >= need for n in takewhile(lambda n: len(n) >= need, news))
    # a set holding `need` of the words holds one of the len(words) - need + 1 rarest: only the
    # sets holding those are counted (all removed against all new sentences was quadratic)
    rarest = sorted(words, key=lambda w: (len(news.at.get(w, ())), w))[: len(words) - math.ceil(need - 1e-9) + 1]
    pool = sorted({k for w in rarest for k in news.at.get(w, ())})
    return any(len(news[k]) >= need and len(words & news[k]) >= need for k in pool)


class WordSets(list[set[str]]):
    """The new sentences' content words (a list of sets), with the positions of the sets that
    hold each word."""

    def __init__(self, sets: list[set[str]]) -> None:
        super().__init__(sets)
        self.at: dict[str, list[int]] = {}
        for k, ws in enumerate(self):
            for w in ws:
                self.at.setdefault(w, []).append(k)


@lru_cache(maxsize=4096)
def _stamp_only(c: Change) -> bool:
    """A date stamp line ('Last modified: June 5, 2015'), or a sentence where only a date
    changed, is never a statement."""
    from tracker.changes.normalize import DATE_RE, is_date_stamp
    from tracker.changes.trivial import page_stamp
    from tracker.changes.verdict import delta_words
    if any(is_date_stamp(t) or page_stamp(t) for t in (c.old, c.new) if t):
        return True                        # ('1 (last comment by wles32 23 hours ago)': a widget's stamp)
    if c.kind != "reworded":
        return False
    w = edit_window(c.old or "", c.new or "", context=2)
    if w and all(re.fullmatch(r"[\d,.\s]*\d[\d,.\s]*", x) for x in (w[2], w[3]) if x) \
            and _MONTH_RE.search(w[0]) and _MONTH_RE.search(w[1]):
        return True                        # 'June 5, 2015' -> 'June 30, 2015' inside a longer line
    parts = delta_words(c.old or "", c.new or "")
    dated = any(DATE_RE.search(p) or _MONTH_RE.search(p) for p in parts)
    return dated and all(not _MONTH_DAY_RE.sub(" ", DATE_RE.sub(" ", p)).strip(" ,.;:()") for p in parts)


_MONTH_RE = re.compile(r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b")


_MONTH_DAY_RE = re.compile(r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|\b\d{1,4}(?:st|nd|rd|th)?\b")


def _edit_focus(c: Change) -> "re.Pattern[str] | None":
    """The first run of new words of a reworded sentence: the clause to quote is the one that
    changed, not the sentence's opening."""
    from tracker.changes.verdict import word_diff
    for op, text in word_diff(c.old or "", c.new or ""):
        words = text.strip()
        if op == "+" and re.search(r"\w{3,}", words):
            return re.compile(re.escape(words))
    return None
_CONTENT_WORD_RE = re.compile(r"[a-z]{4,}")
_FUNCTION_WORDS = frozenset("""with from that this these those your have will would shall their there when where
which what about into only also such other than then them they does like more most some without unless""".split())


def _content_words(text: str) -> set[str]:
    return set(_CONTENT_WORD_RE.findall(text.lower())) - _FUNCTION_WORDS


def _restated(text: str, elsewhere: list[str]) -> bool:
    """A dropped sentence whose content words mostly return in one new sentence of the same
    kind (a promise, a right) was reworded or moved by a rewrite, not withdrawn."""
    words = _content_words(text)
    if len(words) < 3:
        return False
    return any(len(words & _content_words(e)) >= 0.6 * len(words) for e in elsewhere)


def _new_texts(ctx: Context, test: Callable[[str], bool]) -> list[str]:
    return [c.new for c in ctx.changes if c.kind in ("added", "reworded", "moved") and c.new and test(c.new)]


def _address_edit(c: Change) -> bool:
    """Is the edit of a reworded sentence a postal address: a street with its number ('Suite
    400' -> 'Suite 500'), or a street named after a word its sentence keeps ('Rome, via
    Bolzano, 15' -> 'Rome, Via Chiana, 38': the street word is no changed word)?"""
    from tracker.changes.phrasing import edit_window
    from tracker.changes.values import address_changed, street_before
    from tracker.changes.verdict import delta_words
    if address_changed(*delta_words(c.old or "", c.new or "")):
        return True
    w = edit_window(c.old or "", c.new or "", context=1)
    return w is not None and street_before(w[0], w[1])


def _added_or_dropped(ctx: Context, topic: str, pattern: re.Pattern[str]) -> list[tuple[int, Change, str]]:
    """(index, change, its sentence) for each sentence of ``topic`` added or dropped whose
    text matches ``pattern``."""
    out: list[tuple[int, Change, str]] = []
    for k, c in _live(ctx):
        if c.kind == "reworded" or topic not in c.topics:
            continue
        text = c.new if c.kind == "added" else c.old
        if text and pattern.search(text):
            out.append((k, c, text))
    return out


def _one_side(text: str, topic: str, impact: str, said: str, kind: str, k: int) -> Statement:
    """A statement about a sentence added (``said`` is the new value) or dropped (the old)."""
    return Statement(text, topic, impact, None if kind == "added" else said,
                     said if kind == "added" else None, (k,))


def _quotes_closed(text: str) -> bool:
    return text.count('"') % 2 == 0 and text.count("“") == text.count("”")


# -- helpers -------------------------------------------------------------------------------

def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _lower(text: str) -> str:
    """The text to follow a label ('Drops promise: we …'): its first word in lower case unless
    it is a name ('Google', 'I', "Apple's") or opens a name of several words ('The Trade Desk',
    'The New York Times'; but 'the TRUSTe program')."""
    first, _, rest = text.partition(" ")
    if first == "The" and all(_is_name(w) for w in rest.split(" ")[:2]) and len(rest.split(" ")) > 2:
        return text
    if first[1:].lower() == first[1:] and first not in ("I",) and not first.endswith("'s") and not _is_name(first):
        return text[:1].lower() + text[1:]
    return text


def _is_name(word: str) -> bool:
    return word[:1].isupper() and word.lower() not in {"the", "a", "an", "we", "you", "your", "our", "this", "these",
                                                        "if", "when", "in", "for", "with", "some", "all", "any",
                                                        "information", "data", "personal", "no", "to", "as", "by"}


def _topic(c: Change) -> str:
    from tracker.changes.topics import TOPICS
    ranked = [t for t in ("sale", "children", "sharing", "rights", "retention", "international-transfer",
                          "collection", "cookies-tracking", "ai", "use", "legal-basis", "security",
                          "do-not-track", "contact", "policy-changes") if t in c.topics]
    return ranked[0] if ranked else next((t for t in c.topics if t in TOPICS), "other")


def _salient_focus(ctx: Context, text: str) -> "re.Pattern[str] | None":
    """The first of the names and terms new to one side that the sentence holds, as a focus:
    the clause of a long sentence worth quoting is the one that says what is new or gone."""
    low = text.lower() if text.isascii() else None
    for term in ctx.salient:
        if low is not None and term.isascii() and term.lower() not in low:
            continue        # ASCII on both sides: re.I matches a letter's two cases only, so no match
        m = re.search(re.escape(term), text, re.I)
        if m and (" " in term or m.group(0)[:1].isupper()):     # a name or a phrase, not a common word
            return re.compile(re.escape(term), re.I)
    return None


def edit_statement(ctx: Context, c: Change) -> tuple[str, str | None, str | None] | None:
    """A reworded sentence stated by its one edit (tracker.changes.edits.edit_statement)."""
    from tracker.changes.edits import edit_statement as stated
    return stated(ctx, c)
