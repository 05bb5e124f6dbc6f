"""Bundled sample policies for `tracker demo` (data only; see README.md here)."""
