"""Fuzz the datasheet path: bytes -> ``files.decode`` -> ``datasheets.load`` (YAML datasheet,
dataset card or Croissant file; schema validation) -> every rule, plus the SPDX licence parser.

Run with atheris (see fuzz/README.md): ``python fuzz/fuzz_datasheets.py -max_total_time=60``.
Anything but a normal return (an exception of any type, a hang, a crash) is a finding; so is a
position outside the file, or a licence parse that is neither a parse, a reason nor "unstated".
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

with atheris.instrument_imports():
    # The parsers too: their coverage is what leads the fuzzer into YAML and SPDX syntax.
    import license_expression  # type: ignore[import-untyped]  # noqa: F401
    import ruamel.yaml  # noqa: F401

    from datasheet_lint.config import Config
    from datasheet_lint.datasheets import load, validate
    from datasheet_lint.datasheets.match import Coverage
    from datasheet_lint.extract import extract
    from datasheet_lint.knowledge import blocklist, catalogue
    from datasheet_lint.knowledge.resolve import Knowledge
    from datasheet_lint.licences import spdx, table
    from datasheet_lint.licences.reading import read_all
    from datasheet_lint.models import Skipped, SourceFile
    from datasheet_lint.rules import RULES, Context
    from datasheet_lint.files import decode

KNOWLEDGE = Knowledge.build(blocklist.builtin(), catalogue.builtin())
TABLE = table.builtin()
CONFIG = Config(
    root=Path(),
    use="commercial",
    activities=("train", "evaluate", "fine-tune", "redistribute-data", "publish-model"),
)
CODE = SourceFile(
    "train.py",
    "from datasets import load_dataset\n"
    + "".join(f'load_dataset("{name}")\n' for name in ["x", "ylecun/mnist", "ms1mv2", "a-b"]),
)
REFERENCES = tuple(extract(CODE, KNOWLEDGE))
# The first byte picks what the rest is: a datasheet file of each kind, or a licence.
PATHS = ("datasheets/set.yaml", "data/set/README.md", "data/set.croissant.json", "licence")
PARSES = (spdx.Expression, spdx.Malformed, spdx.Unstated)


def _inside(text: str, line: int, column: int, what: object) -> None:
    lines = text.split("\n")
    if not (1 <= line <= len(lines) and 1 <= column <= len(lines[line - 1]) + 1):
        raise AssertionError(f"position {line}:{column} outside the file: {what}")


def _licence(text: str) -> None:
    parsed = spdx.parse(text, TABLE)
    if not isinstance(parsed, PARSES):
        raise AssertionError(f"spdx.parse returned {parsed!r}")
    if isinstance(parsed, spdx.Expression):
        again = spdx.parse(parsed.normalised, TABLE)
        if not isinstance(again, spdx.Expression) or again.normalised != parsed.normalised:
            raise AssertionError(f"normal form {parsed.normalised!r} reparses as {again!r}")


def TestOneInput(data: bytes) -> None:
    if not data:
        return
    path = PATHS[data[0] % len(PATHS)]
    file = decode(path, data[1:])
    if isinstance(file, Skipped):
        return
    if path == "licence":
        _licence(file.text)
        return
    loaded = load.load([(path, file.text)])
    for problem in loaded.problems:
        _inside(file.text, problem.location.line, problem.location.column, problem)
    for sheet in loaded.sheets:
        for node, (line, column) in sheet.anchors.items():
            _inside(file.text, line, column, node)
    sheets = tuple(loaded.sheets)
    terms, readings = read_all(sheets, CONFIG.use, CONFIG.activities)
    context = Context(
        config=CONFIG,
        knowledge=KNOWLEDGE,
        references=REFERENCES,
        suppressions=(),
        model_cards=(),
        datasheets=sheets,
        problems=tuple(loaded.problems),
        coverage=Coverage.build(loaded.sheets, KNOWLEDGE),
        readings=readings,
        terms=terms,
        schema=validate.schema(),
        selected=frozenset(RULES),
        whole_repository=True,
        scanned_paths=frozenset({CODE.path, path}),
    )
    for rule in RULES.values():
        for finding in rule.check(context):
            if finding.location.path == path:
                _inside(file.text, finding.location.line, finding.location.column, finding)


def main() -> None:
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
