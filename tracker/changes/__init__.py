"""Change detector: what changed in meaning between two versions of a policy.

    from tracker.changes import compare, render_text
    report = compare(old_text, new_text)      # pure, deterministic, no I/O
    report.verdict, report.headline, report.bullets, report.to_json()

Pipeline: normalize -> segment -> align (sentences, sections) -> topics/entities/flips ->
verdict + summary -> ChangeReport (JSON contract: ../shared/spec/change-report.md).
"""

from tracker.changes.detector import DETECTOR_VERSION, compare
from tracker.changes.report import Change, ChangeReport

__all__ = ["DETECTOR_VERSION", "Change", "ChangeReport", "compare", "render_text", "render_html",
           "redline_html"]


def __getattr__(name: str):  # render is imported lazily: compare() users never pay for it
    if name in ("render_text", "render_html", "redline_html"):
        from tracker.changes import render
        return getattr(render, name)
    raise AttributeError(name)
