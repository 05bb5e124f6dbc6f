"""The change report: typed, serialisable exactly as ../shared/spec/change-report.md says."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from tracker.changes.entities import KINDS
from tracker.changes.ownership import OWN_KINDS

VERDICTS = ("cosmetic", "minor", "substantive", "major")
CHANGE_KINDS = ("added", "removed", "reworded", "moved")


@dataclass(frozen=True)
class Change:
    """One sentence-level change; old/new are None where absent."""

    kind: str
    section: str
    old: str | None
    new: str | None
    topics: tuple[str, ...] = ()
    material: bool = False
    flips: tuple[str, ...] = ()          # extra: meaning flips found in a reworded sentence

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "section": self.section, "old": self.old, "new": self.new,
                "topics": list(self.topics), "material": self.material, "flips": list(self.flips)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Change":
        return cls(d["kind"], d.get("section", ""), d.get("old"), d.get("new"),
                   tuple(d.get("topics", ())), bool(d.get("material", False)), tuple(d.get("flips", ())))


def _empty_entities() -> dict[str, list[str]]:
    return {k: [] for k in KINDS}


def _empty_own() -> dict[str, list[str]]:
    return {k: [] for k in OWN_KINDS}


@dataclass(frozen=True)
class ChangeReport:
    """How NEW differs from OLD. Build with tracker.changes.compare(); never mutate."""

    verdict: str
    headline: str
    bullets: tuple[str, ...] = ()
    similarity: float = 1.0
    stats: dict[str, int] = field(default_factory=lambda: {"added": 0, "removed": 0, "reworded": 0,
                                                            "moved": 0, "unchanged": 0})
    sections_added: tuple[str, ...] = ()
    sections_removed: tuple[str, ...] = ()
    sections_renamed: tuple[tuple[str, str], ...] = ()
    sections_changed: tuple[str, ...] = ()
    topic_counts: tuple[tuple[str, int], ...] = ()
    entities_added: dict[str, list[str]] = field(default_factory=_empty_entities)
    entities_removed: dict[str, list[str]] = field(default_factory=_empty_entities)
    changes: tuple[Change, ...] = ()
    date_stamp: dict[str, str | None] = field(default_factory=lambda: {"old": None, "new": None})
    detector_version: str = ""
    # the bullets as objects: text, topic, impact, old, new, changes (indexes into `changes`)
    statements: tuple[dict[str, Any], ...] = ()
    # the policy's own company that came or went: its branches under a country's name and its
    # own sites, reported apart from the third parties in entities (see ownership.py)
    own_added: dict[str, list[str]] = field(default_factory=_empty_own)
    own_removed: dict[str, list[str]] = field(default_factory=_empty_own)
    # what each vendor that came or went is (vendors.role_of): 'service provider', 'platform', ...
    vendor_roles: dict[str, str] = field(default_factory=dict)
    # link targets present on one side only: structure, told in prose only by a cosmetic headline
    links_changed: int = 0

    # -- convenience -----------------------------------------------------------------------
    @property
    def topics(self) -> list[str]:
        """Topic names, most changed first."""
        return [t for t, _ in self.topic_counts]

    @property
    def is_cosmetic(self) -> bool:
        return self.verdict == "cosmetic"

    @property
    def date_stamp_changed(self) -> bool:
        return self.date_stamp.get("old") != self.date_stamp.get("new")

    # -- serialisation ---------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return {
            "verdict": self.verdict,
            "headline": self.headline,
            "bullets": list(self.bullets),
            "similarity": self.similarity,
            "stats": dict(self.stats),
            "sections": {
                "added": list(self.sections_added),
                "removed": list(self.sections_removed),
                "renamed": [list(p) for p in self.sections_renamed],
                "changed": list(self.sections_changed),
            },
            "topics": [{"topic": t, "changes": n} for t, n in self.topic_counts],
            "entities": {
                "added": {k: list(self.entities_added.get(k, [])) for k in KINDS},
                "removed": {k: list(self.entities_removed.get(k, [])) for k in KINDS},
            },
            "changes": [c.to_dict() for c in self.changes],
            "date_stamp": dict(self.date_stamp),
            "detector_version": self.detector_version,
            "statements": [dict(s) for s in self.statements],
            "own_entities": {
                "added": {k: list(self.own_added.get(k, [])) for k in OWN_KINDS},
                "removed": {k: list(self.own_removed.get(k, [])) for k in OWN_KINDS},
            },
            "vendor_roles": dict(self.vendor_roles),
            "links_changed": self.links_changed,
        }

    def to_json(self, indent: int | None = 2) -> str:
        """Stable JSON: sorted keys, fixed separators, byte-identical for the same report."""
        return json.dumps(self.to_dict(), sort_keys=True, ensure_ascii=False, indent=indent,
                          separators=(",", ": ") if indent else (",", ":")) + "\n"

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "ChangeReport":
        sec = d.get("sections", {})
        ent = d.get("entities", {})
        own = d.get("own_entities") or {}
        return cls(
            verdict=d["verdict"],
            headline=d["headline"],
            bullets=tuple(d.get("bullets", ())),
            similarity=float(d.get("similarity", 1.0)),
            stats={k: int(v) for k, v in d.get("stats", {}).items()},
            sections_added=tuple(sec.get("added", ())),
            sections_removed=tuple(sec.get("removed", ())),
            sections_renamed=tuple((a, b) for a, b in sec.get("renamed", ())),
            sections_changed=tuple(sec.get("changed", ())),
            topic_counts=tuple((t["topic"], int(t["changes"])) for t in d.get("topics", ())),
            entities_added={k: list(ent.get("added", {}).get(k, [])) for k in KINDS},
            entities_removed={k: list(ent.get("removed", {}).get(k, [])) for k in KINDS},
            changes=tuple(Change.from_dict(c) for c in d.get("changes", ())),
            date_stamp=dict(d.get("date_stamp", {"old": None, "new": None})),
            detector_version=d.get("detector_version", ""),
            statements=tuple(dict(s) for s in d.get("statements", ())),
            own_added={k: list(own.get("added", {}).get(k, [])) for k in OWN_KINDS},
            own_removed={k: list(own.get("removed", {}).get(k, [])) for k in OWN_KINDS},
            vendor_roles={str(k): str(v) for k, v in (d.get("vendor_roles") or {}).items()},
            links_changed=int(d.get("links_changed") or 0),
        )

    @classmethod
    def from_json(cls, text: str) -> "ChangeReport":
        return cls.from_dict(json.loads(text))
