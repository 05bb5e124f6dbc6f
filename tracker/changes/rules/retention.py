"""Rules of how long data is kept or when it is deleted, added or dropped (a deletion right or
'keeps your data safe' is none).
"""

from __future__ import annotations

import re
from dataclasses import replace

from tracker.changes.entities import sentence_durations
from tracker.changes.retained import with_data
from tracker.changes.rules.common import _added_or_dropped, Context, _lower, NAMED_QUOTE_LIMIT, _one_side, _owner_says, _RETENTION_RE, Statement


# how long data is kept: a verb of keeping or deleting ('deletion requests' are a right, and
# 'anonymized or aggregated information' given to others is no rule of keeping)
_RETAINS_RE = re.compile(r"(?i)\b(?:keep|keeps|kept|retain(?:s|ed|ing)?|retention|stor(?:e|es|ed)|delet(?:e|es|ed|ing)|"
                         r"eras(?:e|es|ed|ing)|purg(?:e|es|ed|ing))\b")
_KEPT_SAFE_RE = re.compile(r"(?i)\bkeep(?:s|ing)? (?:\w+ ){0,3}(?:private|safe|secure|confidential|up to date|accurate|"
                           r"informed)\b")


# retention as one word of a list of what a framework or notice covers ('the collection, use and
# retention of information'): no rule of how long data is kept
_LISTED_RETENTION_RE = re.compile(r"(?i)\b(?:collection|use|sharing|disclosure|processing|transfer),? (?:[a-z]+,? ){0,3}"
                                  r"(?:and|or) retention\b")


# deleting as one of the user's rights ('options to access, correct, suppress, or delete your
# personal information', 'you can request deletion'): a right, told by the rights rule
_DELETION_RIGHT_RE = re.compile(r"(?i)\b(?:access\w*|correct\w*|updat\w*|review\w*|suppress\w*|rectif\w*|restrict\w*|"
                                r"modify\w*|amend\w*)(?:,? (?:or |and )?\w+){0,3},? (?:or|and) (?:delet|eras)\w*\b|"
                                r"\b(?:request|ask for|ask us to|right to|you (?:can|may) (?:also )?(?:\w+ly )?)"
                                r" ?(?:the |that we |us to )?(?:delet|eras)\w*\b|"
                                # 'you can disable or delete similar data': the user's own control
                                r"\byou (?:can|may) (?:also |always )?\w+ (?:or|and) (?:delet|eras)\w*\b|"
                                # the user's own act: 'if you want to delete …', 'if you delete cookies'
                                r"\bif you (?:\w+ ){0,2}?(?:to )?(?:delet|eras)\w*\b|"
                                # 'your reasonable request to access and correct your data … or delete the data'
                                r"\brequests? (?:to|for|that) [^.;]{0,80}?\b(?:delet|eras)\w*\b")
# deleting a piece of the text, not of the data ('deleted paragraph about Email Security')
_TEXT_EDIT_RE = re.compile(r"(?i)\b(?:delet|eras|remov)\w* (?:a |an |the |this |that )?(?:\w+ )?(?:paragraphs?|sections?|"
                           r"sentences?|text|language|references?|clauses?|wording|bullets?|links?|headings?|provisions?)\b")
# a rule of keeping says for how long or until when: a period, an event that ends it, a limit
# to what the data is needed for; 'may collect and retain information to provide you with
# future communications' keeps data for a use and is no rule of how long
_UNTIL_RE = re.compile(r"(?i)\buntil\b|\b(?:for )?as long as\b|\bno longer (?:needed|necessary|required|relevant|useful)\b|"
                       r"\b(?:after|upon|following|at the end of|on) (?:the |your |its )?(?:\w+ ){0,3}(?:closure|closing|"
                       r"termination|cancell?ation|deletion|removal|expir\w*|end|deactivat\w*)\b|"
                       r"\b(?:after|once) (?:you |we )?(?:remove|delete|close|cancel)|\bperiods?\b|\bindefinite(?:ly)?\b|"
                       r"\bpermanent(?:ly)?\b|\bimmediately\b|\bexpir\w*|\bretention (?:polic|schedul)\w*|\btemporar\w*|"
                       r"\bonly (?:\w+ ){0,2}(?:retain|keep|store)|\bas (?:required|permitted|necessary|needed)\b|"
                       r"\bpurposes? for which\b|\blonger than\b|\bat (?:least|most)\b|"
                       r"\b(?:a|one|several|few|\d+) (?:\w+ )?(?:years?|months?|weeks?|days?|hours?)\b")
_DELETES_RE = re.compile(r"(?i)\b(?:delet(?:e|es|ed|ing)|eras(?:e|es|ed|ing)|purg(?:e|es|ed|ing)|destroy\w*|"
                         r"anonymi[sz]\w*|de-identif\w*)\b")


# words in quotes are a label the user types or clicks ('"Delete my Facebook Information" in the
# subject line'), also when a sentence split left only the quote's end
_QUOTED_RE = re.compile(r'"[^"]{1,80}"|“[^”]{1,80}”|^[^"“”]{1,60}["”](?=\s)')


def is_retention_rule(text: str) -> bool:
    """Does the sentence say how long data is kept or when it is deleted (a period, an event that
    ends the keeping, a purpose that limits it, or data deleted), rather than use 'retain' or
    'delete' for something else (keeping data safe, a deletion right, a deleted paragraph)?"""
    cleaned = _TEXT_EDIT_RE.sub(" ", _DELETION_RIGHT_RE.sub(" ", _LISTED_RETENTION_RE.sub(" ", _KEPT_SAFE_RE.sub(
        " ", _QUOTED_RE.sub(" ", text)))))
    if not _RETAINS_RE.search(cleaned):
        return False
    return bool(sentence_durations(text) or _UNTIL_RE.search(cleaned) or _DELETES_RE.search(cleaned))


HEADLINE_ROOM = 139         # characters of a headline: a longer rule gets a condensed headline form
NEW_LABEL = "New: "         # the shortest label a headline gives a rule (see headline): a rule that fits with it is whole


def _with_short(s: Statement, label: str, said: str, periods: set[str]) -> Statement:
    """s with a headline form when its line is too long to lead: the rule condensed (a list said
    by its first item, a figure after its word left out; never cut, as a cut could leave out the
    'unless …' that limits a new rule), else s."""
    from tracker.changes.retained import condensed
    if len(s.text) <= HEADLINE_ROOM or len(NEW_LABEL) + len(said) <= HEADLINE_ROOM:
        return s                  # it leads whole, as 'New: …' at least: never condensed
    short = condensed(said, periods, HEADLINE_ROOM - len(label), cut=False)
    return replace(s, short=f"{label}{short}") if short else s


def retention_statements(ctx: Context) -> list[Statement]:
    """A rule about keeping or deleting data added or dropped (value changes are told above)."""
    out: list[Statement] = []
    for k, c, text in _added_or_dropped(ctx, "retention", _RETAINS_RE):
        if not is_retention_rule(text):
            continue                      # 'keeps your information private and safe': security, not retention
        periods = sentence_durations(text)
        said = (_owner_says(ctx, text, re.compile("|".join(map(re.escape, sorted(periods))), re.I)) if periods
                else None) or _owner_says(ctx, text, _RETENTION_RE) \
            or _owner_says(ctx, text, _RETENTION_RE, NAMED_QUOTE_LIMIT)     # how long data is kept: worth a longer quote
        if said:
            said = with_data(said, text, ctx.old_page if c.kind == "removed" else ctx.new_page)
        if said:
            # a period stated where none was is a change of how long data is kept
            impact = "retention-changed" if sentence_durations(text) else "retention-stated"
            label = "New retention rule: " if c.kind == "added" else "Retention rule dropped: "
            stated = _one_side(f"{label}{_lower(said)}", "retention", impact, said, c.kind, k)
            out.append(_with_short(stated, label, _lower(said), periods))
    return out
