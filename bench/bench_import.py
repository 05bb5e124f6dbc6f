"""Benchmark of a bulk import: `tracker import` versus a plain GitPython loop, side by side.

Two histories, each imported by both contenders in alternating rounds in this one run (the
machine is shared and noisy: only the ratios measured next to each other mean something):

  corpus      every company of ../shared/corpus/ptt and ../shared/corpus/ota
  generated   COMPANIES x VERSIONS dated text files made from corpus texts with edits
              (sentences reworded, paragraphs added and dropped, the date line changed)

Contenders, both starting from the same snapshot files and doing the same extraction:

  gitpython   for each version: extract, write <doc>.md and raw/<doc>.<ext>, skip it when
              the text equals the previous one, `repo.index.add`, `repo.index.commit` with
              author and commit dates (one process, one repository after the other)
  tracker     `tracker.ingest.importer.import_directory` (the library call behind `tracker import`)

After each round the histories are compared: per repository, the list of (tree, author date)
of every commit must be identical, so the speed-up is not bought with a different result.

Usage: python bench/bench_import.py [--corpus DIR] [--companies N] [--versions N]
                                    [--rounds N] [--skip-corpus] [--skip-generated]
"""

from __future__ import annotations

import argparse
import logging
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import git  # noqa: E402

import tracker.extract  # noqa: E402,F401  (imported up front: no import cost in the timings)
from tracker.ingest.importer import ImportReport, _scan, import_directory, load_snapshot  # noqa: E402
from tracker.storage.repo import IDENTITY_EMAIL, IDENTITY_NAME, RAW_EXTS  # noqa: E402


# --------------------------------------------------------------------------- generated history

def corpus_texts(corpus: Path) -> list[str]:
    """Every ptt/ota version text, as the seed material of the generated history."""
    texts = []
    for path in sorted(corpus.glob("*/*/*")):
        if path.suffix in (".txt", ".md") and path.parent.name != "labels":
            texts.append(path.read_text("utf-8", errors="replace"))
    return texts


def _edit(paragraphs: list[str], rng: random.Random, pool: list[str], day: datetime) -> None:
    """A realistic revision: a few paragraphs reworded, one added or dropped, a new date."""
    for _ in range(rng.randint(1, 3)):
        i = rng.randrange(len(paragraphs))
        words = paragraphs[i].split()
        if len(words) > 4:
            j = rng.randrange(len(words))
            words[j:j + rng.randint(1, 3)] = rng.choice(pool).split()[:rng.randint(1, 6)]
            paragraphs[i] = " ".join(words)
    if rng.random() < 0.5:
        paragraphs.insert(rng.randrange(len(paragraphs) + 1), rng.choice(pool))
    elif len(paragraphs) > 5:
        del paragraphs[rng.randrange(len(paragraphs))]
    stamp = f"Last updated: {day:%B %d, %Y}"
    if paragraphs and paragraphs[0].startswith("Last updated:"):
        paragraphs[0] = stamp
    else:
        paragraphs.insert(0, stamp)


def generate(out: Path, corpus: Path, companies: int, versions: int, seed: int = 7) -> int:
    """Write OUT/company-NNN/<date>.{txt,md}; return the number of files written."""
    rng = random.Random(seed)
    texts = corpus_texts(corpus)
    if not texts:
        raise SystemExit(f"no corpus texts under {corpus}")
    pool = [p.strip() for t in texts for p in t.split("\n\n") if 40 < len(p.strip()) < 600]
    written = 0
    for c in range(companies):
        base = texts[c % len(texts)]
        paragraphs = [p.strip() for p in base.split("\n\n") if p.strip()][:120]
        day = datetime(2010, 1, 1, tzinfo=timezone.utc) + timedelta(days=rng.randrange(365))
        folder = out / f"company-{c:03d}"
        folder.mkdir(parents=True)
        for _ in range(versions):
            day += timedelta(days=rng.randint(20, 90), seconds=rng.randrange(86400))
            _edit(paragraphs, rng, pool, day)
            ext = "md" if rng.random() < 0.3 else "txt"
            (folder / f"{day:%Y-%m-%dT%H%M%S}.{ext}").write_text("\n\n".join(paragraphs) + "\n",
                                                                 "utf-8")
            written += 1
    return written


# --------------------------------------------------------------------------- contenders

def gitpython_loop(sources: list[Path], snapshots: Path) -> int:
    """The plain way: one GitPython index-and-commit per version. Returns commits made."""
    actor = git.Actor(IDENTITY_NAME, IDENTITY_EMAIL)
    commits = 0
    for source in sources:
        found = _scan(source, ImportReport())
        by_company: dict[str, list] = {}
        for (company, doc_type), files in found.items():
            by_company.setdefault(company, []).append((doc_type, files))
        for company, docs in sorted(by_company.items()):
            path = snapshots / company
            repo = git.Repo.init(path, initial_branch="main")
            try:
                for doc_type, files in sorted(docs):
                    previous = None
                    for date, ext, file in sorted(files, key=lambda f: (f[0], str(f[2]))):
                        extracted = load_snapshot(file, ext, doc_type)
                        if extracted.text == previous:
                            continue
                        previous = extracted.text
                        (path / f"{doc_type}.md").write_text(extracted.text, "utf-8", newline="")
                        (path / "raw").mkdir(exist_ok=True)
                        (path / "raw" / f"{doc_type}.{ext}").write_bytes(extracted.raw)
                        gone = [f"raw/{doc_type}.{e}" for e in RAW_EXTS
                                if e != ext and (path / "raw" / f"{doc_type}.{e}").exists()]
                        if gone:
                            repo.index.remove(gone, working_tree=True)
                        repo.index.add([f"{doc_type}.md", f"raw/{doc_type}.{ext}"])
                        # raw "<epoch> <tz>": GitPython misreads the seconds of ISO dates
                        stamp = f"{int(date.timestamp())} +0000"
                        repo.index.commit(f"Record {company} {doc_type}", author=actor,
                                          committer=actor, author_date=stamp,
                                          commit_date=stamp)
                        commits += 1
            finally:
                repo.close()
    return commits


def tracker_import(sources: list[Path], snapshots: Path) -> int:
    """`tracker import` as a library call. Returns commits made."""
    commits = 0
    for source in sources:
        report = import_directory(snapshots, source)
        if report.errors:
            raise SystemExit(f"tracker import reported errors: {report.errors[:3]}")
        commits += report.imported
    return commits


def histories(snapshots: Path) -> dict[str, list[str]]:
    """Per repository: '<tree> <author epoch>' of every commit, oldest first (plain git)."""
    out = {}
    for repo in sorted(p for p in snapshots.iterdir() if (p / ".git").is_dir()):
        log = subprocess.run(["git", "-C", str(repo), "log", "--reverse", "--format=%T %at"],
                             capture_output=True, text=True, check=True).stdout
        out[repo.name] = log.split("\n")
    return out


def versions_in(sources: list[Path]) -> int:
    return sum(len(files) for s in sources for files in _scan(s, ImportReport()).values())


# --------------------------------------------------------------------------- runner

def compare(label: str, sources: list[Path], rounds: int, work: Path) -> float:
    """Alternate the contenders ``rounds`` times; print and return the median ratio."""
    total = versions_in(sources)
    rows = []
    for r in range(rounds):
        times = {}
        results = {}
        order = ("gitpython", "tracker") if r % 2 == 0 else ("tracker", "gitpython")
        for name in order:
            snapshots = work / f"{label}-{name}-{r}"
            snapshots.mkdir(parents=True)
            run = gitpython_loop if name == "gitpython" else tracker_import
            start = time.perf_counter()
            commits = run(sources, snapshots)
            times[name] = time.perf_counter() - start
            results[name] = (commits, histories(snapshots))
        same = results["gitpython"] == results["tracker"]
        if not same:
            raise SystemExit(f"{label}: the two imports made different histories")
        commits = results["tracker"][0]
        for name in results:
            shutil.rmtree(work / f"{label}-{name}-{r}", ignore_errors=True)
        ratio = times["gitpython"] / times["tracker"]
        rows.append(ratio)
        print(f"{label:<10} round {r + 1}: {total} versions ({commits} commits, "
              f"{len(results['tracker'][1])} repositories)  "
              f"gitpython {times['gitpython']:7.2f}s = {total / times['gitpython']:7.1f} v/s   "
              f"tracker {times['tracker']:6.2f}s = {total / times['tracker']:7.1f} v/s   "
              f"ratio {ratio:5.1f}x   identical histories: {same}", flush=True)
    median = statistics.median(rows)
    print(f"{label:<10} median ratio over {rounds} round(s): {median:.1f}x", flush=True)
    return median


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    parser.add_argument("--companies", type=int, default=200)
    parser.add_argument("--versions", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=3, help="rounds on the corpus")
    parser.add_argument("--generated-rounds", type=int, default=1)
    parser.add_argument("--skip-corpus", action="store_true")
    parser.add_argument("--skip-generated", action="store_true")
    args = parser.parse_args()
    logging.basicConfig(level=logging.ERROR)
    sources = [args.corpus / s for s in ("ptt", "ota") if (args.corpus / s).is_dir()]
    if not sources:
        sys.exit(f"corpus not found: {args.corpus}")
    work = Path(tempfile.mkdtemp(prefix="bench-import-"))
    try:
        if not args.skip_corpus:
            compare("corpus", sources, args.rounds, work)
        if not args.skip_generated:
            gen = work / "generated"
            n = generate(gen, args.corpus, args.companies, args.versions)
            print(f"generated {args.companies} companies x {args.versions} versions "
                  f"({n} files, {sum(f.stat().st_size for f in gen.rglob('*')) / 1e6:.0f} MB)",
                  flush=True)
            compare("generated", [gen], args.generated_rounds, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
