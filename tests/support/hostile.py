"""Hostile policy texts: markup, script, dangerous links, control and bidi characters, other
scripts and a megabyte line, as a Markdown archive (two versions) and as an HTML page."""

from __future__ import annotations

WORDS = ["we", "collect", "data", "share", "partners", "عربي", "中文", "🍪", "cookies", "your"]
LONG_LINE = " ".join(WORDS[i * 7 % len(WORDS)] for i in range(200_000))[:1_000_000]
HOSTILE = (
    "# Privacy Policy <script>window.__pwned = 1</script>\n\n"
    "Read [our terms](javascript:window.__pwned=2) and "
    "[this](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0zPC9zY3JpcHQ+) and "
    "[that](JaVaScRiPt:window.__pwned=4) and [vb](vbscript:msgbox(1)) and "
    "[spaced]( javascript:window.__pwned=9 ).\n\n"
    "<img src=x onerror=\"window.__pwned=5\"> <iframe src=\"javascript:window.__pwned=6\">"
    "</iframe> <svg onload=\"window.__pwned=7\"></svg>\n\n"
    "<a href=\"javascript:window.__pwned=8\">raw link</a> <style>body{display:none}</style>\n\n"
    "Controls: NUL[\0] BEL[\x07] ESC[\x1b] DEL[\x7f] C1[\x9b] NEL[\x85] LS[\u2028] PS[\u2029] "
    "FF[\x0c] VT[\x0b] CR[\r] bidi[\u202eevil\u202c] "
    "isolate[\u2066x\u2069] ]]> &amp; &lt;b&gt; {{ config }} {% raw %}.\n\n"
    "## البيانات التي نجمعها\n\n"
    "نحن نجمع اسمك وبريدك الإلكتروني. 我们收集您的姓名和电子邮件地址。 Мы собираем ваше имя. "
    "🍪🔒👀 (cookies!)\n\n"
    "## Long\n\n" + LONG_LINE + "\n"
)
HOSTILE_V2 = HOSTILE.replace("نحن نجمع اسمك", "نحن نبيع اسمك").replace(
    "## Long", "We now share your data with <b onmouseover=\"window.__pwned=10\">advertisers"
               "</b> and data brokers for targeted advertising.\n\n## Long")


HOSTILE_HTML = (
    "<!doctype html><html><head><meta charset='utf-8'><title>Evil &lt;script&gt;</title>"
    "<script>window.__pwned = 11</script></head><body onload=\"window.__pwned=12\"><main>"
    "<h1>Privacy <img src=x onerror=\"window.__pwned=13\">Policy</h1>"
    "<p>We collect <a href=\"javascript:window.__pwned=14\">your data</a>, see "
    "<a href=\"data:text/html,&lt;script&gt;window.__pwned=15&lt;/script&gt;\">this</a> and "
    "<a href=\"  JAVASCRIPT:window.__pwned=16\">that</a>. Literal text: &lt;script&gt;"
    "window.__pwned = 17&lt;/script&gt; and &lt;img src=x onerror=alert(1)&gt;.</p>"
    "<iframe src=\"javascript:window.__pwned=18\"></iframe><object data=\"x.swf\"></object>"
    "<p style=\"background:url(javascript:window.__pwned=19)\">نحن نجمع بياناتك. 我们收集数据。"
    " 🍪 \u202eevil\u202c</p>" + "<p>We keep records of what we collect and why. </p>" * 20 +
    "</main></body></html>").encode("utf-8")
