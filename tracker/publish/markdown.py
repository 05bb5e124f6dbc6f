"""Safe Markdown rendering of stored policy versions.

A policy is third-party text: raw HTML is disabled (shown as text), links are limited to
absolute http(s)/mailto/tel targets (a relative link would point into our own site) so `javascript:`/`data:`/`vbscript:` can never become a
clickable link, and images are not loaded (the site's CSP forbids remote images anyway).
"""

from __future__ import annotations

import re
from functools import lru_cache

from markdown_it import MarkdownIt

from .text import clean_text

_SAFE_LINK = re.compile(r"^(?:https?://|mailto:|tel:|#)", re.IGNORECASE)
_CONTROL_OR_SPACE = re.compile(r"[\x00-\x20\x7f]+")


def is_safe_link(url: str) -> bool:
    """True for absolute http(s), mailto, tel and in-page links; False for anything else."""
    compact = _CONTROL_OR_SPACE.sub("", url)
    return bool(compact) and _SAFE_LINK.match(compact) is not None


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable(["table", "strikethrough"])
    md.disable("image")
    md.validateLink = is_safe_link  # type: ignore[method-assign]

    def link_open(self, tokens, idx, options, env):  # noqa: ANN001 - markdown-it signature
        tokens[idx].attrSet("rel", "nofollow noopener noreferrer")
        return self.renderToken(tokens, idx, options, env)

    md.add_render_rule("link_open", link_open)
    return md


def render_markdown(text: str) -> str:
    """Markdown -> escaped HTML fragment with only safe links."""
    return _parser().render(clean_text(text))
