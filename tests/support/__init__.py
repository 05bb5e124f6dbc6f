"""Helpers shared by the whole test suite (fixtures themselves live in the conftest.py files;
test modules import helpers from here, never from each other).

- git: plain `git` as an operator runs it, and one strict `fsck`
- web: one real HTTP server on 127.0.0.1 (routes, fixed pages, ETags, a fallback for servers
  that answer every path, fault hooks), loopback hosts sharing a port, a static-file route
- workspace: policy pages, `write_config` and `make_workspace` pointing at a local server
- cli: the `tracker` CLI in-process or as a real subprocess
- records, files: extracted texts and import items; dated input files, a real PDF, seed names
- archive: a fake Wayback Machine (CDX API and snapshots) served by `web.LocalServer`
- publish, dataset, sitecheck: the fixed publishing workspaces; a built site seen as a visitor
- hostile: hostile policy texts; disks: read-only and full file systems (real mounts)
- demo: what the demo's sample revisions must model
- properties: property-test sizes (full in CI, cut down under HYPOTHESIS_PROFILE=dev)
"""
