"""normalize_text, plain text / Markdown / PDF extraction, and block-page detection."""

from __future__ import annotations

import html as htmllib
from pathlib import Path

import pytest
from tests.support.properties import examples
from tests.support.web import doc
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.extract.blocked import blocked_reason
from tracker.errors import ExtractionError
from tracker.extract import extract, normalize_text

URL = "https://acme.example/privacy"


# -- normalize_text ---------------------------------------------------------------------------

def test_normalize_text_rules() -> None:
    raw = ("\ufeff\r\n\r\nPrivacy\u00a0Policy  \r\n\r\n\r\n\r\n* one\u200b\r\n+ two\r\n"
           "  * nested\t\n\u2022 dot\n* * *\n**bold** start\nCafe\u0301 soft\u00adhyphen\n\n\n")
    assert normalize_text(raw) == ("Privacy Policy\n\n- one\n- two\n  - nested\n- dot\n* * *\n"
                                   "**bold** start\nCafé softhyphen\n")


def test_normalize_text_empty() -> None:
    assert normalize_text("") == "" and normalize_text(" \n\u200b\n\t\n") == ""


def test_normalize_text_line_breaks() -> None:
    assert normalize_text("a\r\nb\rc\fd\u2028e\x85f\vg") == "a\nb\nc\nd\ne\nf\ng\n"


@settings(max_examples=examples(300), deadline=None)
@given(st.text(alphabet=st.sampled_from(
    list("ab *+-_#|\t\r\n\f\u2028\u00a0\u200b\u00ad\u0301e\u2022.1")), max_size=80))
def test_normalize_text_is_idempotent(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once
    assert once == "" or (once.endswith("\n") and not once.endswith("\n\n"))
    assert "\r" not in once and "\n\n\n" not in once


# -- text, Markdown -----------------------------------------------------------------------------

def test_plain_text_is_kept_and_normalised() -> None:
    body = "\ufeffPRIVACY POLICY\r\nWe respect your privacy.   \r\n\r\n\r\nContact us.\r\n".encode()
    result = extract(body, "text/plain", URL, doc(URL))
    assert result.text == "PRIVACY POLICY\nWe respect your privacy.\n\nContact us.\n"
    assert result.raw == body and result.raw_ext == "txt"


def test_markdown_by_type_or_extension() -> None:
    body = "# Terms\n\n* Be nice\n* Pay on time\n".encode()
    for ctype, url in (("text/markdown", URL), ("text/plain", "https://x.test/TERMS.md"),
                       ("application/octet-stream", "https://x.test/terms.markdown")):
        result = extract(body, ctype, url, doc(url))
        assert result.raw_ext == "md" and result.text == "# Terms\n\n- Be nice\n- Pay on time\n"


def test_charset_from_a_full_content_type_header() -> None:
    body = "Привет, мир: политика.".encode("koi8-r")
    result = extract(body, 'text/plain; charset="KOI8-R"', URL, doc(URL))
    assert result.text == "Привет, мир: политика.\n" and result.raw_ext == "txt"


def test_latin1_text_without_label() -> None:
    body = "Données personnelles : nous les protégeons.".encode("latin-1")
    assert extract(body, "text/plain", URL, doc(URL)).text == (
        "Données personnelles : nous les protégeons.\n")


@pytest.mark.parametrize("text, charset", [
    ("Политика конфиденциальности: мы собираем адрес электронной почты.", "cp1251"),
    ("Polityka prywatności: zbieramy adres e-mail i dane dotyczące płatności. Łódź.", "cp1250"),
    ("Πολιτική απορρήτου: συλλέγουμε τη διεύθυνση ηλεκτρονικού ταχυδρομείου.", "cp1253"),
    ("Datenschutzerklärung: Daten gemäß DSGVO, Größe, Straße, Übermittlung.", "cp1252"),
])
def test_unlabelled_legacy_charsets_are_detected(text: str, charset: str) -> None:
    body = f"<html><body><p>{text}</p></body></html>".encode(charset)
    assert extract(body, "text/html", URL, doc(URL)).text == text + "\n"


# -- PDF ----------------------------------------------------------------------------------------

def make_pdf(pages: list[list[str]]) -> bytes:
    """A minimal valid PDF (Helvetica, one text line per entry) written by hand."""
    def esc(s: str) -> str:
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    objs: dict[int, bytes] = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: (f"<< /Type /Pages /Kids [{' '.join(f'{4 + 2 * i} 0 R' for i in range(len(pages)))}]"
            f" /Count {len(pages)} >>").encode(),
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    }
    for i, lines in enumerate(pages):
        content = ("BT /F1 10 Tf 14 TL 72 760 Td "
                   + " ".join(f"({esc(line)}) Tj T*" for line in lines) + " ET").encode("cp1252")
        objs[4 + 2 * i] = (f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources "
                           f"<< /Font << /F1 3 0 R >> >> /Contents {5 + 2 * i} 0 R >>").encode()
        objs[5 + 2 * i] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content)
    out = bytearray(b"%PDF-1.4\n")
    offsets = {}
    for num in sorted(objs):
        offsets[num] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (num, objs[num])
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % offsets[n] for n in sorted(objs))
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def test_pdf_pages_are_dehyphenated_and_reflowed() -> None:
    body = make_pdf([
        ["Privacy Policy",
         "",
         "We collect the personal information you give us when you create an",
         "account, including your name, e-mail address and billing informa-",
         "tion, and we keep it only as long as the law requires us to keep it.",
         "",
         "1. Your rights",
         "You may ask for a copy of your data at any time by writing to us."],
        ["2. Contact",
         "Write to privacy@acme.example."],
    ])
    result = extract(body, "application/pdf", URL, doc(URL))
    assert result.raw_ext == "pdf" and result.raw == body
    assert result.text == (
        "Privacy Policy\n\nWe collect the personal information you give us when you create an "
        "account, including your name, e-mail address and billing information, and we keep it "
        "only as long as the law requires us to keep it.\n\n1. Your rights\n\nYou may ask for a "
        "copy of your data at any time by writing to us.\n\n2. Contact\n\n"
        "Write to privacy@acme.example.\n")


def test_pdf_sniffed_without_content_type_and_broken_pdf_is_clear() -> None:
    body = make_pdf([["Terms of Service", "Be nice."]])
    assert extract(body, "application/octet-stream", URL, doc(URL)).raw_ext == "pdf"
    with pytest.raises(ExtractionError, match="unreadable PDF"):
        extract(b"%PDF-1.4\ngarbage", "application/pdf", URL, doc(URL))
    with pytest.raises(ExtractionError, match="no text extracted"):
        extract(make_pdf([[]]), "application/pdf", URL, doc(URL))


# -- blocked pages --------------------------------------------------------------------------------

@pytest.mark.parametrize("text, reason", [
    ("# Access Denied\n\nYou don't have permission to access \"/privacy\" on this server.\n",
     "access denied"),
    ("403 Forbidden\n\nnginx\n", "access denied"),
    ("Please verify you are a human\n\nPress & Hold\n", "captcha"),
    ("Our systems have detected unusual traffic from your computer network.\n", "captcha"),
    ("Just a moment...\n\nEnable JavaScript and cookies to continue\n", "Cloudflare"),
    ("This site requires JavaScript. Please enable JavaScript in your browser.\n", "JavaScript"),
    ("# We value your privacy\n\nWe and our partners use cookies to personalise content.\n\n"
     "Accept all\n\nReject all\n\nManage preferences\n", "cookie wall"),
])
def test_block_pages_are_recognised(text: str, reason: str) -> None:
    assert reason in (blocked_reason(text) or "")


def test_block_page_markers_in_html() -> None:
    assert blocked_reason("One moment, please.\n", '<div class="g-recaptcha"></div>') == \
        "bot challenge page"
    assert blocked_reason("Please wait.\n", "<script>window._cf_chl_opt={}</script>") == \
        "bot challenge page"
    # Bot-protection scripts on a normal short page, and a form with a captcha, are not blocks.
    imprint = "# Imprint\n\nAcme Ltd., 1 Main St, Springfield. Registered in England, no. 1234.\n"
    assert blocked_reason(imprint, '<script src="/cdn-cgi/challenge-platform/h/b/scripts/jsd/'
                                   'main.js"></script><script src="https://js.datadome.co/tags.js">'
                                   "</script>") is None
    request_form = ("# Data subject requests\n\nUse this form to ask for a copy of your data, its "
                    "correction or deletion. We answer within one month, as the GDPR requires. "
                    "We may ask you to prove your identity before we act on a request, and we "
                    "keep a record of each request for three years. Requests made on behalf of "
                    "someone else need their written permission.\n")
    assert len(request_form) > 300
    assert blocked_reason(request_form, '<form><div class="g-recaptcha"></div></form>') is None
    buttons_wall = "We and our partners use cookies to personalise ads and measure traffic.\n"
    assert blocked_reason(buttons_wall, "<p>We and our partners use cookies...</p><button>Accept "
                                        "all</button><button>Reject all</button>") == "cookie wall"
    wall = ("Before you continue\n\nWe use cookies and data to deliver and maintain our "
            "services.\n")
    assert blocked_reason(wall, '<form action="https://consent.google.com/save">') == "cookie wall"
    assert blocked_reason(wall, "<p>no consent form here</p>") is None


def test_short_real_documents_are_not_blocked() -> None:
    cookie_notice = ("# Cookie Policy\n\nWe use cookies to keep you signed in. You can accept or "
                     "reject cookies in your browser settings; rejecting them may break login.\n\n"
                     "## Contact\n\nprivacy@acme.example\n")
    assert blocked_reason(cookie_notice) is None
    assert blocked_reason("# Imprint\n\nAcme Ltd., 1 Main St, Springfield.\n") is None


def test_seed_policies_are_never_blocked(shared_dir: Path) -> None:
    seeds = sorted((shared_dir / "seeds").glob("*.txt"))
    assert len(seeds) == 5
    banner = ("<div id='cookie-banner'><p>We use cookies.</p><button>Accept all</button></div>"
              "<noscript>Please enable JavaScript</noscript>")
    for seed in seeds:
        text = seed.read_text(encoding="utf-8")
        assert extract(text.encode(), "text/plain", URL, doc(URL)).text.strip()
        paragraphs = "".join(f"<p>{htmllib.escape(p)}</p>" for p in text.split("\n\n"))
        page = f"<html><body>{banner}<main>{paragraphs}</main></body></html>"
        result = extract(page.encode(), "text/html", URL, doc(URL), encoding="utf-8")
        assert "Accept all" not in result.text and len(result.text) > 0.6 * len(text)


@pytest.mark.corpus
def test_corpus_policies_are_never_blocked(corpus_dir: Path) -> None:
    files = sorted(corpus_dir.glob("*/*/*.md")) + sorted(corpus_dir.glob("*/*/*.txt"))
    assert len(files) > 300
    flagged = [f.name for f in files
               if blocked_reason(normalize_text(f.read_text(encoding="utf-8", errors="replace")))]
    assert flagged == []


def test_short_documents_using_block_words_in_passing_are_kept() -> None:
    texts = [
        "# Cookie settings\n\nSome features need cookies. Please enable JavaScript to change your "
        "cookie settings, or use your browser's controls instead. We keep consent records for "
        "12 months. Analytics cookies expire after 13 months; functional cookies after 1 year. "
        "You can withdraw consent at any time from the footer link on every page of the site, "
        "and we will stop setting non-essential cookies from that moment on.\n",
        "# Acceptable use\n\nAutomated access is forbidden. We use a CAPTCHA on sign-up forms "
        "to stop bots. Accounts that abuse the service may be suspended.\n",
    ]
    for text in texts:
        assert blocked_reason(text) is None, text
