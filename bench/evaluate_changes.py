#!/usr/bin/env python3
"""Grade the change detector on real policy histories.

Two labelled sets are graded (../shared/corpus/ota/labels and ../shared/corpus/ptt/labels):
false alerts on cosmetic pairs, verdict accuracy, must-mention recall (in the headline and the
statements only, never in the word lists), added/removed-section precision and recall, entity
precision and recall, and time per pair. A label-free **claim check** runs over every
consecutive pair of ota/ and ptt/: every entity the report calls removed (added) must be absent
from the new (old) text, every section called removed (added) must not be a heading line of the
new (old) text, and a rename must not name two headings that both exist on both sides.

    python3 bench/evaluate_changes.py            # summary table
    python3 bench/evaluate_changes.py -v         # per pair, the reference beside the summary
    python3 bench/evaluate_changes.py --json     # machine output
    python3 bench/evaluate_changes.py --history REPO   # claim check over a git history instead

`--history` runs the claim check (and the time per pair) over the consecutive versions of every
policy file in the history of any git repository: a company repository this tool keeps, or a
versions repository of Open Terms Archive, i.e. real histories the rules were never written on.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Iterator

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tracker.changes import ChangeReport, compare  # noqa: E402
from tracker.changes.entities import KINDS, canonical, same_host  # noqa: E402
from tracker.changes.normalize import heading_key  # noqa: E402

DEFAULT_CORPUS = Path(os.environ.get("TRACKER_SHARED_DIR",
                                     Path(__file__).resolve().parent.parent.parent / "shared")) / "corpus"
SETS = ("ota", "ptt")



# a headline ending in a list of topics ('…, changes to collection, contact, use'), not a
# sentence that happens to say "make changes to certain communication preferences by …"
_TOPIC_TAIL_RE = re.compile(r"\bchanges to [\w-]+(?:(?:,| and) [\w-]+)*$")

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


# -- the claim check (no labels) -----------------------------------------------------------

_MD_LINK_RE = re.compile(r"\[([^\]\n]*)\]\([^)\n]*\)")
_LINE_MARKUP_RE = re.compile(r"^[\s#>*_|+-]*|[\s#*_|:]*$")


def _plain(text: str) -> str:
    """The text as a reader sees it, lower case, one space between words."""
    text = _MD_LINK_RE.sub(r"\1", text).replace("\\", "")
    return " " + re.sub(r"\s+", " ", text.replace("*", " ").replace("_", " ")).lower() + " "


def heading_lines(text: str) -> set[str]:
    """Every line of a text reduced to a heading key: a section title that is still a line by
    itself (with or without Markdown heading or bold markup, numbering or a link) is still there."""
    out = set()
    for line in text.splitlines():
        line = _MD_LINK_RE.sub(r"\1", line)
        line = _LINE_MARKUP_RE.sub("", line).strip()
        if line and len(line) <= 200:
            out.add(heading_key(line))
    return out


_NUM_WORDS = {"1": "one", "2": "two", "3": "three", "4": "four", "5": "five", "6": "six", "7": "seven",
              "8": "eight", "9": "nine", "10": "ten", "12": "twelve", "13": "thirteen", "14": "fourteen",
              "15": "fifteen", "16": "sixteen", "18": "eighteen", "24": "twenty-four", "30": "thirty",
              "60": "sixty", "90": "ninety"}


def occurs(kind: str, value: str, plain: str) -> bool:
    """Is the entity written in the text (plain: _plain of it)? Periods count in digits or words
    ('30 days', 'thirty (30) days'), ages only next to an age word: digits alone are not an age."""
    v = value.lower()
    if kind == "durations":
        n, _, unit = v.partition(" ")
        unit = unit.rstrip("s")
        numbers = [re.escape(n)] + ([re.escape(_NUM_WORDS[n])] if n in _NUM_WORDS else [])
        num = "(?:" + "|".join(numbers) + r")(?:\s*\(\s*\d+\s*\))?"
        return re.search(rf"(?<![\w.]){num}[\s-]+(?:calendar |business )?{re.escape(unit)}s?\b", plain) is not None
    if kind == "ages":
        return re.search(rf"\b(?:age|aged|under|over|older than|younger than|below)\s+(?:the age of\s+|of\s+)?"
                         rf"(?:{re.escape(v)}|{_NUM_WORDS.get(v, v)})\b|\b{re.escape(v)}\s+years? (?:of age|old)\b",
                         plain) is not None
    if kind == "phones":
        digits = re.sub(r"\D", "", v)
        return len(digits) >= 7 and digits in re.sub(r"\D", "", plain)
    return re.search(rf"(?<![\w@.-]){re.escape(v)}(?![\w@-]|\.\w)", plain) is not None


def claim_check(old: str, new: str, rep: ChangeReport) -> dict[str, Any]:
    """Claims of the report contradicted by the texts themselves."""
    p_old, p_new = _plain(old), _plain(new)
    h_old, h_new = heading_lines(old), heading_lines(new)
    claims = 0
    bad: list[str] = []
    for kind in KINDS:     # the third parties and contacts, then the company's own branches and sites
        for x in rep.entities_removed.get(kind, []) + rep.own_removed.get(kind, []):
            claims += 1
            if occurs(kind, x, p_new):
                bad.append(f"entity removed but still in new: {kind} {x}")
        for x in rep.entities_added.get(kind, []) + rep.own_added.get(kind, []):
            claims += 1
            if occurs(kind, x, p_old):
                bad.append(f"entity added but already in old: {kind} {x}")
    for s in rep.sections_removed:
        claims += 1
        if heading_key(s) in h_new:
            bad.append(f"section removed but still a heading: {s}")
    for s in rep.sections_added:
        claims += 1
        if heading_key(s) in h_old:
            bad.append(f"section added but already a heading: {s}")
    for a, b in rep.sections_renamed:
        claims += 1
        if heading_key(a) in h_new and heading_key(b) in h_old:
            bad.append(f"rename of two headings present on both sides: {a} -> {b}")
    head = rep.headline.lower()
    in_headline = [b for b in bad if b.rsplit(": ", 1)[-1].split(" ", 1)[-1].lower() in head]
    return {"claims": claims, "contradicted": bad, "in_headline": in_headline}


def _pairs_of(folder: Path) -> Iterator[tuple[str, Path, Path]]:
    for company in sorted(p for p in folder.iterdir() if p.is_dir() and p.name != "labels"):
        files = sorted(f for f in company.iterdir() if f.suffix in (".md", ".txt"))
        for a, b in zip(files, files[1:]):
            yield company.name, a, b


def run_claim_check(corpus: Path, verbose: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in SETS:
        claims = pairs = headline_pairs = tails = cut = redline = 0
        bad: list[str] = []
        for company, a, b in _pairs_of(corpus / name):
            old, new = a.read_text(encoding="utf-8"), b.read_text(encoding="utf-8")
            rep = compare(old, new)
            res = claim_check(old, new, rep)
            h = rep.headline
            tails += bool(_TOPIC_TAIL_RE.search(h))
            cut += "…" in h
            redline += bool(re.search(r"\[[^\]]*→", h))
            pairs += 1
            claims += res["claims"]
            headline_pairs += bool(res["in_headline"])
            bad += [f"{company} {a.stem} -> {b.stem}: {x}" for x in res["contradicted"]]
        out[name] = {"pairs": pairs, "claims": claims, "contradicted": len(bad),
                     "rate": round(len(bad) / claims, 4) if claims else 0.0,
                     "headline_contradictions": headline_pairs, "examples": bad[:40],
                     "headlines_with_topic_tail": tails, "headlines_with_ellipsis": cut, "headlines_with_redline": redline}
        if verbose:
            for line in bad:
                print(f"  claim [{name}] {line}")
    return out


def history_pairs(repo: Path, pattern: str = "*.md", last: int = 0) -> Iterator[tuple[str, str, str]]:
    """('<file> <old commit>-><new commit>', old text, new text) for every two consecutive versions
    of every file matching pattern in the history of a git repository; the last `last` pairs of
    each file only, when set. Commits that leave a file unchanged are not versions of it."""
    def git(*args: str) -> str:
        return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True,
                              encoding="utf-8", errors="replace", check=True).stdout
    for path in sorted(p for p in git("ls-tree", "-r", "--name-only", "HEAD").splitlines() if fnmatch.fnmatch(p, pattern)):
        commits = git("log", "--reverse", "--format=%H", "--", path).split()
        pairs = list(zip(commits, commits[1:]))
        for a, b in pairs[-last:] if last else pairs:
            old, new = git("show", f"{a}:{path}"), git("show", f"{b}:{path}")
            if old != new:
                yield f"{path} {a[:8]}->{b[:8]}", old, new


def run_history_check(repo: Path, pattern: str = "*.md", last: int = 0, verbose: bool = False) -> dict[str, Any]:
    """The claim check, headline tails and CPU time per pair over a git history (see history_pairs)."""
    claims = pairs = headline_pairs = tails = 0
    bad: list[str] = []
    seconds: list[float] = []
    verdicts: dict[str, int] = {}
    for name, old, new in history_pairs(repo, pattern, last):
        t = time.process_time()
        rep = compare(old, new)
        seconds.append(time.process_time() - t)
        res = claim_check(old, new, rep)
        pairs += 1
        claims += res["claims"]
        headline_pairs += bool(res["in_headline"])
        tails += bool(_TOPIC_TAIL_RE.search(rep.headline))
        verdicts[rep.verdict] = verdicts.get(rep.verdict, 0) + 1
        bad += [f"{name}: {x}" for x in res["contradicted"]]
        if verbose:
            print(f"  [{rep.verdict}] {name}: {rep.headline}")
    if verbose:
        for line in bad:
            print(f"  claim {line}")
    return {"pairs": pairs, "claims": claims, "contradicted": len(bad),
            "rate": round(len(bad) / claims, 4) if claims else 0.0, "headline_contradictions": headline_pairs,
            "headlines_with_topic_tail": tails, "verdicts": verdicts, "examples": bad[:40],
            "seconds_p50": round(_pctl(seconds, 0.5), 3) if seconds else 0.0,
            "seconds_p95": round(_pctl(seconds, 0.95), 3) if seconds else 0.0}


# -- the labelled sets -----------------------------------------------------------------------

def match_entities(kind: str, labelled: list[str], reported: list[str]) -> tuple[set[str], set[str]]:
    """(wanted, had) in one comparable form: both sides through entities.canonical (phones by
    digits, domains by host, vendor and law aliases), and a reported host under a labelled
    registrable domain counted as that domain ('reddit.zendesk.com' for 'zendesk.com')."""
    want = {canonical(kind, x) for x in labelled}
    have = {canonical(kind, x) for x in reported}
    if kind == "domains":
        # every reported host that is not itself labelled, under a labelled registrable domain
        # (labels written at the domain's grain: 'google.com' for www.google.com/policies and
        # tools.google.com/dlpage), is that domain: one labelled site, not one hit and one miss
        have = {next((w for w in sorted(want) if same_host(w, h)), h) if h not in want else h for h in have}
    return want, have


class Grades:
    """Running totals over labelled pairs."""

    def __init__(self) -> None:
        self.n = self.correct = self.cosmetic_n = self.false_alerts = self.stamp_ok = 0
        self.mm_total = self.mm_hit = 0
        self.sec = {"added": [0, 0, 0], "removed": [0, 0, 0]}
        self.ent = {k: [0, 0, 0] for k in KINDS}
        self.own_named = 0
        self.times: list[float] = []
        self.confusion: dict[str, dict[str, int]] = {}

    def grade(self, lab: dict[str, Any], rep: ChangeReport, seconds: float) -> dict[str, Any]:
        self.n += 1
        self.times.append(seconds)
        ok = rep.verdict == lab["verdict"]
        self.correct += ok
        self.confusion.setdefault(lab["verdict"], {}).setdefault(rep.verdict, 0)
        self.confusion[lab["verdict"]][rep.verdict] += 1
        if lab["verdict"] == "cosmetic":
            self.cosmetic_n += 1
            self.false_alerts += rep.verdict != "cosmetic"
        self.stamp_ok += rep.date_stamp_changed == lab["date_stamp_changed"]
        summary = (rep.headline + "\n" + "\n".join(rep.bullets)).lower()
        missed = [m for m in lab["must_mention"] if m.lower() not in summary]
        self.mm_total += len(lab["must_mention"])
        self.mm_hit += len(lab["must_mention"]) - len(missed)
        sec_miss = {}
        for kind, got in (("added", rep.sections_added), ("removed", rep.sections_removed)):
            want = {heading_key(s) for s in lab[f"sections_{kind}"]}
            have = {heading_key(s) for s in got}
            self.sec[kind][0] += len(want & have)
            self.sec[kind][1] += len(have - want)
            self.sec[kind][2] += len(want - have)
            sec_miss[kind] = (sorted(want - have), sorted(have - want))
        ent_err = {}
        for side, got_d in (("added", rep.entities_added), ("removed", rep.entities_removed)):
            own_d = rep.own_added if side == "added" else rep.own_removed
            for k in KINDS:
                want, have = match_entities(k, lab[f"entities_{side}"].get(k, []), got_d.get(k, []))
                self.ent[k][0] += len(want & have)
                self.ent[k][1] += len(have - want)
                self.ent[k][2] += len(want - have)
                # not scored: labelled entities the report names as the company's own (ptt/
                # labels name a company's own sites and branches, ota/ labels leave them out)
                own = (want - have) & {canonical(k, x) for x in own_d.get(k, [])} if k in own_d else set()
                self.own_named += len(own)
                if want != have:
                    ent_err[f"{side}.{k}"] = {"missed": sorted(want - have), "extra": sorted(have - want),
                                              **({"own": sorted(own)} if own else {})}
        return {"ok": ok, "missed_mentions": missed, "sections": sec_miss, "entity_errors": ent_err}

    def result(self) -> dict[str, Any]:
        tot = [sum(self.ent[k][i] for k in KINDS) for i in range(3)]
        return {
            "pairs": self.n,
            "false_alerts_cosmetic": self.false_alerts,
            "false_alert_rate_cosmetic": round(self.false_alerts / self.cosmetic_n, 3) if self.cosmetic_n else 0.0,
            "cosmetic_pairs": self.cosmetic_n,
            "verdict_accuracy": round(self.correct / self.n, 3) if self.n else 0.0,
            "confusion": self.confusion,
            "date_stamp_accuracy": round(self.stamp_ok / self.n, 3) if self.n else 0.0,
            "must_mention_recall": round(self.mm_hit / self.mm_total, 3) if self.mm_total else 1.0,
            "sections": {k: _pr(*v) for k, v in self.sec.items()},
            "entities": {**{k: _pr(*v) for k, v in self.ent.items()}, "overall": _pr(*tot)},
            "entities_missed_but_named_as_own": self.own_named,
            "seconds_p50": round(statistics.median(self.times), 4) if self.times else 0.0,
            "seconds_p95": round(_pctl(self.times, 0.95), 4),
        }


def _print_pair(row: dict[str, Any], lab: dict[str, Any], rep: ChangeReport) -> None:
    print(f"{'OK ' if row['ok'] else 'BAD'} {row['pair']}: label={lab['verdict']} got={rep.verdict}"
          f" sim={rep.similarity} stats={rep.stats}")
    ref = lab.get("reference_summary")
    if ref:
        print(f"    reference: {ref['headline']}")
        for b in ref.get("bullets", []):
            print(f"      = {b}")
    print(f"    detector:  {rep.headline}")
    for b in rep.bullets:
        print(f"      - {b}")
    if row["missed_mentions"]:
        print(f"    missed mentions: {row['missed_mentions']}")
    for kind, (m, x) in row["sections"].items():
        if m or x:
            print(f"    sections {kind}: missed={m} extra={x}")
    for k, v in row["entity_errors"].items():
        print(f"    entities {k}: {v}")


def evaluate(corpus: Path, verbose: bool = False, sets: tuple[str, ...] = SETS) -> dict[str, Any]:
    """Grades per labelled set and for both together."""
    per_set = {name: Grades() for name in sets}
    both = Grades()
    rows = []
    for name in sets:
        labels = sorted((corpus / name / "labels").glob("*.json"))
        if not labels:
            raise SystemExit(f"no labels under {corpus / name / 'labels'}")
        for lf in labels:
            for lab in json.loads(lf.read_text(encoding="utf-8")):
                d = corpus / name / lab["company"]
                old = (d / lab["old"]).read_text(encoding="utf-8")
                new = (d / lab["new"]).read_text(encoding="utf-8")
                t0 = time.perf_counter()
                rep = compare(old, new)
                dt = time.perf_counter() - t0
                row = per_set[name].grade(lab, rep, dt)
                both.grade(lab, rep, dt)
                row.update({"set": name, "pair": f"{lab['company']} {lab['old']} -> {lab['new']}",
                            "label": lab["verdict"], "got": rep.verdict, "headline": rep.headline,
                            "bullets": list(rep.bullets)})
                rows.append(row)
                if verbose:
                    _print_pair(row, lab, rep)
    return {"sets": {k: g.result() for k, g in per_set.items()}, "both": both.result(), "per_pair": rows}


def _print_grades(title: str, res: dict[str, Any]) -> None:
    e = res["entities"]["overall"]
    print(f"{title}: {res['pairs']} pairs | cosmetic alerts {res['false_alerts_cosmetic']}/{res['cosmetic_pairs']}"
          f" | verdict {res['verdict_accuracy']} | must-mention {res['must_mention_recall']}"
          f" | sections added P {res['sections']['added']['precision']} R {res['sections']['added']['recall']}"
          f" | removed P {res['sections']['removed']['precision']} R {res['sections']['removed']['recall']}"
          f" | entities P {e['precision']} R {e['recall']} | date stamp {res['date_stamp_accuracy']}"
          f" | p50 {res['seconds_p50'] * 1000:.0f} ms p95 {res['seconds_p95'] * 1000:.0f} ms")


def _print_history(res: dict[str, Any], as_json: bool) -> int:
    if as_json:
        print(json.dumps(res, indent=2, sort_keys=True))
        return 0
    print(f"history claim check: {res['pairs']} pairs, {res['claims']} claims, {res['contradicted']} contradicted"
          f" ({res['rate'] * 100:.2f}%), {res['headline_contradictions']} pairs contradicted in the headline;"
          f" verdicts {json.dumps(res['verdicts'], sort_keys=True)};"
          f" p50 {res['seconds_p50'] * 1000:.0f} ms p95 {res['seconds_p95'] * 1000:.0f} ms CPU")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--json", action="store_true", help="machine-readable output")
    ap.add_argument("-v", "--verbose", action="store_true", help="one block per pair, reference beside summary")
    ap.add_argument("--no-claims", action="store_true", help="skip the claim check over all pairs")
    ap.add_argument("--set", choices=SETS, action="append", help="grade only this labelled set")
    ap.add_argument("--only-claims", action="store_true", help="run only the claim check")
    ap.add_argument("--history", type=Path, metavar="REPO",
                    help="instead: claim check over the versions in a git repository's history")
    ap.add_argument("--pattern", default="*.md", help="with --history: the policy files (default *.md)")
    ap.add_argument("--last", type=int, default=0, help="with --history: the last N pairs of each file only")
    args = ap.parse_args(argv)
    if args.history:
        return _print_history(run_history_check(args.history, args.pattern, args.last, verbose=args.verbose and not args.json),
                              as_json=args.json)
    verbose = args.verbose and not args.json
    res = {"sets": {}, "both": None} if args.only_claims else evaluate(args.corpus, verbose=verbose,
                                                                        sets=tuple(args.set or SETS))
    if not args.no_claims:
        res["claim_check"] = run_claim_check(args.corpus, verbose=verbose)
    if args.json:
        print(json.dumps(res, indent=2, sort_keys=True))
        return 0
    for name, r in res["sets"].items():
        _print_grades(name, r)
    if res["both"]:
        _print_grades("both", res["both"])
        print("confusion (label -> got): " + json.dumps(res["both"]["confusion"], sort_keys=True))
        for k, v in res["both"]["entities"].items():
            print(f"  entities {k:10s}: precision {v['precision']} recall {v['recall']} "
                  f"(tp {v['tp']} fp {v['fp']} fn {v['fn']})")
        print(f"  entities missed but reported as the company's own (own_entities, not scored): "
              f"{res['both']['entities_missed_but_named_as_own']}")
    print("targets (both sets): 0 cosmetic alerts, verdict >= 0.85, must-mention >= 0.9, "
          "sections added recall >= 0.9, entities P >= 0.95 R >= 0.8, claim check < 1%")
    for name, c in res.get("claim_check", {}).items():
        print(f"claim check {name}: {c['pairs']} pairs, {c['claims']} claims, {c['contradicted']} contradicted"
              f" ({c['rate'] * 100:.2f}%), {c['headline_contradictions']} pairs contradicted in the headline;"
              f" headlines with a 'changes to' tail {c['headlines_with_topic_tail']}, with '…' {c['headlines_with_ellipsis']},"
              f" with a redline {c['headlines_with_redline']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
