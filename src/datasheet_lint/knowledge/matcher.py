"""One compiled regex that finds every blocklist alias, URL and look-alike in a text.

Aliases are matched case-insensitively on whole tokens: a letter or digit may not stand just
before or after a match, so ``brainwash`` does not match ``brainwashing`` and ``celeb`` does not
match ``CelebA``. Inside a name, ``-``, ``_``, ``.`` and spaces are interchangeable or optional
(``MS-Celeb-1M``, ``ms_celeb_1m``, ``msceleb1m``). All patterns share one trie, so the regex
engine walks a text once, and at each position the longest pattern wins: a look-alike such as
``Re-LAION-5B`` is matched first and shadows the ``LAION-5B`` inside it. URLs, hosts and
Drive ids go through the same trie (their dots and dashes are separators too).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from datasheet_lint.cache import compiled_regex
from datasheet_lint.knowledge.blocklist import Alias
from datasheet_lint.names import chunks, normalise

_LEFT = r"(?<![a-z0-9])"
# A class name may run straight on into "Dataset": CocoDataset, DukeMTMCDataset.
_RIGHT = r"(?=(?:datasets?)?(?![a-z0-9]))"
_OPTIONAL_SEPARATOR = "[-_. ]?"


class Hit(NamedTuple):
    """One match in a text: offsets, the text as spelled, and the alias it matched."""

    start: int
    end: int
    surface: str
    alias: Alias


def _steps(alias: Alias) -> list[tuple[str, bool]]:
    """The alias as (character, separator may precede it) steps over its normalised key."""
    steps = []
    for index, part in enumerate(chunks(alias.value)):
        for offset, char in enumerate(part.casefold()):
            steps.append((char, index > 0 and offset == 0))
    return steps


class _Node:
    __slots__ = ("children", "separator", "terminal")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.separator = False  # some alias has a separator before the next character
        self.terminal = False


def _pattern(node: _Node) -> str:
    """Regex for a trie node: every continuation first, else the name may end here.

    The trie is keyed on normalised names, so each key has exactly one path; the greedy
    optional group tries the longest name first and backtracks to a shorter one when the
    boundary after it fails.
    """
    if not node.children:
        return ""
    branches = [re.escape(char) + _pattern(child) for char, child in sorted(node.children.items())]
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    body = (_OPTIONAL_SEPARATOR if node.separator else "") + body
    if node.terminal:
        return f"(?:{body})?"
    return body


def regex_source(aliases: Iterable[Alias]) -> str:
    """The one regex over every alias: a trie of their normalised names.

    The shipped names' regex is built with the package (``knowledge/matcher.json``); a run
    with its own blocklist builds it here, a cost the shipped names never pay.
    """
    root = _Node()
    for alias in aliases:
        if not normalise(alias.value):
            continue
        node = root
        for char, separated in _steps(alias):
            node.separator = node.separator or separated
            child = node.children.get(char)
            if child is None:
                child = node.children[char] = _Node()
            node = child
        node.terminal = True
    return _LEFT + _pattern(root) + _RIGHT if root.children else r"(?!)"


class Matcher:
    """Finds alias hits in text; built once per run from the blocklist's aliases."""

    def __init__(self, aliases: Iterable[Alias], pattern: str | None = None) -> None:
        """``pattern``: ``regex_source(aliases)`` when it was built beforehand."""
        self._aliases = tuple(aliases)
        self._table: dict[str, Alias] | None = None  # built on the first match
        body = regex_source(self._aliases) if pattern is None else pattern
        # Case-insensitive matching costs ~3x; lower-cased text with a case-sensitive
        # pattern gives the same matches whenever lowering keeps every offset in place.
        self._regex = compiled_regex(body)
        self._ignorecase: re.Pattern[str] | None = None  # costly to compile: on first need

    def _by_key(self) -> dict[str, Alias]:
        """Normalised name -> alias. Most files of a commit name no known dataset, so the
        ~1,200 names are normalised only when one does."""
        if self._table is None:
            self._table = {}
            for alias in self._aliases:
                key = normalise(alias.value)
                known = self._table.get(key)
                # The first alias of a key wins (the blocklist comes first); a look-alike
                # only shadows: a dataset that owns the same name (CelebA in the catalogue)
                # replaces it.
                if key and (known is None or (known.dataset is None and alias.dataset is not None)):
                    self._table[key] = alias
        return self._table

    def hits(self, text: str) -> Iterator[Hit]:
        """Each non-overlapping match, left to right; look-alikes are dropped here."""
        lowered = text.lower()
        if len(lowered) == len(text):
            matches = self._regex.finditer(lowered)
        else:  # a character such as U+0130 lowers to two: keep the original offsets
            if self._ignorecase is None:
                self._ignorecase = re.compile(self._regex.pattern, re.IGNORECASE)
            matches = self._ignorecase.finditer(text)
        for match in matches:
            surface = text[match.start() : match.end()]
            alias = self._by_key().get(normalise(surface))
            if alias is None or alias.dataset is None:
                continue
            yield Hit(match.start(), match.end(), surface, alias)
