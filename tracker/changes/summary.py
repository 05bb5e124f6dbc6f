"""Verdict, headline and bullets: what a feed reader must learn at a glance."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from tracker.changes.align import WORK
from tracker.changes.report import Change
from tracker.changes.verdict import short, word_diff

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
_TOPIC_WEIGHT = {"sale": 3, "children": 3, "sharing": 2, "collection": 2, "retention": 2, "rights": 2.1,
                 "ai": 2, "international-transfer": 2.05, "legal-basis": 1.5, "cookies-tracking": 1.5,
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
    new_names: list[str] = field(default_factory=list)      # proper names only on the new side
    gone_names: list[str] = field(default_factory=list)


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


def _cites_new_legal_basis(c: Change) -> bool:
    """A law or framework cited or dropped in a sentence about international transfers
    ("we adhere to ... including the EU-US Privacy Shield") changes the legal footing of those
    transfers, unlike a law named in passing (a link to another document's guidance)."""
    from tracker.changes.entities import extract_sentence

    if "international-transfer" not in c.topics:
        return False
    return extract_sentence(c.old or "").get("laws") != extract_sentence(c.new or "").get("laws")


def decide_verdict(f: Facts) -> str:
    real = [c for c in f.changes if c.kind != "moved"]
    if not real:
        return "cosmetic"
    changed_share = 1.0 - f.similarity
    sec_total = max(f.n_old_sections, f.n_new_sections, 1)
    sec_churn = (len(f.sections_added) + len(f.sections_removed)) / sec_total
    # most text new, and the outline changed too (page-chrome headings no longer inflate the
    # outline, so a third of the headings new or gone is already a restructure)
    if f.similarity < 0.35 or (f.similarity < 0.5 and sec_churn >= 0.3) or (f.similarity < 0.55 and sec_churn >= 0.5):
        return "major"
    material = [c for c in real if c.material]
    hard_entities = sum(len(f.entities_added[k]) + len(f.entities_removed[k])
                        for k in ("vendors", "emails", "phones", "durations", "ages"))
    flipped = any(c.flips for c in material)
    if len(material) >= SUBSTANTIVE_MIN_CHANGES or flipped or (hard_entities and material) \
            or any(_cites_new_legal_basis(c) for c in material) \
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


PHRASE_SCAN_BUDGET = 30_000_000   # characters of plain substring search before indexing


def phrases_in(phrases: set[str], text: str) -> set[str]:
    """The phrases (lower-case words of letters joined by single spaces, as _PHRASE_RE finds
    them, lower-cased) that occur in text as substrings: {p for p in phrases if p in text}.

    Searching the whole text once per phrase is quadratic on long documents (the phrases come
    from the changed text, which grows with them); past a budget the text is split on single
    spaces instead, where an occurrence is a piece ending with the first word, pieces equal to
    the middle words and a piece starting with the last word: an exact, linear test."""
    if not phrases:
        return set()
    WORK["bounded_scan_chars"] += min(len(phrases) * len(text), PHRASE_SCAN_BUDGET)
    if len(phrases) * len(text) <= PHRASE_SCAN_BUDGET:
        return {p for p in phrases if p in text}
    pieces = text.split(" ")
    WORK["index_steps"] += len(pieces) * 2
    found: set[str] = set()
    longer = [p.split(" ") for p in phrases if p.count(" ") >= 2]
    if longer:
        # anchored on the second word and the start of the third: 'of' alone is everywhere
        at: dict[tuple[str, str], list[int]] = {}
        for i in range(len(pieces) - 1):
            at.setdefault((pieces[i], pieces[i + 1][:2]), []).append(i)
        for ws in longer:
            k = len(ws)
            places = at.get((ws[1], ws[2][:2]), ())
            WORK["index_steps"] += len(places)
            for j in places:       # pieces[j] is the second word: s = j - 1 starts it
                if (j >= 1 and j + k - 2 < len(pieces) and pieces[j - 1].endswith(ws[0])
                        and pieces[j:j + k - 2] == ws[1:k - 1] and pieces[j + k - 2].startswith(ws[-1])):
                    found.add(" ".join(ws))
                    break
    pairs: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for p in phrases:
        if p.count(" ") == 1:
            a, b = p.split(" ")
            pairs.setdefault((a[-2:], b[:2]), []).append((a, b))
    if pairs:
        for a, b in zip(pieces, pieces[1:]):
            cands = pairs.get((a[-2:], b[:2]))
            if cands:
                for w1, w2 in cands:
                    if a.endswith(w1) and b.startswith(w2):
                        found.add(f"{w1} {w2}")
    return found


def _salient(changed: list[str], other_text: str, limit: int = 12) -> list[str]:
    """Terms frequent in the changed sentences but rare on the other side (tf / (1 + df)).

    Capitalised multi-word names ("Reddit Pro", "Business Chatbots") count as one term.
    """
    # counted at C speed on the words as written, then merged by lower case (the same counts
    # as lower-casing each word first, one Python step per distinct word instead of per word)
    other_counts: Counter[str] = Counter()
    for w, k in Counter(_WORD_RE.findall(other_text)).items():
        other_counts[w.lower()] += k
    other_low = other_text.lower()
    other_bigrams: Counter[str] | None = None   # a scan of the whole other side: only if needed
    counts: Counter[str] = Counter()
    shown: dict[str, str] = {}
    known = phrases_in({ph.lower() for text in changed for ph in _PHRASE_RE.findall(text)
                        if 2 <= len(ph.split()) <= 4}, other_low)
    for text in changed:
        for ph in _PHRASE_RE.findall(text):
            words = ph.split()
            if 2 <= len(words) <= 4 and ph.lower() not in known:
                counts[ph.lower()] += 1
                shown.setdefault(ph.lower(), ph)
    # words and bigrams: counted at C speed per distinct form, in order of first appearance,
    # so each term keeps the form it was first written in (phrases have spaces, words none,
    # bigrams a '2:' prefix: the three kinds of keys never collide)
    for w, k in Counter(w for text in changed for w in _WORD_RE.findall(text)).items():
        lw = w.lower().strip("'-")
        if len(lw) >= 3 and lw not in _STOP:
            counts[lw] += k
            shown.setdefault(lw, w if w.isupper() else lw)
    for (a, b), k in Counter(ab for text in changed for ab in _BIGRAM_RE.findall(text)).items():
        if a not in _STOP and b not in _STOP:
            counts["2:" + f"{a} {b}"] += k
            shown.setdefault("2:" + f"{a} {b}", f"{a} {b}")
    scored = []
    for term, n in counts.items():
        if term.startswith("2:"):
            if n < 2:
                continue
            if other_bigrams is None:
                other_bigrams = Counter(map(" ".join, _BIGRAM_RE.findall(other_low)))
            o = other_bigrams.get(term[2:], 0)
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
                section_titles: tuple[str, ...] | list[str] = ()) -> tuple[list[str], list[str]]:
    """Key terms of what was added and of what was dropped: the vocabulary a reader would
    search the change for."""
    from tracker.changes.verdict import delta_words
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


_NAME_RE = re.compile(r"\b(?:[A-Z][a-zA-Z0-9&'-]*[a-zA-Z0-9]|[A-Z]{2,})"
                      r"(?:[ ](?:of |for |the )?(?:[A-Z][a-zA-Z0-9&'-]*[a-zA-Z0-9]|[A-Z]{2,}))*")
_GENERIC_NAMES = set("""a an the we you our your if for in on at to this these that those it its please
when where what how why who which each any all some no not yes or and but as by with from
information data personal service services policy privacy notice terms site sites website websites
app apps account accounts user users content section note example learn more read see click here
us inc llc ltd company attn contents menu home top""".split())
# a UI label glued to the next word by a scrape ('ExpandOperating the Wikimedia Sites')
_GLUED_UI_RE = re.compile(r"\b(?:Expand|Collapse|Show|Hide|Back|Read|More|Top|Menu|Close)[A-Z][a-z]"
                          # a lost line break: 'Information CollectionWe', 'Third PartiesAt',
                          # 'Service ProvidersApple'; brands glue short parts ('PayPal', 'LinkedIn')
                          r"|[a-z]{3}(?:We|It|At|The|Our|Your|You|If|When|These|For|To|As|By|Some|Learn|See)\b"
                          r"|[A-Z][a-z]{7,}[A-Z][a-z]")


def _is_sentence_start(text: str, pos: int) -> bool:
    before = text[max(0, pos - 16):pos].rstrip(" \"'“(")
    if not before:
        return pos < 16 or not text[:pos].strip()
    if re.search(r"(?:\b[A-Za-z]\.){2,}$|\b(?:Inc|Ltd|Co|Corp|St|Dr|No)\.$", before):
        return False      # 'U.S. Department', 'Inc. Card' after an abbreviation
    return not before or before[-1] in ".!?:;•*-"


def _privacy_vocabulary() -> tuple[str, ...]:
    """Word stems of the topic rules (5+ letters): a new term is worth a bullet only if it is
    privacy vocabulary ('legitimate', 'location', 'advertising') or a proper name."""
    from tracker.changes.topics import _RULES
    filler = {"information", "personal", "provide", "their", "other", "about", "available", "your",
              "under", "using", "request", "public", "applicable", "changes", "country", "countries"}
    stems = {w for rx in _RULES.values() for w in re.findall(r"[a-z]{5,}", rx)} - filler
    return tuple(sorted(stems))


_VOCAB = _privacy_vocabulary()


def meaningful_terms(terms: list[str], shown: str, limit: int = 8) -> list[str]:
    """Key terms a reader would search for: privacy vocabulary or names, not yet shown."""
    out = []
    for t in terms:
        low = t.lower()
        words = low.split()
        if low in shown or len(set(words)) < len(words) or _GLUED_UI_RE.search(t) or not (any(low.startswith(v) for v in _VOCAB) or t != low):
            continue
        out.append(t)
        if len(out) == limit:
            break
    return out


_ALNUM_RE = re.compile(r"[a-z0-9]+")
_LOWER_WORD_RE = re.compile(r"(?<![A-Za-z])[a-z]+(?![A-Za-z])")


class _WordSequence:
    """Is a run of words consecutive somewhere in a long word list? The same answer as
    `" " + " ".join(run) + " " in " " + " ".join(words) + " "`, but looked up from the rarest
    word's positions instead of scanning the whole text once per candidate (quadratic on
    long policies)."""

    SCANS = 24      # plain substring searches before the index pays for itself

    def __init__(self, words: list[str]) -> None:
        self.words = words
        self.spaced = " " + " ".join(words) + " "
        self.scans = 0
        self.positions: dict[tuple[str, str], list[int]] = {}
        self.vocabulary: set[str] = set()

    def contains(self, run: list[str]) -> bool:
        if self.scans < self.SCANS:
            self.scans += 1
            WORK["bounded_scan_chars"] += len(self.spaced)   # at most SCANS per text
            return " " + " ".join(run) + " " in self.spaced
        if not self.positions:
            WORK["index_steps"] += len(self.words)
            self.vocabulary = set(self.words)
            for i in range(len(self.words) - 1):
                self.positions.setdefault((self.words[i], self.words[i + 1]), []).append(i)
        if not run:
            return not self.words     # "  " occurs only in the empty text's "  "
        if len(run) == 1:
            return run[0] in self.vocabulary
        # anchored on the rarest adjacent pair of the run: a name made of common words
        # ('Google Analytics' in Google's policy) still has few places to check
        anchor = min(range(len(run) - 1), key=lambda k: len(self.positions.get((run[k], run[k + 1]), ())))
        k = len(run)
        for p in self.positions.get((run[anchor], run[anchor + 1]), ()):
            WORK["index_steps"] += 1
            start = p - anchor
            if start >= 0 and self.words[start:start + k] == run:
                return True
        return False


def new_names(changed: list[str], other_text: str, limit: int = 8) -> list[str]:
    """Proper names (capitalised phrases, acronyms) in the changed text that the other
    version never mentions: 'Reddit Netherlands', 'United Kingdom', 'DPF'. Unlike a list of
    frequent words, every one of them is something a reader can look up."""
    # word-level views built once: a regex search of the whole other text per candidate name
    # cost seconds on long policies
    other_low = other_text.lower()
    other_list = _ALNUM_RE.findall(other_low)
    other_seq = _WordSequence(other_list)
    plain_words = set(_LOWER_WORD_RE.findall(other_text)) | set(_LOWER_WORD_RE.findall(" ".join(changed)))
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for text in changed:
        for m in _NAME_RE.finditer(text):
            name = re.sub(r"^(?:The|Our|Your|This|These|If|When|For|In) ", "", m.group(0)).strip()
            name = re.sub(r"'s?$", "", name)
            words = name.split()
            if not words or len(words) > 4 or len(name) < 3:
                continue
            if all(w.lower() in _GENERIC_NAMES for w in words) or _GLUED_UI_RE.search(name):
                continue
            if text[m.end():m.end() + 1] == "." and text[m.end() + 1:m.end() + 2].isalpha():
                words = words[:-1]    # cut inside an abbreviation ('Reddit Netherlands B.V.', 'EU-U.S.')
                name = " ".join(words)
                if not words:
                    continue
            if _is_sentence_start(text, m.start()) and not words[0].isupper():
                if len(words) == 1 and not re.search(r"[a-z][A-Z]", name):
                    continue      # one capitalised word starting a sentence: not a name
                if words[0].lower() in plain_words:
                    words = words[1:]     # an ordinary word that only starts the sentence ('Read Hotjar')
            n_words = len(words)
            while words and words[-1].lower() in _GENERIC_NAMES:
                words = words[:-1]        # 'Potential Participants If'
            if len(words) < n_words and words and words[-1].lower() in plain_words | {"my", "your", "our"}:
                continue                  # 'Share My' left of 'Share My Personal Information'
            while words and words[0].lower() in ("of", "for", "the"):
                words = words[1:]
            name = " ".join(words)
            if not words or all(w.lower() in _GENERIC_NAMES for w in words) or len(name) < 3:
                continue
            if other_seq.contains(_ALNUM_RE.findall(name.lower())):
                continue
            counts[name] += 1
            first.setdefault(name, len(first))
    other_words = set(other_list)

    def novel(name: str) -> int:
        """A name with a word the other version never uses ('Netherlands') beats a new
        combination of familiar words ('Profile Settings')."""
        return int(any(w not in other_words for w in re.findall(r"[a-z0-9]+", name.lower())))
    # a one-off recombination of familiar words ('Introduction Use' from a glued menu) is not
    # a name a reader needs; a new word or a repeated phrase is
    ranked = sorted((n for n in counts if novel(n) or counts[n] >= 2),
                    key=lambda n: (-novel(n), -counts[n], first[n]))
    out: list[str] = []
    for name in ranked:
        if any(name.lower() in o.lower() for o in out):
            continue          # 'Reddit' after 'Reddit Netherlands'
        out = [o for o in out if o.lower() not in name.lower()] + [name]
        if len(out) == limit:
            break
    return out


def _neg_quote(text: str, d: list[tuple[str, str]], side: str) -> str:
    """The clause around a negation that changed, quoted from one side of a reworded
    sentence: 'we will not sell your personal information'."""
    from tracker.changes.verdict import _NEG_RE
    pos = None
    offset = 0
    for op, seg in d:
        if op == " " or op == side:
            if op == side and pos is None:
                m = _NEG_RE.search(seg)
                if m:
                    pos = offset + m.start()
            offset += len(seg)
    if pos is None:
        return ""
    start = max(text.rfind(ch, 0, pos) for ch in ",;:(") + 1
    ends = [i for i in (text.find(ch, pos) for ch in ".,;:)") if i != -1]
    clause = text[start:min(ends) if ends else len(text)]
    words = clause.split()
    neg_at = len(text[start:pos].split())
    lead = max(0, neg_at - 3)
    for k in range(neg_at - 1, lead - 1, -1):
        if words[k].lower() in ("and", "or", "but", "however", "which", "that", "so", "while"):
            lead = k + 1          # the negated verb's own subject, not the clause before it
            break
    words = words[lead:]
    quote = " ".join(words[:10]) + ("…" if len(words) > 10 else "")
    return quote.strip()


def _main_topic(c: Change) -> str:
    """The reader-facing label of a change's weightiest topic ('sale' over 'sharing')."""
    if not c.topics:
        return "wording"
    best = max(c.topics, key=lambda t: _TOPIC_WEIGHT.get(t, 1))   # max() keeps the first of ties
    return _TOPIC_LABEL.get(best, best)


def _flip_lines(c: Change) -> tuple[str, str]:
    """(bullet, headline phrase) for a material flip, in plain words."""
    topic = _main_topic(c)
    flip = c.flips[0]
    snippet = redline_snippet(c.old or "", c.new or "", 120, _flip_focus(flip))
    if flip.startswith("negation"):
        d = word_diff(c.old or "", c.new or "")
        removed = flip == "negation removed"
        quote = _neg_quote(c.old or "", d, "-") if removed else _neg_quote(c.new or "", d, "+")
        if quote:
            verb = "no longer says" if removed else "now says"
            return (f"{topic.capitalize()}: {verb} “{quote}”: {snippet}", f"{verb} “{quote}”")
    if flip.startswith("obligation"):
        a, _, b = flip.partition(": ")[2].partition(" → ")
        word = "weaker" if flip.startswith("obligation weakened") else "stronger"
        return (f"{topic.capitalize()}: {word} commitment ({a} → {b}): {snippet}",
                f"{topic}: “{a}” → “{b}”")
    if flip.startswith("opt"):
        return (f"{topic.capitalize()}: {flip}: {snippet}", f"{topic} {flip}")
    if flip.startswith("practice"):
        a, _, b = flip.partition(": ")[2].partition(" → ")
        return (f"{topic.capitalize()}: what is done with data changed ({a} → {b}): {snippet}",
                f"data practice: “{a}” → “{b}”")
    return (f"{topic.capitalize()}: {flip}: {snippet}", "")


def bullets_and_headline(f: Facts, verdict: str) -> tuple[list[str], str]:
    """At most 8 bullets, most material first, and a one-line headline under 160 characters.

    Both are built from the same facts, each with a priority: meaning flips and changed values
    first (they change what the policy promises), then parties, laws and sections by name,
    then quoted sentences. The headline strings the concrete facts together as far as they fit.
    """
    from tracker.changes.values import address_changed, value_changes
    from tracker.changes.verdict import delta_words
    if verdict == "cosmetic":
        what = []
        if f.date_stamp_changed:
            what.append("date stamp")
        if any(c.kind == "moved" for c in f.changes):
            what.append("text reordered")
        what.append("formatting")
        return [], "Cosmetic only: " + " and ".join([", ".join(what[:-1]), what[-1]] if len(what) > 1 else what)

    ranked: list[tuple[float, int, str]] = []   # (priority, order, text)
    phrases: list[tuple[float, int, str]] = []  # headline candidates
    order = 0

    def add(priority: float, text: str, phrase: str = "") -> None:
        nonlocal order
        ranked.append((priority, order, text))
        if phrase:
            phrases.append((priority, order, phrase))
        order += 1

    material = [c for c in f.changes if c.material]
    # changed values, labelled by what the value is (age, period, e-mail, address)
    covered: dict[str, set[str]] = {"ages": set(), "durations": set(), "emails": set(), "phones": set()}
    valued: set[int] = set()
    seen_values: set[str] = set()
    for k, c in enumerate(f.changes):
        if c.kind != "reworded" or not c.material or not c.old or not c.new:
            continue
        vcs = value_changes(c.old, c.new)
        if not vcs and any(x.startswith("number changed") for x in c.flips):
            gone, came = delta_words(c.old, c.new)
            if address_changed(gone, came):
                valued.add(k)
                if "address" not in seen_values:
                    seen_values.add("address")
                    add(9.4, f"Contact: postal address changed: {redline_snippet(c.old, c.new, 120)}",
                        "postal address changed")
                continue
        for v in vcs:
            valued.add(k)
            covered[v.kind] |= set(v.old.split(", ")) | set(v.new.split(", "))
            if v.bullet not in seen_values and len(seen_values) < 4:
                seen_values.add(v.bullet)
                add(10 if v.kind in ("ages", "durations") else 8.9, v.bullet, v.phrase)
    # meaning flips in reworded sentences (numbers already said as values above)
    flipped = sorted((c for k, c in enumerate(f.changes) if c.flips and c.material
                      and not (k in valued and all(x.startswith("number") for x in c.flips))),
                     key=lambda c: -_change_score(c))
    # negations first (they invert a statement); at most two flip bullets, one if the rest is busy
    flipped.sort(key=lambda c: not any(x.startswith("negation") for x in c.flips))
    for c in flipped[:1 if len(material) > 20 else 2]:
        if any(x.startswith("negation") for x in c.flips):
            c = Change(c.kind, c.section, c.old, c.new, c.topics, c.material,
                       tuple(sorted(c.flips, key=lambda x: not x.startswith("negation"))))
        bullet, phrase = _flip_lines(c)
        # in a rewrite one flipped sentence is not what the headline should say
        # (in a long list of changes one flipped sentence yields to parties and sections)
        busy = len(material) > 20
        add((8.4 if busy else 10.5) if c.flips[0].startswith("negation") else (8.3 if busy else 9.6),
            bullet, "" if verdict == "major" else phrase)
    # periods (retention etc.) not already told as a change of value
    da = [x for x in f.entities_added["durations"] if x not in covered["durations"]]
    dr = [x for x in f.entities_removed["durations"] if x not in covered["durations"]]
    if da and dr:
        add(9, f"Periods: {_list(dr, 3)} → {_list(da, 3)}", f"periods {dr[0]} → {da[0]}")
    elif da:
        add(9, f"New periods stated: {_list(da)}", f"new period{'s' if len(da) > 1 else ''}: {_list(da, 2)}")
    elif dr:
        add(8, f"Periods no longer stated: {_list(dr)}", f"drops period{'s' if len(dr) > 1 else ''} {_list(dr, 2)}")
    if f.sections_added:
        label = "New section" if len(f.sections_added) == 1 else "New sections"
        names = [s for s in f.sections_added if len(s) <= 70]
        if len(f.sections_added) <= 2 and len(names) == len(f.sections_added):
            phrase = ("new section " if len(names) == 1 else "new sections ") + ", ".join(f"“{s}”" for s in names)
        else:
            n_added = len(f.sections_added)
            phrase = f"{n_added} new section{'s' if n_added > 1 else ''}" + (f" incl. “{names[0]}”" if names else "")
        add(8.5, f"{label}: {_list(f.sections_added, 6)}", phrase)
    if f.sections_removed:
        label = "Section removed" if len(f.sections_removed) == 1 else "Sections removed"
        phrase = (f"drops section “{f.sections_removed[0]}”" if len(f.sections_removed) == 1
                  and len(f.sections_removed[0]) <= 50 else f"{len(f.sections_removed)} sections removed")
        add(8, f"{label}: {_list(f.sections_removed, 4)}", phrase)
    for kind, pr in (("vendors", 9.5), ("laws", 8.7), ("emails", 7), ("phones", 7), ("ages", 8.6)):
        a = [x for x in f.entities_added[kind] if x not in covered.get(kind, ())]
        r = [x for x in f.entities_removed[kind] if x not in covered.get(kind, ())]
        if kind == "vendors":
            pa, pr_ = f"{_list(a, 3)} now named", f"no longer names {_list(r, 3)}"
        elif kind == "laws":
            pa, pr_ = f"now cites {_list(a, 2)}", f"no longer cites {_list(r, 2)}"
        elif kind == "ages":
            pa, pr_ = f"age threshold {_list(a, 2)} stated", f"age threshold {_list(r, 2)} dropped"
        else:
            pa, pr_ = f"new contact {_list(a, 1)}", ""
        if a and r:
            add(pr, f"{_KIND_LABEL[kind]} added: {_list(a)}; removed: {_list(r)}", f"{pa}; {pr_}" if pr_ else pa)
        elif a:
            add(pr, f"{_KIND_LABEL[kind]} added: {_list(a)}", pa)
        elif r:
            add(pr - 0.2, f"{_KIND_LABEL[kind]} removed: {_list(r)}", pr_)
    shown = " ".join(t for _, _, t in ranked).lower()
    def told(name: str) -> bool:
        """Every word of the name is already in a bullet ('OpenAI's ChatGPT' after the vendors)."""
        return all(w in shown for w in re.findall(r"[a-z0-9]+", re.sub(r"'s\b", "", name.lower())))
    names = [n for n in f.new_names if not told(n)]
    if names:
        add(7.2, "Newly named: " + ", ".join(names))
    terms = meaningful_terms(f.new_terms, shown + " " + " ".join(names).lower())
    if terms:
        add(6.1, "Key new terms: " + ", ".join(terms))
    gone_names = [n for n in f.gone_names if not told(n)]
    if gone_names:
        add(4.5, "No longer named: " + ", ".join(gone_names))
    topics = [t for t, _ in f.topic_counts if t != "other"]
    if topics:
        # many changes: the topic counts say more than a sample of quotes
        add(6.5 if len(material) > 8 else 4.9, "Topics changed: " + ", ".join(f"{t} ({n})" for t, n in f.topic_counts if t != "other"))
    if f.links_changed:
        add(4.2, f"Links: {f.links_changed} link target{'s' if f.links_changed != 1 else ''} changed")
    if f.sections_renamed:
        add(5, "Section renamed: " + "; ".join(f"{a} → {b}" for a, b in f.sections_renamed[:2]))

    # the most material sentence-level changes, quoted
    quoted = sorted((c for k, c in enumerate(f.changes) if c.material and not c.flips and k not in valued),
                    key=lambda c: (-_change_score(c)))
    others = [c for c in f.changes if c.kind in ("added", "removed", "reworded") and not c.material]
    for c in _diverse((quoted or others), f.new_terms, 4):
        topic = _main_topic(c)
        if c.kind == "added":
            add(6, f"Added ({topic}): “{short(c.new or '', 150)}”", f"adds “{short(c.new or '', 90)}”")
        elif c.kind == "removed":
            add(5.5, f"Removed ({topic}): “{short(c.old or '', 150)}”", f"drops “{short(c.old or '', 90)}”")
        else:
            snippet = redline_snippet(c.old or '', c.new or '', 130)
            add(5.8, f"Reworded ({topic}): {snippet}", f"rewords {topic}: {short(snippet, 90)}")

    ranked.sort(key=lambda x: (-x[0], x[1]))
    bullets = []
    for _, _, text in ranked:
        if text not in bullets:
            bullets.append(text)
        if len(bullets) == 8:
            break
    phrases.sort(key=lambda x: (-x[0], x[1]))
    return bullets, _headline(f, verdict, [p for _, _, p in phrases])


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
    from tracker.changes.verdict import _NEG_RE, _NUMBER_RE
    if flip.startswith("negation"):
        return _NEG_RE
    if flip.startswith("number"):
        return _NUMBER_RE
    if flip.startswith("opt"):
        return re.compile(r"(?i)\bopt")
    if flip.startswith("practice"):
        from tracker.changes.verdict import _PRACTICE_VERBS
        return re.compile(r"(?i)\b(?:" + "|".join(sorted(_PRACTICE_VERBS)) + r")\b")
    return re.compile(r"(?i)\b(?:may|might|can|could|will|shall|must|always|required?)\b")


def _diverse(changes: list[Change], terms: list[str], k: int) -> list[Change]:
    """Up to k changes, each adding new vocabulary to what the bullets already show
    (a summary of five near-identical sentences tells the reader less than five different ones)."""
    wanted = {t.lower() for t in terms[:30]}
    chosen: list[Change] = []
    covered: set[str] = set()
    pool = list(changes[:60])

    def gain(c: Change) -> tuple[float, float]:  # against what `covered` holds now
        words = {w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'-]{2,}", c.new or c.old or "")}
        fresh = len((words & wanted) - covered)
        repeat = len(words & covered) / max(1, len(words))
        return (_change_score(c) + 0.3 * min(fresh, 3) - repeat, _change_score(c))

    while pool and len(chosen) < k:
        best = max(pool, key=gain)
        pool.remove(best)
        chosen.append(best)
        covered |= {w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'-]{2,}", best.new or best.old or "")}
    return chosen


def _headline(f: Facts, verdict: str, facts: list[str]) -> str:
    """One line under 160 characters naming the most material facts concretely (values,
    flips, parties, laws, sections by name); the changed topics only when nothing concrete is
    known. Quoted sentences are used only when no structured fact exists."""
    structured = [p for p in facts if not p.startswith(("adds “", "drops “", "rewords "))]
    chosen = structured or facts[:1]
    topics = [t.replace("-", " ") for t, _ in f.topic_counts if t != "other"]
    lead = {"minor": "Minor change", "substantive": "", "major": "Major rewrite"}[verdict]

    def build(parts: list[str]) -> str:
        text = "; ".join(parts)
        if lead:
            return f"{lead}: {text}" if text else lead
        return text[:1].upper() + text[1:]

    parts: list[str] = []
    for p in chosen:
        if any(p == q for q in parts):
            continue
        if not parts or len(build(parts + [p])) < 158:
            parts.append(p)
    # the changed topics close the line when there is room: they say where to look
    for n in range(min(len(topics), 4), 0, -1):
        extra = ("changes to " if parts else "changes to ") + ", ".join(topics[:n])
        if not parts or len(build(parts + [extra])) < 158:
            parts.append(extra)
            break
    if not parts:
        n = sum(f.stats.get(k, 0) for k in ("added", "removed", "reworded"))
        parts.append(f"{n} sentence{'s' if n != 1 else ''} reworded, added or removed")
    head = build(parts)
    if len(head) >= 160:
        head = short(head, 155)
    return head
