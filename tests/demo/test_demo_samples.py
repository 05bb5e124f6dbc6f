"""The bundled sample data: complete, ordered, seeded verbatim, and true to its change notes."""

from __future__ import annotations

import difflib
import re
import tomllib
from datetime import date
from pathlib import Path

import pytest

from tracker.demo.run import SampleSet, load_samples, sample_root

from tests.support.demo import (
    ENTITY_KINDS, KNOWN_KINDS, REQUIRED_KINDS, VERDICTS, notes_by_document, revisions)

SEED_FILES = {
    "konnektive": "000_962f9de8e54ad145.txt",
    "connact": "001_22804a30df8bcfcb.txt",
    "konstant-infosolutions": "002_17626834e7225e2a.txt",
    "connectsolutions": "003_d23d0cc83f426ce8.txt",
    "connio": "004_2f801282c15ef503.txt",
}
_DATE_TOKENS = re.compile(
    r"\b(\d{1,4}|january|february|march|april|may|june|july|august|september|october|"
    r"november|december)\b", re.I)


def test_five_companies_each_with_at_least_three_dated_versions(samples: SampleSet) -> None:
    assert {c.slug for c in samples.companies} == set(SEED_FILES)
    for company in samples.companies:
        assert company.name and company.homepage.startswith("https://")
        assert samples.doc_types(company.slug) == ["privacy-policy"]
        history = samples.history(company.slug, "privacy-policy")
        assert len(history) >= 3, company.slug
        dates = [v.date for v in history]
        assert dates == sorted(set(dates)), f"{company.slug}: dates not strictly increasing"


def test_every_revision_is_an_edited_full_copy_of_the_previous(samples: SampleSet) -> None:
    for company in samples.companies:
        history = samples.history(company.slug, "privacy-policy")
        for old, new in zip(history, history[1:]):
            assert new.text != old.text, f"{new.name} repeats {old.name}"
            assert new.fmt == old.fmt
            similarity = difflib.SequenceMatcher(None, old.text, new.text, autojunk=False)
            assert similarity.quick_ratio() > 0.85, f"{company.slug} {new.name} is a rewrite"


def test_first_versions_are_the_seeds_verbatim(samples: SampleSet, shared_dir: Path) -> None:
    for slug, seed in SEED_FILES.items():
        first = samples.history(slug, "privacy-policy")[0]
        seed_text = (shared_dir / "seeds" / seed).read_bytes().decode("utf-8")
        assert first.text == seed_text, f"{slug}: first version differs from {seed}"


def test_sample_data_comes_from_the_package_not_the_working_directory(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    root = Path(str(sample_root()))
    assert tmp_path not in root.parents
    assert len(load_samples().versions) >= 15


def test_change_notes_cover_every_version(samples: SampleSet) -> None:
    notes = notes_by_document()
    for company in samples.companies:
        history = samples.history(company.slug, "privacy-policy")
        doc_notes = notes[(company.slug, "privacy-policy")]
        assert [n["file"] for n in doc_notes] == [v.name for v in history]
        assert [n["date"] for n in doc_notes] == [v.date.isoformat() for v in history]
        assert "seed" in doc_notes[0]["source"]
        for note in doc_notes[1:]:
            assert note["verdict"] in VERDICTS, note["file"]
            assert note["summary"] and set(note["kinds"]) <= KNOWN_KINDS, note["file"]
            assert (note["must_mention"] == []) == (note["verdict"] == "cosmetic"), note["file"]


def test_the_set_models_every_required_kind_of_change() -> None:
    seen = {kind for *_, note in revisions() for kind in note["kinds"]}
    assert REQUIRED_KINDS <= seen, f"missing: {sorted(REQUIRED_KINDS - seen)}"
    verdicts = {note["verdict"] for *_, note in revisions()}
    assert {"cosmetic", "minor", "substantive"} <= verdicts


def test_date_stamp_only_revision_changes_nothing_but_a_date(samples: SampleSet) -> None:
    found = 0
    for company, doc_type, index, note in revisions():
        if note["kinds"] != ["date-stamp"]:
            continue
        found += 1
        history = samples.history(company, doc_type)
        old, new = history[index - 1].text, history[index].text
        diff = [line for line in difflib.ndiff(old.splitlines(), new.splitlines())
                if line[:1] in "+-"]
        assert len(diff) == 2, diff
        removed, added = diff[0][2:], diff[1][2:]
        assert removed != added
        assert _DATE_TOKENS.sub("", removed) == _DATE_TOKENS.sub("", added), (removed, added)
    assert found >= 1


def _present(kind: str, value: str, text: str) -> bool:
    """Is an entity named in the text? Ages are read as thresholds ("under 16", "age of 16")."""
    text = text.lower().replace("\u2019", "'")
    value = value.lower().replace("\u2019", "'")
    if kind == "ages":
        return re.search(rf"(under|age of|over)\s+(the age of\s+)?{value}\b", text) is not None
    if kind == "durations":
        number, unit = value.split()
        return re.search(rf"\b{number}\s+{unit}", text) is not None
    return value in text


@pytest.mark.parametrize("company,doc_type,index,note",
                         revisions(), ids=[f"{c}-{n['date']}" for c, _, _, n in revisions()])
def test_change_notes_are_true_to_the_text(samples: SampleSet, company: str, doc_type: str,
                                           index: int, note: dict) -> None:
    """The notes are a test oracle for the detector, so they must first be right themselves."""
    history = samples.history(company, doc_type)
    old, new = history[index - 1].text, history[index].text
    for kind in ENTITY_KINDS:
        for value in note["entities_added"][kind]:
            assert _present(kind, value, new), f"{kind} {value!r} not in {history[index].name}"
            assert not _present(kind, value, old), f"{kind} {value!r} already in the previous"
        for value in note["entities_removed"][kind]:
            assert _present(kind, value, old) and not _present(kind, value, new), value
    for heading in note["sections_added"]:
        assert heading in new and heading not in old, heading
    for heading in note["sections_removed"]:
        assert heading in old and heading not in new, heading
    for before, after in note["sections_renamed"]:
        assert before in old and before not in new and after in new and after not in old
    for term in note["must_mention"]:
        assert term.lower() in new.lower() or term.lower() in old.lower(), term


def test_companies_toml_lists_the_directories() -> None:
    root = Path(str(sample_root()))
    listed = [c["slug"] for c in tomllib.loads(
        (root / "companies.toml").read_text(encoding="utf-8"))["companies"]]
    on_disk = sorted(p.name for p in root.iterdir() if p.is_dir() and p.name[0].isalnum())
    assert sorted(listed) == on_disk


def test_broken_sample_data_is_a_clear_error(tmp_path: Path) -> None:
    from tracker.demo.run import SampleDataError

    with pytest.raises(SampleDataError, match="companies.toml"):
        load_samples(tmp_path)
    (tmp_path / "companies.toml").write_text('[[companies]]\nslug = "acme"\nname = "ACME"\n')
    with pytest.raises(SampleDataError, match="no directory for company 'acme'"):
        load_samples(tmp_path)
    (tmp_path / "acme" / "privacy-policy").mkdir(parents=True)
    with pytest.raises(SampleDataError, match="empty"):
        load_samples(tmp_path)
    (tmp_path / "acme" / "privacy-policy" / "2024-13-01.md").write_text("# Policy\n")
    with pytest.raises(SampleDataError, match="bad date"):
        load_samples(tmp_path)
    (tmp_path / "acme" / "privacy-policy" / "2024-13-01.md").rename(
        tmp_path / "acme" / "privacy-policy" / "2024-12-01.md")
    loaded = load_samples(tmp_path)
    assert [v.name for v in loaded.versions] == ["2024-12-01.md"]
    assert loaded.companies_on(date(2024, 11, 30)) == []
    assert loaded.companies_on(date(2024, 12, 1)) == ["acme"]
