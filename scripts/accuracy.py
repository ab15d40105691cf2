"""Measure reference extraction against the labelled corpus in ``tests/corpus``.

The corpus holds small files written the way ML repositories write them, and
``tests/corpus/expected.yaml`` says, for every file, which references docs/references.md asks
for: ``[line, dataset, kind]`` items, or ``[]`` for a file that must yield none. This script
copies the corpus to a temporary folder (outside any git work tree, so nothing is ignored or
left untracked), runs the engine on it in-process and compares the references it reports with
the expected ones, exactly on (path, line, dataset, kind).

    python scripts/accuracy.py                 # table of precision and recall per kind
    python scripts/accuracy.py --verbose       # ... and every false positive and negative
    python scripts/accuracy.py --threshold 0.9

Exit status: 0 when every kind (and the total) reaches the threshold in precision and recall,
1 when one does not or when the corpus and expected.yaml disagree on the files, 2 on bad usage.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from datasheet_lint import engine
from datasheet_lint.models import Kind

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT / "tests" / "corpus"
EXPECTED_NAME = "expected.yaml"
SETTINGS_NAME = ".datasheet-lint.yaml"
# Files of the corpus that are not test cases: the labels and the linter's settings.
NOT_CASES = frozenset({EXPECTED_NAME, SETTINGS_NAME})
# Caches that tools may leave in the corpus; the engine never scans them either.
CACHE_DIRS = (
    "__pycache__",
    ".ruff_cache",
    ".mypy_cache",
    ".pytest_cache",
    ".ipynb_checkpoints",
    ".hypothesis",
)
KINDS = tuple(kind.value for kind in Kind)
DEFAULT_THRESHOLD = 0.95

# (path relative to the corpus, 1-based line, canonical dataset id, kind)
Item = tuple[str, int, str, str]


class CorpusError(Exception):
    """expected.yaml is malformed."""


@dataclass(frozen=True)
class Score:
    """True positives, false positives and false negatives of one kind (or of all)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def expected(self) -> int:
        return self.tp + self.fn

    @property
    def found(self) -> int:
        return self.tp + self.fp

    @property
    def precision(self) -> float:
        """Share of found items that were expected; 1.0 when nothing was found."""
        return self.tp / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        """Share of expected items that were found; 1.0 when nothing was expected."""
        return self.tp / self.expected if self.expected else 1.0


@dataclass(frozen=True)
class Result:
    """What one measurement produced: the two sets, their scores and the corpus' shape."""

    expected: frozenset[Item]
    found: frozenset[Item]
    files: tuple[str, ...]  # the test-case files on disk, relative to the corpus
    listed: tuple[str, ...]  # the files expected.yaml names
    positive_files: int  # listed with at least one reference
    trap_files: int  # listed with []
    by_kind: dict[str, Score] = field(default_factory=dict)

    @property
    def overall(self) -> Score:
        return score(self.expected, self.found)

    @property
    def false_positives(self) -> list[Item]:
        return sorted(self.found - self.expected)

    @property
    def false_negatives(self) -> list[Item]:
        return sorted(self.expected - self.found)

    @property
    def unlisted(self) -> list[str]:
        """Files in the corpus that expected.yaml does not mention."""
        return sorted(set(self.files) - set(self.listed))

    @property
    def missing(self) -> list[str]:
        """Files that expected.yaml names but the corpus does not hold."""
        return sorted(set(self.listed) - set(self.files))

    def below(self, threshold: float) -> list[str]:
        """Names of the scores under the threshold: 'load precision', 'overall recall', ..."""
        failing = []
        for name, item in [*self.by_kind.items(), ("overall", self.overall)]:
            if item.precision < threshold:
                failing.append(f"{name} precision")
            if item.recall < threshold:
                failing.append(f"{name} recall")
        return failing


def score(expected: Iterable[Item], found: Iterable[Item]) -> Score:
    want, got = set(expected), set(found)
    return Score(tp=len(want & got), fp=len(got - want), fn=len(want - got))


def _row(path: str, raw: Any) -> Item:
    if not (isinstance(raw, list) and len(raw) == 3):
        raise CorpusError(f"{path}: each item must be [line, dataset, kind], got {raw!r}")
    line, dataset, kind = raw
    if not isinstance(line, int) or isinstance(line, bool) or line < 1:
        raise CorpusError(f"{path}: line must be a positive integer, got {line!r}")
    if not isinstance(dataset, str) or not dataset:
        raise CorpusError(f"{path}: dataset must be a non-empty string, got {dataset!r}")
    if kind not in KINDS:
        raise CorpusError(f"{path}: kind must be one of {', '.join(KINDS)}, got {kind!r}")
    return (path, line, dataset, str(kind))


def load_expected(corpus: Path) -> dict[str, list[Item]]:
    """expected.yaml as {path: [items]}, checked for shape."""
    document = YAML(typ="safe").load((corpus / EXPECTED_NAME).read_text(encoding="utf-8"))
    if not isinstance(document, dict):
        raise CorpusError(f"{EXPECTED_NAME}: must map file paths to lists")
    expected: dict[str, list[Item]] = {}
    for path, rows in document.items():
        if not isinstance(path, str) or not isinstance(rows, list):
            raise CorpusError(f"{EXPECTED_NAME}: {path!r} must map to a list")
        expected[path] = [_row(path, raw) for raw in rows]
    return expected


def corpus_files(corpus: Path) -> list[str]:
    """The test-case files of the corpus, as POSIX paths relative to it."""
    return sorted(
        path.relative_to(corpus).as_posix()
        for path in corpus.rglob("*")
        if path.is_file()
        and path.relative_to(corpus).as_posix() not in NOT_CASES
        and not set(path.relative_to(corpus).parts) & set(CACHE_DIRS)
    )


def run_engine(corpus: Path) -> set[Item]:
    """References the engine reports for a copy of the corpus outside any git work tree."""
    with tempfile.TemporaryDirectory(prefix="datasheet-lint-accuracy-") as folder:
        copy = Path(folder) / "corpus"
        shutil.copytree(corpus, copy, ignore=shutil.ignore_patterns(EXPECTED_NAME, *CACHE_DIRS))
        settings, targets = engine.load_config([str(copy)])
        if settings.root.resolve() != copy.resolve():
            raise CorpusError(f"the engine took {settings.root} as the root, not {copy}")
        report = engine.run(settings, targets)
        return {
            (r.location.path, r.location.line, r.dataset, r.kind.value) for r in report.references
        }


def measure(corpus: Path = DEFAULT_CORPUS) -> Result:
    """Run the engine on the corpus and score it against expected.yaml."""
    expected_by_file = load_expected(corpus)
    expected = frozenset(item for items in expected_by_file.values() for item in items)
    found = frozenset(run_engine(corpus))
    kinds = list(KINDS) + sorted({i[3] for i in expected | found} - set(KINDS))
    by_kind = {
        kind: score((i for i in expected if i[3] == kind), (i for i in found if i[3] == kind))
        for kind in kinds
    }
    return Result(
        expected=expected,
        found=found,
        files=tuple(corpus_files(corpus)),
        listed=tuple(sorted(expected_by_file)),
        positive_files=sum(1 for items in expected_by_file.values() if items),
        trap_files=sum(1 for items in expected_by_file.values() if not items),
        by_kind=by_kind,
    )


def _format_item(item: Item) -> str:
    path, line, dataset, kind = item
    return f"  {path}:{line}  {dataset}  ({kind})"


def render(result: Result, *, verbose: bool = False) -> str:
    """The accuracy table, and with ``verbose`` every false positive and false negative."""
    header = f"{'kind':<9}{'expected':>9}{'found':>7}{'TP':>6}{'FP':>6}{'FN':>6}"
    header += f"{'precision':>11}{'recall':>8}"
    lines = [
        f"corpus: {len(result.listed)} files listed, {result.positive_files} with references,"
        f" {result.trap_files} with none",
        "",
        header,
        "-" * len(header),
    ]
    for name, item in [*result.by_kind.items(), ("overall", result.overall)]:
        if name == "overall":
            lines.append("-" * len(header))
        lines.append(
            f"{name:<9}{item.expected:>9}{item.found:>7}{item.tp:>6}{item.fp:>6}{item.fn:>6}"
            f"{item.precision:>11.3f}{item.recall:>8.3f}"
        )
    if result.unlisted:
        lines += ["", f"not listed in {EXPECTED_NAME}:", *(f"  {p}" for p in result.unlisted)]
    if result.missing:
        lines += ["", f"listed in {EXPECTED_NAME} but absent:", *(f"  {p}" for p in result.missing)]
    if verbose:
        lines += ["", f"false positives ({len(result.false_positives)}):"]
        lines += [_format_item(item) for item in result.false_positives]
        lines += ["", f"false negatives ({len(result.false_negatives)}):"]
        lines += [_format_item(item) for item in result.false_negatives]
    return "\n".join(lines) + "\n"


def _threshold(text: str) -> float:
    value = float(text)
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1, got {text}")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Precision and recall of datasheet-lint's references on the labelled corpus."
    )
    parser.add_argument(
        "--corpus",
        type=Path,
        default=DEFAULT_CORPUS,
        help="corpus folder holding expected.yaml (default: tests/corpus)",
    )
    parser.add_argument(
        "--threshold",
        type=_threshold,
        default=DEFAULT_THRESHOLD,
        help="minimum precision and recall for every kind and overall (default: %(default)s)",
    )
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="list every false positive and negative"
    )
    args = parser.parse_args(argv)
    try:
        result = measure(args.corpus)
    except (CorpusError, OSError) as err:
        sys.stderr.write(f"accuracy: {err}\n")
        return 2
    sys.stdout.write(render(result, verbose=args.verbose))
    failing = result.below(args.threshold)
    if result.unlisted or result.missing:
        failing.append(f"file listing (see {EXPECTED_NAME})")
    if failing:
        sys.stdout.write(f"\nbelow {args.threshold:.2f}: {', '.join(failing)}\n")
        return 1
    sys.stdout.write(f"\nevery score is at least {args.threshold:.2f}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
