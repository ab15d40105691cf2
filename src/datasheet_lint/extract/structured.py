"""References that only a file's structure reveals: DVC data files and Hugging Face cards.

A DVC file (``*.dvc``, ``dvc.yaml``) names tracked data by path or URL, often with no dataset
name in it at all; a model card's front matter lists its training data under ``datasets:``.
Both are read line by line, so a broken file yields what can be read and never an error.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import PurePosixPath

from datasheet_lint import frontmatter
from datasheet_lint.knowledge.resolve import SCHEME, Knowledge
from datasheet_lint.lazyregex import lazy
from datasheet_lint.models import Kind, Location, Reference, SourceFile

SECTION = lazy(r"^(\s*)(outs|deps|metrics|plots|params|cmd|repo|stages|wdir):")
DVC_VALUE = lazy(r"""^(\s*)(?:-\s+)?(?:path:\s*)?['"]?([^'"#\s:][^'"#\s]*)['"]?\s*(?:#.*)?$""")
DVC_PATH = lazy(r"""^(\s*)(?:-\s+)?path:\s*['"]?([^'"#\s]+)['"]?\s*(?:#.*)?$""")
# Not data: code, settings, and model files (models are a later concern).
CODE_FILE = lazy(
    r"\.(?:py|sh|ipynb|r|jl|ya?ml|toml|json|cfg|ini|txt|md|lock|"
    r"pkl|pt|pth|ckpt|h5|onnx|joblib|safetensors|bin)$",
    re.IGNORECASE,
)
# Download commands that name a dataset by its hub id.
DOWNLOAD = lazy(
    r"\bkaggle\s+datasets\s+download\b[^\n]*?(?:-d|--dataset)[ =]+['\"]?(?P<kaggle>[\w.-]+/[\w.-]+)"
    r"|\bhuggingface-cli\s+download\b(?=[^\n]*--repo-type[ =]+dataset)[^\n]*?\s"
    r"(?P<hf>(?!-)[\w.-]+/[\w.-]+)"
)
FRONT_MATTER_ITEM = lazy(r"""^\s*-\s+['"]?([^'"#\s]+)['"]?\s*(?:#.*)?$""")


def _reference(
    file: SourceFile, knowledge: Knowledge, value: str, spelled: str, line: int, text: str
) -> Reference | None:
    """A path or URL value as a reference (``spelled`` is how the line writes it)."""
    column = text.find(spelled) + 1
    if SCHEME.match(value):
        dataset = knowledge.resolve("url", value)
        kind = Kind.URL
    else:
        dataset = knowledge.resolve("local", value)
        kind = Kind.PATH
    if dataset is None:
        return None
    return Reference(dataset, Location(file.path, line, max(column, 1)), kind, spelled)


def _dvc_values(text: str, stage_file: bool) -> Iterator[tuple[int, str, str]]:
    """(line, value, section) for each path under ``outs`` and ``deps``."""
    section, indent = "", -1
    for number, line in enumerate(text.split("\n"), start=1):
        depth = len(line) - len(line.lstrip())
        header = SECTION.match(line)
        if header:
            section, indent = header.group(2), len(header.group(1))
            continue
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if depth < indent or (depth == indent and not line.lstrip().startswith("-")):
            section, indent = "", -1  # back out of the section
        if section not in {"outs", "deps"}:
            continue
        match = (DVC_VALUE if stage_file else DVC_PATH).match(line)
        if match:
            yield number, match.group(2), section


def _dvc(file: SourceFile, knowledge: Knowledge) -> Iterator[Reference]:
    """Outputs and URL dependencies of a ``.dvc`` file; data inputs and outputs of stages."""
    folder = PurePosixPath(file.path).parent
    stage_file = file.path.rsplit("/", 1)[-1] in {"dvc.yaml", "dvc.yml"}
    lines = file.text.split("\n")
    for number, spelled, section in _dvc_values(file.text, stage_file):
        value = spelled
        if not SCHEME.match(value):
            if CODE_FILE.search(value) or (not stage_file and section == "deps"):
                continue  # code, or a path inside another repository (dvc import)
            if not stage_file and str(folder) != ".":
                value = str(folder / value)  # .dvc outputs are relative to the .dvc file
        found = _reference(file, knowledge, value, spelled, number, lines[number - 1])
        if found is not None:
            yield found


def _card(file: SourceFile, knowledge: Knowledge) -> Iterator[Reference]:
    """``datasets:`` in the YAML front matter of a Hugging Face card (README.md)."""
    header = frontmatter.split(file.text)
    if header is None:
        return
    inside = False
    for offset, text in enumerate(header.lines, start=2):
        if re.match(r"^datasets:\s*(?:#.*)?$", text):
            inside = True
            continue
        inline = re.match(r"^datasets:\s*\[(.*)\]\s*$", text)
        items: list[str] = []
        if inline:
            items = [i.strip(" '\"") for i in inline.group(1).split(",") if i.strip(" '\"")]
        elif inside and (item := FRONT_MATTER_ITEM.match(text)):
            items = [item.group(1)]
        elif inside and text.strip() and not text.startswith((" ", "-")):
            inside = False
        for value in items:
            dataset = knowledge.resolve("hf", value)
            if dataset is not None:
                column = text.find(value) + 1
                yield Reference(dataset, Location(file.path, offset, column), Kind.CONFIG, value)


def _downloads(file: SourceFile, knowledge: Knowledge) -> Iterator[Reference]:
    """``kaggle datasets download -d owner/name``, ``huggingface-cli download ... --repo-type
    dataset owner/name`` in scripts, docs and notebook shell lines."""
    if "download" not in file.text:
        return
    for number, text in enumerate(file.text.split("\n"), start=1):
        for match in DOWNLOAD.finditer(text):
            source = "kaggle" if match.group("kaggle") else "hf"
            value = match.group(source)
            dataset = knowledge.resolve(source, value)
            if dataset is not None:
                location = Location(file.path, number, match.start(source) + 1)
                yield Reference(dataset, location, Kind.URL, value)


def references(file: SourceFile, knowledge: Knowledge) -> Iterator[Reference]:
    yield from _downloads(file, knowledge)
    name = file.path.rsplit("/", 1)[-1]
    if name.endswith(".dvc") or name in {"dvc.yaml", "dvc.yml"}:
        yield from _dvc(file, knowledge)
    elif name.lower() == "readme.md":
        yield from _card(file, knowledge)
