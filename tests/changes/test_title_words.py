"""A capitalised word of a title dropped or added ('This Online Privacy Policy' -> 'This Privacy
Policy') is no name a summary says is gone or new, when the text writes the word in lower case
elsewhere; a real name dropped still is."""
from tracker.changes import compare

_REST = ("We collect your name and e-mail address when you register. You can browse our site online "
         "without an account. We share your e-mail address with our e-mail delivery provider. ")


def test_a_title_word_dropped_is_no_name_gone() -> None:
    old = _REST + "This Online Privacy Policy applies to your use of websites and apps provided by Acme Corporation."
    new = _REST + "This Privacy Policy applies to your use of websites and apps provided by Acme Corporation."
    report = compare(old, new)
    assert not any("names Online" in b for b in [report.headline, *report.bullets])


def test_a_real_name_dropped_is_still_said() -> None:
    old = _REST + "We share usage data with Chartbeat to measure our audience."
    new = _REST + "We share usage data to measure our audience."
    report = compare(old, new)
    assert any("Chartbeat" in b for b in [report.headline, *report.bullets])
