"""The values that flow through the pipeline: files -> references -> findings -> report.

Each stage turns one immutable value into the next. Positions are 1-based everywhere in this
module; 0-based parser positions are converted once, where they are read.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Severity(enum.IntEnum):
    """How bad a finding is; ordered so that ``max()`` picks the worst."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        return cls[text.strip().upper()]


class Kind(str, enum.Enum):
    """Where a reference sits: how the repository points at the dataset."""

    LOAD = "load"  # a loader call in code
    URL = "url"  # a download URL, host or archive token
    PATH = "path"  # a data path or dataset file name
    CONFIG = "config"  # a value in a config, or a dataset-name argument
    MENTION = "mention"  # prose, comments, docs


@dataclass(frozen=True, slots=True)
class Location:
    """A place in the repository: POSIX path relative to the scanned root, 1-based line/col."""

    path: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True, slots=True)
class SourceFile:
    """A text file to scan: its repository-relative path and decoded text."""

    path: str
    text: str


@dataclass(frozen=True, slots=True)
class Reference:
    """One place where the repository points at a dataset."""

    dataset: str  # canonical id: a blocklist id, or the loader's own name for others
    location: Location
    kind: Kind
    surface: str  # the text as spelled there


@dataclass(frozen=True, slots=True)
class Dataset:
    """A referenced dataset as the linter knows it."""

    id: str
    name: str  # the catalogue's or blocklist's name; the id itself when unknown
    origin: str  # "blocklist", "catalogue" or "unresolved"


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem, ready for a reporter; reporters see nothing else."""

    code: str
    rule: str
    severity: Severity
    location: Location
    message: str
    dataset: str = ""
    hint: str = ""


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file that was not scanned, and why (shown under --verbose)."""

    path: str
    reason: str


@dataclass(frozen=True)
class Report:
    """Everything one run produced, in the order reporters print it."""

    root: str
    files_scanned: int
    references: tuple[Reference, ...]
    findings: tuple[Finding, ...]
    skipped: tuple[Skipped, ...] = ()
    suppressed: int = 0
    notes: tuple[str, ...] = field(default_factory=tuple)
    datasets: tuple[Dataset, ...] = ()  # every referenced dataset, sorted by id
    blocklist_version: str = ""
    blocklist_updated: str = ""

    def count(self, severity: Severity) -> int:
        return sum(1 for finding in self.findings if finding.severity is severity)
