"""CLI edges: config errors exit 2 and write nothing, clear messages, no tracebacks."""

from __future__ import annotations

from click.testing import CliRunner

from tracker.cli.main import main


def run(*args, env=None):
    return CliRunner().invoke(main, list(args), env=env)


def test_init_add_list(tmp_path):
    ws = tmp_path / "ws"
    result = run("init", str(ws))
    assert result.exit_code == 0 and (ws / "tracker.toml").exists()
    assert run("init", str(ws)).exit_code == 2  # never overwrites
    result = run("-w", str(ws), "add", "Acme Corp", "https://acme.example/privacy")
    assert result.exit_code == 0, result.output
    assert "acme-corp/privacy-policy" in result.output
    listing = run("list", env={"TRACKER_WORKSPACE": str(ws)})
    assert listing.exit_code == 0
    assert "acme-corp/privacy-policy" in listing.output and "never fetched" in listing.output


def test_bad_config_exits_2_and_writes_nothing(tmp_path):
    (tmp_path / "tracker.toml").write_text(
        "[[companies]]\nslug = '../../etc'\n[[companies.documents]]\nurl = 'http://x.example'\n")
    result = run("-w", str(tmp_path), "track")
    assert result.exit_code == 2
    assert "tracker.toml" in result.output and "'../../etc'" in result.output
    assert "Traceback" not in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tracker.toml"]


def test_missing_workspace_is_a_clear_error(tmp_path):
    result = run("-w", str(tmp_path / "nope"), "track")
    assert result.exit_code == 3 and "does not exist" in result.output
    result = run("-w", str(tmp_path), "list")
    assert result.exit_code == 3 and "not a tracker workspace" in result.output


def test_unknown_company_is_a_usage_error(tmp_path):
    run("init", str(tmp_path))
    result = run("-w", str(tmp_path), "track", "nobody")
    assert result.exit_code == 2 and "unknown company: nobody" in result.output
    result = run("-w", str(tmp_path), "log", "nobody")
    assert result.exit_code == 2 and "no repository" in result.output
