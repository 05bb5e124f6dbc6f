"""The user's data put to artificial-intelligence uses: trained into models, handled by AI tools,
sent to AI providers; each said as the new purpose it is.

A sentence new to this version that says the company trains AI or machine-learning models on
the data it holds ('This may involve using your information to train our technologies, including
through large language models') gives the data a purpose the user never gave it for: 'Fox News
now uses your information to train AI models'. A sentence that has AI tools or an AI provider
handle the data ('We may use artificial intelligence in responding to your billing requests',
'we send audio recordings to our third-party AI providers') is a new use, said with its own
words; a named AI provider newly handed data ('shared with our service provider, OpenAI') is
named as one. Denials ('we do not use your content to train models') and data made anonymous
first are no new use of the user's data; a control over training ('you can opt out of model
training') says the training exists (it weighs in the verdict) and is stated as the right it gives.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from tracker.changes.priorities import HEADLINE_LIMIT
from tracker.changes.report import Change
from tracker.changes.rules.common import Context, Statement, _live, _owner_says

if TYPE_CHECKING:
    from tracker.changes.corroborate import Side

# what is trained: models, AI, machine learning or algorithms (up to six words after the verb:
# 'to train, develop and improve artificial intelligence'), or the company's own systems,
# technologies or tools right after it ('to train our systems', 'training AI tools'; never 'staff
# are trained in the use of our systems')
_TRAINED = r"(?:models?|AI|artificial intelligence|machine[- ]learning|algorithms?|LLMs?|large language models?)"
_TRAIN_VERB = r"\b(?:train(?:s|ed|ing)?|re-?train\w*|fine[- ]?tun\w*|pre-?train\w*)\b"
# a verb of training before what is trained, what is trained before the verb, or the noun
# phrases of training ('model training', 'foundation model training')
TRAINS_RE = re.compile(
    r"(?i)" + _TRAIN_VERB + r"(?:\W+[\w-]+){0,6}?\W+" + _TRAINED + r"\b|"
    + _TRAIN_VERB + r" (?:our|its|their|AI|ML) (?:[\w-]+ )?(?:systems|technolog(?:y|ies)|tools)\b|"
    r"\b(?:models?|AI|artificial intelligence|machine[- ]learning|LLMs?)\b(?:\W+[\w-]+){0,4}?\W+(?:are |is )?"
    r"(?:train(?:s|ed|ing)?|fine[- ]?tun\w*)\b|"
    r"\b(?:foundation(?:al)? models?|model training|AI training)\b")
# a verb of building before AI as what is built ('to develop and improve our products …, including
# artificial intelligence and machine learning technologies')
DEVELOPS_RE = re.compile(r"(?i)\b(?:develop\w*|improv\w*|build\w*|enhanc\w*)\b[^.;:]{0,90}?\b(?:artificial intelligence|"
                         r"machine[- ]learning|AI)\b(?:[- ](?:models?|technolog(?:y|ies)|systems|tools|features))?")
# AI handling the data: the company uses or has AI, machine learning or AI providers process it
USES_AI_RE = re.compile(
    r"(?i)\b(?:use[sd]?|using|utili[sz]\w*|leverag\w*|employ\w*|rely on|relies on|process\w*|analy[sz]\w*|"
    r"send\w*|shar\w*|disclos\w*|provid\w* (?:\w+ ){0,3}to)\b[^.;]{0,80}?"
    r"\b(?:artificial intelligence|machine[- ]learning|generative AI|AI(?:[- ]powered|[- ]based)? "
    r"(?:tools?|technolog(?:y|ies)|systems?|models?|features?|assistants?|chatbots?|agents?|providers?|vendors?|"
    r"service providers?|summar(?:y|ies))|large language models?|LLMs?)\b")
# a sentence that denies or limits the use: no new use of the user's data ('we do not use …',
# 'we have disabled model training', 'we restrict our AI providers from training')
_DENIAL_RE = re.compile(r"(?i)\b(?:not|never|no|nor|none|without|unless)\b|n['’]t\b|"
                        r"\b(?:disabl\w*|restrict\w*|prohibit\w*|prevent\w*)\b")
# a control handed to the user over the use ('you can opt out of model training', 'whether your
# content is used'): the use exists (a control of nothing is none), but the sentence does not
# say what is done by default, so it weighs in the verdict and is stated as the right it gives
_CONTROL_RE = re.compile(r"(?i)\b(?:opt(?:[- ]?out|s out|ing out)|whether|withdraw\w*|turn(?:ing)? off|choose|decide|"
                         r"control\w*|settings?|consent\w*)\b")
# a sentence that only sends the reader elsewhere ('For more information on how we use AI, see …')
_POINTS_ELSEWHERE_RE = re.compile(r"(?i)\b(?:for more (?:information|details)|learn more|please (?:see|visit|refer)|"
                                  r"see (?:the|our) [\w ]{0,40}(?:section|notice|policy|page))\b")
# what AI handles in a sentence about a use of AI: the user's data or what they send
_HANDLED_RE = re.compile(r"(?i)\b(?:information|data|content|inputs?|prompts?|recordings?|transcripts?|calls?|conversations?|"
                         r"messages?|questions?|queries|requests?|chats?|e-?mails?|voice|images?|photos?)\b")
# AI providers handed the data ('we send audio recordings … to our third-party AI providers'):
# others now receive it
_PROVIDER_RE = re.compile(r"(?i)\b(?:providers?|vendors?|partners?)\b")
_SENDS_RE = re.compile(r"(?i)\b(?:send|shar|disclos|provid)")
# data made anonymous first names no one
_ANONYMOUS_RE = re.compile(r"(?i)\b(?:anonymi[sz]\w*|de-?identified|aggregated?|pseudonymi[sz]\w*|synthetic)\b")
# what anyone may read online: a new training use, but not of what the user gave the company
_PUBLIC = "publicly available information"
# a sentence about the user's data, and the words the headline names it with
_DATA_WORDS: tuple[tuple[str, "re.Pattern[str]"], ...] = tuple((label, re.compile(rx, re.I)) for label, rx in (
    ("your content", r"\b(?:your|user|users'?|customer|member)[- ](?:generated )?(?:content|inputs?|prompts?|conversations?|"
                     r"messages?|chats?|uploads?|files|posts|code|recordings?)\b|\bchat data\b"),
    ("personal data", r"\bpersonal (?:data|information)\b"),
    ("your data", r"\b(?:your|user|users'?|customer|member) (?:\w+ )?(?:data|information|activity)\b|"
                  r"\b(?:information|data) (?:about|from|of) (?:you|users|customers|members)\b|\binformation (?:we|it) collects?\b"),
    (_PUBLIC, r"\bpublicly available\b|\bpublic sources\b"),
))
# a clause cut from the middle ('which …', 'and …'), or one whose subject points back to a sentence
# the line does not quote ('This may involve using your information …'): the line stands without it
_FRAGMENT_RE = re.compile(r"(?i)^(?:which|and|or|that|including|such as|as well as)\b|^(?:this|these|that|those|it|they|such)\b")
# share of a quoted clause's stemmed words one old sentence must hold for the clause to be said before
RESTATED_SHARE = 0.6
# an item of a list: it ends on ';' or on ', and' / '; or' (the last one, the item itself, may close on '.')
_ITEM_END_RE = re.compile(r"(?:[;,](?: and| or)?|\.)\s*$")
# sentences walked back from an item to the lead-in of its list
LEAD_IN_REACH = 16
# the longest quote of an AI use: its line (label and all) fits a headline
AI_USE_QUOTE_LIMIT = 124


def _data_named(text: str) -> str | None:
    """How the sentence names the data it uses ('personal data', 'your content'), or None when it
    names no data of the user's."""
    return next((label for label, rx in _DATA_WORDS if rx.search(text)), None)


def affirms(text: str, rx: "re.Pattern[str]", controls: bool = False) -> "re.Match[str] | None":
    """The first match of rx in a clause of text that does not deny the use nor use data made
    anonymous first, and (unless controls) does not leave the use to the user."""
    for clause in re.split(r"(?<=[.;!?])\s+|<br>|\s\|\s", text):
        m = rx.search(clause)
        if m and not _DENIAL_RE.search(clause) and not _ANONYMOUS_RE.search(clause) \
                and (controls or not _CONTROL_RE.search(clause)):
            return m
    return None


def trains_on_user_data(text: str, develops: bool = True, controls: bool = False) -> bool:
    """Does text say that the user's data trains AI models (or, with develops, builds AI)? With
    controls, a control the user is given over that training counts: it exists."""
    if _data_named(text) in (None, _PUBLIC):
        return False
    return affirms(text, TRAINS_RE, controls) is not None or (develops and affirms(text, DEVELOPS_RE, controls) is not None)


@lru_cache(maxsize=4)
def _old_side(sentences: tuple[str, ...]) -> "Side":
    """The old text's sentences indexed once for every quote looked up in them (memoised)."""
    from tracker.changes.corroborate import Side
    return Side(list(sentences))


def _said_before(ctx: Context, said: str | None = None) -> bool:
    """Did the old text already say the company trains or builds AI (affirmatively or by giving a
    control over it), or (said) hold most of the words of the clause quoted?"""
    if said is not None:
        return _old_side(tuple(ctx.old_sentences)).holds(said, RESTATED_SHARE, stemmed=True)
    return any(affirms(t, TRAINS_RE, controls=True) or affirms(t, DEVELOPS_RE, controls=True)
               for t in ctx.old_sentences if TRAINS_RE.search(t) or DEVELOPS_RE.search(t))


def _quote(ctx: Context, text: str, at: "re.Match[str]", limit: int | None = None) -> str | None:
    """The clause of text holding the match, in the third person, as a whole clause (within
    limit characters, when one fits)."""
    focus = re.compile(re.escape(at.group(0)))
    said = (_owner_says(ctx, text, focus, limit) if limit else None) or _owner_says(ctx, text, focus)
    return said if said and not _FRAGMENT_RE.match(said) else None


def _new_sentences(ctx: Context) -> list[tuple[int, Change]]:
    """The live changes that bring a sentence (added or reworded), with their indexes."""
    return [(k, c) for k, c in _live(ctx) if c.kind in ("added", "reworded") and c.new]


def _training(ctx: Context, k: int, c: Change) -> Statement | None:
    """'Fox News now uses your information to train AI models: “…”' for a sentence that newly
    says it trains (or builds) AI on the user's data, where the old text never said so."""
    text = c.new or ""
    m = affirms(text, TRAINS_RE)
    verb = "train AI models"
    if m is None:
        m = affirms(text, DEVELOPS_RE)
        verb = "develop AI"
    data = _data_named(text) or _data_of_lead(ctx, text)
    if m is None or (data is None and verb != "train AI models") \
            or (c.old and (TRAINS_RE.search(c.old) or DEVELOPS_RE.search(c.old))) or _said_before(ctx):
        return None
    # a sentence that names no data ('Training data models to improve the performance of its
    # advertising operations') still says the company now trains models: on what, it does not say
    short = f"{ctx.owner} now uses {data} to {verb}" if data else f"{ctx.owner} now says it trains AI models"
    said = _quote(ctx, text, m)
    line = f"{short}: “{said}”" if said else short
    # what anyone may read online trains the models: a new purpose, not a new use of the user's data
    impact = "ai-use" if data == _PUBLIC else "ai-training"
    return Statement(line, "ai", impact, None, said or short, (k,), short)


def _data_of_lead(ctx: Context, text: str) -> str | None:
    """The data a list's lead-in names ('we may use your personal information:' before the items
    '…;', 'To train our machine learning or artificial intelligence models …;'): what the item's
    training is of. None for a sentence of its own or a lead-in that names no data of the user's."""
    at = ctx.sentence_index(text, old=False)
    if at is None or not _ITEM_END_RE.search(text):
        return None
    for k in range(at - 1, max(-1, at - 1 - LEAD_IN_REACH), -1):
        before = ctx.new_sentences[k]
        if before.rstrip().endswith(":"):
            data = _data_named(before)
            return data if data != _PUBLIC else None
        if not _ITEM_END_RE.search(before) or before.rstrip().endswith("."):
            return None       # a sentence of its own between: no list runs up to the item
    return None


def _handled_by_ai(ctx: Context, k: int, c: Change) -> Statement | None:
    """'New AI use: “Atlassian may use artificial intelligence in responding to your pricing,
    billing or licensing-related requests”' for a sentence that newly has AI tools or an AI
    provider handle the user's data, where its old sentence and the old text did not."""
    text = c.new or ""
    m = affirms(text, USES_AI_RE)
    if m is None or (c.old and USES_AI_RE.search(c.old)) or _POINTS_ELSEWHERE_RE.search(text) \
            or TRAINS_RE.search(text):
        return None
    if _reduced_clause(text, m) or _ai_named_before(ctx, m):
        return None
    said = _quote(ctx, text, m, AI_USE_QUOTE_LIMIT)
    if not said or len(said.split()) < 6 or not _HANDLED_RE.search(said) or _said_before(ctx, said):
        return None
    sends = bool(_PROVIDER_RE.search(m.group(0)) and _SENDS_RE.search(m.group(0)))
    line = f"New AI use: “{said}”"
    if len(line) <= HEADLINE_LIMIT:
        short = line
    else:
        data = _data_named(said) or "your data"
        short = f"{ctx.owner} now sends {data} to AI providers" if sends else f"{ctx.owner} now has AI tools handle {data}"
    return Statement(line, "ai", "sharing-widened" if sends else "ai-use", None, said, (k,), short)


# the AI a use names ('AI vendor', 'generative AI'), its last words, to look it up in the old text
_AI_NOUN_RE = re.compile(r"(?i)(?:artificial intelligence|machine[- ]learning|generative AI|AI\S* \w+|large language models?|LLMs?)$")
# an auxiliary before a participle: 'may be processed using …' is a clause, 'Data shared with …' is not
_AUX_BEFORE_RE = re.compile(r"(?i)\b(?:is|are|be|been|was|were|being|get|gets)\s+(?:\w+\s+(?:and|or)\s+)?$")


# AI as the subject of the use: a description of the AI, not of what is done with the data
_AI_SUBJECT_RE = re.compile(r"(?i)\bAI\b|artificial intelligence|chatbots?\b")


def _reduced_clause(text: str, m: "re.Match[str]") -> bool:
    """The use is a participle that qualifies a noun ('Data shared with AI service providers …
    is subject to the retention limits'), or AI is what uses AI ('Its AI features use generative
    AI'): the sentence is about something else."""
    verb = m.group(0).split()[0]
    if _AI_SUBJECT_RE.search(text[max(0, m.start() - 60):m.start()]):
        return True           # 'Its AI features typically use generative AI …': AI described, no data handled
    return verb.lower().endswith("ed") and not _AUX_BEFORE_RE.search(text[max(0, m.start() - 40):m.start()])


def _ai_named_before(ctx: Context, m: "re.Match[str]") -> bool:
    """Did an old sentence already have the same AI ('the AI vendor') handle something? Then the
    new sentence restates that use, whatever else its words say."""
    noun = _AI_NOUN_RE.search(m.group(0))
    key = noun.group(0).lower().rstrip("s") if noun else ""
    return bool(key) and any(key in x.group(0).lower() for t in ctx.old_sentences if key in t.lower()
                             for x in USES_AI_RE.finditer(t))


# companies whose business is AI models or assistants (tracker.changes.vendors names them): a
# provider of that kind newly handed the user's data is said as one
AI_PROVIDERS = frozenset({"OpenAI", "ChatGPT", "Anthropic", "Claude", "Gemini", "Perplexity", "Mistral", "Hugging Face",
                          "Azure OpenAI", "Cohere", "AI21", "Stability AI", "Midjourney", "ElevenLabs", "Amazon Bedrock",
                          "Llama", "Microsoft Copilot", "Grok", "xAI"})
# a word any AI use, training or provider names: the sentences worth reading further
_AI_HINT_RE = re.compile(r"(?i)\b(?:AI|ML|LLMs?)\b|intelligence|learning|language model|train|fine-?tun|model|" +
                         "|".join(re.escape(p) for p in sorted(AI_PROVIDERS)))


# handing data over, in any voice ('are shared with our service provider, OpenAI', 'we transmit to')
_HANDS_RE = re.compile(r"(?i)\b(?:sen[dt]s?|sending|shar(?:e|es|ed|ing)|disclos\w*|transmit\w*|transfer\w*|"
                       r"provid(?:e|es|ed|ing) (?:\w+ ){0,4}(?:to|with)|process\w*|pass\w* (?:\w+ ){0,3}to)\b")


def _providers(ctx: Context, k: int, c: Change) -> Statement | None:
    """'The company now shares data with OpenAI (AI provider): “To provide this feature, content
    of the command bar … are shared with its service provider, OpenAI”' for a sentence that hands
    data to an AI provider the old text never named."""
    from tracker.changes.vendors import find_vendors
    added = [v for v in ctx.entities_added.get("vendors", []) if v in AI_PROVIDERS]
    if not added:
        return None               # no AI provider new to this version: nothing to look up
    text = c.new or ""
    names = sorted(v for v in find_vendors(text) if v in added)
    if not names or _DENIAL_RE.search(text) or not _HANDS_RE.search(text) or not _HANDLED_RE.search(text):
        return None
    label = "AI providers" if len(names) > 1 else "AI provider"
    short = f"{ctx.owner} now shares data with {_and(names)} ({label})"
    said = _owner_says(ctx, text, re.compile(re.escape(names[0])))
    line = f"{short}: “{said}”" if said and not _FRAGMENT_RE.match(said) else short
    return Statement(line, "ai", "sharing-widened", None, said or short, (k,), short)


def _and(items: list[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def ai_statements(ctx: Context) -> list[Statement]:
    """Each sentence new to this version that puts the user's data to an AI use: trained into
    models (one statement, the plainest: training before building), handed to a named AI provider
    or handled by AI tools."""
    trained: list[Statement] = []
    handled: list[Statement] = []
    for k, c in _new_sentences(ctx):
        if not _AI_HINT_RE.search(c.new or ""):
            continue              # one cheap scan: most sentences name no AI, no model and no provider
        s = _training(ctx, k, c)
        if s:
            trained.append(s)
            continue
        s = _providers(ctx, k, c) or _handled_by_ai(ctx, k, c)
        if s:
            handled.append(s)
    trained.sort(key=lambda s: (not s.short.endswith("train AI models"), " now says " in s.short))
    return trained[:1] + handled
