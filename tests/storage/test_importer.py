"""import_directory: both layouts, every format, unsafe names, the real corpus."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest

from tests.support.files import write
from tests.support.git import fsck, git
from tracker.extract import decode, normalize_text
from tracker.ingest.importer import import_directory, parse_snapshot_name


def subjects_and_dates(repo: Path, doc: str) -> list[tuple[str, str]]:
    out = git(repo, "log", "--format=%aI%x1f%cI%x1f%s", "--", f"{doc}.md")
    rows = [line.split("\x1f") for line in out.splitlines()]
    assert all(r[0] == r[1] for r in rows)
    return [(r[0], r[2]) for r in rows]


def test_import_both_layouts(archive_dir: Path, tmp_path: Path):
    snaps = tmp_path / "ws" / "snapshots"
    seen: list[tuple[str, str, int, int]] = []
    report = import_directory(snaps, archive_dir, company_names={"acme": "ACME Corp"},
                              progress=lambda *a: seen.append(a))
    assert sorted(p.name for p in snaps.iterdir()) == ["acme", "globex"]  # no repo for labels
    acme = snaps / "acme"
    assert subjects_and_dates(acme, "privacy-policy") == [
        ("2022-01-01T00:00:00+00:00", "Record new changes of ACME Corp Privacy Policy"),
        ("2021-03-01T00:00:00+00:00", "First record of ACME Corp Privacy Policy")]
    assert subjects_and_dates(acme, "terms-of-service") == [
        ("2020-02-01T00:00:00+00:00", "Record new changes of ACME Corp Terms of Service"),
        ("2020-01-01T00:00:00+00:00", "First record of ACME Corp Terms of Service")]
    # texts normalised / extracted, raw snapshots stored beside them as imported
    first_pp = git(acme, "log", "--format=%H", "--", "privacy-policy.md").split()[-1]
    assert git(acme, "show", f"{first_pp}:privacy-policy.md") == \
        "# Privacy\n\nWe collect data.\n"
    raw = subprocess.run(["git", "-C", str(acme), "show", f"{first_pp}:raw/privacy-policy.md"],
                         capture_output=True, check=True).stdout
    assert raw == (archive_dir / "acme" / "2021-03-01.md").read_bytes()  # byte for byte
    assert "We collect less data." in (acme / "privacy-policy.md").read_text()
    assert "<nav>Home</nav>" in (acme / "raw" / "privacy-policy.html").read_text()
    first_terms = git(acme, "log", "--format=%H", "--", "terms-of-service.md").split()[-1]
    assert git(acme, "show", f"{first_terms}:terms-of-service.md") == \
        "Terms of Service\n\nYou agree to everything.\n"
    assert git(acme, "show", f"{first_terms}:raw/terms-of-service.pdf").startswith("%PDF")
    body = git(acme, "log", "-1", "--format=%B", "--", "privacy-policy.md")
    assert "Fetcher: import\n" in body
    assert f"Source-URL: {(archive_dir / 'acme' / '2022-01-01.html').resolve().as_uri()}\n" in body
    assert "Content-Type: text/html\n" in body
    assert subjects_and_dates(snaps / "globex", "privacy-policy") == [
        ("2019-05-05T00:00:00+00:00", "First record of globex Privacy Policy")]
    # counts, errors and ignored files
    assert report.stats("acme", "privacy-policy").imported == 2
    assert report.stats("acme", "privacy-policy").skipped == 1
    assert report.stats("acme", "privacy-policy").errors == 1
    assert report.stats("acme", "terms-of-service").imported == 2
    assert report.imported == 5
    errors = "\n".join(report.errors)
    assert "unsafe company name 'bad name'" in errors
    assert "unsafe company name '.hidden'" in errors
    assert "unsafe document type name 'Bad Type'" in errors
    assert "2021-13-45.md: invalid date" in errors
    assert "2020-04-04.md" in errors
    assert len(report.errors) == 5
    ignored = {Path(p).name for p in report.ignored}
    assert ignored == {"README.md", "notes.json", "SOURCES.md", "acme.json"}
    assert ("acme", "privacy-policy", 2, 1) in seen
    assert "acme/privacy-policy: 2 imported, 1 skipped, 1 errors" in report.summary()
    for repo in (acme, snaps / "globex"):
        fsck(repo)
        assert git(repo, "status", "--porcelain") == ""
    assert not (tmp_path / "ws" / "bad name").exists() and not (snaps / "bad name").exists()


def test_reimport_adds_nothing_and_older_files_are_merged_in(archive_dir: Path, tmp_path: Path):
    snaps = tmp_path / "snapshots"
    import_directory(snaps, archive_dir)
    head = git(snaps / "acme", "rev-parse", "HEAD")
    again = import_directory(snaps, archive_dir)
    assert again.imported == 0 and again.skipped == 6
    assert git(snaps / "acme", "rev-parse", "HEAD") == head
    write(archive_dir / "acme" / "2018-01-01.md", "# Privacy\n\nThe oldest text.\n")
    later = import_directory(snaps, archive_dir)
    assert later.imported == 1
    dates = [d[:10] for d, _ in subjects_and_dates(snaps / "acme", "privacy-policy")]
    assert dates == ["2022-01-01", "2021-03-01", "2018-01-01"]
    fsck(snaps / "acme")


def test_symlinked_repository_outside_the_workspace_is_refused(archive_dir: Path, tmp_path: Path):
    snaps = tmp_path / "snapshots"
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    snaps.mkdir()
    (snaps / "globex").symlink_to(outside, target_is_directory=True)
    report = import_directory(snaps, archive_dir)
    assert any("outside" in e and "globex" in e for e in report.errors)
    assert list(outside.iterdir()) == []
    assert (snaps / "acme" / ".git").is_dir()


def test_snapshot_names():
    assert parse_snapshot_name("2024-05-09.md")[1] == "md"
    date, ext = parse_snapshot_name("2024-05-09T101530.HTM")
    assert (date.isoformat(), ext) == ("2024-05-09T10:15:30+00:00", "html")
    assert parse_snapshot_name("2024-05-09.json") is None
    assert parse_snapshot_name("v2024-05-09.md") is None
    with pytest.raises(ValueError):
        parse_snapshot_name("2024-02-30.md")


def _expected_versions(folder: Path) -> int:
    """Versions a correct import keeps: files whose normalised text differs from the last."""
    count, last = 0, None
    for path in sorted(folder.iterdir()):
        text = normalize_text(decode(path.read_bytes()))
        if text != last:
            count += 1
        last = text
    return count


@pytest.mark.slow
@pytest.mark.corpus
def test_import_real_corpus(corpus_dir: Path, tmp_path: Path):
    snaps = tmp_path / "snapshots"
    start = time.perf_counter()
    ota = import_directory(snaps, corpus_dir / "ota")
    ptt = import_directory(snaps, corpus_dir / "ptt")
    first = time.perf_counter() - start
    assert ota.errors == [] and ptt.errors == []
    assert {Path(p).name for p in ota.ignored} >= {"SOURCES.md", "reddit.json"}
    companies = sorted(p.name for p in snaps.iterdir())
    assert len(companies) == 8 + 22 and "labels" not in companies
    total = 0
    for source in ("ota", "ptt"):
        for folder in sorted((corpus_dir / source).iterdir()):
            if not folder.is_dir() or folder.name == "labels":
                continue
            repo = snaps / folder.name
            logged = git(repo, "log", "--format=%aI", "--", "privacy-policy.md").split()
            assert len(logged) == _expected_versions(folder), folder.name
            files = sorted(p.stem for p in folder.iterdir())
            assert logged[-1][:10] == files[0] and logged[0][:10] == files[-1]
            total += len(logged)
    assert ota.imported + ptt.imported == total
    assert total >= 340  # 38 + 311 files, a few consecutive duplicates at most
    fsck(snaps / "google")
    heads = {c: git(snaps / c, "rev-parse", "HEAD") for c in companies}
    start = time.perf_counter()
    again = [import_directory(snaps, corpus_dir / s) for s in ("ota", "ptt")]
    second = time.perf_counter() - start
    assert sum(r.imported for r in again) == 0
    assert {c: git(snaps / c, "rev-parse", "HEAD") for c in companies} == heads
    print(f"corpus import: {total} versions in {first:.2f}s, re-import {second:.2f}s")
    assert first < 30 and second < 30
