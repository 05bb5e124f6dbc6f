"""Sentences that state no practice of the company and so never lead a summary when anything
else changed: the document describing its own scope, a line of its change log, a subject cut
before its verb. Used by headline._weak_lead; each pattern has an example."""
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


def no_practice(body: str) -> bool:
    """Is body (a statement without its label) one of the sentences above?"""
    return bool(_POLICY_SCOPE_RE.match(body)) or bool(_CHANGELOG_RE.match(body)) or _subject_only(body)
