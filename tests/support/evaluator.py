"""bench/evaluate_changes.py loaded as a module, for the tests that grade the detector with it."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def evaluator() -> ModuleType:
    """The evaluation script as a module (bench/ is not a package)."""
    spec = importlib.util.spec_from_file_location("evaluate_changes", ROOT / "bench" / "evaluate_changes.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod
