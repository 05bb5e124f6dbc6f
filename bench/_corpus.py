"""The consecutive version pairs of the real corpus, shared by the label-free benches.

Reads ../shared/corpus (or $TRACKER_SHARED_DIR/corpus) and imports nothing of the tracker, so a
bench can import it before it puts the checkout it measures first on sys.path.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

CORPUS = Path(os.environ.get("TRACKER_SHARED_DIR", Path(__file__).resolve().parent.parent.parent / "shared")) / "corpus"
SETS = ("ota", "ptt")


def consecutive_pairs(corpus: Path = CORPUS) -> Iterator[tuple[str, Path, Path]]:
    """('<set>/<company> <old>-><new>', old file, new file) for every two consecutive versions."""
    for name in SETS:
        for company in sorted(p for p in (corpus / name).iterdir() if p.is_dir() and p.name != "labels"):
            files = sorted(f for f in company.iterdir() if f.is_file() and f.suffix in (".md", ".txt"))
            for a, b in zip(files, files[1:]):
                yield f"{name}/{company.name} {a.stem}->{b.stem}", a, b
