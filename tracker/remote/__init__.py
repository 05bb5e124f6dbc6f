"""Git remotes as the transport between shards and the publisher (``[remote]`` in tracker.toml).

Each company is one repository under the remote base URL (``<url><slug>.git``). A tracking
shard fetches a company before writing it and pushes fast-forward only afterwards; the publisher
pulls every company (history and the shards' fetch state) and builds the site.
"""

from __future__ import annotations

# Only the light settings module is imported here: the config loader needs it, and the
# synchronisation modules (storage, git) import the config in turn.
from tracker.models import RemoteSettings
from tracker.remote.settings import company_url

__all__ = ["RemoteSettings", "company_url"]
