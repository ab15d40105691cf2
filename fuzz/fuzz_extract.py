"""Fuzz the text pipeline: bytes -> ``files.decode`` -> ``extract`` under several file names.

Run with atheris (see fuzz/README.md): ``python fuzz/fuzz_extract.py -max_total_time=60``.
Anything but a normal return (an exception of any type, a hang, a crash) is a finding.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from datasheet_lint import suppress
    from datasheet_lint.extract import extract
    from datasheet_lint.knowledge import blocklist, catalogue
    from datasheet_lint.knowledge.resolve import Knowledge
    from datasheet_lint.models import Skipped
    from datasheet_lint.files import decode

KNOWLEDGE = Knowledge.build(blocklist.builtin(), catalogue.builtin())
NAMES = (
    "train.py",
    "notebook.ipynb",
    "configs/data.yaml",
    "docs/notes.md",
    "data/train.dvc",
    "dvc.yaml",
    "README.md",
    "scripts/get.sh",
)


def TestOneInput(data: bytes) -> None:
    if not data:
        return
    name = NAMES[data[0] % len(NAMES)]  # the first byte picks the file type
    file = decode(name, data[1:])
    if isinstance(file, Skipped):
        return
    for reference in extract(file, KNOWLEDGE):
        line = reference.location.line
        assert 1 <= line <= file.text.count("\n") + 1, (name, reference)
        assert reference.location.column >= 1, (name, reference)
    suppress.parse(name, file.text)


def main() -> None:
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
