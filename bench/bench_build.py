"""Benchmark of `build_site`: full build vs no-change rebuild vs one-new-version rebuild.

Imports the real histories of ../shared/corpus/ptt (22 companies, ~300 versions) into a fresh
workspace, then measures, in one run:

  cold full build   empty output, empty report cache (includes the change detector)
  warm full build   empty output, reports cached (load + render + write of every file)
  no-change rebuild nothing new: nothing rendered or written
  one new version   one company gets a new version: only touched pages + indexes + feeds

Usage: python bench/bench_build.py [--corpus DIR] [--companies N] [--keep DIR]
"""

from __future__ import annotations

import argparse
import logging
import shutil
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tracker.models import (  # noqa: E402
    CompanyConfig, Config, DocumentConfig, Extracted, RecordMeta, SiteSettings)
from tracker.publish import BuildReport, build_site  # noqa: E402
from tracker.storage import CompanyRepo  # noqa: E402
from tracker.workspace import Workspace  # noqa: E402

DOC = "privacy-policy"


def import_corpus(ws: Workspace, corpus: Path, limit: int | None) -> tuple[Config, int]:
    companies, versions = [], 0
    for company_dir in sorted(p for p in corpus.iterdir() if p.is_dir())[:limit]:
        slug = company_dir.name.lower()
        repo = CompanyRepo.open(ws.repo_path(slug), create=True)
        try:
            for f in sorted(company_dir.glob("*.txt")):
                text = f.read_text("utf-8", "replace").strip() + "\n"
                when = datetime.fromisoformat(f.stem).replace(tzinfo=timezone.utc)
                if repo.record(DOC, Extracted(text, text.encode(), "txt"),
                               RecordMeta(source_url=f"https://{slug}.example/privacy",
                                          fetcher="import"), when, "Privacy Policy"):
                    versions += 1
        finally:
            repo.close()
        companies.append(CompanyConfig(slug, company_dir.name.capitalize(), documents=(
            DocumentConfig(DOC, f"https://{slug}.example/privacy"),)))
    config = Config(path=ws.config_path, site=SiteSettings(title="Bench"),
                    companies=tuple(companies))
    return config, versions


def timed(label: str, ws: Workspace, config: Config) -> tuple[str, float, BuildReport]:
    start = time.perf_counter()
    report = build_site(ws, config)
    return label, time.perf_counter() - start, report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus" / "ptt")
    parser.add_argument("--companies", type=int, default=None)
    parser.add_argument("--keep", type=Path, default=None, help="workspace dir to keep")
    args = parser.parse_args()
    logging.basicConfig(level=logging.ERROR)
    if not args.corpus.is_dir():
        sys.exit(f"corpus not found: {args.corpus}")
    root = args.keep or Path(tempfile.mkdtemp(prefix="bench-build-"))
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    try:
        ws = Workspace(root)
        t0 = time.perf_counter()
        config, versions = import_corpus(ws, args.corpus, args.companies)
        print(f"imported {len(config.companies)} companies, {versions} versions "
              f"in {time.perf_counter() - t0:.1f}s")
        runs = [timed("cold full build", ws, config)]
        shutil.rmtree(ws.public_dir)
        runs.append(timed("warm full build", ws, config))
        runs.append(timed("no-change rebuild", ws, config))
        company = config.companies[0].slug
        repo = CompanyRepo.open(ws.repo_path(company))
        try:
            text = repo.latest_text(DOC) + "\nWe now keep server logs for 13 months.\n"
            repo.record(DOC, Extracted(text, text.encode(), "txt"), RecordMeta(fetcher="import"),
                        datetime(2020, 1, 15, tzinfo=timezone.utc), "Privacy Policy")
        finally:
            repo.close()
        runs.append(timed("one new version", ws, config))
        runs.append(timed("no-change again", ws, config))
        warm = runs[1][1]
        files = runs[1][2].total_written
        print(f"\n{'run':<18} {'seconds':>8} {'vs warm full':>12} {'rendered':>9} "
              f"{'written':>8} {'unchanged':>9} {'removed':>8}")
        for label, secs, r in runs:
            print(f"{label:<18} {secs:>8.3f} {secs / warm:>11.1%} {r.rendered:>9} "
                  f"{r.total_written:>8} {r.unchanged:>9} {r.removed:>8}")
        print(f"\nsite: {files} files, {runs[0][2].changes} changes; "
              f"warm full / no-change = {warm / runs[2][1]:.0f}x, "
              f"warm full / one new version = {warm / runs[3][1]:.1f}x")
    finally:
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
