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
from difflib import SequenceMatcher
from functools import lru_cache

from tracker.changes.phrasing import _third_person_verb, capitalise, third_person, tidy
from tracker.changes.report import Change

_TOKEN_RE = re.compile(r"\w+(?:['’.-]\w+)*\+?|[^\w\s]")
_CONNECTORS = frozenset({",", "and", "or", "plus", "&", "/"})
# words that end a list on its left: what the list is the object or the examples of
_DETERMINERS = frozenset("our your its their the a an this these those any all some certain other such each every "
                         "my his her".split())
_PREPOSITIONS = frozenset("to with from by for about of on in at via through into onto over under between among "
                          "across within without than like including as".split())
_AUX = frozenset("will may might can could should would must shall does do did is are was were has have had "
                 "cannot".split())
_PRONOUNS = frozenset({"we", "you", "it", "they", "he", "she", "him", "her", "them", "us", "me"})
_VERBS = ("collect|use|share|disclose|receive|obtain|store|retain|keep|track|sell|rent|trade|analy[sz]e|process|"
          "gather|record|log|combine|link|associate|transfer|provide|offer|send|allow|permit|let|help|include|"
          "contain|require|ask|give|make|display|show|place|set|serve|read|access|maintain|protect|operate|"
          "request|apply|cover|govern|extend|infer|derive|append|supplement|publish|post|delete|remove|"
          "notify|contact|work|rely|participate|support|accept|recognize|honor|respond|deliver|"
          "personali[sz]e|customi[sz]e|target|measure|report|license|host|hold|own|control|buy|purchase|"
          "verify|check|monitor|review|learn|see|view|enable|edit|manage|update|correct|modify|improve|"
          "understand|create|deactivate|reset|refuse|indicate|ensure|detect|prevent|investigate|enforce|comply|"
          "communicate|fulfill|complete|conduct|develop|test|aggregate|de-identify|anonymi[sz]e|utili[sz]e|start|"
          "stop|choose|opt|object|withdraw|restrict|limit|export|download|upload|sign|visit|browse|click|"
          "interact|identify|authenticate|tailor|suggest|recommend|invite|promote|advertise|market|"
          "may|will|can|might|could|must|shall")
_VERB_RE = re.compile(rf"(?i)^(?:(?:{_VERBS})(?:s|es|ed|d)?|(?:appl|suppl|rel|verif|notif|appl)(?:ies|ied))$")
_CLAUSE_WORDS = frozenset("except unless but which that who whom whose where when if because while although "
                          "whereas so how what why whether".split())
# what opens an aside or a comment, never an item of a list ('…, for example, …', '…, even in aggregate, …')
_SUBORDINATE = frozenset("that which who whom whose where when if because while although whereas how what why "
                         "whether unless once until before after".split())
_ASIDE_WORDS = frozenset("such including like for e.g. i.e. even especially particularly only also otherwise "
                         "namely specifically respectively not never as".split())
_FINITE_RE = re.compile(r"(?i)\b(?:is|are|was|were|will|may|can|must|might|could|should|would|we|they|"
                        r"has|have|had|do|does|did|that|which|who|if|when|where|because|not|never|no)\b|n't\b")
_EXAMPLE_WORDS = ("such as", "including", "like", "e.g.", "for example", "for instance", "including but not limited to")
_SCOPE_VERB_RE = re.compile(r"(?i)^(?:apply|applies|cover|covers|govern|governs|extend|extends)$")
_MAX_ITEM_WORDS = 14
_MAX_LIST_WORDS = 16
LIMIT = 170


def _norm(token: str) -> str:
    """A token as compared: lower case, a plural as its singular, punctuation as one mark."""
    t = token.lower()
    if not t[:1].isalnum():
        return "," if t in ",;" else t
    if len(t) > 4 and t.endswith("ies"):
        return t[:-3] + "y"
    if len(t) > 3 and t.endswith("s") and not t.endswith("ss"):
        return t[:-1]
    return t


def _words(tokens: list[str]) -> list[str]:
    return [t for t in tokens if t[:1].isalnum()]


def _join(tokens: list[str]) -> str:
    """Tokens back into text: no space before a closing mark or after an opening one."""
    out = ""
    for t in tokens:
        if out and not (t in ",.;:!?)]”’" or out.endswith(("(", "[", "“", "‘"))):
            out += " "
        out += t
    return out


def _joints_only(tokens: list[str]) -> bool:
    """Only punctuation and 'and'/'or': a list rejoined, not an edit ('A and B' -> 'A, B and C')."""
    return all(not t[:1].isalnum() or t.lower() in _CONNECTORS for t in tokens)


def one_edit(old: str, new: str) -> tuple[str, list[str], int, int] | None:
    """The one run of words only one side has: ('+', new tokens, start, end) for words added,
    ('-', old tokens, start, end) for words dropped; None for any other edit. Runs of
    punctuation only and a word turned plural or singular are no edit."""
    a, b = _TOKEN_RE.findall(tidy(old)), _TOKEN_RE.findall(tidy(new))
    if len(a) > 400 or len(b) > 400:
        return None
    ops = [o for o in SequenceMatcher(None, [_norm(t) for t in a], [_norm(t) for t in b], autojunk=False).get_opcodes()
           if o[0] != "equal" and not _joints_only(a[o[1]:o[2]] + b[o[3]:o[4]])]
    if len(ops) != 1:
        return None
    op, i1, i2, j1, j2 = ops[0]
    if op == "insert" or (op == "replace" and not _words(a[i1:i2])):
        return "+", b, j1, j2
    if op == "delete" or (op == "replace" and not _words(b[j1:j2])):
        return "-", a, i1, i2
    return None


def _strip_connectors(tokens: list[str], i: int, j: int) -> tuple[int, int, int, bool]:
    """The item inside the run [i, j): without the 'and', 'or', commas and 'as well as' that
    join it to the list, and whether such a joint was there (inside the run or around it)."""
    joined, i0 = False, i
    while i < j:
        if tokens[i].lower() in _CONNECTORS:
            i, joined = i + 1, True
        elif [t.lower() for t in tokens[i:i + 3]] == ["as", "well", "as"]:
            i, joined = i + 3, True
        else:
            break
    while j > i and (tokens[j - 1].lower() in _CONNECTORS or tokens[j - 1].lower() in ("respectively", "too", "also")):
        j, joined = j - 1, True
    around = (i > 0 and tokens[i - 1].lower() in _CONNECTORS) or (j < len(tokens) and tokens[j].lower() in _CONNECTORS)
    joint = i0 if i0 < i else i - 1 if i > 0 and tokens[i - 1].lower() in _CONNECTORS else i
    if joint == i:                          # the first item of a list: only 'and'/'or' after it joins it
        right = [t.lower() for t in tokens[j:j + 2]]
        joined = any(t in ("and", "or") for t in right[:1]) or right[:2] in ([",", "and"], [",", "or"])
        return joint, i, j, joined
    return joint, i, j, joined or around


def _skip_examples(tokens: list[str], i: int, j: int) -> int:
    """Past a parenthesis of examples that opens the run ('(such as gender, age range), as well
    as …'): the item is what follows it."""
    if tokens[i] != "(":
        return i
    depth = 0
    for k in range(i, j):
        depth += tokens[k] == "(" or -(tokens[k] == ")")
        if depth == 0:
            return k + 1
    return i


def _list_start(tokens: list[str], i: int) -> tuple[int, str]:
    """Where the list holding the item at i starts, and what stopped the walk leftwards:
    'word' (a determiner, preposition or verb, kept before the list), 'examples' ('such as',
    'including'), 'clause' (the clause starts with the list) or 'far' (no list found near)."""
    k, seen = i - 1, 0
    while k >= 0:
        t, low = tokens[k], tokens[k].lower()
        if t == ")":                        # '(EU) member countries': a parenthesis inside an item
            depth = 0
            while k >= 0:
                depth += (tokens[k] == ")") - (tokens[k] == "(")
                if depth == 0:
                    break
                k -= 1
            k -= 1
            continue
        if t in "();:" or low in _CLAUSE_WORDS:
            return (k + 1, "clause") if t in ";:" or low in _CLAUSE_WORDS else (i, "far")
        if low in ("as", "including", "like") and (low != "as" or (k > 0 and tokens[k - 1].lower() == "such")):
            return k + 1, "examples"
        if low in ("not", "never"):
            return i, "negated"             # 'committed to not sharing … and X': a negation inside the phrase
        gerund = _gerund(t) and k + 1 < len(tokens) and (tokens[k + 1].lower() in _DETERMINERS
                                                          or tokens[k + 1].lower() in _PRONOUNS)
        if low in _DETERMINERS or low in _PREPOSITIONS or low in _AUX or low in _PRONOUNS or gerund \
                or (_VERB_RE.match(t) and not (k > 0 and tokens[k - 1].lower() in _DETERMINERS)):
            return k + 1, "word"
        seen += t[:1].isalnum()
        if seen > _MAX_LIST_WORDS:
            return i, "far"
        k -= 1
    return 0, "clause"


def _gerund(t: str) -> bool:
    """'sharing', 'logging', 'storing': a verb's -ing form."""
    low = t.lower()
    if not low.endswith("ing") or len(low) < 6:
        return False
    base = low[:-3]
    return bool(_VERB_RE.match(base) or _VERB_RE.match(base + "e") or _VERB_RE.match(base[:-1]))


_ADVERBS = frozenset({"also", "only", "now", "then", "still", "not", "never", "generally", "usually", "often",
                      "sometimes", "currently", "further", "additionally"})
_BOUNDARY = frozenset({",", ";", ":", "(", ")", "."}) | _CLAUSE_WORDS


def _verb_group(tokens: list[str], end: int) -> tuple[int, int] | None:
    """The subject and verb nearest left of position end in its clause: (subject start, verb
    group start), the verb group being its auxiliaries and verb ('does not apply', 'may share').
    A verb counts only after a subject of at most eight words that starts the clause."""
    for k in range(end - 1, -1, -1):
        t = tokens[k]
        if t in (";", ":") or t.lower() in _CLAUSE_WORDS:
            return None
        if not (_VERB_RE.match(t) or t.lower() in _AUX):
            continue
        g = k
        while g > 0 and (tokens[g - 1].lower() in _AUX or tokens[g - 1].lower() in _ADVERBS):
            g -= 1
        s = g
        while s > 0 and tokens[s - 1] not in _BOUNDARY and tokens[s - 1].lower() not in _BOUNDARY \
                and tokens[s - 1].lower() not in _PREPOSITIONS - {"of"}:
            s -= 1
        subject = tokens[s:g]
        if any(t.lower() in _AUX for t in subject):
            continue                        # 'we may also disclose and otherwise use': the verb is further left
        if subject and len(_words(subject)) <= 8 and (s == 0 or tokens[s - 1] in _BOUNDARY
                                                      or tokens[s - 1].lower() in _BOUNDARY) \
                and subject[0].lower() not in _DETERMINERS - {"the", "our", "your", "some", "any", "certain", "these",
                                                              "this", "its", "their", "all"} | {"and", "or"}:
            return s, g
    return None


def _head_after(tokens: list[str], j: int) -> list[str]:
    """Lower-case words right after an item that they modify ('Oath or MapQuest' + 'affiliates')."""
    out: list[str] = []
    for t in tokens[j:j + 3]:
        low = t.lower()
        if not t[:1].isalpha() or not t.islower() or low in _CONNECTORS or low in _PREPOSITIONS \
                or low in _DETERMINERS or low in _AUX or low in _CLAUSE_WORDS or _VERB_RE.match(t) \
                or low in _PRONOUNS or low.endswith(("ed", "ly")) or (_gerund(t) and len(out) < 2 and any(
                    x.lower() in _PRONOUNS or x.lower() in _DETERMINERS for x in tokens[j + len(out) + 1:j + len(out) + 2])):
            break
        out.append(t)
    return out


_CONDITION_WORDS = frozenset({"if", "when", "unless", "once", "whenever", "where", "while", "although", "because",
                              "until", "before", "after", "whether"})


def _conditional(tokens: list[str], s: int) -> bool:
    """The clause starting at s sits inside a condition: 'if'/'when' before it, no comma between."""
    for k in range(s - 1, -1, -1):
        if tokens[k] in (",", ";", ":"):
            return False
        if tokens[k].lower() in _CONDITION_WORDS:
            return True
    return False


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


def _examples_of(tokens: list[str], verb_end: int, start: int) -> str:
    """What a list of examples is examples of: the last noun phrase between the verb and 'such
    as' ('your name and payment method information' -> 'payment method information')."""
    k = start
    while k > verb_end and tokens[k - 1].lower() in ("such", "as", "including", "like", ","):
        k -= 1
    head = tokens[verb_end:k]
    for n in range(len(head) - 1, -1, -1):
        if head[n].lower() in _CONNECTORS or head[n].lower() in _DETERMINERS or head[n].lower() in _PREPOSITIONS:
            head = head[n + 1:]
            break
    return _join(head) if 0 < len(head) <= 5 and all(t[:1].isalnum() for t in head) else ""


def _without_asides(tokens: list[str]) -> list[str] | None:
    """Words between a verb and its list without an aside set off by commas ('use, on an
    anonymous basis, movie ratings' -> 'use'); None when a comma sets off anything else."""
    out = list(tokens)
    while "," in out:
        a = out.index(",")
        b = next((k for k in range(a + 1, len(out)) if out[k] == ","), len(out))
        aside = out[a + 1:b]
        if not aside or aside[0].lower() not in _PREPOSITIONS - {"as", "like", "including", "of"} or len(_words(aside)) > 6:
            return None
        out = out[:a] + out[b + 1:]
    return out


_SUBJECT_LEAD = frozenset({"we", "you", "they", "it", "the", "our", "your", "this", "these", "some", "certain", "any",
                           "all", "such", "each", "other", "third-party", "third", "personal", "information", "data"})


def _plain_subject(words: list[str]) -> bool:
    """A subject that stands alone: a pronoun, a name or a determiner and its noun, at most six
    words, with no verb, auxiliary, joint or second pronoun in it ('Redeem or', 'Case we', 'Please')."""
    if not words or len(words) > 6 or words[0].lower() in ("please", "and", "or", "but", "so"):
        return False
    if not (words[0][:1].isupper() or words[0].lower() in _SUBJECT_LEAD):
        return False
    if len(words) == 1 and not (words[0][:1].isupper() or words[0].lower() in _PRONOUNS):
        return False                        # 'the' alone: 'we start the process of …'
    if any(w.lower() in ("not", "limited") for w in words):
        return False
    inner = [w.lower() for w in words[1:]]
    return not any(w in _CONNECTORS or w in _PRONOUNS or w in _AUX or w in _PREPOSITIONS - {"of"} for w in inner) \
        and not any(_VERB_RE.match(w) and not w[:1].isupper() for w in words[1:])


def _real_verb(tokens: list[str], g: int, v: int) -> bool:
    """The verb of the group reads as a finite verb: after an auxiliary any form, alone a
    present form (never a bare participle: 'Personal information collected in …')."""
    verb = tokens[v].lower()
    if not tokens[v].islower() or verb in _DETERMINERS or verb in _PRONOUNS or verb in _PREPOSITIONS:
        return False                        # 'Target Stores', 'we do this'
    auxes = {t.lower() for t in tokens[g:v]} & _AUX
    if auxes and auxes <= {"is", "are", "was", "were"} and not verb.endswith(("ed", "en", "ing")):
        return False                        # 'Some examples are contacts …': a copula and its noun
    if not _VERB_RE.match(tokens[v]) and not auxes:
        return False
    return v > g or not verb.endswith("ed")


def _item_edges(tokens: list[str], joint: int, i: int, j: int) -> bool:
    """The item is a whole item of its list: it opens with no aside word, holds no parenthesis or
    dash, and each side not joined to the list is a boundary of the phrase ('The Washington
    Post [Company] and …' is part of a name; 'a strong [and unique] Master Password' a modifier)."""
    item = tokens[i:j]
    if item[0].lower() in _ASIDE_WORDS or any(t in "()-–—" for t in item):
        return False

    def boundary(t: str) -> bool:
        low = t.lower()
        return (not t[:1].isalnum() or low in _CONNECTORS or low in _PREPOSITIONS or low in _DETERMINERS
                or low in _AUX or low in _CLAUSE_WORDS or low in _PRONOUNS or bool(_VERB_RE.match(t)))
    if joint == i:                          # joined on the right only: it must start a phrase, and so must the next item
        nxt = next((t for t in tokens[j:j + 3] if t.lower() not in _CONNECTORS), "")
        return i == 0 or (boundary(tokens[i - 1]) and not (nxt.lower() in _PRONOUNS or nxt.lower() in _AUX
                                                            or _VERB_RE.match(nxt)))
    if j < len(tokens) and not boundary(tokens[j]) and not _head_after(tokens, j):
        return False                        # a modifier whose noun is not said with it
    after = tokens[j:j + 1] + _head_after(tokens, j)[-1:]
    nxt = tokens[j + len(_head_after(tokens, j))] if j + len(_head_after(tokens, j)) < len(tokens) else ""
    if nxt and (nxt.lower() in _AUX or (_VERB_RE.match(nxt) and nxt.islower() and not after[0] in _CONNECTORS)):
        return False                        # 'your friends and subscribers see them': the list is a subject
    commas_only = all(t == "," for t in tokens[joint:i])
    if commas_only and item[0].lower() in _PREPOSITIONS:
        return False                        # ', in aggregate,': an aside, not an item
    return True


def _predicate(item: list[str]) -> bool:
    """Words that make a predicate or a clause, not an item: 'processed on its behalf by …',
    'recognize you', 'services Google provides on Android devices'."""
    first = item[0].lower()
    if first in _PREPOSITIONS:
        return False                        # 'to show you ads': a purpose, an item of a list of purposes
    if _VERB_RE.match(item[0]) or (first.endswith("ed") and first not in ("need", "feed", "seed", "speed")):
        return True
    return any(_VERB_RE.match(t) and t.lower().endswith("s") and (item[n][:1].isupper() or item[n].lower() in _PRONOUNS)
               for n, t in enumerate(item[1:]))


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
    collected or used ('collection-widened'); None for any other item."""
    found = _item(owner, c.old or "", c.new or "")
    if not found or found[4]:
        return None                         # a negated practice: 'will not sell … to C' is no widening
    added, verb = found[2] is not None, found[3]
    if _SHARE_VERB_RE.match(verb):
        return "sharing-widened" if added else "sharing-narrowed"
    if _USE_VERB_RE.match(verb) and added:
        return "collection-widened"
    return None


@lru_cache(maxsize=1024)
def _item(owner: str, old: str, new: str) -> tuple[str, str | None, str | None, str, bool, str] | None:
    """item_statement with the verb of the clause and whether it is negated (memoised: the
    practice and rewording rules and the impact ask for the same sentence)."""
    edit = one_edit(old, new)
    if edit is None:
        return None
    side, tokens, i, j = edit
    added = side == "+"
    joint, i, j, joined = _strip_connectors(tokens, _skip_examples(tokens, i, j), j)
    item_tokens = tokens[i:j]
    item = _join(item_tokens)
    if not joined or not item_tokens or _predicate(item_tokens) or not _item_edges(tokens, joint, i, j) or len(_words(item_tokens)) > _MAX_ITEM_WORDS or _FINITE_RE.search(item) \
            or item.count("(") != item.count(")") or '"' in item or "“" in item or not re.search(r"[A-Za-z]{2}", item):
        return None
    if joint < i and j < len(tokens):
        item = _join(item_tokens + _head_after(tokens, j))    # 'Oath or MapQuest' + 'affiliates'
    start, why = _list_start(tokens, joint)
    if why == "negated":
        return None
    if "well" in (t.lower() for t in tokens[joint:i]):
        start, why = joint, "far"           # '…, as well as X': X joins the verb's object, not the last list
    item = third_person(item, owner)
    found = _verb_group(tokens, start if why != "far" else joint)
    if found is None:
        return _finish(_listed_in_subject(tokens, start, j, item, added) if why == "examples" else None, item, added)
    s, g = found
    if _conditional(tokens, s):
        return None                         # 'If we learn that we have collected …': a condition, not a practice
    v = g
    while v < len(tokens) and (tokens[v].lower() in _AUX or tokens[v].lower() in _ADVERBS
                               or (tokens[v].lower().endswith("ly") and len(tokens[v]) > 5 and not _VERB_RE.match(tokens[v]))):
        v += 1
    if v >= len(tokens) or not tokens[v][:1].isalpha():
        return None
    if not _plain_subject(tokens[s:g]) or not _real_verb(tokens, g, v) \
            or (s > 0 and tokens[s - 1].lower() in _SUBORDINATE):
        return None                         # 'information that we receive via …': a clause inside another
    subject = _join(tokens[s:g])
    if subject.lower() in ("it", "they") and s > 0:
        subject = _subject_of(tokens, owner) or ""
    if not subject:
        return None
    subject, group = _agree(subject, tokens[g:v + 1], owner)
    subject = capitalise(third_person(subject, owner))
    if why == "examples" and (not added or any(t.lower() in _PREPOSITIONS - {"as", "like", "including", "of"}
                                               for t in tokens[v + 1:start])):
        # 'Acme collects payment information, no longer including checking accounts'; 'Acme may share
        # data with vendors providing services to it, now also including advertising providers'
        k = start
        while k > v + 1 and tokens[k - 1].lower() in ("such", "as", "including", "like", ","):
            k -= 1
        kept = _without_asides(tokens[v + 1:k])
        if not kept or any(t in ("(", "-", "–", "—") or t.lower() in ("not", "never") for t in kept):
            return None
        rest = third_person(_join(kept), owner)
        change = "now also" if added else "no longer"
        prep = next((n for n, t in enumerate(kept) if t.lower() in _PREPOSITIONS - {"as", "like", "including", "of"}), None)
        short = _said(subject, group, third_person(_join(kept[:prep + 1]), owner), item, added) \
            if added and prep is not None and prep <= 3 else ""     # the headline: 'share information with …'
        return _finish(f"{subject} {' '.join(group)} {rest}, {change} including {item}", item, added, group, short)
    end = start
    if item_tokens[0].lower() in _PREPOSITIONS:      # 'to improve it' + 'and to show you ads': the verb's object only
        preps = [p for p in range(v + 1, joint) if tokens[p].lower() in _PREPOSITIONS - {"of", "as", "like", "including"}]
        same = [p for p in preps if tokens[p].lower() == item_tokens[0].lower()]
        end = same[0] if same else preps[-1] if preps else start
    rest_tokens = tokens[v + 1:end] if why in ("word", "clause") else []
    if joint < i and not any(t.lower() in ("and", "or", "as", "plus", "/") for t in tokens[joint:i]) \
            and not (j < len(tokens) and tokens[j].lower() in _CONNECTORS):
        return None                         # ', subject to …' joined by a comma alone, last: no item of a list
    rest_tokens = _without_asides(rest_tokens)
    if rest_tokens is None or any(t in (",", "(", "-", "–", "—") or t.lower() in ("not", "never", "such", "including")
                                  or not re.match(r"[\w'’&.]", t) for t in rest_tokens):
        return None                         # the list is not the verb's object
    if rest_tokens and rest_tokens[-1].lower() in _DETERMINERS and item_tokens[0].lower() in _DETERMINERS:
        rest_tokens = rest_tokens[:-1]      # 'with the' + 'the Swiss-U.S. Privacy Shield Framework'
    rest = third_person(_join(rest_tokens), owner)
    return _finish(_said(subject, group, rest, item, added), item, added, group)


def _finish(said: str | None, item: str, added: bool, group: list[str] | None = None,
            short: str = "") -> tuple[str, str | None, str | None, str, bool, str] | None:
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
