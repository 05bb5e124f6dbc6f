"""Machine-readable timing for one command run (``--stats``).

Operators who run the tracker at scale want to know where a run spends its time without
parsing log lines: each long-running command collects named phase timings and counters into a
:class:`RunStats`, and ``--stats`` prints it as one JSON object on stderr at the end (stdout
keeps the human summary). Library code receives a ``RunStats`` and never prints; callers that
do not want statistics pass nothing and the library uses ``RunStats.null()``, which records
nothing, so no call site ever tests for ``None``.
"""

from __future__ import annotations

import json
import resource
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any


def peak_rss_mb() -> float:
    """Peak resident memory of this process or its largest finished child, in MiB."""
    peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
               resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    per_unit = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB here
    return round(peak * per_unit / (1024 * 1024), 1)


@dataclass
class RunStats:
    """Phase timings (seconds, summed when a phase repeats) and counters of one run."""

    command: str
    started: float = field(default_factory=time.perf_counter)
    phases: dict[str, float] = field(default_factory=dict)
    counts: dict[str, int | float] = field(default_factory=dict)
    # fetch threads and recording lanes update one RunStats at once
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    @contextmanager
    def phase(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.add_time(name, time.perf_counter() - start)

    def add_time(self, name: str, seconds: float) -> None:
        """Add seconds measured elsewhere (e.g. summed over worker processes) to a phase."""
        with self._lock:
            self.phases[name] = self.phases.get(name, 0.0) + seconds

    def add(self, name: str, amount: int | float = 1) -> None:
        with self._lock:
            self.counts[name] = self.counts.get(name, 0) + amount

    def set(self, name: str, value: int | float) -> None:
        with self._lock:
            self.counts[name] = value

    @staticmethod
    def null() -> RunStats:
        """A RunStats that records nothing (for callers that did not ask for statistics)."""
        return NullRunStats("")

    def as_dict(self) -> dict[str, Any]:
        return {
            "command": self.command,
            "seconds": round(time.perf_counter() - self.started, 4),
            "phases": {k: round(v, 4) for k, v in self.phases.items()},
            "counts": dict(self.counts),
            "peak_rss_mb": peak_rss_mb(),
        }

    def to_json(self) -> str:
        return json.dumps(self.as_dict(), sort_keys=True)


class NullRunStats(RunStats):
    """Accepts every phase and counter and keeps none of them."""

    @contextmanager
    def phase(self, name: str) -> Iterator[None]:
        yield

    def add_time(self, name: str, seconds: float) -> None:
        pass

    def add(self, name: str, amount: int | float = 1) -> None:
        pass

    def set(self, name: str, value: int | float) -> None:
        pass
