"""Summary rules: one small unit per kind of statement, each returning candidate statements.

Every rule reads the facts of one comparison (the sentence-level changes and the entity and
section differences) and returns `Statement`s: one practice each, phrased as a plain fact about
the company, with the old value where there is one, the change indexes it rests on and a named
impact level (tracker.changes.priorities). `select()` orders and trims them; the headline is
the first statement's short form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import takewhile
from typing import Callable, Sequence

from tracker.changes.anchors import PRONOUN_RE, anchor
from tracker.changes.entities import extract_sentence
from tracker.changes.phrasing import (
    capitalise, clause_about, edit_window, has_verb, is_advice, is_page_chrome, is_pointer, link_phrase, plain_words, third_person, tidy,
    words_around,
)
from tracker.changes.priorities import MAX_STATEMENTS, RANK, tier
from tracker.changes.report import Change
from tracker.changes.roles import may_receive
from tracker.changes.summary import _GLUED_UI_RE

QUOTE_LIMIT = 170
NAMED_QUOTE_LIMIT = 200     # a sentence naming a new recipient or law: the name is what readers look for
PER_IMPACT = 2


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
    _where: dict[tuple[bool, str], int] | None = None

    def sentence_index(self, text: str, old: bool) -> int | None:
        """Where a sentence stands in its side's text (the first time it is written)."""
        if self._where is None:
            self._where = {}
            for side, sentences in ((True, self.old_sentences), (False, self.new_sentences)):
                for k, t in enumerate(sentences):
                    self._where.setdefault((side, t), k)
        return self._where.get((old, text))


# -- patterns ---------------------------------------------------------------------------------

_PROMISE_RE = re.compile(
    r"\b(?:[Ww]e|[Ww]e (?:also|generally|currently))\s+(?:will|do|shall|would|can)\s*(?:not|n't)\b|(?i:\bwe never\b|\bwe will never\b)"
    r"|(?i:\b(?:without|unless (?:we (?:have|obtain|receive)|you (?:give|provide)))\s+(?:your\s+)?(?:prior\s+|express\s+|explicit\s+)?"
    r"(?:opt[- ]?in\s+)?(?:consent|permission|approval)|\bask (?:for )?your (?:(?:explicit|express|prior|separate|specific|affirmative) )?(?:opt[- ]?in|consent|permission)"
    r"|\bonly (?:with|if you) (?:your )?(?:consent|opt[- ]?in|agree)|\b(?:you|users?) (?:must |to )?opt[- ]?in\b"
    r"|\bopt[- ]?in (?:consent|basis)\b)")
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
_RIGHT_RE = re.compile(
    r"(?i)(?<!\bhow )(?<!\bwhom )\byou (?:can|may|have the right to|are entitled to|also have the right to|have a right to)\s+"
    r"(?:also\s+|always\s+)?(?:request|ask|object|opt|withdraw|lodge|delete|access|export|download|correct|"
    r"restrict|port|obtain|review|update|edit|remove|appeal|complain|choose to|choose not|control|turn off|"
    r"disable|limit|exercise)\b|\bright (?:to|of) (?:access|erasure|rectification|object|portability|"
    r"restrict|withdraw|delete|deletion|correct|know|opt|lodge|appeal|request|data portability|be forgotten|"
    r"non-discrimination)"
    # 'online tools for access, correction, or deletion requests are available at privacy.apple.com'
    r"|\b(?:access|correction|deletion|erasure|rectification|portability)(?:,? (?:or |and )?(?:access|correction|"
    r"deletion|erasure|rectification|portability))* requests? (?:are|is|can be|may be) (?:\w+ )?(?:available|made|"
    r"submitted|sent)\b")
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


def _owner_says(ctx: Context, text: str, focus: "re.Pattern[str] | None" = None,
                limit: int = QUOTE_LIMIT) -> str | None:
    said = _says(ctx.owner, text, focus, limit)
    if said:
        said = _without_heading(said, ctx.owner)
    laws = ctx.entities_added.get("laws", [])
    if said and laws:
        cited = [x for x in laws if x in extract_sentence(text).laws and _squeezed(x) not in _squeezed(said)]
        if cited:          # the clause quoted leaves out the law its sentence cites: name it
            said = f"{said} ({', '.join(cited)})"
    return said


def _squeezed(text: str) -> str:
    """Lower-case letters and digits only: 'Swiss-U.S. Privacy Shield' is 'Swiss-US Privacy Shield'."""
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _without_heading(said: str, owner: str) -> str:
    """A heading glued before the company as subject ('Additional Choices With Respect To
    Targeted Advertising WP Company and third parties may use …'): the sentence starts at the
    company. Only a run of capitalised words, three or more, is taken for a heading."""
    m = re.match(rf"(?:[A-Z][\w'’&-]*\s+){{3,10}}(?={re.escape(owner)}\b)", said)
    if not m or not re.search(r"\b(?:With|To|For|Of|And|The|In|On|About|Your|Our|How|What|Why|When)\b", m.group(0)):
        return said               # a heading capitalises its small words: a name of three words does not
    rest = said[m.end():]
    return rest if has_verb(rest) and len(rest.split()) >= 5 else said


@lru_cache(maxsize=4096)
def _says(owner: str, text: str, focus: "re.Pattern[str] | None", limit: int) -> str | None:
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
                    and not _stamp_only(c) and not _editors_note(c) and not _merged_away(ctx, c)]
    return ctx.live


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
        ctx.news = sorted((_content_words(x.new) for x in ctx.changes if x.kind in ("added", "reworded") and x.new),
                          key=len, reverse=True)      # longest first: _kept_in stops at the first too short
    return _kept_in(c.old or "", ctx.news)


def _kept_in(text: str, news: list[set[str]]) -> bool:
    """A removed sentence whose words all but return inside one new sentence (two sentences
    merged, one sentence extended) was not dropped: it is never stated as 'no longer says'.
    news: the new sentences' words, most words first."""
    words = _content_words(text)
    need = 0.85 * len(words)     # a new sentence with fewer words cannot hold that many of them
    return len(words) >= 4 and any(len(words & n) >= need for n in takewhile(lambda n: len(n) >= need, news))


@lru_cache(maxsize=4096)
def _stamp_only(c: Change) -> bool:
    """A date stamp line ('Last modified: June 5, 2015'), or a sentence where only a date
    changed, is never a statement."""
    from tracker.changes.normalize import DATE_RE, is_date_stamp
    from tracker.changes.verdict import delta_words
    if any(is_date_stamp(t) for t in (c.old, c.new) if t):
        return True
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


# -- rules: one per kind of statement ----------------------------------------------------------

def _promise(ctx: Context, text: str) -> bool:
    """'we will not …', 'without your consent', or the company by name: 'Reddit does not sell'."""
    return _promise_of(ctx.owner, text)


@lru_cache(maxsize=8192)
def _promise_of(owner_name: str, text: str) -> bool:
    """_promise, remembered: every rule asks it of the same changed sentences."""
    if _UNABLE_RE.search(text):
        return False                   # 'we will not be able to restore it': a limit, not a promise
    if _PROMISE_RE.search(text):
        return True
    owner = re.escape(owner_name)
    return bool(re.search(rf"\b{owner}(?:\s+(?:also|generally|currently|knowingly))?\s+(?:will|does|shall|would)"
                          rf"\s*(?:not|n't)\b|\b{owner} never\b", text))


# the same promise in the passive: 'information about you is not willfully disclosed to any third party'
_PASSIVE_PROMISE_RE = re.compile(r"(?i)\b(?:is|are|will) (?:not|never|only) (?:be )?(?:\w+ly )?(?:disclosed|shared|sold|rented|"
                                 r"transferred|provided|given|traded)\b|\bwithout first (?:receiving|obtaining|getting) "
                                 r"(?:your|the user's|that customer's) (?:permission|consent)")
# a browser's 'do not track' or Global Privacy Control signal, and a company not acting on one
_SIGNAL = r"do[- ]not[- ]track|DNT|Global Privacy Control|GPC"
_REFUSES = (r"\b(?:not|n't|unable to|cannot) (?:currently |yet )?(?:respond|honou?r|recogni[sz]e|support|process|act on|"
            r"comply with)\b")
_SIGNAL_RE = re.compile(rf"(?i)\b(?:{_SIGNAL})\b")
_REFUSES_RE = re.compile(rf"(?i){_REFUSES}")
_UNABLE_RE = re.compile(r"(?i)\b(?:will|would|may) not be (?:able|possible|available)\b|\b(?:does|do) not control\b|"
                        r"\b(?:does|do) not have (?:any )?(?:access to (?:or|and) )?control\b|\b(?:cannot|can't|can not) control\b|\bha(?:s|ve) no control\b|"
                        r"\b(?:is|are) not responsible\b|\b(?:does|do) not (?:own|operate|own or operate)\b|\b(?:cannot|can't|can not) (?:guarantee|ensure|warrant|promise)|"
                        r"\bif you (?:would )?(?:prefer|wish|would like|want) that\b|"
                        # a request of the user's it refuses: 'does not respond to Web browser "do not track" signals'
                        rf"{_REFUSES}[^.;]{{0,40}}?\b(?:{_SIGNAL}|signals?|requests?)\b")
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


def _promise_clause(ctx: Context, text: str) -> str | None:
    """The clause holding the promise, never another clause of the same sentence."""
    if _PROMISE_RE.search(text):
        return _owner_says(ctx, text, _PROMISE_RE)
    owner = re.compile(rf"\b{re.escape(ctx.owner)}\b")
    return _owner_says(ctx, text, owner) if owner.search(text) else _owner_says(ctx, text, None)


def promise_statements(ctx: Context) -> list[Statement]:
    """Promises, consent steps and opt-ins withdrawn or added; 'will not sell' -> 'may sell'."""
    out: list[Statement] = []
    kept_promises: list[str] | None = None
    for k, c in _live(ctx):
        o, n = c.old or "", c.new or ""
        po, pn = _promise(ctx, o), _promise(ctx, n)
        if po and c.kind == "removed":
            if kept_promises is None:
                kept_promises = _new_texts(ctx, lambda t: _promise(ctx, t))
            if _restated(o, kept_promises):
                continue
        if po and (c.kind == "removed" or (c.kind == "reworded" and not pn)) and (_PRACTICE_RE.search(o) or _CONSENT_RE.search(o)):
            said = _promise_clause(ctx, o)
            if not said:
                continue
            for verbs, topic in ((_SALE_RE, "sale"), (_SHARE_RE, "sharing")):   # 'will not sell/share' -> 'may …'
                if c.kind == "reworded" and (_SALE_RE.search(o) or _SHARE_RE.search(o)) and verbs.search(n) \
                        and not _promise(ctx, n) and not _PASSIVE_PROMISE_RE.search(n):
                    # 'will not sell' -> 'may share' reverses it; '… is not disclosed without your permission' does not
                    now = _owner_says(ctx, n, verbs)
                    if now:
                        out.append(Statement(f"{now} (was: {_lower(said)})", topic, "sale-reversal", said, now, (k,)))
                        break
            else:
                now = None
            if out and out[-1].changes == (k,) and out[-1].impact == "sale-reversal":
                continue
            now = _owner_says(ctx, n, None) if c.kind == "reworded" else None
            if now and len(said) < 0.8 * len(tidy(o)):
                now = None          # the promise was one clause of the sentence: say it is gone
            text = f"{now} (was: {_lower(said)})" if now else f"No longer promises: {_lower(said)}"
            out.append(Statement(text, _topic(c), "promise-withdrawn", said, now, (k,),
                                 "" if now else f"Drops promise: {_lower(said)}"))
        elif pn and not (c.kind == "reworded" and po) and c.kind != "removed" and _PRACTICE_RE.search(n):
            said = _promise_clause(ctx, n)
            if said:
                impact = "no-sale-promise" if _SALE_RE.search(said) else "promise-added"
                out.append(Statement(f"New commitment: {_lower(said)}", _topic(c), impact, None, said, (k,)))
    return out


def narrowed_promises(ctx: Context) -> list[Statement]:
    """A promise that still stands but covers less: words dropped from a 'we will not …'
    sentence ('… your email address or any information that identifies you' -> '… your email
    address'). Read on every reworded sentence: a few dropped words may not count as material."""
    out: list[Statement] = []
    for k, c in enumerate(ctx.changes):
        if c.kind != "reworded" or not c.old or not c.new or _stamp_only(c) or _editors_note(c):
            continue
        if not (_promise(ctx, c.old) and _promise(ctx, c.new)):
            continue
        w = edit_window(c.old, c.new)
        if w is None or w[3] or not w[2] or len(w[2].split()) < 2:
            continue                      # only a promise that lost words, and more than one
        m = _PROMISE_RE.search(c.old)
        at = c.old.find(w[2])
        if not m or at < m.end() or not _PRACTICE_RE.search(c.old[m.end():at + len(w[2])]):
            continue                      # the words lost are not what the promise is about
        now = _promise_clause(ctx, c.new)
        if now:
            vp = re.search(r"\b(?:will|does|do|shall|would) not (.+)$", now)
            short = f"{ctx.owner} narrows its promise not to {vp.group(1)}" if vp else ""
            out.append(Statement(f"Narrows its promise: {_lower(now)} (was: {_lower(third_person(w[0], ctx.owner))})",
                                 _topic(c), "promise-narrowed", w[0], w[1], (k,), short))
    return out


def consent_statements(ctx: Context) -> list[Statement]:
    """Opt-in became opt-out, or a mandatory commitment became permissive ('will' -> 'may')."""
    out: list[Statement] = []
    for k, c in _live(ctx):
        flips = [f for f in c.flips if f.startswith(("opt-in → opt-out", "obligation weakened"))]
        if c.kind != "reworded" or not flips:
            continue
        now = _owner_says(ctx, c.new or "", _PRACTICE_RE) or _owner_says(ctx, c.new or "", None)
        was = clause_about(c.old or "", _PRACTICE_RE, 80) or clause_about(c.old or "", None, 80)
        if now and was:
            out.append(Statement(f"{now} (was: {_lower(third_person(was, ctx.owner))})", _topic(c),
                                 "consent-weakened", was, now, (k,)))
    return out


_CONSENT_FIRST_RE = re.compile(
    r"(?i)\bonly (?:[\w-]+ ){0,4}(?:after|once|if|when) you(?:'ve| have)? (?:\w+ )?(?:given|give|provided|provide|granted|"
    r"grant)(?: us)? (?:your |explicit |prior )*(?:consent|permission)|\b(?:with|after obtaining|after receiving|once we have) "
    r"your (?:prior |explicit )*consent in (?:our|the|a) (?:cookie|consent) (?:banner|pop-?up|tool)")
_IMPLIED_RE = re.compile(
    r"(?i)\bimplied consent\b|\bassume (?:that )?you (?:agree|consent|accept)|\bby (?:continuing to )?(?:using|visiting|"
    r"browsing) (?:our|this|the) (?:web ?)?site,? you (?:agree|consent|accept)")
_NECESSARY_RE = re.compile(r"(?i)\b(?:strictly )?(?:necessary|essential)\b")


def consent_required_statements(ctx: Context) -> list[Statement]:
    """A consent step added ('we only set cookies after you have given your consent in our
    cookie banner'), above all where implied consent ('we assume you agree unless you opt out')
    was dropped: the user is now asked first."""
    out: list[Statement] = []
    implied = next(((k, c) for k, c in _live(ctx) if c.kind in ("removed", "reworded") and c.old
                    and _IMPLIED_RE.search(c.old) and not _IMPLIED_RE.search(c.new or "")), None)
    for k, c in _live(ctx):
        new = c.new or ""
        if c.kind == "removed" or not _CONSENT_FIRST_RE.search(new) or _CONSENT_FIRST_RE.search(c.old or ""):
            continue
        said = _owner_says(ctx, new, _CONSENT_FIRST_RE, NAMED_QUOTE_LIMIT)
        if not said:
            continue
        was = clause_about(implied[1].old or "", _IMPLIED_RE, 90) if implied else None
        was = _lower(third_person(was, ctx.owner)) if was else ("implied consent" if implied else None)
        what = ("non-essential cookies" if _NECESSARY_RE.search(new) else "cookies") if re.search(r"(?i)\bcookies\b", new) else ""
        short = (f"{ctx.owner} now asks for your consent before setting {what}"
                 + (" (was: implied consent)" if implied else "")) if what else ""
        ks = (k, implied[0]) if implied and implied[0] != k else (k,)
        out.append(Statement(f"{said} (was: {was})" if was else said, "cookies-tracking", "consent-required",
                             was, said, ks, short))
        break
    return out


def value_statements(ctx: Context) -> list[Statement]:
    """A duration, age, e-mail or phone changed inside one reworded sentence: the new sentence's
    practice with the old value."""
    from tracker.changes.values import value_changes
    out: list[Statement] = []
    seen: set[tuple[str, str]] = set()
    for k, c in _live(ctx):
        if c.kind != "reworded" or not c.old or not c.new:
            continue
        for v in value_changes(c.old, c.new):
            if (v.old, v.new) in seen:
                continue
            seen.add((v.old, v.new))
            focus = re.compile(re.escape(v.new.split(", ")[0]), re.I)
            said = plain_words(c.new)        # 'under the age of 16' -> 'under 16': the value fits
            now = _owner_says(ctx, said, focus, 125) or _owner_says(ctx, said, _edit_focus(c), 125)
            label = {"ages": "Age threshold", "durations": "Period", "emails": _contact_role(c.new, "e-mail"),
                     "phones": _contact_role(c.new, "phone")}.get(v.kind, "Value")
            text = f"{label} is now {v.new} (was: {v.old})" if v.kind in ("emails", "phones") or not now \
                else f"{now} (was: {v.old})"
            impact = "retention-changed" if v.topic == "retention" else (
                "contact-changed" if v.kind in ("emails", "phones") else "value-changed")
            out.append(Statement(text, v.topic, impact, v.old, v.new, (k,)))
    for k, c in _live(ctx):
        if c.kind == "reworded" and c.old and c.new and not value_changes(c.old, c.new) and _address_edit(c):
            stated = _address_statement(c.old, c.new)
            if stated:
                out.append(Statement(stated[0], "contact", "contact-changed", stated[1], stated[2], (k,)))
    return out


_EMAIL_RE = re.compile(r"[\w.+-]+@ ?[\w-]+(?:\.[\w-]+)+")
_ROLE_RE = re.compile(r"(?i)\b(copyright agent|designated agent|privacy (?:officer|office|team|department)|"
                      r"data protection officer|customer (?:service|support|care)|support team|legal department)\b")


def _mail(m: "re.Match[str]") -> str:
    return m.group(0).replace("@ ", "@").rstrip(".")


def _contact_role(sentence: str | None, what: str) -> str:
    """Whose address a sentence gives: 'Copyright agent's e-mail', 'Data Protection Officer's
    phone', or 'Contact e-mail': never the sentence around the address."""
    m = _ROLE_RE.search(sentence or "")
    if not m:
        return f"Contact {what}"
    role = m.group(1)
    role = role if all(w[:1].isupper() for w in role.split()) else capitalise(role.lower())
    return f"{role}'s {what}"


def _address_statement(old: str, new: str) -> tuple[str, str, str] | None:
    """'Postal address changed to “Suite 303, 49 Spadina Ave” (was: “317 Adelaide Street
    West, Suite 910”)': the address words of the edit, not the sentence around them."""
    w = edit_window(old, new, context=0)
    if w is None:
        return None
    gone, came = (x.strip(" ,;:") for x in (w[2] or w[0], w[3] or w[1]))
    if not came:
        return None
    text = f"Postal address changed to “{came}”" + (f" (was: “{gone}”)" if gone else "")
    return text, gone, came


def _address_edit(c: Change) -> bool:
    from tracker.changes.values import address_changed
    from tracker.changes.verdict import delta_words
    return address_changed(*delta_words(c.old or "", c.new or ""))


def sharing_statements(ctx: Context) -> list[Statement]:
    """A sentence about giving data to others added (widened) or removed (narrowed)."""
    out: list[Statement] = []
    for k, c in _live(ctx):
        if c.kind == "reworded" or _PROMISE_RE.search(c.new or c.old or ""):
            continue
        text = c.new if c.kind == "added" else c.old
        if not text or not (_SHARE_RE.search(text) and _RECIPIENT_RE.search(text)):
            continue
        said = _owner_says(ctx, text, _SHARE_RE)
        if not said:
            continue
        if c.kind == "added":
            out.append(Statement(said, "sharing", "sharing-widened", None, said, (k,)))
        else:
            out.append(Statement(f"No longer says: {_lower(said)}", "sharing", "sharing-narrowed", said, None, (k,)))
    return out


def recipient_statements(ctx: Context) -> list[Statement]:
    """A company newly named in a sentence that gives it data (a recipient or processor, not a
    sign-in button or a platform the app runs on)."""
    out: list[Statement] = []
    for name in ctx.entities_added.get("vendors", []):
        for k, c in _live(ctx):
            text = c.new or ""
            if c.kind == "removed" or name not in text or name in (c.old or ""):
                continue
            if not (_SHARE_RE.search(text) or re.search(r"(?i)\b(?:processor|service provider|provided by|powered by|"
                                                         r"(?:uses?|integrates? with|embeds?|relies on|works? with)"
                                                         r" [^.;:]{0,50}?" + re.escape(name) + r")", text)):
                continue
            if not may_receive(name, text):
                continue      # a platform, a network to sign in with, a seal: named, not given data
            said = _owner_says(ctx, text, re.compile(re.escape(name)), NAMED_QUOTE_LIMIT)
            if said:
                out.append(Statement(said, "sharing", "new-recipient", None, name, (k,)))
                break
    return out


_CHILD_RE = re.compile(r"(?i)\bchild(?:ren|ren's)?\b|\bminors?\b|\bunder (?:the age of )?\d{1,2}\b|\bparental\b")


def children_statements(ctx: Context) -> list[Statement]:
    """A sentence about children (who may use the service, what is collected from them) added
    or dropped: a protected group, told apart from other practice sentences."""
    out: list[Statement] = []
    for k, c, text in _added_or_dropped(ctx, "children", _CHILD_RE):
        said = _owner_says(ctx, text, _CHILD_RE)
        if said:
            out.append(_one_side(said if c.kind == "added" else f"No longer says: {_lower(said)}", "children",
                                 "children-rule", said, c.kind, k))
    return out


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


# how long data is kept: a verb of keeping or deleting ('deletion requests' are a right, and
# 'anonymized or aggregated information' given to others is no rule of keeping)
_RETAINS_RE = re.compile(r"(?i)\b(?:keep|keeps|kept|retain(?:s|ed|ing)?|retention|stor(?:e|es|ed)|delet(?:e|es|ed|ing)|"
                         r"eras(?:e|es|ed|ing)|purg(?:e|es|ed|ing))\b")
_KEPT_SAFE_RE = re.compile(r"(?i)\bkeep(?:s|ing)? (?:\w+ ){0,3}(?:private|safe|secure|confidential|up to date|accurate|"
                           r"informed)\b")


# retention as one word of a list of what a framework or notice covers ('the collection, use and
# retention of information'): no rule of how long data is kept
_LISTED_RETENTION_RE = re.compile(r"(?i)\b(?:collection|use|sharing|disclosure|processing|transfer),? (?:[a-z]+,? ){0,3}"
                                  r"(?:and|or) retention\b")


# deleting as one of the user's rights ('options to access, correct, suppress, or delete your
# personal information', 'you can request deletion'): a right, told by the rights rule
_DELETION_RIGHT_RE = re.compile(r"(?i)\b(?:access\w*|correct\w*|updat\w*|review\w*|suppress\w*|rectif\w*|restrict\w*|"
                                r"modify\w*|amend\w*)(?:,? (?:or |and )?\w+){0,3},? (?:or|and) (?:delet|eras)\w*\b|"
                                r"\b(?:request|ask for|ask us to|right to|you (?:can|may) (?:also )?)"
                                r" ?(?:the |that we |us to )?(?:delet|eras)\w*\b")


def retention_statements(ctx: Context) -> list[Statement]:
    """A rule about keeping or deleting data added or dropped (value changes are told above)."""
    out: list[Statement] = []
    for k, c, text in _added_or_dropped(ctx, "retention", _RETAINS_RE):
        if not _RETAINS_RE.search(_DELETION_RIGHT_RE.sub(" ", _LISTED_RETENTION_RE.sub(" ", _KEPT_SAFE_RE.sub(" ", text)))):
            continue                      # 'keeps your information private and safe': security, not retention
        periods = extract_sentence(text).durations
        said = (_owner_says(ctx, text, re.compile("|".join(map(re.escape, sorted(periods))), re.I)) if periods
                else None) or _owner_says(ctx, text, _RETENTION_RE) \
            or _owner_says(ctx, text, _RETENTION_RE, NAMED_QUOTE_LIMIT)     # how long data is kept: worth a longer quote
        if said:
            # a period stated where none was is a change of how long data is kept
            impact = "retention-changed" if extract_sentence(text).durations else "retention-stated"
            out.append(_one_side(f"New retention rule: {_lower(said)}" if c.kind == "added"
                                 else f"Retention rule dropped: {_lower(said)}", "retention", impact, said,
                                 c.kind, k))
    return out


# 'you can always ask us for more information', 'you may contact us with questions': an offer to
# answer, not a right over one's data
# ('you may exercise these rights by emailing us at …' says how to use rights stated before it: no right of its own)
_ASK_ONLY_RE = re.compile(r"(?i)\byou (?:can|may) (?:always |also )?ask (?:\w+ )?(?:for )?(?:more|further|additional) "
                          r"(?:information|details)\b|\byou (?:can|may) (?:always |also )?ask (?:\w+ )?(?:any )?questions?\b|"
                          r"\byou (?:can|may) (?:also )?exercise (?:these|those|such|this|the above|any of these|"
                          r"any of those) rights? (?:by|through|via|at)\b")


# what any browser lets its user do ('you can remove or block cookies using the settings in your
# browser'): an instruction, not a right the company gives or takes away
_BROWSER_ONLY_RE = re.compile(r"(?i)\b(?:using|through|via|in|with|by (?:changing|adjusting|modifying|setting)) "
                              r"(?:the |your )?(?:web )?browser(?:'s)? (?:settings|preferences|options)\b|"
                              r"\bsettings (?:in|of|on) (?:the |your )?(?:web )?browser\b|"
                              r"\b(?:set|configure|change) your (?:web )?browser to (?:refuse|reject|block|decline|notify)\b")


# the user volunteering data ('you may choose to give Cisco Personal Information in a variety of
# situations') and reading something that is not their data ('you can review its Privacy Shield
# registration here'): a description and a pointer, no right
_VOLUNTEERS_RE = re.compile(r"(?i)\byou (?:may|can) (?:also )?choose to (?:give|provide|submit|send|enter|post|share)\b")
_READS_RE = re.compile(r"(?i)\byou (?:may|can) (?:also )?(?:review|read|view|see|find|learn|visit|consult)\b"
                       r"(?![^.;]{0,50}\b(?:your|their|the) (?:own )?(?:personal |account |contact )?(?:information|data|"
                       r"account|settings|preferences|history|profile|choices|details)\b)")


def _no_right(text: str) -> bool:
    """Sentences that word a right but give none (see _ASK_ONLY_RE, _BROWSER_ONLY_RE, _VOLUNTEERS_RE, _READS_RE)."""
    return bool(_ASK_ONLY_RE.search(text) or _BROWSER_ONLY_RE.search(text) or _VOLUNTEERS_RE.search(text)
                or _READS_RE.search(text) and not re.search(r"(?i)\b(?:and|or) (?:update|correct|delete|edit|change|"
                                                            r"opt|download|export|request)\b", text))


# a control of the user in any wording: what a reworded sentence may already have given
_CONTROL_RE = re.compile(r"(?i)\b(?:opt[- ]?out|opt[- ]?in|unsubscribe|limit|restrict|choose|choice|right to|may request|"
                         r"can request|ask (?:us|that)|control|prevent|decline|refuse|withdraw)\b")
_DISCLAIMS_RE = re.compile(r"(?i)^[^,;]{0,60}?\b(?:cannot|can't|can not|does not|do not|is not able to) "
                           r"(?:control|guarantee|ensure|be responsible)\b")


def _disclaims(said: str) -> bool:
    """'Acme cannot control the actions of other users with whom you may choose to share': the
    main clause disclaims, the user gains no right."""
    return bool(_DISCLAIMS_RE.search(said))


def rights_statements(ctx: Context) -> list[Statement]:
    """A right or control of the user added or removed."""
    out: list[Statement] = []
    rights_now: list[str] | None = None     # the new sentences that state a right, found once
    for k, c in _live(ctx):
        o, n = c.old or "", c.new or ""
        o, n = ("" if _no_right(o) else o), ("" if _no_right(n) else n)
        if c.kind in ("added", "reworded") and _RIGHT_RE.search(n) and not _RIGHT_RE.search(o):
            said = _owner_says(ctx, n, _RIGHT_RE)
            if said and not _disclaims(said) and c.kind == "reworded" and _CONTROL_RE.search(o):
                # the old sentence gave a control in other words: the right changed, it is not new
                was = clause_about(o, _CONTROL_RE, 120) or words_around(o, _CONTROL_RE)
                text = f"{said} (was: {_lower(third_person(was, ctx.owner))})" if was else f"Now reads: {_lower(said)}"
                out.append(Statement(text, "rights", "practice-changed", was, said, (k,)))
            elif said and not _disclaims(said):
                out.append(Statement(f"New right: {_lower(said)}", "rights", "right-added", None, said, (k,)))
        elif c.kind in ("removed", "reworded") and _RIGHT_RE.search(o) and not _RIGHT_RE.search(n):
            if c.kind == "removed" and rights_now is None:
                rights_now = _new_texts(ctx, lambda t: bool(_RIGHT_RE.search(t) or _ANY_RIGHT_RE.search(t)
                                                             or _MANAGE_RE.search(t)))
            kept = rights_now if c.kind == "removed" and rights_now else []
            if kept and (_restated(o, kept) or _same_control(o, kept) or _same_rights(o, kept)):
                continue                  # the right is still stated, in other words
            said = _owner_says(ctx, o, _RIGHT_RE)
            if said:
                out.append(Statement(f"Right no longer stated: {_lower(said)}", "rights", "right-removed",
                                     said, None, (k,)))
    return out


_CONTROLLED_RE = re.compile(r"(?i)\b(?:cookies?|e-?mails?|marketing|location|ads|advertising|notifications|newsletters?|"
                            r"browser settings)\b")


# the user's control in words no right pattern reads: 'You can manage what kinds of
# notifications you receive', 'you may change your cookie settings'
_MANAGE_RE = re.compile(r"(?i)\byou (?:can|may) (?:also |always )?(?:manage|change|adjust|set)\b")


def _same_control(text: str, elsewhere: list[str]) -> bool:
    """A dropped control whose object and most of whose words return in a new one ('opt out by
    changing your browser settings to not accept cookies' -> 'withdraw your consent … or block
    cookies by changing your browser settings'), or whose object the user still controls in a
    sentence of their own ('You may choose to opt out of certain kinds of notifications' -> 'You
    can manage what kinds of notifications you receive'): the control is restated, not removed."""
    objects = {m.lower().rstrip("s") for m in _CONTROLLED_RE.findall(text)}
    words = _content_words(text)

    def restated(e: str) -> bool:
        if not objects & {m.lower().rstrip("s") for m in _CONTROLLED_RE.findall(e)}:
            return False
        shared = len(words & _content_words(e))
        return shared >= 0.4 * len(words) or shared >= 0.3 * len(words) and bool(_MANAGE_RE.search(e) or _RIGHT_RE.search(e))
    return bool(objects) and len(words) >= 3 and any(restated(e) for e in elsewhere)


_RIGHT_OBJECT_RE = re.compile(r"(?i)\b(?:access|correct|correction|rectif\w+|delet\w+|eras\w+|cop(?:y|ies)|portab\w+|"
                              r"restrict\w*|object|objection|opt[- ]?out|unsubscribe|withdraw\w*|updat\w*|edit|"
                              r"explanation(?= of (?:the |your |any )?(?:personal )?(?:information|data)))\b")
# one right under its other names: 'a copy' and 'copies'; 'an explanation of the information
# Uber has about you' is access; rectification, updating and editing are correction; erasure is deletion
_RIGHT_FAMILY = {"copie": "copy", "expla": "acces", "recti": "corre", "erasu": "delet", "erase": "delet",
                 "updat": "corre", "edit": "corre"}


# a right in any wording ('Users outside the EU may also request …', 'You also have the right to
# receive a copy …'): what a dropped right may be restated as
_ANY_RIGHT_RE = re.compile(r"(?i)\bright to\b|\b(?:may|can) (?:also )?request\b|\brequest that\b|"
                           r"\b(?:gives?|provides?|offers?) you (?:with )?(?:the |an? )?(?:ability|option|opportunity|"
                           r"way|means|tools?) to\b|\b(?:allows?|enables?|lets) you to (?:access|edit|update|correct|"
                           r"delete|review|download|export|opt)\b")


def _right_objects(text: str) -> set[str]:
    """The rights a sentence gives, one key per right whatever its wording."""
    return {_RIGHT_FAMILY.get(k, k) for k in (m.lower()[:5] for m in _RIGHT_OBJECT_RE.findall(text))}


def _same_rights(text: str, elsewhere: list[str]) -> bool:
    """A dropped right whose every object (access, correction, a copy, deletion …) the new rights
    still give, in whatever sentences: a rewrite restated it, the user lost nothing."""
    objects = _right_objects(text)
    given: set[str] = set()
    for e in elsewhere:
        given |= _right_objects(e)
    return bool(objects) and objects <= given


# a right over one's data as a whole ('access and edit certain personally identifying
# information', 'update any contact information you provide'), not over one feature's content
_DATA_RIGHT_RE = re.compile(r"(?i)\b(?:access|correct\w*|rectif\w+|delet\w+|eras\w+|cop(?:y|ies)|updat\w*|edit)\b"
                            r"[^.;]{0,60}?\b(?:information|data)\b")
_CONTROL_WORDS_RE = re.compile(r"(?i)\b(?:opt[- ]?(?:out|in)|unsubscribe|withdraw\w*|choose|limit|control|preferences?|"
                               r"settings?)\b")


def right_given(sentences: Sequence[str], before: bool = False) -> Callable[[str], bool]:
    """For corroborate: does the text of these sentences give the right or control a sentence
    said gone (or, before=True, said new) gives, in whatever words and however many sentences
    ('access to, correction of, or a copy of your information' -> 'an explanation of the
    information Uber has about you' and 'copies or correction of your data')? A right said new
    is refuted only as a right over one's data as a whole: an opt-out or a control over one
    feature is news even when the old text had others. The sentences that give rights are
    found once."""
    rights: list[str] | None = None

    def given(text: str) -> bool:
        nonlocal rights
        if not (_RIGHT_RE.search(text) or _ANY_RIGHT_RE.search(text)):
            return False
        if before and (not _DATA_RIGHT_RE.search(text) or _CONTROL_WORDS_RE.search(text)):
            return False
        if rights is None:
            rights = [t for t in sentences if _RIGHT_RE.search(t) or _ANY_RIGHT_RE.search(t) or _MANAGE_RE.search(t)]
        if before:
            return _same_rights(text, [t for t in rights if _DATA_RIGHT_RE.search(t)])
        return _same_rights(text, rights) or _same_control(text, rights)
    return given


def _quotes_closed(text: str) -> bool:
    return text.count('"') % 2 == 0 and text.count("“") == text.count("”")


def transfer_statements(ctx: Context) -> list[Statement]:
    """A law or framework newly cited or dropped in a sentence about international transfers."""
    out: list[Statement] = []
    for k, c in _live(ctx):
        if "international-transfer" not in c.topics:
            continue
        lo, ln = extract_sentence(c.old or "").laws, extract_sentence(c.new or "").laws
        if lo == ln:
            continue
        text = c.new if ln - lo else c.old
        said = _owner_says(ctx, text or "", re.compile("|".join(re.escape(x.split()[0]) for x in (ln ^ lo))))
        if said:
            was = f" (was: {', '.join(sorted(lo))})" if lo and ln else ""
            lead = "" if ln - lo else "No longer says: "
            # the headline form says 'now cites' / 'no longer cites' only of a law the whole
            # text newly cites or no longer cites: a sentence that drops a framework still
            # named elsewhere leaves the policy citing it
            cited = sorted((ln - lo) & set(ctx.entities_added.get("laws", [])))
            dropped = sorted((lo - ln) & set(ctx.entities_removed.get("laws", [])))
            short = (f"{ctx.owner} now cites {_and(cited)} for international data transfers{was}" if cited
                     else f"{ctx.owner} no longer cites {_and(dropped)} for international data transfers"
                     if dropped and not ln - lo else "")
            # a framework only moved between sentences leaves the footing of transfers as it was
            impact = "transfer-basis" if cited or dropped else "practice-changed"
            out.append(Statement(f"{lead}{said}{was}", "international-transfer", impact,
                                 ", ".join(sorted(lo)) or None, ", ".join(sorted(ln)) or None, (k,), short))
    return out


def law_statements(ctx: Context) -> list[Statement]:
    """A law or framework newly cited (or no longer cited) anywhere: the sentence that cites it."""
    out: list[Statement] = []
    for side, names in (("new", ctx.entities_added.get("laws", [])), ("old", ctx.entities_removed.get("laws", []))):
        for name in names:
            for k, c in sorted(_live(ctx), key=lambda kc: is_pointer(kc[1].new if side == "new" else kc[1].old)):
                text = c.new if side == "new" else c.old      # a sentence that states it before one that links to it
                other = c.old if side == "new" else c.new
                if not text or name not in extract_sentence(text).laws or (other and name in extract_sentence(other).laws):
                    continue
                said = (_owner_says(ctx, text, re.compile(re.escape(name)), NAMED_QUOTE_LIMIT)
                        or _owner_says(ctx, text, None, NAMED_QUOTE_LIMIT))
                if said:
                    if name.lower() not in said.lower():
                        said = f"{said} ({name})"          # the sentence cites it under another name
                    said = said if side == "new" else f"No longer says: {_lower(said)}"
                    short = _cites(ctx.owner, name, side, c)
                    # a framework that transfers rest on is their legal footing, not a citation
                    impact = "law-for-transfers" if short.endswith("for international data transfers") else "law-cited"
                    out.append(Statement(said, "legal-basis", impact, None if side == "new" else name,
                                         name if side == "new" else None, (k,), short))
                    break
    return out


def _cites(owner: str, name: str, side: str, c: Change) -> str:
    """The headline form of a law newly cited or dropped: 'Cisco now cites Binding Corporate
    Rules for international data transfers', 'Acme no longer cites the GDPR'."""
    the = "the " if re.search(r"^(?:GDPR|CCPA|CPRA|LGPD|PIPEDA)$|(?:Shield|Act|Directive|Regulation|Framework)$", name) else ""
    what = " for international data transfers" if re.search(r"(?i)\btransfer", (c.new if side == "new" else c.old) or "") else ""
    return f"{owner} {'now cites' if side == 'new' else 'no longer cites'} {the}{name}{what}"


def named_statements(ctx: Context) -> list[Statement]:
    """A party, office, programme or product named for the first time: the sentence naming it."""
    out: list[Statement] = []
    for name in ctx.names[:4]:
        for k, c in _live(ctx):
            if c.kind == "removed" or name not in (c.new or "") or name in (c.old or ""):
                continue
            if c.kind == "reworded" and _address_edit(c):
                continue                  # a street in a new address is no party (stated as an address)
            said = _owner_says(ctx, c.new or "", re.compile(re.escape(name)))
            if said:
                out.append(Statement(said, _topic(c), "named-party", None, name, (k,)))
                break
    return out


# data combined with what identifies the user: a new use readers look for ('activity on other
# sites may be associated with your personal information', 'combined with your account')
_COMBINE_RE = re.compile(r"(?i)\b(?:we|may|might|will|can|could|to|also|and)\s+(?:also\s+)?(?:be\s+)?"
                         r"(?:associate[sd]?|combine[sd]?|link(?:s|ed)?|connect(?:s|ed)?|merge[sd]?)\b[^.;]{0,40}?"
                         r"\b(?:with|to) (?:your |the user's |a user's )?(?:personal (?:information|data)|\w+ account|"
                         r"account|profile|identity|name)\b")
_NEGATED_RE = re.compile(r"(?i)\b(?:not|never|no)\b|n't\b")


def _combines(text: str) -> bool:
    """The sentence says data is (or may be) combined with what identifies the user, not that
    it is not."""
    m = _COMBINE_RE.search(text)
    return m is not None and not _NEGATED_RE.search(text[max(0, m.start() - 12):m.end()])


# trackers used for advertising: what a user most wants to know is watched and why
_TRACKER_RE = re.compile(r"(?i)\b(?:cookies|web beacons|pixels?|(?:advertising|device|mobile) (?:identifiers?|IDs?)|"
                         r"tracking (?:technologies|tools)|SDKs?)\b")
_AD_PURPOSE_RE = re.compile(r"(?i)\b(?:ads|advertis\w+|interest-based|tailor\w*|personali[sz]e\w*|retarget\w*|marketing)\b")


def _tracks_for_ads(text: str) -> bool:
    """A sentence saying trackers (cookies, advertising identifiers, pixels) are used for ads,
    and not that they are not."""
    m = _TRACKER_RE.search(text)
    return bool(m and _AD_PURPOSE_RE.search(text, m.end()) and not _NEGATED_RE.search(text))


def practice_statements(ctx: Context) -> list[Statement]:
    """Any other sentence about collecting, using or keeping data added, dropped or reworded."""
    from tracker.changes.digests import new_source
    from tracker.changes.edits import edit_short as _edit_short, reworded_was as _reworded_was
    from tracker.changes.insertions import item_impact
    out: list[Statement] = []
    for k, c in _live(ctx):
        text = c.new if c.kind != "removed" else c.old
        if not text or (c.kind == "reworded" and _address_edit(c)):
            continue                      # an address edit is stated as one (value_statements)
        focus = _COLLECT_RE if _COLLECT_RE.search(text) else _PRACTICE_RE
        said = _owner_says(ctx, text, focus)
        edit_said = None
        if c.kind == "reworded":
            e = edit_statement(ctx, c)
            if e:
                widened = _combines(text) and not _combines(c.old or "")
                impact = item_impact(ctx.owner, c) or ("collection-widened" if widened else "practice-changed")
                out.append(Statement(e[0], _topic(c), impact, e[1], e[2], (k,), _edit_short(ctx, c, e[0])))
                continue
            edit = _edit_focus(c)
            edit_said = _owner_says(ctx, text, edit) if edit else None
            said = edit_said or said
        if not said:
            src = new_source(ctx, c)      # too long to quote, but it names a new source of data
            if src:
                out.append(Statement(f"{ctx.owner} now also gets data about you from {src}", "collection",
                                     "sources-widened", None, src, (k,)))
            continue
        impact = "collection-widened" if c.kind == "added" and focus is _COLLECT_RE else "practice-changed"
        if c.kind == "added" and _SOURCE_RE.search(text) and _COLLECT_RE.search(text) \
                and not _NOUN_PHRASE_RE.match(said):    # 'Information about you that X obtains from …': a list label
            impact = "sources-widened"          # 'we also collect information about you from trusted partners'
        if c.kind == "added" and _tracks_for_ads(text):
            impact = "collection-widened"       # 'advertising identifiers … are used to show you interest-based ads'
        if c.kind != "removed" and _combines(text) and not _combines(c.old or ""):
            impact = "collection-widened"       # 'your activity … may be associated with your personal information'
        if any(f.startswith("practice changed") and f.rsplit(" → ", 1)[-1] in ("share", "sell") for f in c.flips):
            impact = "sharing-widened"          # 'we collect' -> 'we sell': data now goes to others
        if c.kind == "added":
            out.append(Statement(said, _topic(c), impact, None, said, (k,)))
        elif c.kind == "removed":
            out.append(Statement(f"No longer says: {_lower(said)}", _topic(c), "practice-changed", said, None, (k,)))
        else:
            was = _reworded_was(c) if edit_said else ""      # the old words belong to the quoted clause only
            out.append(Statement(f"{said} (was: {was})" if was else said, _topic(c), "practice-changed",
                                 was or None, said, (k,)))
    return out


def section_statements(ctx: Context) -> list[Statement]:
    """New and removed headings whose title names a data practice, a right or a protected group
    ('Your California Privacy Rights'), by name, in one statement each way. Other headings
    ('Our Business', a person's name, 'Did this page help?') are navigation: they stay in the
    report's `sections` and are never a bullet (a rewrite is told by its digest, not by its
    list of headings)."""
    from tracker.changes.verdict import practice_sections
    out: list[Statement] = []
    for names, one, many, impact in ((ctx.sections_added, "Adds a section", "Adds sections", "section-added"),
                                     (ctx.sections_removed, "Removes the section", "Removes sections", "section-removed")):
        names = [n for n in names if (n in practice_sections([n]) or _foreign(n)) and len(n) <= 80 and not _ui_title(n)][:3]
        if names:
            quoted = [f"“{n}”" for n in names]
            text = f"{one} {quoted[0]}" if len(names) == 1 else f"{many} {', '.join(quoted[:-1])} and {quoted[-1]}"
            out.append(Statement(text, "other", impact, None if impact == "section-added" else ", ".join(names),
                                 ", ".join(names) if impact == "section-added" else None))
    return out


# a title that is a control of the page, not a part of the policy ('Forgot Password?', 'Sign in')
_UI_TITLE_RE = re.compile(r"(?i)^(?:forgot|sign (?:in|up|out)|log ?(?:in|out)|register|subscribe|search|"
                          r"manage|view|shop|buy|download|back to|go to|skip to|archive|previous|past versions)\b")


def _foreign(title: str) -> bool:
    """A title mostly in another script: the English words of practices say nothing about it."""
    letters = [ch for ch in title if ch.isalpha()]
    return bool(letters) and sum(ch.isascii() for ch in letters) < 0.5 * len(letters)


def _ui_title(title: str) -> bool:
    """A page control or a line cut mid-sentence taken for a heading ('Forgot Password?',
    'Archive of Previous Privacy Policies', '… protecting the privacy of children on the')."""
    from tracker.changes.publishable import _DANGLING_END_RE
    return bool(_UI_TITLE_RE.match(title.strip())) or (title.rstrip().endswith("?") and len(title.split()) <= 3) \
        or bool(_DANGLING_END_RE.search(title.rstrip(" :")))


def contact_statements(ctx: Context) -> list[Statement]:
    """Contact e-mails and phone numbers that appear or disappear (changes of one are values)."""
    out: list[Statement] = []
    for kind, label in (("emails", "e-mail"), ("phones", "phone number")):
        new, gone = ctx.entities_added.get(kind, []), ctx.entities_removed.get(kind, [])
        if new and gone:
            out.append(Statement(f"Contact {label}: {new[0]} (was: {gone[0]})", "contact", "contact-changed",
                                 gone[0], new[0]))
        elif new:
            out.append(Statement(f"New contact {label}: {new[0]}", "contact", "contact-changed", None, new[0]))
    return out


def reworded_statements(ctx: Context) -> list[Statement]:
    """Any other sentence added, dropped or reworded (no practice rule fired): what it says now,
    with the old words where one edit replaced them."""
    from tracker.changes.edits import edit_short as _edit_short, reworded_was as _reworded_was
    from tracker.changes.insertions import item_impact
    out: list[Statement] = []
    for k, c in enumerate(ctx.changes):
        if len(out) >= 4 * MAX_STATEMENTS:
            break
        if c.kind == "moved" or _stamp_only(c) or _editors_note(c) or _merged_away(ctx, c):
            continue
        e = edit_statement(ctx, c) if c.kind == "reworded" else None
        if e:
            impact = item_impact(ctx.owner, c) or "reworded"       # an item of a list: what it does to the user
            out.append(Statement(e[0], _topic(c), impact, e[1], e[2], (k,), _edit_short(ctx, c, e[0])))
            continue
        focus = _edit_focus(c) if c.kind == "reworded" else None
        text = (c.new if c.kind != "removed" else c.old) or ""
        edit_said = _owner_says(ctx, text, focus, 140) if focus else None
        said = edit_said or _owner_says(ctx, text, None, 140)
        if not said and c.kind != "reworded":
            salient = _salient_focus(ctx, text)
            said = (_owner_says(ctx, text, salient, 140)
                    or _owner_says(ctx, plain_words(text), salient, NAMED_QUOTE_LIMIT)) if salient else None
            if said and not _quotes_closed(said):
                said = None             # a quote left open: a heading glued into the sentence
            excerpt = words_around(text, salient) if salient and not said else None
            if salient and excerpt and len(excerpt.split()) >= 5 and not _GLUED_UI_RE.search(excerpt) \
                    and has_verb(excerpt) and not is_page_chrome(excerpt) and not _cut_in_list(text, excerpt):
                term = salient.search(text)       # never an excerpt of glued menu text ('Share on FacebookShare')
                name = term.group(0) if term else ""
                verb = "Now mentions" if c.kind == "added" else "No longer mentions"
                out.append(Statement(f"{verb} {name}: “{third_person(excerpt, ctx.owner)}”", _topic(c), "reworded",
                                     excerpt if c.kind == "removed" else None,
                                     excerpt if c.kind == "added" else None, (k,)))
                continue
        if not said or len(said.split()) < 4:
            continue
        if c.kind == "reworded":
            was = _reworded_was(c) if edit_said else ""
            out.append(Statement(f"{said} (was: {was})" if was else f"Now reads: {_lower(said)}", _topic(c),
                                 "reworded", was or None, said, (k,)))
        elif c.kind == "added":
            out.append(Statement(f"Adds: {_lower(said)}", _topic(c), "reworded", None, said, (k,)))
        else:
            out.append(Statement(f"No longer says: {_lower(said)}", _topic(c), "reworded", said, None, (k,)))
    return out


def _cut_in_list(text: str, excerpt: str) -> bool:
    """An excerpt that stops inside a list ('approved by the Dutch, Polish' before ', Spanish
    and other regulators'): it would read as the whole list."""
    whole = tidy(text)
    at = whole.find(excerpt)
    return "," in excerpt and at >= 0 and whole[at + len(excerpt):at + len(excerpt) + 1] == ","


def pointer_statements(ctx: Context) -> list[Statement]:
    """A link added or dropped ('For a list of entities that may be data controllers, click
    here'): said as what it links to, after every statement of a practice."""
    out: list[Statement] = []
    for k, c in _live(ctx):
        text = c.new if c.kind == "added" else c.old if c.kind == "removed" else None
        link = link_phrase(third_person(text, ctx.owner)) if text and is_pointer(text) else None
        if link:
            said = f"Adds {link}" if c.kind == "added" else f"No longer gives {link}"
            out.append(Statement(said, _topic(c), "pointer", link if c.kind == "removed" else None,
                                 link if c.kind == "added" else None, (k,)))
    return out


# the company acting on a browser's signal (_SIGNAL_RE): a commitment
_HONOURS_RE = r"\b(?:will |do |does |currently )?(?:respond|honou?r|recogni[sz]e|process|treat)s?\b"


def signal_statements(ctx: Context) -> list[Statement]:
    """What the company does with a browser's 'do not track' or Global Privacy Control signal,
    newly said or no longer said: ignoring it is a practice the reader should know of (it is
    no commitment), honouring it is a commitment."""
    out: list[Statement] = []
    for k, c in _live(ctx):
        if c.kind == "reworded":
            continue
        text = c.new if c.kind == "added" else c.old
        if not text or not _SIGNAL_RE.search(text):
            continue
        said = _owner_says(ctx, text, _SIGNAL_RE)
        if not said:
            continue
        if c.kind == "removed":
            out.append(Statement(f"No longer says: {_lower(said)}", "do-not-track", "practice-changed", said, None, (k,)))
        elif _REFUSES_RE.search(said):
            out.append(Statement(said, "do-not-track", "practice-changed", None, said, (k,)))
        elif re.match(rf"(?i)(?:{re.escape(ctx.owner)}|we)\b[^.;,]{{0,20}}?{_HONOURS_RE}", said):
            out.append(Statement(f"New commitment: {_lower(said)}", "do-not-track", "promise-added", None, said, (k,)))
    return out


RULES: tuple[Callable[[Context], list[Statement]], ...] = (
    promise_statements, narrowed_promises, consent_statements, consent_required_statements, value_statements, transfer_statements, rights_statements,
    signal_statements,
    recipient_statements, law_statements, children_statements, named_statements, sharing_statements, retention_statements, practice_statements, contact_statements,
    section_statements, pointer_statements, reworded_statements,
)


# -- helpers -------------------------------------------------------------------------------

def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _lower(text: str) -> str:
    first = text.split(" ", 1)[0]
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
    for term in ctx.salient:
        m = re.search(re.escape(term), text, re.I)
        if m and (" " in term or m.group(0)[:1].isupper()):     # a name or a phrase, not a common word
            return re.compile(re.escape(term), re.I)
    return None


def edit_statement(ctx: Context, c: Change) -> tuple[str, str | None, str | None] | None:
    """A reworded sentence stated by its one edit (tracker.changes.edits.edit_statement)."""
    from tracker.changes.edits import edit_statement as stated
    return stated(ctx, c)


def salience(s: Statement, salient: tuple[str, ...]) -> int:
    """How many of the names and terms new to this version the statement says."""
    low = s.text.lower()
    return sum(1 for t in salient if t in low)


def _repeats(s: Statement, chosen: list[Statement]) -> bool:
    """The same practice already stated (a policy that says one thing twice in other words)."""
    def words(text: str) -> set[str]:
        return _content_words(_SHORT_LABEL_RE.sub("", _LABEL_RE.sub("", text)))
    mine = words(s.text)
    if len(mine) < 5:
        # a short statement whose every word one already chosen says ('No longer names Labs Cloud
        # Services' after 'Now says Wikimedia Cloud Services instead of Wikimedia Labs')
        return len(mine) >= 2 and bool(_NAMES_LABEL_RE.match(s.text)) and any(mine <= words(c.text) for c in chosen)
    return any(len(mine & w) >= 0.7 * min(len(mine), len(w)) for w in (words(c.text) for c in chosen) if len(w) >= 5)


_SHORT_LABEL_RE = re.compile(r"^(?:No longer names|Now (?:also )?names|Now says|Now mentions)\s*")
_LABEL_RE = re.compile(r"^(?:New retention rule|Retention rule dropped|New commitment|No longer promises|New rights?|"
                       r"Right no longer stated|No longer says|Adds|Now reads|Narrows its promise|Names [^:]{1,40}):\s*")


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
        best = next((s for s in sorted(candidates, key=lambda s: RANK[s.impact]) if low in s.text.lower()), None)
        if best is None:
            continue
        spare = [k for k, s in enumerate(out) if tier(s.impact) > 0 and not _loss(s)
                 and not any(m.lower() in s.text.lower() for m in must)]
        if len(out) < MAX_STATEMENTS:
            out = out + [best]
        elif spare:
            out = out[:spare[-1]] + out[spare[-1] + 1:] + [best]
    return out


def select(candidates: list[Statement], salient: tuple[str, ...] = (), must: tuple[str, ...] = (),
           per_level: int = PER_IMPACT, trivial: frozenset[int] = frozenset()) -> list[Statement]:
    """At most MAX_STATEMENTS statements, most important first (by impact level, then by the
    new names and terms they carry: any before none), one per change, at most two per impact level.

    trivial: the changes that alter no meaning (a typo or an inflection fixed, an article
    swapped); a statement resting only on them is left out while another statement remains."""
    if trivial:
        meaningful = [s for s in candidates if not s.changes or not set(s.changes) <= trivial]
        if any(s.changes for s in meaningful):
            candidates = meaningful
    best: dict[tuple[int, ...], int] = {}       # one statement per change: its most important reading
    for s in candidates:
        if s.changes and RANK[s.impact] < best.get(s.changes, len(RANK)):
            best[s.changes] = RANK[s.impact]
    candidates = [s for s in candidates if not s.changes or RANK[s.impact] == best[s.changes]]
    ordered = sorted(enumerate(candidates),
                     key=lambda kc: (tier(kc[1].impact), -(len(kc[1].changes) > 1), -min(salience(kc[1], salient), 1),
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


# levels a sentence keeps even when it only links elsewhere: the right or law it names matters
_KEPT_BY_POINTERS = frozenset({"right-added", "right-removed", "law-cited", "law-for-transfers", "transfer-basis", "sale-reversal",
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
    out = [_as_pointer(ctx, anchor(ctx, s)) for s in out if not _chrome(ctx, s)]
    stated = [s for s in out if not _loose(s) and not _points_back(ctx, s)]
    return stated if stated else out


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
    letters = [ch for ch in body if ch.isalpha()]
    if sum(ch.isascii() for ch in letters) < 0.8 * len(letters):
        return False              # another language: the English words of data say nothing about it
    return s.impact in _QUOTED_IMPACTS and not _DATA_WORD_RE.search(body) and not _PRACTICE_RE.search(body)


# statements that name what they quote by kind (a heading, a law, a value): never page chrome
_NAMED_IMPACTS = frozenset({"section-added", "section-removed", "law-cited", "law-for-transfers", "transfer-basis", "value-changed",
                            "contact-changed", "retention-changed"})


def _chrome(ctx: Context, s: Statement) -> bool:
    """A statement resting on one sentence whose changed side is page furniture a scrape kept
    ('Share on Google Plus Share on LinkedIn', a menu of article teasers): never stated."""
    if len(s.changes) != 1 or s.impact in _NAMED_IMPACTS:
        return False
    c = ctx.changes[s.changes[0]]
    sides = [t for t in ((c.new,) if c.kind == "added" else (c.old,) if c.kind == "removed" else (c.old, c.new)) if t]
    quoted = [t for t in (s.new, s.old) if t]
    if any(is_page_chrome(t) for t in quoted) or (bool(sides) and all(is_page_chrome(t) for t in sides)):
        return True
    body = _LABEL_RE.sub("", s.text)
    words = [w for w in body.split() if w.lower() not in _EDGE_FUNCTION_WORDS]   # 'Amazon and the Environment More'
    return s.impact in _LOOSE_IMPACTS and len(words) >= 3 and not has_verb(body) \
        and sum(1 for w in words if w[:1].isupper()) >= 0.75 * len(words)


_EDGE_FUNCTION_WORDS = frozenset("and or the of for to & a an in on at by with".split())
_LOOSE_IMPACTS = frozenset({"reworded", "practice-changed", "named-party", "collection-widened"})
