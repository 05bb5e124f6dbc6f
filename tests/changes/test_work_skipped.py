"""Work the detector skips or defers gives exactly the report the full work gives.

A pair whose capture failed (a stub, another page, part of the policy) is said as such, so the
rules' statements are never made; the joined-sentence index of a claim check is read off the
sentences' own postings, key by key; a changed sentence's entities are compared kind by kind,
the costliest (vendors) last. Each is checked here against the definition it stands for.
"""

from __future__ import annotations

import random

import pytest

from tracker.changes import detector, entities, verdict
from tracker.changes.corroborate import Side, _indexed, _joined_signs, _postings

POLICY = "# Acme Privacy Policy\n\n" + "\n\n".join(
    f"We collect personal information such as your e-mail address when you use service {k}. "
    f"We do not sell your personal information to third parties. You can opt out of marketing e-mails "
    f"at any time. We keep account data for {k + 1} years after you close your account."
    for k in range(30)) + "\n"


def _no_rules(*_: object, **__: object) -> list[object]:
    raise AssertionError("the rules were read for a pair whose capture failed")


def test_a_stub_capture_is_said_without_reading_the_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(detector, "candidates", _no_rules)
    report = detector.compare(POLICY, "Acme Privacy Statement\n======================\n")
    assert report.headline == ("The new capture holds only 3 words: “Acme Privacy Statement” (was: the 1,383-word policy); "
                               "nothing is reported as removed")
    assert report.verdict == "minor"
    back = detector.compare("", POLICY)
    assert back.headline.startswith("The policy is back after a capture that held no text")


def test_a_policy_change_still_reads_the_rules() -> None:
    changed = POLICY.replace("We do not sell your personal information to third parties. ", "", 1)
    changed = changed.replace("for 3 years", "for 9 years")
    report = detector.compare(POLICY, changed)
    assert report.verdict != "cosmetic"
    assert any("9 years" in b for b in report.bullets)


_WORDS = ["we", "collect", "share", "your", "data", "not", "never", "partners", "location", "30", "days",
          "cookies", "sell", "keep", "delete", "account", "email", "unless", "consent", "ads"]


def _sentences(seed: int, n: int) -> list[str]:
    rnd = random.Random(seed)
    return [" ".join(rnd.choice(_WORDS) for _ in range(rnd.randint(1, 9))).capitalize() + "."
            for _ in range(n)]


@pytest.mark.parametrize("n", [0, 1, 2, 3, 17, 60])
def test_the_joined_index_read_key_by_key_equals_the_one_built_whole(n: int) -> None:
    sentences = _sentences(n, n)
    side = Side(sentences)
    side._index()
    joined = side.joined()
    signs = _indexed(tuple(sentences))[0]
    whole = _joined_signs(signs)
    by_word, by_stem = _postings(whole)
    assert joined.sentences == [f"{a} {b}" for a, b in zip(sentences, sentences[1:])]
    assert len(joined._index()) == len(whole)
    assert [joined._index()[k] for k in range(len(whole))] == whole
    for word in _WORDS + ["absent"]:
        assert list(joined._by_word.get(word, ())) == list(by_word.get(word, ()))
        assert (word in joined._by_word) == (word in by_word)
    for stem in by_stem:
        assert joined._by_stem.get(stem) == by_stem[stem]
    assert dict(joined._by_word.items()) == by_word and dict(joined._by_stem.items()) == by_stem


def test_the_joined_index_builds_only_what_is_asked() -> None:
    side = Side(_sentences(7, 40))
    side._index()
    joined = side.joined()
    joined._by_word.get("partners")
    assert dict.__len__(joined._by_word) <= 1
    assert joined.holds("We never sell your location data to partners for ads.", 0.5) in (True, False)


@pytest.mark.parametrize("text", [
    "", "We comply with the GDPR and the CCPA.", "Write to privacy@acme.com or call +1 (415) 555-0100.",
    "We keep logs for 30 days.", "Children under 13 may not use Google Analytics.",
    "FirefoxTM sends data to Mozilla.", "We share data with Facebook and Google."])
def test_each_kind_compared_equals_the_sentence_entities(text: str) -> None:
    whole = entities.extract_sentence(text)
    for kind in entities.DELTA_KINDS:
        assert entities.sentence_kind(text, kind) == whole.get(kind)


def test_the_vendors_are_read_only_when_the_other_kinds_agree(monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[str] = []

    def vendors(text: str, fold: bool = False) -> set[str]:
        read.append(text)
        return set()
    monkeypatch.setattr(entities, "find_vendors", vendors)
    entities.sentence_kind.cache_clear()
    try:
        assert verdict._entity_delta("We follow the GDPR.", "We follow the CCPA.")
        assert read == []
        assert not verdict._entity_delta("We use Acme tools.", "We use Acme tool.")
        assert read == ["We use Acme tools.", "We use Acme tool."]
    finally:
        entities.sentence_kind.cache_clear()
