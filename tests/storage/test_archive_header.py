"""Importing public policy archives: one file per site, an archive-date header as first line."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.support.files import SEEDS
from tests.support.git import fsck, git
from tracker.ingest.archive_header import parse_header, read_header, split_header
from tracker.ingest.importer import import_directory

KONNEKTIVE = ("> *The following text is extracted and transformed from the konnektive.com "
              "privacy policy that was archived on 2019-06-10. Please check the [original "
              "snapshot on the Wayback Machine](https://web.archive.org/web/20190610234532id_/"
              "https%3A//konnektive.com/privacy-policy) for the most accurate reproduction.*")


def test_header_gives_site_document_and_the_snapshot_time():
    h = parse_header(KONNEKTIVE)
    assert h is not None
    assert (h.site, h.company, h.doc_type) == ("konnektive.com", "konnektive.com",
                                               "privacy-policy")
    assert h.captured_at == datetime(2019, 6, 10, 23, 45, 32, tzinfo=timezone.utc)
    assert h.snapshot_url == ("https://web.archive.org/web/20190610234532id_/"
                              "https%3A//konnektive.com/privacy-policy")


def test_without_a_timestamped_link_the_archived_on_day_is_used():
    line = ("> *The following text is extracted and transformed from the www.Example.org "
            "terms of service that was archived on 2017-02-03. Please check the original.*")
    h = parse_header(line)
    assert h is not None and (h.company, h.doc_type, h.snapshot_url) == (
        "example.org", "terms-of-service", "")
    assert h.captured_at == datetime(2017, 2, 3, tzinfo=timezone.utc)


@pytest.mark.parametrize("line", [
    "# Privacy Policy",
    "The following text is about our privacy policy.",
    KONNEKTIVE.replace("2019-06-10", "2019-13-45").replace("20190610234532", "2019"),
    KONNEKTIVE.replace("20190610234532", "20191399999999"),
    KONNEKTIVE.replace("konnektive.com", "../etc.com/x"),
])
def test_other_lines_and_impossible_values_are_not_headers(line):
    assert parse_header(line) is None


def test_split_header_strips_only_the_header():
    header, text = split_header(KONNEKTIVE + "\n\n# Privacy Policy\n\nWe collect.\n")
    assert header is not None and text == "# Privacy Policy\n\nWe collect.\n"
    assert split_header("# Privacy\n") == (None, "# Privacy\n")


def test_seed_files_carry_the_dates_their_readme_gives(seeds_dir: Path):
    for name, (site, day) in SEEDS.items():
        h = read_header(seeds_dir / name)
        assert h is not None and h.site == site and h.doc_type == "privacy-policy", name
        assert h.captured_at.date().isoformat() == day
        assert h.snapshot_url.startswith(f"https://web.archive.org/web/{day.replace('-', '')}")
    for name in ("001_22804a30df8bcfcb.txt", "004_2f801282c15ef503.txt", "README.md"):
        assert read_header(seeds_dir / name) is None


def test_importing_the_seed_directory(seeds_dir: Path, tmp_path: Path):
    snapshots = tmp_path / "snapshots"
    report = import_directory(snapshots, seeds_dir)
    assert report.errors == [] and report.imported == 3
    assert sorted(Path(p).name for p in report.ignored) == [
        "001_22804a30df8bcfcb.txt", "004_2f801282c15ef503.txt", "README.md"]
    for name, (site, day) in SEEDS.items():
        repo = snapshots / site
        raw_file = (seeds_dir / name).read_bytes()
        header = read_header(seeds_dir / name)
        log = git(repo, "log", "--format=%aI%n%(trailers:key=Source-URL,valueonly)"
                      "%(trailers:key=Fetcher,valueonly)").split()
        assert log == [header.captured_at.isoformat(), header.snapshot_url, "import"]
        assert log[0].startswith(day)
        text = (repo / "privacy-policy.md").read_text()
        assert "The following text is extracted" not in text
        assert text.startswith("# Privacy")
        assert (repo / "raw" / "privacy-policy.md").read_bytes() == raw_file
        fsck(repo)
    # importing again adds nothing
    again = import_directory(snapshots, seeds_dir)
    assert again.imported == 0 and again.skipped == 3 and again.errors == []


def test_import_command_with_archive_files_and_dated_snapshots_together(tmp_path: Path):
    src = tmp_path / "archive"
    (src / "acme.test").mkdir(parents=True)
    (src / "acme.test" / "2021-05-01.md").write_text("# Privacy\n\nWe keep data 2 years.\n")
    (src / "0001.txt").write_text(
        "> *The following text is extracted and transformed from the acme.test privacy policy "
        "that was archived on 2019-06-10. Please check the [original snapshot on the Wayback "
        "Machine](https://web.archive.org/web/20190610080000id_/https%3A//acme.test/privacy) "
        "for the most accurate reproduction.*\n\n# Privacy\n\nWe keep data 1 year.\n")
    (src / "0002.txt").write_text(
        "> *The following text is extracted and transformed from the acme.test privacy policy "
        "that was archived on 2020-01-02.*\n\n")  # a header and no text: an error, not a version
    (src / "notes.txt").write_text("not an archive file\n")
    from tracker.cli.main import main

    runner = CliRunner()
    ws = tmp_path / "ws"
    assert runner.invoke(main, ["init", str(ws)]).exit_code == 0
    result = runner.invoke(main, ["-w", str(ws), "import", str(src)])
    assert result.exit_code == 1, result.output
    assert "acme.test/privacy-policy: 2 imported, 0 skipped, 1 errors" in result.stdout
    assert "0002.txt: no text after the archive header" in result.stderr
    repo = ws / "snapshots" / "acme.test"
    assert git(repo, "log", "--format=%aI %(trailers:key=Source-URL,valueonly)").split() \
        == ["2021-05-01T00:00:00+00:00", (src / "acme.test" / "2021-05-01.md").as_uri(),
            "2019-06-10T08:00:00+00:00",
            "https://web.archive.org/web/20190610080000id_/https%3A//acme.test/privacy"]
    assert git(repo, "show", "HEAD~1:privacy-policy.md") == \
        "# Privacy\n\nWe keep data 1 year.\n"
    fsck(repo)
