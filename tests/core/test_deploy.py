"""The shipped deployment examples (deploy/) are valid for their engines and call real commands.

Kubernetes manifests are validated against the Kubernetes JSON schemas (kubernetes-validate,
strict: unknown fields fail); the GitHub Actions workflow and the systemd units are parsed; every
`tracker` command line in them is parsed by the real click command tree, so an option that does
not exist (or a command renamed later) fails here, not at 3 a.m. on a cluster.
"""

from __future__ import annotations

import configparser
import re
import shlex
import warnings
from pathlib import Path

import click
import pytest
import yaml

from tracker.cli import main
from tracker.config import parse_config

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
# Values a template engine would put in place of its expressions, for parsing only.
_PLACEHOLDERS = [(re.compile(r"\$\{\{\s*matrix\.shard\s*\}\}"), "2"),
                 (re.compile(r"\$\{\{[^}]*\}\}"), "x")]


def tracker_commands(text: str) -> list[list[str]]:
    """Every `tracker ...` invocation in a shell text, as argv without the program name."""
    for pattern, value in _PLACEHOLDERS:
        text = pattern.sub(value, text)
    found = []
    for line in text.splitlines():
        lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
        lexer.whitespace_split = True
        words: list[str] = []
        for token in [*lexer, ";"]:
            if token in ("&&", "||", ";", "|", "&"):
                start = next((i for i, w in enumerate(words)
                              if w == "tracker" or w.endswith("/tracker")), None)
                if start is not None:
                    found.append(words[start + 1:])
                words = []
            else:
                words.append(token)
    return found


def check_cli(argv: list[str]) -> None:
    """Parse argv with the real CLI (no command runs); a bad command or option raises."""
    ctx = main.make_context("tracker", list(argv), resilient_parsing=False)
    with warnings.catch_warnings():   # click 8.2 deprecates protected_args, 9 drops it
        warnings.simplefilter("ignore", DeprecationWarning)
        args = [*getattr(ctx, "protected_args", []), *ctx.args]
    assert args, f"no command in {argv}"
    command = main.get_command(ctx, args[0])
    assert command is not None, f"unknown command {args[0]!r} in {argv}"
    command.make_context(args[0], args[1:], parent=ctx)


def k8s_docs() -> list[dict]:
    return list(yaml.safe_load_all((DEPLOY / "kubernetes" / "tracker.yaml").read_text()))


@pytest.mark.parametrize("version", ["1.30.0", "1.33.0"])
def test_kubernetes_manifests_are_valid(version: str) -> None:
    kv = pytest.importorskip("kubernetes_validate")
    docs = k8s_docs()
    assert {d["kind"] for d in docs} == {"ConfigMap", "CronJob"}
    for doc in docs:
        kv.validate(doc, version, strict=True)


def test_schema_validation_can_fail() -> None:
    kv = pytest.importorskip("kubernetes_validate")
    broken = k8s_docs()[1]
    broken["spec"]["jobTemplate"]["spec"]["completionModee"] = "Indexed"
    with pytest.raises(kv.ValidationError):
        kv.validate(broken, "1.30.0", strict=True)


def test_kubernetes_shards_are_an_indexed_job_reading_their_index(monkeypatch) -> None:
    shards = next(d for d in k8s_docs() if d["metadata"]["name"].endswith("shards"))
    job = shards["spec"]["jobTemplate"]["spec"]
    assert job["completionMode"] == "Indexed" and job["completions"] == job["parallelism"]
    container = job["template"]["spec"]["containers"][0]
    env = {e["name"]: e["value"] for e in container["env"]}
    assert int(env["TRACKER_SHARDS"]) == job["completions"]
    assert container["command"][:1] == ["tracker"] and "auto" in container["command"]
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("JOB_COMPLETION_INDEX", str(job["completions"] - 1))  # set by Kubernetes
    check_cli(container["command"][1:])
    monkeypatch.delenv("TRACKER_SHARDS")
    with pytest.raises(click.BadParameter, match="no shard count"):
        check_cli(container["command"][1:])


def test_kubernetes_config_map_is_a_valid_config(tmp_path: Path) -> None:
    config_map = next(d for d in k8s_docs() if d["kind"] == "ConfigMap")
    config = parse_config(config_map["data"]["tracker.toml"], tmp_path / "tracker.toml")
    assert config.remote.enabled and config.companies


def test_every_tracker_command_in_the_examples_exists(monkeypatch) -> None:
    monkeypatch.setenv("JOB_COMPLETION_INDEX", "0")     # as Kubernetes sets it for pod 1
    monkeypatch.setenv("TRACKER_SHARDS", "4")
    flow = yaml.safe_load((DEPLOY / "github-actions" / "policy-tracker.yml").read_text())
    texts = [step["run"] for job in flow["jobs"].values() for step in job["steps"]
             if "run" in step]
    for doc in k8s_docs():
        for container in _containers(doc):
            argv = container.get("command", []) + container.get("args", [])
            texts.append(argv[2] if argv[:2] == ["sh", "-c"] else shlex.join(argv))
    unit = configparser.ConfigParser(interpolation=None, strict=False)
    unit.read(DEPLOY / "systemd" / "policy-tracker.service")
    texts.append(unit["Service"]["ExecStart"])
    commands = [argv for text in texts for argv in tracker_commands(text)]
    assert {argv[argv.index("-w") + 2] for argv in commands} >= {"track", "pull", "build", "run"}
    for argv in commands:
        check_cli(argv)


def test_the_cli_check_catches_a_wrong_option() -> None:
    with pytest.raises(click.UsageError):
        check_cli(["-w", ".", "track", "--shards-of", "2/4"])


def test_github_workflow_runs_a_matrix_then_publishes() -> None:
    flow = yaml.safe_load((DEPLOY / "github-actions" / "policy-tracker.yml").read_text())
    track, publish = flow["jobs"]["track"], flow["jobs"]["publish"]
    shards = track["strategy"]["matrix"]["shard"]
    assert shards == list(range(1, len(shards) + 1))
    runs = " ".join(step.get("run", "") for step in track["steps"])
    assert f"--shard ${{{{ matrix.shard }}}}/{len(shards)}" in runs
    assert publish["needs"] == "track"
    order = [step.get("run", "") for step in publish["steps"]]
    assert next(i for i, r in enumerate(order) if " pull" in r) < \
        next(i for i, r in enumerate(order) if " build" in r)


def test_systemd_units_parse() -> None:
    timer = configparser.ConfigParser(interpolation=None, strict=False)
    timer.read(DEPLOY / "systemd" / "policy-tracker.timer")
    assert timer["Timer"]["OnCalendar"] and timer["Install"]["WantedBy"] == "timers.target"
    service = configparser.ConfigParser(interpolation=None, strict=False)
    service.read(DEPLOY / "systemd" / "policy-tracker.service")
    assert service["Service"]["Type"] == "oneshot"
    assert set(service["Service"]["SuccessExitStatus"].split()) == {"1", "75"}


def _containers(doc: dict) -> list[dict]:
    spec = doc.get("spec", {}).get("jobTemplate", {}).get("spec", {}).get("template", {})
    return spec.get("spec", {}).get("containers", [])
