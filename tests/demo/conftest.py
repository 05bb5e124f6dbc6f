"""Fixtures for the demo tests: the bundled samples, their server, one full demo run per
session and the detector's reports on its recorded versions."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.demo import case_ids, revisions
from tests.support.git import git
from tracker.changes import compare
from tracker.demo.run import DemoResult, SampleSet, SampleSite, load_samples, run_demo
from tracker.demo.server import DemoServer


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


@pytest.fixture()
def sample_server(samples: SampleSet) -> Iterator[tuple[SampleSite, DemoServer]]:
    """The sample site served by the demo's web server (its simulated date set per test)."""
    site = SampleSite(samples)
    with DemoServer(site.page) as server:
        yield site, server


@pytest.fixture(scope="module")
def reports(demo_run: DemoResult) -> dict[str, dict]:
    """ChangeReport dicts of every consecutive pair of recorded versions, keyed by case_ids()."""
    out: dict[str, dict] = {}
    cases = revisions()
    for (company, doc_type, index, _note), case_id in zip(cases, case_ids(cases)):
        repo = demo_run.snapshots_dir / company
        shas = git(repo, "log", "--reverse", "--format=%H", "--", f"{doc_type}.md").split()
        old = git(repo, "show", f"{shas[index - 1]}:{doc_type}.md")
        new = git(repo, "show", f"{shas[index]}:{doc_type}.md")
        out[case_id] = compare(old, new).to_dict()
    return out
