"""Reporters: each renders a Report to a stream and knows nothing else (no config, no git).

A reporter is a module with ``render(report, out)``, registered here by the name ``--format``
takes. Only the chosen one is imported: SARIF alone pulls in every rule's documentation,
which a pre-commit run printing text has no use for.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TextIO

from datasheet_lint.models import Report

Render = Callable[[Report, TextIO], None]

MODULES = {
    "text": "text",
    "json": "json_report",
    "sarif": "sarif",
    "github": "github",
    "gitlab": "gitlab",
}
FORMATS = tuple(MODULES)
STYLES = ("concise", "full")  # of the text format (--output-format)
RULES_DOC_URI = "https://github.com/datasheet-lint/datasheet-lint/blob/main/docs/rules.md"


def rule_url(code: str, name: str) -> str:
    """A rule's heading in docs/rules.md, e.g. ``…/docs/rules.md#dsl101-retracted-dataset``."""
    return f"{RULES_DOC_URI}#{code.lower()}-{name}"


def reporter(name: str) -> Render:
    """The ``render`` function of the reporter ``--format name`` selects (a KeyError if none)."""
    module = importlib.import_module(f"{__name__}.{MODULES[name]}")
    render: Render = module.render
    return render
