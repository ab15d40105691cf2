"""The rule registry: one decorator records each rule's code, name, severity and docs.

A rule is a pure function of a read-only ``Context``: it reads references and knowledge and
yields findings; it never touches files, git or the terminal. Its docstring is its
documentation, printed by ``datasheet-lint explain``.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

from datasheet_lint import sentences
from datasheet_lint.config import Config
from datasheet_lint.datasheets.match import Coverage
from datasheet_lint.datasheets.model import Datasheet, Problem
from datasheet_lint.knowledge.blocklist import Blocklist
from datasheet_lint.knowledge.resolve import Knowledge
from datasheet_lint.modelcards import ModelCard
from datasheet_lint.models import Finding, Kind, Location, Reference, Severity
from datasheet_lint.suppress import Suppression

if TYPE_CHECKING:  # loaded only when a baseline file exists, or a run has datasheets
    from datasheet_lint.baseline import Entry
    from datasheet_lint.licences.reading import Reading
    from datasheet_lint.licences.table import Table

DOC_SECTIONS = ("What it does", "Why is this bad?", "Example", "How to fix", "References")


@dataclass(frozen=True, slots=True)
class Context:
    """Everything rules read, computed once by ``engine.run`` before any rule runs: rules
    load no data and read no files themselves. Meta rules (about suppressions and the
    baseline) run second and also see the first rules' findings."""

    config: Config  # the settings: stated use, activities, datasheet kinds, baseline path
    knowledge: Knowledge  # the blocklist and catalogue (shipped, plus the project's own)
    references: tuple[Reference, ...]
    suppressions: tuple[Suppression, ...]
    model_cards: tuple[ModelCard, ...]  # model cards in the scanned files (DSL105)
    # The datasheets this run judges (loaded and mapped into one model), what was wrong with
    # their files, and which datasheet covers which referenced dataset.
    datasheets: tuple[Datasheet, ...]
    problems: tuple[Problem, ...]
    coverage: Coverage
    readings: tuple[Reading, ...]  # each datasheet's licence, parsed and judged once
    # The licence terms table: empty when no datasheet names a licence, None without
    # datasheets (the licence modules, the table's records among them, then stay unloaded).
    terms: Table | None
    schema: Mapping[str, Any]  # the datasheet schema (empty when there are no datasheets)
    selected: frozenset[str]  # codes that this run reports
    whole_repository: bool  # every file was scanned (not some paths, not --staged)
    scanned_paths: frozenset[str]  # the files this run covers
    findings: tuple[Finding, ...] = ()  # first-round findings, before inline suppressions
    stale_baseline: tuple[Entry, ...] = ()  # baseline entries that matched nothing

    @property
    def blocklist(self) -> Blocklist:
        return self.knowledge.blocklist


Check = Callable[[Context], Iterator[Finding]]


class Rule(NamedTuple):
    code: str
    name: str
    severity: Severity
    check: Check
    meta: bool = False  # runs after the others, on their findings

    @property
    def doc(self) -> str:
        """The rule's documentation: its check's docstring, cleaned up when it is shown
        (``explain``, SARIF, the docs), not by every run."""
        return inspect.getdoc(self.check) or ""

    def section(self, title: str) -> str:
        """The text of one '## title' section of the docs."""
        match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", self.doc, re.S | re.M)
        return match.group(1).strip() if match else ""

    @property
    def summary(self) -> str:
        """The first sentence of the 'What it does' section, on one line (``sentences``)."""
        return sentences.summary(self.section("What it does"))


RULES: dict[str, Rule] = {}


def rule(
    code: str, name: str, *, severity: Severity = Severity.ERROR, meta: bool = False
) -> Callable[[Check], Check]:
    """Register a check under a code that never changes meaning."""

    def register(check: Check) -> Check:
        if code in RULES:
            raise ValueError(f"rule code {code} is registered twice")
        RULES[code] = Rule(code, name, severity, check, meta)
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
    surface: str = "",
    detail: str = "",
    reference: Reference | None = None,
) -> Finding:
    """A finding stamped with its rule's name and (unless given) default severity.

    A finding about one ``reference`` carries its kind (reporters and ``severity-by-kind``
    tell code from prose by it), its surface and, when the surface is spelled on one line,
    the column just past it (an end position for editors and code scanning).
    """
    registered = RULES[code]
    kind: Kind | None = None
    end_column = 0
    if reference is not None:
        kind = reference.kind
        surface = surface or reference.surface
        if location == reference.location and reference.surface and "\n" not in reference.surface:
            end_column = reference.location.column + len(reference.surface)
    return Finding(
        code=code,
        rule=registered.name,
        severity=severity or registered.severity,
        location=location,
        message=message,
        dataset=dataset,
        hint=hint,
        surface=surface,
        kind=kind,
        end_column=end_column,
        detail=detail,
    )


def lookup(code_or_name: str) -> Rule | None:
    """A rule by code (``DSL101``, any case) or name (``retracted-dataset``)."""
    wanted = code_or_name.strip()
    if wanted.upper() in RULES:
        return RULES[wanted.upper()]
    return next((r for r in RULES.values() if r.name == wanted.lower()), None)
