#!/usr/bin/env python3
"""Grade the change detector against the labelled pairs of ../shared/corpus/ota.

Prints false-alert rate on cosmetic pairs, verdict accuracy, must-mention recall, section and
entity precision/recall, and time per pair. Use --json for machine output, -v for per-pair lines.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tracker.changes import compare  # noqa: E402
from tracker.changes.entities import KINDS  # noqa: E402
from tracker.changes.normalize import heading_key  # noqa: E402

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


def _pr(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {"precision": round(p, 3), "recall": round(r, 3), "tp": tp, "fp": fp, "fn": fn}


def _pctl(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    s = sorted(values)
    k = min(len(s) - 1, max(0, int(round(q * (len(s) - 1)))))
    return s[k]


def evaluate(corpus: Path, verbose: bool = False) -> dict:
    ota = corpus / "ota"
    labels = sorted((ota / "labels").glob("*.json"))
    if not labels:
        raise SystemExit(f"no labels under {ota / 'labels'}")
    n = correct = cosmetic_n = false_alerts = stamp_ok = 0
    mm_total = mm_hit = 0
    sec = {"added": [0, 0, 0], "removed": [0, 0, 0]}
    ent = {k: [0, 0, 0] for k in KINDS}
    times: list[float] = []
    confusion: dict[str, dict[str, int]] = {}
    pairs_out = []
    for lf in labels:
        for lab in json.loads(lf.read_text(encoding="utf-8")):
            d = ota / lab["company"]
            old = (d / lab["old"]).read_text(encoding="utf-8")
            new = (d / lab["new"]).read_text(encoding="utf-8")
            t0 = time.perf_counter()
            rep = compare(old, new)
            times.append(time.perf_counter() - t0)
            n += 1
            ok = rep.verdict == lab["verdict"]
            correct += ok
            confusion.setdefault(lab["verdict"], {}).setdefault(rep.verdict, 0)
            confusion[lab["verdict"]][rep.verdict] += 1
            if lab["verdict"] == "cosmetic":
                cosmetic_n += 1
                false_alerts += rep.verdict != "cosmetic"
            stamp_ok += rep.date_stamp_changed == lab["date_stamp_changed"]
            summary = (rep.headline + "\n" + "\n".join(rep.bullets)).lower()
            missed = [m for m in lab["must_mention"] if m.lower() not in summary]
            mm_total += len(lab["must_mention"])
            mm_hit += len(lab["must_mention"]) - len(missed)
            sec_miss = {}
            for kind, got in (("added", rep.sections_added), ("removed", rep.sections_removed)):
                want = {heading_key(s) for s in lab[f"sections_{kind}"]}
                have = {heading_key(s) for s in got}
                tp = len(want & have)
                sec[kind][0] += tp
                sec[kind][1] += len(have - want)
                sec[kind][2] += len(want - have)
                sec_miss[kind] = (sorted(want - have), sorted(have - want))
            ent_err = {}
            for side, got_d in (("added", rep.entities_added), ("removed", rep.entities_removed)):
                for k in KINDS:
                    want = {x.lower() for x in lab[f"entities_{side}"].get(k, [])}
                    have = {x.lower() for x in got_d.get(k, [])}
                    ent[k][0] += len(want & have)
                    ent[k][1] += len(have - want)
                    ent[k][2] += len(want - have)
                    if want != have:
                        ent_err[f"{side}.{k}"] = {"missed": sorted(want - have), "extra": sorted(have - want)}
            row = {"pair": f"{lab['company']} {lab['old']} -> {lab['new']}", "label": lab["verdict"],
                   "got": rep.verdict, "missed_mentions": missed, "sections": sec_miss,
                   "entity_errors": ent_err, "seconds": round(times[-1], 4), "headline": rep.headline,
                   "bullets": list(rep.bullets)}
            pairs_out.append(row)
            if verbose:
                print(f"{'OK ' if ok else 'BAD'} {row['pair']}: label={lab['verdict']} got={rep.verdict}"
                      f" sim={rep.similarity} stats={rep.stats}")
                print(f"    {rep.headline}")
                for b in rep.bullets:
                    print(f"      - {b}")
                if missed:
                    print(f"    missed mentions: {missed}")
                for kind, (m, x) in sec_miss.items():
                    if m or x:
                        print(f"    sections {kind}: missed={m} extra={x}")
                for k, v in ent_err.items():
                    print(f"    entities {k}: {v}")
    tot = [sum(ent[k][i] for k in KINDS) for i in range(3)]
    return {
        "pairs": n,
        "false_alert_rate_cosmetic": round(false_alerts / cosmetic_n, 3) if cosmetic_n else 0.0,
        "cosmetic_pairs": cosmetic_n,
        "verdict_accuracy": round(correct / n, 3),
        "confusion": confusion,
        "date_stamp_accuracy": round(stamp_ok / n, 3),
        "must_mention_recall": round(mm_hit / mm_total, 3) if mm_total else 1.0,
        "sections": {k: _pr(*v) for k, v in sec.items()},
        "entities": {**{k: _pr(*v) for k, v in ent.items()}, "overall": _pr(*tot)},
        "seconds_p50": round(statistics.median(times), 4),
        "seconds_p95": round(_pctl(times, 0.95), 4),
        "per_pair": pairs_out,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--json", action="store_true", help="machine-readable output")
    ap.add_argument("-v", "--verbose", action="store_true", help="one block per pair")
    args = ap.parse_args(argv)
    res = evaluate(args.corpus, verbose=args.verbose and not args.json)
    if args.json:
        print(json.dumps(res, indent=2, sort_keys=True))
        return 0
    print(f"pairs: {res['pairs']}")
    print(f"false-alert rate on cosmetic pairs: {res['false_alert_rate_cosmetic']} "
          f"({res['cosmetic_pairs']} cosmetic pairs; target 0)")
    print(f"verdict accuracy: {res['verdict_accuracy']} (target >= 0.8)")
    print("confusion (label -> got): " + json.dumps(res["confusion"], sort_keys=True))
    print(f"must-mention recall: {res['must_mention_recall']} (target >= 0.9)")
    print(f"date-stamp change detected correctly: {res['date_stamp_accuracy']}")
    for k, v in res["sections"].items():
        print(f"sections {k}: precision {v['precision']} recall {v['recall']}"
              + (" (target recall >= 0.9)" if k == "added" else ""))
    for k, v in res["entities"].items():
        print(f"entities {k:10s}: precision {v['precision']} recall {v['recall']} "
              f"(tp {v['tp']} fp {v['fp']} fn {v['fn']})")
    print("  (targets overall: precision >= 0.9, recall >= 0.7)")
    print(f"time per pair: p50 {res['seconds_p50'] * 1000:.1f} ms, p95 {res['seconds_p95'] * 1000:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
