"""A plain non-editable `pip install .` works from any directory (templates and samples ship)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_non_editable_install_runs_the_demo_from_elsewhere(tmp_path):
    venv = tmp_path / "venv"
    # System site packages provide the dependencies (no network needed); the package itself is
    # installed non-editable into the venv, which shadows any editable install.
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)],
                   check=True)
    python = venv / "bin" / "python"
    build_env = dict(os.environ, PIP_DISABLE_PIP_VERSION_CHECK="1")
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps",
                    "--no-build-isolation", str(REPO)], check=True, env=build_env,
                   cwd=tmp_path, capture_output=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    clean = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}  # no checkout on the path
    where = subprocess.run([str(python), "-c", "import tracker; print(tracker.__file__)"],
                           check=True, capture_output=True, text=True, cwd=elsewhere,
                           env=clean).stdout
    assert str(venv) in where, where
    result = subprocess.run([str(venv / "bin" / "tracker"), "demo", "out"], cwd=elsewhere,
                            capture_output=True, text=True, timeout=300, env=clean)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (elsewhere / "out" / "public" / "index.html").is_file()
    assert (elsewhere / "out" / "snapshots" / "konnektive" / ".git").is_dir()
    assert "Website:" in result.stdout
