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
from typing import Callable

from tracker.changes.entities import extract_sentence
from tracker.changes.phrasing import capitalise, clause_about, third_person, tidy
from tracker.changes.priorities import MAX_STATEMENTS, RANK, tier
from tracker.changes.report import Change

QUOTE_LIMIT = 170
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


# -- patterns ---------------------------------------------------------------------------------

_PROMISE_RE = re.compile(
    r"\b(?:[Ww]e|[Ww]e (?:also|generally|currently))\s+(?:will|do|shall|would|can)\s*(?:not|n't)\b|(?i:\bwe never\b|\bwe will never\b)"
    r"|(?i:\b(?:without|unless (?:we (?:have|obtain|receive)|you (?:give|provide)))\s+(?:your\s+)?(?:prior\s+|express\s+|explicit\s+)?"
    r"(?:opt[- ]?in\s+)?(?:consent|permission|approval)|\bask (?:for )?your (?:opt[- ]?in|consent|permission)"
    r"|\bonly (?:with|if you) (?:your )?(?:consent|opt[- ]?in|agree)|\bopt[- ]?in\b)")
_PRACTICE_RE = re.compile(
    r"(?i)\b(?:sell|sold|rent|share[sd]?|sharing|disclose[sd]?|transfer(?:s|red)?|provide[sd]? (?:it |them |your \w+ )?to|"
    r"combine[sd]?|associate[sd]?|link(?:s|ed)?|use[sd]?|process(?:es|ed)?|collect(?:s|ed)?|track(?:s|ed)?|"
    r"keep(?:s)?|kept|retain(?:s|ed)?|store[sd]?|delete[sd]?|record(?:s|ed)?|log(?:s|ged)?|save[sd]?|notes?|"
    r"receive[sd]?|obtain(?:s|ed)?|infer(?:s|red)?|target(?:s|ed)?|profil(?:e|es|ing))\b")
_SALE_RE = re.compile(r"(?i)\b(?:sell|sold|sale|rent|trade)\b")
_SHARE_RE = re.compile(r"(?i)\b(?:share[sd]?|sharing|disclose[sd]?|transfer(?:s|red)?\s+(?:\w+\s+){0,3}to|"
                       r"provide[sd]?\s+(?:\w+\s+){0,4}to|make[s]? (?:\w+ )?available to|give[sn]? (?:\w+ ){0,3}access)\b")
_RECIPIENT_RE = re.compile(r"(?i)\b(?:third[- ]part(?:y|ies)|partners?|advertis\w+|affiliates?|service providers?|"
                           r"vendors?|processors?|companies|government|law enforcement|authorities|public|"
                           r"developers?|researchers?|sponsors?|publishers?)\b")
_RIGHT_RE = re.compile(
    r"(?i)\byou (?:can|may|have the right to|are entitled to|also have the right to|have a right to)\s+"
    r"(?:also\s+|always\s+)?(?:request|ask|object|opt|withdraw|lodge|delete|access|export|download|correct|"
    r"restrict|port|obtain|review|update|edit|remove|appeal|complain|choose to|choose not|control|turn off|"
    r"disable|limit|exercise)\b|\bright (?:to|of) (?:access|erasure|rectification|object|portability|"
    r"restrict|withdraw|delete|deletion|correct|know|opt|lodge|appeal|request|data portability|be forgotten|"
    r"non-discrimination)")
_RETENTION_RE = re.compile(r"(?i)\b(?:keep|keeps|kept|retain\w*|retention|stor(?:e|es|ed)|delet\w*|eras\w*|"
                           r"purg\w*|anonymi[sz]\w*|de-identif\w*|aggregat\w*)\b")
_COLLECT_RE = re.compile(r"(?i)\b(?:collect\w*|gather\w*|obtain\w*|receive[sd]?|record\w*|log(?:s|ged)?|"
                         r"save[sd]?|notes?|infer\w*|use[sd]? (?:your|this|the|such|that)|access (?:your|to your))\b")
_CONSENT_RE = re.compile(r"(?i)\b(?:consent|opt[- ]?in|permission|approval)\b")
_CONTACT_RE = re.compile(r"(?i)\b(?:contact|e-?mail|write to|call|address|officer|representative)\b")


def _owner_says(ctx: Context, text: str, focus: "re.Pattern[str] | None" = None,
                limit: int = QUOTE_LIMIT) -> str | None:
    said = _says(ctx.owner, text, focus, limit)
    laws = ctx.entities_added.get("laws", [])
    if said and laws:
        cited = [x for x in laws if x in extract_sentence(text).laws and x.lower() not in said.lower()]
        if cited:          # the clause quoted leaves out the law its sentence cites: name it
            said = f"{said} ({', '.join(cited)})"
    return said


@lru_cache(maxsize=4096)
def _says(owner: str, text: str, focus: "re.Pattern[str] | None", limit: int) -> str | None:
    """The clause of text about focus, in the third person (memoised: several rules quote the
    same sentence)."""
    quote = clause_about(text, focus, limit)
    if quote is None:
        return None
    return capitalise(third_person(quote, owner))


def _live(ctx: Context) -> list[tuple[int, Change]]:
    return [(k, c) for k, c in enumerate(ctx.changes) if c.kind != "moved" and c.material and not _stamp_only(c)]


def _stamp_only(c: Change) -> bool:
    """A date stamp line ('Last modified: June 5, 2015'), or a sentence where only a date
    changed, is never a statement."""
    from tracker.changes.normalize import DATE_RE, is_date_stamp
    from tracker.changes.verdict import delta_words
    if any(is_date_stamp(t) for t in (c.old, c.new) if t):
        return True
    if c.kind != "reworded":
        return False
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
    if _PROMISE_RE.search(text):
        return True
    owner = re.escape(ctx.owner)
    return bool(re.search(rf"\b{owner}(?:\s+(?:also|generally|currently|knowingly))?\s+(?:will|does|shall|would)"
                          rf"\s*(?:not|n't)\b|\b{owner} never\b", text))


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
            said = _owner_says(ctx, o, None)
            if not said:
                continue
            for verbs, topic in ((_SALE_RE, "sale"), (_SHARE_RE, "sharing")):   # 'will not sell/share' -> 'may …'
                if c.kind == "reworded" and (_SALE_RE.search(o) or _SHARE_RE.search(o)) and verbs.search(n) \
                        and not _promise(ctx, n):   # 'will not sell' -> 'may share' reverses it too
                    now = _owner_says(ctx, n, verbs)
                    if now:
                        out.append(Statement(f"{now} (was: {_lower(said)})", topic, "sale-reversal", said, now, (k,)))
                        break
            else:
                now = None
            if out and out[-1].changes == (k,) and out[-1].impact == "sale-reversal":
                continue
            now = _owner_says(ctx, n, None) if c.kind == "reworded" else None
            text = f"{now} (was: {_lower(said)})" if now else f"No longer promises: {_lower(said)}"
            out.append(Statement(text, _topic(c), "promise-withdrawn", said, now, (k,),
                                 "" if now else f"Drops promise: {_lower(said)}"))
        elif pn and not (c.kind == "reworded" and po) and c.kind != "removed" and _PRACTICE_RE.search(n):
            said = _owner_says(ctx, n, None)
            if said:
                out.append(Statement(f"New commitment: {_lower(said)}", _topic(c), "promise-added", None, said, (k,)))
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
            now = _owner_says(ctx, c.new, focus, 110) or _owner_says(ctx, c.new, _edit_focus(c), 110)
            label = {"ages": "Age threshold", "durations": "Period", "emails": "Contact e-mail",
                     "phones": "Contact phone"}.get(v.kind, "Value")
            text = f"{now} (was: {v.old})" if now else f"{label} is now {v.new} (was: {v.old})"
            impact = "retention-changed" if v.topic == "retention" else (
                "contact-changed" if v.kind in ("emails", "phones") else "value-changed")
            out.append(Statement(text, v.topic, impact, v.old, v.new, (k,)))
    for k, c in _live(ctx):
        if c.kind == "reworded" and c.old and c.new and not value_changes(c.old, c.new) and _address_edit(c):
            now = _owner_says(ctx, c.new, None, 150)
            was = _reworded_was(c)
            if now:
                out.append(Statement(f"{now} (was: {was})" if was else f"Postal address changed: {_lower(now)}",
                                     "contact", "contact-changed", was or None, now, (k,)))
    return out


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
            if not (_SHARE_RE.search(text) or re.search(r"(?i)\b(?:processor|service provider|provided by|"
                                                         r"powered by|uses? " + re.escape(name) + r")", text)):
                continue
            said = _owner_says(ctx, text, re.compile(re.escape(name)))
            if said:
                out.append(Statement(said, "sharing", "new-recipient", None, name, (k,)))
                break
    return out


def retention_statements(ctx: Context) -> list[Statement]:
    """A rule about keeping or deleting data added or dropped (value changes are told above)."""
    out: list[Statement] = []
    for k, c in _live(ctx):
        if c.kind == "reworded" or "retention" not in c.topics:
            continue
        text = c.new if c.kind == "added" else c.old
        if not text or not _RETENTION_RE.search(text):
            continue
        said = _owner_says(ctx, text, _RETENTION_RE)
        if said:
            out.append(Statement(said if c.kind == "added" else f"No longer says: {_lower(said)}", "retention",
                                 "retention-stated", None if c.kind == "added" else said,
                                 said if c.kind == "added" else None, (k,)))
    return out


def rights_statements(ctx: Context) -> list[Statement]:
    """A right or control of the user added or removed."""
    out: list[Statement] = []
    for k, c in _live(ctx):
        o, n = c.old or "", c.new or ""
        if c.kind in ("added", "reworded") and _RIGHT_RE.search(n) and not _RIGHT_RE.search(o):
            said = _owner_says(ctx, n, _RIGHT_RE)
            if said:
                out.append(Statement(f"New right: {_lower(said)}", "rights", "right-added", None, said, (k,)))
        elif c.kind in ("removed", "reworded") and _RIGHT_RE.search(o) and not _RIGHT_RE.search(n):
            if c.kind == "removed" and _restated(o, _new_texts(ctx, lambda t: bool(_RIGHT_RE.search(t)))):
                continue                  # the right is still stated, in other words
            said = _owner_says(ctx, o, _RIGHT_RE)
            if said:
                out.append(Statement(f"Right no longer stated: {_lower(said)}", "rights", "right-removed",
                                     said, None, (k,)))
    return out


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
            short = (f"{ctx.owner} now cites {_and(sorted(ln - lo))} for international data transfers{was}" if ln - lo
                     else f"{ctx.owner} no longer cites {_and(sorted(lo - ln))} for international data transfers")
            out.append(Statement(f"{lead}{said}{was}", "international-transfer", "transfer-basis",
                                 ", ".join(sorted(lo)) or None, ", ".join(sorted(ln)) or None, (k,), short))
    return out


def law_statements(ctx: Context) -> list[Statement]:
    """A law or framework newly cited (or no longer cited) anywhere: the sentence that cites it."""
    out: list[Statement] = []
    for side, names in (("new", ctx.entities_added.get("laws", [])), ("old", ctx.entities_removed.get("laws", []))):
        for name in names:
            for k, c in _live(ctx):
                text = c.new if side == "new" else c.old
                other = c.old if side == "new" else c.new
                if not text or name not in extract_sentence(text).laws or (other and name in extract_sentence(other).laws):
                    continue
                said = _owner_says(ctx, text, re.compile(re.escape(name))) or _owner_says(ctx, text, None)
                if said:
                    if name.lower() not in said.lower():
                        said = f"{said} ({name})"          # the sentence cites it under another name
                    said = said if side == "new" else f"No longer says: {_lower(said)}"
                    out.append(Statement(said, "legal-basis", "law-cited", None if side == "new" else name,
                                         name if side == "new" else None, (k,)))
                    break
    return out


def named_statements(ctx: Context) -> list[Statement]:
    """A party, office, programme or product named for the first time: the sentence naming it."""
    out: list[Statement] = []
    for name in ctx.names[:4]:
        for k, c in _live(ctx):
            if c.kind == "removed" or name not in (c.new or "") or name in (c.old or ""):
                continue
            said = _owner_says(ctx, c.new or "", re.compile(re.escape(name)))
            if said:
                out.append(Statement(said, _topic(c), "named-party", None, name, (k,)))
                break
    return out


def practice_statements(ctx: Context) -> list[Statement]:
    """Any other sentence about collecting, using or keeping data added, dropped or reworded."""
    out: list[Statement] = []
    for k, c in _live(ctx):
        text = c.new if c.kind != "removed" else c.old
        if not text:
            continue
        focus = _COLLECT_RE if _COLLECT_RE.search(text) else _PRACTICE_RE
        said = _owner_says(ctx, text, focus)
        edited = None
        if c.kind == "reworded":
            edit = _edit_focus(c)
            edited = _owner_says(ctx, text, edit) if edit else None
            said = edited or said
        if not said:
            continue
        impact = "collection-widened" if c.kind == "added" and focus is _COLLECT_RE else "practice-changed"
        if any(f.startswith("practice changed") and f.rsplit(" → ", 1)[-1] in ("share", "sell") for f in c.flips):
            impact = "sharing-widened"          # 'we collect' -> 'we sell': data now goes to others
        if c.kind == "added":
            out.append(Statement(said, _topic(c), impact, None, said, (k,)))
        elif c.kind == "removed":
            out.append(Statement(f"No longer says: {_lower(said)}", _topic(c), "practice-changed", said, None, (k,)))
        else:
            was = _reworded_was(c) if edited else ""      # the old words belong to the quoted clause only
            out.append(Statement(f"{said} (was: {was})" if was else said, _topic(c), "practice-changed",
                                 was or None, said, (k,)))
    return out


def section_statements(ctx: Context) -> list[Statement]:
    """New and removed headings, by name, in one statement each way (a rewrite is told by its
    digest, not by its list of headings)."""
    out: list[Statement] = []
    for names, one, many, impact in ((ctx.sections_added, "Adds a section", "Adds sections", "section-added"),
                                     (ctx.sections_removed, "Removes the section", "Removes sections", "section-removed")):
        names = [n for n in names if len(n) <= 80][:3]
        if names:
            quoted = [f"“{n}”" for n in names]
            text = f"{one} {quoted[0]}" if len(names) == 1 else f"{many} {', '.join(quoted[:-1])} and {quoted[-1]}"
            out.append(Statement(text, "other", impact, None if impact == "section-added" else ", ".join(names),
                                 ", ".join(names) if impact == "section-added" else None))
    return out


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
    out: list[Statement] = []
    for k, c in enumerate(ctx.changes):
        if len(out) >= 4 * MAX_STATEMENTS:
            break
        if c.kind == "moved" or _stamp_only(c):
            continue
        focus = _edit_focus(c) if c.kind == "reworded" else None
        text = (c.new if c.kind != "removed" else c.old) or ""
        edited = _owner_says(ctx, text, focus, 140) if focus else None
        said = edited or _owner_says(ctx, text, None, 140)
        if not said or len(said.split()) < 4:
            continue
        if c.kind == "reworded":
            was = _reworded_was(c) if edited else ""
            out.append(Statement(f"{said} (was: {was})" if was else f"Now reads: {_lower(said)}", _topic(c),
                                 "reworded", was or None, said, (k,)))
        elif c.kind == "added":
            out.append(Statement(f"Adds: {_lower(said)}", _topic(c), "reworded", None, said, (k,)))
        else:
            out.append(Statement(f"No longer says: {_lower(said)}", _topic(c), "reworded", said, None, (k,)))
    return out


RULES: tuple[Callable[[Context], list[Statement]], ...] = (
    promise_statements, consent_statements, value_statements, transfer_statements, rights_statements,
    recipient_statements, law_statements, named_statements, sharing_statements, retention_statements, practice_statements, contact_statements,
    section_statements, reworded_statements,
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


def _reworded_was(c: Change) -> str:
    """The old words of a reworded sentence where they differ: 'consult this page'."""
    from tracker.changes.verdict import word_diff
    d = word_diff(c.old or "", c.new or "")
    edits = [k for k, (op, _) in enumerate(d) if op != " "]
    if edits and edits[-1] - edits[0] > 1:      # several separate edits: the old sentence if short
        old = tidy(c.old or "")
        return old[:1].lower() + old[1:] if len(old) <= 60 else ""
    if not edits:
        return ""
    gone = tidy(" ".join(t for op, t in d if op == "-"))
    came = " ".join(t for op, t in d if op == "+").strip()
    if not gone or len(gone) > 60 or not came:
        return ""
    if len(gone.split()) < 2 and not gone[:1].isupper() and len(came.split()) > 2:
        return ""                 # one small word dropped from a longer insertion: no old value
    return gone


def salience(s: Statement, salient: tuple[str, ...]) -> int:
    """How many of the names and terms new to this version the statement says."""
    low = s.text.lower()
    return sum(1 for t in salient if t in low)


def select(candidates: list[Statement], salient: tuple[str, ...] = ()) -> list[Statement]:
    """At most MAX_STATEMENTS statements, most important first (by impact level, then by the
    new names and terms they carry: any before none), one per change, at most two per impact level."""
    best: dict[tuple[int, ...], int] = {}       # one statement per change: its most important reading
    for s in candidates:
        if s.changes and RANK[s.impact] < best.get(s.changes, len(RANK)):
            best[s.changes] = RANK[s.impact]
    candidates = [s for s in candidates if not s.changes or RANK[s.impact] == best[s.changes]]
    ordered = sorted(enumerate(candidates),
                     key=lambda kc: (tier(kc[1].impact), -min(salience(kc[1], salient), 1), RANK[kc[1].impact],
                                     -salience(kc[1], salient), kc[0]))
    out: list[Statement] = []
    used: set[int] = set()
    texts: set[str] = set()
    per_impact: dict[str, int] = {}
    for _, s in ordered:
        if s.changes and used & set(s.changes):
            continue
        key = s.text.lower()
        if key in texts or per_impact.get(s.impact, 0) >= PER_IMPACT:
            continue
        out.append(s)
        used |= set(s.changes)
        texts.add(key)
        per_impact[s.impact] = per_impact.get(s.impact, 0) + 1
        if len(out) == MAX_STATEMENTS:
            break
    return out


def candidates(ctx: Context) -> list[Statement]:
    """Every rule's statements; the catch-all rewording rule only when the others found too
    few to fill the summary (it would read every change of a long rewrite for nothing)."""
    out: list[Statement] = []
    for rule in RULES:
        if rule is reworded_statements and len(out) >= 2 * MAX_STATEMENTS:
            continue
        out.extend(rule(ctx))
    return out
