"""A rewording weighs by what its changed words do: a cross-reference renumbered ('Section 15' ->
'Section 14') changes no practice (tracker.changes.trivial), a law's section does."""

from tracker.changes.report import Change
from tracker.changes.trivial import is_trivial


def test_a_renumbered_cross_reference_is_no_change() -> None:
    renumbered = Change("reworded", "", "Please contact us as provided in Section 15 below.",
                        "Please contact us as provided in Section 14 below.", ("contact",), True, ())
    law = Change("reworded", "", "We rely on Section 1798.100 of the CCPA.", "We rely on Section 1798.105 of the CCPA.",
                 ("legal-basis",), True, ())
    assert is_trivial(renumbered)
    assert not is_trivial(law)


def test_spaces_and_an_outline_number_are_no_change() -> None:
    spaced = Change("reworded", "", "Write to Acme LLC4235 Redwood AvenueLos Angeles.",
                    "Write to Acme LLC 4235 Redwood Avenue Los Angeles.", ("contact",), True, ())
    renumbered = Change("reworded", "", "3.2 The Software accesses your files locally.",
                        "3.2.1 The Software accesses your files locally.", ("collection",), True, ())
    worded = Change("reworded", "", "We keep your files for 2 years.", "We keep your files for 3 years.", ("retention",), True, ())
    assert is_trivial(spaced) and is_trivial(renumbered)
    ages = Change("reworded", "", "13 year olds may join with consent.", "16 year olds may join with consent.", ("children",), True, ())
    assert not is_trivial(worded) and not is_trivial(ages)


def test_one_name_for_another_is_said_not_counted() -> None:
    from tracker.changes import compare
    base = ("Acme Privacy Policy\n\nWe collect your name and email address when you sign up. We use your information "
            "to provide the service.\n\n## 13. Location of Data and Data Processing\n\n"
            "Acme complies with the EU-U.S. Data Privacy Framework.\n\n")
    said = ("You may contact {}, our U.S.-based alternative dispute resolution provider, for more information or to "
            "file a complaint, at no cost to you.\n")
    r = compare(base + said.format("NAM"), base + said.format("JAMS"))
    assert r.headline == "Now names JAMS instead of NAM as its U.S.-based alternative dispute resolution provider", r.headline


def test_a_word_inside_a_name_is_no_name_swap() -> None:
    from tracker.changes import compare
    base = "Acme Privacy Policy\n\nWe collect your name and email address when you sign up.\n\n## Facebook\n\n"
    said = ("For more information about how Facebook collects, uses, and shares information and how to control it, "
            "please see the Facebook {} Policy, which governs its own services and those of its many affiliates.\n")
    r = compare(base + said.format("Data"), base + said.format("Privacy"))
    assert "instead of Data" not in r.headline, r.headline
