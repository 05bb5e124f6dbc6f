"""Where the package's data directories (templates, sample snapshots) are.

Installed, they are the packages `tracker.templates` and `tracker.sample_snapshots` (setup.cfg
maps the repository's top-level `templates/` and `snapshots/` onto them). Run from a source
checkout that shadows the installed package (`python -m tracker` in the repository root), those
subpackages do not exist under `tracker/`, so the checkout's own top-level directories are used.
"""

from __future__ import annotations

import importlib.resources
from pathlib import Path

_CHECKOUT_ROOT = Path(__file__).resolve().parent.parent


def _data_dir(package: str, checkout_name: str) -> Path:
    try:
        return Path(str(importlib.resources.files(package)))
    except ModuleNotFoundError:
        candidate = _CHECKOUT_ROOT / checkout_name
        if candidate.is_dir():
            return candidate
        raise


def templates_dir() -> Path:
    return _data_dir("tracker.templates", "templates")


def sample_snapshots_dir() -> Path:
    return _data_dir("tracker.sample_snapshots", "snapshots")
