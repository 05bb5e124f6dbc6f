"""Fixtures for the demo tests: the bundled samples and one full demo run per session."""

from __future__ import annotations

from collections.abc import Iterator
import pytest

from tracker.demo.run import DemoResult, SampleSet, load_samples, run_demo


@pytest.fixture(scope="session")
def samples() -> SampleSet:
    return load_samples()


@pytest.fixture(scope="session")
def demo_run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoResult]:
    """One end-to-end demo (server, tracking per date, site) shared by the read-only tests."""
    base = tmp_path_factory.mktemp("demo-session")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("GIT_CONFIG_GLOBAL", str(base / "gitconfig-global"))
        mp.setenv("GIT_CONFIG_NOSYSTEM", "1")
        lines: list[str] = []
        result = run_demo(base / "demo", echo=lines.append)
        result.echoed = lines  # type: ignore[attr-defined]
        yield result
