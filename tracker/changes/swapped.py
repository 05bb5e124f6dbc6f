"""A capture that holds another of the company's documents in the policy's place: its terms and
conditions, its community guidelines, a cookie policy, or the privacy policy of another product
or audience.

Compared as text, such a pair reads as a rewrite: every promise of the policy is "dropped" and
every clause of the other document (an arbitration agreement, a fee) is "new". A reader must
learn that the page now holds another document, named, and check the capture; nothing the other
document says is a change of the policy.

A side is taken for another document only on evidence that it is one, never for its wording
alone (a policy rewritten in new words is still the policy, told as a rewrite):
- next to none of its sentences are the other side's (under SWAP_SHARED of the shorter side), and
- it names itself as another kind of document ('these terms and conditions', 'this Agreement',
  'these Terms of Service', 'this Cookie Policy': OTHER_MIN_REFERENCES times at least) and never
  as a privacy document ('this Privacy Policy'), while the other side does name itself so or is
  titled so; or
- both sides are privacy documents titled for another scope ('Advertising Technology Privacy
  Policy' beside 'Website Privacy Policy'), and the new text points to the old one by its title
  as to a document of its own (or gives the same date as the old one with other text); or
- the new text dates itself before the old one: an update never goes back in time, so a text
  mostly other and older is an older or another document (another region's, a stale copy).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from tracker.changes.normalize import date_value
from tracker.changes.rules.common import Statement

if TYPE_CHECKING:       # captures.page_check runs this module's check: no import back at run time
    from tracker.changes.captures import Held

# at most this share of the shorter side's sentences is in the other side: a capture of another
# document shares a heading or a contact line with the policy, a policy updated keeps far more
SWAP_SHARED = 0.2
# a side names itself as another kind of document this many times at least (one 'these terms' is
# a privacy policy pointing to its terms)
OTHER_MIN_REFERENCES = 2
# a side has this many sentences at least (a shorter one is a stub, said by captures.py)
SWAP_MIN_SENTENCES = 5
# a document's name is quoted up to this many characters
NAME_CHARS = 90
# words before a self-reference quoted with it when the sentence is cut ('…that they have read these T&Cs')
LEAD_CHARS = 40
# a name cut shorter than this many characters tells nothing: the headline then names no document
MIN_HEADLINE_NAME = 30
# a headline is shorter than this
HEADLINE_CHARS = 140

# a text naming itself: 'this Privacy Statement', 'these terms and conditions', 'this Agreement'
_SELF_RE = re.compile(r"(?i)\b(?:this|these)\s+((?:[\w&'’-]+\s+){0,3}?)"
                      r"(terms(?:\s+(?:and|&)\s+conditions|\s+of\s+(?:use|service))?|t&cs?|agreements?|"
                      r"guidelines|polic(?:y|ies)|statements?|notices?)\b")
# the words that make a self-reference a privacy document's ('this Privacy Notice', 'this Data
# Protection Policy')
_PRIVACY_RE = re.compile(r"(?i)privacy|data\s+protection|personal\s+(?:data|information)")
# the nouns of another kind of document, whatever words stand before them (never a bare
# 'conditions': 'under these conditions' is a privacy policy's circumstances)
_OTHER_NOUN_RE = re.compile(r"(?i)^(?:terms|t&c|agreement|guidelines)")
# the nouns that say the document's kind to a reader ('these terms and conditions', not 'these guidelines')
_KIND_NOUN_RE = re.compile(r"(?i)^(?:terms|t&c|agreement)")
# a policy, notice or statement of another kind ('this Cookie Policy', 'this Acceptable Use Policy')
_OTHER_POLICY_RE = re.compile(r"(?i)\b(?:cookies?|acceptable\s+use|community|content|copyright|refund|shipping|"
                              r"return|anti-?spam|accessibility|moderation)\b")
# a title naming a document ('Acme Website Privacy Policy', 'Terms of Service')
_TITLE_DOC_RE = re.compile(r"(?i)\b(?:polic(?:y|ies)|notice|statement|terms|conditions|agreement|guidelines|t&cs?)(?!\w)")
# the words of a privacy document's title that name no scope ('Our Global Privacy Policy')
_GENERIC_TITLE_RE = re.compile(r"(?i)\b(?:our|the|global|online|privacy|data|protection|personal|information|"
                               r"polic(?:y|ies)|notice|statement|and|of|for|updated|new|full|general)\b")


@dataclass(frozen=True)
class Reading:
    """How a side names itself: how often as a privacy document, and each time as another kind
    of document (the sentence, whether it names the kind: terms, an agreement, not guidelines, and
    where in the sentence)."""

    privacy: int
    other: tuple[tuple[str, bool, int], ...]


def read_side(sentences: Sequence[str]) -> Reading:
    """How a side's sentences name the document they are in."""
    privacy = 0
    other: list[tuple[str, bool, int]] = []
    for s in (" ".join(x.split()) for x in sentences):
        for m in _SELF_RE.finditer(s):
            words, noun = m.group(1), m.group(2)
            if _PRIVACY_RE.search(words):
                privacy += 1
            elif _OTHER_NOUN_RE.match(noun) or _OTHER_POLICY_RE.search(words):
                other.append((s, _KIND_NOUN_RE.match(noun) is not None, m.start()))
    return Reading(privacy, tuple(other))


def _shared(old: Sequence[str], new: Sequence[str]) -> float:
    """The share of the shorter side's sentences the other side holds word for word."""
    a, b = _folded(tuple(old)), _folded(tuple(new))
    return len(a & b) / max(min(len(a), len(b)), 1)


FOLDED_MEMO = 4     # versions remembered: each version of a history is one side of two consecutive pairs


@lru_cache(maxsize=FOLDED_MEMO)
def _folded(sentences: tuple[str, ...]) -> frozenset[str]:
    """A version's sentences lower-cased and single-spaced, as a set, read once per version."""
    return frozenset(" ".join(s.lower().split()) for s in sentences)


def _privacy_title(held: Held) -> str | None:
    """The side's first title naming a privacy document ('Acme Privacy Policy'), None when none."""
    return next((t for t in held.titles[:3] if _TITLE_DOC_RE.search(t) and _PRIVACY_RE.search(t)), None)


def _other_title(held: Held) -> str | None:
    """The side's title when it names a document of another kind ('Terms of Service'), None when
    its first title names none or a privacy document."""
    title = held.titles[0] if held.titles else ""
    return title if _TITLE_DOC_RE.search(title) and not _PRIVACY_RE.search(title) else None


def _other_kind(short: Held, reading: Reading, policy: Held, policy_reading: Reading) -> bool:
    """Does short name itself as another kind of document than the privacy policy that policy
    holds, and never as a privacy document? (A title naming another kind, 'Terms of Service',
    needs one self-reference to back it; none needs OTHER_MIN_REFERENCES.)"""
    if reading.privacy or not (policy_reading.privacy or _privacy_title(policy)):
        return False
    needed = 1 if _other_title(short) else OTHER_MIN_REFERENCES
    return len(reading.other) >= needed


def _scope(title: str) -> str:
    """A privacy document's title without its generic words: the product, site or audience it
    is for ('Advertising Technology'), lower-cased."""
    return " ".join(_GENERIC_TITLE_RE.sub(" ", title).lower().split())


def _other_scope(old: Held, new: Held) -> bool:
    """Are both sides privacy documents for different scopes, the new one pointing to the old one
    by its title (or dated as the old one)?"""
    t_old, t_new = _privacy_title(old), _privacy_title(new)
    if not t_old or not t_new or _scope(t_old) == _scope(t_new) or not _scope(t_old) or not _scope(t_new):
        return False
    named = t_old.lower() in " ".join(new.sentences).lower()
    return named or (_day(old.date) is not None and _day(old.date) == _day(new.date))


def _day(date: str | None) -> tuple[int, int, int] | None:
    """(year, month, day) of a capture's date, None when it gives none that can be read."""
    return date_value(date) if date else None


def _earlier(old: Held, new: Held) -> bool:
    """Does the new capture date itself before the old one? (A policy's update never goes back in
    time: a text so dated is an older or another document.)"""
    o, n = _day(old.date), _day(new.date)
    return o is not None and n is not None and n < o


def swapped_side(old: Held, new: Held) -> tuple[str, str] | None:
    """(side, evidence) when one capture holds another document of the company's than the policy
    the other holds: side 'new' (the new capture holds it) or 'old' (the way back); evidence
    'kind' (it names itself terms, an agreement), 'scope' (another product's privacy policy) or
    'earlier' (dated before the old capture). None otherwise."""
    if min(len(old.sentences), len(new.sentences)) < SWAP_MIN_SENTENCES:
        return None
    if _shared(old.sentences, new.sentences) >= SWAP_SHARED:
        return None
    r_old, r_new = read_side(old.sentences), read_side(new.sentences)
    if _other_kind(new, r_new, old, r_old):
        return "new", "kind"
    if _other_kind(old, r_old, new, r_new):
        return "old", "kind"
    if _other_scope(old, new):
        return "new", "scope"
    return ("new", "earlier") if _earlier(old, new) else None


def _cut(text: str, at: int = 0, chars: int = NAME_CHARS) -> str:
    """text quoted, cut at a word under chars; a text whose words from 'at' on (where it names
    itself) stand beyond the cut is quoted from a few words before them."""
    text = " ".join(text.split())
    if len(text) > chars and at > chars - LEAD_CHARS:
        start = text.rfind(" ", 0, max(at - LEAD_CHARS, 0)) + 1
        text = "…" + text[start:]
    if len(text) > chars:
        text = text[:chars].rsplit(" ", 1)[0].rstrip(" ,;:/.") + "…"
    return f"“{text}”"


def document_name(held: Held, chars: int = NAME_CHARS) -> str:
    """How the other document is named to a reader (quoted, under chars): its title when it names
    another kind of document, else the first sentence in which it names its kind ('Read these
    terms and conditions …'), else its privacy title (another product's policy)."""
    title = _other_title(held)
    if title:
        return _cut(title, chars=chars)
    other = read_side(held.sentences).other
    named = next((x for x in other if x[1]), other[0] if other else None)
    if named is None:
        return _cut(_privacy_title(held) or held.sentences[0], chars=chars)
    return _cut(named[0], named[2], chars)


def owners(owner: str, opening: bool = False) -> str:
    """Whose the policy is, as a reader reads it before 'policy': "Aetna's"; 'the' ('The'
    opening a sentence) when the report knows the company by no name ('The company')."""
    if owner.lower() == "the company":
        return "The" if opening else "the"
    return f"{owner}'s"


def swap_statement(swap: tuple[str, str], owner: str, old: Held, new: Held) -> Statement:
    """What a reader learns from a pair one of whose captures holds another document (swap: its
    side and the evidence): which one, and that nothing in it is reported as a change of the
    policy (said when the name leaves room: the statement is the headline, under HEADLINE_CHARS)."""
    side, evidence = swap
    other = new if side == "new" else old
    if evidence == "earlier":
        lead = (f"The new capture holds an older document than {owners(owner)} policy, dated {new.date} "
                f"(was: {old.date}): ")
        tail = "; nothing is reported as removed"
    elif side == "new":
        lead = f"The new capture holds another document, not {owners(owner)} privacy policy: "
        tail = "; nothing is reported as removed"
    else:
        lead = f"{owners(owner, True)} privacy policy is back after a capture of another document: "
        tail = "; nothing is reported as new"
    text = lead + document_name(other) + tail
    if len(text) >= HEADLINE_CHARS:     # the name, cut to fit, says more than the tail
        room = HEADLINE_CHARS - len(lead) - 3      # the quote marks and the ellipsis
        text = lead + document_name(other, room) if room >= MIN_HEADLINE_NAME else lead.rstrip(": ") + tail
    return Statement(text, "policy-changes", "page-summary", None, None, (), text)
