"""The last gate before a statement is published: is it a sentence a reader can take as it is?

The rules quote the policy, and a quote cut from a scrape can be a fragment: a clause stopped
before its object ("Archiver service and all purchases are processed by ProQuest on behalf"), a
purpose clause with no sentence around it ("To enable the purchase of these products"), an edit
quoted from inside punctuation ('Adds “) and personally identifiable information (e.g.”'), or a
run of links ("Adds: Canada (EN): http://www.intuit.ca/… Canada (FR)"). Such a statement tells
the reader nothing they can publish or act on; it is dropped, and the next statement takes its
place. A statement that names what it quotes by kind (a section, a law, a value, an office) is
always kept: its label carries the news.

Structure quoted as if it were a practice is no statement either (see tracker.changes.headline
on what prose may say): a heading or a link title quoted as a sentence ('Adds: More on what the
Wikimedia Foundation Privacy Policy does not cover', 'Adds: How do we use cookies?': a policy
states its practices and asks questions only as titles), a host name given as the value that
changed ('drpw019.walmart.com (was: drpw060.walmart.com)': a server, not a practice), and a
window of words cut from inside a sentence before its subject ('Now mentions Practices: “has a
specific Notice of Privacy Practices for its …”') or across a sentence break
('… classical music.Which Information Can').

Page chrome quoted as a policy sentence is never a statement, whatever rule found it: the
policy's own changelog ('Under Choice section - clarified how to manage …': an editor's note
about the text, not a practice; the policy sentence it describes is the news), a navigation
sentence ('you can jump to each by selecting the links below'), a link's label ('View your
privacy statement': a short imperative with no subject), a sign-up box ('Sign up to follow, and
… will e-mail you free updates'), and news teasers a scrape kept from the page around the
policy (quoted speech in a Title Case headline, a line with no word of policy or data in it, a
short headline with neither article nor pronoun: 'Public comments sought on location').

A hole where the scrape dropped a link's words ('can be , by the customer': a space before a
comma after a word that needs its object) is a fragment; a stray space before a comma after a
whole word is only spacing, and is mended ('the website , and' -> 'the website, and'). A word
cut from a name ('in has also self-certified …', the tail of 'LinkedIn') and a bare 'this'
with nothing after it ('a representation of this when …') leave the reader without the subject
or the object of the sentence: fragments too.

What can be repaired is repaired before it is judged: a list item's label glued before its
sentence ('Unique application number - Certain services … include …' -> 'Certain services …
include …': a label has no verb, the sentence after it has one) and a full stop a typo put
before a lower-case word ('in the EEA or Switzerland. the following information applies' -> a
comma); a lone quotation mark whose other half a cut left behind is taken out ('the query word
“Linux'). A list item that is only a noun phrase ('Activity on third-party sites and apps that
use its services': a thing and a relative clause, no verb of its own) says nothing happened to
it, and brackets or quotes left open ('information ("Contacts)') show the quote was cut inside
them: both are fragments.

A Markdown list marker left inside a line ('Examples of processing activities: * Google collects
…') is cut with the lead-in before it when one item with a verb follows; list cells run into each
other ('Contract * Legitimate interest * …') are no line at all. An old value the rules joined from
words the old sentence writes as one ('(was: team @chayn.co)') is said as the old text writes it,
and a small word the policy doubled ('the purpose of of providing') is said once in the shown line.

A quote the line gives in quotation marks is cut when it stops on a word that needs what follows
('… de nous voir attribuer une”', '… at www.bbb.org for more”'), in English or, for a quote in
another language, in that language's small words; a line that stops inside a condition set
between commas after 'or' ('… on 11 November 2026 or, if you are in the UK') is cut too; and a
run of items between commas with no verb ('Collection, storage, …, or destruction') is no
sentence. A 'Now mentions <term>' label must name a thing (mention_term): never a verb, an
adverb, a participle or words of another language, and the whole name its quote writes.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

# the labels the rules put before a quote: the quote after them is what is judged
from tracker.changes.statements import _LABEL_RE
from tracker.changes.phrasing import capitalise, has_verb, open_aside, third_person, tidy
from tracker.changes.rules.common import Context, Statement

# words a finished clause does not end on
# ('with', 'to', 'in' and 'at' can end a sentence: 'the companies it works with')
_DANGLING_END_RE = re.compile(r"(?i)\b(?:of|on behalf|the|a|an|and|or|for|by|from|through|their|its|our|your|"
                              r"that|which|such as|including|e\.g|i\.e|as well as|about|into|onto|than|known as|referred to as|may include|"
                              r"please (?:contact|visit|see|call|write to|read))\W*$")
# a clause that only leads into a sentence: 'To enable …', 'Which …' with nothing after it
# ('But Apple does not link your IP address …' is a whole sentence: 'and', 'or', 'but' may open one)
_LEAD_IN_RE = re.compile(r"^(?:To|Which|That|So that|In order to|Such as|Including)\b")
_QUOTED_EDIT_RE = re.compile(r"^(?:Adds|Drops|Now says) [“\"](?P<q>[^”\"]*)[”\"]")
_URL_RE = re.compile(r"https?://\S+|www\.\S+")
# a title quoted as a sentence: what a link or a heading says, never a practice
_TITLE_QUOTE_RE = re.compile(r"^(?:Learn more|Read more|Find out more|Click here (?:for|to (?:learn|read|view|see|find)))\b|"
                             r"^(?:Adds|No longer says|Now reads|Restates):\s+(?:More (?:on|about|information (?:on|about))|"
                             r"Learn (?:more|about)|Read (?:more|about)|Find out (?:more|about)|Click|See (?:also|more|below)|"
                             r"See|Back to|Go to|Skip to)\b")
_HOST_RE = re.compile(r"(?i)^(?:https?://)?(?:www\.)?(?:[a-z0-9-]+\.)+[a-z]{2,6}(?:/\S*)?$")
# (a match opens on a space or the parenthesis: the lookahead lets re skip to those characters)
_WAS_RE = re.compile(r"(?=[\s(])\s*\(was: [^()]*\)$")
# 'Now mentions X: “…”' quoting words around X: they start before the sentence's subject when
# their first word is a verb of it, and run into the next sentence past a full stop with no space
_MENTION_RE = re.compile(r"^(?:Now|No longer) mentions [^:]{1,60}: “(?P<q>[^”]*)”$")
_NO_SUBJECT_RE = re.compile(r"^(?:may|might|will|would|can|could|should|must|shall|has|have|had|is|are|was|were|"
                            r"does|do|did|not|be|been|being)\b")
_GLUED_BREAK_RE = re.compile(r"[a-z]{2}[.?!][A-Z][a-z]")
# levels whose label names what changed by kind: kept whatever their quote looks like
_NAMED = frozenset({"section-added", "section-removed", "law-cited", "transfer-basis", "transfer-swap", "value-changed",
                    "contact-changed", "retention-changed", "office-named", "controller-changed", "page-summary", "sale-reversal",
                    "sources-widened", "basis-stated", "scope-changed", "scope-listed",
                    # 'Verizon now collects biometric data': worded by the rule (a quote it takes is checked there)
                    "sensitive-collected"})

# the policy's own changelog: 'Under Choice section - clarified …', 'Cross-Device section - deleted
# information …', 'Under What Information Is Collected section', 'Updated the Cookies paragraph'
_EDIT_VERBS = r"(?:added|deleted|removed|updated|reworded|reword|revised|clarified|changed|modified|moved|edited|expanded|replaced)"
_CHANGELOG_RE = re.compile(rf"(?i)^(?:under (?:the )?)?[^.;:]{{1,80}}?\bsection\b(?:\s*[-–—:]\s*{_EDIT_VERBS}\b|\s*$)|"
                           rf"^(?:also )?{_EDIT_VERBS}\b[^.;:]{{0,80}}\b(?:paragraph|section|sub-?section|sentence|language|"
                           rf"wording|disclosure|clause|provision|information (?:about|on|regarding))s?\b|"
                           rf"^last (?:update|revision)d?:.{{0,30}}\b{_EDIT_VERBS}\b|\b(?:19|20)\d\d:?\s+{_EDIT_VERBS}\s")
# a sentence about the page, not the policy: how to find one's way in it
_NAVIGATION_RE = re.compile(r"(?i)\blinks? (?:below|above)\b|\bjump to\b|\btable of contents\b|"
                            r"\b(?:policy|notice|statement) (?:contains|is divided into|is organi[sz]ed into) \w+ (?:sections|parts)\b|"
                            r"\bread this (?:\w+ )?(?:policy|notice|statement) in its entirety\b|"
                            r"\b(?:history|log|list|summary) of (?:material |recent )?changes\b")
# a link's label: a short imperative with no subject ('View your privacy statement', 'Click here …')
_IMPERATIVE_RE = re.compile(r"^(?:View|Visit|Access|Read|Click|Download|Print|See|Learn|Go|Contact|Manage|Edit|Sign|Log|"
                            r"Subscribe|Unsubscribe|Find|Explore|Browse|Shop|Watch|Follow|Share|Return|Review|Tell|Email|E-mail|"
                            r"Join|Register|Start|Get|Try|Discover|Check)\b")
_LINK_LABELS = re.compile(r"^(?:Adds|No longer says|Now reads|Restates):\s*")
# a sign-up box or a follow widget of a news page
_SIGN_UP_RE = re.compile(r"(?i)^(?:sign up|subscribe|follow|register)\b(?: (?:to|for|and|now)\b|\s*$)|"
                         r"\b(?:sign in|log in) (?:or )?create an account\b|\bcreate (?:an account|one) now\b|"
                         r"\buse (?:the )?(?:up and down )?arrow keys\b|\bpress enter to\b|"
                         r"(?i:\bfree (?:[\w-]+ )?shipping\b|\bdaily deals\b|\bsave up to \d|\bshop (?:now|all|by)\b|"
                         r"\bfind (?:a|more) stores?\b|^shop (?:the|our|at)\b)|"
                         r"\b(?:stor(?:y|ies)|articles?|posts?) (?:is|are) published\b|\bas (?:they're|they are) published\b")
# a news teaser: quoted speech inside a Title Case headline ("Obama 'deserves great credit' Romney …")
_TEASER_RE = re.compile(r"\b[A-Z][a-z]+ ['‘][a-z][^'’]{2,60}['’] [A-Z][a-z]|\bRaw: [A-Z]|\b[A-Z][a-z]+ \d+(?:\.\d+)?% [A-Z]")
# 'Target Bank, which issues commercial card accounts': a name and what it is, no sentence
_NAME_WHICH_RE = re.compile(r"^(?:[A-Z][\w&'.-]*\s){1,5}?[A-Z][\w&'.-]*, (?:which|who) [^,;]*$")
# the words any statement about personal data or a policy holds at least one of
_POLICY_WORD_RE = re.compile(
    r"(?i)\b(?:information|data|details|cookies?|privacy|private|personal\w*|account\w*|e-?mails?|address\w*|location|"
    r"consent\w*|opt\w*|choice\w*|advertis\w*|ads?|track\w*|child\w*|minors?|parents?|secur\w*|third[- ]part\w*|partners?|"
    r"affiliates?|subsidiar\w*|vendors?|providers?|processors?|identif\w*|profil\w*|contacts?|photos?|messages?|payments?|"
    r"credit|card|purchases?|orders?|billing|browser|devices?|IP|logs?|settings?|preferences?|marketing|newsletters?|"
    r"notices?|notif\w*|rights?|laws?|legal\w*|complain\w*|disclos\w*|transfer\w*|disputes?|arbitration|regulat\w*|"
    r"authorit\w*|framework|principles|polic(?:y|ies)|terms|agreement|services?|users?|customers?|members?|guests?|"
    r"visitors?|collect\w*|use[sd]?|using|usage|process\w*|shar\w*|sell\w*|sold|sale|rent|stor(?:e|es|ed|age)|"
    r"retain\w*|retention|keep|keeps|kept|delet\w*|remov\w*|access\w*|request\w*|record\w*|monitor\w*|"
    r"analytics|statistic\w*|surveys?|register\w*|registration|password\w*|login|sign[- ]in|app|apps|sites?|website\w*|"
    r"online|camera\w*|biometric\w*|health|medical|financial|employ\w*|communicat\w*|phone|telephone|mail|"
    r"contract\w*|law enforcement|court|compl(?:y|ies|ied|iance)|acts?|spam|protect\w*|safeguard\w*|encrypt\w*|confidential\w*|"
    r"enforcement|investigat\w*|commission|government\w*|agenc\w*|officials?|safe harbor|shield|certif\w*|BCRs?|"
    r"corporate|compan(?:y|ies)|acqui\w*|merg\w*|administer\w*|host(?:s|ed|ing)|subscri\w*|ID|IDs|beacons?|pixels?|"
    r"tags?|gifs?|sdks?|plug-?ins?|widgets?|buttons?|social|control\w*|public\w*|visib\w*|friends?|followers?|"
    r"connections?|posts?|comments?|names?|ages?|students?|choos\w*|chose\w*|located|locations?|offices?|"
    r"famil(?:y|ies)|headquarter\w*|respon\w*|answer\w*|inquir\w*|questions?|(?:\d+|two|three|four|five|six|seven|ten|thirty|"
    r"several|few) (?:days?|weeks?|months?|years?))\b")
# a headline with neither article nor pronoun: 'Public comments sought on location'
_SENTENCE_WORD_RE = re.compile(r"(?i)\b(?:the|a|an|this|these|that|those|we|us|our|you|your|it|its|they|their|them|"
                               r"he|she|his|her|i|my|any|all|some|each|every|no|not)\b")
# the small words prose is held together by; a menu of links has hardly any
# ('Target stores find a store clinic optical pharmacy photo portrait studio about Target …')
_FUNCTION_WORDS = frozenset("""a an the this that these those of to and or in on for with by from at as into about
is are was were be been will would may might can could should must shall do does did has have had not no
we us our you your it its they their them he she his her who which what when where if than then also only
any all some each such other more""".split())
# a word cut from a name, left before the verb: 'in has also self-certified …'
_CUT_START_RE = re.compile(r"^(?:in|on|at|of|to|by|for|with|from|and|or)\s+(?:has|have|had|is|are|was|were|will|"
                           r"would|may|might|can|could|does|did|shall|must)\b")
# a bare 'this' with nothing it names: 'You can see a representation of this when …'
_BARE_THIS_RE = re.compile(r"\b(?:of|about|to|for|with|on|at) this(?=\s+(?:when|if|by|in|at|before|after|because)\b|"
                           r"\s*[,.;]|\s*$)")
# a hole where a link's words were: a space before a comma or stop after a word that needs
# what follows it ('can be , by the customer', 'visit .')
_HOLE_RE = re.compile(r"(?i)\b(?:be|is|are|was|were|been|the|a|an|to|of|and|or|by|with|at|from|for|in|on|visit|see|"
                      r"our|your|its|their|this|these|called|named|via|under|including|like)\s+[,.;:](?=\s|$)|"
                      r"\s[,;]\s*[,;]|(?<=[\w)])\s+[,;]\s*$|\(\s*\)")
_STRAY_SPACE_RE = re.compile(r"(?<=[\w)”\"])\s+(?=[,;](?:\s|$))")


def page_chrome(text: str) -> str | None:
    """Why text quotes the page around the policy or its editor's notes rather than a statement
    of it (see the module docstring), or None."""
    body = _WAS_RE.sub("", _LABEL_RE.sub("", text)).strip()
    quoted = _QUOTED_EDIT_RE.match(text) or _MENTION_RE.match(text)
    if quoted:
        body = quoted.group("q")
    if _CHANGELOG_RE.search(body):
        return "the policy's own changelog, not a practice"
    if _NAVIGATION_RE.search(body):
        return "a sentence about finding one's way in the page"
    if _SIGN_UP_RE.search(body) or _TEASER_RE.search(body):
        return "a sign-up box or a news teaser from the page around the policy"
    said_as_is = bool(_LINK_LABELS.match(text)) or text == body     # a quote, not a statement the rules worded
    if _IMPERATIVE_RE.match(body) and (said_as_is and len(body.split()) <= 6 and not _PERSON_RE.search(body)
                                       or re.search(r"\band more\W*$", body)):
        return "a link's label"
    if _NAME_WHICH_RE.match(body):
        return "a name and a relative clause, with no verb of its own"
    if quoted or _EDIT_LABEL_RE.match(text):
        return None               # an edit or a name: the words around it are judged elsewhere
    return _no_sentence(body, said_as_is)


_PERSON_RE = re.compile(r"(?i)\b(?:you|we|it|they)\b")
_EDIT_LABEL_RE = re.compile(r"^(?:Now says|Now names|No longer names|Now (?:also )?names|Now mentions|Now lists)\b")


# the small words of other languages written in Latin letters ('Wir erheben Ihre Daten', 'nous utilisons')
_FOREIGN_WORD_RE = re.compile(r"(?i)\b(?:der|die|das|und|wir|sie|ihre|ihr|nicht|mit|für|le|la|les|et|nous|vous|des|"
                              r"est|une|el|los|las|y|que|por|para|con|su|il|di|per|che|het|een|wij|uw|van|não|você|"
                              r"seu|sua|och|att|vi|er|og|jeg)\b")


def _foreign(body: str) -> bool:
    """body is mostly in another language: other letters than ASCII, or two small words of
    another language written in Latin letters."""
    if not body.isascii():      # (an ASCII body has only ASCII letters: no need to count them)
        letters = [ch for ch in body if ch.isalpha()]
        if letters and sum(ch.isascii() for ch in letters) < 0.8 * len(letters):
            return True
    seen: set[str] = set()
    for m in _FOREIGN_WORD_RE.finditer(body):     # two distinct words are enough: the rest is not read
        seen.add(m.group(0).lower())
        if len(seen) >= 2:
            return True
    return False


def _no_sentence(body: str, said_as_is: bool) -> str | None:
    """Why body, quoted from the page, is no sentence of a policy: no word of policy or data,
    a headline with neither article nor pronoun, a menu with hardly a function word."""
    words = body.split()
    if _foreign(body):
        return None               # another language: English words of data or articles say nothing of it
    if len(words) >= 3 and not _POLICY_WORD_RE.search(body):
        return "a line with no word of policy or data: page chrome"
    if not said_as_is:
        return None
    capitals = sum(w[:1].isupper() for w in words)
    if len(words) >= 2 and not _SENTENCE_WORD_RE.search(body) \
            and (len(words) <= 6 or len(words) >= 8 and not re.search(r"[,;(]", body) and capitals >= 0.6 * len(words)):
        return "a headline, not a sentence"
    small = sum(w.lower().strip(",.;:()") in _FUNCTION_WORDS for w in words)
    if len(words) >= 12 and small < 0.1 * len(words):
        return "a menu: a run of words with hardly a function word between them"
    return None


def holed(text: str) -> str | None:
    """Why text is a sentence with a hole or a cut word in it (see the module docstring), or None."""
    body = _LABEL_RE.sub("", text).strip()
    if _HOLE_RE.search(body):
        return "a hole where the scrape dropped a link's words"
    if _CUT_START_RE.match(body):
        return "a word cut from a name before the verb"
    if _BARE_THIS_RE.search(body):
        return "a bare 'this' with nothing it names"
    return None


# a colon or semicolon a scrape glued to the next word of its sentence ('unless it has:received
# your permission;given you notice'); never inside a URL ('mailto:', 'http://') or a time
_GLUED_STOP_RE = re.compile(r"(?<![/\w])(?!(?:https?|mailto|ftp|tel):)([A-Za-z][\w'’-]*(?<=[a-z])[:;])(?=[a-z]{2})")


def spaced(s: Statement) -> Statement:
    """s with a stray space before a comma closed up ('the website , and' -> 'the website, and')
    and a space put after a colon or semicolon glued to a lower-case word ('has:received')."""
    if not _STRAY_SPACE_RE.search(s.text) and not _GLUED_STOP_RE.search(s.text):
        return s
    fix = lambda t: _GLUED_STOP_RE.sub(r"\1 ", _STRAY_SPACE_RE.sub("", t)) if t else t      # noqa: E731
    return replace(s, text=fix(s.text), old=fix(s.old), new=fix(s.new), short=fix(s.short))


def said_once(s: Statement) -> Statement:
    """s with a small word the policy doubled said once ('the purpose of of providing'): the
    last touch of a shown line (its quotes stay as the policy writes them until then, so the
    rules can still find them in the text)."""
    if not _DOUBLED_RE.search(s.text) and not _DOUBLED_RE.search(s.short):
        return s
    return replace(s, text=_DOUBLED_RE.sub(r"\1", s.text), short=_DOUBLED_RE.sub(r"\1", s.short))


# a small word written twice, a typo of the policy or a seam of two quotes ('purpose of of
# providing', 'uses your data to to grow'): never a word a sentence may repeat ('that that')
_DOUBLED_RE = re.compile(r"(?i)\b(of|to|the|a|an|and|or|for|in|on|by|with|from|at|is|are|its|your)\s+\1\b")


# a Markdown list marker a scrape left inside one line: 'Examples of processing activities: *
# Google collects …', 'Name * Email address * Data generated …' (a table's or a list's cells)
_STAR_RE = re.compile(r"(?:^|\s)[*•]\s+(?=\S)")
_STAR_SENTENCE_WORDS = 5    # the item after a lead-in stands alone with a verb and this many words
_STAR_LABEL_WORDS = 4       # a lead-in this short with no verb is the item's label ('Marketing • Acme will …')


def starred(s: Statement) -> Statement | None:
    """s without a list's lead-in or label when one item with a verb of its own follows its marker
    ('Examples of processing activities: * Google collects …' -> 'Google collects …'); None
    when the line runs list items into each other ('Contract * Legitimate interest * …'): no
    sentence is left to publish; s itself when it holds no marker."""
    head = _LABEL_RE.match(s.text)
    prefix = head.group(0) if head else ""
    body = s.text[len(prefix):]
    marks = list(_STAR_RE.finditer(body))
    if not marks or s.impact in _SECTIONS:
        return s
    lead, item = body[:marks[0].start()].rstrip(), body[marks[0].end():]
    labelled = lead.endswith(":") or (0 < len(lead.split()) <= _STAR_LABEL_WORDS and not has_verb(lead))
    if len(marks) > 1 or not labelled or not has_verb(item) or len(item.split()) < _STAR_SENTENCE_WORDS:
        return None
    said = body[:marks[0].end()]
    return replace(s, text=prefix + (capitalise(item) if not prefix or prefix == "New: " else item),
                   old=_cut(s.old, said.strip()) if s.old else s.old,
                   new=_cut(s.new, said.strip()) if s.new else s.new, short="")


# an old value the rules joined from words the old sentence writes as one ('team @chayn.co' of
# 'team@chayn.co'): said as the old sentence writes it
_WAS_INNER_RE = re.compile(r" \(was: (?P<was>[^()]*)\)$")


def was_as_written(s: Statement, ctx: "Context | None") -> Statement:
    """s with its '(was: …)' spaced as its old sentence writes those words; s itself when the
    old words stand in the old sentence as they are or cannot be found there."""
    m = _WAS_INNER_RE.search(s.text)
    if m is None or ctx is None or not s.changes or s.changes[0] >= len(ctx.changes):
        return s
    old = ctx.changes[s.changes[0]].old or ""
    was = m.group("was")
    words = was.split()
    if len(words) < 2 or was in old:
        return s
    found = re.search(r"\s*".join(map(re.escape, words)), old, re.IGNORECASE)
    if found is None or " ".join(found.group(0).split()).lower() == was.lower():
        return s
    said = " ".join(found.group(0).split())
    text = s.text[:m.start("was")] + said + ")"
    return replace(s, text=text, short=s.short.replace(f"(was: {was})", f"(was: {said})"))

_SECTIONS = frozenset({"section-added", "section-removed"})


_SMALL_WORDS = frozenset("a an the of and or for to in on at by with & -".split())


def _title_label(text: str) -> bool:
    """A link's or a menu's label: at most six words, every word but the small ones capitalised
    ('Industry Solutions', 'Find a Partner Solution', 'Wal-Mart Stores, Inc.'), no auxiliary."""
    words = [w for w in text.split() if w.lower() not in _SMALL_WORDS]
    return 0 < len(text.split()) <= 6 and all(w[:1].isupper() or w[:1].isdigit() for w in words) \
        and not _AUXILIARY_RE.search(text)


# labels that quote a sentence as it stands, said added or gone: what they quote must be a sentence
_QUOTE_LABEL_RE = re.compile(r"^(?:Adds|New|No longer says|Drops|Removes):\s")
HEADING_WORDS = 6      # a quote this short with no verb and no full stop is a heading line, not a statement


def _heading_words(body: str) -> bool:
    """A heading line quoted as a sentence: at most HEADING_WORDS words, capitalised, no verb,
    no closing full stop ('Security of your Information')."""
    return (0 < len(body.split()) <= HEADING_WORDS and body[:1].isupper() and not body.endswith(".")
            and not has_verb(body))


# fragment results remembered: a statement's text is judged by several steps of a report
# (publishable, listed, the headline's cuts), the same text more than once
FRAGMENT_MEMO = 4096


@lru_cache(maxsize=FRAGMENT_MEMO)
def fragment(text: str) -> str | None:
    """Why text is no publishable statement, or None when it is one (a function of text alone)."""
    why = page_chrome(text) or holed(text)
    if why:
        return why
    was = _WAS_RE.search(text)
    if _TITLE_QUOTE_RE.match(text) or _WAS_RE.sub("", _LABEL_RE.sub("", text)).rstrip().endswith("?") \
            or (was and was.group(0).rstrip(" )”\"").endswith("?")):     # the old words ran into a heading
        return "a heading or a link title quoted as a sentence"
    if _HOST_RE.match(_WAS_RE.sub("", text).strip()):
        return "a host name, not a practice"
    if was and _title_label(_WAS_RE.sub("", text)) and _title_label(was.group(0).strip()[6:-1]):
        return "a menu or footer label renamed, not a practice"     # 'Wal-Mart Stores, Inc. (was: Stores Info)'
    mention = _MENTION_RE.match(text)
    if mention and (_NO_SUBJECT_RE.match(mention.group("q")) or _GLUED_BREAK_RE.search(mention.group("q"))):
        return "words cut from inside a sentence, before its subject or across a sentence break"
    m = _QUOTED_EDIT_RE.match(text)
    if m and (not m.group("q")[:1].isalnum() or not m.group("q").rstrip()[-1:].isalnum() and
              m.group("q").rstrip()[-1:] not in ".)"):
        return "an edit quoted from inside punctuation"
    body = _LABEL_RE.sub("", text).strip()
    if _QUOTE_LABEL_RE.match(text) and _heading_words(body):
        return "a heading quoted as a sentence"       # 'No longer says: Security of your Information'
    if text == body and noun_phrase(body):
        return "a noun phrase from a list, with no verb of its own"
    if text == body and bare_items(body):
        return "a list of items with no sentence around it"
    if unbalanced(_WAS_RE.sub("", body)):
        return "a quote cut inside brackets or quotation marks"
    urls = sum(len(u) for u in _URL_RE.findall(body))
    if urls and urls >= 0.3 * len(body):
        return "a run of links"
    if _DANGLING_END_RE.search(body, max(0, len(body) - 40)) or open_aside(_WAS_RE.sub("", body)):
        return "a clause cut before its end"     # (the end only: not tried at every position)
    if quote_cut(text):
        return "a quote cut before its end"
    if _LEAD_IN_RE.match(body) and "," not in body and len(body) < 80:
        return "a lead-in with no sentence after it"
    if re.match(r"(?:Or|And|Nor),\s", body):
        return "the last item of a list, cut from the sentence it ends"     # 'Or, in-store location through …'
    if glued_item(body):
        return "a lead-in glued to a list item that has no verb of its own"
    if _LIST_TAIL_RE.match(body):
        return "the tail of a list, cut from the sentence it ends"     # 'Friends; and employ other …'
    return None


# a purpose clause opening a quote ('To remove your name and postal address from lists …'), and
# what shows a main clause follows it: a comma before a subject or an instruction ('…, visit the
# DAA's page', '…, Acme may …'), 'please', or 'you can' ('To opt out you can …')
CUT_WORDS = 3     # a quote this many words shorter than its sentence was cut from it
_PURPOSE_RE = re.compile(r"^(?:To|In order to) [a-z]")
_MAIN_CLAUSE_RE = re.compile(r",\s+(?:[A-Z]|(?:please|you|we|they|it|visit|contact|click|go|see|send|call|write|e-?mail|"
                             r"read|select|follow|use|adjust|change|update|review|sign|log|opt|let|tell|ask|refer|check|"
                             r"submit|complete|fill|text|reply|unsubscribe|turn|set|disable|enable|delete|manage)\b)|"
                             r"\bplease\b|\byou (?:can|may|should|must|will|need)\b|"
                             r",.*\b(?:is|are|was|were|may|will|can|must|should|could|might|does|do|has|have)\b")
# the last items of a list a scrape split from its sentence: a few words, then '; and' or '; or'
_LIST_TAIL_RE = re.compile(r"^[A-Z][\w'’-]*(?: [\w'’-]+){0,3}; (?:and|or) ")
# a list's lead-in or label glued to its first item by a colon with no space ('in the following
# ways:People you share …', 'from third parties:Facebook Platform'); never a URL's scheme
_GLUED_ITEM_RE = re.compile(r"(?<![/\w])(?!(?:https?|mailto|ftp|tel):)[A-Za-z][\w'’-]*(?<=[a-z]):(?=[A-Z][a-z])")


def glued_item(body: str) -> bool:
    """body runs a lead-in into a list item glued after its colon, and the item is only a noun
    phrase ('… in the following ways:People you share and communicate'): the line says nothing
    happened to the item, and the lead-in alone is no statement."""
    from tracker.changes.anchors import bare_item
    m = _GLUED_ITEM_RE.search(body)
    return m is not None and bare_item(body[m.end():])


# where a cut window's sentence can start again: a determiner or a subject pronoun
_SUBJECT_START_RE = re.compile(r"\b(?:the|its|their|your|a|an|this|these|you|it|they)\b")
_RELATIVE_RE = re.compile(r",? (?:which|who) ")
# a finite verb after the subject: what makes the mended words a clause
_FINITE_RE = re.compile(r"\b(?:is|are|was|were|will|would|may|might|can|could|should|must|shall|has|have|had|does|do|did)\b")


def mended(s: Statement) -> Statement | None:
    """A 'Now mentions X: “…”' window cut before its subject or across a sentence break, mended
    to the clause around X that is whole: from the first subject in its first words, before a
    break and before a trailing 'which …' ('not the matter is escalated to its Privacy Legal
    team which will work across' -> 'the matter is escalated to its Privacy Legal team'); None
    when no whole clause remains."""
    m = _MENTION_RE.match(s.text)
    if not m:
        return None
    q = m.group("q")
    name = s.text.split(" mentions ", 1)[1].split(":", 1)[0]
    brk = _GLUED_BREAK_RE.search(q)
    if brk:
        q = q[:brk.start() + 3] if name in q[:brk.start() + 3] else q[brk.start() + 3:]
    start = _SUBJECT_START_RE.search(q, 0, 40)
    if not start or name not in q[start.start():]:
        return None
    q = q[start.start():].rstrip(" .")
    rel = _RELATIVE_RE.search(q)
    if rel and name in q[:rel.start()] and _FINITE_RE.search(q[:rel.start()]):
        q = q[:rel.start()]
    text = s.text[:m.start("q")] + q + "”"
    if len(q.split()) < 5 or not _FINITE_RE.search(q) or fragment(text) is not None or fragment(f"Adds: {q}") is not None:
        return None
    return Statement(text, s.topic, s.impact, q if s.old else None, q if s.new else None, s.changes, s.short)


def host_value(s: Statement) -> bool:
    """A value change whose old or new value is only a host name or a URL: a server moved, not
    a practice changed (a link that matters is a pointer statement)."""
    values = [v.strip() for v in (s.old, s.new) if v]
    return bool(values) and all(_HOST_RE.match(v) for v in values) and s.impact != "pointer"


# a list item's label before its sentence: a few words with no verb, a dash or a colon, a capital
# and a sentence after it, whose second word is a lower-case one ('Certain services', 'When you',
# 'Google offers'): 'Binding Corporate Rules - Controller (BCR-C) provide' is one name
_LIST_LABEL_RE = re.compile(r"^(?P<label>[A-Z][\w'’&/-]*(?: [\w'’&/()-]+){0,5}?)(?: [-–—]|:) (?=[A-Z][\w'’-]* [a-z])")
# a lead-in that only announces examples, before the item's own label and sentence ('Here are some
# examples: Device Information: We collect technical information …'): it names nothing itself
_EXAMPLES_LEAD_RE = re.compile(r"(?i)^(?:(?:here|these|below|the following) (?:are|is) )?(?:some |a few |several )?"
                               r"examples?(?: (?:of [^:.;]{1,40}|include|includes))?:\s+(?=[A-Z])|^for (?:example|instance):\s+(?=[A-Z])")
# a full stop before a lower-case word inside a sentence: a typo for a comma ('Switzerland. the')
# (a word of prose after it, not code or a host: 'the service. window.pwned=1' stays as written)
_STOP_LOWER_RE = re.compile(r"(?<=[a-z]{2})\. (?=[a-z]{2,} [a-z])")
_ABBREVIATION_END_RE = re.compile(r"(?i)\b(?:etc|inc|ltd|corp|co|no|vs|approx|incl|dept|esp|viz)$")


# a page's heading and its date stamp run into the first sentence ('Ad choices September 13, 2016
# Online advertising for washingtonpost.com is delivered by …')
_DATED_LABEL_RE = re.compile(r"^(?P<label>(?:[A-Z][\w'’&-]*(?: [\w'’&-]+){0,4} )?(?:January|February|March|April|May|June|July|"
                             r"August|September|October|November|December) \d{1,2}, (?:19|20)\d\d) (?=[A-Z][\w'’-]* [a-z])")


# a section's run-in label before a sentence that opens with a subject no sentence has in its middle
# ('Access requests You can access …', 'Usernames and User IDsUsernames and User IDs are …': a
# capitalised pronoun after a lower-case word, or the label said twice where the scrape lost the break)
_RUN_IN_LABEL_RE = re.compile(r"^(?P<label>[A-Z][\w'’&/-]*(?: [\w'’&/-]+){0,4} [a-z][\w'’-]*[a-z]) "
                              r"(?=(?:You|We|Your|Our|If|When|Where|Users|The|This|These)\s+[a-z])")
_REPEATED_LABEL_RE = re.compile(r"^(?P<label>(?P<words>[A-Z][\w'’&/-]*(?: [\w'’&/-]+){1,5}?)) ?(?=(?P=words)\b)")
_SUBJECT_WORDS = frozenset("you we they it i he she our your their its this these those".split())
# a heading of Title Case words run into its sentence where the scrape lost the line break, the
# sentence opening with a word no sentence capitalises in its middle ('Ezoic Services This website
# uses …', 'Cookies We use cookies …', 'Twitter To disassociate your account …')
_TITLED_LABEL_RE = re.compile(r"^(?P<label>[A-Z][\w'’&/-]*(?: (?:[A-Z][\w'’&/-]*|and|of|&|or|the|to|for|with)){0,4}) "
                              r"(?=(?:We|You|This|These|To|If|When|Where|Please)\s+[a-z])")


def _run_in_label(body: str) -> "re.Match[str] | None":
    """A run-in label glued before its sentence with a space or none (see _RUN_IN_LABEL_RE):
    a few words with no auxiliary and no subject pronoun, so never a clause of its own."""
    m = _RUN_IN_LABEL_RE.match(body) or _REPEATED_LABEL_RE.match(body) or _TITLED_LABEL_RE.match(body)
    if m is None:
        return None
    words = m.group("label").lower().split()
    if _OBJECT_INFINITIVE_RE.match(body[m.end():]):
        return None       # 'Acme allows Users to link …': 'Users' is the object of the verb before it
    if _AUXILIARY_RE.search(m.group("label")):
        return None
    titled = words[0] in _POSSESSIVES and len(words) <= TITLED_WORDS and re.match(r"(?:You|We) ", body[m.end():])
    return None if _SUBJECT_WORDS & set(words[1:] if titled else words) else m


# a label opened by a possessive is a heading ('Your rights You may …') when it is this short and
# the sentence after it opens with 'You' or 'We'
TITLED_WORDS = 3
_POSSESSIVES = frozenset("your our their its".split())


# what follows a verb and its object, never a sentence of its own: 'Users to link their accounts'
_OBJECT_INFINITIVE_RE = re.compile(r"^[A-Z][\w'’-]* to [a-z]")


# 'And Intuit may share reports …', 'No longer says: But Apple does not link …': half of a
# sentence's pair; the clause after the conjunction stands alone
_OPENING_CONJUNCTION_RE = re.compile(r"^(?:And|But|Or|So|Yet)\s+(?=\w)")


def _cut(text: str | None, label: str) -> str | None:
    return text[len(label):].lstrip(" -–—:") if text and text.startswith(label) else text


# a list of examples cut before its last item: items between commas, no 'and' or 'or' before a last one
# (an item that opens with a preposition or 'to' goes on with the sentence: '…, including your
# marketing preferences, at any time' is whole)
_ITEM = r"(?!(?:to|at|in|on|for|from|by|with|without|when|if|unless|as|so|which|that|who)\b)[^,;:()]{2,60}"
_CUT_LIST_RE = re.compile(rf",? (?:such as|including|for example|e\.g\.,?) {_ITEM}(?:, {_ITEM})+$")


def _unquoted(text: str | None) -> str | None:
    """text without a quotation mark whose other half the quote cut off ('the query word “Linux',
    '"Public activities" also includes' quoted from its second word): the words read alone."""
    if not text:
        return text
    if text.count('"') == 1:
        text = re.sub(r'\s?"\s?', lambda m: " " if m.group(0).startswith(" ") and m.group(0).endswith(" ") else
                      m.group(0).strip('"'), text)
    if text.count("“") + text.count("”") == 1:
        text = re.sub(r"[“”]", "", text)
    return text


# the last of two ways cut where its object was a link or an address: '… contact Acme through its
# website or write to Acme at' -> '… contact Acme through its website'
_CUT_ALTERNATIVE_RE = re.compile(r",? or (?:[\w'’-]+ ){1,6}(?:at|to|via|from|on|by)$")


def _untailed(text: str | None, tail: str) -> str | None:
    return text[:-len(tail)] if text and text.endswith(tail) else text


def _without_examples_lead(s: Statement, prefix: str, body: str) -> tuple[Statement, str]:
    """s (and its body after prefix) without a lead-in that only announces examples when a
    labelled item with a sentence of its own follows ('Here are some examples: Device
    Information: Acme collects …' -> 'Device Information: Acme collects …', whose label the
    caller then cuts): a lead-in alone with a label is no statement."""
    lead = _EXAMPLES_LEAD_RE.match(body)
    if not lead:
        return s, body
    rest = body[lead.end():]
    item = _LIST_LABEL_RE.match(rest)
    sentence = rest[item.end():] if item and not has_verb(item.group("label")) else rest
    if not has_verb(sentence) or len(sentence.split()) < 5:
        return s, body
    said = lead.group(0)
    return replace(s, text=prefix + rest, old=_cut(s.old, said), new=_cut(s.new, said), short=_cut(s.short, said) or ""), rest


def unlabelled(s: Statement) -> Statement:
    """s without a list item's label glued before its sentence or a conjunction opening it
    ('And Acme may share …' -> 'Acme may share …'), without a list of examples the
    quote cut before its last item ('…, such as suggesting co-authors, recommending users' ->
    the clause before 'such as'), and with a stray full stop before a lower-case word read as
    the comma it stands for, and without a second way to reach the company cut before its address
    (see the module docstring)."""
    head = _LABEL_RE.match(s.text)
    prefix = head.group(0) if head else ""
    body = s.text[len(prefix):]
    conj = _OPENING_CONJUNCTION_RE.match(body)
    if conj and has_verb(body[conj.end():]) and len(body[conj.end():].split()) >= 4:
        body = capitalise(body[conj.end():]) if not prefix else body[conj.end():]
        short = re.sub(r"^((?:[A-Z][\w ]{0,40}: )?)(?:And|But|Or|So|Yet)\s+(?=\w)", r"\1", s.short)
        s = replace(s, text=prefix + body, short=capitalise(short) if short[:1].islower() else short)
    s, body = _without_examples_lead(s, prefix, body)
    m = _LIST_LABEL_RE.match(body)
    m = m if m and not has_verb(m.group("label")) else _DATED_LABEL_RE.match(body) or _run_in_label(body)
    if m and (has_verb(body[m.end():]) or m.re is _TITLED_LABEL_RE) and len(body[m.end():].split()) >= 5:
        label = m.group("label")
        rest = capitalise(_cut(body, label) or "")
        if prefix and prefix != "New: " and re.match(r"(?:You|Your|To|If|When|Where|Please)\b", rest):
            rest = rest[:1].lower() + rest[1:]       # 'New right: you can access …', as the rules say it
        s = replace(s, text=prefix + rest, old=_cut(s.old, label), new=_cut(s.new, label),
                    short=_cut(s.short, label) or "")

    def comma(t: str | None) -> str | None:
        if not t:
            return t
        return _STOP_LOWER_RE.sub(lambda x: ". " if _ABBREVIATION_END_RE.search(t[:x.start()]) else ", ", t)
    alt = _CUT_ALTERNATIVE_RE.search(s.text)
    if alt and has_verb(s.text[:alt.start()]) and len(s.text[:alt.start()].split()) >= 6:
        s = replace(s, text=s.text[:alt.start()], short="" if s.short.endswith(alt.group(0)) else s.short,
                    new=_untailed(s.new, alt.group(0)), old=_untailed(s.old, alt.group(0)))
    cut = _CUT_LIST_RE.search(s.text)
    if cut and not re.search(r"\b(?:and|or|etc)\b", cut.group(0)) and len(s.text[:cut.start()].split()) >= 5:
        tail = cut.group(0)
        s = replace(s, text=s.text[:cut.start()], old=_untailed(s.old, tail), new=_untailed(s.new, tail),
                    short=_untailed(s.short, tail) or "")
    if s.text.count('"') == 1 or s.text.count("“") + s.text.count("”") == 1:
        s = replace(s, text=_unquoted(s.text) or "", old=_unquoted(s.old), new=_unquoted(s.new), short=_unquoted(s.short) or "")
    if _STOP_LOWER_RE.search(s.text):
        s = replace(s, text=comma(s.text) or "", old=comma(s.old), new=comma(s.new), short=comma(s.short) or "")
    return s


_RELATIVE_CLAUSE_RE = re.compile(r"\s(?:that|which|who|whose|where)\s")
_NOUN_OPENING_RE = re.compile(r"^[A-Z][\w-]*(?: [a-z][\w-]*){0,2} (?:on|of|from|in|about|for|with|at|across|by) ")
_AUXILIARY_RE = re.compile(r"(?i)\b(?:is|are|was|were|be|been|will|would|may|might|can|could|should|must|shall|"
                           r"has|have|had|do|does|did|we|you|they|it)\b")


def noun_phrase(body: str) -> bool:
    """A list item that is only a thing and what qualifies it ('Activity on third-party sites
    and apps that use its services'): a noun, a preposition, no auxiliary or subject before
    a relative clause."""
    head = _RELATIVE_CLAUSE_RE.split(body, 1)[0]
    if _PARTICIPLE_ITEM_RE.match(body):
        # 'Information obtained from third parties on your interests': a participle after the
        # noun qualifies it; with no auxiliary, subject or comma in the whole item, no clause
        return len(body.split()) <= 12 and not _AUXILIARY_RE.search(body) and not re.search(r"[,;:]", body)
    return (len(body.split()) <= 16 and bool(_NOUN_OPENING_RE.match(head)) and not _IMPERATIVE_RE.match(head) and not _AUXILIARY_RE.search(head)
            and not re.search(r"\b\w+ed\b|[,;:]", head))


# a list item's noun, qualified by a participle and its preposition ('Information obtained from …',
# 'Data collected by …'): the only '-ed' word comes straight after the noun
_PARTICIPLE_ITEM_RE = re.compile(r"^[A-Z][a-z-]+(?: [a-z][\w-]*)? (?:obtained|collected|received|provided|gathered|"
                                 r"derived|submitted|generated|stored|inferred|purchased|acquired) "
                                 r"(?:from|by|through|via|on|in|about|with)\b(?!.*\b\w+ed\b)")


def unbalanced(body: str) -> bool:
    """A quote cut inside brackets or quotation marks: one is opened and never closed."""
    return body.count("(") != body.count(")") or body.count('"') % 2 == 1 or body.count("“") != body.count("”")


_LIST_LEAD_RE = re.compile(r"(?i)\b(?:include|includes|including|are|is|such as|following|limited to)\s*:$")
_LIST_ITEMS_BACK = 12      # how far back an unbulleted list's lead-in may stand


def listed(s: Statement, ctx: "Context | None") -> Statement | None:
    """A list item that is only a noun phrase, said with the lead-in its list hangs from ('The
    activity information we collect may include:' over 'Activity on third-party sites and apps
    that use our services' -> 'The activity information Acme collects may include activity on
    third-party sites and apps that use its services'); None without such a lead-in."""
    if ctx is None or not s.changes or s.changes[0] >= len(ctx.changes):
        return None
    item = ctx.changes[s.changes[0]].new
    at = ctx.sentence_index(item, False) if item else None
    if at is None or not item:
        return None
    for k in range(at - 1, max(-1, at - _LIST_ITEMS_BACK), -1):
        line = ctx.new_sentences[k].rstrip()
        if _LIST_LEAD_RE.search(line) and has_verb(line):
            said = third_person(f"{line.rstrip(': ')} {item[:1].lower()}{item[1:]}", ctx.owner)
            return replace(s, text=capitalise(tidy(said)), short="", new=item)
        if line[-1:] in ".!?" or len(line) > 120:
            return None            # a paragraph between: the item hangs from no lead-in above it
    return None


def without_glued_tail(s: Statement) -> Statement:
    """s without the start of the next sentence a scrape glued on after its full stop ('… on this
    help page.To supplement your profile' -> '… on this help page'), when that start has no verb
    of its own; s itself otherwise."""
    def cut(text: str) -> str:
        brk = _GLUED_BREAK_RE.search(text)
        if brk is None or _WAS_RE.search(text[brk.start():]):
            return text
        from tracker.changes.anchors import bare_item
        return text[:brk.start() + 2] if bare_item(text[brk.start() + 3:]) else text
    text = cut(s.text)
    return s if text == s.text else replace(s, text=text, short=cut(s.short) if s.short else "")


def cut_purpose(s: Statement, ctx: "Context | None") -> bool:
    """s quotes a purpose clause cut from the sentence whose main clause followed it ('To remove
    your name and postal address from lists that Acme sells' from '…, or to opt out …, please use
    the opt-out form'): no practice and no instruction is left. A whole sentence that opens with
    its purpose ('To protect your data Acme audits its systems') is kept."""
    body = _LABEL_RE.sub("", _WAS_RE.sub("", s.text)).strip()
    if ctx is None or len(s.changes) != 1 or not _PURPOSE_RE.match(capitalise(body)) or _MAIN_CLAUSE_RE.search(body):
        return False
    c = ctx.changes[s.changes[0]]
    side = (c.old if c.kind == "removed" else c.new) or ""
    return len(side.split()) >= len(body.split()) + CUT_WORDS


def publishable(statements: list[Statement], ctx: "Context | None" = None) -> list[Statement]:
    """The statements a reader can take as they are (see the module docstring); a cut window
    of words is mended to its whole clause when it has one, a list item that is only a noun
    phrase is said with its list's lead-in (ctx: the sentences of each side)."""
    out = []
    for s in map(unlabelled, statements):
        s = without_glued_tail(was_as_written(s, ctx))
        listless = starred(s)
        if listless is None:
            continue              # list items run into each other: no sentence of its own
        s = listless
        if glued_item(_LABEL_RE.sub("", s.text)):
            continue              # a lead-in run into a bare item, whatever rule quoted it
        if s.text == _LABEL_RE.sub("", s.text) and noun_phrase(s.text):
            s = listed(s, ctx) or s
        if host_value(s) or (s.impact not in _SECTIONS and _CHANGELOG_RE.search(_LABEL_RE.sub("", s.text))) \
                or cut_purpose(s, ctx):
            continue
        bare = s.text == _LABEL_RE.sub("", s.text) and noun_phrase(s.text)     # a list item a rule quoted as it is
        if s.impact in _NAMED and not bare or fragment(s.text) is None:
            out.append(spaced(s))
            continue
        fixed = mended(s)
        if fixed is not None:
            out.append(spaced(fixed))
    return out


# what a 'Now mentions <term>: …' label names must be a thing: never a verb ('become publicly',
# 'Get Express'), an adverb ('Finally'), a participle ('Groceries Powered', 'pages visited'), nor
# words of another language ('vous identifier')
_TERM_VERBS = frozenset("""get become be make use share sell collect provide see visit click contact learn find read
opt go take give keep set turn allow enable""".split())
# nouns that end like an adverb: a term ending so is still a thing
_LY_NOUNS = frozenset("family italy july supply assembly anomaly monopoly reply ally rally".split())
# a capitalised word next to the term in its quote: the name goes on ('Managed' of 'Managed Accounts')
_NAME_WORD = r"[A-Z][\w&'’-]*"


def _grown(term: str, quote: str) -> str:
    """term with the capitalised words its quote writes right before or after it: the whole name
    ('Managed' -> 'Managed Accounts', 'Provider' -> 'Third Party Service Provider'); term itself
    when the quote does not write it or no capitalised word touches it."""
    m = re.search(rf"(?:{_NAME_WORD} )*{re.escape(term)}(?: {_NAME_WORD})*", quote)
    if m is None or not term[:1].isupper():
        return term
    grown = m.group(0)
    if m.start() == 0 and grown != term and not quote.startswith(term):
        grown = grown.split(" ", 1)[1] if " " in grown else grown     # the sentence's first word is no part of a name
    return grown if len(grown) <= 60 else term


def mention_term(term: str, quote: str) -> str | None:
    """The term a 'Now mentions <term>: “…”' line may name, grown to the whole name its quote
    writes (_grown), or None when it is no thing a reader can be told of: a verb, an adverb, a
    participle, or a term or quote in another language (see _TERM_VERBS)."""
    if _foreign(term) or _FOREIGN_WORD_RE.search(term) or _foreign(quote):
        return None
    name = _grown(term, quote)
    words = name.split()
    if not words:
        return None
    first, last = words[0].lower(), words[-1].lower().strip(".,;:")
    if first in _TERM_VERBS or (last.endswith("ly") and last not in _LY_NOUNS) or last.endswith("ed") \
            or (last.endswith("ing") and (len(words) == 1 or name.islower())):
        return None
    return name


# the small words of other languages a clause never ends on: an article, a preposition, a conjunction
# ('… de nous voir attribuer une', '… lors de vos transactions auprès de')
_FOREIGN_DANGLING_RE = re.compile(r"(?i)(?<![\w'’-])(?:un|une|de|des|du|le|la|les|et|ou|à|au|aux|auprès|pour|par|sur|avec|"
                                  r"dans|der|die|das|den|dem|des|ein|eine|einen|und|oder|von|zu|mit|für|el|los|las|del|y|o|"
                                  r"en|con|por|para|il|lo|gli|di|della|e|het|een|van|voor|op)\W*$")
# 'for more' with what there is more of cut off ('… web site at www.bbb.org for more')
_MORE_END_RE = re.compile(r"(?i)\bfor (?:more|further|additional)\W*$")
# a quote a line gives in curly quotation marks ('Now mentions X: “…”', 'changed to “…”')
_CURLY_QUOTE_RE = re.compile(r"“([^“”]+)”")


def quote_cut(text: str) -> bool:
    """A quote in the line stops on a word that needs what follows it ('… attribuer une”', '…
    request access to the”'): an article, a preposition or a conjunction of its own language.
    A quote that marks its own cut with '…' says so, and is not judged here."""
    for m in _CURLY_QUOTE_RE.finditer(text):
        q = m.group(1).rstrip()
        if not q or q.endswith(("…", "...")):
            continue
        if _DANGLING_END_RE.search(q, max(0, len(q) - 40)) or _MORE_END_RE.search(q[-20:]) \
                or _foreign(q) and _FOREIGN_DANGLING_RE.search(q[-20:]):
            return True
    return False


# a run of short items between commas, the last after 'and' or 'or' ('Collection, storage,
# adaptation, use, transmission, erasure, or destruction'): a table's cell or a list's items
_ITEMS_RE = re.compile(r"^[\w'’/-]+(?: [\w'’/-]+){0,2}(?:, [\w'’/-]+(?: [\w'’/-]+){0,2}){2,},? (?:and|or) [\w'’/-]+(?: [\w'’/-]+){0,2}\.?$")


def bare_items(body: str) -> bool:
    """body is only items of a list, three or more of at most three words each, with no verb:
    it says nothing happened to them (see _ITEMS_RE)."""
    return bool(_ITEMS_RE.match(body)) and not has_verb(body)
