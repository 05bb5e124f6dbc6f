"""Where base_url comes from: `tracker init --base-url` (or its prompt) and the build's
reminder on stderr when feeds are built without one."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from tracker.cli.main import main
from tracker.config.loading import load_config


def test_init_writes_base_url(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["init", str(tmp_path / "ws"), "--base-url",
                                       "https://watch.example/policies/"])
    assert result.exit_code == 0, result.output
    assert "Feeds will link to https://watch.example/policies/" in result.output
    config = load_config(tmp_path / "ws/tracker.toml")
    assert config.site.base_url == "https://watch.example/policies/"


def test_init_without_base_url_says_where_to_set_it(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["init", str(tmp_path / "ws")])
    assert result.exit_code == 0, result.output
    assert "[site] base_url" in result.output
    assert load_config(tmp_path / "ws/tracker.toml").site.base_url == ""


def test_init_refuses_a_bad_base_url_and_creates_nothing(tmp_path: Path) -> None:
    for bad in ("javascript:alert(1)", "ftp://x.example/", "not a url"):
        result = CliRunner().invoke(main, ["init", str(tmp_path / "ws"), "--base-url", bad])
        assert result.exit_code == 2 and "--base-url" in result.output, result.output
        assert "Traceback" not in result.output
        assert not (tmp_path / "ws").exists()


def test_build_warns_once_on_stderr_without_base_url(tmp_path: Path) -> None:
    runner = CliRunner(mix_stderr=False) if "mix_stderr" in CliRunner.__init__.__code__.co_varnames \
        else CliRunner()
    ws = tmp_path / "ws"
    assert runner.invoke(main, ["init", str(ws)]).exit_code == 0
    built = runner.invoke(main, ["-w", str(ws), "build"])
    assert built.exit_code == 0, built.output
    lines = [line for line in built.stderr.splitlines() if "base_url" in line]
    assert len(lines) == 1 and lines[0].startswith("Warning: feeds were built without base_url")
    assert "base_url" not in built.stdout
    based = tmp_path / "based"
    assert runner.invoke(main, ["init", str(based), "--base-url",
                                "https://x.example/"]).exit_code == 0
    built = runner.invoke(main, ["-w", str(based), "build"])
    assert built.exit_code == 0 and "base_url" not in built.stderr
