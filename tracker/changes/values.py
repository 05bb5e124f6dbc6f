"""Value changes inside one reworded sentence, labelled by the kind of value that changed.

A number that changed means different things depending on what it counts: an age threshold is
about children, a period about how long data is kept, an e-mail address about how to reach the
company. Topic keywords of the whole sentence cannot tell these apart ("children under 18 ...
we delete it" hits both children and retention), the value itself can.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.changes.entities import extract_sentence
from tracker.changes.topics import topics_of

_KEEPING_RE = re.compile(r"(?i)\b(?:keep|kept|keeps|retain\w*|retention|stor(?:e|es|ed|age)|delet\w*|"
                         r"eras\w*|purg\w*|anonymi[sz]\w*|hold|held|log|logs|archiv\w*|remain\w*|expir\w*|"
                         r"last(?:s|ing)?)\b")
_STREET_RE = re.compile(r"(?i)\b(?:street|st|avenue|ave|road|rd|way|suite|ste|floor|fl|boulevard|blvd|drive|"
                        r"dr|lane|ln|plaza|square|sq|p\.?\s?o\.?\s?box|zip|postal code|straße|strasse)\b")


@dataclass(frozen=True)
class ValueChange:
    """One value that changed: its topic (spec vocabulary), a bullet and a headline phrase."""

    topic: str
    kind: str          # ages | durations | emails | phones | address
    old: str
    new: str
    bullet: str
    phrase: str


def _fmt(values: set[str]) -> str:
    return ", ".join(sorted(values, key=lambda v: (len(v), v)))


def _ages_sorted(values: set[str]) -> str:
    return ", ".join(sorted(values, key=int))


def _durations_sorted(values: set[str]) -> str:
    def key(v: str) -> tuple[float, str]:
        n, _, unit = v.partition(" ")
        scale = {"second": 1 / 86400, "minute": 1 / 1440, "hour": 1 / 24, "day": 1, "business day": 1.4,
                 "week": 7, "month": 30, "year": 365}.get(unit.rstrip("s"), 1)
        return (float(n) * scale if n.isdigit() else 0.0, v)
    return ", ".join(sorted(values, key=key))


def value_changes(old: str, new: str) -> list[ValueChange]:
    """Values of one kind present on both sides of a reworded sentence but different."""
    eo, en = extract_sentence(old), extract_sentence(new)
    out: list[ValueChange] = []
    if eo.ages and en.ages and eo.ages != en.ages:
        o, n = _ages_sorted(eo.ages - en.ages or eo.ages), _ages_sorted(en.ages - eo.ages or en.ages)
        out.append(ValueChange("children", "ages", o, n, f"Children: age threshold {o} → {n}",
                               f"children's age threshold {o} → {n}"))
    if eo.durations and en.durations and eo.durations != en.durations:
        o = _durations_sorted(eo.durations - en.durations or eo.durations)
        n = _durations_sorted(en.durations - eo.durations or en.durations)
        if _KEEPING_RE.search(new) or "retention" in topics_of(new):
            out.append(ValueChange("retention", "durations", o, n, f"Retention: {o} → {n}",
                                   f"retention {o} → {n}"))
        else:
            topic = next((t for t in topics_of(new) if t not in ("other", "retention")), "other")
            label = _LABEL.get(topic, "Period")
            out.append(ValueChange(topic, "durations", o, n, f"{label}: period {o} → {n}",
                                   f"{label.lower()} period {o} → {n}"))
    if eo.emails and en.emails and eo.emails != en.emails:
        o, n = _fmt(eo.emails - en.emails or eo.emails), _fmt(en.emails - eo.emails or en.emails)
        out.append(ValueChange("contact", "emails", o, n, f"Contact e-mail: {o} → {n}", f"contact e-mail {o} → {n}"))
    if eo.phones and en.phones and eo.phones != en.phones:
        o, n = _fmt(eo.phones - en.phones or eo.phones), _fmt(en.phones - eo.phones or en.phones)
        out.append(ValueChange("contact", "phones", o, n, f"Contact phone: {o} → {n}", f"contact phone {o} → {n}"))
    return out


def address_changed(gone: str, came: str) -> bool:
    """The changed words of a sentence are a street address (numbers with street words)."""
    return bool(re.search(r"\d", gone) and re.search(r"\d", came)
                and (_STREET_RE.search(gone) or _STREET_RE.search(came)))


# the word that starts a street's name in the languages policies give their addresses in, as written
# capitalised ('Via Chiana, 38', 'Rue Lafayette'): 'via' in lower case is mostly the English preposition
_STREET_HEAD_RE = re.compile(r"^(?:[Vv]ia|Viale|Piazza|Corso|Rue|Calle|Avenida|Rua|Carrer|Straat|Laan)\s")
# a window this long at most: a street, its number and a word around them
_STREET_WINDOW_WORDS = 5


def street_before(old_win: str, new_win: str) -> bool:
    """Are the two windows around an edit (one word of context) a street replaced by another:
    both start with a street word and hold a house number ('via Bolzano, 15' -> 'Via Chiana, 38')?"""
    return all(_STREET_HEAD_RE.match(w) and re.search(r"\d", w) and len(w.split()) <= _STREET_WINDOW_WORDS
               for w in (old_win, new_win))


_LABEL = {"collection": "Data collected", "use": "Use of data", "sharing": "Sharing", "sale": "Sale of data",
          "cookies-tracking": "Cookies", "rights": "User rights", "security": "Security", "children": "Children",
          "international-transfer": "International transfers", "do-not-track": "Do Not Track",
          "legal-basis": "Legal basis", "policy-changes": "Policy changes", "contact": "Contact", "ai": "AI"}
