"""Ingest: bulk import of dated files, archive headers, Wayback backfill, re-extraction."""

from __future__ import annotations
