"""Small inline SVG charts: document length over time with change markers.

Inline SVG needs no script, no CDN and no font download, prints crisply and is readable by
screen readers through its <title>/<desc>; colours use presentation attributes (not style
attributes) so the site's Content-Security-Policy can forbid inline styles.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from markupsafe import Markup, escape

from tracker.publish.model import ChangeItem, VersionItem

VERDICT_COLOURS = {"cosmetic": "#6b7280", "minor": "#1d4ed8", "substantive": "#b45309",
                   "major": "#b91c1c"}
WIDTH, HEIGHT = 640, 170
PAD_L, PAD_R, PAD_T, PAD_B = 52, 14, 14, 30


def _fmt_int(n: float) -> str:
    return f"{int(round(n)):,}"


def _ticks(start: datetime, end: datetime) -> list[tuple[datetime, str]]:
    """At most ~6 x-axis labels: years for long histories, months for short ones."""
    if end - start < timedelta(days=3):
        return [(start, f"{start:%Y-%m-%d}")]
    if end - start < timedelta(days=800):
        months = []
        y, m = start.year, start.month
        while (y, m) <= (end.year, end.month):
            months.append(datetime(y, m, 1, tzinfo=start.tzinfo))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        months = [d for d in months if start <= d <= end] or [start]
        step = max(1, -(-len(months) // 6))
        return [(d, f"{d:%b %Y}") for d in months[::step]]
    years = [datetime(y, 1, 1, tzinfo=start.tzinfo) for y in range(start.year + 1, end.year + 1)]
    step = max(1, -(-len(years) // 7))
    return [(d, str(d.year)) for d in years[::step]] or [(start, str(start.year))]


def length_chart(chart_id: str, title: str, versions: Sequence[VersionItem],
                 changes: Sequence[ChangeItem], href: Callable[[str], str]) -> Markup:
    """An SVG of word count per version (line) and changes (dots coloured by verdict)."""
    points = sorted(versions, key=lambda v: v.date)
    if len(points) < 2:
        return Markup("")  # a single point is no trend; the timeline says it all
    t0, t1 = points[0].date.timestamp(), points[-1].date.timestamp()
    span = (t1 - t0) or 1.0
    top = max(v.words for v in points) or 1
    low = min(v.words for v in points)
    # Always from zero: a zoomed axis makes a 2% edit look like the policy doubled; the
    # change dots and the text alternative (<desc>) carry the small edits.
    base = 0
    plot_w, plot_h = WIDTH - PAD_L - PAD_R, HEIGHT - PAD_T - PAD_B

    def x(d: datetime) -> float:
        if t1 == t0:
            return PAD_L + plot_w / 2
        return PAD_L + (d.timestamp() - t0) / span * plot_w

    def y(words: int) -> float:
        return PAD_T + plot_h - (words - base) / ((top - base) or 1) * plot_h

    words_at = {v.path: v.words for v in points}
    desc = (f"{len(points)} versions from {points[0].date:%Y-%m-%d} to {points[-1].date:%Y-%m-%d};"
            f" length {_fmt_int(low)} to {_fmt_int(top)} words;"
            f" {len(changes)} changes.")
    out = [f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="group" '
           f'aria-labelledby="{chart_id}-t {chart_id}-d" xmlns="http://www.w3.org/2000/svg">',
           f'<title id="{chart_id}-t">{escape(title)}: length over time</title>',
           f'<desc id="{chart_id}-d">{escape(desc)}</desc>']
    for frac in (0.0, 0.5, 1.0):
        yy = PAD_T + plot_h - frac * plot_h
        out.append(f'<line x1="{PAD_L}" x2="{WIDTH - PAD_R}" y1="{yy:.1f}" y2="{yy:.1f}" '
                   f'stroke="#d1d5db" stroke-width="1"/>')
        out.append(f'<text x="{PAD_L - 6}" y="{yy + 4:.1f}" text-anchor="end" font-size="11" '
                   f'fill="#374151">{_fmt_int(base + (top - base) * frac)}</text>')
    for when, label in _ticks(points[0].date, points[-1].date):
        out.append(f'<text x="{x(when):.1f}" y="{HEIGHT - 8}" text-anchor="middle" '
                   f'font-size="11" fill="#374151">{label}</text>')
    path = " ".join(f"{'M' if i == 0 else 'L'}{x(v.date):.1f},{y(v.words):.1f}"
                    for i, v in enumerate(points))
    out.append(f'<path d="{path}" fill="none" stroke="#0f766e" stroke-width="2"/>')
    for v in points:
        if v.change_path is None:
            out.append(f'<circle cx="{x(v.date):.1f}" cy="{y(v.words):.1f}" r="3" '
                       f'fill="#ffffff" stroke="#0f766e" stroke-width="1.5">'
                       f'<title>{v.date:%Y-%m-%d}: {_fmt_int(v.words)} words'
                       f'{" (first record)" if v.first else ""}</title></circle>')
    for c in changes:
        words = words_at.get(c.new_version_path, 0)
        colour = VERDICT_COLOURS.get(c.verdict, "#1d4ed8")
        label = f"{c.date:%Y-%m-%d} {c.verdict}: {c.headline}"
        out.append(f'<a href="{escape(href(c.path))}" aria-label="{escape(label)}">'
                   f'<circle cx="{x(c.date):.1f}" cy="{y(words):.1f}" r="5.5" fill="{colour}" '
                   f'stroke="#ffffff" stroke-width="1.5"><title>{escape(label)}</title>'
                   f'</circle></a>')
    out.append("</svg>")
    return Markup("".join(out))
