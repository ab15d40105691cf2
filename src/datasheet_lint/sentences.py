"""Where a sentence ends, for the one-line summaries of rules and blocklist entries.

A full stop, question or exclamation mark ends a sentence when whitespace or the end of the
text follows it, unless it closes an abbreviation (``e.g.``, ``Art.``, an initial), belongs
to an ellipsis, or stands inside a code span (`` `maintenance.status` ``), or the next word
starts in lower case. The rule summaries in ``datasheet-lint rules``, docs/rules.md and SARIF's
``shortDescription`` all come from ``summary``.
"""

from __future__ import annotations

import re

# Lower-cased, without their final full stop. A single letter (an initial) counts too.
ABBREVIATIONS = frozenset(
    {
        "al",  # et al.
        "approx",
        "art",  # GDPR Art. 9
        "ca",
        "cf",
        "co",
        "corp",
        "dr",
        "e.g",
        "e.v",
        "etc",
        "fig",
        "i.e",
        "inc",
        "incl",
        "jr",
        "ltd",
        "mr",
        "mrs",
        "ms",
        "no",
        "nos",
        "p",
        "pp",
        "prof",
        "sec",
        "sr",
        "st",
        "u.k",
        "u.s",
        "vol",
        "vs",
    }
)
WORD_BEFORE = re.compile(r"[\w.]*$")


def first_sentence(text: str) -> str:
    """The first sentence of ``text``, its whitespace collapsed, its final full stop kept."""
    flat = " ".join(text.split())
    in_code = False
    for position, char in enumerate(flat):
        if char == "`":
            in_code = not in_code
        elif char in ".!?" and not in_code and _ends_sentence(flat, position):
            return flat[: position + 1]
    return flat


def _ends_sentence(flat: str, position: int) -> bool:
    after = flat[position + 1 : position + 3]
    if after and not (after[0] == " " and after[1:2] and not after[1].islower()):
        return False  # more text follows without a space, or a lower-case word follows
    if flat[position] != ".":
        return True
    if flat[position - 1 : position] == ".":  # an ellipsis
        return False
    match = WORD_BEFORE.search(flat, 0, position)
    word = match.group(0).lower() if match else ""
    return word not in ABBREVIATIONS and not (len(word) == 1 and word.isalpha())


def summary(text: str) -> str:
    """The first sentence without its full stop, cut before a colon that introduces details
    (one outside parentheses and code spans): a line for a table or a tool's rule list."""
    sentence = first_sentence(text)
    depth = 0
    in_code = False
    for position, char in enumerate(sentence):
        if char == "`":
            in_code = not in_code
        elif in_code:
            continue
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        elif char == ":" and depth == 0 and sentence[position + 1 : position + 2] == " ":
            return sentence[:position]
    return sentence.rstrip(".!")
