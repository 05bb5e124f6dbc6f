"""Companies a Markdown table of recipients lists for the first time: a row added to a table of
processors, sub-processors or partners ('| [Braze](https://braze.com) | Name, e-mail | Marketing
automation |'). Segmentation reads a table cell by cell, so a new row whose cells repeat other
rows' cells, or whose name is only a link, leaves no changed sentence: the row itself is the news.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.changes.rules.common import _and, Statement

# a table row: a line opening and closing with a bar, with two cells at least
_ROW_RE = re.compile(r"^\s*\|.*\|\s*$")
_SEP_RE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_HEADING_RE = re.compile(r"^\s*(?:#{1,6}\s+\S|\*\*[^*]+\*\*\s*$)")
# words that make a table one of parties given data: in its names' header cell or in the heading
# or lead-in line above it (English, French, German, Spanish, Italian, Dutch)
_PARTIES_RE = re.compile(
    r"(?i)\b(?:sub-?processors?|processors?|recipients?|vendors?|partners?|(?:service )?providers?|suppliers?|"
    r"third[- ]part(?:y|ies)|3rd[- ]part(?:y|ies)|sous-traitants?|partenaires?|prestataires?|destinataires?|"
    r"empf[äa]nger|auftragsverarbeiter|dienstleister|encargados?|destinatarios?|proveedores?|responsabili|"
    r"fornitori|verwerkers?|ontvangers?)\b")
# a header cell that heads a column of names
_NAME_HEADER_RE = re.compile(
    r"(?i)\b(?:names?|part(?:y|ies)|compan(?:y|ies)|entit(?:y|ies)|organi[sz]ations?|tools?|services?|nom|"
    r"soci[ée]t[ée]|firma|unternehmen|empresa|nombre)\b")
# a header cell over the data each party gets, and one over what it does with it
_DATA_HEADER_RE = re.compile(r"(?i)\b(?:data|information|donn[ée]es|daten|datos|dati|gegevens)\b")
# words of a kind of recipient, never a company's name ('Affiliates', 'Government agencies')
_KIND_RE = re.compile(r"(?i)\b(?:affiliates?|subsidiar(?:y|ies)|authorit(?:y|ies)|agenc(?:y|ies)|advertisers?|companies|"
                      r"users|members|buyers|purchasers|public|government|police|courts?|others?|categor(?:y|ies))\b")
# a header cell over what a table lists that is no company: cookies, storage keys, hosts
_NOT_PARTY_HEADER_RE = re.compile(r"(?i)\b(?:cookies?|keys?|domains?|hosts?|storage|identifiers?|categor(?:y|ies)|types?)\b")
# the shape of a company's name: a few words, opening with a capital or a digit, no sentence
_NAME_RE = re.compile(r"^[A-Z0-9][\w&.,'’+\- ]{0,48}$")
NAME_MAX_WORDS = 5          # 'De Hollandse Centrale B.V' is a name; a longer cell is a sentence
# share of a table's rows whose name cell must be a name for the column to be one of names
NAME_COLUMN_SHARE = 0.6
# legal forms left out when looking for the name in the other text ('Braze, Inc.' is 'Braze')
_LEGAL_FORM_RE = re.compile(r"(?i)[,\s]+(?:inc|llc|ltd|limited|gmbh|ag|s\.?a\.?s?|b\.?v|corp(?:oration)?|co|plc|srl|sarl|"
                            r"oy|ab|as|a/s|pty|s\.?p\.?a)\.?$")
# names one cell joins ('Batch & Qwant', 'Piwik and Matomo'): each its own party
_JOINED_RE = re.compile(r"\s+(?:&|and|et|und|y)\s+|\s*/\s*")
# a data cell quoted after a single new name: kept short
DATA_CELL_CHARS = 90
# new names written out in one statement before 'and N more'
NAMES_SHOWN = 4


@dataclass(frozen=True)
class PartyRow:
    """One party of a parties table: its name, the data its row lists, what the table calls it."""

    name: str
    data: str
    role: str


def _cells(line: str) -> list[str]:
    """The cells of a table row, stripped."""
    return [c.strip() for c in line.strip().strip("|").split("|")]


def _plain(cell: str) -> str:
    """A cell's words: links by their text, emphasis, escapes and line breaks (first line only)
    and a parenthesis after the name dropped."""
    cell = re.split(r"(?i)<br\s*/?>", cell)[0]
    cell = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", cell)
    cell = re.sub(r"[*_`\\]+", "", cell)
    cell = re.sub(r"\s*\([^)]*\)\s*$", "", cell)
    return " ".join(cell.split()).strip(" :;,")


def _is_name(text: str) -> bool:
    """Does text have the shape of a company's name (not a sentence, a list of data, a kind of
    recipient such as 'Law enforcement authorities' or 'Advertising partners')?"""
    if not _NAME_RE.match(text) or len(text.split()) > NAME_MAX_WORDS or "," in _LEGAL_FORM_RE.sub("", text):
        return False
    if _PARTIES_RE.search(text) or _KIND_RE.search(text):
        return False
    # a name capitalises its longer words ('Cloud du Ministère de l’Intérieur'), a phrase does not
    return not any(len(w) >= 4 and w.isalpha() and w.islower() for w in text.split()[1:])


# lines above a table that make its parties sources of the user's data, not recipients ('Data
# Received from Third Parties', 'we may receive some personal data from third parties')
_SOURCES_RE = re.compile(r"(?i)\b(?:receiv\w*|obtain\w*|collect\w*|get)\b[^.|]{0,60}\bfrom\b|\bsources?\b|\bre[çc]u\w* de\b")
_GIVEN_RE = re.compile(r"(?i)\bshar\w*|disclos\w*|recipient|destinataire|empf[äa]nger|destinatario|transfer\w*")
SOURCES_ROLE = "the third parties it receives personal data from"
NAMED_ROLE = "the third parties it names"


def _role(header: str, context: str) -> str:
    """How the statement calls the parties of the table, from its first header cell and the lines
    above it: the table's own word for them, those it shares data with when the lines above say so,
    else 'the third parties it names'."""
    said = f"{header} {context}".lower()
    if _SOURCES_RE.search(said) and not _GIVEN_RE.search(said):
        return SOURCES_ROLE
    if re.search(r"sub-?processor|sous-traitant|auftragsverarbeiter|encargado", said):
        return "its sub-processors" if "sub" in said else "its data processors"
    if re.search(r"\bprocessors?\b", said):
        return "its data processors"
    if re.search(r"\bpartners?\b|partenaire", said):
        return "its partners"
    if re.search(r"provider|vendor|supplier|prestataire|dienstleister|proveedor|fornitor", said):
        return "its service providers"
    if re.search(r"\bshar\w*|disclos\w*|recipient|destinataire|empf[äa]nger|destinatario", said):
        return "the third parties it may share personal data with"
    return NAMED_ROLE


def _tables(text: str) -> list[tuple[list[str], str, list[list[str]]]]:
    """Each Markdown table of text: its header cells, the heading and lead-in line above it, and
    its body rows' cells."""
    out: list[tuple[list[str], str, list[list[str]]]] = []
    lines = text.splitlines()
    heading = lead = ""
    i = 0
    while i < len(lines):
        line = lines[i]
        if not _ROW_RE.match(line) or line.count("|") < 3:
            if line.strip():
                if _HEADING_RE.match(line) or (i + 1 < len(lines) and re.match(r"^\s*(?:-{3,}|={3,})\s*$", lines[i + 1])):
                    heading, lead = line.strip(), ""
                elif not re.match(r"^\s*(?:-{3,}|={3,})\s*$", line):
                    lead = line.strip()
            i += 1
            continue
        rows: list[list[str]] = []
        while i < len(lines) and _ROW_RE.match(lines[i]):
            if not _SEP_RE.match(lines[i]):
                cells = _cells(lines[i])
                if any(cells):
                    rows.append(cells)
            i += 1
        if len(rows) >= 2:
            out.append((rows[0], f"{heading} {lead}", rows[1:]))
    return out


def _name_column(header: list[str]) -> int | None:
    """The column of a table's header that heads the parties' names ('Processor', 'Party name',
    'Partenaire'), not one of cookies or data kinds ('Cookie name'); None when there is none."""
    for j, cell in enumerate(header):
        h = _plain(cell)
        if (_PARTIES_RE.search(h) or _NAME_HEADER_RE.search(h)) and not _NOT_PARTY_HEADER_RE.search(h) \
                and (_PARTIES_RE.search(h) or not _DATA_HEADER_RE.search(h)):
            return j
    return None


def _party_rows(text: str) -> list[PartyRow]:
    """The rows of text's parties tables whose name cell is a name: a table whose header or the
    lines above it name recipients, with a column of names (_name_column), most of whose cells are
    names."""
    out: list[PartyRow] = []
    for header, context, body in _tables(text):
        col = _name_column(header)
        if col is None:
            continue
        first = _plain(header[col])
        if not (_PARTIES_RE.search(first) or _PARTIES_RE.search(context)):
            continue
        names = [_plain(r[col]) if col < len(r) else "" for r in body]
        if sum(_is_name(n) for n in names) < NAME_COLUMN_SHARE * len(names):
            continue
        data_col = next((j for j, h in enumerate(header) if j != col and _DATA_HEADER_RE.search(_plain(h))), None)
        role = _role(first, context)
        for row, cell in zip(body, names):
            data = _plain(row[data_col]) if data_col is not None and data_col < len(row) else ""
            out += [PartyRow(name, data, role) for name in _JOINED_RE.split(cell) if _is_name(name)]
    return out


def _core(name: str) -> str:
    """name without its legal form, lower case: what another text writes of it."""
    return _LEGAL_FORM_RE.sub("", name).strip().lower()


def _written(name: str, text: str) -> bool:
    """Does text write name (without its legal form), in any case, as whole words?"""
    core = _core(name)
    return bool(core) and re.search(rf"(?<![\w]){re.escape(core)}(?![\w])", text) is not None


def _brand(name: str) -> str:
    """The first word of a name of several ('Google' of 'Google Tag Manager'), '' for a name of one
    word or a first word too short to be a brand."""
    words = name.split()
    return words[0] if len(words) > 1 and len(words[0]) >= 3 else ""


def new_party_rows(old: str, new: str, owner: str = "") -> list[PartyRow]:
    """The rows of new's parties tables naming a company the old text never writes, anywhere and
    in any case, nor its brand ('Microsoft Advertising' where the old text names Microsoft): who
    receives the data widened. Each name once; never the company itself (owner)."""
    low_old = old.lower()
    seen: set[str] = set()
    out: list[PartyRow] = []
    for row in _party_rows(new):
        key = _core(row.name)
        if key in seen or _written(row.name, low_old) or (_brand(row.name) and _written(_brand(row.name), low_old)):
            continue
        if owner and (_written(owner.split()[0], key) or _written(key.split()[0], owner.lower())):
            continue
        seen.add(key)
        out.append(row)
    return out


def table_statements(old: str, new: str, told: str, owner: str = "") -> list[Statement]:
    """'Now lists Braze among its data processors (Name, email address)' for the companies a
    parties table lists for the first time, one statement per role; names another statement
    already says (told, lower case) are left to it."""
    rows = [r for r in new_party_rows(old, new, owner) if not _written(r.name, told)]
    out: list[Statement] = []
    for role in dict.fromkeys(r.role for r in rows):
        mine = [r for r in rows if r.role == role]
        names = [r.name for r in mine]
        if len(mine) == 1:
            data = mine[0].data
            data = data if len(data) <= DATA_CELL_CHARS else data[:DATA_CELL_CHARS].rsplit(" ", 1)[0].rstrip(",;") + " …"
            text = f"Now lists {names[0]} among {role}" + (f" ({data})" if data else "")
            short = f"Now lists {names[0]} among {role}"
        else:
            shown = names[:NAMES_SHOWN] + ([f"{len(names) - NAMES_SHOWN} more"] if len(names) > NAMES_SHOWN else [])
            text = short = f"Now lists {len(names)} new companies among {role}: {_and(shown)}"
        # a source of the user's data is told as one, a table that says neither way names parties only
        topic, impact = ("collection", "sources-widened") if role == SOURCES_ROLE else \
            ("sharing", "named-party") if role == NAMED_ROLE else ("sharing", "new-recipient")
        out.append(Statement(text, topic, impact, None, ", ".join(names), (), short))
    return out
