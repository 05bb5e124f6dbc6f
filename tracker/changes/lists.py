"""The lists of a policy sentence, word by word: which one run of words an edit put into a
list or took out of it, where that list starts, and the subject and verb that govern it.

Used by tracker.changes.insertions to say an item added to or dropped from a list with the
sentence's own subject and verb. Word-level rules only (no parser): a list item is joined by
'and', 'or', a comma or 'as well as'; a list starts after a determiner, a preposition, a verb,
'such as' or 'including'; a verb counts after a subject of a few words that opens its clause.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from tracker.changes.phrasing import tidy

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


_MAX_ITEM_WORDS = 14


_MAX_LIST_WORDS = 16


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
        if t == "," and _aside_before(tokens, k):
            return k + 1, "word"            # 'use, on an anonymous basis, movie ratings': the list starts here
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


def _aside_before(tokens: list[str], k: int) -> bool:
    """The comma at k closes an aside opened by a comma and a preposition (', on an anonymous basis,')."""
    p = next((n for n in range(k - 1, -1, -1) if tokens[n] in (",", ";", ":")), -1)
    seg = tokens[p + 1:k]
    return p >= 0 and tokens[p] == "," and bool(seg) and seg[0].lower() in _PREPOSITIONS - {"as", "like", "including", "of"} \
        and len(_words(seg)) <= 6 and not any(t.lower() in _CONNECTORS for t in seg)


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


def _asides(tokens: list[str]) -> str:
    """The asides _without_asides leaves out, as one phrase ('on an anonymous basis')."""
    kept = _without_asides(tokens)
    if kept is None or len(kept) == len(tokens):
        return ""
    out, k = [], 0
    for t in tokens:                       # the tokens not kept, in order, without their commas
        if k < len(kept) and t == kept[k]:
            k += 1
        elif t != ",":
            out.append(t)
    return _join(out)


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
                or low in _AUX or low in _CLAUSE_WORDS or low in _PRONOUNS or bool(_VERB_RE.match(t)) or _gerund(t))
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
