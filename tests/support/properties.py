"""Property-test sizes: each test's number of examples, cut down under the development profile
(`HYPOTHESIS_PROFILE=dev`, registered in tests/conftest.py) for a fast edit-test loop; CI runs
the full numbers."""

from __future__ import annotations

import os

DEV_PROFILE = "dev"
DEV_EXAMPLES = 10


def profile() -> str:
    """The hypothesis profile this run uses (HYPOTHESIS_PROFILE, default "ci")."""
    return os.environ.get("HYPOTHESIS_PROFILE", "ci")


def examples(n: int) -> int:
    """`n` examples, or at most DEV_EXAMPLES under the development profile."""
    return min(n, DEV_EXAMPLES) if profile() == DEV_PROFILE else n
