"""`tracker export` (the dataset) and `tracker serve` (the local preview server), for real."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import urllib.error
import urllib.request
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.support.dataset import T0
from tests.support.git import git
from tracker.cli import main
from tracker.errors import UsageError
from tracker.publish.dataset import export_dataset
from tracker.publish.serve import make_server
from tracker.workspace import Workspace

def test_zip_export_holds_every_version_as_git_has_it(workspace: Workspace,
                                                      tmp_path: Path) -> None:
    out = tmp_path / "data.zip"
    result = export_dataset(workspace, workspace.load_config(), out, as_zip=True, raw=True,
                            now=T0)
    assert (result.companies, result.documents, result.versions) == (2, 2, 3)
    with zipfile.ZipFile(out) as zf:
        index = json.loads(zf.read("data/index.json"))
        assert index["schema"] == 1 and [c["slug"] for c in index["companies"]] == ["acme",
                                                                                    "globex"]
        acme = index["companies"][0]
        assert acme["name"] == "Acme Inc."
        doc = acme["documents"][0]
        assert doc["url"] == "https://acme.example/p" and doc["title"] == "Privacy Policy"
        dates = [v["date"] for v in doc["versions"]]
        assert dates == sorted(dates) and dates[0] == "2021-03-04T05:06:07Z"
        for version in doc["versions"]:
            data = zf.read(f"data/{version['path']}")
            shown = git(workspace.repo_path("acme"), "show",
                        f"{version['commit']}:privacy-policy.md")
            assert data.decode() == shown
            assert hashlib.sha256(data).hexdigest() == version["text_sha256"]
            assert zf.read(f"data/{version['raw_path']}").startswith(b"<p>")
        assert "3 versions" in zf.read("data/README.md").decode()
    again = tmp_path / "again" / "data.zip"
    export_dataset(workspace, workspace.load_config(), again, as_zip=True, raw=True, now=T0)
    assert again.read_bytes() == out.read_bytes()          # same history, same bytes


def test_directory_export_and_its_refusals(workspace: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "dataset"
    export_dataset(workspace, workspace.load_config(), out, companies=["globex"])
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert files == ["README.md", "globex/terms-of-service/2021-03-04T05-06-07Z.md", "index.json"]
    with pytest.raises(UsageError, match="not empty"):
        export_dataset(workspace, workspace.load_config(), out)
    with pytest.raises(UsageError, match="nothing recorded for nobody"):
        export_dataset(workspace, workspace.load_config(), tmp_path / "x", companies=["nobody"])
    assert not (tmp_path / "x").exists()


def test_versions_captured_within_one_second_keep_a_file_each(tmp_path: Path) -> None:
    """Two captures in the same second (a re-run, a quick fix upstream) were one ZIP entry
    written twice and one file overwritten in a directory export: each keeps its own name."""
    from datetime import timedelta

    from tracker.models import Extracted, RecordMeta
    from tracker.storage.repo import CompanyRepo
    ws = Workspace.init(tmp_path / "ws")
    repo = CompanyRepo.open(ws.repo_path("acme"), create=True)
    for i, text in enumerate(["# P\n\nOne.\n", "# P\n\nTwo.\n", "# P\n\nThree.\n"]):
        repo.record("privacy-policy", Extracted(text, text.encode(), "html"),
                    RecordMeta(source_url="https://acme.example/", status=200),
                    T0 + timedelta(milliseconds=100 * i), "privacy-policy")
    repo.close()
    for as_zip, out in ((True, tmp_path / "d.zip"), (False, tmp_path / "d")):
        export_dataset(ws, ws.load_config(), out, as_zip=as_zip)
        if as_zip:
            with zipfile.ZipFile(out) as zf:
                names = zf.namelist()
                index = json.loads(zf.read("d/index.json"))
                texts = [zf.read(f"d/{v['path']}").decode()
                         for v in index["companies"][0]["documents"][0]["versions"]]
            assert len(names) == len(set(names))
        else:
            index = json.loads((out / "index.json").read_text())
            texts = [(out / v["path"]).read_text()
                     for v in index["companies"][0]["documents"][0]["versions"]]
        paths = [v["path"] for v in index["companies"][0]["documents"][0]["versions"]]
        assert paths == ["acme/privacy-policy/2021-03-04T05-06-07Z.md",
                         "acme/privacy-policy/2021-03-04T05-06-07Z-2.md",
                         "acme/privacy-policy/2021-03-04T05-06-07Z-3.md"]
        assert texts == ["# P\n\nOne.\n", "# P\n\nTwo.\n", "# P\n\nThree.\n"]


def test_cli_export_prints_one_line_and_refusals_exit_2(workspace: Workspace,
                                                        tmp_path: Path) -> None:
    runner = CliRunner()
    done = runner.invoke(main, ["-w", str(workspace.root), "export", "--to",
                                str(tmp_path / "d.zip")])
    assert done.exit_code == 0, done.output
    assert done.output.startswith("Exported 3 versions of 2 documents (2 companies)")
    done = runner.invoke(main, ["-w", str(workspace.root), "export", "--to",
                                str(workspace.root), "--dir"])
    assert done.exit_code == 2 and "not empty" in done.output


def fetch(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:
            return answer.status, answer.headers.get("Content-Type", ""), answer.read()
    except urllib.error.HTTPError as err:
        return err.code, "", b""


def test_serve_serves_the_site_and_nothing_else(served: str) -> None:
    assert served.startswith("http://127.0.0.1:")
    assert fetch(served + "/")[2] == b"<h1>Index</h1>"
    status, kind, _ = fetch(served + "/feeds/all.atom")
    assert status == 200 and kind.startswith("application/atom+xml")
    assert fetch(served + "/leak")[0] == 404                    # symlink out of the site
    assert fetch(served + "/../secret.txt")[0] == 404
    assert fetch(served + "/%2e%2e/secret.txt")[0] == 404
    assert fetch(served + "/feeds/")[0] == 404                  # no directory listings


def test_serve_without_a_built_site_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="tracker build"):
        make_server(tmp_path, 0)


def test_cli_serve_announces_its_loopback_url(tmp_path: Path) -> None:
    ws = Workspace.init(tmp_path / "ws")
    ws.public_dir.mkdir()
    (ws.public_dir / "index.html").write_text("hello")
    proc = subprocess.Popen([sys.executable, "-m", "tracker", "-w", str(ws.root), "serve",
                             "--port", "0"], stdout=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline() if proc.stdout else ""
        url = line.split(" at ", 1)[1].split()[0]
        assert url.startswith("http://127.0.0.1:")
        assert fetch(url)[2] == b"hello"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_api_json_describes_every_company_version_and_change(site: Path) -> None:
    """The built fixture site's api/ files match its pages and its git history."""
    index = json.loads((site / "api" / "index.json").read_text())
    assert index["schema"] == 1 and index["companies"]
    total_changes = 0
    for row in index["companies"]:
        company = json.loads((site / row["url"]).read_text())
        assert company["slug"] == row["slug"]
        for doc in company["documents"]:
            dates = [v["date"] for v in doc["versions"]]
            assert dates == sorted(dates, reverse=True)           # newest first
            for version in doc["versions"]:
                assert (site / version["page"]).is_file()
                assert len(version["commit"]) == 40
            for change in doc["changes"]:
                total_changes += 1
                assert (site / change["page"]).is_file()
                report = json.loads((site / change["report"]).read_text())
                assert report["verdict"] in ("cosmetic", "minor", "substantive", "major")
                assert report["headline"] == change["headline"]
                assert (site / report["old"]["page"]).is_file()
                assert report["guid"] == change["guid"]
    change_pages = list(site.glob("companies/*/*/changes/*.html"))
    assert total_changes == len(change_pages) > 0
    assert len(list((site / "api").glob("companies/*/*/changes/*.json"))) == total_changes


def test_a_rebuild_with_nothing_new_rewrites_no_api_file(ws_copy) -> None:  # type: ignore[no-untyped-def]
    from tracker.publish import build_site

    ws, config = ws_copy
    report = build_site(ws, config)
    assert not [p for p in report.written if p.startswith("api/")]
