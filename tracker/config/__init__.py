"""tracker.toml: loading and validation (loading), the per-table schema it walks (schema),
the starter config and editing (editing)."""

from __future__ import annotations

from tracker.config.editing import STARTER_CONFIG, add_document, starter_config
from tracker.config.loading import (
    ARCHIVE_ORG_MAX_RPM,
    CONFIG_FILENAME,
    check_url,
    is_safe_slug,
    load_config,
    parse_config,
    slugify,
)

__all__ = [
    "CONFIG_FILENAME",
    "is_safe_slug",
    "slugify",
    "ARCHIVE_ORG_MAX_RPM",
    "check_url",
    "parse_config",
    "load_config",
    "STARTER_CONFIG",
    "starter_config",
    "add_document",
]
