"""Benchmark of `build_site`: full build vs no-change rebuild vs one-new-version rebuild.

Two scenarios, each measured side by side in one run (the machine is shared and noisy: compare
the ratios, not the absolute times):

generated (default): a workspace of --companies (200) x --versions (50) generated from the
  texts of ../shared/corpus/ptt (each company starts from one real policy, renamed, and every
  version applies 1-3 sentence edits: replaced, inserted or deleted sentences, changed
  numbers). Every build runs in a fresh child process so its peak RSS is its own:

  full build        empty output, empty report cache, change reports on all cores
  no-change rebuild nothing new: nothing loaded from git, rendered or written
  one new version   one company gets a new version
  serial vs pool    cold builds of a --serial-companies subset with 1 worker and all cores
  RSS 50 vs 200     warm full builds (reports cached, empty output) of --small-companies and
                    of all companies: peak RSS must not grow with the number of companies

ptt: the real histories of ../shared/corpus/ptt (22 companies, ~300 versions): cold full,
  warm full, no-change, one new version (in-process, as before).

Usage: python3 bench/bench_build.py [--scenario generated|ptt] [--companies N] [--versions N]
       [--serial-companies N] [--small-companies N] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime, timedelta, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tracker.models import (  # noqa: E402
    CompanyConfig, Config, DocumentConfig, Extracted, RecordMeta, SiteSettings)
from tracker.publish import BuildReport, build_site  # noqa: E402
from tracker.storage.repo import CompanyRepo, ImportItem  # noqa: E402
from tracker.workspace import Workspace  # noqa: E402

DOC = "privacy-policy"
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


# --------------------------------------------------------------------------- generation

def _corpus_texts(corpus: Path) -> list[tuple[str, str]]:
    """(company name, first version text) of every corpus company."""
    out = []
    for company_dir in sorted(p for p in corpus.iterdir() if p.is_dir()):
        files = sorted(company_dir.glob("*.txt"))
        if files:
            out.append((company_dir.name, files[0].read_text("utf-8", "replace")))
    return out


def _sentence_pool(texts: list[str]) -> list[str]:
    pool = [s.strip() for t in texts for s in _SENTENCE.split(t)
            if 40 <= len(s.strip()) <= 300]
    return pool or ["We may share your data with our partners for analytics purposes."]


def _edit(text: str, rng: random.Random, pool: list[str]) -> str:
    """One revision: 1-3 sentence-level edits (replace, insert, delete, a changed number)."""
    lines = text.split("\n")
    for _ in range(rng.randint(1, 3)):
        candidates = [i for i, line in enumerate(lines) if len(line) > 40] or [0]
        i = rng.choice(candidates)
        sentences = _SENTENCE.split(lines[i])
        j = rng.randrange(len(sentences))
        op = rng.random()
        if op < 0.35:
            sentences[j] = rng.choice(pool)
        elif op < 0.65:
            sentences.insert(j, rng.choice(pool))
        elif op < 0.8 and len(sentences) > 1:
            del sentences[j]
        elif op < 0.9:
            lines.insert(i + 1, " ".join(rng.choice(pool) for _ in range(rng.randint(1, 4))))
        elif re.search(r"\d", sentences[j]):
            sentences[j] = re.sub(r"\d+", lambda m: str(int(m.group()) + rng.randint(1, 12)),
                                  sentences[j], count=1)
        else:
            sentences[j] += f" We keep these records for {rng.randint(2, 36)} months."
        lines[i] = " ".join(sentences)
    return "\n".join(lines).strip() + "\n"


def _generate_company(job: tuple) -> int:
    """Create one generated company repository (runs in a worker process)."""
    root, index, n_versions, base_name, base_text, pool, seed = job
    rng = random.Random(seed * 100003 + index)
    slug, name = f"gen{index:04d}", f"Generated Company {index:04d}"
    text = re.sub(re.escape(base_name), name, base_text, flags=re.I).strip() + "\n"
    start = datetime(2015, 1, 1, tzinfo=timezone.utc) + timedelta(hours=index)
    items, seen = [], set()
    for k in range(n_versions):
        if k:
            text = _edit(text, rng, pool)
            while text in seen:
                text = _edit(text, rng, pool)
        seen.add(text)
        items.append(ImportItem(start + timedelta(days=30 * k),
                                Extracted(text, text.encode(), "txt"),
                                RecordMeta(source_url=f"https://{slug}.example/privacy",
                                           fetcher="import"), "Privacy Policy"))
    repo = CompanyRepo.open(Workspace(root).repo_path(slug), create=True)
    try:
        return len(repo.insert_versions(DOC, items, company_name=name))
    finally:
        repo.close()


def _write_config(root: Path, indexes: list[int]) -> None:
    lines = ['[site]', 'title = "Bench"', '']
    for i in indexes:
        lines += ['[[companies]]', f'slug = "gen{i:04d}"', f'name = "Generated Company {i:04d}"',
                  '', '[[companies.documents]]', f'type = "{DOC}"',
                  f'url = "https://gen{i:04d}.example/privacy"', '']
    Workspace(root).config_path.write_text("\n".join(lines), encoding="utf-8")


def generate(root: Path, corpus: Path, companies: int, versions: int, seed: int = 7) -> int:
    """A workspace of generated companies (one `insert_versions` call per document)."""
    bases = _corpus_texts(corpus)
    pool = _sentence_pool([t for _, t in bases])
    ws = Workspace(root)
    ws.snapshots_dir.mkdir(parents=True, exist_ok=True)
    _write_config(root, list(range(companies)))
    jobs = [(root, i, versions, *bases[i % len(bases)], pool, seed) for i in range(companies)]
    with ProcessPoolExecutor(os.cpu_count() or 1) as pool_exec:
        return sum(pool_exec.map(_generate_company, jobs, chunksize=4))


def linked_workspace(src: Path, dst: Path, indexes: list[int], share_reports: bool) -> None:
    """A workspace over a subset of `src`'s repositories (symlinks, no copies)."""
    ws, source = Workspace(dst), Workspace(src)
    ws.snapshots_dir.mkdir(parents=True)
    for i in indexes:
        (ws.snapshots_dir / f"gen{i:04d}").symlink_to(source.repo_path(f"gen{i:04d}"))
    _write_config(dst, indexes)
    if share_reports:
        ws.cache_dir.mkdir(parents=True)
        (ws.cache_dir / "reports").symlink_to(source.cache_dir / "reports")


# --------------------------------------------------------------------------- measuring

def child_build(root: Path, out: Path | None, workers: int | None) -> None:
    """Run one build in this (fresh) process and print its numbers as JSON."""
    from tracker.runstats import RunStats, peak_rss_mb

    ws = Workspace.open(root)
    stats = RunStats("build")
    start = time.perf_counter()
    report = build_site(ws, ws.load_config(), out, stats=stats, workers=workers)
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "rss": peak_rss_mb(), "counts": stats.counts,
                      "phases": stats.phases, "written": report.total_written,
                      "unchanged": report.unchanged, "rendered": report.rendered,
                      "changes": report.changes, "errors": list(report.errors)}))


def measure(root: Path, out: Path | None = None, workers: int | None = None) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", str(root)]
    if out is not None:
        cmd += ["--out", str(out)]
    if workers is not None:
        cmd += ["--workers", str(workers)]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode:
        sys.exit(f"child build failed:\n{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def add_version(root: Path, slug: str, when: datetime) -> None:
    """One new (retention) version of `slug`'s policy, as a tracking run would record it."""
    repo = CompanyRepo.open(Workspace(root).repo_path(slug))
    try:
        text = repo.latest_text(DOC) + "\nWe now keep server logs for 13 months.\n"
        repo.record(DOC, Extracted(text, text.encode(), "txt"), RecordMeta(fetcher="import"),
                    when, "Privacy Policy")
    finally:
        repo.close()


def run_generated(args: argparse.Namespace, root: Path) -> None:
    cores = os.cpu_count() or 1
    t0 = time.perf_counter()
    big = root / "big"
    n = generate(big, args.corpus, args.companies, args.versions)
    print(f"generated {args.companies} companies x {args.versions} versions ({n} versions) "
          f"in {time.perf_counter() - t0:.1f}s; {cores} cores")

    small_n = min(args.serial_companies, args.companies)
    serial, par = root / "serial", root / "parallel"
    linked_workspace(big, serial, list(range(small_n)), share_reports=False)
    linked_workspace(big, par, list(range(small_n)), share_reports=False)
    s1 = measure(serial, workers=1)
    sn = measure(par, workers=cores)

    runs = [("full build", measure(big, workers=cores))]
    runs.append(("no-change rebuild", measure(big)))
    add_version(big, "gen0000", datetime(2030, 1, 15, tzinfo=timezone.utc))
    runs.append(("one new version", measure(big)))
    runs.append(("no-change again", measure(big)))

    rss_n = min(args.small_companies, args.companies)
    rss_ws = root / "rss-small"
    linked_workspace(big, rss_ws, list(range(rss_n)), share_reports=True)
    warm_small = measure(rss_ws, root / "out-small")
    shutil.rmtree(Workspace(big).cache_dir / "publish", ignore_errors=True)
    warm_big = measure(big, root / "out-big")

    full = runs[0][1]["seconds"]
    print(f"\n{'run':<18} {'seconds':>8} {'% of full':>9} {'detect s':>8} {'computed':>8} "
          f"{'cached':>7} {'rendered':>8} {'written':>8} {'unchanged':>9} {'RSS MB':>7}")
    for label, r in runs:
        c = r["counts"]
        print(f"{label:<18} {r['seconds']:>8.2f} {r['seconds'] / full:>9.1%} "
              f"{r['phases'].get('detect', 0):>8.2f} {c.get('reports_computed', 0):>8} "
              f"{c.get('reports_cached', 0):>7} {r['rendered']:>8} {r['written']:>8} "
              f"{r['unchanged']:>9} {r['rss']:>7.0f}")
    print(f"\nsite: {runs[0][1]['written']} files, {runs[0][1]['changes']} changes; "
          f"no-change = {runs[1][1]['seconds'] / full:.2%} of full (target <= 5%), "
          f"one new version = {runs[2][1]['seconds'] / full:.2%} of full (target <= 10%)")
    print(f"detector, cold build of {small_n} companies: 1 worker {s1['seconds']:.1f}s "
          f"(detect {s1['phases'].get('detect', 0):.1f}s), {cores} workers "
          f"{sn['seconds']:.1f}s (detect {sn['phases'].get('detect', 0):.1f}s): "
          f"detect speed-up {s1['phases'].get('detect', 0) / max(sn['phases'].get('detect', 0), 1e-9):.2f}x, "
          f"build speed-up {s1['seconds'] / sn['seconds']:.2f}x")
    print(f"peak RSS, warm full build (reports cached, empty output): {rss_n} companies "
          f"{warm_small['rss']:.0f} MB in {warm_small['seconds']:.1f}s, {args.companies} "
          f"companies {warm_big['rss']:.0f} MB in {warm_big['seconds']:.1f}s "
          f"(x{warm_big['rss'] / warm_small['rss']:.2f} RSS for "
          f"x{args.companies / rss_n:.1f} companies); full build peak RSS {full and runs[0][1]['rss']:.0f} MB")


# --------------------------------------------------------------------------- ptt scenario

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


def run_ptt(args: argparse.Namespace, root: Path) -> None:
    ws = Workspace(root)
    t0 = time.perf_counter()
    config, versions = import_corpus(ws, args.corpus, args.companies)
    print(f"imported {len(config.companies)} companies, {versions} versions "
          f"in {time.perf_counter() - t0:.1f}s")
    runs = [timed("cold full build", ws, config)]
    shutil.rmtree(ws.public_dir)
    runs.append(timed("warm full build", ws, config))
    runs.append(timed("no-change rebuild", ws, config))
    add_version(ws.root, config.companies[0].slug, datetime(2020, 1, 15, tzinfo=timezone.utc))
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenario", choices=("generated", "ptt"), default="generated")
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus" / "ptt")
    parser.add_argument("--companies", type=int, default=None,
                        help="generated: companies (default 200); ptt: first N companies")
    parser.add_argument("--versions", type=int, default=50, help="generated: versions each")
    parser.add_argument("--serial-companies", type=int, default=10,
                        help="generated: subset built with 1 worker and with all cores")
    parser.add_argument("--small-companies", type=int, default=50,
                        help="generated: subset whose peak RSS is compared with all")
    parser.add_argument("--keep", type=Path, default=None, help="workspace dir to keep")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--workers", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    logging.basicConfig(level=logging.ERROR)
    if args.child is not None:
        child_build(args.child, args.out, args.workers)
        return
    if not args.corpus.is_dir():
        sys.exit(f"corpus not found: {args.corpus}")
    root = args.keep or Path(tempfile.mkdtemp(prefix="bench-build-"))
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    try:
        if args.scenario == "ptt":
            run_ptt(args, root)
        else:
            args.companies = args.companies or 200
            run_generated(args, root)
    finally:
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
