"""Publishing: RSS/Atom feeds and the static change-log website."""
