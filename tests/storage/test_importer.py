"""import_directory: both layouts, every format, unsafe names, the real corpus."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest

from storage_helpers import fsck, run_git
from tracker.extract import decode, normalize_text
from tracker.ingest.importer import import_directory, parse_snapshot_name


def make_pdf(lines: list[str]) -> bytes:
    """A minimal valid one-page PDF with real text (Helvetica), xref offsets computed."""
    content = "BT /F1 12 Tf 72 720 Td " + " ".join(f"({ln}) Tj 0 -16 Td" for ln in lines) + " ET"
    objs = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            "/Resources << /Font << /F1 5 0 R >> >> >>",
            f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out = b"%PDF-1.4\n"
    offsets = []
    for i, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{obj}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def write(path: Path, data: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode() if isinstance(data, str) else data)


def subjects_and_dates(repo: Path, doc: str) -> list[tuple[str, str]]:
    out = run_git(repo, "log", "--format=%aI%x1f%cI%x1f%s", "--", f"{doc}.md")
    rows = [line.split("\x1f") for line in out.splitlines()]
    assert all(r[0] == r[1] for r in rows)
    return [(r[0], r[2]) for r in rows]


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    # flat layout: privacy policy
    write(src / "acme" / "2021-03-01.md", "# Privacy\r\n\r\n\r\nWe collect data.  \n")
    write(src / "acme" / "2021-06-01T101500.txt", "# Privacy\n\nWe collect data.\n")  # same
    write(src / "acme" / "2022-01-01.html",
          "<html><body><nav>Home</nav><main><h1>Privacy</h1><p>We collect less data.</p>"
          "</main></body></html>")
    write(src / "acme" / "README.md", "notes, not a snapshot")
    # nested layout: terms of service, with a PDF
    write(src / "acme" / "terms-of-service" / "2020-01-01.pdf",
          make_pdf(["Terms of Service", "You agree to everything."]))
    write(src / "acme" / "terms-of-service" / "2020-02-01.md", "# Terms\n\nYou agree.\n")
    write(src / "acme" / "terms-of-service" / "notes.json", "{}")
    # upper-case company directory is lower-cased
    write(src / "Globex" / "2019-05-05.txt", "Globex privacy text.\n")
    # not companies / not safe
    write(src / "SOURCES.md", "sources")
    write(src / "labels" / "acme.json", "{}")
    write(src / "bad name" / "2020-01-01.md", "x")
    write(src / ".hidden" / "2020-01-01.md", "x")
    write(src / "acme" / "Bad Type" / "2020-01-01.md", "x")
    write(src / "acme" / "2021-13-45.md", "impossible date")
    write(src / "acme" / "2020-04-04.md", "   \n")  # no text: an error for that file only
    return src


def test_import_both_layouts(archive: Path, tmp_path: Path):
    snaps = tmp_path / "ws" / "snapshots"
    seen: list[tuple[str, str, int, int]] = []
    report = import_directory(snaps, archive, company_names={"acme": "ACME Corp"},
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
    first_pp = run_git(acme, "log", "--format=%H", "--", "privacy-policy.md").split()[-1]
    assert run_git(acme, "show", f"{first_pp}:privacy-policy.md") == \
        "# Privacy\n\nWe collect data.\n"
    raw = subprocess.run(["git", "-C", str(acme), "show", f"{first_pp}:raw/privacy-policy.md"],
                         capture_output=True, check=True).stdout
    assert raw == (archive / "acme" / "2021-03-01.md").read_bytes()  # byte for byte
    assert "We collect less data." in (acme / "privacy-policy.md").read_text()
    assert "<nav>Home</nav>" in (acme / "raw" / "privacy-policy.html").read_text()
    first_terms = run_git(acme, "log", "--format=%H", "--", "terms-of-service.md").split()[-1]
    assert run_git(acme, "show", f"{first_terms}:terms-of-service.md") == \
        "Terms of Service\n\nYou agree to everything.\n"
    assert run_git(acme, "show", f"{first_terms}:raw/terms-of-service.pdf").startswith("%PDF")
    body = run_git(acme, "log", "-1", "--format=%B", "--", "privacy-policy.md")
    assert "Fetcher: import\n" in body
    assert f"Source-URL: {(archive / 'acme' / '2022-01-01.html').resolve().as_uri()}\n" in body
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
        assert run_git(repo, "status", "--porcelain") == ""
    assert not (tmp_path / "ws" / "bad name").exists() and not (snaps / "bad name").exists()


def test_reimport_adds_nothing_and_older_files_are_merged_in(archive: Path, tmp_path: Path):
    snaps = tmp_path / "snapshots"
    import_directory(snaps, archive)
    head = run_git(snaps / "acme", "rev-parse", "HEAD")
    again = import_directory(snaps, archive)
    assert again.imported == 0 and again.skipped == 6
    assert run_git(snaps / "acme", "rev-parse", "HEAD") == head
    write(archive / "acme" / "2018-01-01.md", "# Privacy\n\nThe oldest text.\n")
    later = import_directory(snaps, archive)
    assert later.imported == 1
    dates = [d[:10] for d, _ in subjects_and_dates(snaps / "acme", "privacy-policy")]
    assert dates == ["2022-01-01", "2021-03-01", "2018-01-01"]
    fsck(snaps / "acme")


def test_symlinked_repository_outside_the_workspace_is_refused(archive: Path, tmp_path: Path):
    snaps = tmp_path / "snapshots"
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    snaps.mkdir()
    (snaps / "globex").symlink_to(outside, target_is_directory=True)
    report = import_directory(snaps, archive)
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
            logged = run_git(repo, "log", "--format=%aI", "--", "privacy-policy.md").split()
            assert len(logged) == _expected_versions(folder), folder.name
            files = sorted(p.stem for p in folder.iterdir())
            assert logged[-1][:10] == files[0] and logged[0][:10] == files[-1]
            total += len(logged)
    assert ota.imported + ptt.imported == total
    assert total >= 340  # 38 + 311 files, a few consecutive duplicates at most
    fsck(snaps / "google")
    heads = {c: run_git(snaps / c, "rev-parse", "HEAD") for c in companies}
    start = time.perf_counter()
    again = [import_directory(snaps, corpus_dir / s) for s in ("ota", "ptt")]
    second = time.perf_counter() - start
    assert sum(r.imported for r in again) == 0
    assert {c: run_git(snaps / c, "rev-parse", "HEAD") for c in companies} == heads
    print(f"corpus import: {total} versions in {first:.2f}s, re-import {second:.2f}s")
    assert first < 30 and second < 30
