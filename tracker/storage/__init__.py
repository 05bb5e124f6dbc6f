"""Storage: one git repository per company, history rewriting, fast-import, reading histories."""

from __future__ import annotations

from tracker.storage.repo import (
    RAW_EXTS,
    IDENTITY_NAME,
    IDENTITY_EMAIL,
    STREAM_MIN_ITEMS,
    ImportItem,
    Flat,
    CompanyRepo,
)

__all__ = [
    "RAW_EXTS",
    "IDENTITY_NAME",
    "IDENTITY_EMAIL",
    "STREAM_MIN_ITEMS",
    "ImportItem",
    "Flat",
    "CompanyRepo",
]
