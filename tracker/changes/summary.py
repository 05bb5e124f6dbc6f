"""Verdict, headline and bullets: what a feed reader must learn at a glance."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .report import Change
from .verdict import short, word_diff

_TOPIC_LABEL = {
    "collection": "data collected", "use": "use of data", "sharing": "sharing",
    "sale": "sale of data", "cookies-tracking": "cookies and tracking", "retention": "retention",
    "rights": "user rights", "security": "security", "children": "children",
    "international-transfer": "international transfers", "do-not-track": "Do Not Track",
    "legal-basis": "legal basis", "policy-changes": "policy changes", "contact": "contact details",
    "ai": "AI", "other": "other wording",
}
_KIND_LABEL = {"laws": "Laws", "vendors": "Third parties", "emails": "E-mail addresses",
               "domains": "Domains", "phones": "Phone numbers", "durations": "Periods", "ages": "Age thresholds"}
_TOPIC_WEIGHT = {"sale": 3, "children": 3, "sharing": 2, "collection": 2, "retention": 2, "rights": 2,
                 "ai": 2, "international-transfer": 2, "legal-basis": 1.5, "cookies-tracking": 1.5,
                 "security": 1.5, "use": 1.5, "do-not-track": 1.5, "contact": 1, "policy-changes": 1, "other": 0.5}


@dataclass
class Facts:
    """Everything the summary is built from (computed by the detector)."""

    changes: list[Change]
    sections_added: list[str]
    sections_removed: list[str]
    sections_renamed: list[tuple[str, str]]
    entities_added: dict[str, list[str]]
    entities_removed: dict[str, list[str]]
    topic_counts: list[tuple[str, int]]
    similarity: float
    stats: dict[str, int]
    n_old_sections: int
    n_new_sections: int
    date_stamp_changed: bool
    links_changed: int = 0            # link targets present on one side only
    new_terms: list[str] = field(default_factory=list)
    gone_terms: list[str] = field(default_factory=list)


def _list(items: list[str], limit: int = 4) -> str:
    if len(items) <= limit:
        return ", ".join(items)
    return ", ".join(items[:limit]) + f" and {len(items) - limit} more"


_COMMITMENT_RE = re.compile(
    r"(?i)\b(?:right to|you (?:may|can|have the right to) (?:request|ask|object|opt|withdraw|lodge|delete|"
    r"access|export|download|correct)|we (?:will|do) not|we never|we (?:sell|share|disclose)|without your consent)\b")


def _change_score(c: Change) -> float:
    """How much a reader needs to see this change: topic weight, commitments and rights
    ('you have the right to', 'we will not'), flips, and a little for length."""
    w = max((_TOPIC_WEIGHT.get(t, 1) for t in c.topics), default=0.5)
    text = c.new or c.old or ""
    length = min(len(text.split()), 40) / 40
    commitment = 1.0 if _COMMITMENT_RE.search(text) else 0.0
    return (3 if c.flips else 0) + w + length + commitment + (0.5 if c.kind == "added" else 0)


def decide_verdict(f: Facts) -> str:
    real = [c for c in f.changes if c.kind != "moved"]
    if not real:
        return "cosmetic"
    changed_share = 1.0 - f.similarity
    sec_total = max(f.n_old_sections, f.n_new_sections, 1)
    sec_churn = (len(f.sections_added) + len(f.sections_removed)) / sec_total
    if f.similarity < 0.35 or (f.similarity < 0.55 and sec_churn >= 0.5):
        return "major"
    material = [c for c in real if c.material]
    hard_entities = sum(len(f.entities_added[k]) + len(f.entities_removed[k])
                        for k in ("vendors", "emails", "phones", "durations", "ages"))
    flipped = any(c.flips for c in material)
    if len(material) >= SUBSTANTIVE_MIN_CHANGES or flipped or (hard_entities and material) \
            or (f.sections_added and material) or (changed_share > 0.1 and material):
        return "substantive"
    return "minor"


SUBSTANTIVE_MIN_CHANGES = 2
_STOP = set("""about above after again against all also among and any are because been before being
below between both but can could did does doing down during each few for from further had has have
having her here hers him his how however into its itself just may might more most must not now off once
only other our ours out over own same shall she should some such than that the their theirs them then
there these they this those through under until upon very was were what when where which while who
whom why will with would you your yours we us use used using information data personal policy privacy
including include includes other such service services please also example certain time way ways
give gives given like likely many much well able within without across along associated related
provide provides provided make makes made take takes new one two three first last see note
regarding you're we're help add specific anyone directly reason reasons purpose purposes things thing
own may might can could would should""".split())


_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'-]{2,}")
_BIGRAM_RE = re.compile(r"(?<![\w.@/-])(?=([a-z][a-z'-]{2,}) ([a-z][a-z'-]{2,})(?![\w.@/-]))")
_PHRASE_RE = re.compile(r"\b[A-Z][a-zA-Z]+(?: (?:of |for |to |the |and )?[A-Z][a-zA-Z]+)+")


def _salient(changed: list[str], other_text: str, limit: int = 12) -> list[str]:
    """Terms frequent in the changed sentences but rare on the other side (tf / (1 + df)).

    Capitalised multi-word names ("Reddit Pro", "Business Chatbots") count as one term.
    """
    other_counts = Counter(w.lower() for w in _WORD_RE.findall(other_text))
    other_low = other_text.lower()
    other_bigrams = Counter(f"{m.group(1)} {m.group(2)}" for m in _BIGRAM_RE.finditer(other_low))
    counts: Counter[str] = Counter()
    shown: dict[str, str] = {}
    for text in changed:
        for ph in _PHRASE_RE.findall(text):
            words = ph.split()
            if 2 <= len(words) <= 4 and ph.lower() not in other_low:
                counts[ph.lower()] += 1
                shown.setdefault(ph.lower(), ph)
        words = _WORD_RE.findall(text)
        for k, w in enumerate(words):
            lw = w.lower().strip("'-")
            if len(lw) >= 3 and lw not in _STOP:
                counts[lw] += 1
                shown.setdefault(lw, w if w.isupper() else lw)
        for m in _BIGRAM_RE.finditer(text):
            a, b = m.group(1), m.group(2)
            if a not in _STOP and b not in _STOP:
                counts["2:" + f"{a} {b}"] += 1
                shown.setdefault("2:" + f"{a} {b}", f"{a} {b}")
    scored = []
    for term, n in counts.items():
        if term.startswith("2:"):
            o = other_bigrams.get(term[2:], 0)
            if n < 2:
                continue
            score = 1.2 * n / (1 + o) ** 0.5
        elif " " in term:
            score = 1.5 * n
        else:
            o = other_counts.get(term, 0)
            if o and n < 2:
                continue
            score = n / (1 + o) ** 0.5
        scored.append((-score, -n, term))
    scored.sort()
    out: list[str] = []
    for _, _, term in scored:
        label = shown[term]
        if any(label.lower() in t.lower().split() or label.lower() == t.lower() for t in out):
            continue   # 'pro' when 'Reddit Pro' is already listed
        out.append(label)
        if len(out) == limit:
            break
    return out


def novel_terms(old_text: str, new_text: str, changes: list[Change],
                section_titles: list[str] = ()) -> tuple[list[str], list[str]]:
    """Key terms of what was added and of what was dropped: the vocabulary a reader would
    search the change for."""
    from .verdict import delta_words
    came_texts: list[str] = []
    gone_texts: list[str] = []
    for c in changes:
        if c.kind == "moved" or not c.material:
            continue
        if c.kind == "added":
            came_texts.append(c.new or "")
        elif c.kind == "removed":
            gone_texts.append(c.old or "")
        else:
            gone, came = delta_words(c.old or "", c.new or "")
            came_texts.append(came)
            gone_texts.append(gone)
    return _salient(came_texts + list(section_titles), old_text), _salient(gone_texts, new_text, 8)


def bullets_and_headline(f: Facts, verdict: str) -> tuple[list[str], str]:
    """At most 8 bullets, most material first, and a one-line headline under 160 characters."""
    if verdict == "cosmetic":
        what = []
        if f.date_stamp_changed:
            what.append("date stamp")
        if any(c.kind == "moved" for c in f.changes):
            what.append("text reordered")
        what.append("formatting")
        return [], "Cosmetic only: " + " and ".join([", ".join(what[:-1]), what[-1]] if len(what) > 1 else what)

    ranked: list[tuple[float, int, str]] = []   # (priority, order, text)
    order = 0

    def add(priority: float, text: str) -> None:
        nonlocal order
        ranked.append((priority, order, text))
        order += 1

    # meaning flips in reworded sentences
    flipped = sorted((c for c in f.changes if c.flips and c.material), key=lambda c: -_change_score(c))
    # negations first (they invert a statement); at most two flip bullets, one if the rest is busy
    flipped.sort(key=lambda c: not any(x.startswith("negation") for x in c.flips))
    for c in flipped[:1 if len([c for c in f.changes if c.material]) > 20 else 2]:
        topic = _TOPIC_LABEL.get(c.topics[0], c.topics[0]) if c.topics else "wording"
        add(10, f"{topic.capitalize()}: {c.flips[0]}: {redline_snippet(c.old or '', c.new or '', 120, _flip_focus(c.flips[0]))}")
    # periods (retention etc.)
    da, dr = f.entities_added["durations"], f.entities_removed["durations"]
    if da or dr:
        if da and dr:
            add(9, f"Periods: {_list(dr, 3)} → {_list(da, 3)}")
        elif da:
            add(9, f"New periods stated: {_list(da)}")
        else:
            add(8, f"Periods no longer stated: {_list(dr)}")
    if f.sections_added:
        label = "New section" if len(f.sections_added) == 1 else "New sections"
        add(8.5, f"{label}: {_list(f.sections_added, 6)}")
    if f.sections_removed:
        label = "Section removed" if len(f.sections_removed) == 1 else "Sections removed"
        add(8, f"{label}: {_list(f.sections_removed, 4)}")
    for kind, pr in (("vendors", 8.8), ("laws", 7.5), ("emails", 7), ("phones", 7), ("ages", 8.6)):
        a, r = f.entities_added[kind], f.entities_removed[kind]
        if a and r:
            add(pr, f"{_KIND_LABEL[kind]} added: {_list(a)}; removed: {_list(r)}")
        elif a:
            add(pr, f"{_KIND_LABEL[kind]} added: {_list(a)}")
        elif r:
            add(pr - 0.2, f"{_KIND_LABEL[kind]} removed: {_list(r)}")
    if f.new_terms:
        add(7.2, "Key new terms: " + ", ".join(f.new_terms[:12]))
    topics = [t for t, _ in f.topic_counts if t != "other"]
    if topics:
        add(4.9, "Topics changed: " + ", ".join(f"{t} ({n})" for t, n in f.topic_counts if t != "other"))
    if f.gone_terms:
        add(4.5, "Key terms dropped: " + ", ".join(f.gone_terms[:8]))
    if f.links_changed:
        add(4.2, f"Links: {f.links_changed} link target{'s' if f.links_changed != 1 else ''} changed")
    if f.sections_renamed:
        add(5, "Section renamed: " + "; ".join(f"{a} → {b}" for a, b in f.sections_renamed[:2]))

    # the most material sentence-level changes, quoted
    material = sorted((c for c in f.changes if c.material and not c.flips),
                      key=lambda c: (-_change_score(c)))
    others = [c for c in f.changes if c.kind in ("added", "removed", "reworded") and not c.material]
    for c in _diverse((material or others), f.new_terms, 4):
        topic = _TOPIC_LABEL.get(c.topics[0], c.topics[0]) if c.topics else "wording"
        if c.kind == "added":
            add(6, f"Added ({topic}): “{short(c.new or '', 150)}”")
        elif c.kind == "removed":
            add(5.5, f"Removed ({topic}): “{short(c.old or '', 150)}”")
        else:
            from .verdict import delta_words
            add(5.8, f"Reworded ({topic}): {redline_snippet(c.old or '', c.new or '', 130)}")

    ranked.sort(key=lambda x: (-x[0], x[1]))
    bullets = []
    for _, _, text in ranked:
        if text not in bullets:
            bullets.append(text)
        if len(bullets) == 8:
            break
    return bullets, _headline(f, verdict)


def redline_snippet(old: str, new: str, limit: int, focus: "re.Pattern[str] | None" = None) -> str:
    """'…to Nonpublic [Information → personal data] Policy…': one edit with context — the
    first one, or the first whose changed words match focus (e.g. the negation of a flip)."""
    d = word_diff(old, new)
    parts: list[str] = []
    if focus is not None and not any(op != " " and focus.search(t) for op, t in d):
        focus = None
    for k, (op, text) in enumerate(d):
        if op == " ":
            continue
        if focus is not None:
            pair = text + (d[k + 1][1] if op == "-" and k + 1 < len(d) and d[k + 1][0] == "+" else "")
            if not focus.search(pair) and not (op == "+" and k and d[k - 1][0] == "-" and focus.search(d[k - 1][1] + text)):
                continue
        before = d[k - 1][1].split()[-4:] if k and d[k - 1][0] == " " else []
        gone = text.strip() if op == "-" else ""
        came = ""
        nxt = k + 1
        if op == "-" and nxt < len(d) and d[nxt][0] == "+":
            came = d[nxt][1].strip()
            nxt += 1
        elif op == "+":
            came = text.strip()
        after = d[nxt][1].split()[:4] if nxt < len(d) and d[nxt][0] == " " else []
        edit = f"[{short(gone, 50)} → {short(came, 50)}]" if gone and came else (
            f"[+{short(came, 90)}]" if came else f"[-{short(gone, 90)}]")
        parts.append(("…" if before else "") + " ".join(before + [edit] + after) + ("…" if after else ""))
        break
    return short(" ".join(parts), limit) if parts else short(new, limit)


def _flip_focus(flip: str) -> "re.Pattern[str]":
    from .verdict import _NEG_RE, _NUMBER_RE
    if flip.startswith("negation"):
        return _NEG_RE
    if flip.startswith("number"):
        return _NUMBER_RE
    if flip.startswith("opt"):
        return re.compile(r"(?i)\bopt")
    return re.compile(r"(?i)\b(?:may|might|can|could|will|shall|must|always|required?)\b")


def _diverse(changes: list[Change], terms: list[str], k: int) -> list[Change]:
    """Up to k changes, each adding new vocabulary to what the bullets already show
    (a summary of five near-identical sentences tells the reader less than five different ones)."""
    wanted = {t.lower() for t in terms[:30]}
    chosen: list[Change] = []
    covered: set[str] = set()
    pool = list(changes[:60])
    while pool and len(chosen) < k:
        def gain(c: Change) -> tuple[float, float]:
            words = {w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'-]{2,}", c.new or c.old or "")}
            fresh = len((words & wanted) - covered)
            repeat = len(words & covered) / max(1, len(words))
            return (_change_score(c) + 0.3 * min(fresh, 3) - repeat, _change_score(c))
        best = max(pool, key=gain)
        pool.remove(best)
        chosen.append(best)
        covered |= {w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'-]{2,}", best.new or best.old or "")}
    return chosen


def _headline(f: Facts, verdict: str) -> str:
    """One line under 160 characters: what kind of change, the new parties/periods/sections,
    then as many changed topics as fit (most changed first)."""
    parts: list[str] = []
    topics = [t.replace("-", " ") for t, _ in f.topic_counts if t != "other"]
    if verdict == "major":
        parts.append("Major rewrite")
    if f.sections_added:
        parts.append(f"{len(f.sections_added)} new section{'s' if len(f.sections_added) > 1 else ''}"
                     if len(f.sections_added) > 1 or len(f.sections_added[0]) > 50
                     else f"new section “{f.sections_added[0]}”")
    va = f.entities_added["vendors"]
    if va:
        parts.append(f"names {_list(va, 2)}")
    if f.entities_added["durations"] and f.entities_removed["durations"]:
        parts.append(f"period {f.entities_removed['durations'][0]} → {f.entities_added['durations'][0]}")
    if not parts and not topics:
        n = sum(f.stats.get(k, 0) for k in ("added", "removed", "reworded"))
        parts.append(f"{n} sentence{'s' if n != 1 else ''} reworded, added or removed")
    lead = {"minor": "Minor wording change", "substantive": "Substantive change", "major": ""}[verdict]
    suffix = ""   # the date stamp is metadata (report.date_stamp); the line is for the substance

    def build(n_topics: int) -> str:
        ps = parts + (["changes to " + ", ".join(topics[:n_topics])] if n_topics else [])
        text = "; ".join(ps)
        return (f"{lead}: {text}" if lead else text) + suffix

    n = min(len(topics), 3)
    while n < len(topics) and len(build(n + 1)) < 158:
        n += 1
    head = build(n)
    if len(head) >= 160:
        head = short(head, 155)
    return head
