#!/usr/bin/env python3
"""Stress the change detector with cosmetic noise on every real policy text of the corpus.

Every version text of ../shared/corpus/ota and ../shared/corpus/ptt (or $TRACKER_SHARED_DIR) is
perturbed by each family of cosmetic changes a re-scrape or a trivial edit produces
(bench/_cosmetic_families.py) and compared with its original, in a direction the seeded rng
picks (so a banner is added in one pair and removed in another). Reported per family: pairs
tried, alerts (verdict other than cosmetic), pairs with bullets, headlines not starting with
"Cosmetic only", and the wall time per comparison (p50/p95). Identical texts must give "No
change". A mutation check then puts one real practice change ("will not sell" -> "may sell",
a retention period changed, a sentence about sale or sharing added) on top of the noise: every
such pair must alert.

    python3 bench/cosmetic_stress.py                     # every text, every family
    python3 bench/cosmetic_stress.py --limit 30          # a seeded sample of 30 texts
    python3 bench/cosmetic_stress.py --family typo -v    # failing examples with their changes
    python3 bench/cosmetic_stress.py --json
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _cosmetic_families import FAMILIES, mutate  # noqa: E402

from tracker.changes import ChangeReport, compare  # noqa: E402

DEFAULT_SHARED = Path(os.environ.get("TRACKER_SHARED_DIR", Path(__file__).resolve().parent.parent.parent / "shared"))
SETS = ("ota", "ptt")
SEED = 13


def corpus_texts(shared: Path) -> list[Path]:
    """Every version text of the corpus sets (labels excluded), in a stable order."""
    out: list[Path] = []
    for name in SETS:
        base = shared / "corpus" / name
        if base.is_dir():
            out += sorted(p for p in base.glob("*/*") if p.suffix in (".md", ".txt") and p.parent.name != "labels")
    return out


@dataclass
class Tally:
    """What one family did over its pairs."""

    tried: int = 0
    alerts: int = 0
    bulleted: int = 0
    headline: int = 0
    times: list[float] = field(default_factory=list)
    failures: list[tuple[str, ChangeReport]] = field(default_factory=list)

    def row(self) -> dict[str, Any]:
        times = sorted(self.times) or [0.0]
        return {"tried": self.tried, "alerts": self.alerts, "bullets": self.bulleted,
                "not_cosmetic_headline": self.headline,
                "alert_rate": round(self.alerts / self.tried, 3) if self.tried else 0.0,
                "p50_s": round(statistics.median(times), 3),
                "p95_s": round(times[min(len(times) - 1, int(0.95 * (len(times) - 1) + 0.5))], 3)}


def _timed(old: str, new: str, tally: Tally) -> ChangeReport:
    t0 = time.perf_counter()
    report = compare(old, new)
    tally.times.append(time.perf_counter() - t0)
    return report


def run_family(name: str, texts: list[tuple[str, str]], seed: int = SEED) -> Tally:
    """Perturb each (label, text) with the family NAME and compare; the rng is seeded per
    family and text, so a sample gives the same pairs as the full run."""
    tally = Tally()
    for label, text in texts:
        rng = random.Random(f"{seed}:{name}:{label}")
        noisy = FAMILIES[name](text, rng)
        if noisy is None or noisy == text:
            continue
        old, new = (noisy, text) if rng.random() < 0.5 else (text, noisy)
        report = _timed(old, new, tally)
        tally.tried += 1
        bad = report.verdict != "cosmetic"
        tally.alerts += bad
        tally.bulleted += bool(report.bullets)
        tally.headline += not report.headline.startswith("Cosmetic only")
        if bad or report.bullets or not report.headline.startswith("Cosmetic only"):
            tally.failures.append((label, report))
    return tally


def run_identical(texts: list[tuple[str, str]]) -> Tally:
    """Two identical texts: verdict cosmetic, headline 'No change', no bullets."""
    tally = Tally()
    for label, text in texts:
        report = _timed(text, text, tally)
        tally.tried += 1
        tally.alerts += report.verdict != "cosmetic"
        tally.bulleted += bool(report.bullets)
        tally.headline += report.headline != "No change"
        if report.verdict != "cosmetic" or report.bullets or report.headline != "No change":
            tally.failures.append((label, report))
    return tally


def run_mutations(texts: list[tuple[str, str]], families: list[str], seed: int = SEED) -> Tally:
    """One real practice change on top of each family's noise: every pair must alert
    ('alerts' counts the detected ones here)."""
    tally = Tally()
    for name in families:
        for label, text in texts:
            rng = random.Random(f"{seed}:mutation:{name}:{label}")
            noisy = FAMILIES[name](text, rng) or text
            kind, changed = mutate(noisy, rng)
            report = _timed(text, changed, tally)
            tally.tried += 1
            tally.alerts += report.verdict != "cosmetic"
            if report.verdict == "cosmetic":
                tally.failures.append((f"{label} [{name} + {kind}]", report))
    return tally


def sample(paths: list[Path], limit: int | None, shared: Path, seed: int = SEED) -> list[tuple[str, str]]:
    """(label, text) of LIMIT texts picked by the seeded rng (all of them without a limit)."""
    if limit is not None and limit < len(paths):
        paths = sorted(random.Random(seed).sample(paths, limit))
    return [(str(p.relative_to(shared / "corpus")), p.read_text(encoding="utf-8")) for p in paths]


def _print_failures(name: str, tally: Tally, show: int) -> None:
    for label, report in tally.failures[:show]:
        print(f"  {name}: {label}: {report.verdict} | {report.headline}")
        for b in report.bullets:
            print(f"      * {b}")
        for c in report.changes[:6]:
            print(f"      {c.kind:9} old={(c.old or '')[:110]!r}\n                new={(c.new or '')[:110]!r}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    ap.add_argument("--limit", type=int, default=None, help="a seeded sample of this many texts")
    ap.add_argument("--family", action="append", choices=sorted(FAMILIES), help="only this family (repeatable)")
    ap.add_argument("--mutations", type=int, default=8, help="texts per family for the mutation check")
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("-v", "--verbose", action="store_true", help="print failing examples with their changes")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    paths = corpus_texts(args.shared)
    if not paths:
        print(f"no corpus texts under {args.shared / 'corpus'}", file=sys.stderr)
        return 2
    texts = sample(paths, args.limit, args.shared, args.seed)
    families = args.family or list(FAMILIES)
    rows: dict[str, dict[str, Any]] = {}
    for name in families:
        tally = run_family(name, texts, args.seed)
        rows[name] = tally.row()
        if args.verbose:
            _print_failures(name, tally, 5)
    ident = run_identical(texts[: max(1, args.mutations)])
    rows["identical"] = ident.row()
    mut = run_mutations(texts[: args.mutations], families, args.seed)
    all_times = sorted(t for r in [mut, ident] for t in r.times)
    result = {"texts": len(texts), "families": rows,
              "mutations": {"tried": mut.tried, "detected": mut.alerts,
                            "rate": round(mut.alerts / mut.tried, 3) if mut.tried else 1.0},
              "mutation_p95_s": round(all_times[int(0.95 * (len(all_times) - 1))], 3) if all_times else 0.0}
    if args.verbose:
        _print_failures("mutation", mut, 10)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        _print_table(result)
    return 0


def _print_table(result: dict[str, Any]) -> None:
    print(f"{result['texts']} texts")
    print(f"{'family':20} {'tried':>6} {'alerts':>7} {'rate':>6} {'bullets':>8} {'headline':>9} {'p50 s':>7} {'p95 s':>7}")
    tot = [0, 0, 0, 0]
    for name, r in result["families"].items():
        print(f"{name:20} {r['tried']:6} {r['alerts']:7} {r['alert_rate']:6.3f} {r['bullets']:8} "
              f"{r['not_cosmetic_headline']:9} {r['p50_s']:7.3f} {r['p95_s']:7.3f}")
        if name != "identical":
            tot = [a + b for a, b in zip(tot, (r["tried"], r["alerts"], r["bullets"], r["not_cosmetic_headline"]))]
    print(f"{'all families':20} {tot[0]:6} {tot[1]:7} {tot[1] / max(1, tot[0]):6.3f} {tot[2]:8} {tot[3]:9}")
    m = result["mutations"]
    print(f"real change on top of noise: {m['detected']}/{m['tried']} detected ({m['rate']:.3f})")


if __name__ == "__main__":
    sys.exit(main())
