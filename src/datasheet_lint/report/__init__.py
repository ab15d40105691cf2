"""Reporters: each renders a Report to a stream and knows nothing else (no config, no git).

A reporter is ``render(report, out)``, registered here by the name ``--format`` takes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from datasheet_lint.models import Report
from datasheet_lint.report import github, gitlab, json_report, sarif, text

Render = Callable[[Report, TextIO], None]

REPORTERS: dict[str, Render] = {
    "text": text.render,
    "json": json_report.render,
    "sarif": sarif.render,
    "github": github.render,
    "gitlab": gitlab.render,
}
FORMATS = tuple(REPORTERS)
