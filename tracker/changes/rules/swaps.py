"""Recipients swapped: a party named in a sentence or a list replaced by another, said as a replacement.

"Acme may now share your e-mail address with Money Media Inc." tells a reader that one more
company gets the data; when the old text named F.T. Specialist Inc. in the same place, the news
is the swap: "… with Money Media Inc. (was: F.T. Specialist Inc.)". When several parties of one
list change, no pairing is invented: the two sets are said ("Adds Actirise, Viously and
Pipedrive as advertising partners; drops Snigel, Buy Sell Ads and Carbon Ads").

A swap is found in two shapes:

- one sentence whose only edit is the names in it: both sentences read the same once every
  name (and every list of names) is one placeholder;
- a list whose items are bare names: items dropped and items put in at the same place of one
  section ('- F.T. Specialist Inc.' gone, '- Money Media Inc.' in).

Only a sentence (or the lead-in of a list) about giving data to others counts, and a name is a
party only when the entity comparison found it or it carries a legal form ('Inc.', 'GmbH'): a
defined term written with capitals ('Personal Data' -> 'Personal Information') is no party.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tracker.changes.entities import respelled
from tracker.changes.report import Change
from tracker.changes.rules.common import NAMED_QUOTE_LIMIT, Context, Statement, _and, _live, _owner_says, _SHARE_RE

# one word of a name: capitalised ('Money', 'F.T.', 'AT&T') or a lower-case head before a capital ('iCloud', 'eBay')
_TOKEN = r"(?:[A-Z][\w'’&.-]*|[a-z]{1,3}[A-Z][\w'’&.-]*)"
# a legal form after a comma ('Stripe, Inc.'): part of the name
_LEGAL = r"(?:Inc|LLC|L\.L\.C|Ltd|Limited|Corp|Corporation|GmbH|AG|SAS|SA|S\.A|SARL|BV|B\.V|NV|N\.V|plc|PLC|Pty|OU|OÜ|AB|AS|ApS|Oy|" \
         r"SpA|S\.p\.A|Srl|S\.r\.l|KK|LLP|LP|Co)\.?"
_NAME_RE = re.compile(rf"{_TOKEN}(?: (?:(?:&|of|de|du|der|von|la|le) )?{_TOKEN})*(?:, {_LEGAL}(?![\w]))?")
_LEGAL_RE = re.compile(rf"(?:^|[ ,]){_LEGAL}$")
# capitalised words that open a sentence or a clause, not a name
_FUNCTION_WORDS = frozenset({
    "we", "our", "us", "the", "this", "that", "these", "those", "if", "when", "where", "for", "you", "your", "in", "to",
    "a", "an", "such", "including", "some", "any", "all", "each", "as", "at", "by", "on", "of", "with", "and", "or", "it",
    "its", "they", "their", "please", "note", "also", "however", "from", "other", "certain", "who", "which", "i", "my",
    "here", "there", "following", "see", "learn", "more", "visit", "read", "e.g", "i.e",
})
_PLACEHOLDER = "\x00"
# a list of placeholders ('N, N and N', 'N, N, or N'): one placeholder
_LIST_OF_RE = re.compile(rf"{_PLACEHOLDER}(?:(?:,\s*|\s*;\s*|,?\s+(?:and|or|&)\s+|\s*/\s*){_PLACEHOLDER})+")
# what the parties of a list are to the data ('advertising partners', 'sub-processors')
_ROLE_RE = re.compile(r"(?i)\b((?:(?:advertising|ad|marketing|analytics|payment|hosting|cloud|technology|data|business|"
                      r"measurement|third[- ]party|trusted|selected|affiliate) )?(?:partners?|service providers?|"
                      r"providers?|sub-?processors?|processors?|vendors?|advertisers?|(?:ad |advertising )?networks?|"
                      r"joint controllers?|third[- ]parties|recipients?))\b")
MAX_NAMES = 4       # parties said per side: a longer list is named in part ('and 3 others')


def _strip_lead(name: str) -> str:
    """name without the function words a sentence opens with ('We', 'The', 'Our')."""
    words = name.split(" ")
    while words and words[0].lower().strip(".") in _FUNCTION_WORDS:
        words = words[1:]
    return " ".join(words)


# names_in results remembered: each added or dropped sentence is read by several steps of the
# rule (a bare name? its skeleton? the names swapped?), the same sentence more than once
NAMES_MEMO = 4096


def names_in(sentence: str) -> list[tuple[str, int, int]]:
    """The capitalised names of a sentence as (name, start, end), function words dropped ('We',
    'The'), a legal form after a comma kept ('Stripe, Inc.'), a full stop kept only after a
    legal form or an initial ('Money Media Inc.', 'F.T.')."""
    return list(_names_in(sentence))


@lru_cache(maxsize=NAMES_MEMO)
def _names_in(sentence: str) -> tuple[tuple[str, int, int], ...]:
    """names_in, computed once per sentence (a tuple: the memo is never mutated)."""
    out = []
    for m in _NAME_RE.finditer(sentence):
        raw = m.group(0).rstrip(",")
        name = _strip_lead(raw)
        if name.endswith(".") and not _KEEPS_STOP_RE.search(name):
            name = name[:-1]
        if not name or name.lower() in _FUNCTION_WORDS:
            continue
        start = m.start() + len(raw) - len(_strip_lead(raw))
        out.append((name, start, start + len(name)))
    return tuple(out)


# a full stop that belongs to the name: after a legal form ('Inc.') or an initial ('F.T.')
_KEEPS_STOP_RE = re.compile(rf"(?:^|[ ,]){_LEGAL}$|(?:^|[ .])[A-Z]\.$")


def _key(name: str) -> str:
    """One form of a name for comparison: lower case, no punctuation, no legal form."""
    return re.sub(r"[^\w]+", " ", re.sub(rf",? {_LEGAL}$", "", name)).strip().lower()


def _skeleton(sentence: str, names: list[tuple[str, int, int]]) -> str:
    """The sentence with every name one placeholder and every list of them one too, in lower case."""
    parts, pos = [], 0
    for _, s, e in names:
        parts.append(sentence[pos:s])
        parts.append(_PLACEHOLDER)
        pos = e
    parts.append(sentence[pos:])
    text = _LIST_OF_RE.sub(_PLACEHOLDER, "".join(parts))
    return re.sub(r"\s+", " ", re.sub(r"[^\w\x00]+", " ", text)).strip().lower()


def _is_term(name: str, text: str) -> bool:
    """Does the text also write name in lower case ('Personal Data' beside 'personal data'): a term, no party?"""
    return name.lower() != name and re.search(rf"(?<![\w.]){re.escape(name.lower())}(?!\w)", text) is not None


def _is_party(name: str, known: list[str]) -> bool:
    """Is name a party: one the entity comparison found (either way round: 'Money Media Inc' in
    'Money Media Inc.') or a company by its legal form?"""
    return bool(_LEGAL_RE.search(name)) or any(len(k) >= 3 and (k in name or name in k) for k in known)


def _gives_data(text: str) -> bool:
    """Does the text before a list of names (a sentence's words before them, a list's lead-in)
    give data to others or call them what receives it ('advertising partners', 'processors')?
    'The Verizon family of companies includes …' draws the company's own group, no recipients."""
    return bool(_SHARE_RE.search(text) or _ROLE_RE.search(text) or _JOINT_RE.search(text))


# parties that decide with the company what is done with the data: recipients too
_JOINT_RE = re.compile(r"(?i)\bjoint(?:ly)?[- ]controll")


def _named(names: list[str]) -> str:
    """'A, B and C', or 'A, B, C and 2 others' for a long list."""
    if len(names) <= MAX_NAMES:
        return _and(names)
    rest = len(names) - MAX_NAMES + 1
    return f"{', '.join(names[:MAX_NAMES - 1])} and {rest} others"


def _role(text: str, many: bool) -> str:
    """What the parties are ('advertising partners'), as the text before them calls them (the
    word nearest them), singular for one ('an advertising partner'); 'recipients of data' after
    a verb of giving data only; '' when the text gives no such word."""
    m = next(reversed(list(_ROLE_RE.finditer(text))), None)      # the word nearest the names
    if not m and not _SHARE_RE.search(text):
        return ""
    role = m.group(1).lower() if m else "recipients of data"
    if role.endswith(" of data"):
        return role if many else "a recipient of data"
    if many:
        return role if role.endswith("s") else role + ("es" if role.endswith("ss") else "s")
    one = re.sub(r"ies$", "y", role) if role.endswith("ies") else role[:-1] if role.endswith("s") else role
    return ("an " if one[:1] in "aeiou" else "a ") + one


def sets_statement(came: list[str], gone: list[str], context: str, new_text: str = "") -> str:
    """'Adds A and B as advertising partners; drops C, D and E': several parties of one list
    changed, said as the two sets (no pairing of one with another is invented). Without a role
    to say them by, 'no longer names' only the parties the new text names nowhere ('' if none:
    names only put in are another rule's)."""
    role = _role(context, len(came) > 1)
    if role:
        return f"Adds {_named(came)} as {role}; drops {_named(gone)}"
    gone = [g for g in gone if g not in new_text]
    return f"Now names {_named(came)}; no longer names {_named(gone)}" if gone else ""


def swapped_names(ctx: Context, c: Change) -> tuple[list[str], list[str]] | None:
    """(came, gone): the parties a reworded sentence about giving data puts in and takes out when
    names are its only edit; None otherwise (a sentence with any other edit, no party on a side)."""
    found = _names_swapped(ctx, c.old or "", c.new or "") if c.kind == "reworded" else None
    return found[:2] if found else None


def _names_swapped(ctx: Context, old: str, new: str) -> tuple[list[str], list[str], str] | None:
    """(came, gone, before) of two sentences that differ only in the names they give, where the
    words before the first name put in give data to others (before: those words), with parties
    on both sides; the names the text also writes in lower case (terms) left out."""
    if not old or not new:
        return None
    n_old, n_new = names_in(old), names_in(new)
    if not n_old or not n_new or _skeleton(old, n_old) != _skeleton(new, n_new):
        return None
    k_old, k_new = {_key(n) for n, _, _ in n_old}, {_key(n) for n, _, _ in n_new}
    came_at = [(n, s) for n, s, _ in n_new if _key(n) not in k_old]
    gone = list(dict.fromkeys(n for n, _, _ in n_old if _key(n) not in k_new))
    before = new[:came_at[0][1]] if came_at else ""
    if not came_at or not gone or not _gives_data(before):
        return None
    listed = _listed(new, n_new, came_at[0][1]) and _listed(old, n_old, next(s for n, s, _ in n_old if n == gone[0]))
    found = _as_parties(ctx, list(dict.fromkeys(n for n, _ in came_at)), gone, listed)
    return (*found, before) if found else None


# what joins the names of a list ('A, B and C', 'A; B', 'A or B')
_LIST_JOIN_RE = re.compile(r"^(?:\s*[,;/]\s*|,?\s+(?:and|or|&)\s+)$")


def _listed(sentence: str, names: list[tuple[str, int, int]], start: int) -> bool:
    """Is the name at start one of a list of names ('…, Campaign Monitor, or Braze')?"""
    at = next((k for k, (_, s, _) in enumerate(names) if s == start), None)
    if at is None:
        return False
    before = at > 0 and _LIST_JOIN_RE.match(sentence[names[at - 1][2]:start]) is not None
    after = at + 1 < len(names) and _LIST_JOIN_RE.match(sentence[names[at][2]:names[at + 1][1]]) is not None
    return before or after


def _as_parties(ctx: Context, came: list[str], gone: list[str], listed: bool = True) -> tuple[list[str], list[str]] | None:
    """(came, gone) as parties: without the terms the texts also write in lower case ('Personal
    Data'), the company and its group under its name, a short name beside its full one ('Atolls' of 'Atolls London
    Limited') and a name only respelled; None unless a party the entity comparison found or a
    company by its legal form stands on each side, or on one side when the names are items of
    a list (listed) or several changed: a list's other items are what its known one is."""
    text = ctx.old_text + "\n" + "\n".join(ctx.new_sentences)
    own = _key(ctx.owner).split(" ")[0] if ctx.owner else ""
    sides = []
    for names in (came, gone):
        # the company and its own group under its name ('Apple Sales International'): no recipients
        names = [n for n in names if not _is_term(n, text) and not (len(own) >= 3 and _key(n).split(" ")[0] == own)]
        sides.append([n for n in names if not any(o != n and o.startswith(n + " ") for o in names)])
    came, gone = sides
    # a typo fixed ('Acitvation' -> 'Activation') is the same party
    came, gone = ([n for n in came if not any(respelled(n, g) for g in gone)],
                  [g for g in gone if not any(respelled(n, g) for n in came)])
    if not came or not gone:
        return None
    known = ctx.entities_added.get("vendors", []) + ctx.entities_removed.get("vendors", [])
    parties = [any(_is_party(n, known) for n in side) for side in (came, gone)]
    if all(parties) or (any(parties) and (listed or len(came) + len(gone) > 2)):
        return came, gone
    return None


def _statement(ctx: Context, came: list[str], gone: list[str], sentence: str, before: str,
               changes: tuple[int, ...]) -> Statement | None:
    """The swap of one party for one ('<the new sentence's clause> (was: Old Inc.)'), the two sets
    otherwise; before: the words before the names (a sentence's, or a list's lead-in), where
    their role is read; sentence: the new sentence, '' for items of a list."""
    if len(came) == 1 and len(gone) == 1:
        said = _owner_says(ctx, sentence, re.compile(re.escape(came[0])), NAMED_QUOTE_LIMIT) if sentence else None
        role = _role(before, False)
        text = f"{said} (was: {gone[0]})" if said and came[0] in said else \
            f"Now names {came[0]}{' as ' + role if role else ''} instead of {gone[0]}"
    else:
        text = sets_statement(came, gone, before, "\n".join(ctx.new_sentences))
    return Statement(text, "sharing", "new-recipient", ", ".join(gone), ", ".join(came), changes) if text else None


def _bare_name(text: str | None) -> str | None:
    """The name a list item is made of ('F.T. Specialist Inc.', 'Stripe, Inc. (payments)' is not one)."""
    t = (text or "").strip().strip("*_").rstrip(";,").strip()
    names = names_in(t)
    return names[0][0] if len(names) == 1 and names[0][1] == 0 and len(t) - names[0][2] <= 1 else None


def _item_swaps(ctx: Context) -> list[Statement]:
    """Bare names dropped from a list and others put in within one section, under a lead-in
    about giving data: the swap, or the two sets."""
    by_section: dict[str, tuple[list[int], list[int]]] = {}
    for k, c in enumerate(ctx.changes):
        if c.kind in ("added", "removed") and _bare_name(c.new if c.kind == "added" else c.old):
            by_section.setdefault(c.section, ([], []))[c.kind == "removed"].append(k)
    out: list[Statement] = []
    for ins, outs in by_section.values():
        if not ins or not outs:
            continue
        lead = _lead_in(ctx, ctx.changes[ins[0]].new or "")
        found = _as_parties(ctx, [n for n in (_bare_name(ctx.changes[k].new) for k in ins) if n],
                            [n for n in (_bare_name(ctx.changes[k].old) for k in outs) if n]) \
            if lead and _gives_data(lead) else None
        said = _statement(ctx, found[0], found[1], "", lead, tuple(sorted(ins + outs))) if found else None
        if said:
            out.append(said)
    return out


def _sentence_pairs(ctx: Context) -> list[Statement]:
    """A sentence dropped and one put in within one section that differ only in the parties they
    name (too unlike for the alignment to pair them: every name of a list changed). Dropped
    sentences are indexed by section and skeleton: each sentence put in is read once, never
    against every dropped one (a rewrite drops and adds hundreds)."""
    live = _live(ctx)
    gone: dict[tuple[str, str], list[tuple[int, Change]]] = {}
    for k, c in live:
        names = names_in(c.old or "") if c.kind == "removed" and not _bare_name(c.old) else []
        if names:
            gone.setdefault((c.section, _skeleton(c.old or "", names)), []).append((k, c))
    out: list[Statement] = []
    used: set[int] = set()
    for k, c in live if gone else ():
        names = names_in(c.new or "") if c.kind == "added" and not _bare_name(c.new) else []
        for j, r in gone.get((c.section, _skeleton(c.new or "", names)), []) if names else ():
            found = _names_swapped(ctx, r.old or "", c.new or "") if j not in used else None
            said = _statement(ctx, found[0], found[1], c.new or "", found[2], (k, j)) if found else None
            if said:
                used.add(j)
                out.append(said)
                break
    return out


def _lead_in(ctx: Context, item: str) -> str:
    """The sentence before a list item in the new text, skipping the other items: its lead-in."""
    at = ctx.sentence_index(item, False)
    if at is None:
        return ""
    for k in range(at - 1, max(-1, at - 40), -1):
        s = ctx.new_sentences[k]
        if not _bare_name(s):
            return s
    return ""


def swap_statements(ctx: Context) -> list[Statement]:
    """Parties replaced in a sentence or a list about giving data to others, said as such."""
    out = [_statement(ctx, found[0], found[1], c.new or "", found[2], (k,)) for k, c in _live(ctx) if c.kind == "reworded"
           for found in [_names_swapped(ctx, c.old or "", c.new or "")] if found]
    return [s for s in out if s] + _sentence_pairs(ctx) + _item_swaps(ctx)
