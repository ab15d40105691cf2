"""The values that flow through the pipeline: files -> references -> findings -> report.

Each stage turns one immutable value into the next. Positions are 1-based everywhere in this
module; 0-based parser positions are converted once, where they are read.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass


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
    MODEL = "model"  # pretrained weights trained on the dataset (a weight file, zoo name, hub id)


@dataclass(frozen=True, slots=True, order=True)
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
    # The whole id a readable one was given for (``url:host/path`` behind ``url:nietzsche``,
    # extract/download_ids.py): what ``init`` writes as the datasheet's loader. Else empty.
    source: str = ""


@dataclass(frozen=True, slots=True)
class Dataset:
    """A referenced dataset as the linter knows it."""

    id: str
    name: str  # the catalogue's or blocklist's name; the id itself when unknown
    origin: str  # "blocklist", "catalogue" or "unresolved"
    datasheet: str = ""  # the datasheet file that covers it, if any


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
    surface: str = ""  # the text the finding is about, as spelled (for stable fingerprints)
    # How the repository refers to the dataset (a loader call, a URL, prose...) when the
    # finding is about one reference; None for findings about a file or the whole project.
    kind: Kind | None = None
    # The column just past the surface on the finding's line, when the surface is known to
    # sit there; 0 when unknown (reporters then give the start only).
    end_column: int = 0
    # The evidence shared by every finding on this dataset (what happened, the replacement,
    # a source): concise output prints it once per dataset, full output under each finding.
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file that was not scanned, or (``partial``) scanned only in part, and why.

    Every report counts them; those that may hide text (``unread``) are listed, so that a
    file cannot escape the scan by size or by the cost of its content without it showing.
    """

    path: str
    reason: str
    partial: bool = False  # read, but a limit on the work per file left some of it unjudged

    @property
    def unread(self) -> bool:
        """Text the run could not look at: too large, unreadable, or scanned in part (binary
        files and symbolic links are not text to scan)."""
        return self.partial or self.reason.startswith(("larger than", "cannot read"))


@dataclass(frozen=True, slots=True)
class Suppressed:
    """A finding that a suppression hid, and how: "inSource" (an inline comment, whose reason
    is the justification) or "external" (per-file-ignores or the allow list in settings)."""

    finding: Finding
    kind: str
    justification: str = ""


@dataclass(frozen=True, slots=True)
class Report:
    """Everything one run produced, in the order reporters print it."""

    root: str
    files_scanned: int
    references: tuple[Reference, ...]
    findings: tuple[Finding, ...]
    skipped: tuple[Skipped, ...] = ()  # not scanned, and (``partial``) scanned in part
    suppressed: int = 0  # by inline suppressions, per-file ignores or the allow list
    baselined: int = 0  # hidden because the baseline records them
    notes: tuple[str, ...] = ()
    datasets: tuple[Dataset, ...] = ()  # every referenced dataset, sorted by id
    # The project root's path inside its git repository ("" at the top, else "sub/dir/"):
    # code-scanning formats need paths from the repository's top.
    repository_prefix: str = ""
    blocklist_version: str = ""
    blocklist_updated: str = ""
    # The suppressed findings themselves, for formats that mark rather than drop them
    # (SARIF): inline suppressions first-hand ("inSource"), settings ("external").
    suppressed_findings: tuple[Suppressed, ...] = ()

    def repository_path(self, path: str) -> str:
        return self.repository_prefix + path

    def count_at(self, severity: Severity) -> int:
        """How many findings have this severity."""
        return sum(1 for finding in self.findings if finding.severity is severity)


def identity(finding: Finding) -> tuple[str, str, str, str]:
    """What identifies a finding across edits: rule, file, dataset and a hash of the text it is
    about, never its line. Fingerprints and the baseline both key on it."""
    import hashlib

    surface = hashlib.sha256(finding.surface.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return (finding.code, finding.location.path, finding.dataset, surface)


def fingerprints(findings: Iterable[Finding]) -> list[str]:
    """A stable fingerprint per finding: its key plus its rank among findings with that key.

    Moving code keeps the order of equal findings in a file, so fingerprints survive it; the
    hash keeps them short and free of paths for tools that only want an opaque id.
    """
    import hashlib

    seen: dict[str, int] = {}
    result = []
    for finding in findings:
        key = ":".join(identity(finding))
        seen[key] = seen.get(key, 0) + 1
        digest = hashlib.sha256(f"{key}:{seen[key]}".encode("utf-8", "surrogatepass"))
        result.append(digest.hexdigest()[:32])
    return result
