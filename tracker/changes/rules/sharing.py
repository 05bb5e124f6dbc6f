"""Data given to others: sharing sentences added or dropped, new recipients, the laws international
transfers rest on, laws cited and parties named for the first time.
"""

from __future__ import annotations

import re

from tracker.changes.entities import sentence_laws
from tracker.changes.phrasing import is_pointer
from tracker.changes.report import Change
from tracker.changes.roles import may_receive
from tracker.changes.rules.swaps import swapped_names
from tracker.changes.rules.common import _address_edit, _and, Context, _live, _lower, NAMED_QUOTE_LIMIT, _owner_says, _PROMISE_RE, _RECIPIENT_RE, _SHARE_RE, Statement, _topic


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
            if swapped_names(ctx, c) or _own_group(name, ctx.owner):
                continue      # a recipient replaced (said as the swap, rules.swaps), or the company's own group
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


def _own_group(name: str, owner: str) -> bool:
    """Is name the company itself under another legal name ('Bandcamp Ventures LLC' in Bandcamp's
    policy, 'Apple Sales International' in Apple's): its own name first, so no new recipient."""
    head = owner.split(" ")[0].lower()
    return len(head) >= 3 and name.split(" ")[0].lower().rstrip(",") == head


def transfer_statements(ctx: Context) -> list[Statement]:
    """A law or framework newly cited or dropped in a sentence about international transfers."""
    out: list[Statement] = []
    for k, c in _live(ctx):
        if "international-transfer" not in c.topics:
            continue
        lo, ln = sentence_laws(c.old or ""), sentence_laws(c.new or "")
        if lo == ln:
            continue
        text = c.new if ln - lo else c.old
        said = _owner_says(ctx, text or "", re.compile("|".join(re.escape(x.split()[0]) for x in (ln ^ lo))))
        if said:
            # an old value only when a framework was replaced: one added beside it is no swap
            was = f" (was: {', '.join(sorted(lo))})" if lo - ln and ln else ""
            lead = "" if ln - lo else "No longer says: "
            # the headline form says 'now cites' / 'no longer cites' only of a law the whole
            # text newly cites or no longer cites: a sentence that drops a framework still
            # named elsewhere leaves the policy citing it
            cited = sorted((ln - lo) & set(ctx.entities_added.get("laws", [])))
            dropped = sorted((lo - ln) & set(ctx.entities_removed.get("laws", [])))
            instead = _instead_of(ctx, cited)
            short = (f"{ctx.owner} now cites {_and([_the(x) + x for x in cited])}{instead} for international data transfers{'' if instead else was}"
                     if cited else f"{ctx.owner} no longer cites {_and(dropped)} for international data transfers"
                     if dropped and not ln - lo else "")
            # a framework only moved between sentences leaves the footing of transfers as it was
            impact = "transfer-swap" if instead else "transfer-basis" if cited or dropped else "practice-changed"
            out.append(Statement(f"{lead}{said}{was}", "international-transfer", impact,
                                 ", ".join(sorted(lo)) or None, ", ".join(sorted(ln)) or None, (k,), short))
    return out


# the frameworks that transfers out of the EEA rest on: one replaced by another in the same
# version (Safe Harbor -> Privacy Shield, Privacy Shield -> clauses) is the news, said as a swap
_TRANSFER_FRAMEWORK_RE = re.compile(r"Safe Harbor|Privacy Shield|Data Privacy Framework|\bDPF\b|Standard Contractual Clauses|"
                                    r"Binding Corporate Rules")


def _instead_of(ctx: Context, cited: list[str]) -> str:
    """' instead of Safe Harbor' when a transfer framework newly cited replaces one the whole
    text no longer cites; '' otherwise (a framework added beside those still cited)."""
    if not any(_TRANSFER_FRAMEWORK_RE.search(x) for x in cited):
        return ""
    gone = sorted(x for x in ctx.entities_removed.get("laws", []) if _TRANSFER_FRAMEWORK_RE.search(x) and x not in cited)
    return f" instead of {_and(gone)}" if gone else ""


def law_statements(ctx: Context) -> list[Statement]:
    """A law or framework newly cited (or no longer cited) anywhere: the sentence that cites it."""
    out: list[Statement] = []
    for side, names in (("new", ctx.entities_added.get("laws", [])), ("old", ctx.entities_removed.get("laws", []))):
        for name in names:
            for k, c in sorted(_live(ctx), key=lambda kc: is_pointer(kc[1].new if side == "new" else kc[1].old)):
                text = c.new if side == "new" else c.old      # a sentence that states it before one that links to it
                other = c.old if side == "new" else c.new
                if not text or name not in sentence_laws(text) or (other and name in sentence_laws(other)):
                    continue
                said = (_owner_says(ctx, text, re.compile(re.escape(name)), NAMED_QUOTE_LIMIT)
                        or _owner_says(ctx, text, None, NAMED_QUOTE_LIMIT))
                if said:
                    if name.lower() not in said.lower():
                        said = f"{said} ({name})"          # the sentence cites it under another name
                    said = said if side == "new" else f"No longer says: {_lower(said)}"
                    short = _cites(ctx.owner, name, side, c, ctx)
                    # a framework that transfers rest on is their legal footing, not a citation
                    impact = ("transfer-swap" if " instead of " in short else "law-for-transfers") \
                        if short.endswith("for international data transfers") else "law-cited"
                    out.append(Statement(said, "legal-basis", impact, None if side == "new" else name,
                                         name if side == "new" else None, (k,), short))
                    break
    return out


def _the(name: str) -> str:
    """'the ' before a law's name that takes one ('the GDPR', 'the Privacy Shield'), else ''."""
    return "the " if re.search(r"^(?:GDPR|CCPA|CPRA|LGPD|PIPEDA)$|(?:Shield|Act|Directive|Regulation|Framework)$", name) else ""


def _cites(owner: str, name: str, side: str, c: Change, ctx: Context) -> str:
    """The headline form of a law newly cited or dropped: 'Cisco now cites Binding Corporate
    Rules for international data transfers', 'Acme no longer cites the GDPR'."""
    the = _the(name)
    what = " for international data transfers" if re.search(r"(?i)\btransfer", (c.new if side == "new" else c.old) or "") else ""
    instead = _instead_of(ctx, [name]) if side == "new" and what else ""
    return f"{owner} {'now cites' if side == 'new' else 'no longer cites'} {the}{name}{instead}{what}"


# a month's name is a date's word, never a party's ('comes into effect on 11 November 2026')
_MONTHS = frozenset("January February March April May June July August September October November December".split())
# a house number after a name, between commas or at a line's end ('Rome, Via Chiana, 38, VAT …'), or
# before it ('4235 Redwood'): the name is a street's
_HOUSE_NUMBER = r"\d{1,5}[A-Za-z]?"


def street_name(name: str, text: str) -> bool:
    """Is name written in text as a street of a postal address ('Via Chiana, 38,', '12 Rue
    Lafayette')? A street is no party, office or product the policy names."""
    at = re.escape(name)
    return bool(re.search(rf"(?<![\w-]){at},? {_HOUSE_NUMBER}(?:,|$)", text)
                or re.search(rf"(?<![\w.,-]){_HOUSE_NUMBER},? {at}(?![\w-])", text))


def named_statements(ctx: Context) -> list[Statement]:
    """A party, office, programme or product named for the first time: the sentence naming it."""
    out: list[Statement] = []
    for name in ctx.names[:4]:
        for k, c in _live(ctx):
            if c.kind == "removed" or name not in (c.new or "") or name in (c.old or ""):
                continue
            if c.kind == "reworded" and _address_edit(c):
                continue                  # a street in a new address is no party (stated as an address)
            if name in _MONTHS:
                break                     # '… comes into effect on 11 November 2026': a date names no one
            street = street_name(name, c.new or "")
            said = _owner_says(ctx, c.new or "", re.compile(re.escape(name)))
            if said and street and c.kind == "added":
                # a new postal address ('… by mail at 156 University Avenue, Palo Alto'): a sentence
                # like any other, no party it names
                out.append(Statement(said, _topic(c), "reworded", None, None, (k,)))
                break
            if said and not street:
                out.append(Statement(said, _topic(c), "named-party", None, name, (k,)))
                break
    return out
