"""Values inside one reworded sentence (durations, ages, e-mails, phones, postal addresses) and
contact details that appear or go.
"""

from __future__ import annotations

import re

from tracker.changes.phrasing import capitalise, edit_window, plain_words
from tracker.changes.rules.common import _address_edit, Context, _edit_focus, _live, _owner_says, Statement


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


# a heading the scrape ran on after an address's postcode or country ('… CO 80237, USA Policy Updates')
_ADDRESS_TAIL_RE = re.compile(r"(?:(?<=\d{5})|(?<=\bUSA)|(?<=U\.S\.A\.)|(?<=\bUS))\s+(?:[A-Z][a-z]+\s*){1,4}$")


def _address_statement(old: str, new: str) -> tuple[str, str, str] | None:
    """'Postal address changed to “Suite 303, 49 Spadina Ave” (was: “317 Adelaide Street
    West, Suite 910”)': the address words of the edit, not the sentence around them."""
    w = edit_window(old, new, context=0)
    if w is None:
        return None
    gone, came = (_ADDRESS_TAIL_RE.sub("", x.strip(" ,;:")) for x in (w[2] or w[0], w[3] or w[1]))
    if not came:
        return None
    text = f"Postal address changed to “{came}”" + (f" (was: “{gone}”)" if gone else "")
    return text, gone, came


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
