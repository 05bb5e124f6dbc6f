"""What a feed reader sees: headlines that state the change, values attached to their own
sentence's practice, names inside statements instead of word lists."""

from __future__ import annotations

from tracker.changes import compare
from tracker.changes.summary import new_names
from tracker.changes.values import value_changes

CHILDREN = ("## Children\n\nWe do not knowingly collect data from children under 18. "
            "If a child under the age of 18 has provided data, we delete it.\n")


def test_age_change_is_a_children_change_not_retention(policy: str) -> None:
    old = policy.replace("## Contact Us", CHILDREN + "\n## Contact Us")
    r = compare(old, old.replace("18", "16"))
    (st,) = [s for s in r.statements if s["old"] == "18"]        # two sentences, one fact
    assert st["topic"] == "children" and st["new"] == "16" and st["text"].endswith("(was: 18)")
    assert "16" in st["text"] and "children" in st["text"]
    assert not any(s["topic"] == "retention" for s in r.statements), r.bullets
    assert "16" in r.headline and "children" in r.headline
    assert all(c.topics[0] == "children" for c in r.changes if c.kind == "reworded")


def test_retention_period_change_is_a_value_change(policy: str) -> None:
    r = compare(policy, policy.replace("30 days", "90 days"))
    assert r.bullets[0] == "The company keeps your data for 90 days after you close your account (was: 30 days)"
    assert r.statements[0]["impact"] == "retention-changed" and r.statements[0]["old"] == "30 days"
    assert r.headline.startswith("The company keeps your data for 90 days")


def test_period_outside_retention_is_not_called_retention() -> None:
    (v,) = value_changes("You may cancel within 14 days of purchase.", "You may cancel within 30 days of purchase.")
    assert v.kind == "durations" and v.topic != "retention"
    (k,) = value_changes("Logs are deleted after 14 days.", "Logs are deleted after 30 days.")
    assert k.topic == "retention" and k.bullet == "Retention: 14 days → 30 days"


def test_contact_email_and_plain_numbers() -> None:
    (v,) = value_changes("Write to info@example.com.", "Write to privacy@example.com.")
    assert v.topic == "contact" and "info@example.com → privacy@example.com" in v.bullet
    assert value_changes("We have 3 offices.", "We have 4 offices.") == []


def test_headline_names_facts_not_topic_lists(policy: str) -> None:
    new = (policy.replace("30 days", "90 days")
           .replace("## Contact Us", "## Analytics\n\nWe use Google Analytics cookies to measure traffic.\n\n"
                                     "## Contact Us"))
    r = compare(policy, new)
    assert "90 days" in r.headline and len(r.headline) < 140
    assert any("Google Analytics" in b for b in r.bullets), r.bullets
    assert "changes to" not in r.headline and "[" not in r.headline and "…" not in r.headline
    assert not any(b.startswith(("Topics changed", "Key new terms", "Newly named")) for b in r.bullets)


def test_flip_is_stated_in_plain_words(policy: str) -> None:
    r = compare(policy, policy.replace("We will not sell your personal information",
                                       "We may sell your personal information"))
    assert r.headline.startswith("The company may sell your personal information")
    added = compare(policy, policy.replace("We use your information to provide and improve the Service.",
                                           "We do not use your information to train models."))
    assert "New commitment: the company does not use your information to train models" in added.bullets, added.bullets


def test_minor_headline_states_the_wording(policy: str) -> None:
    r = compare(policy, policy.replace("answers within two weeks", "answers quickly"))
    assert r.verdict in ("minor", "substantive")
    assert "answers quickly" in r.headline and not r.headline.startswith("Minor change")


def test_new_names_are_proper_names_new_to_the_policy() -> None:
    changed = ["If you live in the EEA, Reddit Netherlands B.V. is the controller.",
               "Read Hotjar's policy.", "Please contact us. Together we protect your data."]
    names = new_names(changed, "we collect data. read our policy. together with partners.")
    assert "Reddit Netherlands" in names and "EEA" in names
    assert "Hotjar" in names
    assert "Together" not in names and "Read Hotjar" not in names and "Please" not in names
    assert new_names(["We use Stripe."], "payments by stripe") == []



def test_noise_words_never_become_a_bullet(policy: str) -> None:
    new = policy.replace("## Contact Us", "## Analytics\n\nYou can prevent Google Analytics from recognizing you "
                                          "by installing the opt-out add-on or by disabling it.\n\n## Contact Us")
    r = compare(policy, new)
    assert not any(b.startswith("Key new terms") for b in r.bullets), r.bullets
    assert any("Google Analytics" in b for b in r.bullets)


def test_one_new_section_is_told_by_what_it_says(policy: str) -> None:
    title = "What additional rights do California residents have?"
    new = policy.replace("## Contact Us", f"## {title}\n\nCalifornia residents may request deletion of "
                                          "the personal information we collected.\n\n## Contact Us")
    r = compare(policy, new)
    assert "California residents may request deletion" in r.headline
    assert f"Adds a section “{title}”" in r.bullets
    assert "1 new sections" not in r.headline


def test_name_cut_from_generic_words_is_dropped() -> None:
    names = new_names(["You can use the Do Not Sell or Share My Personal Information link to opt out."],
                      "we share personal information with partners")
    assert "Share My" not in names and "Do Not Sell" in names
