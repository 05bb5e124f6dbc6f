"""A long policy sentence reduced to the practice it states: subject, verb, object, condition.

A statement should say what the company does in about 160 characters, not paste a sentence.
The reductions here drop only what carries no practice of its own, each a whole phrase:

- an opener of circumstance, footing or motive before the main clause ('In compliance with the
  Privacy Shield Principles, ', 'Because X wants to demonstrate its commitment, ', 'As always, ');
  never a condition ('If you …', 'When …', 'Unless …') or an exception ('Except as …'), which
  change what the sentence promises, and never an opener holding a name the reader must get;
- a trailing list of examples (', such as credit card information', ' including …', ', etc.');
- a trailing remark about the text itself (', as described below', ', as set forth by …');
- for a headline, padding ('also', 'various', 'or similar technologies') and a 'which' clause
  that only describes its noun (_unpadded); _purpose_lost tells a cut that ends on 'uses
  <companies>' without what they are for.

Each reduction keeps a clause with a verb and at least six words, or is not made.
"""

from __future__ import annotations

import re
from typing import Iterator

from tracker.changes.phrasing import _balanced, capitalise, has_verb

# openers of circumstance, legal footing or motive: what follows the comma is the practice
_OPENER_RE = re.compile(
    r"^(?:(?:In (?:compliance|accordance|connection|conjunction|line) with|With (?:respect|regard) to|"
    r"As (?:part of|always|a result of|noted above|a general rule|a matter of policy)|In the course of|In providing|"
    r"Because|Since|Although|Though|While|Similarly|Further(?:more)?|Additionally|Moreover|Also|Generally|"
    r"In general|In some cases|In certain cases|Sometimes|Occasionally|Through|Using|By law|Under|Pursuant to|"
    r"Consistent with|Accordingly|To (?:protect|help|ensure|provide|improve|comply|better|serve|make|offer|"
    r"support|operate|deliver|personali[sz]e|keep|prevent|enable|facilitate))\b[^,;:()\"“”]{0,140}?|"
    r"As always|Similarly|Further(?:more)?|Additionally|Moreover|Also|Generally|In general|Accordingly|Currently|Today)"
    r",\s+(?=\S)")
# what may follow a dropped opener: a subject that stands without it (never a pronoun whose
# antecedent was in the opener: 'Because this Web site wants …, it has agreed …')
_SUBJECT_START_RE = re.compile(
    r"^(?:[A-Z][\w.&'’-]*|(?:the|its|your|this|these|some|all|any|certain|personal|information|data|you|"
    r"users?|customers?|cookies|third[- ]part(?:y|ies)|partners?|advertisers?)\b)")
# the subject of an opener of motive ('Because Cisco wants …', 'Since this Web site …'): what its 'it' stands for
_OPENER_SUBJECT_RE = re.compile(r"^(?:Because|Since|Although|Though|While)\s+((?:[A-Z][\w.&'’-]*)(?: [A-Z][\w.&'’-]*){0,3}|"
                                r"this (?:Web ?site|[Ww]ebsite|site|company|service))\s+(?!and\b|or\b)[a-z]")
_PRONOUN_START_RE = re.compile(r"^(?:it|they|he|she|this|these|those|such|that|It|They|He|She|This|These|Those|Such|That)\b")
# a trailing list of examples or a remark about the text: what precedes it states the practice
_EXAMPLES_TAIL_RE = re.compile(
    r"(?:,?\s+(?:such as|including(?: but not limited to)?|e\.g\.,?|for example,?|for instance,?)\s+[^;:()]{2,}"
    r"|,\s+like\s+[^;:()]{2,}"
    r"|,\s+(?:as (?:described|set (?:out|forth)|explained|outlined|detailed|noted|stated)\b[^;:()]*|etc\.?))$")
_FUNCTION_END_RE = re.compile(r"(?i)\b(?:and|or|but|the|a|an|of|to|for|with|by|from|in|on|at|as|that|which|your|its|"
                              r"their|our|is|are|be|was|were|will|may|can)$")
# a clause inside the tail: not a list of examples ('…, such as when you …', '… such as Maps, use …')
_TAIL_CLAUSE_RE = re.compile(r"(?i)\b(?:is|are|was|were|will|may|can|must|should|could|might|would|does|do|has|have|"
                             r"when|where|if|unless|except|not)\b|n't\b")
# a verb and its object inside the tail ('…, such as Maps, use your location'): the list was the subject's
_TAIL_VERB_RE = re.compile(r"(?<!such)(?<!\bor)(?<!and)(?<!\bas)(?<!\bof)(?<!\bin)(?<!\bon)(?<!for)(?<!with)(?<!\bto)(?<!\bby)"
                           r"(?<!from)(?<!like)(?<!about)(?<!including)(?<!example)(?<!instance) "
                           r"(?:your|the|its|their|this|these|our)\b")
# the sentence goes on after its list ('including your shopping history, with your cable provider')
_TAIL_GOES_ON_RE = re.compile(r"(?i),\s+(?:with|to|for|from|by|in|on|at|unless|without|except|when|if|through|via|"
                              r"within|outside|across|who|which|that)\b")
_CONDITION_WORDS_RE = re.compile(r"(?i)\b(?:if|unless|except|only|without|not|never|no)\b|n't\b")


def _fine(text: str, min_words: int = 6) -> bool:
    """A clause that stands alone: a verb, enough words, nothing left open, no dangling end."""
    return (len(text.split()) >= min_words and has_verb(text) and _balanced(text)
            and not _FUNCTION_END_RE.search(text.rstrip(" ,;:.")))


def drop_opener(text: str, keep: tuple[str, ...] = ()) -> str | None:
    """The sentence without its opener of circumstance or motive ('In compliance with the Safe
    Harbor Principles, Fitbit commits to resolve complaints …' -> 'Fitbit commits to resolve
    complaints …'), or None when there is none, it names a term in keep, or what is left does
    not stand alone."""
    m = _OPENER_RE.match(text)
    if not m:
        return None
    opener, rest = m.group(0), text[m.end():]
    low = opener.lower()
    if any(k and k.lower() in low for k in keep) or _CONDITION_WORDS_RE.search(opener):
        return None
    pronoun = re.match(r"(?:it|It) (?=[a-z])", rest)
    subject = _OPENER_SUBJECT_RE.match(opener)
    if pronoun and subject:         # 'Because Cisco wants …, it has agreed …': the pronoun is the opener's subject
        rest = subject.group(1) + " " + rest[pronoun.end():]
    elif _PRONOUN_START_RE.match(rest) or not _SUBJECT_START_RE.match(rest):
        return None
    rest = capitalise(rest)
    return rest if _fine(rest) else None


def drop_examples(text: str, keep: tuple[str, ...] = ()) -> str | None:
    """The sentence without its trailing list of examples or its remark about the text ('…
    collects your name and payment information, such as credit card information' -> '…
    collects your name and payment information'), or None when there is none, the list holds
    a term in keep or what is left does not stand alone."""
    m = _EXAMPLES_TAIL_RE.search(text)
    if not m:
        return None
    tail = m.group(0).lower()
    if any(k and k.lower() in tail for k in keep) or (not tail.startswith(", as") and (_TAIL_CLAUSE_RE.search(tail) or _TAIL_VERB_RE.search(tail)
                                             or _TAIL_GOES_ON_RE.search(tail))):
        return None
    head = text[:m.start()].rstrip(" ,;:")
    return head if _fine(head) else None


def reductions(text: str, keep: tuple[str, ...] = ()) -> Iterator[str]:
    """Shorter forms of text, each one reduction further: opener dropped, then its examples,
    then both (only forms that stand alone)."""
    seen = {text}
    opened = drop_opener(text, keep)
    for form in (opened, drop_examples(text, keep), drop_examples(opened, keep) if opened else None):
        if form and form not in seen:
            seen.add(form)
            yield form


def practice_of(text: str, limit: int, keep: tuple[str, ...] = ()) -> str | None:
    """The longest reduction of text that fits limit, or None (text itself when it fits)."""
    if len(text) <= limit:
        return text
    fitting = [r for r in reductions(text, keep) if len(r) <= limit]
    return max(fitting, key=len) if fitting else None


# words a headline may leave out without changing what is said: 'also', 'various', 'or similar
# technologies' after the cookies it generalises, and a
# non-restrictive 'which' clause that only describes its noun ('your billing and credit card
# information, which NYTimes.com collects and stores to enable …'); never a 'which' clause that
# hands data on or uses it ('…, which may use it for advertising')
_PADDING_RE = re.compile(r"(?:(?<=\bnow)|(?<=\bmay)|(?<=\bwill)|(?<=\bcan)) also\b|\bvarious (?=\w)|"
                         r",? (?:and|or) (?:other )?similar (?:tracking )?(?:technologies|tools)\b")
_WHICH_RE = re.compile(r"(?<=\w), which ([^,;:()]*)(?=,|$)")
_WHICH_KEEPS_RE = re.compile(r"(?i)\b(?:share|sell|disclos|transfer|use|combin|provid|track|send|not|never|why|means?|only|except|unless)"
                             r"|n't\b")


def _unpadded(text: str) -> str:
    """text without its padding (_PADDING_RE) and a 'which' clause that only describes its noun."""
    text = _PADDING_RE.sub("", text)
    text = _WHICH_RE.sub(lambda m: m.group(0) if _WHICH_KEEPS_RE.search(m.group(1)) else "", text)
    return re.sub(r"\s{2,}", " ", text).strip()


# a cut that ends on 'uses <something>' and drops what for ('… uses third-party advertising
# companies' of '… to display ads tailored to your interests'): the purpose was the practice
_USES_END_RE = re.compile(r"(?i)\b(?:uses?|using|employs?|engages?|works with|relies on)\b(?:(?!\bto\b)[^,;])*"
                          r"\b(?:companies|partners|vendors|providers|tools|technologies|networks|firms|agencies|parties|"
                          r"services|cookies|beacons|pixels|SDKs)$")


# a limit the statement puts on its own practice ('… will retain and use your information as
# necessary to comply with its legal obligations', '… only as required by law'): cut off, the
# practice reads as unlimited, the opposite of what the sentence says
_LIMIT_TAIL_RE = re.compile(r"(?i)^(?:only\b|solely\b|as (?:necessary|needed|required|permitted)\b|to the extent\b|"
                            r"for (?:as long as|no longer than|up to|at least|(?:a|the) (?:period|maximum|minimum) of|\d+)\b|unless\b|except\b|until\b|to comply with\b|"
                            r"where (?:required|permitted)\b)")


# a cut that ends on a verb of handling data and a bare object ('… may also disclose your
# information', '… may directly or indirectly access or collect information'): what it is, where
# it comes from, who gets it or what for was the news
_BARE_OBJECT_END_RE = re.compile(r"(?i)\b(?:shar|disclos|sell|sold|provid|transfer|us|collect|process|combin|receiv|access|"
                                 r"obtain|send|sent|transmit|giv|gather|keep|retain|stor)(?:e|es|ed|ing|s)?"
                                 r"(?: (?:and|or) \w+)?(?: (?:your|the|any|certain|some|such|this|that|these|those|"
                                 r"personal|non-personal|other))* (?:information|data|details|info|it|them)$")
# what the bare object went on with: its source, its recipient or what it is ('from a user's device',
# 'to law enforcement agencies', 'including …'); a purpose ('for …', 'to connect you …') may go
_OBJECT_GOES_ON_RE = re.compile(r"(?i)^(?:from|with|about|that|which|who|whom|on behalf|regarding|concerning|relating|"
                                r"related|including|such as|to (?:the|a|an|any|our|its|their|other|third|certain|some|"
                                r"law|government|public|advertis\w*|partners?|affiliates?|vendors?|service providers?)\b)")


# a statement that is only its subject, a verb of handling data and a pointing object ('Bumble now
# uses this information', 'The partners may use this information', 'Acme may also disclose it'):
# what the data is was in the sentence before, or the list after
_POINTING_OBJECT_RE = re.compile(r"(?i)^[^,;:]{2,60}?\b(?:shar|disclos|sell|provid|transfer|us|collect|process|combin|"
                                 r"receiv|access|obtain|send|transmit|giv|gather|keep|retain|stor)(?:e|es|ed|s)?"
                                 r"(?: (?:and|or) \w+)?(?: (?:this|that|these|those|such|said)(?: (?:personal )?"
                                 r"(?:information|data|details|info))?| it| them)[.]?$")
# the most words such a statement has: a longer one says more than its pointing object
POINTING_WORDS = 9


def pointing_object(body: str) -> bool:
    """Is body (a statement without its label) only a subject, a verb of handling data and an
    object that points elsewhere ('Bumble now uses this information')?"""
    return len(body.split()) <= POINTING_WORDS and bool(_POINTING_OBJECT_RE.match(body))


def _purpose_lost(full: str, cut: str) -> bool:
    """cut ends on 'uses <something>' and the full statement goes on with 'to <what for>', or cut
    leaves out the limit the statement puts on its practice (_LIMIT_TAIL_RE), or cut ends on a
    bare object of a verb of handling data the statement goes on to qualify (_BARE_OBJECT_END_RE)."""
    tail = cut.rstrip(" .")[-30:]
    at = full.find(tail)
    if not tail or at < 0:
        return False
    rest = full[at + len(tail):].lstrip(" ,")
    return (bool(_USES_END_RE.search(cut.rstrip(" ."))) and rest.startswith(("to ", "in order to "))) \
        or bool(_LIMIT_TAIL_RE.match(rest)) \
        or (bool(_BARE_OBJECT_END_RE.search(cut.rstrip(" ."))) and bool(_OBJECT_GOES_ON_RE.match(rest)))
