"""Bills of materials of a repository's datasets: one inventory, two formats.

``inventory`` gathers what the run and the datasheets say; ``cyclonedx`` and ``spdx3`` write
it as a BOM (they need the optional ``bom`` extra), ``training_summary`` as a draft of the AI
Act's public summary of training content (no extra). ``check`` never imports this package.
"""

from __future__ import annotations

import os
from datetime import datetime, timezone

from datasheet_lint.errors import UserError

FORMATS = ("spdx3-jsonld", "cyclonedx-json", "training-data-summary")
EXTRA = 'pip install "datasheet-lint[bom]"'


def creation_time() -> datetime:
    """``SOURCE_DATE_EPOCH`` when set (reproducible builds' convention), else now, in UTC
    to the second."""
    text = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if text:
        try:
            seconds = int(text)
        except ValueError:
            raise UserError(
                f"SOURCE_DATE_EPOCH is not a whole number of seconds: {text!r}"
            ) from None
        try:
            return datetime.fromtimestamp(seconds, tz=timezone.utc)
        except (OverflowError, OSError, ValueError):
            raise UserError(f"SOURCE_DATE_EPOCH is out of range: {text!r}") from None
    return datetime.now(tz=timezone.utc).replace(microsecond=0)


def missing_extra(module: str) -> UserError:
    """The error for a writer whose library is not installed."""
    return UserError(
        f"the bom command needs the optional 'bom' extra ({module} is not installed)",
        hint=EXTRA,
    )


def spdx_expression(text: str) -> str | None:
    """``text`` as a normalised SPDX licence expression, or None when it is not one (free
    text, an unknown id) or states no licence (``NOASSERTION``, ``unknown``)."""
    from datasheet_lint.licences import spdx, table

    parsed = spdx.parse(text, table.builtin())
    if not isinstance(parsed, spdx.Expression) or parsed.unknown:
        return None
    return parsed.normalised
