"""Recognise a 200 page that is really a block page, not the policy.

Bot walls, captchas, "enable JavaScript" shells and cookie walls are served with status 200;
recording them would replace a policy with junk and alert every subscriber. The rules are
deliberately conservative: they only look at short texts, because a real policy is long and
may well talk about cookies, JavaScript or access rights.
"""

from __future__ import annotations

import re

# Texts longer than this are never called blocked: no real block page says this much. Each rule
# has its own, smaller limit: the more a phrase could appear in a short real document, the
# shorter the text must be.
MAX_BLOCKED_CHARS = 2000
MAX_COOKIE_WALL_CHARS = 700

_RULES: tuple[tuple[str, int, re.Pattern[str]], ...] = tuple(
    (reason, limit, re.compile(pattern, re.IGNORECASE))
    for reason, limit, pattern in (
        ("Cloudflare challenge", 2000,
         r"checking (if the site connection is secure|your browser before accessing)|attention "
         r"required!? \| cloudflare|just a moment\.\.\.|ddos protection by cloudflare|cloudflare "
         r"ray id|enable javascript and cookies to continue"),
        ("access denied page", 1000,
         r"\baccess (is )?denied\b|\b403 forbidden\b|you don'?t have permission to access|"
         r"the requested url was rejected|you have been blocked|\brequest blocked\b"),
        ("captcha page", 1000,
         r"(complete|solve|enter|fill in) the captcha|captcha (below|challenge|verification)|"
         r"are you a (human|robot)|verify (that )?you are (a )?human|unusual traffic from your "
         r"(computer )?network|complete the security check|prove you'?re not a robot|"
         r"press (&|and) hold"),
        ("\"enable JavaScript\" page", 300,
         r"(please )?(enable|turn on|activate) javascript|javascript (is )?(disabled|required|must "
         r"be enabled)|requires javascript|you need to enable javascript|browser does not "
         r"support javascript"),
    )
)

_COOKIE = re.compile(r"\bcookies?\b", re.IGNORECASE)
# A consent wall's buttons: lines that say nothing but "Accept all", "Manage preferences"...
# (prose such as "change your cookie settings" in a real cookie policy does not count).
_WALL_BUTTON_LINE = re.compile(
    r"^(?!\s*#)\W*((accept|reject|refuse|allow|decline|deny|agree)( all| all cookies| cookies| and "
    r"(continue|close|proceed))?|(manage|cookie|privacy) (settings|preferences|options|choices))"
    r"\W*$", re.IGNORECASE | re.MULTILINE)
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_HEADING = re.compile(r"^#{1,6} ", re.M)

# Markers in the raw HTML of challenge interstitials (checked only when the text is short too).
# Not the scripts bot-protection vendors add to every normal page (Cloudflare's
# /cdn-cgi/challenge-platform/, DataDome's tags.js, Incapsula resources): those would flag real
# short pages.
_HTML_MARKERS = re.compile(
    r"cf-browser-verification|_cf_chl_opt|id=\"challenge-form\"|id=\"px-captcha\"|"
    r"captcha-delivery\.com|incapsula incident id", re.IGNORECASE)
# A captcha widget alone is also what a contact or data-request form shows: only on tiny pages.
_CAPTCHA_WIDGET = re.compile(r"class=\"(g-recaptcha|h-captcha|cf-turnstile)\b", re.IGNORECASE)
MAX_CAPTCHA_WIDGET_CHARS = 300
# Consent walls that stand in for the page (Google, Yahoo and IAB CMP interstitials).
_WALL_MARKERS = re.compile(r"consent\.(google|youtube|yahoo)\.|guce\.(yahoo|oath)\.|"
                           r"<form[^>]+action=\"[^\"]*consent", re.IGNORECASE)
# Consent buttons as <button> elements: extraction drops buttons, so they are looked for in the
# HTML (a wall built with <button>Accept all</button> left only its short prose in the text).
_WALL_BUTTON_HTML = re.compile(
    r"<button\b[^>]*>\s*((accept|reject|refuse|allow|decline|deny|agree)( all| all cookies| "
    r"cookies| and (continue|close|proceed))?|(manage|cookie|privacy) (settings|preferences|"
    r"options|choices))\s*</button>", re.IGNORECASE)


def blocked_reason(text: str, html: str | None = None) -> str | None:
    """Why `text` (extracted from `html`) looks like a block page, or None if it looks real."""
    if len(text) > MAX_BLOCKED_CHARS:
        return None
    if html is not None and (_HTML_MARKERS.search(html) or (
            len(text) <= MAX_CAPTCHA_WIDGET_CHARS and _CAPTCHA_WIDGET.search(html))):
        return "bot challenge page"
    for reason, limit, pattern in _RULES:
        if len(text) <= limit and pattern.search(text):
            return reason
    if len(text) <= MAX_COOKIE_WALL_CHARS and _COOKIE.search(text) \
            and len(_HEADING.findall(text)) < 2:
        if _WALL_BUTTON_LINE.search(_MD_LINK.sub(r"\1", text)) or (
                html is not None and (_WALL_MARKERS.search(html)
                                      or _WALL_BUTTON_HTML.search(html))):
            return "cookie wall"
    return None
