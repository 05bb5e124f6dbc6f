"""The `tracker` command line: click commands over the library."""

from __future__ import annotations

from tracker.cli.main import (
    TrackerClickError,
    State,
    pass_state,
    main,
    init,
    add,
    list_documents,
    status,
    stats_option,
    track,
    build,
    run,
    log_command,
    diff,
    import_command,
    backfill,
    reextract,
    demo,
)

__all__ = [
    "TrackerClickError",
    "State",
    "pass_state",
    "main",
    "init",
    "add",
    "list_documents",
    "status",
    "stats_option",
    "track",
    "build",
    "run",
    "log_command",
    "diff",
    "import_command",
    "backfill",
    "reextract",
    "demo",
]
