"""The rule registry: one decorator records each rule's code, name, severity and docs.

A rule is a pure function of a read-only ``Context``: it reads references and knowledge and
yields findings; it never touches files, git or the terminal. Its docstring is its
documentation, printed by ``datasheet-lint explain``.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from datasheet_lint.knowledge.blocklist import Blocklist
from datasheet_lint.models import Finding, Location, Reference, Severity
from datasheet_lint.suppress import Suppression

DOC_SECTIONS = ("What it does", "Why is this bad?", "Example", "How to fix", "References")


@dataclass(frozen=True)
class Context:
    """What rules may read."""

    references: Sequence[Reference]
    blocklist: Blocklist
    suppressions: Sequence[Suppression] = ()


Check = Callable[[Context], Iterator[Finding]]


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    check: Check
    doc: str

    @property
    def summary(self) -> str:
        """The first sentence of the 'What it does' section."""
        lines = [line for line in self.doc.splitlines() if line and not line.startswith("#")]
        return lines[0].split(". ")[0].rstrip(".") if lines else ""


RULES: dict[str, Rule] = {}


def rule(code: str, name: str, *, severity: Severity = Severity.ERROR) -> Callable[[Check], Check]:
    """Register a check under a code that never changes meaning."""

    def register(check: Check) -> Check:
        if code in RULES:
            raise ValueError(f"rule code {code} is registered twice")
        RULES[code] = Rule(code, name, severity, check, doc=inspect.getdoc(check) or "")
        return check

    return register


def finding(
    code: str,
    location: Location,
    message: str,
    *,
    dataset: str = "",
    hint: str = "",
    severity: Severity | None = None,
) -> Finding:
    """A finding stamped with its rule's name and (unless given) default severity."""
    registered = RULES[code]
    return Finding(
        code=code,
        rule=registered.name,
        severity=severity or registered.severity,
        location=location,
        message=message,
        dataset=dataset,
        hint=hint,
    )


def lookup(code_or_name: str) -> Rule | None:
    """A rule by code (``DSL101``, any case) or name (``retracted-dataset``)."""
    wanted = code_or_name.strip()
    if wanted.upper() in RULES:
        return RULES[wanted.upper()]
    return next((r for r in RULES.values() if r.name == wanted.lower()), None)
