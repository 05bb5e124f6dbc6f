"""The last resort: a change no rule could state is quoted as it stands.

When every candidate statement of a report was left out (a fragment, page chrome, a pronoun
without its referent, a claim the other text contradicts) or only a link line is left, the
reader would be told '1 link target changed' while a recipient, a right or a list of states
changed. This module says each such change plainly, in the policy's own words:
'Now says: “…”', 'No longer says: “…”', '“…” (was: “…”)', 'Now also names Indiana and
Kentucky: “…”' for a list that grew, and 'Now lists “…” under “Recipients”' for an item
without a verb. A quote is verbatim (clipped with '…'), so it never claims more than the text.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from tracker.changes.phrasing import has_verb, is_page_chrome
from tracker.changes.publishable import glued_item, holed
from tracker.changes.rules.common import Statement, _editors_note, _stamp_only, _topic
from tracker.changes.verdict import is_caption

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from tracker.changes.report import Change

# one edit of a word diff: (tag, i1, i2, j1, j2), as difflib.SequenceMatcher.get_opcodes gives it
Op = tuple[str, int, int, int, int]
# the most quoted lines a report gets from this module: one per change, the summary's tail is
# for statements a rule wrote
MAX_QUOTED = 3
# the most parties one statement names
MAX_NAMES = 4
# a quote longer than this many words is clipped to the words around what changed
QUOTE_WORDS = 28
# words kept on each side of an edit inside a clipped quote: enough to tell what it is about
CONTEXT_WORDS = 8
# an added or dropped line shorter than this many words is a label or a fragment, not news
MIN_WORDS = 3
# a statement stays under this many characters: the headline limit, so it leads as written and no
# later cut (tracker.changes.headline.tighten) drops its old words
SHORT_LIMIT = 138
# context words tried around an edit, most first, until the statement fits SHORT_LIMIT
CONTEXTS = (CONTEXT_WORDS, 4, 2, 1)
# levels whose statements name no change of the policy's text (a link, a date, formatting)
UNTOLD_IMPACTS = frozenset({"pointer", "cosmetic", "date"})

# a link glued to its anchor text ('Children's Privacy(#5.', 'Miro AI(https://…)'): a table of
# contents or a menu of links, never a sentence of the policy
_GLUED_LINK_RE = re.compile(r"\S\((?:#|https?:|/)")
# an e-mail address: a contact line of two words ('Email: privacy@example.com') is still news
_EMAIL_RE = re.compile(r"\S@\w[\w-]*\.\w")
# words a capture puts where it hid an e-mail address ('[email protected]'): no edit of the policy
_HIDDEN_EMAIL_WORDS = frozenset({"email", "protected", "e-mail"})
# an item without a verb is said as listed under its heading; a longer line with a verb is a sentence
SENTENCE_WORDS = 6
# a line this long is a sentence whatever verb test it fails: an item of a list is shorter
ITEM_WORDS = 12
# a line without a stop or a word of data this long is a headline or a byline; a shorter one an item
CAPTION_WORDS = 8
# small words a title leaves in lower case ('Tracking Tools and Opt-Out', 'Changes to this Policy')
_TITLE_SMALL_WORDS = frozenset("a an and or of the to for in on at by with from this these that your our its their".split())
# a line ending in a colon shorter than this is a lead-in ('Contact information is:'); a longer
# one states a practice before its list ('During 2025, we shared … with SiriusXM …:')
LEAD_IN_WORDS = 12
_WORD_RE = re.compile(r"\S+")
# words whose insertion or removal alone changes no meaning ('at the user level')
_SMALL_WORDS = frozenset("a an the in of on at to for by and or with from that which this".split())
# a company's legal form: dropped from or added to its name, the same company
_LEGAL_FORMS = frozenset("inc incorporated llc ltd limited corp corporation co plc gmbh ag sa sas bv nv ab oy".split())
# a word glued by its colon to a capitalised one ('ways:People'), and the link schemes that look so
# a page widget's identifier the scrape kept ('post_newsletter333'): page furniture, never policy text
_WIDGET_ID_RE = re.compile(r"\b[a-z]+_[a-z_]*[a-z]\d+\b")
_GLUED_COLON_RE = re.compile(r"(\w*[a-z]):[A-Z]")
_SCHEMES = frozenset({"mailto", "http", "https", "tel", "ftp"})
# a party's name as a reader knows it: words of letters, no postcode or street number glued on
# ('CA 94110Automattic Inc' is an address run into a name)
_PARTY_RE = re.compile(r"^[A-Z][A-Za-z&.'’-]*(?: [A-Za-z&.'’-]+){0,5}$")
# words quoted before a list that grew: what it is a list of ('a resident of')
LIST_HEAD_WORDS = 3
# words that join the items of a list of names
_LIST_JOINTS = frozenset({"and", "or", "&", ","})
_NAME_RE = re.compile(r"^[A-Z0-9][\w.&'’-]*$")


def needs_quotes(cands: Iterable[Statement]) -> bool:
    """Does no candidate state a change of the text (none left, or only link and date lines)?"""
    return all(s.impact in UNTOLD_IMPACTS for s in cands)


def told(cands: Iterable[Statement]) -> set[int]:
    """The changes a candidate already says ('Adds a link to its list of controllers'): never quoted again."""
    return {k for s in cands for k in s.changes}


def quoted_statements(changes: list[Change], skip: set[int] | frozenset[int],
                      parties: tuple[list[str], list[str]] = ([], []), raw: str = "") -> list[Statement]:
    """A plain statement for each change a reader must hear of: third parties named or no longer
    named (parties: added, removed, as tracker.changes.entities found them in the texts), then
    material changes, then the others; skip: the changes that alter no meaning
    (tracker.changes.trivial); raw: both texts as captured, where a party's heading is found."""
    order = sorted((k for k, c in enumerate(changes) if k not in skip and _quotable(c)),
                   key=lambda k: (not changes[k].material, k))
    named = [[n for n in names if _named_in_policy(n, changes, skip, raw)] for names in parties]
    out = [s for s in (_parties("Now names", named[0]), _parties("No longer names", named[1])) if s]
    for k in order:
        c = changes[k]
        s = _statement(c, k)
        if s and not any(s.text == o.text for o in out):
            out.append(s)
        if len(out) >= MAX_QUOTED:
            break
    return out


def _parties(verb: str, names: list[str]) -> Statement | None:
    """'Now names Contentsquare', 'No longer names Backblaze and Postmark'."""
    names = [n for n in dict.fromkeys(names) if _PARTY_RE.match(n)][:MAX_NAMES]
    if not names:
        return None
    said = f"{verb} {names[0]}" if len(names) == 1 else f"{verb} {', '.join(names[:-1])} and {names[-1]}"
    return Statement(said, "sharing", "named-party", ", ".join(names) if verb.startswith("No") else None,
                     ", ".join(names) if not verb.startswith("No") else None)


def _named_in_policy(name: str, changes: list[Change], skip: set[int] | frozenset[int], raw: str) -> bool:
    """Is name said by the policy, not only by a headline, a menu or a share button a scrape
    kept ('Apple's iPad mini: The review roundup', 'Reddit')? A name in no changed sentence
    is said when it heads a part of the policy ('#### Backblaze')."""
    where = [k for k, c in enumerate(changes) if c.kind != "moved" and name in f"{c.old or ''} {c.new or ''}"]
    if where:
        return any(k not in skip and _quotable(changes[k]) for k in where)
    # a heading writes the name as it is: the pattern is tried only then (not over the whole page)
    return name in raw and bool(re.search(rf"(?m)^#{{1,6}}[ \t]+[^\n]*\b{re.escape(name)}\b", raw))


def _quotable(c: Change) -> bool:
    """A change whose every side reads as policy text: not a move, a date stamp, a change-log
    line, page furniture, a glued link list or a two-word label."""
    if c.kind == "moved" or _stamp_only(c) or _editors_note(c):
        return False
    sides = [t for t in (c.old, c.new) if t]
    if not sides or any(is_page_chrome(t) or _caption(t) or _GLUED_LINK_RE.search(t) or _links_only(t) for t in sides):
        return False
    if c.kind != "reworded" and any(_label(t) for t in sides):
        return False
    if any(glued_item(_one_line(t)) or _glued_colon(t) or _one_line(t)[:1].islower() for t in sides):
        return False              # a lead-in run into its item, a wrapped line without its start
    if any(holed(t) or _WIDGET_ID_RE.search(t) for t in sides):
        return False              # a hole where a link's words were, a page widget's id ('post_newsletter333')
    return any(sum(ch.isalpha() for ch in t) >= 0.5 * len(t) for t in sides)


def _glued_colon(text: str) -> bool:
    """A lead-in run into the next line at its colon ('in the following ways:People you share
    with'): two lines of a list glued by the scrape, never one sentence to quote."""
    return any(m.group(1).lower() not in _SCHEMES for m in _GLUED_COLON_RE.finditer(text))


def _caption(text: str) -> bool:
    """A news headline or byline a scrape kept ('Company allegedly misled government about
    security clearance checks Tom Hamburger'); a short item of a list ('Contentsquare SAS
    (analytics software)') is not one."""
    return len(text.split()) >= CAPTION_WORDS and is_caption(text)


def _links_only(text: str) -> bool:
    """A line that is mostly web addresses ('xing.com: https://… onlyfy.io: https://…')."""
    words = text.split()
    return sum("://" in w or w.startswith("www.") for w in words) * 3 >= len(words)


def _label(text: str) -> bool:
    """An added or dropped line that says nothing by itself: a short lead-in ending in a colon,
    a title or link text in capitals ('Tracking Tools and Opt-Out'), a two-word fragment, a
    piece of a line cut inside its parentheses ('Updates of this Statement)')."""
    line = _one_line(text)
    words = line.split()
    if (line.endswith(":") and len(words) < LEAD_IN_WORDS) or line.count("(") != line.count(")"):
        return True
    if len(words) < MIN_WORDS:
        return not _EMAIL_RE.search(line)
    return not _says(line) and all(w[:1].isupper() or not w[:1].isalpha() or w.lower() in _TITLE_SMALL_WORDS
                                    for w in words)


def _says(text: str) -> bool:
    """A sentence, not an item of a list: a verb and enough words to hold a clause."""
    n = len(text.split())
    return n >= SENTENCE_WORDS and (has_verb(text) or n >= ITEM_WORDS)


def _statement(c: Change, k: int) -> Statement | None:
    """The plain statement of one change."""
    if c.kind == "reworded" and c.old and c.new:
        return _reworded(c, k)
    text = _one_line((c.new if c.kind == "added" else c.old) or "")
    sentence = _says(text)
    if not c.material:
        return None               # a line of a menu, a teaser, a remark: only a material one is news
    verb = ("Now says:" if sentence else "Now lists") if c.kind == "added" else \
        ("No longer says:" if sentence else "No longer lists")
    under = "" if sentence else _under(c)
    if len(f"{verb} “{text}”{under}") > SHORT_LIMIT:
        under = ""
    room = SHORT_LIMIT - len(f"{verb} “”{under}")
    said = f"{verb} “{_cut(text, room)}”{under}"
    return Statement(said, _topic(c), "reworded", text if c.kind == "removed" else None,
                     text if c.kind == "added" else None, (k,), said)


def _under(c: Change) -> str:
    """' under “<section>”' for an item without a verb: the heading says what list it is in."""
    title = _one_line(c.section or "")
    return f" under “{title}”" if title and len(title) <= 80 and title != _one_line(c.new or c.old or "") else ""


def _reworded(c: Change, k: int) -> Statement | None:
    """'Now also names A and B: “…”' for items put into a list, else '“new words” (was: “old”)'."""
    old_w, new_w = _one_line(c.old or "").split(), _one_line(c.new or "").split()
    keys = ([_key(w) for w in old_w], [_key(w) for w in new_w])      # 'Intuit,' is 'Intuit'
    ops: list[Op] = [op for op in SequenceMatcher(None, *keys, autojunk=False).get_opcodes() if op[0] != "equal"]
    if not ops or _hidden_email_only(ops, old_w, new_w):
        return None
    items = _added_items(ops, new_w)
    if items:
        said = _short(f"Now also names {items}: “{_around_list(new_w, ops[0][3], ops[-1][4])}”")
        return Statement(said, _topic(c), "reworded", None, " ".join(new_w), (k,), said)
    if not (c.material or _value_edit(ops, old_w, new_w)):
        return None               # no practice, name or value changed: a menu label, a widget's counter ('tab NaN of 0')
    if all(w.strip(".,;:()").lower() in _SMALL_WORDS | _LEGAL_FORMS for _, i1, i2, j1, j2 in ops for w in old_w[i1:i2] + new_w[j1:j2]):
        return None               # 'at user level' -> 'at the user level', 'Intuit, Inc.' -> 'Intuit': the same words
    largest = max(ops, key=lambda op: (op[2] - op[1]) + (op[4] - op[3]))
    said = _fitted(old_w, new_w, ops[0], ops[-1]) or _fitted(old_w, new_w, largest, largest) \
        or _one_side(old_w, new_w, largest)      # edits far apart: the largest one alone
    return Statement(said, _topic(c), "reworded", " ".join(old_w), " ".join(new_w), (k,), said)


def _fitted(old_w: list[str], new_w: list[str], first: Op,
            last: Op) -> str | None:
    """'Now says: “…” (was: “…”)' around the edits first to last with the most context that fits,
    each side at least MIN_WORDS long (or whole); None when none fits."""
    for n in CONTEXTS:
        t = _was(old_w, new_w, first, last, n)
        short = any(len(_clip(w, lo, hi, n).split()) < min(MIN_WORDS, len(w))
                    for w, lo, hi in ((old_w, first[1], last[2]), (new_w, first[3], last[4])))
        if len(t) <= SHORT_LIMIT and not short:
            return t
    return None


def _one_side(old_w: list[str], new_w: list[str], op: Op) -> str:
    """An edit too long to quote with its old words: what the sentence now says around it, or
    what it no longer says when the edit only took words out."""
    _, i1, i2, j1, j2 = op
    verb, words, lo, hi = ("Now says:", new_w, j1, j2) if j2 > j1 else ("No longer says:", old_w, i1, i2)
    return f"{verb} “{_cut(_clip(words, lo, hi, 4), SHORT_LIMIT - len(verb) - 3)}”"


def _value_edit(ops: Sequence[Op], old_w: list[str], new_w: list[str]) -> bool:
    """An edit that swaps one value for another on both sides: a number, an address, an e-mail,
    a name in capitals ('1515 Fruitville Road' -> '1680', 'TTDSG' -> 'TDDDG')."""
    def valued(words: list[str]) -> bool:
        return any(re.search(r"\d|@", w) or re.fullmatch(r"[A-Z]{2,}\W*", w) for w in words)
    return all(valued(old_w[i1:i2]) and valued(new_w[j1:j2]) for _, i1, i2, j1, j2 in ops)


def _was(old_w: list[str], new_w: list[str], first: Op,
         last: Op, context: int) -> str:
    """'Now says: “new words” (was: “old words”)', each side clipped to context words around the edit."""
    new_q = _clip(new_w, first[3], last[4], context)
    old_q = _clip(old_w, first[1], last[2], context)
    return f"Now says: “{new_q}” (was: “{old_q}”)"


def _hidden_email_only(ops: Sequence[Op], old_w: list[str], new_w: list[str]) -> bool:
    """Did the edit only put the capture's '[email protected]' where an address was written?"""
    came = {w.strip("[]().,;:").lower() for _, _, _, j1, j2 in ops for w in new_w[j1:j2]}
    return bool(came) and came <= _HIDDEN_EMAIL_WORDS


def _added_items(ops: Sequence[Op], new_w: list[str]) -> str:
    """The names an edit only inserted into a list ('Indiana, Kentucky, Rhode Island,'), said
    'Indiana, Kentucky and Rhode Island'; '' when the edit did anything else."""
    if any(op[0] != "insert" for op in ops):
        return ""
    names: list[str] = []
    for _, _, _, j1, j2 in ops:
        run = " ".join(new_w[j1:j2]).strip(" ,;")
        parts = [p.strip() for p in re.split(r",\s*|\s+(?:and|or)\s+", run) if p.strip()]
        if not parts or not all(all(_NAME_RE.match(w) for w in p.split()) and len(p.split()) <= 4 for p in parts):
            return ""
        names.extend(p.strip("()") for p in parts)
    if len(names) < 2 and not all(j2 - j1 <= 4 for _, _, _, j1, j2 in ops):
        return ""
    names = list(dict.fromkeys(names))
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _around_list(words: list[str], start: int, end: int) -> str:
    """The sentence around a list that grew, the list itself left out (its new names are said
    beside the quote): 'If you are a resident of … if we deny your privacy request, you may
    be able to appeal…'."""
    k = end
    while k < len(words) and (words[k][:1].isupper() or words[k] in _LIST_JOINTS):
        k += 1                    # the rest of the list, the names the old text had
    lo = max(0, start - LIST_HEAD_WORDS)
    head = " ".join(words[lo:start]).rstrip(" ,;")
    tail = " ".join(words[k:k + 2 * CONTEXT_WORDS]).strip(" ,;")
    more = "…" if k + 2 * CONTEXT_WORDS < len(words) else ""
    return f"{'…' if lo else ''}{head} … {tail}{more}" if tail else f"{head} …"


def _clip(words: list[str], start: int, end: int, context: int = CONTEXT_WORDS) -> str:
    """The words of a sentence from context words before start to context words after end,
    with '…' where words were left out; the whole sentence when it is short."""
    if len(words) <= QUOTE_WORDS and context == CONTEXT_WORDS:
        return " ".join(words)
    lo = max(0, start - context)
    hi = min(len(words), max(end, start + 1) + context)
    if hi - lo > QUOTE_WORDS:
        hi = lo + QUOTE_WORDS
    body = " ".join(words[lo:hi]).strip(" ,;")
    return f"{'…' if lo else ''}{body}{'…' if hi < len(words) else ''}"


def _key(word: str) -> str:
    """A word as the diff compares it: lower case, without the punctuation around it."""
    return word.strip(".,;:()[]\"'“”‘’").lower() or word


def _one_line(text: str) -> str:
    """The text on one line, Markdown emphasis and list markers dropped."""
    text = re.sub(r"\s+", " ", text.replace("**", "").replace("__", "")).strip()
    return re.sub(r"^(?:[-*•]|\d+[.)])\s+", "", text)


def _cut(text: str, room: int) -> str:
    """text cut at a word to fit room characters, '…' where it was cut."""
    if len(text) <= room:
        return text
    return text[:max(0, room - 1)].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"


def _short(text: str) -> str:
    """The headline form: the statement itself when it fits, else cut at a word with '…”'."""
    if len(text) <= SHORT_LIMIT:
        return text
    cut = text[:SHORT_LIMIT - 2].rsplit(" ", 1)[0].rstrip(" ,;:")
    return f"{cut}…”" if "“" in cut and "”" not in cut[cut.rfind("“"):] else f"{cut}…"
