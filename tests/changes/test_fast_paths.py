"""The detector's fast paths give exactly what the plain definitions they replace give.

Each speed-up of a normalisation or pairing step (a translate table for a regex, a per-line or
per-term search for a whole-text scan, an index for an all-pairs loop) is checked here against
the slower definition it stands for, on hand-made edge cases and on seeded random strings.
"""

from __future__ import annotations

import random
import re
from collections import Counter

from tracker.changes import normalize, segment, summary, trivial
from tracker.changes.sections import _triples, text_triples


def _random_strings(alphabet: list[str], n: int, seed: int, longest: int = 12) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, longest))) for _ in range(n)]


def test_deobfuscated_addresses_on_separate_lines() -> None:
    text = "Write to jane [at] example [dot] com\nor john at example dot org\nmeet us at noon.\nx\\[at\\]y.org"
    assert normalize.deobfuscate_emails(text) == (
        "Write to jane@example.com\nor john@example.org\nmeet us at noon.\nx@y.org")


def test_deobfuscation_per_line_equals_whole_text_substitution() -> None:
    def whole(text: str) -> str:      # the definition: both patterns over the whole text
        text = normalize.CF_PLACEHOLDER_RE.sub(normalize.CF_PLACEHOLDER, text)
        if "\\" in text:
            text = normalize._ESCAPED_AT_RE.sub(r"\1\2\3", text)

        def fix(m: re.Match[str]) -> str:
            bracketed = re.search(r"[\[({<]at[\])}>]", m.group(0), re.I)
            dotted = re.search(r"[\[({]dot[\])}]|[ \t]+dot[ \t]+", m.group(2), re.I)
            domain = re.sub(r"[ \t]*(?:\[dot\]|\(dot\)|\{dot\}|[ \t]+dot[ \t]+|\.)[ \t]*", ".", m.group(2), flags=re.I)
            return f"{m.group(1)}@{domain}" if (bracketed or dotted) and "." in domain else m.group(0)

        for rx in normalize._OBF_EMAIL_RES:
            text = rx.sub(fix, text)
        return text

    tokens = ["a", "b.c", "at", "[at]", "(AT)", "dot", "[dot]", "{Dot}", " ", "\t", "\n", "x-y", "@", ".",
              "com", "<at>", "(dot]", "\\[at\\]", "d", "ot"]
    rnd = random.Random(11)
    for _ in range(4000):
        text = "".join(rnd.choice(tokens) + rnd.choice([" ", "", "\t"]) for _ in range(rnd.randint(1, 14)))
        assert normalize.deobfuscate_emails(text) == whole(text), repr(text)


def test_keys_by_table_equal_the_regex_keys() -> None:
    ascii_all = "".join(chr(i) for i in range(128))
    samples = [ascii_all, f"We_use {ascii_all} cookies", "  Hello,   World!  ", "e-mail: a@b.com", "Ünïcode_ ok"]
    samples += _random_strings([chr(i) for i in range(128)] + ["é", "İ", "\u00a0", "_"], 3000, seed=12)
    for s in samples:
        low = s.lower()
        if "http" not in low and "www." not in low:     # (exact_key keeps only a URL's site)
            assert segment.exact_key(s) == re.sub(r"[\W_]+", "", low), repr(s)
        key = re.sub(r"\s+", " ", re.sub(r"[^\w\s@]+", " ", low.replace("_", " "))).strip()
        assert normalize._sentence_key.__wrapped__(s) == key, repr(s)


def test_clean_chars_drops_invisible_characters_only_when_present() -> None:
    assert normalize.clean_chars("caf\u00e9 \u201cquoted\u201d") == 'café "quoted"'
    assert normalize.clean_chars("icon\ue001 here\u2028") == "icon here"
    assert normalize.clean_chars("plain ascii & more") == "plain ascii & more"


def test_mojibake_test_equals_the_pattern_search() -> None:
    pool = ["a", "\u0080", "\u009f", "\u00c3", "\u00bf", "\u00e2", "\u20ac", "\u00c2", "\u00a0", "é"]
    for s in _random_strings(pool, 5000, seed=13, longest=8):
        assert normalize._mojibake(s) == (normalize._MOJIBAKE_RE.search(s) is not None), repr(s)


def test_word_counts_equal_counts_of_lower_cased_words() -> None:
    for text in ["The Data and the DATA we-use don't", "K\u212aey İnfo Kelvin", "ünïcode Words words"]:
        counts: Counter[str] = Counter()
        for w, k in Counter(summary._WORD_RE.findall(text)).items():
            counts[w.lower()] += k
        assert summary._word_counts.__wrapped__(text) == (counts, text.lower())


def test_bigram_counts_per_term_equal_the_whole_text_scan() -> None:
    low = ("we share data with partners. we share data. share data-driven data with-partners "
           "non-share data we share data's x@share data a/share data")
    full = Counter(map(" ".join, summary._BIGRAM_RE.findall(low)))
    wanted = sorted(full) + ["share partners", "data with"]
    few = summary._other_bigrams(low, wanted[:5])
    assert all(few[t] == full.get(t, 0) for t in wanted[:5])
    many = summary._other_bigrams(low, wanted * summary.BIGRAM_LOOKUPS)
    assert all(many.get(t, 0) == full.get(t, 0) for t in wanted)


def test_text_triples_equal_the_triples_of_the_key() -> None:
    text = "Information We Collect.\nWe collect your_name, e-mail and ÜBER data; we keep it 30 days."
    assert text_triples.__wrapped__(text) == frozenset(_triples(normalize.sentence_key(text)))


def test_containing_pairs_never_miss_a_pair_glued_chrome_could_take() -> None:
    words = "we use your data share with partners google ads menu home shop all".split()
    rnd = random.Random(14)
    for _ in range(500):
        removed = [" ".join(rnd.choice(words) for _ in range(rnd.randint(1, 9))) for _ in range(rnd.randint(0, 10))]
        added = []
        for _ in range(rnd.randint(0, 10)):
            core = rnd.choice(removed) if removed and rnd.random() < 0.5 else ""
            added.append(" ".join(f"{' '.join(rnd.choice(words) for _ in range(rnd.randint(0, 3)))} {core} "
                                  f"{' '.join(rnd.choice(words) for _ in range(rnd.randint(0, 3)))}".split()))
        near = trivial._containing_pairs(added, removed)
        for a, cands in zip(added, near):
            need = {i for i, r in enumerate(removed)
                    if (r in a and len(r.split()) >= 4 and len(a) > len(r))
                    or (a in r and len(a.split()) >= 4 and len(r) > len(a))}
            assert need <= set(cands) and cands == sorted(cands)


_NAME_ALPHABET = ["Maps", "Google", "maps", " ", " ", "-", "&", "_", "é", "Z", "x", ".", "\n", "A", "Mapsé", "9"]


def test_short_for_longer_equals_the_whole_text_search() -> None:
    from tracker.changes.parties import _short_for_longer

    def whole(name: str, text: str) -> bool:      # the definition: one scan of the whole text
        return f" {name}" in text and re.search(rf"\b[A-Z][\w&-]+ {re.escape(name)}\b", text) is not None

    cases = ["Google Maps", "google Maps", "Go Maps", "A-Z Maps", "é-Google Maps", "x-Google Maps",
             "Google Mapsé", "G Maps", "&Google Maps", "Googl_e Maps", "Maps Google Maps", "Google  Maps"]
    for text in cases + _random_strings(_NAME_ALPHABET, 3000, seed=13, longest=10):
        for name in ("Maps", "Maps-", "M&s"):
            assert _short_for_longer(name, text) == whole(name, text), (name, text)


def test_sentences_naming_equals_the_whole_text_scan() -> None:
    from tracker.changes import roles

    def whole(name: str, text: str) -> list[tuple[int, int]]:
        return [m.span() for m in re.finditer(rf"(?<![\w&-]){re.escape(name)}(?![\w&-])", text)]

    for text in _random_strings(_NAME_ALPHABET, 3000, seed=14, longest=10):
        for name in ("Maps", "Google", "A A"):
            got = [m.span() for m in roles.finditer_heads(re.compile(rf"(?<![\w&-]){re.escape(name)}(?![\w&-])"),
                                                         (name,), text)]
            assert got == whole(name, text), (name, text)
    text = "We use Google Maps. Google-Maps is not it. Ask Google.\nGoogle hosts it."
    assert roles._sentences_naming("Google", text) == ["We use Google Maps.", "Ask Google.", "Google hosts it."]


def test_teaser_test_on_the_line_end_equals_the_copied_line() -> None:
    from tracker.changes.vendors import _TEASER_END_RE, _TEASER_REACH, in_teaser

    def whole(text: str, start: int) -> bool:      # the definition: the whole line, copied
        hi = text.find("\n", start, start + _TEASER_REACH)
        if hi == -1:
            if len(text) - start > _TEASER_REACH:
                return False
            hi = len(text)
        line = text[text.rfind("\n", max(0, start - _TEASER_REACH), start) + 1:hi].rstrip()
        return _TEASER_END_RE.search(line) is not None and len(line.split()) <= 14

    alphabet = ["a", "B", ".", "...", "…", " ", "\n", "\t", " \n", "word ", "x."]
    for text in _random_strings(alphabet, 1500, seed=15, longest=40) + ["Apple and...", "PayPal: The first and...  \n"]:
        for start in range(len(text) + 1):
            assert in_teaser(text, start) == whole(text, start), (text, start)
    long = "x" * 500 + " Netflix shares jump, Apple and..."
    assert in_teaser(long, len(long) - 20) == whole(long, len(long) - 20)


def test_lowered_is_the_lower_case_text() -> None:
    from tracker.changes.literals import lowered
    for text in ("ÄBC İx", "Kelvin \u212a", "", "plain"):
        assert lowered(text) == text.lower()


def test_per_text_memo_keeps_the_last_two_very_long_texts() -> None:
    from tracker.changes.detector import _PerText, _MEMOS
    calls: list[str] = []

    def fn(text: str, tag: int) -> tuple[int, int]:
        calls.append(text[:1])
        return len(text), tag

    memo = _PerText(fn)
    try:
        a, b, c = ("a" * (_PerText.MAX_CHARS + 1), "b" * (_PerText.MAX_CHARS + 2), "c" * (_PerText.MAX_CHARS + 3))
        assert [memo(a, 1), memo(b, 1), memo(a, 1), memo(b, 1)] == [(len(a), 1), (len(b), 1)] * 2
        assert calls == ["a", "b"]          # both sides of one comparison computed once
        assert memo(a, 2) == (len(a), 2) and calls == ["a", "b", "a"]       # the arguments are part of the key
        memo(c, 1)
        memo(b, 1)
        assert calls == ["a", "b", "a", "c", "b"]       # only two very long texts are kept
        assert len(memo.big) == 2 and not memo.memo
    finally:
        _MEMOS.remove(memo)


def test_kept_in_through_the_word_index_equals_all_against_all() -> None:
    from tracker.changes.rules.common import WordSets, _content_words, _kept_in
    rnd = random.Random(16)
    vocab = ["data", "share", "partners", "cookies", "advertising", "location", "retain", "delete", "account",
             "request", "consent", "browser", "device", "payment", "service", "third", "parties", "email"]
    for _ in range(300):
        news = sorted((set(rnd.sample(vocab, rnd.randint(0, 12))) for _ in range(rnd.randint(0, 25))),
                      key=len, reverse=True)
        indexed = WordSets(news)
        for _ in range(10):
            text = " ".join(rnd.sample(vocab, rnd.randint(0, 14)))
            assert _kept_in(text, indexed) == _kept_in(text, news), (text, news)
    assert _content_words("We share data with partners") == {"share", "data", "partners"}
    assert _kept_in("We share data with partners and cookies", WordSets([{"share", "data", "partners", "cookies", "x"}]))


def test_rights_given_gathered_once_equal_the_test_per_sentence() -> None:
    from tracker.changes.rules import rights as r

    def plain(sentences: list[str], before: bool, text: str) -> bool:      # the definition
        if not (r._RIGHT_RE.search(text) or r._ANY_RIGHT_RE.search(text)):
            return False
        # said new: also the same way to stop messages, or a whole old right plus how to use it
        restated = before and (r._same_stop(text, sentences) or r._method_added(text, sentences))
        if before and (not r._DATA_RIGHT_RE.search(text) or r._CONTROL_WORDS_RE.search(text)):
            return restated
        rights = [t for t in sentences if r._RIGHT_RE.search(t) or r._ANY_RIGHT_RE.search(t) or r._MANAGE_RE.search(t)]
        if before:
            return r._same_rights(text, [t for t in rights if r._DATA_RIGHT_RE.search(t)]) or restated
        return r._same_rights(text, rights) or r._same_control(text, rights)

    pool = ["You have the right to access and correct your personal information.",
            "You may request a copy of your data.", "You can delete your account information at any time.",
            "You can opt out of marketing emails by changing your preferences.",
            "You may manage the notifications you receive in your settings.",
            "You have the right to object to processing and to data portability.",
            "We keep your data for 90 days.", "You can update or edit your profile information.",
            "You may withdraw your consent to cookies in your browser settings.",
            "Users have the right to erasure of their data and to restrict processing.",
            "You have the right to request access to our archive.", "You may request deletion of your posts.",
            "You have the right to access your personal data."]
    rnd = random.Random(17)
    for _ in range(200):
        sentences = rnd.sample(pool, rnd.randint(0, len(pool)))
        for before in (False, True):
            given = r.right_given(sentences, before=before)
            for text in rnd.sample(pool, 5):
                assert given(text) == plain(sentences, before, text), (sentences, before, text)
