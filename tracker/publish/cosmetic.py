"""What a cosmetic change was, in words, for change pages whose redline has nothing to show.

The detector rules a change cosmetic when no sentence changed in meaning; its redline is then
empty. The reader still deserves to know what did change: the date stamp (from the change
report), the targets of links (the Markdown texts compared here), or formatting alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tracker.changes import ChangeReport

_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_WORD = re.compile(r"\w+")
MAX_LINKS = 20


@dataclass(frozen=True)
class CosmeticItem:
    """One thing that changed without changing meaning: a label and old -> new values."""

    label: str
    old: tuple[str, ...] = ()
    new: tuple[str, ...] = ()
    note: str = ""


def _links(text: str) -> list[str]:
    return _LINK.findall(text)


def _words_without(text: str, drop: list[str]) -> list[str]:
    text = _LINK.sub("]", text)
    for value in drop:
        text = text.replace(value, " ")
    return [w.casefold() for w in _WORD.findall(text)]


def describe_cosmetic(report: ChangeReport, old: str, new: str) -> tuple[CosmeticItem, ...]:
    """The changes behind a cosmetic verdict, most telling first; () when the texts agree."""
    items: list[CosmeticItem] = []
    stamp_old, stamp_new = report.date_stamp.get("old"), report.date_stamp.get("new")
    if stamp_old != stamp_new:
        items.append(CosmeticItem("Date stamp", (stamp_old or "(none)",), (stamp_new or "(none)",)))
    old_links, new_links = _links(old), _links(new)
    if old_links != new_links:
        gone = [u for u in dict.fromkeys(old_links) if u not in new_links]
        came = [u for u in dict.fromkeys(new_links) if u not in old_links]
        note = "" if gone or came else "the same targets, in a different order or number"
        items.append(CosmeticItem("Link targets", tuple(gone[:MAX_LINKS]),
                                  tuple(came[:MAX_LINKS]), note))
    drop = [s for s in (stamp_old, stamp_new) if s]
    same_words = _words_without(old, drop) == _words_without(new, drop)
    if old != new and (same_words and not items or not same_words):
        note = ("the words are the same; only spacing, punctuation or Markdown markup "
                "(headings, lists, emphasis) differ" if same_words else
                "small wording differences that the detector found no change of meaning in")
        items.append(CosmeticItem("Formatting" if same_words else "Wording", note=note))
    return tuple(items)
