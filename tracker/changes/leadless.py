"""Sentences that never lead a summary when anything else changed (headline._weak_lead): they
state no practice of the company (the document describing its own scope, a line of its change
log, a subject cut before its verb, an example of the sentence before, a way to ask questions or
read more) or are fragments (a heading glued on, a clause with no main clause, a list announced
and not quoted, a redline). Each pattern has an example."""
from __future__ import annotations

import re

# 'The Oracle Privacy Policy addresses information Oracle collects …', 'Google's Privacy Policy
# applies to all of the services …': the document describing its own scope leads only when
# nothing that the company does changed
_POLICY_SCOPE_RE = re.compile(r"^(?:The |This |Our |These )?(?:[A-Z][\w'’.&-]*\s){0,4}(?:[Pp]rivacy |[Cc]ookie )?"
                              r"(?:[Pp]olicy|[Pp]olicies|[Ss]tatement|[Nn]otice)\s+(?:also\s+|only\s+|now\s+)?"
                              r"(?:applies|apply|addresses|covers|describes|explains|governs|sets out|outlines)\b")
# 'Created and added a link to the Privacy Policy archive': an entry of the change log
_CHANGELOG_RE = re.compile(r"^(?:Created|Added|Updated|Removed|Revised|Changed|Clarified|Fixed|Modified|Corrected|Deleted)"
                           r"(?: and (?:added|updated|removed|revised|changed|clarified|fixed|modified|corrected|deleted))?\s+"
                           r"(?:a|an|the|our|its|this|these|some|new|\w+ing)\b")
# 'Information Google collects when you are signed in to Google': a subject and its relative
# clause, cut before the sentence's own verb ('… may be associated with your Google Account')
_SUBJECT_ONLY_RE = re.compile(r"^(?:Any |All |The |Personal |Non-personal )?(?:information|data|content)\s+(?:that |which )?"
                              r"(?:[A-Z][\w'’&.-]*|we|it)\s+[a-z]+s\b(?P<rest>.*)$", re.I)
_MODAL_RE = re.compile(r"\b(?:may|will|can|must|shall|could|would|might)\b", re.I)
_SUBORDINATOR_RE = re.compile(r"^\s*(?:,\s*)?(?:when|if|while|where|as|after|before|once)\b", re.I)


def _subject_only(body: str) -> bool:
    """body is a subject with its relative clause and no verb of its own (see _SUBJECT_ONLY_RE)."""
    m = _SUBJECT_ONLY_RE.match(body)
    return m is not None and not _MODAL_RE.search(m.group("rest")) and bool(_SUBORDINATOR_RE.match(m.group("rest")))


# 'For example, some apps use information such as your friends list': it illustrates a practice stated elsewhere
_EXAMPLE_RE = re.compile(r"(?i)^(?:for (?:example|instance)|e\.g\.|as an example|by way of example|examples? (?:of|include))\b")


# a section title glued before the sentence's subject ('Third-Party Automated Collection Target
# participates in online behavioral advertising'): three title-case words, a name, then its verb
_GLUED_TITLE_RE = re.compile(r"^(?!The )(?:[A-Z][\w'’-]*,?\s+(?:and\s+|&\s+)?){3,8}[A-Z][\w.'’-]*\s+(?:participates|uses|collects|"
                             r"shares|may|will|does|is|are|has|receives|provides|works|offers)\b")


# a fragment that opens with a preposition or a subordinator and never reaches a main clause
# ('With respect to Personal Information received or transferred', 'In aggregated form which …')
_SUBORDINATE_START_RE = re.compile(r"^(?:In|With|For|From|By|On|At|Under|Where|When|While|If|Although|As|Through|Via|"
                                   r"Upon|After|Before|Once|Unless|Because|To (?!the\b|its\b|our\b)[a-z]+)\b")
_MAIN_CLAUSE_RE = re.compile(r",\s+(?:[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,3}|it|we|you|they|the company|personal|your|its|"
                             r"this|these|the|such|all|any|some|information|data)\b[^,]{0,60}?\b(?:may|will|can|is|are|does|do|"
                             r"has|have|must|shall|would|could|should|[a-z]+s|[a-z]+ed)\b|"
                             # 'By using the Services, you consent to …': a pronoun and its verb
                             r",\s+(?:you|we|they)\s+(?!and\b|or\b|as\b|to\b)[a-z]{3,}\b")


# an edit quoted as words added or dropped ('Adds “…” after “…”'): a redline, never a headline
_RAW_EDIT_RE = re.compile(r"^(?:Adds|Drops|Now says|Now mentions [^:]{1,40}:|No longer mentions [^:]{1,40}:) “")
# a sentence that announces a list it does not quote ('… in the following ways', '… as follows')
_LIST_AHEAD_RE = re.compile(r"(?i)\b(?:the following(?: [a-z]+)?|as follows|below|these ways)$")
# 'Google's privacy site provides more information about …': where to read, a pointer in a sentence
_MORE_INFO_RE = re.compile(r"(?i)\b(?:provides?|offers?|contains?|gives?|has) (?:more|further|additional|detailed) "
                           r"(?:information|details|advice)\b|\b(?:find out|learn|read) more\b")
# 'If you have questions …, please contact Apple': how to ask, never what changed most
_CONTACT_US_RE = re.compile(r"(?i)\bplease (?:contact|write to|e-?mail|call)\b|^(?:if you have|for) (?:any )?questions\b")


def _no_main_clause(body: str) -> bool:
    return bool(_SUBORDINATE_START_RE.match(body)) and not _MAIN_CLAUSE_RE.search(body)


def no_practice(body: str) -> bool:
    """Is body (a statement without its label) one of the sentences above?"""
    return bool(_POLICY_SCOPE_RE.match(body)) or bool(_CHANGELOG_RE.match(body)) or _subject_only(body)


# an opener that points back to the sentence before for what the main clause is for ('To do this,
# Lyft uses your personal information'): the practice is said there, not here
_POINTING_OPENER_RE = re.compile(r"(?i)^(?:to do (?:this|so|that)|in doing so|by doing (?:this|so)|"
                                 r"for (?:this|these|that|those|such) (?:purposes?|reasons?)),\s")


def pointing_opener(body: str) -> bool:
    """Does body open with a phrase that points back for its purpose ('To do this, …')?"""
    return bool(_POINTING_OPENER_RE.match(body))
