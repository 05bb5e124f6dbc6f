#!/usr/bin/env python3
"""Time the change detector on ~100 KB policy pairs built from ../shared/corpus/ptt.

Each pair joins consecutive real versions of several companies (old side: version i of each,
new side: version i+1) until both sides reach the target size, so the pair carries real edits
at realistic density. The machine is noisy, so a baseline is measured in the same run on the
same pairs (difflib line diff, what existing trackers show) and the ratio is reported.
"""

from __future__ import annotations

import argparse
import difflib
import gc
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tracker.changes import compare  # noqa: E402

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


def build_pairs(corpus: Path, target: int, count: int) -> list[tuple[str, str]]:
    histories = []
    for d in sorted((corpus / "ptt").iterdir()):
        files = sorted(d.glob("*.txt"))
        if len(files) >= 2:
            histories.append([f.read_text(encoding="utf-8", errors="replace") for f in files])
    steps = [(h[i], h[i + 1]) for h in histories for i in range(len(h) - 1)]
    pairs: list[tuple[str, str]] = []
    k = 0
    while len(pairs) < count and steps:
        old_parts, new_parts = [], []
        while sum(map(len, old_parts)) < target or sum(map(len, new_parts)) < target:
            o, n = steps[k % len(steps)]
            old_parts.append(o)
            new_parts.append(n)
            k += 7  # stride through companies and years
        pairs.append(("\n\n".join(old_parts), "\n\n".join(new_parts)))
    return pairs


def _pctl(xs: list[float], q: float) -> float:
    s = sorted(xs)
    return s[min(len(s) - 1, max(0, round(q * (len(s) - 1))))]


def baseline(old: str, new: str) -> int:
    return sum(1 for _ in difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm=""))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--size", type=int, default=100_000, help="minimum bytes per side")
    ap.add_argument("--pairs", type=int, default=12)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    pairs = build_pairs(args.corpus, args.size, args.pairs)
    if not pairs:
        raise SystemExit(f"no histories under {args.corpus / 'ptt'}")
    compare(*pairs[0])  # warm up imports and regex caches
    det, cpu, base, verdicts = [], [], [], []
    for old, new in pairs:
        gc.collect()
        t0, c0 = time.perf_counter(), time.process_time()
        rep = compare(old, new)
        det.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
        t0 = time.perf_counter()
        baseline(old, new)
        base.append(time.perf_counter() - t0)
        verdicts.append(rep.verdict)
    res = {
        "pairs": len(pairs),
        "avg_kb_per_side": round(statistics.mean(len(o) + len(n) for o, n in pairs) / 2 / 1000, 1),
        "detector_p50_s": round(statistics.median(det), 4),
        "detector_p95_s": round(_pctl(det, 0.95), 4),
        "detector_cpu_p50_s": round(statistics.median(cpu), 4),
        "detector_cpu_p95_s": round(_pctl(cpu, 0.95), 4),
        "baseline_difflib_p50_s": round(statistics.median(base), 4),
        "baseline_difflib_p95_s": round(_pctl(base, 0.95), 4),
        "ratio_p50": round(statistics.median(det) / max(statistics.median(base), 1e-9), 2),
        "verdicts": {v: verdicts.count(v) for v in sorted(set(verdicts))},
    }
    if args.json:
        print(json.dumps(res, indent=2, sort_keys=True))
    else:
        print(f"{res['pairs']} pairs, ~{res['avg_kb_per_side']} KB per side")
        print(f"detector: p50 {res['detector_p50_s'] * 1000:.0f} ms, p95 {res['detector_p95_s'] * 1000:.0f} ms")
        print(f"detector CPU time (less sensitive to a busy machine): p50 {res['detector_cpu_p50_s'] * 1000:.0f} ms, "
              f"p95 {res['detector_cpu_p95_s'] * 1000:.0f} ms")
        print(f"baseline (difflib line diff): p50 {res['baseline_difflib_p50_s'] * 1000:.0f} ms, "
              f"p95 {res['baseline_difflib_p95_s'] * 1000:.0f} ms")
        print(f"detector / baseline (p50): {res['ratio_p50']}x")
        print(f"verdicts: {res['verdicts']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
