"""Small inputs for the statement rules: a Context over some changes, and one Change."""

from __future__ import annotations

from tracker.changes.report import Change
from tracker.changes.rules.common import Context


def ctx(*changes: Change, old_text: str = "", **kw: object) -> Context:
    """A Context over `changes`, no entity or section differences, owner 'Acme' unless given."""
    base = dict(entities_added={"vendors": [], "laws": []}, entities_removed={"vendors": [], "laws": []},
                sections_added=[], sections_removed=[], owner="Acme")
    base.update(kw)
    return Context(list(changes), old_text=old_text, **base)  # type: ignore[arg-type]


def ch(kind: str, old: str | None, new: str | None, topics: tuple[str, ...] = ("other",)) -> Change:
    """One material change in section 'S'."""
    return Change(kind, "S", old, new, topics, True, ())
