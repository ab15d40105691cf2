"""All rules, registered by importing each family; ``RULES`` maps code -> Rule."""

from __future__ import annotations

from datasheet_lint.rules import dsl1_retraction, dsl9_suppression
from datasheet_lint.rules.registry import RULES, Context, Rule, lookup

__all__ = ["RULES", "Context", "Rule", "dsl1_retraction", "dsl9_suppression", "lookup"]
