"""Headings, links and any other sentence reworded: what the reader is told when no practice rule
fired.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tracker.changes.phrasing import has_verb, is_page_chrome, CONSEQUENCE_PARTICIPLES, is_pointer, link_phrase, plain_words, reads_was, third_person, tidy, words_around
from tracker.changes.priorities import MAX_STATEMENTS
from tracker.changes.rules.common import Context, _edit_focus, edit_statement, _editors_note, _live, _lower, _merged_away, NAMED_QUOTE_LIMIT, _owner_says, _quotes_closed, _salient_focus, same_by_name, _stamp_only, Statement, _topic
from tracker.changes.summary import _GLUED_UI_RE

if TYPE_CHECKING:
    from collections.abc import Sequence

    from tracker.changes.report import Change


def section_statements(ctx: Context) -> list[Statement]:
    """New and removed headings whose title names a data practice, a right or a protected group
    ('Your California Privacy Rights'), by name, in one statement each way. Other headings
    ('Our Business', a person's name, 'Did this page help?') are navigation: they stay in the
    report's `sections` and are never a bullet (a rewrite is told by its digest, not by its
    list of headings)."""
    from tracker.changes.verdict import practice_sections
    out: list[Statement] = []
    for names, one, many, impact in ((ctx.sections_added, "Adds a section", "Adds sections", "section-added"),
                                     (ctx.sections_removed, "Removes the section", "Removes sections", "section-removed")):
        side = ctx.old_text or " ".join(ctx.old_sentences) if impact == "section-removed" else " ".join(ctx.new_sentences)
        names = [n for n in names if (n in practice_sections([n]) or _foreign(n)) and len(n) <= 80 and not _ui_title(n)
                 and not _cut_mid_word(n, side)][:3]
        if names:
            quoted = [f"“{n}”" for n in names]
            text = f"{one} {quoted[0]}" if len(names) == 1 else f"{many} {', '.join(quoted[:-1])} and {quoted[-1]}"
            out.append(Statement(text, "other", impact, None if impact == "section-added" else ", ".join(names),
                                 ", ".join(names) if impact == "section-added" else None))
    return out


def _cut_mid_word(title: str, text: str) -> bool:
    """A title that the text only ever writes as the start of a longer word ('You can opt out of
    Double' where the text says 'DoubleClick’s use'): a line cut inside a word, no heading."""
    found = _literal_ends(title.strip(), text)
    return bool(found) and all(at < len(text) and text[at].isalnum() for at in found)


def _literal_ends(word: str, text: str) -> list[int]:
    """[m.end() for m in re.finditer(re.escape(word), text)] by str.find: the same leftmost,
    non-overlapping occurrences, without compiling a pattern per title."""
    if not word:
        return [m.end() for m in re.finditer("", text)]
    ends: list[int] = []
    at = text.find(word)
    while at != -1:
        ends.append(at + len(word))
        at = text.find(word, at + len(word))
    return ends


# a title that is a control of the page, not a part of the policy ('Forgot Password?', 'Sign in')
_UI_TITLE_RE = re.compile(r"(?i)^(?:forgot|sign (?:in|up|out)|log ?(?:in|out)|register|subscribe|search|"
                          r"manage|view|shop|buy|download|back to|go to|skip to|archive|previous|past versions)\b")


def _foreign(title: str) -> bool:
    """A title mostly in another script: the English words of practices say nothing about it."""
    letters = [ch for ch in title if ch.isalpha()]
    return bool(letters) and sum(ch.isascii() for ch in letters) < 0.5 * len(letters)


def _ui_title(title: str) -> bool:
    """A page control or a line cut mid-sentence taken for a heading ('Forgot Password?',
    'Archive of Previous Privacy Policies', '… protecting the privacy of children on the')."""
    from tracker.changes.publishable import _DANGLING_END_RE
    return bool(_UI_TITLE_RE.match(title.strip())) or (title.rstrip().endswith("?") and len(title.split()) <= 3) \
        or bool(_DANGLING_END_RE.search(title.rstrip(" :")))


def reworded_statements(ctx: Context) -> list[Statement]:
    """Any other sentence added, dropped or reworded (no practice rule fired): what it says now,
    with the old words where one edit replaced them."""
    from tracker.changes.edits import _DANGLING_END_RE, LIST_OPEN_RE as _LIST_OPEN_RE, edit_short as _edit_short, reworded_was as _reworded_was
    from tracker.changes.insertions import item_impact
    from tracker.changes.publishable import mention_term
    out: list[Statement] = []
    for k, c in enumerate(ctx.changes):
        if len(out) >= 4 * MAX_STATEMENTS:
            break
        if c.kind == "moved" or _stamp_only(c) or _editors_note(c) or _merged_away(ctx, c) or same_by_name(ctx.owner, c):
            continue
        e = edit_statement(ctx, c) if c.kind == "reworded" else None
        if e:
            impact = item_impact(ctx.owner, c) or "reworded"       # an item of a list: what it does to the user
            out.append(Statement(e[0], _topic(c), impact, e[1], e[2], (k,), _edit_short(ctx, c, e[0])))
            continue
        focus = _edit_focus(c) if c.kind == "reworded" else None
        text = (c.new if c.kind != "removed" else c.old) or ""
        edit_said = _owner_says(ctx, text, focus, 140) if focus else None
        said = edit_said or _owner_says(ctx, text, None, 140)
        if not said and c.kind != "reworded":
            salient = _salient_focus(ctx, text)
            said = (_owner_says(ctx, text, salient, 140)
                    or _owner_says(ctx, plain_words(text), salient, NAMED_QUOTE_LIMIT)) if salient else None
            if said and not _quotes_closed(said):
                said = None             # a quote left open: a heading glued into the sentence
            excerpt = words_around(text, salient) if salient and not said else None
            if salient and excerpt and len(excerpt.split()) >= 5 and not _GLUED_UI_RE.search(excerpt) \
                    and has_verb(excerpt) and not is_page_chrome(excerpt) and not _cut_in_list(text, excerpt):
                term = salient.search(text)       # never an excerpt of glued menu text ('Share on FacebookShare')
                name = mention_term(term.group(0), excerpt) if term else None
                if not name:
                    continue              # no thing to name: a verb, an adverb, words of another language
                verb = "Now mentions" if c.kind == "added" else "No longer mentions"
                out.append(Statement(f"{verb} {name}: “{third_person(excerpt, ctx.owner)}”", _topic(c), "reworded",
                                     excerpt if c.kind == "removed" else None,
                                     excerpt if c.kind == "added" else None, (k,)))
                continue
        if not said or len(said.split()) < 4:
            continue
        if c.kind == "reworded" and (_DANGLING_END_RE.search(said) or _LIST_OPEN_RE.search(said)):
            continue                # 'Reddit processes your information where': a clause cut before its end
        if c.kind == "reworded":
            was = _reworded_was(c) if edit_said else ""
            stated = f"{said} (was: {was})" if was else reads_was(said, c.old or "", c.new or "")
            if stated:            # a rewording whose edit cannot be said beside the clause is not stated
                out.append(Statement(stated, _topic(c), "reworded", was or None, said, (k,)))
        elif c.kind == "added":
            out.append(Statement(f"Adds: {_lower(said)}", _topic(c), "reworded", None, said, (k,)))
        else:
            out.append(Statement(f"No longer says: {_lower(said)}", _topic(c), "reworded", said, None, (k,)))
    return out


def _cut_in_list(text: str, excerpt: str) -> bool:
    """An excerpt that stops inside a list ('approved by the Dutch, Polish' before ', Spanish
    and other regulators'): it would read as the whole list."""
    whole = tidy(text)
    at = whole.find(excerpt)
    return "," in excerpt and at >= 0 and whole[at + len(excerpt):at + len(excerpt) + 1] == ","


def pointer_statements(ctx: Context) -> list[Statement]:
    """A link added or dropped ('For a list of entities that may be data controllers, click
    here'): said as what it links to, after every statement of a practice."""
    out: list[Statement] = []
    for k, c in _live(ctx):
        text = c.new if c.kind == "added" else c.old if c.kind == "removed" else None
        link = link_phrase(third_person(text, ctx.owner)) if text and is_pointer(text) else None
        if link:
            said = f"Adds {link}" if c.kind == "added" else f"No longer gives {link}"
            out.append(Statement(said, _topic(c), "pointer", link if c.kind == "removed" else None,
                                 link if c.kind == "added" else None, (k,)))
    return out


# -- the headline when no statement can lead ---------------------------------------------------

# where a coordinated sentence may be cut to its first clause: ', and may send …', ' and then …'
# or before a clause of consequence (', ensuring that the code is neither stored …': phrasing.CONSEQUENCE_PARTICIPLES)
_CLAUSE_JOIN_RE = re.compile(r",? (?:and|but|while|whereas) (?=(?:may|will|can|could|might|must|also|then|it|we|they|you|"
                             r"[A-Z][\w.&'’-]* (?:may|will|can|also))\b)|; |, (?=(?:%s)\b)" % "|".join(sorted(CONSEQUENCE_PARTICIPLES)))
FIRST_CLAUSE_MIN_WORDS = 8


def first_clause(text: str, limit: int) -> str | None:
    """The longest start of text ending before a coordinated clause (', and may send up to two
    reminders') that fits the limit and reads as a clause of its own: the first of two things
    the sentence says, which stays true without the second. None when no such cut fits."""
    from tracker.changes.phrasing import _balanced
    best = None
    for m in _CLAUSE_JOIN_RE.finditer(text):
        head = text[:m.start()].rstrip(" ,;")
        if len(head) > limit:
            break
        if len(head.split()) >= FIRST_CLAUSE_MIN_WORDS and has_verb(head) and _balanced(head):
            best = head
    return best


# a topic's words that end on a preposition read as a cut line at a headline's end
_ABOUT = {"who it shares data with": "sharing data with others"}
_KIND_VERBS = (("reworded", "Rewords"), ("added", "Adds"), ("removed", "Drops"))


def counted_changes(changes: "Sequence[Change]", trivial: set[int]) -> list[int]:
    """The changes a count of changed sentences counts: the material ones that state something
    (verdict.weighty) when there are any, else the material ones, else every real change."""
    from tracker.changes.verdict import weighty
    real = [k for k, c in enumerate(changes) if c.kind != "moved" and k not in trivial]
    material = [k for k in real if changes[k].material]
    return [k for k in material if weighty(changes[k])] or material or real


def changed_sentences_headline(changes: "Sequence[Change]", trivial: set[int], topic_words: dict[str, str]) -> str:
    """'Rewords 3 sentences in “How to opt out”', 'Adds 1 sentence and drops 2 about security':
    what changed, by count and place, when no statement says it (never the bare 'Changes what it
    says about …'). Material changes that state something (verdict.weighty) are counted when
    there are any, else material ones, else every real change."""
    chosen = [changes[k] for k in counted_changes(changes, trivial)]
    topics = [t for c in chosen for t in c.topics if t != "other"]
    about = topic_words[max(topics, key=lambda t: (topics.count(t), -topics.index(t)))] if topics else topic_words["other"]
    about = _ABOUT.get(about, about)
    if not chosen:
        return "Rewords its text"
    sections = [c.section or "" for c in chosen]
    where = max(sections, key=lambda s: (sections.count(s), -sections.index(s)))
    parts: list[str] = []
    for kind, verb in _KIND_VERBS:
        n = sum(1 for c in chosen if c.kind == kind)
        if n:
            noun = "sentence" if n == 1 else "sentences"
            parts.append(f"{verb.lower() if parts else verb} {n}" + ("" if parts else f" {noun}"))
    said = " and ".join(parts) if len(parts) <= 2 else f"{', '.join(parts[:-1])} and {parts[-1]}"
    in_one = len(set(sections)) == 1 and where and len(where) <= 60 and not _ui_title(where)
    if in_one:
        return f"{said} in “{where}”"
    # no topic word in any of them: the count alone ('Rewords 2 sentences'), never 'about its wording'
    return f"{said} about {about}" if topics else said


# -- details moved behind a link ----------------------------------------------------------------

# statements that only quote a sentence no longer there: folded when a new link covers their subject
# (a withdrawn promise, right or consent step is always stated on its own)
_FOLDED_IMPACTS = frozenset({"practice-changed", "pointer", "reworded", "sharing-narrowed", "named-party", "retention-stated"})
_SUBJECT_RE = re.compile(r"(?=\b([A-Z][a-z]{2,} [A-Z][a-z]{2,})\b)")
MIN_FOLDED = 2
# where the link's own words start ('… to the U.S. Click here to view our Privacy Shield Policy')
_LINK_START_RE = re.compile(r"(?i)\b(?:for (?:more|further|additional) (?:information|details)|to (?:learn|read|find out|view|see)\b|"
                            r"click (?:here|on)|please (?:see|visit|go)|learn more)")


def behind_link(cands: list[Statement], changes: "Sequence[Change]", owner: str) -> list[Statement]:
    """Sentences dropped while a new sentence links to where their subject is explained ('For
    more information about Intuit's Privacy Shield certification, please go here' while the
    Privacy Shield paragraph goes): one statement, '“Privacy Shield” details now given by link
    instead of in the policy', in place of a 'No longer says' for each detail and the link."""
    links = sorted({k for s in cands if s.impact == "pointer" for k in s.changes
                    if changes[k].kind in ("added", "reworded") and is_pointer(changes[k].new)})
    if not links:
        return cands
    for k in links:
        # the subject named by the link itself, not by a sentence glued before it
        at = _LINK_START_RE.search(changes[k].new or "")
        subjects = [p for p in _SUBJECT_RE.findall((changes[k].new or "")[at.start():] if at else "")
                    if owner.lower() not in p.lower()]
        for subject in dict.fromkeys(subjects):
            quoted = [s for s in cands if s.impact in _FOLDED_IMPACTS and s.text.startswith("No longer says")
                      and len(s.changes) == 1 and changes[s.changes[0]].kind == "removed"]
            naming = sorted({s.changes[0] for s in quoted if subject in (changes[s.changes[0]].old or "")})
            if len(naming) < MIN_FOLDED:
                continue
            # the passage: removed sentences of one section between the first and last naming it
            passage = {j for j in range(naming[0], naming[-1] + 1) if changes[j].kind == "removed"
                       and changes[j].section == changes[naming[0]].section}
            folded = [s for s in quoted if s.changes[0] in passage]
            said = Statement(f"{subject} details now given by link instead of in the policy", _topic(changes[k]),
                             "pointer", None, subject, tuple(sorted({j for s in folded for j in s.changes} | {k})))
            gone = {id(s) for s in folded}
            out = [s for s in cands if id(s) not in gone and not (s.impact == "pointer" and s.changes == (k,))]
            return out + [said]
    return cands
