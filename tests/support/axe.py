"""Locate axe-core (the npm package) for the accessibility tests, installing it on first use.

It goes into a cache directory (``TRACKER_AXE_DIR``, default ``tests/.cache/axe``) with the
ordinary npm client; `.ci/run` installs it up front. None when it cannot be had (no npm).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

DEFAULT_DIR = Path(__file__).resolve().parents[1] / ".cache" / "axe"


def axe_script() -> Path | None:
    """Path of axe.min.js, installing axe-core with npm when it is not there yet."""
    cache = Path(os.environ.get("TRACKER_AXE_DIR") or DEFAULT_DIR)
    script = cache / "node_modules" / "axe-core" / "axe.min.js"
    if script.is_file():
        return script
    npm = shutil.which("npm")
    if npm is None:
        return None
    cache.mkdir(parents=True, exist_ok=True)
    subprocess.run([npm, "install", "--prefix", str(cache), "--no-audit", "--no-fund",
                    "--silent", "axe-core"], check=False, timeout=300,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return script if script.is_file() else None
