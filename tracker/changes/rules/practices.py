"""Collecting, using and keeping data in any other sentence, children's rules, and data newly
combined with the user's identity or tracked for ads.
"""

from __future__ import annotations

import re

from tracker.changes.rules.common import _added_or_dropped, _address_edit, _COLLECT_RE, Context, _edit_focus, edit_statement, _live, _lower, _NOUN_PHRASE_RE, _one_side, _owner_says, _PRACTICE_RE, _SOURCE_RE, Statement, _topic


# a clause shorter than this (letters and digits) is too little to call unchanged by itself
MIN_SAID_LETTERS = 20
_CHILD_RE = re.compile(r"(?i)\bchild(?:ren|ren's)?\b(?! (?:pornography|abuse|sexual|exploitation))|\bminors?\b|\bunder (?:the age of )?\d{1,2}\b|\bparental\b")


def children_statements(ctx: Context) -> list[Statement]:
    """A sentence about children (who may use the service, what is collected from them) added
    or dropped: a protected group, told apart from other practice sentences."""
    out: list[Statement] = []
    for k, c, text in _added_or_dropped(ctx, "children", _CHILD_RE):
        said = _owner_says(ctx, text, _CHILD_RE)
        if said:
            out.append(_one_side(said if c.kind == "added" else f"No longer says: {_lower(said)}", "children",
                                 "children-rule", said, c.kind, k))
    return out


# data combined with what identifies the user: a new use readers look for ('activity on other
# sites may be associated with your personal information', 'combined with your account')
_COMBINE_RE = re.compile(r"(?i)\b(?:we|may|might|will|can|could|to|also|and)\s+(?:also\s+)?(?:be\s+)?"
                         r"(?:associate[sd]?|combine[sd]?|link(?:s|ed)?|connect(?:s|ed)?|merge[sd]?)\b[^.;]{0,40}?"
                         r"\b(?:with|to) (?:your |the user's |a user's )?(?:personal (?:information|data)|\w+ account|"
                         r"account|profile|identity|name)\b")
_NEGATED_RE = re.compile(r"(?i)\b(?:not|never|no)\b|n't\b")


def _combines(text: str) -> bool:
    """The sentence says data is (or may be) combined with what identifies the user, not that
    it is not."""
    m = _COMBINE_RE.search(text)
    return m is not None and not _NEGATED_RE.search(text[max(0, m.start() - 12):m.end()])


# trackers used for advertising: what a user most wants to know is watched and why
_TRACKER_RE = re.compile(r"(?i)\b(?:cookies|web beacons|pixels?|(?:advertising|device|mobile) (?:identifiers?|IDs?)|"
                         r"tracking (?:technologies|tools)|SDKs?)\b")
_AD_PURPOSE_RE = re.compile(r"(?i)\b(?:ads|advertis\w+|interest-based|tailor\w*|personali[sz]e\w*|retarget\w*|marketing)\b")


def _tracks_for_ads(text: str) -> bool:
    """A sentence saying trackers (cookies, advertising identifiers, pixels) are used for ads,
    and not that they are not."""
    m = _TRACKER_RE.search(text)
    return bool(m and _AD_PURPOSE_RE.search(text, m.end()) and not _NEGATED_RE.search(text))


def practice_statements(ctx: Context) -> list[Statement]:
    """Any other sentence about collecting, using or keeping data added, dropped or reworded."""
    from tracker.changes.digests import new_source
    from tracker.changes.edits import edit_short as _edit_short, reworded_was as _reworded_was
    from tracker.changes.insertions import item_impact
    out: list[Statement] = []
    for k, c in _live(ctx):
        text = c.new if c.kind != "removed" else c.old
        if not text or (c.kind == "reworded" and _address_edit(c)):
            continue                      # an address edit is stated as one (value_statements)
        focus = _COLLECT_RE if _COLLECT_RE.search(text) else _PRACTICE_RE
        said = _owner_says(ctx, text, focus)
        edit_said = None
        if c.kind == "reworded":
            e = edit_statement(ctx, c)
            if e:
                widened = _combines(text) and not _combines(c.old or "")
                impact = item_impact(ctx.owner, c) or ("collection-widened" if widened else "practice-changed")
                out.append(Statement(e[0], _topic(c), impact, e[1], e[2], (k,), _edit_short(ctx, c, e[0])))
                continue
            edit = _edit_focus(c)
            edit_said = _owner_says(ctx, text, edit) if edit else None
            said = edit_said or said
        if not said:
            src = new_source(ctx, c)      # too long to quote, but it names a new source of data
            if src:
                out.append(Statement(f"{ctx.owner} now also gets data about you from {src}", "collection",
                                     "sources-widened", None, src, (k,)))
            continue
        impact = "collection-widened" if c.kind == "added" and focus is _COLLECT_RE else "practice-changed"
        if c.kind == "added" and _SOURCE_RE.search(text) and _COLLECT_RE.search(text) \
                and not _NOUN_PHRASE_RE.match(said):    # 'Information about you that X obtains from …': a list label
            impact = "sources-widened"          # 'we also collect information about you from trusted partners'
        if c.kind == "added" and _tracks_for_ads(text):
            impact = "collection-widened"       # 'advertising identifiers … are used to show you interest-based ads'
        if c.kind != "removed" and _combines(text) and not _combines(c.old or ""):
            impact = "collection-widened"       # 'your activity … may be associated with your personal information'
        if any(f.startswith("practice changed") and f.rsplit(" → ", 1)[-1] in ("share", "sell") for f in c.flips):
            impact = "sharing-widened"          # 'we collect' -> 'we sell': data now goes to others
        if c.kind == "added":
            out.append(Statement(said, _topic(c), impact, None, said, (k,)))
        elif c.kind == "removed":
            out.append(Statement(f"No longer says: {_lower(said)}", _topic(c), "practice-changed", said, None, (k,)))
        else:
            if _cut_short(said):
                continue                  # 'Reddit processes your information where (was: …)': a clause cut open
            if not edit_said and said_before(ctx.owner, said, c.old or ""):
                continue                  # the edit lies outside the clause quoted: it would tell no change
            was = _reworded_was(c) if edit_said else ""      # the old words belong to the quoted clause only
            out.append(Statement(f"{said} (was: {was})" if was else said, _topic(c), "practice-changed",
                                 was or None, said, (k,)))
    return out


def said_before(owner: str, said: str, old: str) -> bool:
    """Does the old sentence write the quoted clause word for word (in the third person, as the
    quote is)? A reworded sentence whose edit lies outside the clause quoted from it ('… how to
    opt-out, which you can do by emailing A' -> '… emailing B', quoted as '… how to opt-out') would
    publish an unchanged clause as if it were the change."""
    from tracker.changes.phrasing import third_person
    want = _squeezed(said)
    return len(want) >= MIN_SAID_LETTERS and want in _squeezed(third_person(old, owner))


def _squeezed(text: str) -> str:
    """Lower-case letters and digits only: the words of a clause, whatever its punctuation."""
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _cut_short(said: str) -> bool:
    """A quoted clause that stops before its end ('… processes your information where')."""
    from tracker.changes.edits import _DANGLING_END_RE, LIST_OPEN_RE
    return bool(_DANGLING_END_RE.search(said) or LIST_OPEN_RE.search(said))
