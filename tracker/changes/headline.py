"""The headline and the statements of a report, from the candidate statements of the rules.

- cosmetic: the headline says what the cosmetic change was, no statements; identical texts
  say "No change";
- a rewrite (`major` by volume): a digest of the most important new practices and the
  protections removed, or "text reorganised, practices largely unchanged";
- otherwise the candidates in impact order (tracker.changes.priorities), at most six.

The headline is the first statement, under 140 characters, never a word list, a redline or a
quote cut before its verb and object.

What prose may say. A bullet states a practice: what the company does with the user's data or
what the user may do about it. The structure of the page is not a practice, so it stays in the
report's own fields and is told in prose only where it is the whole news:
- a count of link targets re-pointed ('145 link targets changed') is never a bullet of a
  non-cosmetic report (the JSON keeps it as `links_changed`); it is the headline of a cosmetic
  one, where it is all that changed. A link that matters is stated as what it links to ('Adds a
  link to its EU privacy policy', a pointer statement);
- a heading added or removed is a bullet only when its title names a data practice, a right or a
  protected group ('Your California Privacy Rights', 'Children's Privacy'): the same test the
  verdict uses (verdict.practice_sections). 'Our Business', a person's name, 'Did this page
  help?' are navigation or page furniture; every heading stays in `sections`;
- a heading quoted as if it were a sentence ('Adds: More on what the … Policy does not cover', a
  question the page asks as a title) and a host name given as a value ('drpw019.walmart.com (was:
  drpw060.walmart.com)': a server, not a practice) are dropped by the last gate
  (tracker.changes.publishable);
- a statement whose subject points back to a sentence the reader does not have ('The tags may
  collect …', 'this copy remains accessible …', '… of the third party') is anchored to its
  referent in the sentence before it when that sentence names it, else it never leads and is
  left out while another statement remains (tracker.changes.anchors).
"""

from __future__ import annotations

import re
from dataclasses import replace
from difflib import SequenceMatcher

from tracker.changes.clauses import drop_opener, practice_of
from tracker.changes.clauses import _purpose_lost, _unpadded
from tracker.changes.leadless import (_CONTACT_US_RE, _EXAMPLE_RE, _GLUED_TITLE_RE, _LIST_AHEAD_RE, _MORE_INFO_RE,
                                      _RAW_EDIT_RE, _no_main_clause, no_practice, pointing_opener)
from tracker.changes.phrasing import _bare_condition as bare_condition, open_aside, other_language, _verbless_end as verbless_end, capitalise, compact as drop_asides, has_verb, keeps_was_context, plain_words as compact, says_change, shorten, unmarked, without_aside, \
    without_qualifiers
from tracker.changes.priorities import (HEADLINE_LIMIT, MAX_STATEMENTS, narrow, narrow_right, RANK, reassures, SCOPE_IMPACTS,
                                        standing, tier, valued)
from tracker.changes.anchors import refers_back
from tracker.changes.hidden import hidden_said
from tracker.changes.trivial import relative_time_only, update_notice
from tracker.changes.rules.common import Statement
from tracker.changes.statements import joined_to_antecedent, scoped, select, tells, untold
from tracker.changes.summary import Facts
from tracker.changes.trivial import trivial_of

_TOPIC_WORDS = {
    "collection": "the data it collects", "use": "how it uses data", "sharing": "who it shares data with",
    "sale": "selling data", "cookies-tracking": "cookies and tracking", "retention": "how long it keeps data",
    "rights": "your rights", "security": "security", "children": "children's data",
    "international-transfer": "international transfers", "do-not-track": "Do Not Track",
    "legal-basis": "its legal bases", "policy-changes": "how it announces changes", "contact": "how to contact it",
    "ai": "AI", "other": "its wording",
}
_GONE = frozenset({"promise-withdrawn", "right-removed", "sharing-narrowed", "sale-reversal", "consent-weakened"})


def _links(n: int) -> str:
    """'1 link', '3 links'."""
    return f"{n} link{'s' if n != 1 else ''}"


# the line links_said writes: a count of links, which says nothing the text says
_LINKS_LINE_RE = re.compile(r"^(?:\d+ link targets? changed|Adds \d+ new links?|No longer has \d+ links?)(?:, \d+ links? (?:added|dropped))*$")


def links_line(text: str) -> bool:
    """Is text the count of links a report adds last ('3 link targets changed', 'Adds 2 links')?"""
    return bool(_LINKS_LINE_RE.match(text))


def links_said(f: Facts, noun: bool = False) -> str:
    """What happened to the text's links, counted by target: a target that went and one that
    came in its place are one target changed; links only added or only dropped are said so
    ('Adds 2 new links', 'No longer has 1 link'; noun: '2 links added', for a list of what
    changed), never 'targets changed'."""
    added, removed = f.links_added, f.links_removed
    if not added and not removed:      # a Facts built without the split: the count as it stands
        return f"{f.links_changed} link target{'s' if f.links_changed != 1 else ''} changed"
    both = min(added, removed)
    said = [f"{both} link target{'s' if both != 1 else ''} changed"] if both else []
    if added > both:
        said.append(f"adds {added - both} new link{'s' if added - both != 1 else ''}" if not (both or noun)
                    else f"{_links(added - both)} added")
    if removed > both:
        said.append(f"no longer has {_links(removed - both)}" if not (both or noun) else f"{_links(removed - both)} dropped")
    text = ", ".join(said)
    return text if noun else text[:1].upper() + text[1:]


def cosmetic_headline(f: Facts, identical: bool) -> str:
    """'Cosmetic only: revision date updated', '… 2 link targets changed', 'No change'."""
    if identical:
        return "No change"
    if f.stats.get("unchanged", 0) and not any(f.changes) and not f.date_stamp_changed and not f.links_changed \
            and not f.hidden_emails and not f.furniture:
        return "Cosmetic only: whitespace or formatting"
    what = [x for x in (hidden_said(f.hidden_emails), f.furniture) if x]
    if f.date_stamp_changed:
        what.append("revision date updated")
    what += notices_said(f)
    if f.links_changed:
        what.append(links_said(f, noun=True))
    what += moves_said(f)
    reworded = [c for c in f.changes if c.kind == "reworded"]
    clock = [c for c in reworded if c.old and c.new and relative_time_only(c.old, c.new)]
    if clock:
        what.append("page times such as “… ago” changed")
    if len(reworded) > len(clock):
        what.append("spelling or wording fixed")
    if not what:
        what.append("formatting or page layout")
    return "Cosmetic only: " + ", ".join(what)


def notices_said(f: Facts) -> list[str]:
    """'update notice added' or '… removed': an update banner or a pointer to another version
    of the policy added or dropped (trivial.update_notice)."""
    said: dict[str, None] = {}
    for c in f.changes:
        text = c.new if c.kind == "added" else c.old if c.kind == "removed" else None
        if text and update_notice(text):
            said[f"update notice {c.kind}"] = None
    return list(said)


# a moved text this long at least is a paragraph's sentence whose copies are worth counting, not a
# label ('close', 'session') that a page repeats in its menus and tables
COPY_MIN_WORDS = 6


def moves_said(f: Facts) -> list[str]:
    """What the moved sentences of a cosmetic report did: a sentence both pages hold, one more
    often than the other, is a copy dropped ('repeated text removed') or made ('text repeated'),
    the rest only moved ('text reordered')."""
    said: dict[str, None] = {}
    for c in f.changes:
        if c.kind != "moved":
            continue
        text = c.new or c.old or ""
        before, after = (f.pages[0].count(text), f.pages[1].count(text)) if len(text.split()) >= COPY_MIN_WORDS \
            else (1, 1)
        if not (before and after):
            before = after
        said["repeated text removed" if before > after else "text repeated" if after > before
             else "text reordered"] = None
    return list(said)


def rewrite_digest(cands: list[Statement], salient: tuple[str, ...] = (), must: tuple[str, ...] = (),
                   added: frozenset[int] = frozenset()) -> list[Statement]:
    """What's new (up to 4) and what's gone (up to 2) in a rewrite, by impact."""
    ranked = sorted(enumerate(cands), key=lambda kc: (standing(kc[1].impact, kc[1].text), RANK[kc[1].impact], kc[0]))
    practical = [s for _, s in ranked if s.impact not in ("section-added", "section-removed", "reworded")]
    scope = [s for s in practical if s.impact in SCOPE_IMPACTS][:1]      # only where a practice leaves room
    practical = [s for s in practical if s.impact not in SCOPE_IMPACTS]
    is_gone = [s.impact in _GONE or s.text.startswith(("No longer", "Retention rule dropped")) for s in practical]
    gone = [s for s, g in zip(practical, is_gone) if g][:2]
    # one statement per level: a rewrite is told by the range of what changed
    chosen = select(gone + [s for s, g in zip(practical, is_gone) if not g], salient, must, per_level=1, added=added)
    new_kept = [s for s in chosen if s not in gone][:MAX_STATEMENTS - len([s for s in chosen if s in gone])]
    if scope and len(chosen) < MAX_STATEMENTS:
        new_kept.append(scope[0])
    chosen = sorted([s for s in chosen if s in gone] + new_kept,
                    key=lambda s: (_side(s), _rewrite_tier(s), untold(s), -valued(s.impact, s.text, s.old, s.new), narrow(s.text),
                                   RANK[s.impact]))
    if not chosen:
        return [Statement("Text reorganised, practices largely unchanged", "other", "reworded")]
    return chosen[:MAX_STATEMENTS]


def _rewrite_tier(s: Statement) -> int:
    """The tier a statement is ordered by in a rewrite: its level's; a right only some law grants
    or over one kind of item (priorities.narrow_right) among the practices with a direction; a
    scope statement among the undirected practice sentences (priorities.SCOPE_IMPACTS): a
    rewrite restates its scope in new words far more often than it moves it."""
    if s.impact in SCOPE_IMPACTS:
        return max(tier(s.impact), tier("practice-changed"))
    return max(tier(s.impact), tier("sharing-widened")) if narrow_right(s.impact, s.text) else tier(s.impact)


def _side(s: Statement) -> bool:
    """A side remark (a slogan, a reassurance, what the user still sees): ordered after the
    practices whatever its level (tracker.changes.priorities.standing)."""
    return standing(s.impact, s.text) > tier(s.impact)


# a trailing phrase of purpose, place or means starts here ('… for business reasons')
_TAIL_RE = re.compile(r"\s(?=(?:for|to|in|on|at|by|with|from|through|via|during|as|regarding|concerning)\s|"
                      r"and\s(?:may|will|can|might|could|also)\s)")
# a second predicate of the same subject ('… from a user's device | and may also place cookies'):
# the head before it is a whole predicate, so any noun may end it (ends_on_noun)
_COORDINATE_AHEAD_RE = re.compile(r"and\s(?:may|will|can|might|could|also)\s")
# words whose scope a cut could change: a negated, conditional or consent clause stays whole
_SCOPED_RE = re.compile(r"(?i)\b(?:not|no|never|without|unless|except|only|consent|opt[- ]?(?:in|out)|"
                        r"permission)\b|n't\b|^(?:New commitment|Drops promise|No longer promises)")
_VERB_RE = re.compile(r"(?i)(?:is|are|was|were|will|may|can|must|has|have|\w+(?:s|ed))")
_NOUN_END_RE = re.compile(r"(?:tion|sion|ment|ity|ness|ance|ence|ure|data|information|account|content|"
                          r"site|app|er|or|ist|ies|ers|ors|ists|ents|ions|ties)s?$")


# words ending like nouns ('-er', '-or') that wait for what follows: '… the last URL you visited
# prior' (to clicking through), '… other', '… rather', a comparative ('… longer')
_NOT_NOUNS = frozenset({"prior", "after", "under", "over", "other", "another", "rather", "whether", "together",
                        "however", "never", "ever", "either", "neither", "further", "later", "earlier", "sooner",
                        "longer", "shorter", "better", "greater", "larger", "smaller", "higher", "lower", "faster",
                        "easier", "former", "latter", "inner", "outer", "upper", "major", "minor", "superior",
                        "inferior", "senior", "junior", "ulterior", "interior", "exterior", "per", "enter",
                        "deliver", "gather", "consider", "render"})


def _nounish(word: str) -> bool:
    """A cut ends on a noun ('… your personal information'), never on a verb, participle or
    adjective still waiting for its complement ('… information associated', '… and respond')."""
    w = word.strip("\"'”’),.;:")
    return len(w) > 3 and (w[0].isupper() or (bool(_NOUN_END_RE.search(w.lower())) and w.lower() not in _NOT_NOUNS))


# words that open a noun phrase: a word of letters just after one ends a noun phrase ('the panel')
_DETERMINERS = frozenset("the a an this these that those its their our your his her any all each every some such".split())


# words that are never a noun ending a phrase: conjunctions, prepositions, auxiliaries, pronouns
_FUNCTION_WORDS = frozenset("and or but nor to of for with by from in on at as than that which who whom whose is are was "
                            "were be been being has have had do does did will would may might can could shall should "
                            "must not it they we you he she them us".split())


def ends_on_noun(words: list[str]) -> bool:
    """Do words end on a noun: one that ends like a noun (_nounish) or a word of letters, no
    participle or adverb, one or two words after a determiner ('… of the panel', '… an active tab',
    '… from a user's device')?"""
    if _nounish(words[-1]):
        return True
    last = words[-1].lower().strip("\"'”’),.;:")
    return last.isalpha() and last not in _DETERMINERS | _NOT_NOUNS | _FUNCTION_WORDS \
        and not last.endswith(("ed", "ing", "ly")) and any(w.lower() in _DETERMINERS for w in words[-3:-1])


_COMPLEX_PREPOSITION_RE = re.compile(r"(?i)\b(?:in|with|by|on) (?:accordance|compliance|connection|conjunction|respect|"
                                     r"regard|addition|relation|line|place|order|case|charge|behalf|favou?r|light|terms)$")


# a noun that says nothing until its 'to …' follows ('the option to choose …', 'the right to object')
_AWAITS_INFINITIVE_RE = re.compile(r"(?i)\b(?:option|right|ability|choice|opportunity|chance|freedom|power)$")


# a verb of giving whose recipient the phrase after it names: never cut between them
_GIVING_RE = re.compile(r"(?i)\b(?:provid|shar|disclos|send|sent|transfer|giv|gave|sell|sold|rent|transmit|pass|"
                        r"forward|deliver|report|suppl|reveal|mak\w* available|releas|licens|expos)\w*\b")
_RECIPIENT_AHEAD_RE = re.compile(r"(?:to|with)\s")


# what goes on after a capitalised word when that word starts a name ('its Access | to nonpublic
# personal data policy', 'the Children's Online Privacy | Protection Act'): words without an
# article or a possessive, up to the noun that ends a name of a document, a law or a program
_NAME_GOES_ON_RE = re.compile(r"(?i)^(?:to|of|for|on|and|&)\s+(?:(?!(?:the|a|an|its|your|our|their|this|that|these|those|"
                              r"his|her|any|all|some)\s)[\w'’-]+\s+){0,5}?(?:policy|policies|notice|statement|act|"
                              r"principles|framework|program|programme|terms|agreement|guidelines|rules|shield|code|"
                              r"standards?)\b")


def splits_name(head: str, rest: str) -> bool:
    """A cut between head and rest falls inside a name: head ends on a capitalised word that is
    not its first, and rest goes on to the noun that ends the name ('… comply with its Access' |
    'to nonpublic personal data policy')."""
    words = head.split()
    return len(words) > 1 and words[-1][:1].isupper() and bool(_NAME_GOES_ON_RE.match(rest.lstrip()))


def trim_tail(text: str, limit: int) -> str | None:
    """The statement without its trailing phrase of purpose, place or means, when what is
    left is a whole clause (subject, verb and at least two words after it) that fits: 'If you
    apply for a job at X, X collects your personal information' without 'for legitimate human
    resources reasons'. Never for a negated, conditional or consent statement, whose scope a
    cut could change."""
    if _SCOPED_RE.search(text) or other_language(text):
        return None
    best = None
    for m in _TAIL_RE.finditer(text):
        if m.start() > limit:
            break
        head = text[:m.start()].rstrip(" ,;:")
        main = head.rsplit(", ", 1)[-1].split()
        verb = next((i for i, w in enumerate(main) if i and _VERB_RE.fullmatch(w)), None)
        if splits_name(head, text[m.end():]):
            continue                      # '… comply with its Access' cut inside 'Access to nonpublic … policy'
        if _COMPLEX_PREPOSITION_RE.search(head) or _AWAITS_INFINITIVE_RE.search(head):
            continue                      # '… in accordance' cut before its 'with …', '… the option' before 'to choose …'
        if verbless_end(head) or open_aside(head):
            continue                      # '… clarity as to whether the information' cut before 'in your profile is accurate'
        if _RECIPIENT_AHEAD_RE.match(text, m.end()) and _GIVING_RE.search(" ".join(head.split()[-4:])):
            continue                      # '… to provide that information' cut before 'to Google Analytics'
        if (len(head.split()) >= 6 and verb is not None and len(main) - verb >= 3
                and (_nounish(main[-1]) or (_COORDINATE_AHEAD_RE.match(text, m.end()) and ends_on_noun(main)))
                and head.count("(") == head.count(")")
                and head.count("“") == head.count("”") and head.count('"') % 2 == 0):
            best = head
    return best


def _lighter(lean: str) -> tuple[str, ...]:
    """lean without the appositives and list-item qualifiers that only rename or situate
    (phrasing.without_qualifiers), alone and with its other asides and padding dropped: the
    whole practice, object and change kept, where a cut would lose its end."""
    light = without_qualifiers(lean)
    if light == lean:
        return ()
    return light, without_aside(light), _unpadded(without_aside(light))


def _with_was(s: Statement, lean: str) -> list[str]:
    """The shorter forms of a statement whose only sign of change is its old value ('Walmart
    collects personal information from consumer reporting agencies (was: … if you obtain certain
    financial products)'), each with that value: a headline without it says nothing changed."""
    at = s.text.rfind(" (was: ")
    if at <= 0 or not s.text.endswith(")") or says_change(_strip_was(s.short or s.text)):
        return []
    was = s.text[at:]
    body = _strip_was(s.short or s.text)
    came = _came_words(s.text[:at], was[len(" (was: "):-1])
    core = _core(lean, HEADLINE_LIMIT - len(was), _keep(s, ()))
    forms = [text + was for text in (body, compact(body), lean, _MOTIVE_RE.sub("", lean), without_aside(lean),
                                     _unpadded(lean), _unpadded(without_aside(lean)), *_lighter(lean), core)
             if text and (not came or came & set(_WAS_WORD_RE.findall(text.lower())))]
    window = edit_window(body, was[len(" (was: "):-1])
    if window:
        forms += [f"{text} (was: {window})" for text in (body, compact(body), lean, without_aside(lean), _unpadded(lean))
                  if text and _holds_edit(text, window, body)
                  and (not came or came & set(_WAS_WORD_RE.findall(text.lower())))]
    return forms


def _holds_edit(text: str, window: str, body: str) -> bool:
    """text (a shorter form of the new sentence body) still holds the place of the edit the
    window names: each end of the window that is a word of body, its context, is a word of text
    (a cut that ends before the edit would quote an old value beside words that never changed)."""
    said, kept = {_bare(w) for w in text.split()}, {_bare(w) for w in body.split()}
    ends = {_bare(window.split()[0]), _bare(window.split()[-1])}
    return all(w in said for w in ends if w in kept)


EDIT_CONTEXT = 1     # words of the unchanged text each side of an edit, so its old words read in place
EDIT_WINDOW_MIN = 2  # fewer old words, and the old value names nothing a reader can place


def _bare(word: str) -> str:
    return word.strip(".,;:!?()“”\"'").lower()


def edit_window(body: str, old: str) -> str | None:
    """The words of old (a sentence's old wording) that its new wording body changed, with a word
    of context each side ('use personal user information' of 'Coolmath4Kids … do not collect or
    use personal user information' against '… collect or use personal information'): the old value
    a headline can carry beside the whole new sentence. None when it is all of old, or too few
    words to place."""
    new_words, old_words = body.split(), old.split()
    ops = [op for op in SequenceMatcher(None, [_bare(w) for w in new_words], [_bare(w) for w in old_words],
                                        autojunk=False).get_opcodes()
           if op[0] != "equal" and not (op[0] == "delete" and op[3] in (0, len(old_words)))]
    # (new words before or after all of old: the old value is itself a window of its sentence)
    if not any(j2 > j1 for _, _, _, j1, j2 in ops):
        return None               # words only added: the old words around them are no old value
    start, end = max(0, ops[0][3] - EDIT_CONTEXT), min(len(old_words), ops[-1][4] + EDIT_CONTEXT)
    if end - start < EDIT_WINDOW_MIN or end - start >= len(old_words):
        return None
    window = " ".join(old_words[start:end]).strip(" ,;:")
    if not re.search(r"(?<![\w'’-])[a-z]", window):
        return None               # a name alone ('Acme Computer Limited'): whose name it is, the swap rules say
    return window if window.count("(") == window.count(")") else None


_WAS_WORD_RE = re.compile(r"[a-z][a-z'-]{3,}")


def _came_words(body: str, old: str) -> set[str]:
    """The words the edit brought in: those of body, between the first and the last word it
    shares with its old value, that the old value lacks ('engage third parties' of 'Cisco
    collects Personal Information (and engage third parties …) for a variety' against 'Cisco
    collects Personal Information for a variety'). A shorter form without any of them quotes
    the unchanged half beside the old value: nothing changed, it would say."""
    words = _WAS_WORD_RE.findall(body.lower())
    had = set(_WAS_WORD_RE.findall(old.lower()))
    at = [k for k, w in enumerate(words) if w in had]
    return {w for w in words[at[0]:at[-1] + 1] if w not in had} if at else set()


def _strip_was(text: str) -> str:
    at = text.rfind(" (was: ")
    return text[:at] if at > 0 and text.endswith(")") else text


def _led(lead: str, text: str) -> str:
    """'Rewrite: ' + the statement; a statement with a label of its own reads as one phrase
    ('Rewrite with a new commitment: …', not 'Rewrite: New commitment: …')."""
    if lead:
        for label, phrase in _REWRITE_LABELS:
            if text.startswith(label):
                return phrase + text[len(label):]
    return lead + text[:1].upper() + text[1:]


# a statement's own label said with 'Rewrite' as one phrase, never 'Rewrite: New right: …'
_REWRITE_LABELS = (
    ("New commitment: ", "Rewrite with a new commitment: "), ("New right: ", "Rewrite with a new right: "),
    ("New retention rule: ", "Rewrite with a new retention rule: "), ("Drops promise: ", "Rewrite drops a promise: "),
    ("No longer promises: ", "Rewrite drops a promise: "), ("Right no longer stated: ", "Rewrite drops a right: "),
    ("Retention rule dropped: ", "Rewrite drops a retention rule: "), ("No longer says: ", "Rewrite drops: "),
    ("Adds: ", "Rewrite adds: "), ("New: ", "Rewrite adds: "), ("New scope: ", "Rewrite with a new scope: "),
)


_LABELS_RE = re.compile(r"^(?:New(?: [a-z ]+)?|No longer [a-z]+|Drops promise|Adds|Names [^:]{1,40}|Right no longer stated|"
                        r"Retention rule dropped|Narrows its promise|Now reads|Restates|Now mentions [^:]{1,40}):\s*")


def _weak_lead(s: Statement) -> bool:
    """A statement that cannot lead: a pointer elsewhere or a remark about the document, or a
    fragment with no verb ('For users in the EEA and Switzerland', a heading read as a sentence)."""
    if s.impact in ("pointer", "section-added", "section-removed") or standing(s.impact, s.short or s.text) >= 5:
        return True               # a heading says where to look, not what changed; a slogan says nothing
    if tier(s.impact) >= 2 and reassures(s.short or s.text):
        return True               # 'Oracle respects your preferences …': a stance, not a change to data
    body = capitalise(_LABELS_RE.sub("", s.short or s.text))     # 'New: with respect to …' is a fragment too
    words = body.split()
    titled = sum(1 for w in words if w[:1].isupper())
    # headings glued into one line ('… Interest-Based Advertising How Is Your Information Used?')
    return (len(words) < 5 or not has_verb(body) or body.endswith("?") or titled >= 0.7 * len(words)
            or bare_condition(body) or _no_main_clause(body) or bool(_CONTACT_US_RE.search(body))
            or bool(_RAW_EDIT_RE.match(s.short or s.text)) or refers_back(body) or bool(_MORE_INFO_RE.search(body))
            or bool(_LIST_AHEAD_RE.search(_strip_was(body)))
            or body.count('"') % 2 == 1       # a quote mark left open: a heading glued on ('… settings" For example')
            or bool(_EXAMPLE_RE.match(body))  # an example of the sentence before, not a practice of its own
            or (no_practice(body) and s.impact not in SCOPE_IMPACTS)   # the document's change log, a bare subject
            or bool(_GLUED_TITLE_RE.match(body)) or pointing_opener(body))


# a subject or object that points at something the sentence never names ('Amazon may use this
# information to …', 'Twitter does this to …'): it reads only after the sentence before it
_DANGLING_RE = re.compile(r"(?i)(?<!\bhow )(?<!\bwhat )(?<!\bso )\b(?:this|that|these|such|said)\s+(?:information|data|details|info)\b(?!\s+as\b)|"
                          r"(?<!\bto )\b(?:does|do|did)\s+(?:this|that)\b")


# 'over these third-party caches', 'in these tools': a demonstrative before things the sentence
# may never name, and what may follow to say which they are ('these cookies that are used by …')
_POINTING_RE = re.compile(r"\b(?:these|those)\s+(?P<noun>[a-z][\w-]*)(?P<rest>(?:[\s,]+[\w-]+){0,4})")
_SAYS_WHICH_RE = re.compile(r"^[\s,]*(?:[\w-]+\s+){0,3}?(?:that|which|who|whom|whose|we|you|listed|described|mentioned|"
                            r"above|below|including|such as|set out|identified|named)\b")
# nouns 'these' gives the document itself ('under these terms'), or words after 'those' that are
# no noun ('those set out in this notice'): nothing is left unnamed
_SELF_NOUNS = frozenset("""terms conditions policies rules purposes set are were who which that of in with
listed described mentioned""".split())
STEM = 4      # letters of the noun an earlier word must share to name it ('feature' … 'these features')


def _points_unnamed(body: str) -> bool:
    """body says 'these <things>' or 'those <things>' of things it never names before nor says
    which they are after (see _POINTING_RE): they are named only in the sentence before."""
    for m in _POINTING_RE.finditer(body):
        noun = m.group("noun").lower()
        if noun in _SELF_NOUNS or _SAYS_WHICH_RE.match(m.group("rest")):
            continue
        stem = re.escape(noun[:max(STEM, len(noun) - 2)])
        if not re.search(rf"(?i)\b{stem}", body[:m.start()]):
            return True
    return False


def _dangling(s: Statement) -> bool:
    """s says 'this information' or 'does this' of something it never names itself, or 'these
    <things>' of things it never names (_points_unnamed)."""
    body = _LABELS_RE.sub("", _strip_was(s.short or s.text))
    m = _DANGLING_RE.search(body)
    if m is None:
        return _points_unnamed(body)
    named = {w.lower() for w in re.findall(r"[\w-]+", body[:m.start()])}
    return not named & {"information", "data", "details", "info"} or m.group().lower().startswith(("does", "do ", "did"))


# the company's own definition in a sentence: 'we', 'us' or 'our' quoted inside parentheses
# ('Proton AG (the "Company" or "We")', 'TP-Link Systems Inc. ("TP-Link," "we" "us," or "our")')
_DEFINES_WE_RE = re.compile(r"\([^()]*[\"“](?:we|us|our)\b[,.]?[\"”][^()]*\)", re.I)


def defines_company(s: Statement) -> bool:
    """Does s quote the sentence that says who 'we' are, rather than a practice?"""
    return bool(_DEFINES_WE_RE.search(s.short or s.text))


def _lead_order(statements: list[Statement]) -> list[Statement]:
    """Strong statements first, weak ones last (stable); a statement with a dangling 'this' goes
    after the plain strong ones, never behind one two tiers less important (a dropped promise
    with a dangling 'this' keeps its place)."""
    strong = [s for s in statements if not _weak_lead(s)]
    out = [i for i, s in enumerate(strong) if not _dangling(s) or tier(s.impact) == 0]
    for d in (i for i, s in enumerate(strong) if _dangling(s) and tier(s.impact) > 0):   # a dropped promise leads still
        lesser = [k for k, i in enumerate(out) if i > d and not _dangling(strong[i])
                  and tier(strong[i].impact) > tier(strong[d].impact) + 1]
        out.insert(lesser[0] if lesser else len(out), d)
    # a sentence that defines who 'we' are ('ironSource Ltd. ("ironSource", "we" or "us")') restates
    # the company: it leads only when no other strong statement is at hand
    out = [i for i in out if not defines_company(strong[i])] + [i for i in out if defines_company(strong[i])]
    weak = [s for s in statements if _weak_lead(s)]
    # among the weak, a fragment of a practice before a line about the document itself (its
    # change log, its scope): 'Created and added a link to the Privacy Policy archive' comes last
    return [strong[i] for i in out] + sorted(weak, key=lambda s: no_practice(capitalise(_LABELS_RE.sub("", s.short or s.text))))


_EXCEPTING_RE = re.compile(r"(?i)\b(?:except|other than|unless|save)\b")


def _lean_body(body: str) -> str:
    """body in fewer words without its opener and asides; an exception's 'as described in
    this policy' stays ('Except as described in this Privacy Policy, X will not …')."""
    return compact(body) if _EXCEPTING_RE.search(body) else compact(drop_asides(body))


def _lean(text: str) -> str:
    """A statement without the opener and the asides of its quote ('New retention rule: as a
    matter of course, X will delete …' -> 'New retention rule: X will delete …')."""
    m = _LABELS_RE.match(text)
    label = m.group(0) if m else ""
    body = _lean_body(text[len(label):])
    return label + (body if label else capitalise(body))


def _unlabelled(text: str) -> str:
    """A new rule that states itself ('New retention rule: X deletes … after 15 years') said
    under the shortest label that still says it is new ('New: X deletes …') when its own label
    is what makes it too long: a headline that drops the mark no longer tells what changed."""
    label = "New retention rule: "
    if text.startswith(label) and has_verb(text[len(label):]):
        return "New: " + capitalise(text[len(label):])
    return text


def _keep(s: Statement, salient: tuple[str, ...]) -> tuple[str, ...]:
    """What a reduction of s must not drop: the names and terms new to this version, and the
    name or value the statement rests on."""
    return salient + ((s.new,) if s.new and len(s.new) <= 60 else ()) + ((s.old,) if s.old and len(s.old) <= 60 else ())


def _core(text: str, limit: int, keep: tuple[str, ...]) -> str | None:
    """text (a label may lead it) reduced to its practice within limit (tracker.changes.clauses)."""
    m = _LABELS_RE.match(text)
    label = m.group(0) if m else ""
    core = practice_of(text[len(label):] if label else text, limit - len(label), keep)
    if not core:
        return None
    return label + _after_label(label, core)


def _after_label(prefix: str, text: str) -> str:
    """A cut statement's words after its label: a whole sentence after 'New: ' or no label keeps
    its capital; after 'No longer says: ' and the like it reads as a clause."""
    return capitalise(text) if prefix in ("", "New: ") else _lower_first(text)


def _lower_first(text: str) -> str:
    first = text.split(" ", 1)[0]
    return text[:1].lower() + text[1:] if first[1:].islower() and first not in ("I",) and len(first) > 1 \
        and first.lower() in ("the", "a", "an", "if", "when", "personal", "information", "data", "some", "all",
                              "any", "certain", "your", "its", "this", "these") else text


# the user's motive at a statement's end ('… if you want to back it up …'): no condition on the
# practice, so a headline may leave it out ('you can export a copy of your content')
_MOTIVE_RE = re.compile(r"(?<=[\w)”\"]),?\s+if you (?:want|wish|would like|choose|prefer|decide) to\b[^;:()]*$")


def _fragment(s: Statement, cut: str) -> bool:
    """A cut of a statement that could not lead as a statement of its own: a condition without
    its main clause ('When information is used to deliver … marketing messages on non-… sites'),
    a list announced and not quoted ('This Privacy Policy covers the following'), no verb."""
    return _weak_lead(replace(s, text=cut, short=""))


def _edit_cut_off(s: Statement, full: str, cut: str) -> bool:
    """A cut of a reworded sentence, said with its old value, that stops before half of its new
    wording ('… disclosure of Personal Information' of '… Personal Information in accordance
    with this privacy policy (was: Safe Harbor Principles)'): what is left is the unchanged
    half, and the headline would say nothing changed."""
    if not s.old or not s.new:
        return False
    body, text = _LABELS_RE.sub("", cut), _LABELS_RE.sub("", full)
    at = text.find(s.new)
    if at < 0 or not text.startswith(body):
        return False
    return (len(body) - at) * 2 < len(s.new)


def _says_no_change(s: Statement) -> bool:
    """A statement that names no change of its own: a rewording with neither old nor new value."""
    return s.impact == "reworded" and not s.old and not (s.short or s.text).startswith(("New", "No longer", "Adds"))


def _lost_news(s: Statement, full: str, cut: str) -> bool:
    """A cut that drops the purpose or practice the statement is about ('Meredith may also provide
    its service providers' of '… that they use to recognize its users as they navigate online'):
    what is new to this version (s.new, a phrase of the sentence) is no longer in it."""
    new = (s.new or "").lower()
    return bool(new) and (s.new or "")[:1].islower() and len(new) <= 60 and new in full.lower() \
        and new not in cut.lower() and s.new != full


# an old value told inside a line, not at its end ('The new capture holds no text (was: the
# 3,791-word policy); nothing is reported as removed')
_INNER_WAS_RE = re.compile(r" \(was: [^()]*(?:\([^()]*\)[^()]*)*\)(?=\S*\s)")


def _short_form(s: Statement, limit: int) -> str:
    """The statement's short form, or its whole text when the short form is that text without
    its '(was: …)' and the whole fits: the headline then carries the old value, and the bullet
    that says the same sentence with it is not the headline said again."""
    if s.short and len(s.text) <= limit and _INNER_WAS_RE.search(s.text) \
            and _INNER_WAS_RE.sub("", s.text) == s.short:
        return s.text
    return s.short or s.text


# the shorter label of a sentence no longer said, when the whole sentence fits with it only
_NO_LONGER_SAYS_RE = re.compile(r"^No longer says: ")


def _quoted_edit(s: Statement, f: Facts, lead: str) -> str | None:
    """'Now says: “…” (was: “…”)' for the reworded sentence a statement rests on, when it fits: a
    headline whose '(was: …)' does not fit beside the whole sentence would read as a rule always
    there (Last.fm's controller list renamed, told as the new sentence alone)."""
    from tracker.changes.quoted import edit_quote     # quoted builds on this module
    if len(s.changes) != 1 or not 0 <= s.changes[0] < len(f.changes):
        return None
    c = f.changes[s.changes[0]]
    said = edit_quote(c) if c.kind == "reworded" else None
    return _led(lead, said) if said and len(_led(lead, said)) <= HEADLINE_LIMIT else None


def headline_of(statements: list[Statement], f: Facts, verdict: str, rewrite: bool,
                salient: tuple[str, ...] = ()) -> str:
    """The first statement that fits under 140 characters, its '(was: …)' dropped if need be."""
    lead = "Rewritten: " if rewrite else ""     # the whole policy was rewritten, never an edit tag ("Rewrite: ")
    spare: str | None = None      # a cut that reads as a fragment: the headline only when nothing better fits
    dropped: str | None = None    # a sentence no longer said that fits only as 'Drops: …'
    swapped: str | None = None    # a renamed name whose sentence cannot be cut: 'Now says … instead of …'
    unchanged: str | None = None  # a cut to the unchanged half of an edit: leads only before a line that names no change
    unsaid: str | None = None     # a reworded sentence that fits only without its '(was: …)': it reads as unchanged
    quoted: str | None = None     # that sentence's edit quoted with its old words: what leads in its place
    for s in _lead_order(statements):      # the first strong statement leads
        if s.impact == "pointer" and links_line(s.text) and len(statements) > 1:
            continue              # how many links changed never leads a statement of what the text says
        if standing(s.impact, s.short or s.text) >= 5 and s.impact != "pointer":
            continue              # a slogan never leads, not even when nothing else fits
        if unsaid and _weak_lead(s):
            return quoted or unsaid     # it still says more than a pointer or a heading
        if unsaid and untold(s):
            continue              # a quote with no mark never leads while a line that says its change may
        if spare and _weak_lead(s):
            return spare          # a strong statement cut short says more than a pointer or a heading
        full = _short_form(s, HEADLINE_LIMIT - len(lead))
        lean = _lean(_strip_was(full))
        if spare is None and dropped is not None and _weak_lead(s):
            return dropped        # a strong statement in its shorter label before a pointer or a heading
        if unchanged is not None and (_weak_lead(s) or _says_no_change(s)):
            return unchanged      # the edited sentence's topic says more than a rewording of another
        if spare is None and swapped is not None and _weak_lead(s):
            return swapped        # the name a sentence now gives before a pointer or a heading
        if valued(s.impact, full, s.old, s.new):
            # an age or a period without its old value reads as a rule always there: only with it
            if len(_led(lead, full)) <= HEADLINE_LIMIT:
                return _led(lead, full)
            continue
        for text in (full, *_with_was(s, lean), _strip_was(full), compact(full), compact(_strip_was(full)), lean,
                     _unlabelled(lean), _MOTIVE_RE.sub("", lean), without_aside(lean), _unpadded(lean),
                     _unpadded(without_aside(lean)), *_lighter(lean)):
            if len(_led(lead, text)) <= HEADLINE_LIMIT:      # 'Rewrite with a new commitment: ' is longer
                if _mark_lost(s.text, text):
                    unsaid, quoted = (unsaid, quoted) if unsaid else (_led(lead, text), _quoted_edit(s, f, lead))
                    break
                return _led(lead, text)
        if unsaid and _mark_lost(s.text, unsaid[len(lead):]):
            continue              # a statement whose headline form lost its mark: a later one may keep its own
        room = HEADLINE_LIMIT - len(lead)
        core = _core(_unlabelled(lean), room, _keep(s, salient))
        if core and len(_led(lead, core)) > HEADLINE_LIMIT:       # 'Rewrite with a new right: ' is longer
            core = _core(_unlabelled(lean), room - (len(_led(lead, core)) - HEADLINE_LIMIT), _keep(s, salient))
        if core and not _fragment(s, core) and not _lost_news(s, full, core) \
                and not _purpose_lost(full, core):   # the statement reduced to its practice
            if not _edit_cut_off(s, full, core) and not _mark_lost(s.text, core):
                return _led(lead, core)
            if _mark_lost(s.text, core):
                unsaid, quoted = (unsaid, quoted) if unsaid else (_led(lead, core), _quoted_edit(s, f, lead))
            else:
                unchanged = unchanged or _led(lead, core)
            continue
        spare = spare or (_led(lead, core) if core else None)
        short_label = _led(lead, _NO_LONGER_SAYS_RE.sub("Drops: ", lean))
        if dropped is None and short_label != _led(lead, lean) and len(short_label) <= HEADLINE_LIMIT:
            dropped = short_label
        cut = shorten(compact(_strip_was(full)), HEADLINE_LIMIT - len(lead), salient, purpose=True) \
            or trim_tail(compact(_strip_was(full)), HEADLINE_LIMIT - len(lead))
        if not cut and swapped is None:
            swapped = _name_swap(s, lead)
        if cut and (_lost_news(s, full, cut) or _purpose_lost(compact(_strip_was(full)), cut)):
            continue
        if cut and _edit_cut_off(s, full, cut) and len(_led(lead, cut)) <= HEADLINE_LIMIT:
            unchanged = unchanged or _led(lead, cut)
            continue              # the clause that fits is the unchanged half: a lesser statement that fits leads
        if cut and s.new and len(s.new) <= 40 and s.new[:1].isupper() and not re.match(r"(?i)(?:such as|the|a|an)\b", s.new) \
                and s.new.lower() not in cut.lower() and not _LABELS_RE.match(cut):
            # (a cut that keeps its own label, 'New: …', already says what is new: two labels never stack)
            # the clause that fits lost what changed: name it first, so the headline still
            # says what is new (e.g. the transfer framework now relied on)
            named = f"Now names {s.new}"
            cut = f"{named}: {cut}" if len(lead) + len(named) + 2 + len(cut) < HEADLINE_LIMIT \
                else named
        if cut and len(_led(lead, cut)) <= HEADLINE_LIMIT:
            if not _fragment(s, cut) and not _mark_lost(s.text, cut):
                return _led(lead, cut)
            if not _fragment(s, cut):
                unsaid, quoted = (unsaid, quoted) if unsaid else (_led(lead, cut), _quoted_edit(s, f, lead))
                continue
            spare = spare or _led(lead, cut)
    if spare and bare_condition(_LABELS_RE.sub("", spare[len(lead):])):
        spare = None              # a condition cut before its main clause states what the text only supposes
    if spare or dropped or swapped or unchanged or unsaid:
        return spare or dropped or swapped or unchanged or quoted or unsaid or ""
    return _fallback(statements, f, verdict, lead)


# the longest old or new wording a 'Now says … instead of …' headline quotes
SWAP_QUOTE_LIMIT = 60      # longer, and it is a clause, not a name
# a noun phrase starts with a determiner or a capitalised word, never a verb ('can delete …')
_NOUN_START_RE = re.compile(r"(?:(?:our|its|the|your|their|a|an)\s|[A-Z])")
_SHARED_DETERMINER_RE = re.compile(r"^(?:our|its|the|your|their)\s+", re.I)


def _name_swap(s: Statement, lead: str) -> str | None:
    """A reworded sentence too long to cut honestly whose edit put one name for another ('our
    Access to nonpublic personal data policy' for 'nonpublic Information policy'): the headline
    says the swap ('Now says Access to … policy instead of nonpublic Information policy'), never
    a cut inside the new name. None unless both wordings are short and the new one holds a
    capitalised word."""
    if s.impact != "reworded" or not s.old or not s.new:
        return None
    new = _SHARED_DETERMINER_RE.sub("", s.new) if not _SHARED_DETERMINER_RE.match(s.old) else s.new
    if len(new) > SWAP_QUOTE_LIMIT or len(s.old) > SWAP_QUOTE_LIMIT or new.lower() == s.old.lower():
        return None
    if not any(w[:1].isupper() for w in new.split()) or not _NOUN_START_RE.match(new):
        return None               # no name, or no noun phrase ('can delete your …'): only its sentence can tell
    from tracker.changes.edits import list_grown
    grown = list_grown(s.old, new)
    if grown:                 # 'United Kingdom, California' -> '…, Switzerland, California': a place put in
        text = _led(lead, f"{grown[0]} {_and_names(grown[1])}")
    else:
        text = _led(lead, f"Now says {new} instead of {s.old}")
    return text if len(text) <= HEADLINE_LIMIT else None


def _and_names(items: list[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _mark_lost(full: str, text: str) -> bool:
    """A headline form that no longer says the change its statement says: the '(was: …)' of a
    reworded sentence dropped to fit ('Advertisers … place cookies … to serve ads' of '… (was:
    cookies on your computer in order to make their ads)'), which reads as a practice unchanged."""
    return tells(full) and not tells(text)


def _fallback(statements: list[Statement], f: Facts, verdict: str, lead: str) -> str:
    """No statement fits whole: the first clause of the first one that has two ('Facebook will
    now send your friend an email …' of '…, and may send up to two reminders'), else what
    changed by count and place ('Rewords 3 sentences in “Your choices”'; a rewrite 'Rewrites
    its policy: adds 40 sentences and drops 35')."""
    from tracker.changes.quoted import said_alone
    from tracker.changes.rules.structure import changed_sentences_headline, counted_changes, first_clause
    for s in _lead_order(statements):
        if standing(s.impact, s.short or s.text) >= 5:
            continue
        full = s.short or s.text
        cut = first_clause(compact(_strip_was(full)), HEADLINE_LIMIT - len(lead))
        if cut and not _fragment(s, cut) and not _lost_news(s, full, cut):
            return _led(lead, cut)
    for s in _lead_order(statements):
        swapped = _names_swapped(s, f, lead)
        if swapped:
            return swapped         # 'Now names JAMS instead of NAM: “You may contact JAMS, …”', not 'Rewords 1 sentence'
    chosen = counted_changes(f.changes, trivial_of(f))
    # a change a slogan or side remark states never leads quoted either (it was passed over above)
    remarks = {k for s in statements if standing(s.impact, s.short or s.text) >= 5 for k in s.changes}
    alone = said_alone(f.changes, chosen) if chosen and verdict != "major" and not lead \
        and not remarks & set(chosen) else None
    if alone:
        return alone              # 'Postal address changed to “…” (was: “…”)', never 'Adds 2 sentences and drops 2'
    counted = changed_sentences_headline(f.changes, trivial_of(f), _TOPIC_WORDS)
    if verdict == "major":        # the bare 'Rewrites its policy' tells a reader nothing of the rewrite's size
        size = _WHERE_RE.sub("", counted)       # a rewrite is about no one topic or section
        return f"Rewrites its policy: {size[:1].lower()}{size[1:]}"
    return counted


# the small words around a swapped name ('or Acoustic' -> ', or Braze'): not part of it
_SWAP_GLUE_RE = re.compile(r"^(?:(?:and|or|the|a|an|by|with|to|at|from|of)\s+)+|[\s,;:.]+$|^[\s,;:.]+")
SWAP_NAME_WORDS = 4       # a name runs to four words ('Amazon Simple Email Service'); longer, it is a clause


def _swap_name(words: str) -> str | None:
    """words as a name (a short run of capitalised words, the glue around it dropped), else None."""
    name = _SWAP_GLUE_RE.sub("", _SWAP_GLUE_RE.sub("", words.strip()))
    parts = name.split()
    ok = 0 < len(parts) <= SWAP_NAME_WORDS and parts[0][:1].isupper() and all(
        w[:1].isupper() or w.lower() in ("of", "and", "for", "&") for w in parts)
    return name if ok else None


def _inside_name(text: str, name: str) -> bool:
    """Is name (where text first writes it) a part of a longer name, a capitalised word right
    before or after it ('Facebook Privacy Policy' for 'Privacy')?"""
    at = text.find(name)
    if at < 0:
        return True
    before, after = text[:at].split()[-1:], text[at + len(name):].split()[:1]
    return any(w[:1].isupper() and w[-1:].isalnum() for w in before) or any(w[:1].isupper() for w in after)


def _names_swapped(s: Statement, f: Facts, lead: str) -> str | None:
    """A statement of one reworded sentence whose only edit puts one name for another (NAM ->
    JAMS as the dispute resolution provider), said as the swap with as much of the sentence as
    fits: what changed, where a count of reworded sentences says nothing."""
    if len(s.changes) != 1 or s.changes[0] >= len(f.changes):
        return None
    c = f.changes[s.changes[0]]
    if c.kind != "reworded" or not c.old or not c.new:
        return None
    from tracker.changes.verdict import delta_words, word_diff
    if sum(1 for op, t in word_diff(c.old, c.new) if op == "+" and re.search(r"\w", t)) != 1:
        return None               # one edit only: two are a rewording the count says better
    gone, came = (_swap_name(x) for x in delta_words(c.old, c.new))
    if not gone or not came or gone.lower() == came.lower() or _inside_name(c.new, came) or _inside_name(c.old, gone):
        return None               # 'Facebook Privacy Policy' for 'Facebook Data Policy': a word of one name
    head = _led(lead, f"Now names {came} instead of {gone}")
    if len(head) > HEADLINE_LIMIT:
        return None
    role = re.search(re.escape(came) + r",\s+((?:its|our|the)\s[^,;()]{5,70}?),", s.text)
    if role and len(f"{head} as {role.group(1)}") <= HEADLINE_LIMIT:
        return f"{head} as {role.group(1)}"       # '… as its U.S.-based alternative dispute resolution provider'
    whole = compact(_strip_was(s.text))
    return f"{head}: “{whole}”" if came in whole and len(head) + len(whole) + 4 <= HEADLINE_LIMIT else head


# where a count of changed sentences says they are: ' about security', ' in “Your choices”'
_WHERE_RE = re.compile(r" (?:about [^“”]+|in “[^”]*”)$")


BULLET_LIMIT = 140
BULLET_SLACK = 30          # a bullet no honest cut brings under 140 may run to 170, never longer when one does
_UNCUT = frozenset({"sale-reversal", "promise-withdrawn", "promise-narrowed", "consent-weakened", "no-sale-promise",
                    "promise-added", "made-public"})
_PREFIX_RE = re.compile(r"^(?:New(?: [a-z ]+)?|No longer [a-z]+|Drops promise|Adds|Right no longer stated|Retention rule dropped|"
                        r"Narrows its promise|Now reads|Restates):\s+")


def tighten(s: Statement, salient: tuple[str, ...] = ()) -> Statement:
    """A statement over ~140 characters said in fewer words, then cut at a clause boundary
    (never inside a list, never before its verb and object), its label and old value kept; a
    statement that cannot be cut honestly stays whole."""
    if len(unmarked(s.text)) <= BULLET_LIMIT + 10 or other_language(s.text):
        return s                  # 'now' or 'New: ' said of a quote never makes it cut; nor another language
    m = _PREFIX_RE.match(s.text)
    prefix = m.group(0) if m else ""
    body = s.text[len(prefix):]
    was = ""
    at = body.rfind(" (was: ")
    if at > 0 and body.endswith(")"):
        body, was = body[:at], body[at:]
        if len(was) > 70:
            was = ""              # an old value too long to read beside the new one: the body says what is new
            if s.old is not None and s.new is None:
                return s
    room = BULLET_LIMIT - len(prefix) - len(was)
    # 'New: ' said of a quote never makes it cut (see above): the quote in fewer words (its
    # least cut) fits as the unlabelled quote would
    said_new = len(prefix) if prefix == "New: " else 0
    lean = _lean_body(body)                 # without its opener and its asides of examples
    for limit in (room, room + BULLET_SLACK):
        # a promise or commitment is said in fewer words but never cut: a cut could state another promise
        # the practice without its opener; past 140 characters also without its examples,
        # unless they hold what is new to this version
        core = drop_opener(lean, _keep(s, salient)) if limit == room else practice_of(lean, limit, _keep(s, salient))
        core = core if core and _keeps_edit(s, core) else None
        cuts = (compact(body), lean, core) if s.impact in _UNCUT else (
            compact(body), lean, core, _strip_was(s.short) if s.impact in _SHORT_BULLETS else None,
            shorten(lean, limit, salient) if limit == room else None,
            # past 140 characters only a tail of means is cut, never examples; never from a loss,
            # where the means may be what was lost ('… by contacting Uber at help.uber.com')
            None if s.old is not None and s.new is None else _without_detail(lean, limit))
        for text in cuts:
            if text and len(text) <= limit + (said_new if text is cuts[0] else 0) and len(text.split()) >= 5 \
                    and _keeps_change(s, text) \
                    and not bare_condition(text) and keeps_was_context(text, body, was):
                return replace(s, text=f"{prefix}{_after_label(prefix, text)}{was}")
    if s.impact not in _UNCUT and len(lean) < len(body) and len(lean.split()) >= 5:
        return replace(s, text=f"{prefix}{capitalise(lean) if prefix in ('', 'New: ') else lean}{was}")   # fewer words
    return s


# a trailing phrase that tells only how, through what or where on the site ('by using the My
# Account feature', 'on some of its Services'): never who gets the data nor the examples given
_DETAIL_TAIL_RE = re.compile(r",? (?=(?:by (?:using|visiting|clicking|contacting|e-?mailing|going|following|sending|"
                             r"writing|calling|accessing|changing|adjusting|selecting)|through (?:the|its|your) (?:\w+ )?"
                             r"(?:settings|page|form|feature|tools?|link)|on (?:some|many|all|each|any) of its)\b)")


# statements whose headline form is also their best short bullet: the clause of a reworded
# sentence that changed, a consent step; a law's or a controller's short form drops details
_SHORT_BULLETS = frozenset({"reworded", "practice-changed", "consent-required"})
_SALE_WORDS_RE = re.compile(r"(?i)\b(?:sell|sale|share|do not track)\b")
_DANGLING_WORDS = frozenset("and or but nor the a an of to for with by from as that which who".split())


def _without_detail(text: str, limit: int) -> str | None:
    """The start of text before its first trailing phrase of means or place (see
    _DETAIL_TAIL_RE) when it fits and is still a clause with a verb and six words: what
    follows the first such phrase is all detail."""
    for m in _DETAIL_TAIL_RE.finditer(text):
        head = text[:m.start()].rstrip(" ,;:")
        if len(_LABELS_RE.sub("", head).split()) < 8:
            continue                  # 'you can opt out at any time' says too little without its means
        if _SALE_WORDS_RE.search(text[m.start():]):
            return None               # 'by using the Do Not Sell or Share link': what is opted out of
        ok = has_verb(head) and not open_aside(head) and head.count("(") == head.count(")") and head.count('"') % 2 == 0 \
            and head.split()[-1].lower() not in _DANGLING_WORDS \
            and head.count("“") == head.count("”")
        return head if ok and len(head) <= limit else None
    return None


def _keeps_edit(s: Statement, text: str) -> bool:
    """A reduction of a reworded sentence keeps every word of its new wording: the old value
    beside it names what those words replaced."""
    if not s.old or not s.new:
        return True
    return set(re.findall(r"[a-z]{3,}", s.new.lower())) <= set(re.findall(r"[a-z]{3,}", text.lower()))


def _keeps_change(s: Statement, text: str) -> bool:
    """A cut of a reworded sentence keeps some word the new wording brought in: cutting to
    the unchanged half would state what did not change."""
    if not s.old or not s.new:
        return True
    brought = set(re.findall(r"[a-z]{4,}", s.new.lower())) - set(re.findall(r"[a-z]{4,}", s.old.lower()))
    return not brought or bool(brought & set(re.findall(r"[a-z]{4,}", text.lower())))




# links changed (on either side) from which a report with few statements says so: a page moved and
# its links re-pointed in bulk, not a link or two beside a practice
LINKS_SAID_BESIDE_MIN = 10
# a report with fewer statements than this has room for that line
LINKS_SAID_BELOW = 3


def links_news(f: Facts, statements: list[Statement]) -> bool:
    """Are the links re-pointed news beside the statements: many of them, few statements, and
    no note that a capture holds another page or part of the policy (its links are that page's)?"""
    return f.links_changed >= LINKS_SAID_BESIDE_MIN and len(statements) < LINKS_SAID_BELOW \
        and not any(s.impact == "page-summary" for s in statements)


def summarise(f: Facts, verdict: str, cands: list[Statement], identical: bool,
              rewrite: bool, salient: tuple[str, ...] = ()) -> tuple[list[Statement], str]:
    """(statements, headline) for the report; rewrite: most of the text is new."""
    if verdict == "cosmetic":
        return [], cosmetic_headline(f, identical)
    # a law newly cited and a company newly receiving data are always named
    recipients = [s.new for s in cands if s.impact == "new-recipient" and s.new][:2]
    must = tuple(dict.fromkeys([*f.entities_added.get("laws", []), *recipients]))
    cands = scoped(joined_to_antecedent(cands), lambda k: f.changes[k].section if k < len(f.changes) else "")
    added = frozenset(k for k, c in enumerate(f.changes) if c.kind == "added")
    statements = rewrite_digest(cands, salient, must, added) if rewrite else \
        select(cands, salient, must, trivial=frozenset(trivial_of(f)), added=added)
    if f.links_changed and not rewrite and (not statements or links_news(f, statements)):
        # links re-pointed and nothing else told, or re-pointed in bulk: the links are part of
        # what changed (a page moved, its link targets updated); a few beside practices are noise,
        # kept in links_changed
        statements = statements + [Statement(links_said(f), "other", "pointer")]
    from tracker.changes.publishable import said_once
    statements = [said_once(tighten(s, salient)) for s in statements]
    return statements, headline_of(statements, f, verdict, rewrite, salient)

