"""Issue 13's speed, work shared instead of repeated, answers unchanged: one ATX heading pattern
(segment) read by segment, furniture and documents; a version's joined sentences indexed once;
memos of per-sentence answers the rules ask for more than once (rule_words, fragment, names_in);
regexes that opened with a \\s* told their first character by a lookahead; a list's ', and' read
in place. Each answer is checked against the old formulation on short synthetic texts.
"""

from __future__ import annotations

import random
import re

from tracker.changes import (corroborate, detector, documents, entities, furniture, phrasing, publishable, samepractice,
                             segment)
from tracker.changes.corroborate import Side, _postings
from tracker.changes.normalize import repair_encoding
from tracker.changes.retained import rule_words
from tracker.changes.rules.swaps import names_in

_LINES = ["## Title ##", "# A", "   ### Deep  ", "#No space", "- ## Terms of Use", "* # Cookie List #",
          "+  ###### Six", "####### Seven", "    # Four spaces", "text # not", "## ", "-## glued", "1. ## Numbered"]

_OLD_SEGMENT_ATX = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_OLD_FURNITURE_ATX = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_OLD_DOCUMENTS_ATX = re.compile(r"^\s{0,3}(?:[*+-]\s+)?#{1,6}\s+(.*?)\s*#*\s*$")


def test_one_atx_pattern_serves_segment_furniture_and_documents() -> None:
    assert furniture.segment.ATX_RE is segment.ATX_RE
    assert documents.LISTED_ATX_RE is segment.LISTED_ATX_RE
    assert not hasattr(furniture, "_ATX_RE") and not hasattr(documents, "_ATX_RE")


def test_atx_patterns_match_as_the_three_did() -> None:
    for line in _LINES:
        new, old = segment.ATX_RE.match(line), _OLD_SEGMENT_ATX.match(line)
        assert (new and new.groups()) == (old and old.groups()), line
        furn = _OLD_FURNITURE_ATX.match(line)
        assert (new and new.group(2)) == (furn and furn.group(1)), line
        listed, docs = segment.LISTED_ATX_RE.match(line), _OLD_DOCUMENTS_ATX.match(line)
        assert (listed and listed.group(2)) == (docs and docs.group(1)), line


def test_headings_read_through_the_shared_pattern() -> None:
    assert furniture._heading(["* ## Cookie List ##"], 0) == "Cookie List"
    assert documents._title(["- # Terms of Use"], 0) == "Terms of Use"
    assert documents._title(["Terms of Use", "==="], 0) == "Terms of Use"
    assert segment.ATX_RE.match("- ## Terms of Use") is None


_OLD_SPLIT = re.compile(phrasing._SPLIT_RE.pattern[len("(?=[\\s;:,.])(?:"):-1])
_WORDS = ("We share data; with partners", "in order to", "pursuant to law", "Acme Inc. Beta", "x - y", "a – b",
          "note: this", ", and which", ", or users", "(was: kept)", "(e.g. a)", "  ( aside )", "No. 5", "end.",
          "Ltd. Next", "for, and", "to, which", "a;b", ":", ".", ",", "  ;  ")


def _texts(count: int) -> list[str]:
    rnd = random.Random(13)
    return ["".join(rnd.choice(_WORDS) + rnd.choice(["", " ", "  ", "\n"]) for _ in range(rnd.randint(0, 12)))
            for _ in range(count)] + list(_WORDS)


def _spans(rx: "re.Pattern[str]", text: str) -> list[tuple[int, int]]:
    return [m.span() for m in rx.finditer(text)]


def test_first_character_lookaheads_find_the_same_matches() -> None:
    was = re.compile(r"\s*\(was: [^()]*\)$")
    aside = re.compile(r"\s*\([^()]*\)")
    for text in _texts(400):
        assert _spans(phrasing._SPLIT_RE, text) == _spans(_OLD_SPLIT, text), text
        assert _spans(publishable._WAS_RE, text) == _spans(was, text), text
        assert publishable._WAS_RE.sub("", text) == was.sub("", text)
        assert samepractice._ASIDE_RE.sub("", text) == aside.sub("", text)


def _old_inside_list(text: str, stop: "re.Match[str]") -> bool:
    after = re.match(r",\s+(?:and|or)\s+(\w+)", text[stop.start():])
    if not after or re.fullmatch(r"\w+ed|is|are|was|were|will|may|can|must|does|do|has|have|we|you|it|they",
                                 after.group(1).lower()):
        return False
    before = text[:stop.start()].rsplit(",", 1)
    return len(before) == 2 and len(before[1].split()) <= 3


def test_inside_list_reads_in_place_as_it_read_copies() -> None:
    texts = _texts(300) + ["the Dutch, Polish, Spanish, and other regulators", "collection, use, and retention",
                           "we collect it, and processed by them", "no comma, or you"]
    for text in texts:
        for stop in re.finditer(r",", text):
            assert phrasing._inside_list(text, stop) == _old_inside_list(text, stop), text


def _old_joined(sentences: list[str]) -> Side:
    side = Side(sentences)
    signs = side._index()
    joined = Side([f"{a} {b}" for a, b in zip(sentences, sentences[1:])])
    joined._signs = [corroborate.Sign(a.words | b.words, a.stems | b.stems, tuple(sorted(set(a.polarity) | set(b.polarity))),
                                      tuple(sorted(set(a.numbers) | set(b.numbers)))) for a, b in zip(signs, signs[1:])]
    joined._by_word, joined._by_stem = _postings(joined._signs)
    return joined


_SENTENCES = ["We keep your search history for 90 days.", "We do not sell your data.",
              "You can delete your account at any time.", "Partners may receive device identifiers.",
              "We keep logs until you ask us to delete them."]


def test_joined_side_built_once_per_version_and_as_before() -> None:
    old = _old_joined(list(_SENTENCES))
    first, second = Side(list(_SENTENCES)).joined(), Side(list(_SENTENCES)).joined()
    for new in (first, second):
        assert list(new.sentences) == list(old.sentences)
        assert new._signs == old._signs and new._by_word == old._by_word and new._by_stem == old._by_stem
    # each joined side is read off its version's own index, built once (_indexed): no second build
    assert isinstance(first._by_word, corroborate._JoinedPostings) and isinstance(second._by_word, corroborate._JoinedPostings)
    assert first._by_word.base is second._by_word.base and first._by_stem.base is second._by_stem.base
    twice = first.joined()                           # a joined side's own join: its united signs, joined again
    assert twice._signs is not None and len(twice._signs) == len(_SENTENCES) - 2
    assert twice._signs[0].words == first._signs[0].words | first._signs[1].words


def test_per_sentence_memos_answer_as_computed() -> None:
    rule = "Retained for up to 2 years after the account deletion"
    page = "| Account identifiers | Retained for up to 2 years after the account deletion |"
    assert rule_words(rule, page) == rule_words.__wrapped__(rule, page)
    text = "Now says: “Acme shares your data with Beta Corp.”"
    assert publishable.fragment(text) == publishable.fragment.__wrapped__(text)
    names = names_in("We share data with Stripe, Inc. and Money Media Inc. The Acme team")
    names.append(("x", 0, 0))                        # a caller's list is its own: the memo is not changed
    assert ("x", 0, 0) not in names_in("We share data with Stripe, Inc. and Money Media Inc. The Acme team")


def _old_foreign_words(body: str) -> bool:
    return len({m.group(0).lower() for m in publishable._FOREIGN_WORD_RE.finditer(body)}) >= 2


def test_foreign_stops_at_the_second_word() -> None:
    for body in ["Wir erheben Ihre Daten und nicht mehr", "nous utilisons des cookies", "der der der",
                 "We use cookies", "el", "", "la la y que"]:
        assert publishable._foreign(body) == (_old_foreign_words(body) or publishable._foreign(body))
        if body.isascii():
            assert publishable._foreign(body) == _old_foreign_words(body), body


def test_encoding_repaired_once_per_version() -> None:
    broken = "That\u00e2\u0080\u0099s our policy. We keep data."
    assert detector._repaired(broken) == repair_encoding(broken)
    assert detector._repaired(broken) is detector._repaired(broken)


def _old_written_times(texts: list[str], key: str, capitalised: bool = False) -> int:
    word = re.compile(rf"(?i)(?<![@./\w-]){re.escape(key)}(?![\w@-]|\.[a-z])")
    return sum(1 for t in texts for m in word.finditer(t) if not capitalised or m.group(0)[0].isupper())


_SITE_TEXTS = ["Roblox collects data. roblox.com/help, privacy@roblox.com, ROBLOX and -roblox or xroblox. Roblox's",
               "Post your post at Swiss Post (swisspost.ch); SwissPost and swiss post. @post /post .post",
               "", "roblox", "Ab-c ab-c AB-C ab-cd. Lydia, lydia-app and Lydiaa."]


def test_site_names_counted_as_before() -> None:
    texts = _SITE_TEXTS + _texts(50)
    for key in ("roblox", "post", "swiss", "ab-c", "lydia", "r", "-", ""):
        for capitalised in (False, True) if key else (False,):     # (an empty match has no first letter)
            assert entities._written_times(texts, key, capitalised) == _old_written_times(texts, key, capitalised), key
            for t in texts:
                assert entities._written_in(t, key, capitalised) == _old_written_times([t], key, capitalised), (key, t)
    for literal in ("Swis", "Lydi", "Ab-c", "x", ""):
        old = re.compile(rf"(?<![@./\w-]){re.escape(literal)}[a-z]*(?![\w@-])")
        new = re.compile(rf"{entities._unglued(literal)}[a-z]*(?![\w@-])")
        for t in texts:
            assert old.findall(t) == new.findall(t), (literal, t)


def _old_mail_counts(texts: list[str]) -> tuple[dict[str, int], set[str]]:
    counts: dict[str, int] = {}
    role: set[str] = set()
    for t in texts:
        for m in entities._emails_in(t):
            local, host = m.group(0).lower().rsplit("@", 1)
            if host.split(".")[-2] not in entities._MAIL_PROVIDERS:
                domain = entities.registrable_domain(host)
                key = domain.split(".")[0] if domain else host
                counts[key] = counts.get(key, 0) + 1
                if entities._ROLE_MAILBOX_RE.match(local):
                    role.add(key)
    return counts, role


def test_mail_addresses_read_once_per_version_as_before() -> None:
    texts = ["Write to privacy@acme.com or jane@acme.co.uk; john@gmail.com; dpo@legal.example.org.",
             "No address here.", "Contact: support@help.beta.io, Info@Beta.io, x@localhost"]
    counts: dict[str, int] = {}
    role: set[str] = set()
    for t in texts:
        for key, is_role in entities._mail_keys(t):
            counts[key] = counts.get(key, 0) + 1
            if is_role:
                role.add(key)
    assert (counts, role) == _old_mail_counts(texts)
    assert entities._own_names(texts[0]) == entities.self_names(texts[0])
