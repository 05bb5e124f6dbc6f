"""Safe Markdown rendering of stored policy versions.

A policy is third-party text: raw HTML is disabled (shown as text), links are limited to
absolute http(s)/mailto/tel targets (a relative link would point into our own site) so `javascript:`/`data:`/`vbscript:` can never become a
clickable link, and images are not loaded (the site's CSP forbids remote images anyway).
"""

from __future__ import annotations

import re
from functools import lru_cache

from markdown_it import MarkdownIt

from tracker.publish.text import clean_text

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

    def heading(self, tokens, idx, options, env):  # noqa: ANN001 - markdown-it signature
        # The page has its own <h1>: the policy's outline starts one level below it.
        level = min(6, int(tokens[idx].tag[1]) + env.get("heading_offset", 0))
        tokens[idx].tag = f"h{level}"
        return self.renderToken(tokens, idx, options, env)

    md.add_render_rule("link_open", link_open)
    md.add_render_rule("heading_open", heading)
    md.add_render_rule("heading_close", heading)
    return md


def render_markdown(text: str, heading_offset: int = 0) -> str:
    """Markdown -> escaped HTML fragment with only safe links; headings shifted down."""
    return _parser().render(clean_text(text), {"heading_offset": heading_offset})
