"""A small real workspace for the publishing tests: git repositories with fixed dates.

ACME (configured, two documents) has a first record, a substantive change, a cosmetic
date-stamp change, a technical re-extraction and a change whose text tries to inject script,
`javascript:` links, raw HTML, control characters, a very long line and non-Latin text.
Globex (configured) has two versions and a failing fetch; Initech is an imported repository
that is not in the config.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from tracker.models import (
    CompanyConfig,
    Config,
    DocumentConfig,
    Extracted,
    RecordMeta,
    SiteSettings,
)
from tracker.state import StateStore
from tracker.storage.repo import CompanyRepo
from tracker.workspace import Workspace

INJECTION = "<script>window.__pwned=1</script>"


def when(day: str) -> datetime:
    return datetime.fromisoformat(day + "T09:30:00").replace(tzinfo=timezone.utc)


ACME_V1 = """# ACME Privacy Policy

Last updated: January 2, 2024

## Information We Collect

We collect your name, email address and the pages you visit.

## How We Use Information

We use information to provide and improve our services.

## Data Retention

We keep personal data as long as necessary to provide the services.

## Contact

Write to privacy@acme.example with any question.
"""

ACME_V2 = """# ACME Privacy Policy

Last updated: March 1, 2024

## Information We Collect

We collect your name, email address, precise location and the pages you visit.

## How We Use Information

We use information to provide and improve our services and to show personalised ads.

## Sharing

We share device identifiers with Google Analytics and Facebook for advertising.

## Data Retention

We keep personal data for 30 days after you close your account.

## Your Rights Under the GDPR

You may request access, correction or deletion of your data under the GDPR.

## Contact

Write to privacy@acme.example with any question.
"""

ACME_V3 = ACME_V2.replace("Last updated: March 1, 2024", "Last updated: April 1, 2024")

# Technical re-extraction: same policy, different formatting (not a policy change).
ACME_V4 = ACME_V3.replace("## Sharing\n", "## Sharing \n").replace(
    "We share device identifiers", "We  share device identifiers")

ACME_V5 = ACME_V4 + f"""
## Children

Children under 13 may not use the service. {INJECTION}

Read [our notice](javascript:alert(1)) and [more](data:text/html,<script>alert(2)</script>)
or <a href="javascript:alert(3)" onclick="window.__pwned=2">this raw link</a>
<img src=x onerror="window.__pwned=3">.

Control characters:\x01\x02\x0b\x1b[31m end.

{"A very long line without spaces " + "x" * 3000}

## 国际传输 / Международная передача

您的数据可能被传输到其他国家。Ваши данные могут передаваться в другие страны. البيانات قد تنقل.
"""

TERMS_V1 = """# ACME Terms of Service

## Use of the Service

You must be 18 or older to use the service.

## Disputes

Disputes are settled by the courts of Delaware.
"""

GLOBEX_V1 = """# Globex Privacy Notice

## What we collect

We collect your email address when you subscribe to our newsletter.

## Security

Our servers are protected by industry standard encryption at rest and in transit.

## Sale of data

We do not sell personal information.
"""

GLOBEX_V2 = """# Globex Privacy Notice

## Sale of data

We sell personal information to data brokers unless you opt out under the CCPA.

## Security

Our servers are protected by industry standard encryption at rest and in transit.

## What we collect

We collect your email address and phone number when you subscribe to our newsletter.

Contact us at privacy@globex.example.
"""

INITECH_V1 = "# Initech Privacy\n\nWe collect nothing but TPS reports.\n"
INITECH_V2 = ("# Initech Privacy\n\nWe collect TPS reports and the cover sheets.\n\n"
              "We keep them for 7 years.\n")


def config_for(root: Path, **site: object) -> Config:
    return Config(
        path=root / "tracker.toml",
        site=SiteSettings(title="Policy Watch", description="Test site.", **site),
        companies=(
            CompanyConfig("acme", "ACME <Corp> & Co", homepage="https://acme.example/",
                          documents=(
                              DocumentConfig("privacy-policy", "https://acme.example/privacy"),
                              DocumentConfig("terms-of-service",
                                             "https://acme.example/terms?x=<b>"))),
            CompanyConfig("globex", "Globex", homepage="javascript:alert(4)",
                          documents=(DocumentConfig(
                              "privacy-policy", "https://globex.example/privacy",
                              title="Privacy Notice"),)),
        ))


def record(ws: Workspace, slug: str, doc_type: str, text: str, day: str, *,
           technical: bool = False, url: str = "") -> str | None:
    repo = CompanyRepo.open(ws.repo_path(slug), create=True)
    try:
        return repo.record(doc_type, Extracted(text=text, raw=text.encode(), raw_ext="md"),
                           RecordMeta(source_url=url or f"https://{slug}.example/{doc_type}",
                                      status=200, content_type="text/markdown",
                                      fetcher="file", technical=technical),
                           when(day), doc_type.replace("-", " ").title())
    finally:
        repo.close()


def make_publish_workspace(root: Path) -> tuple[Workspace, Config]:
    """Create the fixture workspace under `root` (a fresh directory)."""
    root.mkdir(parents=True, exist_ok=True)
    ws = Workspace(root)
    config = config_for(root)
    acme = "https://acme.example/privacy"
    record(ws, "acme", "privacy-policy", ACME_V1, "2024-01-10", url=acme)
    record(ws, "acme", "terms-of-service", TERMS_V1, "2024-01-10")
    record(ws, "globex", "privacy-policy", GLOBEX_V1, "2024-02-01")
    record(ws, "globex", "privacy-policy", GLOBEX_V2, "2024-02-20")
    record(ws, "acme", "privacy-policy", ACME_V2, "2024-03-05", url=acme)
    record(ws, "acme", "privacy-policy", ACME_V3, "2024-04-01", url=acme)
    record(ws, "acme", "privacy-policy", ACME_V4, "2024-05-01", technical=True, url=acme)
    record(ws, "acme", "privacy-policy", ACME_V5, "2024-06-15", url=acme)
    record(ws, "initech", "privacy-policy", INITECH_V1, "2023-05-01")
    record(ws, "initech", "privacy-policy", INITECH_V2, "2023-11-01")

    state = StateStore(ws.state_path, failure_threshold=3).load()
    state.record_success("acme", "privacy-policy", when("2024-06-15"), changed=True)
    state.record_success("acme", "terms-of-service", when("2024-06-15"), changed=False)
    for day in ("2024-06-13", "2024-06-14", "2024-06-15"):
        state.record_failure("globex", "privacy-policy", when(day),
                             "HTTP 503 <script>alert('err')</script>\x07")
    state.record_success("globex", "privacy-policy", when("2024-06-16"), changed=False)
    for day in ("2024-06-17", "2024-06-18"):
        state.record_failure("globex", "privacy-policy", when(day), "timeout after 30s")
    state.save()
    return ws, config
