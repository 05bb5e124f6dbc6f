"""Every CLI command with hostile arguments and paths (hypothesis): never a traceback, and
the exit code is always one of the documented ones (0, 1, 2, 3, 75).

Runs in-process on a copy of a small workspace (two versions recorded from a local server);
no argument can make the tracker send anything beyond 127.0.0.1 (no URL or host name in the
pool needs DNS), and `demo`/`serve` are left out (a good path would run the whole demo or
serve forever; their bad paths are covered in test_attack_disks.py)."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support.web import LocalServer
from tracker.cli.main import main

DOCUMENTED_EXIT_CODES = {0, 1, 2, 3, 75}
COMMANDS = ["init", "add", "list", "status", "track", "build", "run", "log", "diff", "import",
            "backfill", "reextract", "export", "push", "pull"]
OPTIONS = ["--type", "--name", "--homepage", "--shard", "--out", "--jobs", "-j", "--limit",
           "-n", "--from", "--to", "--archive-url", "--format", "--wait", "--stats", "-v",
           "-vv", "--help", "-w"]




def _pool(web: LocalServer, paths: Path) -> list[str]:
    port = web.port
    return [
        "", "-", "--", ".", "..", "../../etc/passwd", "/etc/passwd", "/etc/shadow", "/proc/self/mem",
        "/proc/self/nope/x", "/dev/zero", "/dev/null", "/", "\x00", "a\x00b", "\n", "a" * 5000,
        "--upload-pack=touch /tmp/pwned", "-x", "a\x00", "\x00b", ".git", "HEAD", "HEAD~999", "0" * 40, "é", "\u202e",
        "acme", "ACME", "privacy-policy", "terms", "1/0", "0/0", "1/1000000000000", "2/1", "0",
        "-1", "99999999999999999999999", "1.5", "2019-13-45", "2020-01-01", "0000-00-00",
        "json", "html", "xml", "%s%n", "{}", "$(id)", "`id`", "*", "~",
        f"http://127.0.0.1:{port}/p", f"http://user:pw@127.0.0.1:{port}/", "http://127.0.0.1:1/",
        "http://localhost:1/x", "http://[::1", "http://", "javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>", "file:///etc/passwd", "ftp://127.0.0.1/",
        str(paths / "file"), str(paths / "loop"), str(paths / "passwd"),
        str(paths / "snaps"), str(paths / "file" / "below"), str(paths / "new-dir"),
    ]


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_every_command_with_hostile_arguments_is_one_line_and_a_documented_exit_code(
        template: tuple[Path, LocalServer, Path], data: st.DataObject) -> None:
    root, web, paths = template
    pool = _pool(web, paths)
    command = data.draw(st.sampled_from(COMMANDS), label="command")
    words = st.one_of(st.sampled_from(pool), st.sampled_from(OPTIONS),
                      st.text(max_size=12))
    args = data.draw(st.lists(words, max_size=5), label="args")
    with tempfile.TemporaryDirectory(prefix="fuzz-") as scratch:
        work = Path(scratch) / "ws"
        shutil.copytree(root, work, symlinks=True)
        cwd = os.getcwd()
        os.chdir(scratch)   # `init DIR`, `--out DIR` and the like land in the scratch dir
        try:
            result = CliRunner().invoke(main, ["-w", str(work), command, *args],
                                        catch_exceptions=True)
        finally:
            os.chdir(cwd)
    output = result.output
    assert "Traceback" not in output, (command, args, output)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"{command} {args!r} raised {result.exception!r}") from \
            result.exception
    assert result.exit_code in DOCUMENTED_EXIT_CODES, (command, args, result.exit_code, output)
