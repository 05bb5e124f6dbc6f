#!/usr/bin/env python3
"""Time the change detector on ~100 KB policy pairs built from ../shared/corpus/ptt.

Each pair joins consecutive real versions of several companies (old side: version i of each,
new side: version i+1) until both sides reach the target size, so the pair carries real edits
at realistic density. The machine is noisy, so a baseline is measured in the same run on the
same pairs (difflib line diff, what existing trackers show) and the ratio is reported.

--labelled times the 75 labelled pairs of ../shared/corpus/{ota,ptt}/labels instead, in the
order bench/evaluate_changes.py compares them, and reports p50/p95 (the issue-13 target is
p95 < 0.5 s). --against DIR times another checkout (e.g. main) side by side: each checkout runs
in its own worker process and the two take turns pair by pair (ABBA order), so a busy machine
slows both alike; --rounds N repeats with fresh workers and keeps each pair's best time.
"""

from __future__ import annotations

import argparse
import difflib
import gc
import json
import os
import statistics
import sys
import time
import subprocess
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent.parent
if "--worker" not in sys.argv:
    sys.path.insert(0, str(HERE))

DEFAULT_CORPUS = Path(os.environ.get("TRACKER_SHARED_DIR", Path(__file__).resolve().parent.parent.parent / "shared")) / "corpus"


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


def labelled_pairs(corpus: Path) -> list[tuple[str, str, str]]:
    """(name, old, new) of every labelled pair, in bench/evaluate_changes.py's order."""
    out = []
    for name in ("ota", "ptt"):
        for lf in sorted((corpus / name / "labels").glob("*.json")):
            for lab in json.loads(lf.read_text(encoding="utf-8")):
                d = corpus / name / lab["company"]
                out.append((f"{name} {lab['company']} {lab['old']} -> {lab['new']}",
                            (d / lab["old"]).read_text(encoding="utf-8"), (d / lab["new"]).read_text(encoding="utf-8")))
    return out


def worker(tree: str, corpus: Path) -> int:
    """Compare the labelled pair whose index is read from stdin with the checkout at tree;
    answer 'wall cpu' per line. Caches stay warm from pair to pair, as in evaluate_changes."""
    sys.path.insert(0, tree)
    from tracker.changes import compare
    pairs = labelled_pairs(corpus)
    print("ready", flush=True)
    for line in sys.stdin:
        _, old, new = pairs[int(line)]
        gc.collect()
        t0, c0 = time.perf_counter(), time.process_time()
        compare(old, new)
        print(time.perf_counter() - t0, time.process_time() - c0, flush=True)
    return 0


class _Worker:
    def __init__(self, tree: Path, corpus: Path) -> None:
        self.proc = subprocess.Popen([sys.executable, __file__, "--worker", str(tree), "--corpus", str(corpus)],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert self.proc.stdout is not None and self.proc.stdin is not None
        if self.proc.stdout.readline().strip() != "ready":
            raise SystemExit(f"worker for {tree} did not start")

    def time(self, k: int) -> tuple[float, float]:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(f"{k}\n")
        self.proc.stdin.flush()
        wall, cpu = self.proc.stdout.readline().split()
        return float(wall), float(cpu)

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait()


def _summary(times: list[tuple[float, float]]) -> dict[str, float]:
    wall, cpu = [w for w, _ in times], [c for _, c in times]
    return {"wall_p50_s": round(statistics.median(wall), 4), "wall_p95_s": round(_pctl(wall, 0.95), 4),
            "cpu_p50_s": round(statistics.median(cpu), 4), "cpu_p95_s": round(_pctl(cpu, 0.95), 4),
            "cpu_total_s": round(sum(cpu), 2)}


def side_by_side(trees: list[Path], corpus: Path, rounds: int) -> dict[str, Any]:
    """Best wall and CPU time per labelled pair for each checkout, the checkouts taking turns."""
    n = len(labelled_pairs(corpus))
    best: list[list[tuple[float, float]]] = [[(float("inf"), float("inf"))] * n for _ in trees]
    for r in range(rounds):
        workers = [_Worker(t, corpus) for t in trees]
        for k in range(n):
            order = list(range(len(trees)))
            if (k + r) % 2:
                order.reverse()
            for i in order:
                w, c = workers[i].time(k)
                best[i][k] = (min(best[i][k][0], w), min(best[i][k][1], c))
        for wk in workers:
            wk.close()
    res: dict[str, Any] = {"pairs": n, "rounds": rounds,
                           "trees": {str(t): _summary(b) for t, b in zip(trees, best)}}
    if len(trees) == 2:
        a, b = (_summary(x) for x in best)
        res["cpu_total_ratio"] = round(b["cpu_total_s"] / max(a["cpu_total_s"], 1e-9), 3)
        res["cpu_p95_ratio"] = round(b["cpu_p95_s"] / max(a["cpu_p95_s"], 1e-9), 3)
    return res


def _labelled_main(args: argparse.Namespace) -> int:
    if not labelled_pairs(args.corpus):
        raise SystemExit(f"no labelled pairs under {args.corpus} (set TRACKER_SHARED_DIR or --corpus)")
    trees = [HERE] + ([args.against.resolve()] if args.against else [])
    res = side_by_side(trees[::-1], args.corpus, args.rounds)
    if args.json:
        print(json.dumps(res, indent=2, sort_keys=True))
        return 0
    print(f"{res['pairs']} labelled pairs, best of {res['rounds']} round(s) per pair")
    for tree, t in res["trees"].items():
        print(f"{tree}: wall p50 {t['wall_p50_s'] * 1000:.0f} ms, p95 {t['wall_p95_s'] * 1000:.0f} ms | "
              f"CPU p50 {t['cpu_p50_s'] * 1000:.0f} ms, p95 {t['cpu_p95_s'] * 1000:.0f} ms, total {t['cpu_total_s']} s")
    if "cpu_total_ratio" in res:
        print(f"this checkout / --against: CPU total {res['cpu_total_ratio']}x, CPU p95 {res['cpu_p95_ratio']}x")
    return 0


def baseline(old: str, new: str) -> int:
    return sum(1 for _ in difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm=""))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--size", type=int, default=100_000, help="minimum bytes per side")
    ap.add_argument("--pairs", type=int, default=12)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--labelled", action="store_true", help="time the labelled pairs (p50/p95)")
    ap.add_argument("--against", type=Path, help="with --labelled: another checkout, timed side by side")
    ap.add_argument("--rounds", type=int, default=1, help="with --labelled: rounds, best time per pair")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        return worker(args.worker, args.corpus)
    if args.labelled or args.against:
        return _labelled_main(args)
    from tracker.changes import compare
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
