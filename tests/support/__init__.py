"""Helpers shared by the whole test suite (fixtures themselves live in the conftest.py files).

- git: plain `git` as an operator runs it, and one strict `fsck`
- web: one real HTTP server on 127.0.0.1 (routes, fixed pages, ETags, fault hooks)
- workspace: policy pages, `write_config` and `make_workspace` pointing at a local server
- cli: the `tracker` CLI in-process or as a real subprocess
- records: extracted texts and import items for storage tests
- archive: a fake Wayback Machine (CDX API and snapshots) served by `web.LocalServer`
- publish: the fixed publishing workspace; sitecheck: a built site seen as a visitor would
- demo: what the demo's sample revisions must model
"""
