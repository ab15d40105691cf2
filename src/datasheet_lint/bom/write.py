"""From a run to a BOM's text: the inventory built once, then the chosen format's writer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from datasheet_lint import __version__
from datasheet_lint.bom import inventory

if TYPE_CHECKING:
    from datasheet_lint.config import Config
    from datasheet_lint.models import Report


def build(report: Report, settings: Config) -> inventory.Inventory:
    """The inventory of a run, with every datasheet of the project."""
    from datasheet_lint import engine

    knowledge = engine.knowledge_for(settings)
    sheets = engine.project_datasheets(settings)
    return inventory.build(
        report, sheets, knowledge, name=settings.root.name, tool_version=__version__
    )


def render(report: Report, settings: Config, output_format: str) -> str:
    """The BOM text in ``output_format`` (one of ``datasheet_lint.bom.FORMATS``)."""
    items = build(report, settings)
    if output_format == "training-data-summary":
        from datasheet_lint.bom import training_summary

        return training_summary.render(items)
    if output_format == "cyclonedx-json":
        from datasheet_lint.bom import cyclonedx

        return cyclonedx.render(items)
    from datasheet_lint.bom import spdx3

    return spdx3.render(items)
