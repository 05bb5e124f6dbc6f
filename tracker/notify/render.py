"""Messages in each channel's format: HTML e-mail (Apprise adds the plain-text part),
Markdown for chat, JSON with the change report's fields for webhooks.

Every piece of policy text is escaped for its format: HTML-escaped in e-mail, backslash-
escaped in Markdown (so a policy's own markup or links never become live in a chat room).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from html import escape

from tracker.notify.digest import group_by_company, period_label
from tracker.notify.facts import ChangeFacts

HTML, MARKDOWN, JSON = "html", "markdown", "json"
_EMAIL = {"mailto", "mailtos"}
_WEBHOOK = {"json", "jsons", "form", "forms", "xml", "xmls"}
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")
SUBJECT_MAX = 200


@dataclass(frozen=True)
class Message:
    title: str
    body: str
    fmt: str          # html | markdown | json


def channel_format(url: str) -> str:
    """The format a channel gets, from its Apprise URL's scheme."""
    scheme = url.split("://", 1)[0].lower()
    if scheme in _EMAIL:
        return HTML
    if scheme in _WEBHOOK:
        return JSON
    return MARKDOWN


def one_line(text: str, limit: int = SUBJECT_MAX) -> str:
    """No control, bidi or line-break characters; at most ``limit`` characters."""
    flat = " ".join(_CONTROL.sub(" ", text).split())
    return flat if len(flat) <= limit else flat[:limit - 1].rstrip() + "…"


def md(text: str) -> str:
    """Policy text as inert Markdown: every markup character backslash-escaped."""
    return _MD_SPECIAL.sub(r"\\\1", one_line(text, 2000))


def subject(change: ChangeFacts) -> str:
    return one_line(f"{change.company_name} {change.doc_title}: {change.headline}")


def render_change(change: ChangeFacts, fmt: str) -> Message:
    if fmt == HTML:
        body = _html_page(escape(subject(change)), _html_change(change, heading="h1"))
    elif fmt == JSON:
        body = json.dumps({"type": "change", **_json_change(change)}, ensure_ascii=False,
                          sort_keys=True)
    else:
        body = _md_change(change)
    return Message(subject(change), body, fmt)


def render_digest(kind: str, period: str, changes: list[ChangeFacts], fmt: str) -> Message:
    groups = group_by_company(changes)
    label = period_label(kind, period)
    title = one_line(f"Policy changes, {kind} digest for {label}: {len(changes)} change"
                     f"{'s' if len(changes) != 1 else ''} at {len(groups)} compan"
                     f"{'ies' if len(groups) != 1 else 'y'}")
    if fmt == HTML:
        parts = [f"<h1>{escape(title)}</h1>"]
        for name, items in groups:
            parts.append(f"<h2>{escape(one_line(name))}</h2>")
            parts += [_html_change(c, heading="h3") for c in items]
        body = _html_page(escape(title), "\n".join(parts))
    elif fmt == JSON:
        body = json.dumps({"type": "digest", "digest": kind, "period": period,
                           "companies": [{"company": items[0].company, "company_name": name,
                                          "changes": [_json_change(c) for c in items]}
                                         for name, items in groups]},
                          ensure_ascii=False, sort_keys=True)
    else:
        parts = [f"**{md(title)}**"]
        for name, items in groups:
            parts.append(f"### {md(name)}")
            parts += [_md_change(c) for c in items]
        body = "\n\n".join(parts)
    return Message(title, body, fmt)


def _facts_line(change: ChangeFacts) -> str:
    topics = ", ".join(change.topics) or "none"
    return (f"{change.company_name} · {change.doc_title} · verdict {change.verdict} · "
            f"captured {change.captured_at[:10]} · topics: {topics}")


def _entity_lines(change: ChangeFacts) -> list[str]:
    lines = []
    for label, side in (("Newly named", change.entities_added),
                        ("No longer named", change.entities_removed)):
        names = [f"{v} ({kind})" for kind, values in sorted(side.items()) for v in values]
        if names:
            lines.append(f"{label}: {', '.join(names)}")
    return lines


def _html_change(change: ChangeFacts, *, heading: str) -> str:
    url, redline = escape(change.url, quote=True), escape(change.redline_url, quote=True)
    bullets = "".join(f"<li>{escape(one_line(b, 2000))}</li>" for b in change.shown_bullets)
    entities = "".join(f"<p>{escape(one_line(line, 2000))}</p>"
                       for line in _entity_lines(change))
    return (f"<{heading}>{escape(one_line(change.headline))}</{heading}>\n"
            f"<p>{escape(one_line(_facts_line(change), 2000))}</p>\n"
            + (f"<ul>{bullets}</ul>\n" if bullets else "") + entities +
            f"<p>Change page: <a href=\"{url}\">{url}</a><br>\n"
            f"Redline: <a href=\"{redline}\">{redline}</a></p>")


def _html_page(title: str, content: str) -> str:
    return ("<!doctype html><html><head><meta charset=\"utf-8\">"
            f"<title>{title}</title></head><body>\n{content}\n</body></html>")


def _md_change(change: ChangeFacts) -> str:
    lines = [f"**{md(change.headline)}**", "", md(_facts_line(change)), ""]
    lines += [f"- {md(b)}" for b in change.shown_bullets]
    lines += [md(line) for line in _entity_lines(change)]
    lines += ["", f"[Change page]({change.url}) · [Redline]({change.redline_url})"]
    return "\n".join(lines).replace("\n\n\n", "\n\n")


def _json_change(change: ChangeFacts) -> dict:
    return {**change.report, "id": change.id, "company": change.company,
            "company_name": change.company_name, "document": change.doc_type,
            "document_title": change.doc_title, "captured_at": change.captured_at,
            "url": change.url, "redline_url": change.redline_url,
            "source_url": change.source_url}
