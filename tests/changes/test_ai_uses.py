"""The user's data put to AI uses (tracker.changes.rules.ai): trained into models or handled by AI
tools and providers, said as a named new purpose that leads a rewording and weighs in the verdict."""

from tracker.changes import compare
from tracker.changes.report import Change
from tracker.changes.rules.ai import trains_on_user_data
from tracker.changes.verdict import starts_ai_training

BASE = ("Acme Privacy Policy\n\nWe collect your name and email address when you sign up. We use your information to "
        "provide the service. We share data with payment processors. We keep your data for 2 years.\n\n")


def _added(sentence: str) -> Change:
    return Change("added", "", None, sentence, ("ai",), True, ())


def test_training_on_user_data_is_a_named_major_change() -> None:
    r = compare(BASE, BASE + "We may use your information to train our machine learning models.\n")
    assert r.verdict == "major"
    assert r.headline.endswith("now uses your data to train AI models"), r.headline
    assert any("“" in b and "train its machine learning models" in b for b in r.bullets), r.bullets


def test_fine_tuning_and_training_our_systems_count() -> None:
    assert trains_on_user_data("Your prompts may be used to fine-tune the models behind our features.")
    assert trains_on_user_data("We use personal data to train our systems and improve our services.")
    assert trains_on_user_data("We use user content for foundation model training and optimization.")


def test_denials_controls_and_anonymous_data_are_no_new_use() -> None:
    assert not trains_on_user_data("We do not use your content to train AI models.")
    assert not trains_on_user_data("You can opt out of the use of your data for AI model training in your settings.")
    assert not trains_on_user_data("You can decide whether we can use your user content to train our AI models.")
    assert not trains_on_user_data("We train our models on aggregated, de-identified user data only.")
    assert not trains_on_user_data("Our staff are trained in the use of our systems to protect your personal data.")


def test_public_information_trains_but_is_not_the_users_data() -> None:
    text = "We may collect information that is publicly available online to help train our AI models."
    assert not trains_on_user_data(text)
    r = compare(BASE, BASE + text + "\n")
    assert r.verdict != "major"
    assert any("publicly available information to train AI models" in b for b in r.bullets), r.bullets
    assert all(s["impact"] != "ai-training" for s in r.statements)      # not the user's data: it never leads as one


def test_a_denial_in_the_old_text_is_no_earlier_use() -> None:
    new = _added("We use your personal data to train our AI models.")
    assert starts_ai_training([new], ["We do not use your personal data to train AI models."])
    assert not starts_ai_training([new], ["Your content may be used to train machine learning models."])


def test_ai_tools_handling_data_are_a_new_use() -> None:
    r = compare(BASE, BASE + "We may use artificial intelligence in responding to your billing or licensing requests.\n")
    assert r.verdict in ("substantive", "major")
    assert r.headline.startswith("New AI use: “"), r.headline


def test_data_sent_to_ai_providers_is_new_sharing() -> None:
    r = compare(BASE, BASE + "If you use the app, we send audio recordings or transcripts of your data to our "
                             "third-party AI providers for transcription.\n")
    assert "now sends your data to AI providers" in r.headline, r.headline
    assert "ai" in r.topics


def test_a_control_over_training_says_the_training_exists() -> None:
    optout = _added("To opt out of the use of your data for AI model training, please change your user settings.")
    assert starts_ai_training([optout], ["We collect your name."])
    assert not trains_on_user_data(optout.new or "")      # stated as the right it gives, not as a use


def test_pointers_and_definitions_are_no_ai_use() -> None:
    pointer = BASE + "For more information on how we use AI to personalise your experience, please see the AI section.\n"
    definition = BASE + "Our AI features typically use generative AI, which is capable of generating text and images.\n"
    for new in (pointer, definition):
        r = compare(BASE, new)
        assert not any("AI use" in b or "AI tools" in b for b in (*r.bullets, r.headline)), (r.headline, r.bullets)



def test_a_new_ai_provider_handed_data_is_named() -> None:
    r = compare(BASE, BASE + "To provide this feature, the content of your messages is shared with our service provider, "
                             "OpenAI.\n")
    assert "now shares data with OpenAI (AI provider)" in r.headline, r.headline
