#!/usr/bin/env python3
"""Print every entity the detector reports added or removed over the consecutive corpus pairs.

For an audit of entity precision by hand: one line per claim with the pair, the side, the
kind, the entity and a short context from the text that names it (the new text for an added
entity, the old text for a removed one). Own entities (the company's branches and sites) are
marked 'own'.

    python3 bench/audit_entities.py [--kinds vendors,domains] [--sets ota,ptt] > claims.tsv
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tracker.changes import compare  # noqa: E402
from tracker.changes.entities import _AGE_RES, _DURATION_RE, KINDS, _num  # noqa: E402
from tracker.changes.vendors import vendor_spans  # noqa: E402

CORPUS = Path(os.environ.get("TRACKER_SHARED_DIR",
                             Path(__file__).resolve().parent.parent.parent / "shared")) / "corpus"


def context(kind: str, value: str, text: str, width: int = 70) -> str:
    """A short window of text around the first place it names value."""
    at = -1
    if kind == "vendors":
        spans = vendor_spans(text).get(value)
        at = min(spans)[0] if spans else -1
    if kind == "ages":
        at = next((m.start() for rx in _AGE_RES for m in rx.finditer(text) if m.group(1) == value), -1)
    if kind == "durations":
        at = next((m.start() for m in _DURATION_RE.finditer(text) if f" {value} ".startswith(
            f" {m.group(2) or m.group(1)} ") or _num(m.group(2) or m.group(1)) == int(value.split()[0])), -1)
    if at < 0:
        m = re.search(re.escape(value.split(" ")[0]), text, re.I)
        at = m.start() if m else -1
    if at < 0:
        return "?"
    return re.sub(r"\s+", " ", text[max(0, at - width):at + len(value) + width])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--kinds", default=",".join(KINDS))
    ap.add_argument("--sets", default="ota,ptt")
    args = ap.parse_args()
    kinds = args.kinds.split(",")
    for name in args.sets.split(","):
        for company in sorted(p for p in (CORPUS / name).iterdir() if p.is_dir() and p.name != "labels"):
            files = sorted(f for f in company.iterdir() if f.suffix in (".md", ".txt"))
            for a, b in zip(files, files[1:]):
                old, new = a.read_text(encoding="utf-8"), b.read_text(encoding="utf-8")
                rep = compare(old, new)
                key = f"{name}/{company.name} {a.stem}>{b.stem}"
                for side, third, own, text in (("+", rep.entities_added, rep.own_added, new),
                                               ("-", rep.entities_removed, rep.own_removed, old)):
                    for kind in kinds:
                        for tag, d in (("", third), ("own", own)):
                            for x in d.get(kind, []):
                                print(f"{key}\t{side}{tag}\t{kind}\t{x}\t{context(kind, x, text)}")


if __name__ == "__main__":
    main()
