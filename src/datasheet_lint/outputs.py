"""The reports one ``check`` writes: ``--output [FORMAT=]FILE``, and GitHub's step summary.

One scan feeds every consumer in CI (annotations, code scanning, a dashboard), so ``--output``
may be repeated, each with its own format. The old ``--output FILE`` form takes ``--format``'s.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from datasheet_lint.errors import UserError
from datasheet_lint.models import Report
from datasheet_lint.report import FORMATS, reporter
from datasheet_lint.terminal import encodable


@dataclass(frozen=True, slots=True)
class Target:
    """One report to write: its format, its file, and whether the format was named there."""

    format: str
    path: Path
    named: bool


def parse(values: Sequence[str], default_format: str) -> list[Target]:
    """``--output`` values as targets. ``sarif=out.sarif`` names its format; any other value
    (``out.sarif``, ``a=b.json``) is a file in ``default_format``."""
    targets: list[Target] = []
    for value in values:
        name, sep, rest = value.partition("=")
        named = bool(sep) and name in FORMATS
        if named:
            target = Target(name, Path(rest), named=True)
        else:
            target = Target(default_format, Path(value), named=False)
        if not value or (named and not rest):
            raise UserError(
                f"--output {value!r}: no file name",
                hint=f"--output FILE, or --output FORMAT=FILE (FORMAT: {', '.join(FORMATS)})",
            )
        if target.path.is_dir():
            raise UserError(f"--output {value!r}: is a folder", hint="name a file to write")
        if any(t.path.absolute() == target.path.absolute() for t in targets):
            raise UserError(f"--output {value!r}: that file is named twice")
        targets.append(target)
    return targets


def rendered(
    report: Report,
    name: str,
    *,
    colour: bool = False,
    hints: bool = True,
    style: str = "concise",
    quiet: bool = False,
) -> str:
    """The report in format ``name``, as text safe to write (undecodable names replaced)."""
    buffer = io.StringIO()
    if name == "text":
        from datasheet_lint.report import text

        text.render(report, buffer, colour=colour, hints=hints, style=style, quiet=quiet)
    else:
        reporter(name)(report, buffer)
    return encodable(buffer.getvalue())


def write(report: Report, target: Target, root: Path, *, style: str) -> None:
    """Write one report atomically. Inside the project, its committed links must not carry
    the report out of it."""
    from datasheet_lint import atomic  # tempfile and friends: only when writing

    text = rendered(report, target.format, style=style)
    inside = target.path.absolute().is_relative_to(root)
    atomic.write_text(target.path, text, overwrite=True, root=root if inside else None)


def append_step_summary(report: Report, path: Path) -> None:
    """Append the Markdown summary to ``$GITHUB_STEP_SUMMARY`` (the runner gives each step
    its own file and shows what the step appended; appending keeps other tools' parts)."""
    from datasheet_lint.report import github

    try:
        with path.open("a", encoding="utf-8") as handle:
            handle.write(encodable(github.step_summary(report)))
    except OSError as err:
        raise UserError(
            f"cannot write the step summary: {err.strerror or err}", location=str(path)
        ) from None
