"""All rules, registered by importing each family; ``RULES`` maps code -> Rule."""

from __future__ import annotations

from datasheet_lint.rules import (
    dsl1_models,
    dsl1_retraction,
    dsl2_datasheets,
    dsl3_licence,
    dsl4_obligations,
    dsl9_suppression,
)
from datasheet_lint.rules.registry import RULES, Context, Rule, lookup

# Listings, docs and SARIF show the rules in code order, whatever the import order.
_ordered = sorted(RULES.items())
RULES.clear()
RULES.update(_ordered)

__all__ = [
    "RULES",
    "Context",
    "Rule",
    "dsl1_models",
    "dsl1_retraction",
    "dsl2_datasheets",
    "dsl3_licence",
    "dsl4_obligations",
    "dsl9_suppression",
    "lookup",
]
