"""What the edit of a reworded sentence put into a list or took out of it, said with the
sentence's own subject and verb.

A reworded sentence is often news only because of the few words its edit brought in: 'Verizon
obtains information from outside companies including demographic and interest data' gaining
', as well as information such as device type, carrier, city and state' is 'Verizon now also
obtains information such as device type, carrier, city and state', not the sentence restated.
An item dropped from a list is said the other way ('Acme no longer collects checking account
information'); an item added to what a policy excludes narrows its scope ('The policy no longer
applies to its MapQuest affiliates'); an item of a list in the subject is named with that list
('No longer names MapQuest among some Verizon services and apps that have …').

Only one edit counts: the words of the two sentences are compared with singulars and plurals
and punctuation taken as equal, and exactly one run of words must be only in the new sentence
(or only in the old one), joined to its neighbours by 'and', 'or', a comma or 'as well as'.
Anything else (a clause, a swapped verb, a negation) is left to tracker.changes.edits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tracker.changes.lists import (
    _ADVERBS, _AUX, _BOUNDARY, _CONNECTORS, _DETERMINERS, _FINITE_RE, _MAX_ITEM_WORDS, _PREPOSITIONS, _PRONOUNS,
    _SUBORDINATE, _VERB_RE, _conditional, _head_after, _item_edges, _join, _list_start, _plain_subject, _predicate,
    _asides, _real_verb, _skip_examples, _strip_connectors, _verb_group, _without_asides, _words, one_edit,
)
from tracker.changes.phrasing import _third_person_verb, capitalise, third_person
from tracker.changes.report import Change

_SCOPE_VERB_RE = re.compile(r"(?i)^(?:apply|applies|cover|covers|govern|governs|extend|extends)$")
LIMIT = 170


def _subject_of(tokens: list[str], owner: str) -> str | None:
    """The subject of the sentence's first clause ('The policy'), for a later 'it'."""
    for k, t in enumerate(tokens[:10]):
        if t.lower() in _AUX or (k > 0 and _VERB_RE.match(t)):
            subject = _join(tokens[:k])
            return None if not subject or subject.lower() in _PRONOUNS else third_person(subject, owner)
        if t in _BOUNDARY:
            return None
    return None


def _agree(subject: str, group: list[str], owner: str) -> tuple[str, list[str]]:
    """The subject in the third person and its verb agreeing ('we collect' -> 'Acme collects')."""
    if subject.lower() != "we":
        return subject, group
    lead = next((n for n, w in enumerate(group) if w.lower() not in _ADVERBS), None)
    if lead is not None:
        group = group[:lead] + [_third_person_verb(group[lead])] + group[lead + 1:]
    return owner, group


def _said(subject: str, group: list[str], rest: str, item: str, added: bool) -> str:
    """'Verizon now also obtains …', 'Verizon may now also share … with B', 'Verizon no longer
    says it may share … with B', 'The policy no longer applies to …'."""
    words = [w for w in group if w.lower() in ("not", "never") or not (
        w.lower() in _ADVERBS or (w.lower().endswith("ly") and len(w) > 5 and not _VERB_RE.match(w)))]
    aux = [w for w in words[:-1]] if len(words) > 1 else []
    verb = words[-1]
    negated = any(a.lower() in ("not", "never", "cannot") or a.lower().endswith("n't") for a in aux)
    pron = "they" if subject.lower() in ("they", "you") or (subject.endswith("s") and not subject[:1].isupper()) else "it"
    tail = f"{rest} {item}".strip()
    if negated and _SCOPE_VERB_RE.match(verb):          # an exclusion widened or narrowed: the scope
        verb = _third_person_verb(verb) if pron == "it" else verb
        return f"{subject} {'no longer' if added else 'now'} {verb} {tail}"
    if negated:
        return f"{subject} {'now also' if added else 'no longer'} says {pron} {' '.join(aux)} {verb} {tail}"
    if added:
        return (f"{subject} {aux[0]} now also {' '.join(aux[1:] + [verb])} {tail}" if aux
                else f"{subject} now also {verb} {tail}")
    if not aux:
        return f"{subject} no longer {verb} {tail}"
    if aux[0].lower() in ("can", "is", "are", "has", "have"):
        return f"{subject} {aux[0]} no longer {' '.join(aux[1:] + [verb])} {tail}"
    return f"{subject} no longer says {pron} {' '.join(aux)} {verb} {tail}"


def _listed_in_subject(tokens: list[str], start: int, j: int, item: str, added: bool) -> str | None:
    """An item of a list inside the subject ('some Verizon services and apps such as go90,
    MapQuest, hum … have …'): 'No longer names MapQuest among some Verizon services and apps
    that have …'."""
    k = start
    while k > 0 and tokens[k - 1].lower() in ("such", "as", "including", "like", ","):
        k -= 1
    s = k
    while s > 0 and tokens[s - 1] not in _BOUNDARY and tokens[s - 1].lower() not in _BOUNDARY:
        s -= 1
    before = tokens[s:k]
    if not before or len(_words(before)) > 8 or before[0].lower() in _PREPOSITIONS \
            or any(t.lower() in ("not", "limited", "no") for t in before):
        return None
    k = j
    while k < len(tokens) and (tokens[k] in _CONNECTORS or tokens[k][:1].isalnum()) and tokens[k].lower() not in _AUX \
            and not (_VERB_RE.match(tokens[k]) and tokens[k - 1].lower() not in _CONNECTORS):
        k += 1                              # past the rest of the list to the clause's verb
    rest = tokens[k:]
    rest = rest[:next((n for n, t in enumerate(rest) if t in ".;:"), len(rest))]
    tail = f" that {_join(rest)}" if rest and (rest[0].lower() in _AUX or _VERB_RE.match(rest[0])) \
        and len(_words(rest)) <= 10 else ""
    return f"{'Now also names' if added else 'No longer names'} {item} among {_join(before)}{tail}"


_SHARE_VERB_RE = re.compile(r"(?i)^(?:share|disclose|sell|rent|trade|transfer|provide|give|make)")
_USE_VERB_RE = re.compile(r"(?i)^(?:collect|obtain|receive|gather|use|process|track|combine|analy|infer|record|log|store|"
                          r"retain|keep|derive|append|access|link|associate)")


def item_statement(owner: str, c: Change) -> tuple[str, str | None, str | None] | None:
    """The item a reworded sentence's one edit added to a list or dropped from it, said with the
    subject and verb of its clause: (text, old value, new value), or None when the edit is not
    one such item or no clean statement comes out."""
    found = _item(owner, c.old or "", c.new or "")
    return found[:3] if found else None


def item_short(owner: str, c: Change, text: str, limit: int) -> str | None:
    """The headline form of an item statement too long for a headline ('Acme may now also share
    information with advertising providers'); '' when it fits or has none, None for no item."""
    found = _item(owner, c.old or "", c.new or "")
    if not found or found[0] != text:
        return None
    return found[5] if len(text) > limit and found[5] and len(found[5]) <= limit else ""


def item_impact(owner: str, c: Change) -> str | None:
    """The impact level of an item put into or taken out of a list of what the company does:
    data now also shared ('sharing-widened') or no longer ('sharing-narrowed'), now also
    collected or used ('collection-widened'), the policy no longer applying to someone
    ('promise-narrowed': its commitments cover fewer people); None for any other item."""
    found = _item(owner, c.old or "", c.new or "")
    if not found:
        return None
    added, verb, negated = found[2] is not None, found[3], found[4]
    if _SCOPE_VERB_RE.match(verb):          # whom the policy covers: fewer is a narrowed promise
        return "promise-narrowed" if added == negated else "practice-changed"
    if negated:
        return None                         # a negated practice: 'will not sell … to C' is no widening
    if _SHARE_VERB_RE.match(verb):
        return "sharing-widened" if added else "sharing-narrowed"
    if _USE_VERB_RE.match(verb) and added:
        return "collection-widened"
    return None


_Found = tuple[str, "str | None", "str | None", str, bool, str]
_PREP_HEADS = _PREPOSITIONS - {"as", "like", "including", "of"}


@dataclass(frozen=True)
class _Item:
    """An item of a list, found: the sentence's tokens, the item's span [i, j), where its joint
    to the list starts, where the list starts and why the walk stopped there, and its words."""

    tokens: list[str]
    i: int
    j: int
    joint: int
    start: int
    why: str
    text: str
    added: bool


def _find_item(old: str, new: str, owner: str) -> _Item | None:
    """The item the one edit of old -> new put into a list or took out, or None."""
    edit = one_edit(old, new)
    if edit is None:
        return None
    side, tokens, i, j = edit
    joint, i, j, joined = _strip_connectors(tokens, _skip_examples(tokens, i, j), j)
    item_tokens = tokens[i:j]
    item = _join(item_tokens)
    if not joined or not item_tokens or _predicate(item_tokens) or not _item_edges(tokens, joint, i, j) \
            or len(_words(item_tokens)) > _MAX_ITEM_WORDS or _FINITE_RE.search(item) or '"' in item or "“" in item \
            or not re.search(r"[A-Za-z]{2}", item):
        return None
    if joint < i and not any(t.lower() in ("and", "or", "as", "plus", "/") for t in tokens[joint:i]) \
            and not (j < len(tokens) and tokens[j].lower() in _CONNECTORS):
        return None                         # ', subject to …' joined by a comma alone, last: no item of a list
    if joint < i and j < len(tokens):
        item = _join(item_tokens + _head_after(tokens, j))    # 'Oath or MapQuest' + 'affiliates'
    start, why = _list_start(tokens, joint)
    if why == "negated":
        return None
    if "well" in (t.lower() for t in tokens[joint:i]):
        start, why = joint, "far"           # '…, as well as X': X joins the verb's object, not the last list
    return _Item(tokens, i, j, joint, start, why, third_person(item, owner), side == "+")


def _verb_end(tokens: list[str], g: int) -> int:
    """The verb of the group starting at g: past its auxiliaries and adverbs."""
    v = g
    while v < len(tokens) and (tokens[v].lower() in _AUX or tokens[v].lower() in _ADVERBS
                               or (tokens[v].lower().endswith("ly") and len(tokens[v]) > 5
                                   and not _VERB_RE.match(tokens[v]))):
        v += 1
    return v


@lru_cache(maxsize=1024)
def _item(owner: str, old: str, new: str) -> _Found | None:
    """item_statement with the verb of the clause, whether it is negated and a headline form
    (memoised: the practice and rewording rules and the impact ask for the same sentence)."""
    it = _find_item(old, new, owner)
    if it is None:
        return None
    tokens = it.tokens
    found = _verb_group(tokens, it.start if it.why != "far" else it.joint)
    if found is None:
        said = _listed_in_subject(tokens, it.start, it.j, it.text, it.added) if it.why == "examples" else None
        return _finish(said, it.text, it.added)
    s, g = found
    v = _verb_end(tokens, g)
    if v >= len(tokens) or not tokens[v][:1].isalpha() or _conditional(tokens, s) or not _plain_subject(tokens[s:g]) \
            or not _real_verb(tokens, g, v) or (s > 0 and tokens[s - 1].lower() in _SUBORDINATE):
        return None                         # a condition, or a clause inside another: 'information that we receive …'
    subject = _join(tokens[s:g])
    if subject.lower() in ("it", "they") and s > 0:
        subject = _subject_of(tokens, owner) or ""
    if not subject:
        return None
    subject, group = _agree(subject, tokens[g:v + 1], owner)
    subject = capitalise(third_person(subject, owner))
    if it.why == "examples" and (not it.added or any(t.lower() in _PREP_HEADS for t in tokens[v + 1:it.start])):
        return _with_examples(it, subject, group, v, owner)
    rest = _rest(it, v)
    if rest is None:
        return None
    said = _said(subject, group, third_person(_join(rest[0]), owner), it.text, it.added)
    return _finish(f"{said}, {third_person(rest[1], owner)}" if rest[1] else said, it.text, it.added, group)


def _with_examples(it: _Item, subject: str, group: list[str], v: int, owner: str) -> _Found | None:
    """An item of a list of examples: 'Acme collects payment information, no longer including
    checking accounts'; 'Acme may share data with vendors providing services to it, now also
    including advertising providers' (headline form: 'Acme may now also share data with …')."""
    k = it.start
    while k > v + 1 and it.tokens[k - 1].lower() in ("such", "as", "including", "like", ","):
        k -= 1
    kept = _without_asides(it.tokens[v + 1:k])
    if not kept or any(t in ("(", "-", "–", "—") or t.lower() in ("not", "never") for t in kept):
        return None
    rest = third_person(_join(kept), owner)
    change = "now also" if it.added else "no longer"
    prep = next((n for n, t in enumerate(kept) if t.lower() in _PREP_HEADS), None)
    short = _said(subject, group, third_person(_join(kept[:prep + 1]), owner), it.text, it.added) \
        if it.added and prep is not None and prep <= 3 else ""
    return _finish(f"{subject} {' '.join(group)} {rest}, {change} including {it.text}", it.text, it.added, group, short)


def _rest(it: _Item, v: int) -> tuple[list[str], str] | None:
    """The words between the verb and the item that the statement keeps ('share your data with')
    and an aside among them said after the item ('on an anonymous basis'), or None when the list
    is not the verb's own object."""
    tokens, first = it.tokens, it.tokens[it.i].lower()
    end = it.start
    if first in _PREPOSITIONS:             # 'to improve it' + 'and to show you ads': the verb's object only
        preps = [p for p in range(v + 1, it.joint) if tokens[p].lower() in _PREP_HEADS]
        same = [p for p in preps if tokens[p].lower() == first]
        end = same[0] if same else preps[-1] if preps else it.start
    between = tokens[v + 1:end] if it.why in ("word", "clause") else []
    rest = _without_asides(between)
    if rest is None or any(t in (",", "(", "-", "–", "—") or t.lower() in ("not", "never", "such", "including")
                           or not re.match(r"[\w'’&.]", t) for t in rest):
        return None
    if rest and rest[-1].lower() in _DETERMINERS and first in _DETERMINERS:
        rest = rest[:-1]                   # 'with the' + 'the Swiss-U.S. Privacy Shield Framework'
    return rest, _asides(between)


def _finish(said: str | None, item: str, added: bool, group: list[str] | None = None,
            short: str = "") -> _Found | None:
    """The statement tidied, or None when it is too long or does not read as a sentence."""
    if not said or len(said) > LIMIT:
        return None
    group = group or []
    negated = any(w.lower() in ("not", "never", "cannot") or w.lower().endswith("n't") for w in group)
    said = re.sub(r"\s+", " ", capitalise(said)).strip()
    if re.search(r"(?i)\b(\w+) \1\b", said) or said.rstrip().endswith((" to", " a", " the", " of", " with")):
        return None                         # 'ensure ensure', '… to register for': no clean sentence
    said = re.sub(r"\b([Aa]) (?=[aeioAEIO])", r"\1n ", said)          # 'a' + 'instant message'
    short = re.sub(r"\s+", " ", capitalise(short)).strip()
    return said, (None if added else item), (item if added else None), (group[-1] if group else ""), negated, short
