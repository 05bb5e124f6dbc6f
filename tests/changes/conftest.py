"""Fixtures for the change-detector tests: a small realistic policy to mutate, the real seed
policies, and the evaluation on the labelled corpus pairs."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.evaluator import evaluator


BASE_POLICY = """# Example Privacy Policy

Last updated: March 1, 2023

## Information We Collect

We collect information you've provided to us, such as your name and email address.
We also collect device information, e.g. your browser type and IP address, when you use the Service.

## How We Use Information

We use your information to provide and improve the Service.
We will not sell your personal information to third parties.
We send you marketing e-mails only if you opt in.

## Data Retention

We keep your data for 30 days after you close your account.

## Contact Us

Write to privacy@example.com or call +1 (415) 555-0100 with questions.
Example Inc. is located in the U.S. (Café Building, Zürich office) and answers within two weeks.

© 2023 Example Inc. All rights reserved.
"""


@pytest.fixture
def policy() -> str:
    return BASE_POLICY


@pytest.fixture(scope="module")
def seeds(shared_dir: Path) -> list[str]:
    files = sorted((shared_dir / "seeds").glob("*.txt"))
    if not files:
        pytest.skip("no seed policies")
    return [f.read_text(encoding="utf-8") for f in files]


@pytest.fixture(scope="module")
def results(corpus_dir: Path) -> dict:
    return evaluator().evaluate(corpus_dir)
