"""Benchmark of the many-machine path: push N company repositories, pull them all, build.

Shards push each company they wrote to the central git host; a publisher pulls every company
(history and fetch state) and builds the site. This measures that publisher side at scale on
one machine, with the central host as bare repositories behind file:// URLs:

  push (first)     every company pushed from one shard workspace (remote repositories created)
  pull (cold)      an empty publisher workspace pulls every company
  pull (no change) the same pull again: every company already up to date
  pull (10%)       after a tenth of the companies recorded a new version on the shard
  build (full)     the publisher's first site build over all companies
  build (10%)      the incremental build after the 10% pull

Versions are real policy texts (../shared/corpus/ptt, cycled). Side by side in one run, the
per-company cost of each step is printed, and the pull ratios against the cold pull.

Usage: python bench/bench_remote.py [--companies 1000] [--corpus DIR] [--skip-build]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tracker.models import Extracted, RecordMeta  # noqa: E402
from tracker.remote.workspace_sync import pull_all, push_all  # noqa: E402
from tracker.storage.repo import CompanyRepo  # noqa: E402
from tracker.workspace import Workspace  # noqa: E402


def config_text(companies: int, remote: str) -> str:
    lines = ["[site]", 'title = "Bench"', "", "[remote]", f'url = "{remote}"', ""]
    for i in range(companies):
        lines += ["[[companies]]", f'slug = "c{i:05d}"', "",
                  "[[companies.documents]]", 'type = "privacy-policy"',
                  f'url = "https://c{i:05d}.example/privacy"', ""]
    return "\n".join(lines)


def record(ws: Workspace, slug: str, text: str, when: datetime) -> None:
    repo = CompanyRepo.open(ws.repo_path(slug), create=True)
    try:
        repo.record("privacy-policy", Extracted(text, text.encode(), "txt"),
                    RecordMeta(source_url=f"https://{slug}.example/privacy", status=200),
                    when, "Privacy Policy")
    finally:
        repo.close()


def timed(label: str, fn, per: int) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = fn()
    seconds = time.perf_counter() - start
    failed = getattr(result, "failed", None)
    note = f"  FAILED: {len(failed)}" if failed else ""
    print(f"{label:<18} {seconds:8.2f} s  {1000 * seconds / per:7.1f} ms/company{note}",
          flush=True)
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--companies", type=int, default=1000)
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    parser.add_argument("--skip-build", action="store_true")
    args = parser.parse_args()
    texts = [p.read_text(errors="replace") for p in sorted((args.corpus / "ptt").glob("*/*.txt"))]
    if not texts:
        sys.exit(f"no corpus texts under {args.corpus / 'ptt'}")
    n = args.companies
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        remote = f"file://{root / 'central'}/"
        shard = Workspace.init(root / "shard")
        shard.config_path.write_text(config_text(n, remote))
        publisher = Workspace.init(root / "publisher")
        publisher.config_path.write_text(config_text(n, remote).replace(
            "[remote]", "[remote]\npush = false"))
        t0 = datetime(2024, 1, 1, tzinfo=timezone.utc)
        start = time.perf_counter()
        for i in range(n):
            record(shard, f"c{i:05d}", texts[i % len(texts)], t0)
        print(f"{n} companies recorded locally in {time.perf_counter() - start:.1f} s")
        s_cfg, p_cfg = shard.load_config(), publisher.load_config()
        timed("push (first)", lambda: push_all(shard, s_cfg), n)
        cold = timed("pull (cold)", lambda: pull_all(publisher, p_cfg, merge_state=True), n)
        same = timed("pull (no change)", lambda: pull_all(publisher, p_cfg, merge_state=True), n)
        for i in range(0, n, 10):
            record(shard, f"c{i:05d}", texts[(i + 1) % len(texts)] + "\nChanged.\n",
                   t0 + timedelta(days=1))
        timed("push (10%)", lambda: push_all(shard, s_cfg), n)
        tenth = timed("pull (10%)", lambda: pull_all(publisher, p_cfg, merge_state=True), n)
        print(f"pull ratios: no change {same / cold:.0%} of cold, 10% changed {tenth / cold:.0%}")
        if not args.skip_build:
            from tracker.publish import build_site

            timed("build (full)", lambda: build_site(publisher, p_cfg, None), n)
            for i in range(5, n, 10):
                record(shard, f"c{i:05d}", texts[(i + 2) % len(texts)], t0 + timedelta(days=2))
            push_all(shard, s_cfg)
            pull_all(publisher, p_cfg, merge_state=True)
            timed("build (10% new)", lambda: build_site(publisher, p_cfg, None), n)


if __name__ == "__main__":
    main()
