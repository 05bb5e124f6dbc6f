"""import, log, diff and reextract through the CLI, on real corpus histories and real git."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from tests.support.git import git
from tracker.cli.main import main

SPEC_KEYS = {"verdict", "headline", "bullets", "similarity", "stats", "sections", "topics",
             "entities", "changes"}


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.mark.slow
def test_import_log_diff_on_the_ota_corpus(tmp_path, corpus_dir):
    ws = tmp_path / "ws"
    assert run("init", ws).exit_code == 0
    result = run("-w", ws, "import", corpus_dir / "ota")
    assert result.exit_code == 0, result.output
    bitwarden = ws / "snapshots" / "bitwarden"
    dates = git(bitwarden, "log", "--format=%as", "--", "privacy-policy.md").split()
    expected = sorted(p.stem for p in (corpus_dir / "ota" / "bitwarden").glob("*.md"))
    assert dates == sorted(expected, reverse=True)[:len(dates)] and len(dates) >= 2
    assert git(bitwarden, "fsck", "--strict") == ""
    head = git(bitwarden, "rev-parse", "HEAD")

    again = run("-w", ws, "import", corpus_dir / "ota")  # idempotent
    assert again.exit_code == 0 and git(bitwarden, "rev-parse", "HEAD") == head

    log = run("-w", ws, "log", "bitwarden")
    assert log.exit_code == 0
    lines = log.output.strip().splitlines()
    assert len(lines) == len(dates)
    assert lines[-1].startswith(dates[-1]) and "[first]" in lines[-1]
    assert all(any(f"[{v}]" in line for v in ("cosmetic", "minor", "substantive", "major"))
               for line in lines[:-1])

    as_json = run("-w", ws, "diff", "bitwarden", "--format", "json")
    assert as_json.exit_code == 0, as_json.output
    report = json.loads(as_json.output)
    assert SPEC_KEYS <= report.keys()

    old, new = sorted((corpus_dir / "ota" / "reddit").glob("*.md"))[:2]
    text = run("diff", old, new)
    assert text.exit_code == 0 and text.output.strip()
    html = run("diff", old, new, "--format", "html")
    assert html.exit_code == 0 and "<script" not in html.output.lower()

    bad = run("-w", ws, "diff", "bitwarden", "deadbeef")
    assert bad.exit_code in (2, 3) and "Traceback" not in bad.output


def test_reextract_commits_a_technical_change(tmp_path):
    src = tmp_path / "src" / "acme" / "privacy-policy"
    src.mkdir(parents=True)
    (src / "2024-01-01.html").write_text(
        "<html><body><main><h1>Privacy</h1><p>We collect your e-mail address to send you "
        "receipts and we keep it for 30 days.</p><div class='promo'>Buy now!</div>"
        "</main></body></html>")
    ws = tmp_path / "ws"
    run("init", ws)
    assert run("-w", ws, "add", "acme", "https://acme.example/privacy").exit_code == 0
    assert run("-w", ws, "import", tmp_path / "src").exit_code == 0
    repo = ws / "snapshots" / "acme"
    assert "Buy now" in (repo / "privacy-policy.md").read_text()
    config = (ws / "tracker.toml").read_text().replace(
        'url = "https://acme.example/privacy"',
        'url = "https://acme.example/privacy"\nremove = [".promo"]')
    (ws / "tracker.toml").write_text(config)
    result = run("-w", ws, "reextract")
    assert result.exit_code == 0 and "REEXTRACTED acme/privacy-policy" in result.output
    assert "Buy now" not in (repo / "privacy-policy.md").read_text()
    trailers = git(repo, "log", "-1", "--format=%s%n%(trailers:only)")
    assert "technical change" in trailers and "Change-Kind: technical" in trailers
    assert run("-w", ws, "reextract").output.splitlines() == [   # nothing more to do
        "UNCHANGED   acme/privacy-policy: the stored snapshot gives the same text",
        "1 documents: 0 re-extracted (technical commits), 1 unchanged, 0 skipped, 0 failed."]
    log = run("-w", ws, "log", "acme")
    assert "[technical]" in log.output.splitlines()[0]
