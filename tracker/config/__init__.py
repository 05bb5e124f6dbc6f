"""tracker.toml: loading and validation, the starter config, editing."""

from __future__ import annotations

from tracker.config.loading import (
    CONFIG_FILENAME,
    is_safe_slug,
    slugify,
    ARCHIVE_ORG_MAX_RPM,
    check_url,
    parse_config,
    load_config,
    STARTER_CONFIG,
    add_document,
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
    "add_document",
]
