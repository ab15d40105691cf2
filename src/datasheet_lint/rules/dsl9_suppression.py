"""DSL9xx: problems with datasheet-lint's own directives."""

from __future__ import annotations

from collections.abc import Iterator

from datasheet_lint.models import Finding, Severity
from datasheet_lint.rules.registry import Context, finding, rule


@rule("DSL903", "invalid-suppression", severity=Severity.WARNING)
def invalid_suppression(ctx: Context) -> Iterator[Finding]:
    """## What it does
    Reports an inline suppression that gives no reason or names no valid rule code. Such a
    directive silences nothing.

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
    for suppression in ctx.suppressions:
        if suppression.problem:
            yield finding(
                "DSL903",
                suppression.location,
                f"suppression {suppression.problem}; it silences nothing",
                hint="write '# datasheet-lint: ignore[DSL101] <why this is acceptable>'",
            )
