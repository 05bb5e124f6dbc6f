"""What the policy covers, added, dropped or changed: 'This statement applies to our business
operations in the United States', 'The Oracle Privacy Policy addresses information we collect at
our web sites and in off-line sales …'. Whom and what a policy's promises reach is news in its
own right (a policy newly limited to one country says nothing any more to users elsewhere), so a
scope statement that draws a line (a place, a business or channel, 'only', 'also', 'does not
apply') is its own impact level ('scope-changed', tracker.changes.priorities; one name put into
or taken out of the list of what it covers, 'scope-listed', ranks with the practices),
never a remark about the document that trails every practice (tracker.changes.leadless). A scope
that draws no line ('This privacy statement covers the site www.example.com') stays such a
remark: the reader learns nothing about whom the policy reaches.
"""

from __future__ import annotations

import re

from tracker.changes.leadless import _LIST_AHEAD_RE
from tracker.changes.phrasing import capitalise, edit_window, has_verb, third_person
from tracker.changes.priorities import HEADLINE_LIMIT
from tracker.changes.rules.common import (_content_words, _editors_note, _merged_away, _owner_says, _stamp_only,
                                          Context, Statement)

# the document said to apply to, cover or govern something: 'This Privacy Policy applies to …',
# 'The Oracle Privacy Policy addresses information …', 'This statement does not apply to …',
# 'This Privacy Policy discloses the privacy practices for The New York Times newspaper …'
# ('describes', 'explains' and 'sets out' say what the text is about, not whom it reaches; the
# verb is lower case: 'What this Privacy Statement Covers' is a heading; 'A separate policy
# governs …' is about another document)
SCOPE_RE = re.compile(r"^(?i:(?:please )?note:?\s+)?(?!(?i:a|an|another|each|any|other|separate|their|its)\b)(?i:the |this |our |these )?"
                      r"(?:[\w'’.&-]+\s){0,5}?(?i:privacy |cookie |data )?(?i:policy|policies|statement|notice)\s+"
                      r"(?:also |only |now |no longer )?(?:(?:does not|doesn't|do not|don't) )?"
                      r"(?:applies|apply|covers?|addresses|governs?|discloses the (?:privacy )?practices (?:of|for))\b|"
                      r"\bappl(?:ies|y) (?:only )?to (?:our|its|the company's|[A-Z][\w.&-]*'s) (?:business )?operations\b")
# a line drawn around what is covered: a place, a limit, an exclusion, an extension, a channel
# ('… business operations in the United States', 'applies only to …', 'does not apply to …',
# 'also applies to …', '… and in off-line sales', '… in stores'). Without one a scope statement
# only names the site it is on
LINE_RE = re.compile(r"(?i)\b(?:only|solely|exclusively|also|not|except|excluding|outside|off-?line|stores?|"
                     r"operations|(?:in|within) (?:the )?(?:United States|U\.S\.|US|USA|EU|EEA|European|UK|United Kingdom|"
                     r"Canada|Puerto Rico|Europe))\b|n't\b")
# words a rewording of a scope statement may change without changing whom it reaches
_SCOPE_NOISE = frozenset({"policy", "privacy", "statement", "notice", "this", "the"})
# a quote glued to the next line ('… your personal information:At Walmart …') or announcing a
# list it does not quote ('… corporate websites which include'): no statement of scope
_GLUED_RE = re.compile(r"[:;][A-Z]|\b(?:include|includes|including)$")
# 'Our Privacy Policy does not cover these third-party companies': what it leaves out is named in
# a sentence the reader does not have
_POINTS_BACK_RE = re.compile(r"(?i)\b(?:these|those|such|said|above|below)\b")
_OUR_RE = re.compile(r"\b[Oo]ur\b")
# the document as subject, named at length ('The Oracle Privacy Policy', 'Apple's Customer
# Privacy Policy'): a headline says 'The policy' when the whole sentence does not fit
_SUBJECT_RE = re.compile(r"^(?:[\w'’.&-]+\s){1,6}?(?=(?:also |only |now )?(?:(?:does not|doesn't) )?"
                         r"(?:applies|apply|covers?|addresses|governs?|discloses)\b)")
QUOTE_LIMIT = 170           # characters of a scope sentence quoted whole
MIN_WORDS = 5               # a shorter 'scope' is a heading or a fragment


def is_scope(text: str) -> bool:
    """Does the sentence say whom or what the policy applies to (SCOPE_RE)?"""
    return bool(SCOPE_RE.search(text.strip()))


def draws_line(text: str) -> bool:
    """Does a scope sentence (or the words an edit brought into one) draw a line (LINE_RE)?"""
    return bool(LINE_RE.search(text))


# a sentence about the document itself ('This policy lets you know … as well as through offline
# sales and marketing activities'): where an old text drew the lines of its scope, in any wording
_ABOUT_DOCUMENT_RE = re.compile(r"(?i)\b(?:policy|policies|statement|notice)\b")
_WORDS_RE = re.compile(r"[a-z][a-z'-]+")
_CAPITALISED_RE = re.compile(r"\b[A-Z][\w'-]+")
LINE_OBJECT_WORDS = 6       # content words after a line term: what the line is drawn around
LINE_OBJECT_SHARE = 0.5     # of them an old sentence about the document must write to have drawn it


def _plain(text: str) -> str:
    """text in lower case, its spelling variants of a line written one way ('off-line' is
    'offline', "doesn't" is 'does not')."""
    return text.lower().replace("off-line", "offline").replace("n't", " not").replace("\u2019", "'")


def _lines(text: str) -> list[tuple[str, set[str], set[str]]]:
    """Each line a scope sentence draws: its term ('offline', 'only', 'not', 'in the united
    states'), the content words that follow it (what it is drawn around) and the names among
    all the words that follow it ('… also applies to … the Wal-Mart Toyland Site')."""
    plain = _plain(text)
    names = {w.lower() for w in _CAPITALISED_RE.findall(text[1:])} - _SCOPE_NOISE
    out = []
    for m in LINE_RE.finditer(plain):
        rest = plain[m.end():]
        content = _content_words(rest)
        after = [w for w in _WORDS_RE.findall(rest) if w in content]
        out.append((m.group(0).strip(), set(after[:LINE_OBJECT_WORDS]), set(after) & names))
    return out


def drawn_before(text: str, old_sentences: tuple[str, ...] | list[str]) -> bool:
    """Did the old text already draw every line this scope sentence draws? An old sentence about
    the document (_ABOUT_DOCUMENT_RE) draws a line when it writes the line's term and at least
    LINE_OBJECT_SHARE of the words it is drawn around: Oracle's 'addresses information we collect
    … in off-line sales and marketing activities' against its old 'This policy … describes our
    practices … as well as through offline sales and marketing activities' is a rewording, not a
    new scope; Intuit's 'applies to our business operations in the United States' against a text
    that never limited itself to a country is new, and so is a line drawn around a name the old
    sentence did not write ('also applies to … the Wal-Mart Toyland Site' against '… on the
    BabyConnection.com web site')."""
    lines = _lines(text)
    if not lines:
        return False
    about = [(_plain(t), _content_words(_plain(t))) for t in old_sentences if _ABOUT_DOCUMENT_RE.search(t)]
    return all(any(re.search(rf"\b{re.escape(term)}\b", plain)
                   and len(words & objects) >= LINE_OBJECT_SHARE * len(objects) and names <= words
                   for plain, words in about)
               for term, objects, names in lines)


def _said(ctx: Context, text: str) -> str | None:
    """The scope sentence in the third person, quoted whole when it fits; 'our' is the
    company's by name ('This statement applies to Intuit's business operations …'): after the
    document as subject, 'its' would read as the statement's own."""
    if ctx.owner:
        text = _OUR_RE.sub(f"{ctx.owner}'s", text)
    said = _owner_says(ctx, text, None, QUOTE_LIMIT)
    said = capitalise(said) if said else said
    if not said or not is_scope(said) or len(said.split()) < MIN_WORDS or not has_verb(said):
        return None
    if _GLUED_RE.search(said) or _LIST_AHEAD_RE.search(said) or _POINTS_BACK_RE.search(said):
        return None
    return said


def scope_statements(ctx: Context) -> list[Statement]:
    """A scope statement that draws a line added ('New scope: …') or reworded so that the line
    moved ('New scope: … (was: …)'). Read on every change, material or not: a sentence about the
    document has none of the practice words materiality looks for. A scope sentence dropped is
    left to the other rules (it never leads): a policy that stops saying 'applies only to …'
    has most often said its scope in other words (a restructured opening), which is no news."""
    out: list[Statement] = []
    for k, c in enumerate(ctx.changes):
        if c.kind == "moved" or _stamp_only(c) or _editors_note(c) or _merged_away(ctx, c):
            continue
        if c.kind == "added" and c.new and is_scope(c.new) and draws_line(c.new):
            said = _said(ctx, c.new)
            # a quote cut before its line ('…, except …') is no news; nor a line the old text drew
            if said and draws_line(said) and not drawn_before(c.new, ctx.old_sentences):
                out.append(Statement(_short(f"New scope: {said}", said), "other", "scope-changed", None, said, (k,)))
        elif c.kind == "reworded" and c.old and c.new and is_scope(c.new):
            s = _reworded(ctx, c.old, c.new, k)
            if s:
                out.append(s)
    return out


def _reworded(ctx: Context, old: str, new: str, k: int) -> Statement | None:
    """A scope sentence whose edit moved its line ('… in connection with its operations, both in
    stores and online, in the US and Puerto Rico (was: …)'), its old words beside it; None for an
    edit of the document's own name or case ('policy policy' -> 'Policy')."""
    window = edit_window(old, new)
    if window is None or not window[1]:
        return None
    old_words, new_words = window[2], window[3]
    if not (_content_words(old_words) ^ _content_words(new_words)) - _SCOPE_NOISE:
        return None
    listed = _listed_name(old, new)
    if listed:
        item, gone = listed
        verb = "no longer covers" if gone else "now also covers"
        return Statement(f"The policy {verb} {item}", "other", "scope-listed", item if gone else None,
                         None if gone else item, (k,))
    if not draws_line(new_words) or drawn_before(new_words, ctx.old_sentences):
        return None               # a line taken out ('…, but does not apply to …' dropped) is no new scope
    said = _said(ctx, new)
    came = third_person(_OUR_RE.sub(f"{ctx.owner}'s", window[1]) if ctx.owner else window[1], ctx.owner)
    if not said or came.lower() not in said.lower():
        return None
    was = window[0][:1].lower() + window[0][1:] if window[0][1:2].islower() else window[0]
    return Statement(_short(f"New scope: {said} (was: {was})", said), "other", "scope-changed", was, came, (k,))


# a name in a list: capitalised words, a domain ('Times Skimmer', 'XO Communications', 'webex.com')
_NAME_RE = re.compile(r"^(?:[A-Z][\w.&'’-]*|[a-z0-9-]+\.(?:com|net|org|co\.\w+))(?: (?:of |for |and |& )?[A-Z][\w.&'’-]*){0,5}$")
MAX_NAME_WORDS = 6          # a longer insertion is a clause, not an item of the list


def _listed_name(old: str, new: str) -> tuple[str, bool] | None:
    """The one name an edit took out of (True) or put into (False) the list of what a scope
    sentence covers ('…, The New York Times Neediest Cases Fund, Times Skimmer, The New York Times
    Store …' -> ('Times Skimmer', True)), or None: the lists of the two sentences, item by item,
    differ by exactly one name of a few words, on one side only."""
    old_items, new_items = _items(old), _items(new)
    gone = [i for i in old_items if i not in new_items]
    came = [i for i in new_items if i not in old_items]
    if len(gone) + len(came) != 1:
        return None
    item = (gone or came)[0]
    return (item, bool(gone)) if len(item.split()) <= MAX_NAME_WORDS and _NAME_RE.match(item) else None


def _items(sentence: str) -> list[str]:
    """The items of a sentence's lists: its pieces between commas and 'and'/'or', each without a
    leading 'and', 'or', 'including' or 'such as'."""
    pieces = re.split(r",\s*|\s+(?:and|or)\s+|\s*\(\s*|\s*\)\s*", sentence.rstrip(". "))
    return [p for p in (_LEAD_RE.sub("", x).strip() for x in pieces) if p]


_LEAD_RE = re.compile(r"^(?:(?:and|or|including|such as|the)\s+)+", re.I)


def _short(text: str, said: str) -> str:
    """A scope statement too long for a headline with its subject said as 'The policy' ('New
    scope: The policy addresses information Oracle collects at … and in off-line sales …'), so
    that no cut drops the line it draws; text as it is when it fits or has no such subject."""
    if len(text) <= HEADLINE_LIMIT:
        return text
    m = _SUBJECT_RE.match(said)
    if not m or not re.search(r"(?i)\b(?:policy|policies|statement|notice)\s+$", m.group(0)):
        return text
    return text.replace(said, "The policy " + said[m.end():], 1)
