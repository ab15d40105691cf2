"""Rule selectors in settings, on the command line and in suppressions: checked against the
rules that exist.

A selector is a rule code (``DSL101``), a code prefix that matches at least one rule
(``DSL1``, ``DSL``) or a rule name (``retracted-dataset``, which means its code). Anything
else is a mistake that would otherwise pass silently: ``--select DSL120`` used to select no
rule and print "no findings" (issue 18). Like ruff, an unknown selector is an error with the
closest known one as a hint.
"""

from __future__ import annotations

import functools

from datasheet_lint.errors import UserError
from datasheet_lint.lazyregex import lazy

# A rule code or a prefix of one, as settings, the command line and suppressions write them.
CODE_PREFIX = lazy(r"^DSL\d{0,3}\Z")


@functools.cache
def _rules() -> dict[str, str]:
    """Every rule code -> its name (the registry loads rules, so it is imported late)."""
    from datasheet_lint.rules import RULES

    return {code: rule.name for code, rule in RULES.items()}


@functools.lru_cache(maxsize=4096)  # every inline suppression asks again for its codes
def resolve(selector: str, *, exact: bool = False) -> str | None:
    """The code or prefix ``selector`` stands for, or None when it matches no rule.

    With ``exact``, only a whole code or a name is accepted (a severity is per rule).
    """
    rules = _rules()
    text = selector.strip()
    code = text.upper()
    if CODE_PREFIX.match(code) and (
        code in rules or (not exact and any(c.startswith(code) for c in rules))
    ):
        return code
    by_name = {name: c for c, name in rules.items()}
    return by_name.get(text.lower())


def closest(selector: str) -> str | None:
    """The known code or name ``selector`` most likely misspells.

    For codes, two swapped digits (DSL120 for DSL102) and a shared prefix count before
    difflib's similarity, which alone would rank DSL312 as close as DSL102.
    """
    import difflib  # only a mistake needs it

    rules = _rules()
    text = selector.strip()
    word = text.upper()
    if word.startswith("DSL"):
        best = max(
            rules,
            key=lambda code: (
                sorted(code) == sorted(word),
                _shared_prefix(code, word),
                difflib.SequenceMatcher(None, code, word).ratio(),
            ),
        )
        if difflib.SequenceMatcher(None, best, word).ratio() >= 0.6:
            return best
    found = difflib.get_close_matches(text.lower(), list(rules.values()), n=1, cutoff=0.6)
    return found[0] if found else None


def _shared_prefix(first: str, second: str) -> int:
    """How many leading characters two codes share."""
    count = 0
    for a, b in zip(first, second, strict=False):
        if a != b:
            break
        count += 1
    return count


def unknown_message(selector: str, what: str, *, exact: bool = False) -> tuple[str, str]:
    """(message, hint) for a selector that matches no rule."""
    kind = "a rule code or name" if exact else "a rule code, prefix or name"
    message = f"{what}: {selector!r} is not {kind} (it matches no rule)"
    close = closest(selector)
    hint = f"did you mean '{close}'?" if close else "'datasheet-lint rules' lists them"
    return message, hint


def checked(selectors: list[str], what: str, *, exact: bool = False) -> tuple[str, ...]:
    """The codes or prefixes the selectors stand for; an unknown one is a UserError."""
    result = []
    for selector in selectors:
        found = resolve(selector, exact=exact)
        if found is None:
            message, hint = unknown_message(selector, what, exact=exact)
            raise UserError(message, hint=hint)
        result.append(found)
    return tuple(result)
