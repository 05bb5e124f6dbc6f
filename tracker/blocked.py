"""Recognise a 200 page that is really a block page, not the policy.

Bot walls, captchas, "enable JavaScript" shells and cookie walls are served with status 200;
recording them would replace a policy with junk and alert every subscriber. The rules are
deliberately conservative: they only look at short texts, because a real policy is long and
may well talk about cookies, JavaScript or access rights.
"""

from __future__ import annotations

import re

# Texts longer than this are never called blocked: no real block page says this much.
MAX_BLOCKED_CHARS = 2000
# Cookie walls are judged on even shorter texts: a short cookie policy is a real document.
MAX_COOKIE_WALL_CHARS = 700

_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (reason, re.compile(pattern, re.IGNORECASE))
    for reason, pattern in (
        ("Cloudflare challenge", r"checking (if the site connection is secure|your browser before"
                                 r" accessing)|attention required!? \| cloudflare|just a moment\.\.\."
                                 r"|ddos protection by cloudflare|cloudflare ray id|"
                                 r"enable javascript and cookies to continue"),
        ("access denied page", r"\baccess (is )?denied\b|\b403 forbidden\b|you don'?t have "
                               r"permission to access|request (was )?(blocked|rejected)|"
                               r"\bforbidden\b.{0,40}\b(access|request)\b|you have been blocked"),
        ("captcha page", r"\bcaptcha\b|are you a (human|robot)|verify (that )?you are (a )?human|"
                         r"unusual traffic from your (computer )?network|complete the security check|"
                         r"prove you'?re not a robot|press (&|and) hold"),
        ("\"enable JavaScript\" page", r"(please )?(enable|turn on|activate) javascript|javascript "
                                       r"(is )?(disabled|required|must be enabled)|requires javascript|"
                                       r"you need to enable javascript|browser does not support "
                                       r"javascript"),
    )
)

_COOKIE = re.compile(r"\bcookies?\b", re.IGNORECASE)
# Button wording of consent walls (not the prose a cookie policy uses to explain choices).
_COOKIE_WALL_ACTION = re.compile(
    r"\b(accept|reject|refuse|allow|decline|deny) (all|all cookies|cookies)\b|\bagree and "
    r"(continue|proceed|close)\b|\b(manage|cookie|privacy) (settings|preferences|options|choices)\b"
    r"|\bconsent to (the use of )?cookies to (continue|proceed)\b", re.IGNORECASE)
_HEADING = re.compile(r"^#{1,6} ", re.M)

# Markers in the raw HTML of challenge pages (checked only when the text is short as well).
_HTML_MARKERS = re.compile(
    r"cf-browser-verification|challenge-platform|_cf_chl_opt|cf_chl_|class=\"(g-recaptcha|h-captcha)"
    r"|id=\"challenge-form\"|px-captcha|/_Incapsula_Resource|datadome", re.IGNORECASE)


def blocked_reason(text: str, html: str | None = None) -> str | None:
    """Why `text` (extracted from `html`) looks like a block page, or None if it looks real."""
    if len(text) > MAX_BLOCKED_CHARS:
        return None
    if html is not None and _HTML_MARKERS.search(html):
        return "bot challenge page"
    for reason, pattern in _RULES:
        if pattern.search(text):
            return reason
    if (len(text) <= MAX_COOKIE_WALL_CHARS and _COOKIE.search(text)
            and _COOKIE_WALL_ACTION.search(text) and len(_HEADING.findall(text)) < 2):
        return "cookie wall"
    return None
