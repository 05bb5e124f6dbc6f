#!/usr/bin/env python3
"""Audit list of the entities the change detector names, for a reader to judge by eye.

Runs the detector over every consecutive pair of ../shared/corpus/ota and ../shared/corpus/ptt
(no labels needed) and lists every vendor, law, domain, e-mail, phone, duration and age a
report names as added or removed, with how many pairs name it, the role the report gives a
vendor (`vendor_roles`), the first party's own entities (`own_entities`) and one snippet of
the text around it. A second part lists the vendors found in each single version's full text
(how many versions name each, with a snippet) and the first party the detector takes each
company's policy for. Reading it is how wrong names ('In Ireland, Limited', a heading, a
product of the company itself) are found on policies no label covers.

    python3 bench/entity_audit.py                      # Markdown to stdout
    python3 bench/entity_audit.py --out /tmp/audit.md
    python3 bench/entity_audit.py --json               # machine output
    python3 bench/entity_audit.py --kinds vendors      # only some kinds

The corpus is read at run time from ../shared (or TRACKER_SHARED_DIR); nothing is copied.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Iterator

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tracker.changes import compare  # noqa: E402
from tracker.changes import entities as ent  # noqa: E402
from tracker.changes.detector import _entities, _entity_text, _segment  # noqa: E402
from tracker.changes.normalize import repair_encoding  # noqa: E402
from tracker.changes.vendors import role_of, vendor_spans  # noqa: E402

DEFAULT_CORPUS = Path(os.environ.get("TRACKER_SHARED_DIR",
                                     Path(__file__).resolve().parent.parent.parent / "shared")) / "corpus"
SETS = ("ota", "ptt")


def _pairs_of(folder: Path) -> Iterator[tuple[str, Path, Path]]:
    for company in sorted(p for p in folder.iterdir() if p.is_dir() and p.name != "labels"):
        files = sorted(f for f in company.iterdir() if f.suffix in (".md", ".txt"))
        for a, b in zip(files, files[1:]):
            yield company.name, a, b


def _versions_of(folder: Path) -> Iterator[tuple[str, Path]]:
    for company in sorted(p for p in folder.iterdir() if p.is_dir() and p.name != "labels"):
        for f in sorted(f for f in company.iterdir() if f.suffix in (".md", ".txt")):
            yield company.name, f


def snippet(kind: str, value: str, text: str, width: int = 70) -> str:
    """The text around the first place value is named (by the extraction's own spans for
    vendors), on one line; '' when it cannot be found as written."""
    at: tuple[int, int] | None = None
    if kind == "vendors":
        spans = vendor_spans(text).get(value)
        if spans:
            at = spans[0]
    if at is None:
        probe = value if kind != "phones" else value[-4:]
        i = text.find(probe)
        if i == -1:
            i = text.lower().find(probe.lower())
        if i != -1:
            at = (i, i + len(probe))
    if at is None:
        return ""
    s, e = at
    before, after = text[max(0, s - width):s], text[e:e + width]
    return re.sub(r"\s+", " ", f"{before}[[{text[s:e]}]]{after}").strip()


class Tally:
    """Counts and one snippet per (kind, value) over many reports or texts."""

    def __init__(self) -> None:
        self.count: Counter[tuple[str, str]] = Counter()
        self.where: dict[tuple[str, str], str] = {}
        self.all_where: dict[tuple[str, str], list[str]] = defaultdict(list)
        self.snip: dict[tuple[str, str], str] = {}
        self.roles: dict[str, Counter[str]] = defaultdict(Counter)

    def add(self, kind: str, value: str, where: str, text: str) -> None:
        key = (kind, value)
        self.count[key] += 1
        self.all_where[key].append(where)
        if key not in self.snip or (not self.snip[key] and text):
            self.where[key] = where
            self.snip[key] = snippet(kind, value, text)

    def rows(self, kinds: tuple[str, ...]) -> list[dict[str, Any]]:
        out = []
        for (kind, value), n in sorted(self.count.items(), key=lambda kv: (kinds.index(kv[0][0])
                                                                            if kv[0][0] in kinds else 99,
                                                                            -kv[1], kv[0][1])):
            if kind not in kinds:
                continue
            row = {"kind": kind, "value": value, "count": n, "first": self.where[(kind, value)],
                   "snippet": self.snip[(kind, value)], "where": self.all_where[(kind, value)]}
            if value in self.roles:
                row["roles"] = dict(self.roles[value])
            out.append(row)
        return out


def audit_pairs(corpus: Path, kinds: tuple[str, ...]) -> dict[str, Any]:
    """Every entity named added or removed by a report of a consecutive pair, tallied."""
    changed, own = Tally(), Tally()
    pairs = with_entities = 0
    for name in SETS:
        for company, a, b in _pairs_of(corpus / name):
            old, new = a.read_text(encoding="utf-8"), b.read_text(encoding="utf-8")
            rep = compare(old, new)
            pairs += 1
            where = f"{name}/{company} {a.stem} -> {b.stem}"
            named = False
            for side, text in (("added", new), ("removed", old)):
                ents = rep.entities_added if side == "added" else rep.entities_removed
                for kind in kinds:
                    for value in ents.get(kind, []):
                        named = True
                        changed.add(kind, value, f"{where} ({side})", text)
                        if kind == "vendors":
                            changed.roles[value][rep.vendor_roles.get(value, "?")] += 1
                mine = rep.own_added if side == "added" else rep.own_removed
                for kind, values in mine.items():
                    for value in values:
                        own.add(kind, value, f"{where} ({side})", text)
            with_entities += named
    return {"pairs": pairs, "pairs_with_entities": with_entities,
            "changed": changed.rows(kinds), "own": own.rows(("vendors", "domains"))}


def audit_versions(corpus: Path, kinds: tuple[str, ...]) -> dict[str, Any]:
    """The vendors (and other kinds asked for) found in each single version's full text, and
    the first party the detector takes each company's history for."""
    found = Tally()
    owners: dict[str, list[str]] = {}
    versions = 0
    for name in SETS:
        texts: dict[str, list[str]] = defaultdict(list)
        urls: dict[str, list[str]] = defaultdict(list)
        for company, f in _versions_of(corpus / name):
            raw = repair_encoding(f.read_text(encoding="utf-8"))
            d = _segment(raw)
            fold = d.lower_case
            e = _entities(_entity_text(d), tuple(d.urls), fold, raw)
            versions += 1
            texts[company].append(_entity_text(d))
            urls[company].extend(d.urls)
            for kind in kinds:
                for value in sorted(e.get(kind)):
                    found.add(kind, value, f"{name}/{company} {f.stem}", raw)
                    if kind == "vendors":
                        found.roles[value][role_of(value)] += 1
        for company in texts:
            fam, label = ent.first_party(texts[company][-2:], urls[company][-400:])
            owners[f"{name}/{company}"] = [str(fam), str(label)]
    return {"versions": versions, "found": found.rows(kinds), "first_party": owners}


def _markdown(res: dict[str, Any]) -> str:
    lines = ["# Entity audit", "",
             f"{res['pairs']['pairs']} consecutive pairs ({res['pairs']['pairs_with_entities']} name an entity "
             f"added or removed); {res['versions']['versions']} single versions.", ""]

    def table(title: str, rows: list[dict[str, Any]]) -> None:
        lines.extend([f"## {title} ({len(rows)})", "", "| kind | value | n | role | first | snippet |",
                      "|---|---|---|---|---|---|"])
        for r in rows:
            role = ", ".join(f"{k} {v}" for k, v in r.get("roles", {}).items())
            snip = r["snippet"].replace("|", "\\|")
            lines.append(f"| {r['kind']} | {r['value']} | {r['count']} | {role} | {r['first']} | {snip} |")
        lines.append("")

    table("Named as added or removed by a report", res["pairs"]["changed"])
    table("The first party's own entities (own_entities)", res["pairs"]["own"])
    lines.extend(["## First party per company", ""])
    lines.extend(f"- {k}: family {v[0]}, label {v[1]}" for k, v in res["versions"]["first_party"].items())
    lines.append("")
    table("Found in single versions' full text", res["versions"]["found"])
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--kinds", default=",".join(ent.KINDS), help="comma-separated kinds (default: all)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--no-versions", action="store_true", help="skip the single-version part")
    ap.add_argument("--out", type=Path)
    args = ap.parse_args(argv)
    kinds = tuple(k for k in args.kinds.split(",") if k in ent.KINDS)
    if not (args.corpus / "ota").is_dir():
        print(f"no corpus at {args.corpus} (set TRACKER_SHARED_DIR)", file=sys.stderr)
        return 2
    res = {"pairs": audit_pairs(args.corpus, kinds),
           "versions": {"versions": 0, "found": [], "first_party": {}} if args.no_versions
           else audit_versions(args.corpus, kinds)}
    out = json.dumps(res, indent=1, ensure_ascii=False) if args.json else _markdown(res)
    if args.out:
        args.out.write_text(out + "\n", encoding="utf-8")
    else:
        print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
