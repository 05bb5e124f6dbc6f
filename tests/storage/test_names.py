"""The one slug rule, the one utc() and the one text hash (feed GUIDs depend on it)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from tests.support.records import META, T0, ex

from tracker.config.loading import is_safe_slug as config_rule
from tracker.models import utc
from tracker.names import is_safe_slug, slug_of_name, slugify, text_hash
from tracker.publish.summaries import change_guid
from tracker.storage.repo import CompanyRepo

TEXT = "We collect your e-mail address.\n"


def test_published_guids_and_hashes_do_not_change() -> None:
    # values produced by the code before the hashes were unified: published feeds carry them
    assert text_hash(TEXT) == "da6fd5f9e15e7bba7c4fcc22cc15c723699603fcf793bfa4656a90a1c7bcef3b"
    assert text_hash(TEXT.encode("utf-8")) == text_hash(TEXT)
    paris = datetime(2024, 5, 9, 10, 15, tzinfo=timezone(timedelta(hours=2)))
    guid = "urn:uuid:c801f07d-83a0-56ed-9c3c-e72a837650e6"
    assert change_guid("acme", "privacy-policy", text_hash(TEXT), paris) == guid
    assert change_guid("acme", "privacy-policy", text_hash(TEXT),
                       datetime(2024, 5, 9, 8, 15)) == guid  # naive = UTC, same instant


def test_the_repository_reports_the_same_text_hash(tmp_path) -> None:
    with CompanyRepo.open(tmp_path / "acme", create=True) as repo:
        repo.record("privacy-policy", ex(TEXT), META, T0, "Privacy Policy")
        assert repo.versions("privacy-policy")[0].text_hash == text_hash(TEXT)


def test_utc_treats_naive_as_utc_and_converts_aware() -> None:
    naive = datetime(2024, 1, 1, 12, 0)
    assert utc(naive) == datetime(2024, 1, 1, 12, 0, tzinfo=timezone.utc)
    aware = datetime(2024, 1, 1, 12, 0, tzinfo=timezone(timedelta(hours=-5)))
    assert utc(aware).utcoffset() == timedelta(0) and utc(aware).hour == 17


@pytest.mark.parametrize("name, slug", [
    ("Acme", "acme"), ("acme.com", "acme.com"), ("..", None), ("-rf", None), ("a b", None),
    ("x.lock", None), ("a" * 65, None), (".hidden", None),
])
def test_one_slug_rule_for_folders_and_config(name: str, slug: str | None) -> None:
    assert slug_of_name(name) == slug
    assert config_rule is is_safe_slug  # the config validates with the very same function
    assert is_safe_slug(slugify(name))
