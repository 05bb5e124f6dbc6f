#!/usr/bin/env python3
"""How the published summaries read, with no labels: a lint of every headline and bullet shown.

For each of the 319 consecutive pairs of ../shared/corpus/{ota,ptt} (or $TRACKER_SHARED_DIR) the
detector's headline and the bullets shown under it (`render.shown_bullets`, what feeds and the
site publish) go through a few checks a copy editor would make before publishing. Each check is a
small function registered in CHECKS, with the reason a reader objects to what it finds:

- long-headline: a headline over 140 characters;
- unbalanced: quotes or brackets opened and not closed (a quote cut short);
- cut-end: the line ends on a small word ("of", "the", "and"): a clause cut before its object;
- leading-conjunction: the line starts with "And", "But", "Or": half of a sentence;
- dangling-reference: "this/these/that/such …" or "does this" with nothing it refers to shown;
- glued-heading: a run of Title Case words run into the sentence after it (a heading or a table
  of contents glued on: "Information Washington Post Collects We may collect …");
- redline: edit notation ("→", "Adds “…” after “…”", "Now says “…”");
- repeats-headline: a bullet saying the headline again;
- duplicate: two bullets of one summary saying the same;
- too-short: a bare line of fewer than four words, no label;
- example-lead: a headline that opens with "For example": an illustration of a practice stated
  elsewhere, not a change;
- debris: what a scrape or a seam of quotes leaves in a line: a list marker inside it ("Examples:
  * Google collects …"), a small word doubled ("of of"), an address split at its "@" ("(was: team
  @chayn.co)"), two labels stacked ("Now names CMP: New: …"), a clause stopped on its auxiliary
  ("… Comcast will"), a name said to be itself ("Acme is Acme S.p.A.", who "we" are put in the
  third person);
- verbless-headline: a headline that is a list item, a noun and what qualifies it with no verb
  ("Information obtained from third parties on your interests");
- glued-heading also finds a heading joined by 'and' before the company as subject ("Retention and
  Deletion Oracle will retain …"), a heading before a preposition ("Personal and Other Information
  Oracle Collects Through your …"), two sentences glued at a lost space ("… and Organizers.it has
  never …") and a bracketed acronym glued to the next word ("(GDPR)1Password.eu");
- glued-heading also finds a run-in label before a sentence's pronoun subject ("Access requests
  You can access …") and a label said twice where a scrape lost the break ("User IDsUser IDs are");
  cut-end also a line that stops before its list ("… include, but are not limited"); and
  dangling-reference also a headline pointing back inside ("those services", "such third
  parties", "the foregoing feature").

These are proxies: a line can pass every check and still be false or unimportant (only a reader
judges that), and a rare line a check flags reads well. What they give is a count that must not
grow, measured side by side: `--against DIR` lints another checkout (each in its own process) and
prints both. `-v` prints every flagged line under its pair.

    python3 bench/statement_lint.py
    python3 bench/statement_lint.py --against /tmp/main-before -v
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(HERE / "bench"))
from _corpus import consecutive_pairs  # noqa: E402
HEADLINE_LIMIT = 140

# a label the detector puts before a statement ('New right: ', 'No longer says: ', 'Rewrite: ')
_LABEL_RE = re.compile(r"^(?:Rewrite(?: [a-z ]+)?|New [a-z -]+|No longer [a-z]+|Now [a-z]+|Drops(?: [a-z]+)?|Adds|"
                       r"Right no longer stated|Retention rule dropped|Narrows its promise|Promise narrowed|"
                       r"Cosmetic only):\s+")
_SMALL_END = frozenset("a an the of for with by from at as and or nor but that which whose your its their our "
                       "such than into onto via include includes including limited".split())
_DANGLING_RE = re.compile(r"(?i)^(?:this|these|those|such|that)\s+(?!privacy\b|policy\b|notice\b|statement\b|"
                          r"agreement\b|section\b|service\b|online\b|web\b|website\b|site\b|page\b|document\b|is\b|means\b)[a-z]+\b"
                          r"|^(?:it|they)\s+(?!is\b|are\b)\w|\b(?:does|do|did)\s+(?:this|that)\b")
_GLUED_RE = re.compile(r"(?:\b[A-Z][\w'’&-]*,?\s+){3,}(?:We|You|Your|Our|If|When|This|The|To|In)\s+[a-z]"
                       r"|\b[a-z][\w'’-]*[a-z]\s+(?:You|We)\s+(?:can|may|will|must|should|might|could|have|are|do|use|collect|share)\b"
                       r"|(?P<said>\b[A-Z][\w'’&-]*(?: [\w'’&-]+){1,5}) ?(?P=said)\b"
                       # a heading joined by 'and' before the company as subject, at the line's start
                       # ('Retention and Deletion Oracle will retain …')
                       r"|^[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)* (?:and|&) [A-Z][\w'’-]+(?: [A-Z][\w'’-]+)* [A-Z][\w'’&.-]*"
                       r" (?:will|may|can|uses|collects|shares|participates|provides|has|is|does)\b"
                       # a heading before a preposition opening the sentence ('… Oracle Collects Through your …')
                       r"|^(?:[A-Z][\w'’-]+ (?:(?:and|of|&) )?){3,}(?:Through|By|With|From|Under|Upon|As) (?:your|the|our|its|a)\b"
                       # two sentences glued at a lost space ('… and Organizers.it has never …')
                       # (a domain is written in lower case: 'acme.it is run by …' is none)
                       r"|\b[A-Z][a-z]{2,}\.(?:it|we|they) (?:has|have|is|are|will|may|never|do|does|can)\b"
                       r"|[a-z]{3}\.(?:We|It|They|You|If) (?:has|have|is|are|will|may|never|do|does|can|you)\b"
                       # a bracketed acronym glued to the next word ('Agreement (GDPR)1Password.eu …')
                       r"|\([A-Z]{2,}\)[A-Z0-9]")
# a reference inside a headline to something it never names ('If you use those services, …')
_INNER_REF_RE = re.compile(r"(?i)\b(?:the (?:foregoing|aforementioned|above-mentioned)|those|such(?!(?:\s+[\w-]+){1,3}\s+as\b))\s+"
                           r"(?!(?:as|a|an|that|which|who|whom|whose|of|in|on|for|with|listed|described|cases?|circumstances?|"
                           r"instances?)\b)[a-z]")
# a list item: a noun, what qualifies it, no verb, subject or auxiliary anywhere
_ITEM_RE = re.compile(r"^[A-Z][a-z-]+(?: [a-z][\w-]*){0,2} (?:obtained|collected|received|provided|gathered|derived|generated|"
                      r"from|on|of|about|for|with|in)\b")
_FINITE_RE = re.compile(r"(?i)\b(?:is|are|was|were|be|been|will|would|may|might|can|could|should|must|shall|has|have|had|"
                        r"does|do|did|we|you|they|it|now|no longer|cannot)\b|^[A-Z][\w-]*(?:'s)? [a-z]+s\b|[,;:]")
_REDLINE_RE = re.compile(r"→|\[[^\]]*\]\s*\{|^(?:Adds|Drops|Now says)\s+“|\bafter “[^”]+”$")


def body(line: str) -> str:
    """The line without its label and its '(was: …)' tail."""
    return re.sub(r"\s*\(was: .*\)$", "", _LABEL_RE.sub("", line.strip()))


def _key(line: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", body(line).lower()).strip()


def long_headline(line: str, headline: bool) -> bool:
    """A headline no reader sees whole in a feed title."""
    return headline and len(line) > HEADLINE_LIMIT


def unbalanced(line: str, headline: bool) -> bool:
    """A quote or bracket opened and not closed: the quote was cut."""
    return (line.count("“") != line.count("”") or line.count("(") != line.count(")")
            or line.count("[") != line.count("]") or line.count('"') % 2 == 1)


def cut_end(line: str, headline: bool) -> bool:
    """The clause stops before its object ('… to provide you with the')."""
    words = re.findall(r"[\w']+", body(line))
    return bool(words) and words[-1].lower() in _SMALL_END and not line.rstrip().endswith((")", "”", '"')) \
        and not re.search(r"\b[A-Z]\.$", line.rstrip())        # 'TD Bank USA N.A.': an initial, not the article


def leading_conjunction(line: str, headline: bool) -> bool:
    """Half a sentence: the reader lacks what it continues."""
    return bool(re.match(r"(?:And|But|Or|Nor|So)\b", body(line)))


def dangling_reference(line: str, headline: bool) -> bool:
    """'Twitter does this to help improve its Services': what 'this' is, the reader is not told."""
    return bool(_DANGLING_RE.search(body(line))) or headline and bool(_INNER_REF_RE.search(body(line)))


def example_lead(line: str, headline: bool) -> bool:
    """'For example, some apps use …': what it is an example of, the headline does not say."""
    return headline and bool(re.match(r"(?i)(?:for (?:example|instance)|e\.g\.)\b", body(line)))


def verbless_headline(line: str, headline: bool) -> bool:
    """A list item as a headline: nothing happened to it that it says."""
    text = body(line)
    return headline and bool(_ITEM_RE.match(text)) and not _FINITE_RE.search(text)


def glued_heading(line: str, headline: bool) -> bool:
    """A heading or a table of contents run into the sentence after it."""
    return bool(_GLUED_RE.search(body(line)))


def redline(line: str, headline: bool) -> bool:
    """Edit notation instead of a statement of the change."""
    return bool(_REDLINE_RE.search(line))


# what a scrape or a seam of two quotes leaves in a line: a list marker inside it ('Examples: *
# Google collects …'), a small word doubled ('purpose of of providing'), an address split at its
# '@' ('team @chayn.co'), two labels stacked ('Now names CMP: New: …'), a clause stopped on its
# auxiliary ('… another company, Comcast will')
_DEBRIS_RE = re.compile(r"(?:^|\s)[*•]\s|(?i:\b(of|to|the|a|an|and|or|for|in|on|by|with|from|at)\s+\1\b)|"
                        r"\w\s@\w|^(?!Rewrit)[A-Z][^:]{0,40}: (?:New|Adds|No longer says|Drops)[^:]{0,20}: |"
                        # a name said to be itself: who "we" are put in the third person ('Acme is Acme S.p.A.')
                        r"\b(?P<name>[A-Z][\w'’&.-]*(?: [A-Z][\w'’&.-]*){0,3}) (?:is|are) (?:now )?(?P=name)\b|"
                        # ('and it never will' is a whole clause)
                        r"(?i:(?<!never )(?<!not )(?<!always )\b(?:will|would|may|might|can|could|shall|should|must)\s*$)")


def debris(line: str, headline: bool) -> bool:
    """Scrape debris or a seam left in a shown line (see _DEBRIS_RE): no copy editor lets it through."""
    return bool(_DEBRIS_RE.search(re.sub(r"\s*\(was: .*\)$", "", line.strip()))) or \
        bool(re.search(r"\(was: [^()]*\w\s@\w", line))


def too_short(line: str, headline: bool) -> bool:
    """A bare label or name with no practice stated."""
    return not _LABEL_RE.match(line) and len(re.findall(r"\w+", body(line))) < 4


LineCheck = Callable[[str, bool], bool]
CHECKS: dict[str, LineCheck] = {
    "long-headline": long_headline, "unbalanced": unbalanced, "cut-end": cut_end,
    "leading-conjunction": leading_conjunction, "dangling-reference": dangling_reference,
    "glued-heading": glued_heading, "redline": redline, "too-short": too_short,
    "example-lead": example_lead, "verbless-headline": verbless_headline, "debris": debris,
}
SUMMARY_CHECKS = ("repeats-headline", "duplicate")


def lint(headline: str, bullets: list[str]) -> list[tuple[str, str]]:
    """(check, line) for every problem of one published summary."""
    found = [(name, line) for i, line in enumerate([headline, *bullets])
             for name, check in CHECKS.items() if check(line, i == 0)]
    head, seen = _key(headline), set()
    for b in bullets:
        k = _key(b)
        if k and k == head:
            found.append(("repeats-headline", b))
        elif k in seen:
            found.append(("duplicate", b))
        seen.add(k)
    return found


def published(root: Path) -> dict[str, list[str]]:
    """Headline and shown bullets of every consecutive corpus pair, by the checkout at root."""
    sys.path.insert(0, str(root))
    from tracker.changes.detector import compare
    from tracker.changes.render import shown_bullets
    out: dict[str, list[str]] = {}
    for key, a, b in consecutive_pairs():
        r = compare(a.read_text(errors="replace"), b.read_text(errors="replace"))
        if r.verdict not in ("cosmetic", "no change"):
            out[key] = [r.headline, *shown_bullets(r.headline, r.bullets)]
    return out


def tally(summaries: dict[str, list[str]]) -> dict[str, object]:
    """Counts per check, lines and pairs linted, pairs with any problem, and the problems."""
    problems = {k: lint(v[0], v[1:]) for k, v in summaries.items()}
    counts = {name: 0 for name in [*CHECKS, *SUMMARY_CHECKS]}
    for found in problems.values():
        for name, _ in found:
            counts[name] += 1
    return {"pairs": len(summaries), "lines": sum(map(len, summaries.values())), "counts": counts,
            "pairs_flagged": sum(bool(f) for f in problems.values()),
            "problems": {k: f for k, f in problems.items() if f}}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--against", type=Path, help="another checkout to lint side by side")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every flagged line")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        print(json.dumps(tally(published(args.worker))))
        return
    roots = ([args.against] if args.against else []) + [HERE]
    results = {}
    for root in roots:
        out = subprocess.run([sys.executable, __file__, "--worker", str(root)], capture_output=True, text=True,
                             check=True, env={**os.environ, "PYTHONPATH": str(root)}).stdout
        results[str(root)] = json.loads(out)
    if args.json:
        print(json.dumps(results, indent=1))
        return
    for root, res in results.items():
        if args.verbose:
            for key, found in res["problems"].items():
                print(key)
                for name, line in found:
                    print(f"    {name:20} {line[:160]}")
        print(f"{root}: {res['pairs']} non-cosmetic pairs, {res['lines']} lines, {res['pairs_flagged']} pairs flagged")
        print("    " + ", ".join(f"{n} {c}" for n, c in res["counts"].items()))


if __name__ == "__main__":
    main()
