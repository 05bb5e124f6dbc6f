"""Jinja2 templates and static assets of the published site (package data)."""
