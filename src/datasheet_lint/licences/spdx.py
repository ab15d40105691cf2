"""Parse and validate a licence expression with the SPDX License List (through license-expression).

license-expression ships the SPDX list (as ScanCode's licence index), so nothing is downloaded.
It is imported only when a datasheet declares a licence: a pre-commit hook that never reads a
licence does not pay for it. Its silent rewrites are undone here, where they would hide what a
datasheet says: deprecated ids (``GPL-3.0``) are reported with their replacement, and a
``LicenseRef-`` is never turned into a listed licence (ScanCode lists ``LicenseRef-Apache`` as an
alias of Apache-2.0; for a dataset it means the author's own terms).

The result is in disjunctive normal form: the options a user may choose between (``OR``), each
the licences that all apply at once (``AND``). ``WITH`` exceptions stay on their licence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from datasheet_lint.licences.table import Table
from datasheet_lint.terminal import printable

MAX_CHARS = 500  # a dataset's licence names a few licences; more is a pasted text
MAX_LICENCES = 24
MAX_DEPTH = 12  # parentheses
MAX_OPTIONS = 64  # OR-options after distributing AND over OR
# What people write when they do not know (Hugging Face: "other", "unknown"; SPDX: NOASSERTION,
# NONE): no terms can be read from it.
UNSTATED = frozenset(
    {"other", "unknown", "noassertion", "none", "n/a", "na", "proprietary", "custom", "tbd", "?"}
)
LICENSE_REF = re.compile(r"^(?:DocumentRef-[A-Za-z0-9.-]+:)?LicenseRef-[A-Za-z0-9.-]+\Z")
TOKEN = re.compile(r"[A-Za-z0-9.+:-]+")


@dataclass(frozen=True, slots=True)
class Leaf:
    """One licence of an expression, with its exception if any."""

    id: str  # canonical SPDX id; a LicenseRef or unknown text as written
    kind: str  # "listed" (SPDX or the terms table), "ref" (LicenseRef-) or "unknown"
    exception: str = ""
    or_later: bool = False  # written with a trailing "+"

    def __str__(self) -> str:
        text = self.id + ("+" if self.or_later else "")
        return f"{text} WITH {self.exception}" if self.exception else text


Option = tuple[Leaf, ...]  # licences that all apply (AND)


@dataclass(frozen=True, slots=True)
class Expression:
    """A parsed expression: the options the user may choose between (OR), each an AND."""

    text: str  # as written
    normalised: str
    options: tuple[Option, ...]
    deprecated: tuple[tuple[str, str], ...] = ()  # (id as written, what to write instead)

    @property
    def leaves(self) -> tuple[Leaf, ...]:
        return tuple(dict.fromkeys(leaf for option in self.options for leaf in option))

    @property
    def unknown(self) -> tuple[Leaf, ...]:
        return tuple(leaf for leaf in self.leaves if leaf.kind == "unknown")


@dataclass(frozen=True, slots=True)
class Malformed:
    """Text that is not a licence expression, and why, in words for the user."""

    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Unstated:
    """A placeholder that states no licence: ``other``, ``unknown``, ``NOASSERTION``, ``NONE``."""

    text: str


Parsed = Expression | Malformed | Unstated


@cache
def licensing() -> Any:
    """license-expression's SPDX licensing, without ScanCode's LicenseRef aliases."""
    import license_expression  # type: ignore[import-untyped]

    index = license_expression.get_license_index()
    for entry in index:
        aliases = entry.get("other_spdx_license_keys") or []
        entry["other_spdx_license_keys"] = [a for a in aliases if not a.startswith("LicenseRef-")]
    return license_expression.build_spdx_licensing(index)


def deprecated_ids(text: str, table: Table) -> tuple[tuple[str, str], ...]:
    """Deprecated SPDX ids as written in ``text``, with their replacements."""
    wanted = {k.casefold(): (k, v) for k, v in table.deprecated.items()}
    found = (wanted.get(token.casefold()) for token in TOKEN.findall(text))
    return tuple(dict.fromkeys(hit for hit in found if hit is not None))


def _depth(text: str) -> int:
    depth = deepest = 0
    for char in text:
        if char == "(":
            depth += 1
            deepest = max(deepest, depth)
        elif char == ")":
            depth -= 1
    return deepest


def parse(text: str, table: Table) -> Parsed:
    """Parse and validate ``text``; never raises on any input."""
    # Control characters (a NUL, an escape sequence) are shown as escapes: they are never part
    # of a licence id, and the text is quoted back in messages that every output prints.
    compact = printable(" ".join(text.split()))
    if not compact or compact.casefold() in UNSTATED:
        return Unstated(compact)
    if len(compact) > MAX_CHARS:
        return Malformed(
            compact[:60] + "...",
            f"is {len(compact)} characters long; a licence expression names licences by id, "
            f"in at most {MAX_CHARS} characters",
        )
    if _depth(compact) > MAX_DEPTH:
        return Malformed(compact, f"nests parentheses more than {MAX_DEPTH} deep")
    deprecated = deprecated_ids(compact, table)
    try:
        tree = licensing().parse(compact, strict=True)
        options = _options(tree, table)
    except _TooComplex as err:
        return Malformed(compact, str(err))
    except Exception as err:  # a third-party parser on user text: any failure is bad input
        reason = _reason(err)
        if deprecated:
            old, new = deprecated[0]
            reason += f" ({old} is a deprecated SPDX id: write {new})"
        return Malformed(compact, reason)
    if tree is None:  # pragma: no cover - blank text is Unstated above
        return Unstated(compact)
    leaves = {leaf for option in options for leaf in option}
    if len(leaves) > MAX_LICENCES:
        return Malformed(compact, f"names {len(leaves)} licences; at most {MAX_LICENCES} are read")
    return Expression(compact, render(tree, table), options, deprecated)


class _TooComplex(Exception):
    pass


def _reason(err: Exception) -> str:
    message = " ".join(str(err).split()) or type(err).__name__
    if "requires two or more licenses" in message:
        return "has an AND or OR without a licence on one side"
    if "Unbalanced parenthesis" in message or "Invalid expression" in message:
        return f"is not a valid SPDX expression ({message})"
    return f"is not a valid SPDX expression ({message[:200]})"


def _leaf(symbol: Any, table: Table) -> Leaf:
    exception = ""
    if hasattr(symbol, "exception_symbol"):  # a LicenseWithExceptionSymbol: "X WITH Y"
        exception = str(symbol.exception_symbol.key)
        symbol = symbol.license_symbol
    key = str(symbol.key)
    known = licensing().known_symbols
    or_later = False
    if key not in known and key.endswith("+") and key[:-1] in known:
        key, or_later = key[:-1], True  # "CC-BY-4.0+": valid SPDX, this version or later
    elif key not in known and key.endswith("+") and table.get(key[:-1]) is not None:
        key, or_later = key[:-1], True
    listed = table.get(key)
    if key.startswith(("LicenseRef-", "DocumentRef-")) and LICENSE_REF.match(key):
        return Leaf(key, "ref", exception, or_later)
    if key in known:
        return Leaf(key, "listed", exception, or_later)
    if listed is not None:  # in the table before the bundled SPDX list has it
        return Leaf(listed.id, "listed", exception, or_later)
    return Leaf(key, "unknown", exception, or_later)


def _options(node: Any, table: Table) -> tuple[Option, ...]:
    """Disjunctive normal form: OR of ANDs, duplicates removed, at most MAX_OPTIONS."""
    lic = licensing()
    if isinstance(node, lic.OR):
        result: list[Option] = []
        for arg in node.args:
            result.extend(_options(arg, table))
            if len(result) > MAX_OPTIONS:
                raise _TooComplex(f"combines licences in more than {MAX_OPTIONS} ways")
        return tuple(dict.fromkeys(result))
    if isinstance(node, lic.AND):
        combined: list[Option] = [()]
        for arg in node.args:
            choices = _options(arg, table)
            combined = [
                tuple(dict.fromkeys(left + right)) for left in combined for right in choices
            ]
            if len(combined) > MAX_OPTIONS:
                raise _TooComplex(f"combines licences in more than {MAX_OPTIONS} ways")
        return tuple(dict.fromkeys(combined))
    return ((_leaf(node, table),),)


def render(node: Any, table: Table, *, nested: bool = False) -> str:
    """The expression with canonical ids, as SPDX writes it."""
    lic = licensing()
    if isinstance(node, (lic.AND, lic.OR)):
        word = " AND " if isinstance(node, lic.AND) else " OR "
        text = word.join(render(arg, table, nested=True) for arg in node.args)
        return f"({text})" if nested else text
    return str(_leaf(node, table))
