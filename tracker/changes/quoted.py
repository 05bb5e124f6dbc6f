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

from tracker.changes.phrasing import has_verb, is_page_chrome, CONSEQUENCE_PARTICIPLES
from tracker.changes.priorities import HEADLINE_LIMIT
from tracker.changes.publishable import glued_item, holed
from tracker.changes.report import Change
from tracker.changes.rules.common import Statement, _editors_note, _stamp_only, _topic
from tracker.changes.verdict import is_caption

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence


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
                      parties: tuple[list[str], list[str]] = ([], []), raw: str = "",
                      check: Callable[[Statement], Statement | None] = lambda s: s) -> list[Statement]:
    """A plain statement for each change a reader must hear of: third parties named or no longer
    named (parties: added, removed, as tracker.changes.entities found them in the texts), then
    material changes, then the others; skip: the changes that alter no meaning
    (tracker.changes.trivial); raw: both texts as captured, where a party's heading is found;
    check: a quote's claim looked for in the other text (tracker.changes.corroborate), None when
    that text still says it ('No longer says: “If you have any questions, you can contact us at
    privacy@…”' when the new text says 'If you have any questions or complaints …, please contact
    privacy@…'): a sentence said new or gone is quoted only when it is."""
    order = sorted((k for k, c in enumerate(changes) if k not in skip and _quotable(c)),
                   key=lambda k: (not changes[k].material, k))
    named = [[n for n in names if _named_in_policy(n, changes, skip, raw)] for names in parties]
    out = [s for s in (_parties("Now names", named[0]), _parties("No longer names", named[1])) if s]
    paired: set[int] = set()      # the other halves of rewordings told as one
    for k in order:
        c = changes[k]
        if k in paired:
            continue
        s = _statement(c, k)
        if s and c.kind != "reworded" and check(s) is None:
            # the other text still says it: told as the rewording it is, when its other half is at hand
            j = _other_half(k, changes, skip)
            s = _reworded(_joined(c, changes[j]), k) if j is not None else None
            if s is not None and j is not None:
                paired.add(j)
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


# share of a refuted quote's stems its other half, an unpaired sentence of the other kind in its
# section, must hold to be said as its rewording (corroborate.REWORDED_PAIR's looser sibling)
OTHER_HALF = 0.5


def _other_half(k: int, changes: list[Change], skip: set[int] | frozenset[int]) -> int | None:
    """The added (removed) sentence of removed (added) change k's section most like it
    (corroborate._counterpart), when it holds OTHER_HALF of its stems and is no trivial change."""
    from tracker.changes.corroborate import _counterpart, _overlap, sign
    j = _counterpart(k, changes)
    if j is None or j in skip:
        return None
    texts = [(c.new if c.kind == "added" else c.old) or "" for c in (changes[k], changes[j])]
    return j if _overlap(sign(texts[0]), sign(texts[1])) >= OTHER_HALF else None


def _joined(c: Change, d: Change) -> Change:
    """A removed and an added sentence as one rewording."""
    removed, added = (c, d) if c.kind == "removed" else (d, c)
    return Change("reworded", c.section, removed.old, added.new, c.topics, c.material or d.material)


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


def _reworded(c: Change, k: int, whole: bool = False) -> Statement | None:
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
    spanned = _fitted(old_w, new_w, ops[0], ops[-1])
    if spanned is None and whole:
        return None               # every edit quoted or none: the largest alone may read as a swap it is not
    said = spanned or _fitted(old_w, new_w, largest, largest) \
        or _one_side(old_w, new_w, largest)      # edits far apart: the largest one alone
    return Statement(said, _topic(c), "reworded", " ".join(old_w), " ".join(new_w), (k,), said)


def edit_quote(c: Change) -> str | None:
    """'Now says: “…” (was: “…”)' for a reworded sentence's edits, or None (headline._quoted_edit)."""
    old_w, new_w = _one_line(c.old or "").split(), _one_line(c.new or "").split()
    keys = ([_key(w) for w in old_w], [_key(w) for w in new_w])
    ops: list[Op] = [op for op in SequenceMatcher(None, *keys, autojunk=False).get_opcodes() if op[0] != "equal"]
    if not ops or _hidden_email_only(ops, old_w, new_w):
        return None
    return _fitted(old_w, new_w, ops[0], ops[-1])


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
    """text cut to fit room characters: at the end of a clause that holds a verb when one ends
    past CLAUSE_SHARE of the room (a complete clause reads as quoted, 'You can request that we
    delete your data by emailing privacy@x.com'); else with its asides or the middle of its
    opener left out, so the quote still ends on what the sentence is about ('If you are based
    in the UK …, you can also make a data protection complaint directly to us.'); else at a word
    with '…' where it was cut."""
    if len(text) <= room:
        return text
    return _clause_cut(text, room) or _elided(text, room) or _noun_cut(text, room)


def _noun_cut(text: str, room: int) -> str:
    """text cut at a word (_word_cut) when that cut ends on a noun and holds the main clause's
    verb ('… with SiriusXM Satellite Radio…', not 'In compliance with …, Discord…'), else after a
    whole phrase (_phrase_cut: '…Discord commits to cooperate … with the advice of the panel…',
    not '…, Discord commits…') when one fits."""
    cut = _word_cut(text, room)
    opener = _OPENER_RE.match(text)
    main = cut[opener.end():] if opener and opener.end() < len(cut) else cut
    return cut if _noun_end(cut.rstrip("…").split()) and has_verb(main) else _phrase_cut(text, room) or cut


# words a cut never ends on: they wait for what follows ('… commits to…', '… is displayed is…')
_WAITING_WORDS = _SMALL_WORDS | frozenset("is are was were be been will would may can could must shall should "
                                          "has have had our your their its we you they".split())


def _word_cut(text: str, room: int) -> str:
    """text cut at a word to fit room, with '…'; never after a word that waits for its object."""
    words = text[:max(0, room - 1)].rsplit(" ", 1)[0].rstrip(" ,;:").split(" ")
    while len(words) > SENTENCE_WORDS and words[-1].lower().strip(",;:") in _WAITING_WORDS:
        words.pop()
    return " ".join(words).rstrip(" ,;:") + "…"


# an aside in parentheses a quote may leave out, marked '(…)': never one holding a name the
# sentence defines or a value ('("Starbucks App")', '(30 days)')
_ASIDE_RE = re.compile(r" \((?![^()]*[\"“\d])[^()]{3,}\)")
# verbs that open a main clause as a request to the reader ('…, visit here', '…, please contact us')
_IMPERATIVES = ("visit", "see", "click", "contact", "please", "go", "read", "email", "e-mail", "call", "write", "refer")
# an aside that limits what the sentence says ('(except health data)', '(only with your consent)'): never left out
_LIMITS_RE = re.compile(r"(?i)\b(?:not|no|never|except|excluding|unless|only|without|other than|but|if|consent)\b")
# where an opener (a condition, a purpose, a frame) ends and the main clause starts: its first
# comma, before a subject ('If you would like to avoid cloudflare, you can …')
_OPENER_RE = re.compile(r"^(?:If|When|Where|To|In|For|During|As|Under|Unless|While|Although|After|Before|Upon|"
                        r"Once|Because|Since)\b[^,;:()]*?, (?=(?:we|you|our|your|the|this|they|it|[A-Z]\w*|%s)\b)" % "|".join(_IMPERATIVES))
# an opener that limits the main clause: left out whole, the quote would state it without its condition
_CONDITION_RE = re.compile(r"^(?:If|When|Where|Unless|While|Although|Once|Because|Since)\b")
# where an opener may be cut short: before a second condition or an item it joins ('If you are
# based in the UK | and believe we mishandled …')
_OPENER_JOIN_RE = re.compile(r",? (?:and|or)\b|, ")
# the fewest words of an opener a quote keeps: a cut shorter says nothing of its condition
OPENER_WORDS = 4


def _elided(text: str, room: int) -> str | None:
    """text in fewer words with '…' where words were left out, ending as the sentence ends: its
    asides dropped ('you can change your server address (…) to https://…'), else its opener cut
    at a join and its main clause kept whole ('If you are based in the UK …, you can …'), else
    the main clause alone when it states a practice by itself. None when no form fits."""
    lean = text
    asides = [a.group(0) for a in _ASIDE_RE.finditer(text) if not _LIMITS_RE.search(a.group(0))]
    for aside in sorted(asides, key=len, reverse=True):
        lean = lean.replace(aside, " (…)", 1)
        if len(lean) <= room:
            return lean
    m = _OPENER_RE.match(text)
    if m is None:
        return None
    opener, main = text[:m.end()].rstrip(", "), text[m.end():]
    if not (has_verb(main) or main.startswith(_IMPERATIVES)) or len(main) + len(" …, ") > room:
        return None
    heads = [opener[:j.start()] for j in _OPENER_JOIN_RE.finditer(opener)
             if len(opener[:j.start()].split()) >= OPENER_WORDS and _balanced_quote(opener[:j.start()])]
    fits = [h for h in heads if len(h) + len(" …, ") + len(main) <= room]
    if fits:
        return f"{fits[-1]} …, {main}"
    if len(main.split()) < SENTENCE_WORDS or _CONDITION_RE.match(opener) or main.startswith(_IMPERATIVES):
        return None               # a condition or a pointer's purpose ('For more information …, please read') stays
    return f"…{main}"


# an acronym glossed in parentheses after the words it stands for ('the UK Information
# Commissioner's Office (ICO)'): left out silently when the quote never uses it again, it says nothing
_GLOSS_RE = re.compile(r" \(([A-Z][A-Z0-9&]{1,7}s?)\)")
# where a phrase that qualifies the main clause may start: an aside, a preposition or a participle
# of a reduced relative clause ('… the panel | established by …')
_PHRASE_START_RE = re.compile(r" (?=\(|(?:with regard to|with respect to|in reliance on|in connection with|regarding|"
                              r"concerning|about|with|by|for|from|in|on|at|through|via|within|across|during|"
                              r"[a-z]+ed by)\b)")
# words a cut is never made before: the limit of the practice would be left out ('… unless you object')
_LIMIT_AHEAD_RE = re.compile(r"(?i)\s*(?:\(?(?:not|no|never|except|excluding|unless|only|without|other than|if|"
                             r"until|provided|subject to|to the extent|consent)\b)")


def _unglossed(text: str) -> str:
    """text without the acronyms it glosses in parentheses and never uses again ('… Office (ICO)')."""
    for m in reversed(list(_GLOSS_RE.finditer(text))):
        if text.count(m.group(1)) == 1:
            text = text[:m.start()] + text[m.end():]
    return text


def _main_clause(text: str) -> str:
    """text without an opener that only frames it ('In compliance with the DPF, Discord commits
    …' -> '…Discord commits …', tracker.changes.clauses.drop_opener's openers); a condition,
    a time ('During 2025, ') or an opener with a limit in it is kept, it says when or whether."""
    from tracker.changes.clauses import _CONDITION_WORDS_RE, _OPENER_RE as _FRAMING_RE
    m = _FRAMING_RE.match(text)
    if m is None or _CONDITION_WORDS_RE.search(m.group(0)):
        return text
    main = text[m.end():]
    return f"…{main}" if has_verb(main) and len(main.split()) >= SENTENCE_WORDS else text


def _recipient_cut(head: str, rest: str) -> bool:
    """Would a cut between head and rest drop who gets the data ('… we shared … about our
    customers' | 'with SiriusXM …'): rest names a recipient after a verb of giving in head's clause?"""
    from tracker.changes.headline import _GIVING_RE, _RECIPIENT_AHEAD_RE
    clause = re.split(r"[,;:]", head)[-1]
    return bool(_RECIPIENT_AHEAD_RE.match(rest.lstrip())) and bool(_GIVING_RE.search(clause))


def _noun_end(words: list[str]) -> bool:
    """Do words end on a noun ('… the advice of the panel', '… an active tab'), never on a word
    waiting for its complement ('… established', '… to', '… is')? (headline.ends_on_noun)"""
    from tracker.changes.headline import ends_on_noun
    return words[-1].lower().strip("\"'”’),.;:") not in _WAITING_WORDS and ends_on_noun(words)


def _phrase_cut(text: str, room: int) -> str | None:
    """A sentence of one long clause cut after a whole phrase, not inside one: its unused acronym
    glosses left out, its framing opener dropped, and the longest head that ends on a noun before
    a phrase that only qualifies it ('…Discord commits to cooperate … with the advice of the
    panel…', not '…, Discord commits…'); never before a limit ('unless …', '(not …)'). None when
    no head of at least CLAUSE_SHARE of room fits."""
    lean = _main_clause(_unglossed(text))
    best = None
    for m in _PHRASE_START_RE.finditer(lean):
        if m.start() >= room:
            break
        head = lean[:m.start()].rstrip(" ,;:")
        if len(head) + 1 > room or len(head) < CLAUSE_SHARE * room or _LIMIT_AHEAD_RE.match(lean, m.start()) \
                or _recipient_cut(head, lean[m.start():]):
            continue
        words = head.split()
        if (_noun_end(words) and has_verb(head.lstrip("…"))
                and len(words) >= SENTENCE_WORDS and _balanced_quote(head)):
            best = head
    return f"{best}…" if best else None


def _balanced_quote(text: str) -> bool:
    """No parenthesis or quotation mark left open in text."""
    return text.count("(") == text.count(")") and text.count('"') % 2 == 0 and text.count("“") == text.count("”")


# a clause cut keeps at least this share of the room: a shorter head leaves out what the quote is about
CLAUSE_SHARE = 0.5
# where a clause may end: before a list, an example, an alternative or a relative clause, never
# before what limits it ('…, but only with your consent', '… unless you object', '… if …')
_CLAUSE_END_RE = re.compile(r"(?:;|,(?= (?:or|and|which|including|such as|for example|e\.g\.|as well as)\b)|"
                            r",(?= (?:%s)\b)|"
                            r" [–—](?= ))" % "|".join(sorted(CONSEQUENCE_PARTICIPLES)))


def _clause_cut(text: str, room: int) -> str | None:
    """text up to the last clause end within room, when it is long enough and holds a verb; None
    when none fits ('…' then marks a cut inside a clause)."""
    ends = [m.start() for m in _CLAUSE_END_RE.finditer(text, 0, room) if m.start() >= CLAUSE_SHARE * room]
    if not ends:
        return None
    head = text[:ends[-1]].rstrip(" ,;:")
    return head if has_verb(head) and len(head.split()) >= SENTENCE_WORDS else None


def _short(text: str) -> str:
    """The headline form: the statement itself when it fits, else cut at a word with '…”'."""
    if len(text) <= SHORT_LIMIT:
        return text
    cut = text[:SHORT_LIMIT - 2].rsplit(" ", 1)[0].rstrip(" ,;:")
    return f"{cut}…”" if "“" in cut and "”" not in cut[cut.rfind("“"):] else f"{cut}…"


# -- the headline of a report whose changes no statement could say ------------------------------

# an address line is short: a longer line with digits is a sentence that cites a number
ADDRESS_LINE_WORDS = 20
# a postcode: US ZIP, a number of four or five digits, a UK or Irish code ('EC1M 5NR', 'D02 P593')
_POSTCODE_RE = re.compile(r"\b(?:\d{4,5}(?:-\d{4})?|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z\d]{2,3})\b")


def said_alone(changes: Sequence[Change], chosen: Sequence[int]) -> str | None:
    """What the changes a headline would only count ('Adds 2 sentences and drops 2 in
    “Contact”') say, when they can be said in one line: lines of a postal address replaced
    ('Postal address changed to “4052 S 124th Street, Greenfield, WI 53228” (was: …)'), or
    the one changed sentence quoted ('“Valve GmbH i.L.” (was: “Valve GmbH”)'). None otherwise."""
    said = _address_lines(changes, chosen) if len(chosen) > 1 or changes[chosen[0]].kind != "reworded" else None
    if said is None and len(chosen) == 1:
        c = changes[chosen[0]]
        if not _quotable(c) or _HIDDEN_RE.search(f"{c.old} {c.new}"):
            return None           # a capture's '[email protected]' is no wording of the policy
        if c.kind != "reworded" or not c.old or not c.new:
            return None           # a sentence said new or gone needs the other text searched (quoted_statements' check)
        s = _reworded(Change(c.kind, c.section, c.old, c.new, c.topics, True), chosen[0], whole=True)
        said = s.text if s and not s.text.endswith("…”") else None
    return said if said and len(said) <= HEADLINE_LIMIT else None


# the placeholder a capture shows for a hidden e-mail address ('email protected', '[email protected]')
_HIDDEN_RE = re.compile(r"(?i)e-?mail\W*protected\b")


# a date written with its month's name ('Oct 16, 2020', '16 October 2020'): a line of a list of
# events or holidays, never a line of a postal address
_DATED_RE = re.compile(r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}\b|"
                       r"\b\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b")


def _address_line(text: str | None) -> bool:
    """A line of a postal address: short, with a number ('4235 Redwood Avenue', 'Venice, CA 90291')."""
    line = _one_line(text or "")
    if _DATED_RE.search(line):
        return False              # 'World Food Day (Oct 16, 2020)': a date's year is no postcode
    return bool(line) and len(line.split()) <= ADDRESS_LINE_WORDS and any(ch.isdigit() for ch in line) \
        and bool(_POSTCODE_RE.search(line) or re.search(r"(?i)\b(?:street|st|avenue|ave|road|rd|suite|floor|"
                                                        r"boulevard|blvd|drive|dr|lane|way|plaza|box)\b", line))


def _address_lines(changes: Sequence[Change], chosen: Sequence[int]) -> str | None:
    """'Postal address changed to “…” (was: “…”)' when every chosen change is a line of an
    address, one address put in place of another (the same in every section that gives it);
    'Now gives the postal address “…”' or 'No longer gives …' when only one side has one."""
    if not chosen or any(changes[k].kind == "reworded" or not _address_line(changes[k].new or changes[k].old)
                         for k in chosen):
        return None
    by_section: dict[str, tuple[list[str], list[str]]] = {}
    for k in chosen:
        c = changes[k]
        gone, came = by_section.setdefault(c.section or "", ([], []))
        (came if c.kind == "added" else gone).append(_one_line(c.new or c.old or "").strip(" ,;"))
    pairs = {(", ".join(g), ", ".join(n)) for g, n in by_section.values()}
    if len(pairs) != 1:
        return None
    old, new = pairs.pop()
    if old and new:
        from tracker.changes.rules.figures import _address_statement
        stated = _address_statement(old, new)     # the words that changed, not the lead-in they share
        said = stated[0] if stated else f"Postal address changed to “{new}” (was: “{old}”)"
        return said if len(said) <= HEADLINE_LIMIT else said[:said.find(" (was: ")]   # the new address says the change
    return f"Now gives the postal address “{new}”" if new else f"No longer gives the postal address “{old}”"
