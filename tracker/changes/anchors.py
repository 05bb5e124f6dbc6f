"""Statements that point back to text the reader does not have: anchored, or kept from leading.

A statement quotes one sentence; the reader of a summary has only that sentence. A subject or a
reference that points back to the sentence before it ('The tags may collect information …',
'this copy remains accessible …', 'Such affiliates shall process …', '… opt out of those
vendors' use of cookies', '… the personal information of the third party') leaves the reader
asking "which?". Three cases, in order of preference:

1. anchored: the sentence before it (in the same text) names the same thing with the words that
   say which ('… a *permanent* copy is created …' -> 'The permanent copy remains accessible …';
   '… *third-party* vendors use cookies …' -> '… opt out of third-party vendors' use …'): the
   reference is replaced by its referent, and the statement is stated as any other;
2. a subject that still points back (a pronoun, 'This/These/Such/Said …', or 'The tags …' where
   the sentence before introduced 'tags') makes the statement loose: it is left out while any
   other statement remains, and never leads (statements._loose, headline._weak_lead);
3. a reference inside the sentence that still points back ('those comments', 'the third party')
   keeps the statement as a bullet (its practice is still told) but never as the headline.

References to the document or the service itself ('this Privacy Policy', 'these Terms', 'this
site') are anchored by definition: the reader knows which document a summary is about.

A list item points back too: to its lead-in ('Other Information may include, but is not limited
to:' over 'The web search you used …'). It is said with the lead-in's subject and verb (lead_in:
'Other Information may include the web search you used …'; 'For example, you can:' gives 'You
can view …'; 'Here are some examples of the information we collect: …' gives 'Acme collects …';
an item that dropped the 'We use' of its siblings gets it back), several marked items of one
list are said as one line (one_line_per_list), and a line that opens in lower case without a
lead-in found (a wrapped line, a lone item: continues_line) is never a statement.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:
    from tracker.changes.rules.common import Context, Statement

_AUX = r"(?:is|are|was|were|will|would|may|might|can|could|should|must|shall|do|does|did|has|have|had)"
# a pronoun subject whose antecedent is not quoted: 'They may combine …', 'This includes …', 'It will …'
PRONOUN_RE = re.compile(rf"^(?:(?:It|This|That|He|She)\s+(?:{_AUX}|also|then|only|[a-z]+s|[a-z]+ed)|They\s+[a-z]+|"
                        rf"(?:These|Those|Such)\s+(?:{_AUX}|also))\b")
# the document or the service itself: the reader knows which
# (one site, app or policy is this one; 'these websites', 'these apps' are others')
_SELF = (r"(?:(?:[A-Z][\w-]*|online|privacy|cookies?|mobile|global|web|user)\s+){0,2}(?i:policy|statement|"
         r"notice|terms|site|website|web\s+site|page|document|agreement|section|services?|app|"
         r"application|version|supplement|and\s+other)\b")
_DETERMINER_RE = re.compile(rf"^(?P<det>This|That|These|Those|Such|Said|The said|The above|The aforementioned)\s+"
                            rf"(?!{_SELF})(?P<rest>[A-Za-z])")
# inside a sentence: 'those X' and 'said X' point back; 'those that/listed/who …' is a pronoun with its own clause
# ('those services', 'such third parties', 'the foregoing feature' are never the document's own: only 'said Agreement' is)
_INNER_RE = re.compile(rf"\b(?P<det>(?:those|such(?!(?:\s+[\w-]+){{1,3}}\s+as\b)|the (?:foregoing|aforementioned|above-mentioned))(?=\s)|said\s+(?!{_SELF}))\s*"
                       rf"(?!(?:that|which|who|whom|whose|of|in|on|for|with|as|a|an|"
                       rf"listed|described|set|provided|mentioned|identified|specified|above|below)\b)(?P<rest>[a-z])")
# a role said with 'the' and nothing that says which: '… with the third party', 'the partner(s)'
_BARE_ROLE_RE = re.compile(r"\bthe (?:other )?(?P<role>third[- ]part(?:y|ies)(?: (?:service|company|site|provider))?|"
                           r"partner(?:\(s\))?|part(?:y|ies))(?!\w)(?!['’]s? (?:own )?polic)(?! (?:of|who|that|which|named|"
                           r"called|you|we|with whom|in question|concerned|to (?:the|this|these) (?:agreement|terms))\b)"
                           r"(?!,? (?:[A-Z]|e\.g|such as|including))")
_INTRODUCED_ROLE_RE = re.compile(r"\b(?:a|an|any|another|one|each|such|certain|some)\s+(?:other\s+)?(?:third[- ]part|partner|part)")
# words that modify a head noun rather than being one: 'permanent copy', 'third parties'
_MODIFIERS = frozenset("""third other same above additional limited permanent specific certain particular
new former separate individual different various external outside trusted selected select""".split())
_FUNCTION = frozenset("""a an the this that these those such said our your their its his her my some any all each
every no of in on at by for with from to into onto and or but nor as than then also only not is are was were will
would may might can could should must shall do does did has have had be been being which who whom whose where when
it they we you he she there here other own""".split())
# quantifiers that say how much of a thing, never which one: 'certain payment information' is
# 'the payment information' when pointed back to ('This information' -> never 'The certain …');
# a plural keeps them, with no article ('These rights' -> 'Certain rights')
_QUANTIFIERS = frozenset("""certain various several many much more most few additional further numerous
multiple particular specific""".split())
# words after which the next word is a verb, not a modifier: 'to place tags', 'we also allow third-party …'
_BEFORE_VERB = frozenset("""to we you they it also may might can could will would should must shall not never
who which that""".split())
_VERBISH_RE = re.compile(rf"^(?:{_AUX}|also|not|[a-z]+ed)$")


def _np_after(rest: str) -> tuple[list[str], str] | None:
    """(modifiers, head noun) of the noun phrase that opens rest ('third-party vendors' use …'
    -> (['third-party'], 'vendors')), or None when no noun opens it."""
    words = re.findall(r"[A-Za-z][\w-]*(?:\(s\))?", rest)[:4]
    mods: list[str] = []
    for k, w in enumerate(words):
        low = w.lower()
        if low in _FUNCTION or _VERBISH_RE.match(low):
            return None if not mods else (mods[:-1], mods[-1])
        follows = k + 1 < len(words) and words[k + 1].lower() not in _FUNCTION \
            and not _VERBISH_RE.match(words[k + 1].lower())
        if follows and ("-" in w or low in _MODIFIERS or re.search(r"(?:al|ive|ous|ful|able|ible|ic)$", low)):
            mods.append(w)
            continue
        return mods, w
    return None


def _forms(noun: str) -> set[str]:
    """A noun's singular and plural spellings ('party', 'parties'; 'tag', 'tags')."""
    n = noun.lower().removesuffix("(s)")
    out = {n}
    if n.endswith("ies"):
        out.add(n[:-3] + "y")
    elif n.endswith("s") and not n.endswith("ss"):
        out.add(n[:-1])
    if n.endswith("y"):
        out.add(n[:-1] + "ies")
    else:
        out.add(n + "s")
    return out


def _referent(prev: str, head: str, mods: list[str]) -> list[str] | None:
    """The words before head in the sentence before that say which one it is ('a permanent
    copy' -> ['permanent']), None when prev does not name head; [] when it names it bare."""
    words = re.findall(r"[\w'’-]+|[^\w\s]", prev)
    forms = _forms(head)
    found: list[str] | None = None
    for k, w in enumerate(words):
        if w.lower() not in forms:
            continue
        said: list[str] = []
        j = k - 1
        while j >= 0 and len(said) < 3 and _modifier(words[j]):
            said.insert(0, words[j])
            j -= 1
        if said and (j < 0 or words[j].lower() in _BEFORE_VERB):
            said = said[1:]       # 'to place tags', 'We post supplementary notices': a verb, not a modifier
        said = [w2 for w2 in said if w2.lower() not in {m.lower() for m in mods}]
        if found is None or len(said) > len(found):
            found = said
    return found


# a phrase after a noun that says which one: 'information collected from …', 'tags on its properties'
_POST_START = frozenset("from on about through via of in".split())
_POST_STOP = frozenset("""and or but which that who whom whose to solely only except unless if when where as
so because""".split())


def _after_head(prev: str, head: str, owner: str) -> str | None:
    """The phrase after head in the sentence before that says which one it is: a participle or
    a preposition of place or source and what follows it, to the next comma or verb ('… the
    information collected from your use of its SMS service, solely …' -> 'collected from your
    use of its SMS service'); None when there is none."""
    from tracker.changes.phrasing import third_person
    words = re.findall(r"[\w'’-]+|[^\w\s]", prev)
    forms = _forms(head)
    for k, w in enumerate(words):
        if w.lower() not in forms or k + 1 >= len(words):
            continue
        first = words[k + 1].lower()
        if first not in _POST_START and not (first.endswith("ed") and len(first) > 4 and first not in _FUNCTION):
            continue
        said: list[str] = []
        stopped = False
        for t in words[k + 1:k + 17]:
            if t in ",.;:!?" or t.lower() in _POST_STOP or (said and re.fullmatch(_AUX, t.lower())) \
                    or (t == "(" and len(said) >= 3):
                stopped = True    # the phrase ends where the sentence goes on (or an alias in brackets opens)
                break
            said.append(t)
        if not stopped and k + 1 + len(said) < len(words):
            continue              # too long to say which in passing
        phrase = re.sub(r"\s+([)\]])", r"\1", re.sub(r"([(\[])\s+", r"\1", " ".join(said)))
        if len(said) >= 2 and phrase.count("(") == phrase.count(")") and said[-1].lower() not in _FUNCTION:
            return third_person(phrase, owner)
    return None


# '-ing' words that lead a phrase rather than say which thing ('using cookies'); 'advertising
# program', 'marketing partners' keep theirs
_ING_VERBS = frozenset("""using including providing regarding concerning following containing having being making
sharing collecting receiving placing setting allowing enabling getting giving visiting""".split())


def _modifier(word: str) -> bool:
    """A word that may say which thing a noun is: not a function word, a verb form, an adverb
    or a plural ('Verizon uses information': 'uses' says nothing of which information)."""
    low = word.lower()
    return bool(re.match(r"[\w-]", word)) and low not in _FUNCTION and not _VERBISH_RE.match(low) \
        and not low.endswith("ly") and low not in _ING_VERBS and not (low.endswith("s") and not low.endswith("ss"))


def _without_quantifiers(referent: list[str]) -> list[str]:
    """The referent's words without the quantifiers it opens with ('certain payment' -> 'payment'):
    'the' says which one, and 'the certain payment information' is no English."""
    k = 0
    while k < len(referent) and referent[k].lower() in _QUANTIFIERS:
        k += 1
    return referent[k:]


def _anchored_np(det: str, mods: list[str], head: str, referent: list[str], at_start: bool) -> str:
    """The noun phrase that replaces the pointing one: its referent's words, with 'the' for one
    thing ('The permanent copy') and none for several ('third-party vendors')."""
    plural = head.lower().endswith("s") and not head.lower().endswith("ss") or head.endswith("(s)")
    if not plural:
        referent = _without_quantifiers(referent)
    words = [*referent, *mods, head]
    np = " ".join(words)
    if not plural:
        np = "the " + np
    return np[:1].upper() + np[1:] if at_start else np


def previous(ctx: "Context", s: "Statement") -> str | None:
    """The sentence before the one the statement quotes, in the same text."""
    if len(s.changes) != 1:
        return None
    c = ctx.changes[s.changes[0]]
    side, sentences = ((c.old, ctx.old_sentences) if c.kind == "removed" else (c.new, ctx.new_sentences))
    if not side or not sentences:
        return None
    index = ctx.sentence_index(side, c.kind == "removed")
    return sentences[index - 1] if index and index > 0 else None


def anchor(ctx: "Context", s: "Statement") -> "Statement":
    """s with a reference that points back replaced by its referent from the sentence before
    (see the module docstring); s itself when there is none or it cannot be resolved."""
    label = _label_of(s.text)
    body = s.text[len(label):]
    if PRONOUN_RE.match(body[:1].upper() + body[1:]):
        return _pronoun_anchored(ctx, s, label, body)
    m = _DETERMINER_RE.match(body[:1].upper() + body[1:]) or _definite_subject(body)
    inner = None if m else _INNER_RE.search(body)
    if inner is not None and inner.group("det").startswith(("such", "the ")):
        inner = None              # 'such removal', 'the foregoing feature': never said back with a verb for a modifier
    hit = m or inner
    if hit is None:
        return s
    np = _np_after(body[hit.start("rest"):])
    if np is None:
        return s
    mods, head = np
    if inner is not None and _forms(head) & {w.lower() for w in re.findall(r"[\w-]+", body[:inner.start()])}:
        return s                  # 'ads … those ads': the statement itself says which
    prev = previous(ctx, s)
    referent = _referent(prev, head, mods) if prev else None
    end = hit.start("rest") + len(" ".join([*mods, head]))
    if body[hit.start("rest"):end] != " ".join([*mods, head]):
        return s                  # the words are not written as read (a line break, a bracket)
    post = _after_head(prev, head, ctx.owner) if prev and not referent and hit.start() == 0 else None
    if post and not body[end:].lstrip().lower().startswith(post.split()[0].lower()):
        new_np = _anchored_np(hit.group("det"), mods, head, [], not label) + " " + post
        return replace(s, text=label + new_np + body[end:], short="")
    if not referent:
        return s
    new_np = _anchored_np(hit.group("det"), mods, head, referent, hit.start() == 0 and not label)
    if hit.start() == 0 and label and label != "New: ":
        new_np = new_np[:1].lower() + new_np[1:] if not referent[0][:1].isupper() else new_np
    text = label + body[:hit.start()] + new_np + body[end:]
    return replace(s, text=text, short="")


# the subject of the sentence before: a short noun phrase straight before its verb ('This policy is
# approved …', 'Our service providers may …'), never a pronoun
_SUBJECT_RE = re.compile(rf"^(?P<np>(?:(?:This|The|Our|Your|These|Each|Every|Any)\s+)(?:[\w-]+\s+){{0,3}}?[\w-]+)\s+"
                         rf"(?:{_AUX}|also)\b")
_IT_RE = re.compile(r"^(?P<pro>It|They)\s+(?=\S)")


def _pronoun_anchored(ctx: "Context", s: "Statement", label: str, body: str) -> "Statement":
    """'It may not be circumvented …' after 'This policy is approved …': 'This policy may not be
    circumvented …'. Only 'it' for one thing and 'they' for several, and only when the sentence
    before opens with its subject."""
    from tracker.changes.phrasing import third_person
    pro = _IT_RE.match(body[:1].upper() + body[1:])
    prev = previous(ctx, s)
    subject = _SUBJECT_RE.match(prev) if pro and prev else None
    if not pro or not subject:
        return s
    np = subject.group("np")
    head = np.split()[-1].lower()
    plural = head.endswith("s") and not head.endswith("ss")
    if plural != (pro.group("pro") == "They") or len(np.split()) > 5:
        return s
    said = third_person(np, ctx.owner) if np.startswith("Our ") else np
    if label and label != "New: " and said.split()[0] in ("This", "The", "These", "Each", "Every", "Any", "Your"):
        said = said[:1].lower() + said[1:]
    return replace(s, text=label + said + " " + body[pro.end():], short="")


def _label_of(text: str) -> str:
    from tracker.changes.statements import _LABEL_RE as labels
    m = labels.match(text)
    return m.group(0) if m else ""


# 'The tags may collect …': a bare noun as subject, straight before its verb
_DEFINITE_RE = re.compile(rf"^(?P<det>The)\s+(?P<rest>(?!{_SELF})[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:{_AUX}|also)\b")


def _definite_subject(body: str) -> "re.Match[str] | None":
    return _DEFINITE_RE.match(body[:1].upper() + body[1:])


def points_back(body: str, prev: str | None = None) -> bool:
    """The subject of body points back to a sentence not quoted: a pronoun, a demonstrative
    ('These companies …'), or 'The X' when prev (the sentence before) introduced X."""
    body = body[:1].upper() + body[1:]
    if PRONOUN_RE.match(body):
        return True
    if _DETERMINER_RE.match(body):
        return _np_after(body[_DETERMINER_RE.match(body).start("rest"):]) is not None  # type: ignore[union-attr]
    m = _definite_subject(body)
    if m and prev:
        np = _np_after(m.group("rest") + " is")
        return np is not None and _referent(prev, np[1], np[0]) is not None
    return False


def refers_back(body: str) -> bool:
    """body points back anywhere: at its subject (see points_back, without the sentence
    before), or inside ('those comments', 'said data', 'the third party' never introduced)."""
    if points_back(body):
        return True
    inner = _INNER_RE.search(body)
    if inner:
        np = _np_after(body[inner.start("rest"):])
        if np and not _forms(np[1]) & {w.lower() for w in re.findall(r"[\w-]+", body[:inner.start()])}:
            return True
    role = _BARE_ROLE_RE.search(body)
    return role is not None and not _INTRODUCED_ROLE_RE.search(body[:role.start()])


# a list item's lead-in: a sentence that announces a list and ends on ':' ('We use the
# information we collect to:', 'Acme collects information about you including:')
LEAD_IN_REACH = 16       # sentences walked back from an item to the lead-in of its list
LOOSE_SENTENCES = 3      # sentences on the way that read as no item (an item's second sentence)
_ITEM_END_RE = re.compile(r"(?:;|;\s*(?:and|or))\s*$")
LEAD_IN_MAX_CHARS = 160  # a longer lead-in is a paragraph, not the start of one sentence
ITEM_MAX_CHARS = 260     # an item joined to its lead-in still reads as one sentence
_LEAD_IN_END_RE = re.compile(r"\s*(?:[,;]?\s*(?:the following|as follows))?\s*:\s*$", re.I)
# 'We use the information we collect to:': its items are verbs, each its own ('Provide …', 'Prevent …')
# ('For example, you can:' too: its items are what you can do, 'View and edit …')
_TO_LEAD_IN_RE = re.compile(r"\b(?:to|can|may|will|could|might)\s*:\s*$")
# a lead-in an item reads on from as one sentence ('… to: prevent …', '… including: information …');
# after a label ('Parental Controls:'), 'in the following ways:' or 'tips:' it would not
_JOINS_ITEM_RE = re.compile(r"(?i)\b(?:to|including|include|includes|such as|can|may|will|could|might|"
                            r"(?:are|is) (?:the following|as follows))\s*:\s*$")
# a sentence with no closing stop: in a list of such lines each is an item ('If you authorize …',
# 'Sharing data with our vendors …'), however many lines stand between an item and its lead-in
_TERMINATED_RE = re.compile(r"[.!?;:][\"”’)]*\s*$")
# 'For example, ' before a lead-in's subject: the item joined to it is the example, and a statement
_EXAMPLE_OPENER_RE = re.compile(r"(?i)^(?:for (?:example|instance)|e\.g\.),?\s+")
# ', but is not limited to': padding between a lead-in's verb and its items
_NOT_LIMITED_RE = re.compile(r"(?i),?\s*(?:but|and)\s+(?:is|are)\s+not\s+limited\s+to\s*,?(?=\s*$)")
LEAD_IN_MIN_WORDS = 3    # a shorter lead-in is a label ('Parental Controls:'), not a sentence's start
_SENTENCE_SUBJECT_RE = re.compile(r"^(?:We|You|It|They|The|This|These|Our|Your|If|When|Where|In|For|Some|Any|All)\b")
# an item that is a sentence of its own after an adverbial opener: its own subject and a modal
# verb ("At times Fitbit may make …", "From time to time, we may …"), never an item of a list before it
_OWN_CLAUSE_RE = re.compile(r"^(?:At|From|On|Sometimes|Occasionally|Periodically|Generally|Typically|Additionally|"
                            r"Also|Further(?:more)?|Moreover|Likewise|Similarly)\b[^,.;:]{0,25}?,? "
                            r"(?:we|[A-Z][\w&.'-]*) (?:may|might|will|can|could|must|shall|would)\b")


# an item that is a sentence of its own: a finite verb ('The site is …', 'Your data may …') or a full stop
_FINITE_RE = re.compile(r"(?i)\b(?:is|are|was|were|will|would|may|might|can|cannot|could|should|must|shall|has|have|"
                        r"does|do|did|includes|uses|collects|shares|allows|helps|lets|applies|means)\b|[.!?]\s*$")


def bare_item(item: str) -> bool:
    """An item opening like a sentence ('The web search you used to locate …', 'Your name and
    e-mail address') that is only a noun phrase: no finite verb and no closing full stop."""
    return not _FINITE_RE.search(item)


# a lead-in of examples, its first item glued on or not ('Here are some examples of the information
# we collect: Attributes such as …', 'Examples of information we collect include:'): the
# clause it names ('we collect') is what each item reads on from
_EXAMPLES_OF_RE = re.compile(r"(?i)^(?:(?:here|these|below) are )?(?:some |a few )?examples of (?:the )?(?:[\w-]+ ){0,2}?"
                             r"(?:information|data) (?P<clause>(?:we|[A-Z][\w&.-]*) (?:may |might |also )?"
                             r"(?:collect|receive|use|share|obtain|process|store|gather|disclose)s?)"
                             r"(?: (?:include|includes|are|is))?(?::\s*$|:\s+(?=[A-Z]))")


def _item_of_list(sentences: Sequence[str], index: int) -> str | None:
    """The lead-in of the list whose item sentences[index] is: the nearest sentence ending on ':'
    at most LEAD_IN_REACH sentences back, across sentences that read as items of one list (they
    end on ';' or open with the item's own first word, but for LOOSE_SENTENCES asides), whose
    first item opens with the item's own first word (items of one list are parallel:
    'Information you give …', 'Information about your household …'), or which ends on 'to:'
    (its items are verbs: 'Provide …', 'Prevent …')."""
    item = sentences[index]
    first = item.split()[0] if item.split() else ""
    if not first[:1].isalpha() or ((_SENTENCE_SUBJECT_RE.match(item) or _OWN_CLAUSE_RE.match(item))
                                   and not bare_item(item)):
        return None
    if first[:1].islower() and index and not _TERMINATED_RE.search(sentences[index - 1]):
        return None       # 'their e-mail addresses …' after '… who have voluntarily provided': a wrapped line
    # the last item may close on '.'; a run of lines that open in capitals and close on no stop
    loose, bare, semis, unterminated = 0, bare_item(item), True, first[:1].isupper()
    for k in range(index - 1, max(-1, index - 1 - LEAD_IN_REACH), -1):
        examples = _EXAMPLES_OF_RE.match(sentences[k])
        if examples:          # its items are things the clause names: each one reads on from it
            return f"{examples.group('clause')}:"
        if sentences[k].rstrip().endswith(":"):     # _LEAD_IN_END_RE.search: its parts before ':' are optional
            head = sentences[k + 1].split()[:1] if k + 1 < index else [first]
            # items of one list: parallel, verbs after 'to:', noun phrases or each closed by ';'
            parallel = head == [first] or bool(_TO_LEAD_IN_RE.search(sentences[k])) or bare or \
                (k + 1 < index and (semis or unterminated))
            fits = bool(_JOINS_ITEM_RE.search(sentences[k])) and len(sentences[k].split()) >= LEAD_IN_MIN_WORDS
            return sentences[k] if parallel and fits and len(sentences[k]) <= LEAD_IN_MAX_CHARS else None
        bare = bare and bare_item(sentences[k])     # a run of noun phrases without full stops: one list
        semis = semis and bool(_ITEM_END_RE.search(sentences[k]))
        unterminated = unterminated and not _TERMINATED_RE.search(sentences[k]) and sentences[k][:1].isupper()
        if not (_ITEM_END_RE.search(sentences[k]) or sentences[k].split()[:1] == [first] or bare or unterminated):
            loose += 1
            if loose > LOOSE_SENTENCES:
                return None
    return None


def _list_head(intro: str) -> str:
    """A lead-in as the start of its items' sentence: without its colon, 'the following',
    ', but is not limited to' and an opening 'For example, ' ('For example, you can:' -> 'You can')."""
    head = _NOT_LIMITED_RE.sub("", _LEAD_IN_END_RE.sub("", intro))
    opener = _EXAMPLE_OPENER_RE.match(head)
    return head[opener.end():][:1].upper() + head[opener.end() + 1:] if opener else head


SIBLING_REACH = 3          # sentences back where a sibling gives the subject an item dropped
_SIBLING_RE = re.compile(r"^(?P<subject>We|You)(?: (?:also|may|can|will))? (?P<verb>[a-z]+) ")
_BARE_VERB_RE = re.compile(r"^(?P<verb>[A-Z][a-z]+) (?:your|the|our|this|that|such|personal|information|data)\b")


def _sibling_subject(sentences: Sequence[str], index: int) -> str | None:
    """The subject ('We') of a list whose items are sentences and one item dropped it ('We use
    information to find fraud.' before 'Use your information to develop new products.'): a
    sibling just before opens with that subject and the item's own verb. None otherwise."""
    m = _BARE_VERB_RE.match(sentences[index])
    if m is None:
        return None
    verb = m.group("verb").lower()
    for k in range(index - 1, max(-1, index - 1 - SIBLING_REACH), -1):
        sib = _SIBLING_RE.match(sentences[k])
        if sib and sib.group("verb") == verb:
            return sib.group("subject")
    return None


def continues_line(ctx: "Context", s: "Statement") -> bool:
    """s quotes, from its start, a sentence that opens in lower case ('their e-mail addresses to
    third parties in order to receive'): a wrapped line or a list item whose lead-in was not
    found, never a sentence a reader can take alone. A name written in lower case ('iCloud',
    'eBay') is a sentence's start."""
    if len(s.changes) != 1:
        return False
    c = ctx.changes[s.changes[0]]
    side = c.old if c.kind == "removed" else c.new
    first = (side or "").split()[:1]
    said = s.text[len(_label_of(s.text)):].split()[:1]
    return bool(first) and first[0][:1].islower() and first[0].islower() and [w.lower() for w in said] == first \
        and not ctx.writes_lower(c.kind == "removed")


def lead_in(ctx: "Context", s: "Statement") -> "Statement":
    """s quoting an item of a list ('Information about you or your household that Acme obtains
    from other sources'), said with the lead-in of its list before it ('Acme collects information
    about you including information about you or your household …'): an item alone reads as a
    sentence without its subject and verb. s itself when it quotes no list item from its start."""
    if len(s.changes) != 1:
        return s
    c = ctx.changes[s.changes[0]]
    side, sentences = ((c.old, ctx.old_sentences) if c.kind == "removed" else (c.new, ctx.new_sentences))
    index = ctx.sentence_index(side, c.kind == "removed") if side and sentences else None
    label = _label_of(s.text)
    body = s.text[len(label):]
    if index is None or not body or body.split()[0].lower() != (side or "").split()[0].lower():
        return s
    from tracker.changes.phrasing import third_person
    intro = _item_of_list(sentences, index)
    if intro is None:
        subject = _sibling_subject(sentences, index)
        return s if subject is None else replace(
            s, text=label + third_person(f"{subject} {body[:1].lower()}{body[1:]}", ctx.owner), short="")
    words = body.split()
    # 'Target Bank …', 'Internet Protocol address …', a word the text capitalises inside a sentence
    # and never writes in lower case ('… uses Facebook'): a name keeps its capitals; any other
    # item reads on in lower case
    inside = re.compile(rf"[a-z,] {re.escape(words[0])}\b")
    lower = re.compile(rf"\b{re.escape(words[0].lower())}\b")
    name = (len(words) > 1 and words[1][:2].istitle()) or not _TO_LEAD_IN_RE.search(intro) and any(
        inside.search(t) for t in sentences) and not any(lower.search(t) for t in sentences)
    head = third_person(_list_head(intro), ctx.owner)
    joined = f"{head} {body if name else body[:1].lower() + body[1:]}"
    if len(joined) > ITEM_MAX_CHARS:
        return s
    return replace(s, text=label + joined[:1].upper() + joined[1:], short="")


# the words before an item say it changed: a label or 'now' (an unmarked item is not said new)
_MARKED_RE = re.compile(r"^(?:New|Adds|No longer says|Drops|Removes):\s|\bnow\b|\bno longer\b")
_SAME_MARK_RE = re.compile(r"^Adds: ")
LIST_LINE_MAX_CHARS = 150   # headline.tighten leaves a bullet this long whole: it never cuts items off
ITEM_KEY_WORDS = 2          # an item is found in its statement by its own first words


def _item_split(ctx: "Context", s: "Statement") -> tuple[str, str, str] | None:
    """(words before the item, the item, the list's lead-in) of a statement that says one added
    or removed list item after its lead-in (see lead_in), its label and any 'now' included;
    None for any other statement."""
    if len(s.changes) != 1 or ctx.changes[s.changes[0]].kind not in ("added", "removed"):
        return None
    c = ctx.changes[s.changes[0]]
    side, sentences = ((c.old, ctx.old_sentences) if c.kind == "removed" else (c.new, ctx.new_sentences))
    index = ctx.sentence_index(side, c.kind == "removed") if side and sentences else None
    intro = _item_of_list(sentences, index) if index is not None else None
    key = " ".join((side or "").split()[:ITEM_KEY_WORDS]).lower()
    at = s.text.lower().find(key, len(_label_of(s.text)) + 1) if intro and key else -1
    if intro is None or at <= 0 or s.text[at - 1] != " ":
        return None
    return s.text[:at], s.text[at:], intro


def one_line_per_list(ctx: "Context", statements: list["Statement"]) -> list["Statement"]:
    """Several items of one list, each said with the same lead-in and the same mark ('New:
    Oracle may now include unique IDs …', '… the web search you used …'), said as one line at
    the first item's place: its items joined by ';' up to LIST_LINE_MAX_CHARS, its changes
    all the items' changes, its level the most important of theirs."""
    from tracker.changes.phrasing import compact
    from tracker.changes.priorities import RANK
    splits = [_item_split(ctx, s) for s in statements]
    groups: dict[tuple[str, str], list[int]] = {}
    for k, sp in enumerate(splits):
        if sp is not None and _MARKED_RE.search(sp[0]):       # 'Adds: ' and 'New: ' both say an item came
            groups.setdefault((_SAME_MARK_RE.sub("New: ", sp[0]), sp[2]), []).append(k)
    out, dropped = list(statements), set()
    for members in groups.values():
        if len(members) < 2:
            continue
        prefix = (splits[members[0]] or ("", "", ""))[0]
        items: list[str] = []
        used: list[int] = []
        for k in members:
            item = compact((splits[k] or ("", "", ""))[1]).rstrip(" .;")   # without its examples
            if items and len(prefix) + len("; ".join([*items, item])) > LIST_LINE_MAX_CHARS:
                continue
            items.append(item)
            used.append(k)
        if len(used) < 2:
            continue
        first = statements[used[0]]
        impact = min((statements[k].impact for k in used), key=lambda i: RANK.get(i, len(RANK)))
        changes = tuple(c for k in used for c in statements[k].changes)
        out[used[0]] = replace(first, text=prefix + "; ".join(items), impact=impact, changes=changes, short="")
        dropped.update(used[1:])
    return [s for k, s in enumerate(out) if k not in dropped]
