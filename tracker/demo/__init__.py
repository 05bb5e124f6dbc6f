"""The offline demo: a local server playing the sample companies, and the demo run."""

from __future__ import annotations

from tracker.demo.run import (
    MARKER_NAME,
    Echo,
    SampleDataError,
    SampleVersion,
    SampleCompany,
    SampleSet,
    sample_root,
    load_samples,
    SampleSite,
    DemoResult,
    is_demo_workspace,
    prepare_target,
    demo_config_text,
    run_demo,
    iter_intended_changes,
)

__all__ = [
    "MARKER_NAME",
    "Echo",
    "SampleDataError",
    "SampleVersion",
    "SampleCompany",
    "SampleSet",
    "sample_root",
    "load_samples",
    "SampleSite",
    "DemoResult",
    "is_demo_workspace",
    "prepare_target",
    "demo_config_text",
    "run_demo",
    "iter_intended_changes",
]
