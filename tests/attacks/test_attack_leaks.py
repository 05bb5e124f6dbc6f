"""Nothing leaks: credentials in a configured URL or a redirect target never reach a page, a
feed, the status output, a commit trailer, the state file or a log line (debug included)."""

from __future__ import annotations

import base64
import subprocess
from pathlib import Path

from tests.support.cli import assert_no_traceback, run_tracker
from tests.support.web import LocalServer
from tests.support.workspace import Doc, policy_page, write_config

SECRET, REDIRECT_SECRET = "s3cr3t-Pa55", "t0p-S3cret"


def _everything_written(root: Path) -> str:
    texts = []
    for path in root.rglob("*"):
        if path.is_file() and ".git" not in path.parts and path.name != "tracker.toml":
            texts.append(path.read_bytes().decode("utf-8", "replace"))
    for repo in (root / "snapshots").iterdir():
        texts.append(subprocess.run(["git", "-C", str(repo), "log", "--all", "--format=%B%n%N"],
                                    capture_output=True, text=True).stdout)
    return "\n".join(texts)


def test_credentials_in_urls_are_used_but_never_published_or_logged(
        tmp_path: Path, web: LocalServer) -> None:
    expected = "Basic " + base64.b64encode(f"reader:{SECRET}".encode()).decode()
    versions = {"n": 1}

    def private(h) -> None:  # the credentials are used: the page needs them
        if h.headers.get("Authorization") != expected:
            h.reply(401, b"who are you", "text/plain",
                    {"WWW-Authenticate": 'Basic realm="policies"'})
        else:
            h.reply(200, policy_page("Privacy Policy", versions["n"]))

    web.routes["/private"] = private
    web.routes["/moved"] = lambda h: h.reply(
        302, b"", headers={"Location": f"http://admin:{REDIRECT_SECRET}@127.0.0.1:{web.port}/gone"})
    web.routes["/gone"] = lambda h: h.reply(500, b"down", "text/plain")
    auth_url = f"http://reader:{SECRET}@127.0.0.1:{web.port}/private"
    root = write_config(tmp_path / "ws", [Doc("acme", "privacy-policy", auth_url),
                                          Doc("acme", "terms", web.url("/moved"))],
                        site={"failure_threshold": 1})
    outputs = []
    for _ in range(2):
        proc = run_tracker(root, "-vv", "track")
        outputs += [proc.stdout, proc.stderr]
        assert proc.returncode == 1, proc.stderr
        versions["n"] += 1
    assert "CHANGED  acme/privacy-policy" in proc.stdout   # recorded with the credentials
    for command in ("status", "list", "build", "log"):
        proc = run_tracker(root, "-vv", *([command, "acme"] if command == "log" else [command]))
        outputs += [proc.stdout, proc.stderr]
    assert (root / "public" / "feeds" / "status.atom").is_file()
    everything = "\n".join(outputs) + _everything_written(root)
    assert "127.0.0.1" in everything and "/private" in everything
    assert SECRET not in everything and REDIRECT_SECRET not in everything
    assert "reader:" not in everything and "admin:" not in everything
    assert_no_traceback(*outputs[:4])
