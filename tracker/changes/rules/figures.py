"""Values inside one reworded sentence (durations, ages, e-mails, phones, postal addresses) and
contact details that appear or go.
"""

from __future__ import annotations

import re

from tracker.changes.phrasing import capitalise, edit_window, plain_words, third_person
from tracker.changes.rules.common import _address_edit, Context, _edit_focus, _live, NAMED_QUOTE_LIMIT, _owner_says, Statement


def value_statements(ctx: Context) -> list[Statement]:
    """A duration, age, e-mail or phone changed inside one reworded sentence: the new sentence's
    practice with the old value."""
    from tracker.changes.retained import condensed
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
            said = plain_words(c.new)        # 'under the age of 16' -> 'under 16': the value fits
            if v.kind == "durations":
                was = f" (was: {v.old})"
                now = _period_said(ctx, c.old, said, v.old, v.new)
                if now is None:
                    if v.topic == "retention":      # several periods: each changed one by the data it governs
                        out.extend(_clause_statements(ctx, k, c.old, c.new))
                    continue            # no one period replaced by another, or none quoted: the rewording tells it
                short = _period_said(ctx, c.old, said, v.old, v.new, (HEADLINE_ROOM - len(was),)) \
                    or _period_cut(now, said, v.new, HEADLINE_ROOM - len(was)) \
                    or condensed(now, {v.new}, HEADLINE_ROOM - len(was))
                out.append(Statement(f"{now}{was}", v.topic,
                                     "retention-changed" if v.topic == "retention" else "value-changed",
                                     v.old, v.new, (k,), f"{short}{was}" if short and short != now else ""))
                continue
            focus = re.compile(re.escape(v.new.split(", ")[0]), re.I)
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


PERIOD_QUOTE_LIMIT = 125    # characters of the sentence quoted around a changed period, as for any value
HEADLINE_ROOM = 139         # a headline stays under 140 characters: the short form quotes less, so the old period fits too


def _clause_statements(ctx: Context, k: int, old: str, new: str) -> list[Statement]:
    """A sentence of several periods whose periods did not change one for one: each period that
    changed for the same data, aligned by the data its clause names, as '<data> kept for <new>
    (was: <old>)' ('Imprecise location of download/purchase kept for five years (was: one
    year)'), and each period given to data no old period kept as a new rule; none when either
    sentence is no rule of keeping."""
    from tracker.changes.retained import changed_clauses, clause_line, new_clauses
    from tracker.changes.rules.retention import is_retention_rule
    if not (is_retention_rule(old) and is_retention_rule(new)):
        return []
    out: list[Statement] = []
    for was, now in changed_clauses(old, new):
        line = clause_line(now)
        if line:
            text = f"{capitalise(third_person(line, ctx.owner))} (was: {was.written})"
            out.append(Statement(text, "retention", "retention-changed", was.period, now.period, (k,)))
    for came in new_clauses(old, new, ctx.old_sentences):
        line = clause_line(came)
        if line:
            said = third_person(line, ctx.owner)
            out.append(Statement(f"New retention rule: {said}", "retention", "retention-changed", None, came.period, (k,)))
    return out


def _period_cut(quote: str, sentence: str, period: str, room: int) -> str | None:
    """A start of quote that ends at a clause boundary, fits room and holds the period as written."""
    from tracker.changes.retained import cut_after_periods
    return cut_after_periods(quote, sentence, {period}, room)


def _period_said(ctx: Context, old: str, new: str, was: str, now: str,
                 limits: tuple[int, ...] = (PERIOD_QUOTE_LIMIT, NAMED_QUOTE_LIMIT)) -> str | None:
    """The new sentence's clause holding its new period, as written ('… for up to two (2) years
    after your Subscription ends'), when one period replaced another: one gone and one come. None
    when periods were only added or dropped (the value paired with another would be false: '72
    hours (was: 1 hour)' where the 72 hours stood before) or when no clause that fits holds it."""
    from tracker.changes.entities import sentence_durations
    from tracker.changes.retained import with_data, written_period
    gone, came = sentence_durations(old) - sentence_durations(new), sentence_durations(new) - sentence_durations(old)
    if gone != {was} or came != {now}:
        return None
    written = written_period(new, now)
    if not written:
        return None
    focus = re.compile(re.escape(written))
    for limit in limits:
        said = _owner_says(ctx, new, focus, limit)
        if said and written in said:
            return with_data(said, new, ctx.new_page)      # 'Stored for up to 3 months' names no data: its lead does
    return None


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
    from tracker.changes.values import street_before
    wide = edit_window(old, new, context=1)
    if wide is not None and street_before(wide[0], wide[1]):
        w = (wide[0], wide[1], "", "", "", "")      # 'Via Chiana, 38', not 'Chiana, 38': the street word kept
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
