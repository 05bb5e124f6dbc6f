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


# a short Markdown policy with a title, a date line and three sections: the page a second
# document is appended to, or a notice added to, in the page-content tests
SECTIONED_POLICY = "\n\n".join([
    "Privacy Policy\n==============",
    "_Last updated: March 3, 2025_",
    "Acme Inc. explains in this policy how it collects and uses your personal information.",
    "Information we collect\n----------------------",
    "We collect your name, your email address and your postal address when you register.",
    "We collect the pages you visit and the device you use when you browse our website.",
    "How we use it\n-------------",
    "We use your information to provide the service and to answer your questions.",
    "We never sell your personal information to anyone for any purpose whatsoever.",
    "Contact\n-------",
    "You can write to our privacy team at any time about this policy and your data.",
])
