"""The [wayback] table of tracker.toml: defaults, validation, and errors naming the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from tracker.config import parse_config
from tracker.errors import ConfigError
from tracker.models import WaybackSettings

PATH = Path("tracker.toml")


def test_defaults_are_the_wayback_machine_at_a_polite_rate():
    settings = parse_config("", PATH).wayback
    assert settings == WaybackSettings()
    assert settings.url == "https://web.archive.org"
    assert 0 < settings.requests_per_minute < 30


def test_a_local_archive_may_go_fast():
    settings = parse_config('[wayback]\nurl = "http://127.0.0.1:8080/"\n'
                            "requests_per_minute = 6000\n", PATH).wayback
    assert settings == WaybackSettings("http://127.0.0.1:8080", 6000.0)


@pytest.mark.parametrize("text, key, words", [
    ('[wayback]\nrequests_per_minute = 60\n', "wayback.requests_per_minute", "at most 30"),
    ('[wayback]\nurl = "https://archive.org"\nrequests_per_minute = 31\n',
     "wayback.requests_per_minute", "at most 30"),
    ('[wayback]\nrequests_per_minute = 0\n', "wayback.requests_per_minute", "between"),
    ('[wayback]\nrequests_per_minute = "fast"\n', "wayback.requests_per_minute", "a number"),
    ('[wayback]\nrequests_per_minute = nan\n', "wayback.requests_per_minute", "finite"),
    ('[wayback]\nurl = "ftp://archive.example"\n', "wayback.url", "only http and https"),
    ('[wayback]\nurl = "https://archive.example/?q=1"\n', "wayback.url", "without query"),
    ('[wayback]\nurl = 5\n', "wayback.url", "a string"),
    ('[wayback]\ndelay = 5\n', "wayback.delay", "unknown key"),
    ('wayback = "https://web.archive.org"\n', "wayback", "must be a table"),
])
def test_bad_values_are_reported_with_the_key(text, key, words):
    with pytest.raises(ConfigError) as err:
        parse_config(text, PATH)
    assert err.value.key == key and words in str(err.value) and "tracker.toml" in str(err.value)


def test_the_starter_config_documents_the_table_with_valid_values():
    from tracker.config import STARTER_CONFIG

    lines = STARTER_CONFIG.splitlines()
    start = lines.index("# [wayback]")
    block = [line[2:] for line in lines[start:start + 3]]
    assert parse_config("\n".join(block), PATH).wayback == WaybackSettings()
