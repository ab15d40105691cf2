"""The CI snippets users copy from examples/ci are valid: every datasheet-lint command in them
parses with the real CLI, and the pre-commit config names hooks this project defines."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import click
import pytest
from ruamel.yaml import YAML
from tests.conftest import ROOT

from datasheet_lint.cli import cli

EXAMPLES = ROOT / "examples" / "ci"


def _strings(node: Any) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for value in node.values() for s in _strings(value)]
    if isinstance(node, list):
        return [s for item in node for s in _strings(item)]
    return []


def commands(path: Path) -> list[list[str]]:
    """Every ``datasheet-lint ...`` command line in a YAML file, as argument lists."""
    document = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    found = []
    for text in _strings(document):
        for line in text.splitlines():
            line = re.sub(r"\$\{\{[^}]*\}\}", "main", line)  # GitHub expressions
            if line.strip().startswith("datasheet-lint "):
                found.append(shlex.split(line)[1:])
    return found


def parse(args: list[str]) -> None:
    """Parse (not run) a command line with the real CLI; a bad option raises UsageError."""
    name, *rest = args
    command = cli.commands.get(name)
    assert isinstance(command, click.Command), f"no command {name!r}"
    with command.make_context(name, rest):
        pass


@pytest.mark.parametrize("path", ["github-actions.yml", "gitlab-ci.yml"])
def test_ci_commands_are_valid_invocations(path: str) -> None:
    found = commands(EXAMPLES / path)
    assert found, f"no datasheet-lint command in {path}"
    for args in found:
        parse(args)


def test_the_parser_rejects_a_bad_invocation() -> None:
    with pytest.raises(click.UsageError):
        parse(["check", "--format", "xml"])


def test_pre_commit_config_uses_hooks_this_project_defines() -> None:
    hooks = YAML(typ="safe").load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    defined = {hook["id"]: hook for hook in hooks}
    config = YAML(typ="safe").load((EXAMPLES / ".pre-commit-config.yaml").read_text("utf-8"))
    used = [hook["id"] for repo in config["repos"] for hook in repo["hooks"]]
    assert used and set(used) <= set(defined)
    for hook in defined.values():
        parse(shlex.split(hook["entry"])[1:])


def test_demo_repository_shows_exactly_one_model_finding() -> None:
    """The README's example: one model trained on retracted data, beside a generic backbone."""
    from datasheet_lint import engine

    settings, targets = engine.load_config([str(ROOT / "examples" / "demo-repo")])
    report = engine.run(settings, targets)
    models = [
        (f.location.path, f.location.line, f.dataset) for f in report.findings if f.code == "DSL104"
    ]
    assert models == [("embed.py", 7, "ms1mv3")]
