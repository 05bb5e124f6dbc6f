"""Config loading: every invalid entry is reported with file, company and key."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.config.loading import add_document, is_safe_slug, load_config, parse_config
from tracker.errors import ConfigError

GOOD = """
[site]
title = "Watch"
feed_items = 20

[fetch]
user_agent = "policy-tracker-test (+https://example.org/contact)"
timeout = 5
per_host_delay = 0.5

[[companies]]
slug = "acme"
name = "Acme Inc."
homepage = "https://acme.example"

[[companies.documents]]
type = "privacy-policy"
url = "https://acme.example/privacy?utm_source=x"
select = ["main", "#policy"]
remove = [".cookie-banner"]
strip_params = ["ref"]

[[companies.documents]]
type = "terms-of-service"
url = "https://acme.example/terms"
browser = true
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "tracker.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_good_config_loads_every_setting(tmp_path):
    config = load_config(write(tmp_path, GOOD))
    assert config.site.title == "Watch" and config.site.feed_items == 20
    assert config.fetch.timeout == 5.0 and config.fetch.per_host_delay == 0.5
    (acme,) = config.companies
    assert (acme.slug, acme.name, acme.homepage) == ("acme", "Acme Inc.", "https://acme.example")
    policy, terms = acme.documents
    assert policy.select == ("main", "#policy") and policy.remove == (".cookie-banner",)
    assert "ref" in policy.strip_params and "utm_*" in policy.strip_params
    assert terms.browser and terms.display_title == "Terms of Service"


@pytest.mark.parametrize("snippet, company, key, words", [
    ("[[companies]]\nslug='a'\nfoo=1\n[[companies.documents]]\nurl='https://a.example'",
     "a", "foo", "unknown key"),
    ("[[companies]]\nslug='../etc'\n[[companies.documents]]\nurl='https://a.example'",
     "../etc", "slug", "unsafe"),
    ("[[companies]]\nslug='a/b'\n[[companies.documents]]\nurl='https://a.example'",
     "a/b", "slug", "unsafe"),
    ("[[companies]]\nslug='.hidden'\n[[companies.documents]]\nurl='https://a.example'",
     ".hidden", "slug", "unsafe"),
    ("[[companies]]\nslug='--upload-pack=x'\n[[companies.documents]]\nurl='https://a.example'",
     "--upload-pack=x", "slug", "unsafe"),
    ("[[companies]]\nslug='a'\n[[companies.documents]]\nurl='ftp://a.example/x'",
     "a", "documents[0].url", "scheme 'ftp'"),
    ("[[companies]]\nslug='a'\n[[companies.documents]]\nurl='javascript:alert(1)'",
     "a", "documents[0].url", "not allowed"),
    ("[[companies]]\nslug='a'\n[[companies.documents]]\nurl='file:///etc/passwd'",
     "a", "documents[0].url", "allow_file_urls"),
    ("[[companies]]\nslug='a'\n[[companies.documents]]\nurl='https://'",
     "a", "documents[0].url", "no host"),
    ("[[companies]]\nslug='a'\n[[companies.documents]]\ntype='../x'\nurl='https://a.example'",
     "a", "documents[0].type", "unsafe"),
    ("[[companies]]\nslug='a'\n[[companies.documents]]\nurl='https://a.example'\nselect='main'",
     "a", "documents[0].select", "list"),
    ("[[companies]]\nslug='a'\n[[companies.documents]]\nurl='https://a.example'\nselect=['<<']",
     "a", "documents[0]", "invalid CSS selector"),
    ("[[companies]]\nslug='a'", "a", "documents", "at least one"),
    ("[[companies]]\nname='x'\n[[companies.documents]]\nurl='https://a.example'",
     "companies[0]", "slug", "missing"),
])
def test_bad_entries_name_file_company_and_key(tmp_path, snippet, company, key, words):
    path = write(tmp_path, snippet)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    error = info.value
    assert error.file == str(path)
    assert error.company == company and error.key == key
    assert words in str(error) and str(path) in str(error)
    assert error.exit_code == 2


def test_duplicate_slugs_and_types(tmp_path):
    text = ("[[companies]]\nslug='a'\n[[companies.documents]]\nurl='https://a.example'\n"
            "[[companies.documents]]\nurl='https://a.example/2'\n"
            "[[companies]]\nslug='a'\n[[companies.documents]]\nurl='https://a.example'\n")
    with pytest.raises(ConfigError) as info:
        load_config(write(tmp_path, text))
    message = str(info.value)
    assert "duplicate document type 'privacy-policy'" in message
    assert "duplicate slug" in message
    assert len(info.value.problems) == 2  # all problems reported in one go


@pytest.mark.parametrize("snippet, key", [
    ("[fetch]\ntimeout = 'soon'", "fetch.timeout"),
    ("[fetch]\ntimeout = true", "fetch.timeout"),
    ("[fetch]\nconcurrency = 0", "fetch.concurrency"),
    ("[fetch]\nmax_shrink = 1.5", "fetch.max_shrink"),
    ("[fetch]\ntimeout = inf", "fetch.timeout"),
    ("[site]\nfeed_items = -1", "site.feed_items"),
    ("[site]\ncolor = 'red'", "site.color"),
    ("[site]\nbase_url = 'not a url'", "site.base_url"),
    ("site = 3", "site"),
    ("companies = 3", "companies"),
    ("extra = 1", "extra"),
])
def test_bad_settings(tmp_path, snippet, key):
    with pytest.raises(ConfigError) as info:
        load_config(write(tmp_path, snippet))
    assert info.value.key == key


def test_unreadable_configs_are_config_errors(tmp_path):
    with pytest.raises(ConfigError, match="not found"):
        load_config(tmp_path / "missing.toml")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(write(tmp_path, "[[companies]\n"))
    bad = tmp_path / "latin.toml"
    bad.write_bytes(b"[site]\ntitle = '\xe9'\n")
    with pytest.raises(ConfigError, match="not UTF-8"):
        load_config(bad)


def test_file_urls_only_when_allowed(tmp_path):
    text = ("[fetch]\nallow_file_urls = true\n[[companies]]\nslug='a'\n"
            "[[companies.documents]]\nurl='file:///tmp/policy.html'\n")
    assert load_config(write(tmp_path, text)).companies[0].documents[0].url.startswith("file:")


@pytest.mark.parametrize("name, safe", [
    ("acme", True), ("acme-2.co_uk", True), ("a", True), ("", False), ("..", False),
    ("a..b", False), ("-x", False), (".x", False), ("A", False), ("a/b", False),
    ("a\\b", False), ("/abs", False), ("x" * 65, False), ("x.lock", False), ("a b", False),
    ("--upload-pack=touch", False), ("ä", False),
])
def test_safe_slugs(name, safe):
    assert is_safe_slug(name) is safe


def test_add_document_keeps_comments_and_validates(tmp_path):
    path = write(tmp_path, "# my comment\n" + GOOD)
    add_document(path, "globex", "https://globex.example/privacy", name="Globex")
    text = path.read_text()
    assert text.startswith("# my comment")
    config = load_config(path)
    assert config.company("globex").documents[0].url == "https://globex.example/privacy"
    add_document(path, "globex", "https://globex.example/terms", doc_type="terms-of-service")
    assert len(load_config(path).company("globex").documents) == 2
    before = path.read_text()
    with pytest.raises(ConfigError, match="already has"):
        add_document(path, "globex", "https://globex.example/x", doc_type="terms-of-service")
    with pytest.raises(ConfigError):
        add_document(path, "evil", "javascript:alert(1)")
    assert path.read_text() == before  # a bad add never breaks the config


toml_values = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 10**12) | st.floats(allow_nan=True)
    | st.text(max_size=30),
    lambda children: st.lists(children, max_size=3)
    | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=12,
)
keys = st.sampled_from(["site", "fetch", "companies", "slug", "name", "documents", "url", "type",
                        "select", "remove", "timeout", "max_shrink", "browser", "homepage",
                        "feed_items", "strip_params", "concurrency", "x"])


def _to_toml(value) -> str:
    import tomlkit
    return tomlkit.dumps(value)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(keys, st.recursive(
    toml_values, lambda c: st.dictionaries(keys, c, max_size=4) | st.lists(
        st.dictionaries(keys, c, max_size=4), max_size=3), max_leaves=20), max_size=4))
def test_fuzzed_configs_raise_only_config_errors(data):
    try:
        text = _to_toml(data)
    except Exception:
        return  # not representable as TOML (e.g. None); nothing to feed the loader
    try:
        parse_config(text, Path("fuzz.toml"))
    except ConfigError:
        pass


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_fuzzed_text_raises_only_config_errors(text):
    try:
        parse_config(text, Path("fuzz.toml"))
    except ConfigError:
        pass



_IDENTS = st.from_regex(r"\A-?[A-Za-z_][A-Za-z0-9_-]{0,6}\Z")
_VALUES = _IDENTS | st.text("ab \"'\\]>-", max_size=5).map(lambda v: f'"{v}"') \
    | st.text("ab \"'\\]-", max_size=5).map(lambda v: f"'{v}'")
_ATTRS = st.builds(lambda n, op, v: f"[{n}]" if op is None else f"[{n}{op}{v}]", _IDENTS,
                   st.none() | st.sampled_from(["=", "~=", "|=", "^=", "$=", "*=", "!="]),
                   _VALUES)
_PARTS = st.lists(st.builds(lambda k, n: f"{k}{n}", st.sampled_from([".", "#"]), _IDENTS)
                  | _ATTRS | st.sampled_from([":first-child", ":not(a)", "::x"]), max_size=3)
_COMPOUNDS = st.builds(lambda head, parts: head + "".join(parts),
                       st.sampled_from(["", "*"]) | _IDENTS, _PARTS)
_SEPARATORS = st.sampled_from([" ", ">", " > ", "\t", "\n>", "+", " ~ ", ",", ", ", "  "])
_SELECTORS = st.builds(lambda first, rest, pad: pad[0] + first + "".join(a + b for a, b in rest)
                       + pad[1], _COMPOUNDS, st.lists(st.tuples(_SEPARATORS, _COMPOUNDS),
                                                       max_size=3),
                       st.sampled_from([("", ""), (" ", ""), ("", " "), ("", ",")]))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_SELECTORS | st.text("ab.#[]=\"'*> ,-:1", max_size=12))
def test_selectors_validated_without_soupsieve_are_ones_soupsieve_compiles(selector):
    """The fast path of the selector check accepts only what soupsieve compiles: the
    verdict on every selector is the one soupsieve gives."""
    import soupsieve

    from tracker.config.schema import PLAIN_SELECTOR, _valid_selector

    try:
        soupsieve.compile(selector)
        compiles = True
    except Exception:  # noqa: BLE001 - soupsieve raises several kinds
        compiles = False
    if PLAIN_SELECTOR.fullmatch(selector):
        assert compiles, selector
    assert _valid_selector(selector) is compiles


def test_the_usual_selectors_take_the_fast_path():
    from tracker.config.schema import PLAIN_SELECTOR

    for selector in ("article.policy", "main > article", "#content .legal", "div[role=main]",
                     "a[href^='https:'], nav", "*", ".a.b#c"):
        assert PLAIN_SELECTOR.fullmatch(selector), selector
    for selector in ("a:first-child", "a + b", "1a", "a >", " a", "a[x='\\']"):
        assert not PLAIN_SELECTOR.fullmatch(selector), selector
