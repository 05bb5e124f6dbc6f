#!/usr/bin/env python3
"""How the statements about reworded sentences read, over every consecutive corpus pair.

Counts, over the 319 consecutive pairs of ../shared/corpus/{ota,ptt} (no labels needed):

- statements resting on one reworded sentence whose edit brought in (or, for a pure removal,
  took out) content words, and how many of them say none of those words: they restate the
  unchanged part of the sentence ('restates');
- the same for edits of one run of words (an item put into a list or taken out);
- '(was: …)' statements whose old value is not a whole phrase of the old sentence (cut inside a
  list, ending on a small word, unbalanced) or is spliced onto a clause with no new words.

`--against DIR` counts another checkout too (each in its own process), e.g. main.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(HERE / "bench"))
from _corpus import consecutive_pairs  # noqa: E402
_STOP = frozenset("""with from that this these those your have will would shall their there when where which what also
such into than then them they were been being about other more most some only over under upon very just like does made
make using used uses information data including include includes well each both either through within without""".split())
_SMALL = frozenset("and or the a an of to for with by from in on at as that which your its their our is are be was were "
                   "will may can such".split())


def _words(text: str) -> set[str]:
    return {re.sub(r"(?:'s|ies|es|s|ed|ing)$", "", w) for w in re.findall(r"[a-z0-9][a-z0-9'-]{2,}", text.lower())
            if w not in _STOP and not w.isdigit()}


def _whole(was: str, old: str) -> bool:
    """The old value reads as a whole phrase of the old sentence."""
    toks = was.strip("“”\" ").split()
    if not toks:
        return True
    if toks[-1].lower().strip(",;:") in _SMALL or toks[0].lower() in ("and", "or") or was.count("(") != was.count(")"):
        return False
    flat = re.sub(r"\s+", " ", old)
    at = flat.lower().find(was.strip("“”\" ").lower().rstrip(". "))
    after = flat[at + len(was.strip("“”\" ").rstrip(". ")):].lstrip() if at >= 0 else ""
    return not ("," in was and re.match(r",\s*[\w“\"]", after)
                and not re.match(r",\s*(?:and|or|but|which|who|that|we|you|it|they|if|when|where|unless)\b", after))


def count(root: Path) -> dict[str, int]:
    sys.path.insert(0, str(root))
    from tracker.changes.detector import compare
    from tracker.changes.verdict import word_diff
    import importlib.util                    # the measure's own one_edit, whatever the checkout counted has
    spec = importlib.util.spec_from_file_location("_measure_lists", HERE / "tracker" / "changes" / "lists.py")
    assert spec and spec.loader
    lists = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(lists)
    one_edit = lists.one_edit
    n = {"statements": 0, "restates": 0, "one_run": 0, "one_run_restates": 0, "was": 0, "was_broken": 0}
    for _, a, b in consecutive_pairs():
        r = compare(a.read_text(errors="replace"), b.read_text(errors="replace"))
        for s in r.statements:
            ks = s["changes"]
            if len(ks) != 1 or r.changes[ks[0]].kind != "reworded":
                continue
            c = r.changes[ks[0]]
            d_ = word_diff(c.old or "", c.new or "")
            plus = _words(" ".join(t for o, t in d_ if o == "+")) - _words(c.old or "")
            minus = _words(" ".join(t for o, t in d_ if o == "-")) - _words(c.new or "")
            if not plus and not minus:
                continue
            said = _words(s["text"])
            missed = not ((plus or minus) & said)
            one = one_edit(c.old or "", c.new or "") is not None
            n["statements"] += 1
            n["restates"] += missed
            n["one_run"] += one
            n["one_run_restates"] += one and missed
            m = re.search(r"\(was: (.*)\)$", s["text"])
            if m:
                n["was"] += 1
                body = s["text"][:m.start()]
                n["was_broken"] += not _whole(m.group(1), c.old or "") or (
                    not plus and bool(minus) and not re.search(r"(?i)\b(?:no longer|instead|now|drops?)\b", body))
    return n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--against", type=Path, help="another checkout to count side by side")
    ap.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        print(json.dumps(count(args.worker)))
        return
    for root in ([args.against] if args.against else []) + [HERE]:
        out = subprocess.run([sys.executable, __file__, "--worker", str(root)], capture_output=True, text=True,
                             check=True, env={**os.environ, "PYTHONPATH": str(root)}).stdout
        n = json.loads(out)
        print(f"{root}: {n['statements']} statements on one reworded sentence, {n['restates']} restate it "
              f"({n['one_run_restates']} of {n['one_run']} one-run edits); '(was: …)' {n['was']}, "
              f"{n['was_broken']} not a whole phrase or spliced")


if __name__ == "__main__":
    main()
