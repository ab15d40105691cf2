"""DSL9xx: the linter's own directives and files: inline suppressions and the baseline."""

from __future__ import annotations

from collections.abc import Iterator

from datasheet_lint.models import Finding, Location, Severity
from datasheet_lint.rules.registry import Context, finding, rule
from datasheet_lint.suppress import Suppression


@rule("DSL903", "invalid-suppression", severity=Severity.WARNING, meta=True)
def invalid_suppression(ctx: Context) -> Iterator[Finding]:
    """## What it does
    Reports an inline suppression that gives no reason, or names no rule code, or names a code
    that matches no rule (`DSL999`). Such a directive silences nothing. A bare
    `# datasheet-lint: ignore` is reported here when a finding stands on its line (it is no
    blanket suppression), and as DSL901 when nothing does.

    ## Why is this bad?
    A suppression is a decision someone made about a dataset; without the reason, the next
    reader cannot tell an audited exception from a way to make the gate pass.

    ## Example
    ```python
    data = load_dataset("ms1mv2")  # datasheet-lint: ignore[DSL102]
    ```

    ## How to fix
    Add the reason after the codes:
    `# datasheet-lint: ignore[DSL102] face-recognition bias audit, approved by the ethics board`.
    In Markdown: `<!-- datasheet-lint: ignore[DSL101] cited as a cautionary example -->`.

    ## References
    ruff's `noqa` directives and pylint's `disable` comments, which this follows.
    """
    by_line = _codes_by_line(ctx)
    for suppression in ctx.suppressions:
        if not suppression.problem or (suppression.bare and _covered(suppression) not in by_line):
            continue
        hint = "write '# datasheet-lint: ignore[DSL101] <why this is acceptable>'"
        unknown = suppression.unknown_code
        if unknown:
            from datasheet_lint import selectors

            close = selectors.closest(unknown)
            hint = f"did you mean '{close}'?" if close else "'datasheet-lint rules' lists them"
        yield finding(
            "DSL903",
            suppression.location,
            f"suppression {suppression.problem}; it silences nothing",
            hint=hint,
        )


def _codes_by_line(ctx: Context) -> dict[tuple[str, int], set[str]]:
    """The codes of the findings on each (path, line): one pass, not one per directive."""
    by_line: dict[tuple[str, int], set[str]] = {}
    for f in ctx.findings:
        by_line.setdefault((f.location.path, f.location.line), set()).add(f.code)
    return by_line


def _covered(suppression: Suppression) -> tuple[str, int]:
    """The (path, line) a directive covers."""
    return (suppression.location.path, suppression.target_line)


@rule("DSL901", "unused-suppression", severity=Severity.WARNING, meta=True)
def unused_suppression(ctx: Context) -> Iterator[Finding]:
    """## What it does
    Reports an inline suppression that silences nothing: no finding of the codes it names
    stands on the line it covers.

    ## Why is this bad?
    A suppression outlives the code it was written for. Left in place, it would silently hide
    a new problem on that line later, and its reason no longer explains anything.

    ## Example
    ```python
    data = load_dataset("imdb")  # datasheet-lint: ignore[DSL101] kept from an old version
    ```

    ## How to fix
    Delete the directive, or move it to the line it was meant for.

    ## References
    ruff's RUF100 (unused `noqa`), which this follows.
    """
    by_line = _codes_by_line(ctx)
    for suppression in ctx.suppressions:
        if suppression.bare:  # silences nothing by design; unused when nothing is on its line
            if _covered(suppression) not in by_line:
                yield finding(
                    "DSL901",
                    suppression.location,
                    f"suppression names no rule and matches no finding on line "
                    f"{suppression.target_line}",
                    hint="delete the directive; a suppression names its rule and a reason",
                )
            continue
        if suppression.problem or not any(
            code.startswith(suppression.codes) for code in ctx.selected
        ):
            continue
        on_line = by_line.get(_covered(suppression), ())
        used = any(suppression.covers(code, suppression.target_line) for code in on_line)
        if not used:
            codes = ", ".join(suppression.codes)
            yield finding(
                "DSL901",
                suppression.location,
                f"suppression of {codes} matches no finding on line {suppression.target_line}",
                hint="delete the directive, or move it to the line it is meant for",
            )


@rule("DSL902", "stale-baseline-entry", severity=Severity.WARNING, meta=True)
def stale_baseline_entry(ctx: Context) -> Iterator[Finding]:
    """## What it does
    Reports each entry of the baseline (`.datasheet-lint-baseline.json`) that no longer
    matches a finding: the problem it recorded was fixed, or the file was removed.

    ## Why is this bad?
    A baseline exists so a repository can adopt the linter without fixing everything at once;
    it should only shrink. A stale entry would hide the same problem if it came back.

    ## Example
    ```json
    {"rule": "DSL102", "path": "train.py", "dataset": "ms1mv2", "surface_hash": "…", "count": 1}
    ```

    ## How to fix
    Run `datasheet-lint baseline --update` to rewrite the baseline from today's findings.

    ## References
    The baselines of detect-secrets and of ruff's `--add-noqa`, which this follows.
    """
    for entry in ctx.stale_baseline:
        yield finding(
            "DSL902",
            Location(ctx.config.baseline, max(entry.line, 1), 1),
            f"baseline entry for {entry.rule} in {entry.path} ({entry.dataset or 'no dataset'}): "
            f"{entry.count} recorded finding{'s' if entry.count != 1 else ''} no longer found",
            dataset=entry.dataset,
            hint="run 'datasheet-lint baseline --update' to shrink the baseline",
        )
