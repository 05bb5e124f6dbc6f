"""Evaluation targets on the labelled real pairs (skipped when ../shared/corpus is absent)."""

from __future__ import annotations

from pathlib import Path


from tracker.changes import compare

def _false_alerts(results: dict) -> list[str]:
    return [p["pair"] for p in results["per_pair"] if p["label"] == "cosmetic" and p["got"] != "cosmetic"]


def test_cosmetic_pairs_never_get_more_than_minor(results: dict) -> None:
    """Regression floor: noise may at worst be called minor, never substantive or major."""
    bad = [p["pair"] for p in results["per_pair"] if p["label"] == "cosmetic" and p["got"] in ("substantive", "major")]
    assert not bad
    assert results["false_alert_rate_cosmetic"] <= 0.1, _false_alerts(results)


def test_no_false_alerts_on_cosmetic_pairs(results: dict) -> None:
    assert results["false_alert_rate_cosmetic"] == 0.0, _false_alerts(results)


def test_verdict_accuracy(results: dict) -> None:
    assert results["verdict_accuracy"] >= 0.8


def test_must_mention_recall(results: dict) -> None:
    assert results["must_mention_recall"] >= 0.9


def test_added_section_recall(results: dict) -> None:
    assert results["sections"]["added"]["recall"] >= 0.9


def test_entity_precision_and_recall(results: dict) -> None:
    overall = results["entities"]["overall"]
    assert overall["precision"] >= 0.9 and overall["recall"] >= 0.7


def test_every_real_pair_is_deterministic(corpus_dir: Path) -> None:
    files = sorted((corpus_dir / "ota" / "reddit").glob("*.md"))[:3]
    texts = [f.read_text(encoding="utf-8") for f in files]
    for a, b in zip(texts, texts[1:]):
        assert compare(a, b).to_json() == compare(a, b).to_json()
