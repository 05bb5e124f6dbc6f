"""Benchmark of HTML extraction: the lxml tree versus BeautifulSoup + markdownify, side by side.

Real policies as the pages a site serves: the five seeds, the demo's sample snapshots and every
version in ../shared/corpus (ota Markdown and ptt plain text), each rendered by the demo
server into a page with site chrome (cookie banner, header, navigation, breadcrumb, share box,
newsletter form, footer). Every page goes through `tracker.extract.extract()` twice per round:
once with today's HTML step (`tracker.extract.html`) and once with the one it replaced
(`bench/_html_before.py`, BeautifulSoup + markdownify), in alternating order, measuring CPU
seconds. Each configuration of a document is a scenario:

  default        no selectors: chrome, hidden elements and banners dropped, <main> found
  select         select = ["article.policy"], remove = [".share-page"]
  select-pseudo  select = ["main > article:first-of-type"] (a pseudo-class: matched by
                 soupsieve on a BeautifulSoup twin of the page)

Every page's extracted text (or error) must be byte-identical between the two, or the run
fails; the speed-up is the ratio of CPU seconds over all pages, median over rounds.

Usage: python bench/bench_extract.py [--corpus DIR] [--rounds N] [--limit N]
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Callable

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import tracker.extract.document as document  # noqa: E402
from tracker.demo.server import render_document, render_page  # noqa: E402
from tracker.extract import extract  # noqa: E402
from tracker.extract.html import html_to_markdown  # noqa: E402
from tracker.models import DocumentConfig  # noqa: E402

URL = "https://acme.example/legal/privacy-policy"
SCENARIOS = {
    "default": {},
    "select": {"select": ("article.policy",), "remove": (".share-page",)},
    "select-pseudo": {"select": ("main > article:first-of-type",)},
}


def load_before() -> Callable[..., str]:
    spec = importlib.util.spec_from_file_location("_html_before",
                                                  Path(__file__).with_name("_html_before.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.html_to_markdown  # type: ignore[no-any-return]


def policy_pages(shared: Path, limit: int) -> list[tuple[str, bytes]]:
    """(name, page bytes) for every seed, sample snapshot and corpus version."""
    sources = sorted((shared / "seeds").glob("*.txt"))
    sources += sorted((REPO / "snapshots").glob("*/*/*.md"))
    sources += sorted((REPO / "snapshots").glob("*/*/*.txt"))
    sources += sorted((shared / "corpus" / "ota").glob("*/*.md"))
    sources += sorted((shared / "corpus" / "ptt").glob("*/*.txt"))
    pages = []
    for path in sources[:limit or None]:
        text = path.read_text(encoding="utf-8", errors="replace")
        fmt = "md" if path.suffix == ".md" or text.startswith("> *The following") else "txt"
        page = render_page(company=path.parent.name, slug=path.parent.name,
                           doc_type="privacy-policy", title="Privacy Policy",
                           content_html=render_document(text, fmt), year=2024)
        pages.append((str(path.relative_to(path.parents[2])), page.encode("utf-8")))
    return pages


def run(pages: list[tuple[str, bytes]], doc: DocumentConfig,
        step: Callable[..., str]) -> tuple[float, list[str]]:
    """CPU seconds to extract every page with `step` as the HTML step, and the outputs."""
    document.html_to_markdown = step  # type: ignore[assignment]
    outputs = []
    start = time.process_time()
    for _, body in pages:
        try:
            outputs.append(extract(body, "text/html; charset=utf-8", URL, doc).text)
        except Exception as exc:  # noqa: BLE001 - an error must be the same error on both sides
            outputs.append(f"{type(exc).__name__}: {exc}")
    seconds = time.process_time() - start
    document.html_to_markdown = html_to_markdown
    return seconds, outputs


def scenario(name: str, pages: list[tuple[str, bytes]], rounds: int,
             before: Callable[..., str]) -> tuple[float, float, int]:
    doc = DocumentConfig(type="privacy-policy", url=URL, **SCENARIOS[name])  # type: ignore[arg-type]
    old_times, new_times = [], []
    for round_ in range(rounds):
        order = [("old", before), ("new", html_to_markdown)]
        if round_ % 2:
            order.reverse()
        results = {}
        for label, step in order:
            results[label] = run(pages, doc, step)
        old_times.append(results["old"][0])
        new_times.append(results["new"][0])
        differ = [pages[i][0] for i, (a, b) in enumerate(zip(results["old"][1], results["new"][1],
                                                              strict=True)) if a != b]
        if differ:
            sys.exit(f"{name}: output differs on {len(differ)} pages, e.g. {differ[:3]}")
    return statistics.median(old_times), statistics.median(new_times), len(pages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path,
                        default=Path(os.environ.get("TRACKER_SHARED_DIR", REPO.parent / "shared")),
                        help="the shared folder holding seeds/ and corpus/")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages")
    args = parser.parse_args()
    pages = policy_pages(args.corpus, args.limit)
    megabytes = sum(len(body) for _, body in pages) / 1e6
    before = load_before()
    run(pages[:5], DocumentConfig(type="privacy-policy", url=URL), before)  # warm imports
    print(f"{len(pages)} real policy pages, {megabytes:.1f} MB; CPU seconds, median of "
          f"{args.rounds} alternating rounds; every page's text identical on both sides")
    print(f"{'scenario':<14} {'before':>8} {'after':>8} {'speed-up':>9} {'pages/s after':>14}")
    for name in SCENARIOS:
        old, new, count = scenario(name, pages, args.rounds, before)
        print(f"{name:<14} {old:8.2f} {new:8.2f} {old / new:8.2f}x {count / new:14.0f}")


if __name__ == "__main__":
    main()
