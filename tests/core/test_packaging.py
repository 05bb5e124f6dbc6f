"""A plain non-editable `pip install .` works from any directory (templates and samples ship).

The nested virtual environment borrows the running interpreter's dependencies (whatever
environment the tests run in: Debian's Python, a venv, pyenv) through a .pth file, so no
network is needed; the package itself is installed non-editable into it, and found there
first. When pip fails, its own output is the assertion message.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def _dependency_dirs() -> list[str]:
    """The running interpreter's package directories (site- or dist-packages)."""
    return [p for p in dict.fromkeys(sys.path)
            if p and Path(p).is_dir() and Path(p).name in ("site-packages", "dist-packages")]


def _run(args: list[str], **kwargs) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return subprocess.run(args, capture_output=True, text=True, env=env, **kwargs)


def _venv_with_our_dependencies(venv: Path) -> Path:
    made = _run([sys.executable, "-m", "venv", str(venv)])
    assert made.returncode == 0, f"python -m venv failed:\n{made.stdout}{made.stderr}"
    python = venv / "bin" / "python"
    purelib = _run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()"
                    "['purelib'])"]).stdout.strip()
    Path(purelib, "outer-dependencies.pth").write_text("\n".join(_dependency_dirs()) + "\n")
    return python


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_non_editable_install_runs_the_demo_from_elsewhere(tmp_path):
    python = _venv_with_our_dependencies(tmp_path / "venv")
    installed = _run([str(python), "-m", "pip", "install", "-q", "--no-deps",
                      "--no-build-isolation", str(REPO)], cwd=tmp_path)
    assert installed.returncode == 0, (
        f"pip install of {REPO} failed (exit {installed.returncode}):\n"
        f"{installed.stdout}{installed.stderr}")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    where = _run([str(python), "-c", "import tracker; print(tracker.__file__)"], cwd=elsewhere)
    assert str(tmp_path / "venv") in where.stdout, where.stdout + where.stderr
    result = _run([str(tmp_path / "venv" / "bin" / "tracker"), "demo", "out"], cwd=elsewhere,
                  timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (elsewhere / "out" / "public" / "index.html").is_file()
    assert (elsewhere / "out" / "snapshots" / "konnektive" / ".git").is_dir()
    assert "Website:" in result.stdout


def test_every_package_of_the_source_tree_is_installed() -> None:
    """setup.cfg lists packages by name: a new subpackage missing there installs a tracker
    whose CLI cannot even import (found when tracker.remote was added)."""
    import configparser

    repo = Path(__file__).resolve().parents[2]
    config = configparser.ConfigParser()
    config.read(repo / "setup.cfg")
    listed = set(config["options"]["packages"].split())
    found = {p.parent.relative_to(repo).as_posix().replace("/", ".")
             for p in (repo / "tracker").rglob("__init__.py")}
    assert found <= listed, sorted(found - listed)
