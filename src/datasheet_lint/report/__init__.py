"""Reporters: each renders a Report to a stream and knows nothing else (no config, no git)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from datasheet_lint.models import Report
from datasheet_lint.report import json_report, text

Render = Callable[[Report, TextIO], None]

REPORTERS: dict[str, Render] = {
    "text": text.render,
    "json": json_report.render,
}
