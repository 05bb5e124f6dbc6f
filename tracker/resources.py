"""Where the package's data directories (templates, sample snapshots) are.

Installed, they are the packages `tracker.templates` and `tracker.sample_snapshots` (setup.cfg
maps the repository's top-level `templates/` and `snapshots/` onto them). When the imported
`tracker` lives in a source checkout (`python -m tracker` in a clone, a second work tree, an
editable install), that checkout's own top-level directories are used: code and templates must
come from the same tree, whatever an editable install elsewhere maps the subpackages to.
"""

from __future__ import annotations

import importlib.resources
from pathlib import Path

_CHECKOUT_ROOT = Path(__file__).resolve().parent.parent


def _data_dir(package: str, checkout_name: str) -> Path:
    candidate = _CHECKOUT_ROOT / checkout_name
    if (_CHECKOUT_ROOT / "setup.cfg").is_file() and candidate.is_dir():
        return candidate
    return Path(str(importlib.resources.files(package)))


def templates_dir() -> Path:
    return _data_dir("tracker.templates", "templates")


def sample_snapshots_dir() -> Path:
    return _data_dir("tracker.sample_snapshots", "snapshots")
