"""A repository's own data script, run from another file: a download of what the script fetches.

Setup scripts, CI jobs and notebooks fetch their data by running the repository's own data
script: ``python -m nanochat.dataset -n 8``, ``"$PYTHON_BIN" data/cached_fineweb10B.py 9``,
``run: python prepare_data.py``, ``./data/download-lfw-subset.sh`` in a CI file. The command
names no dataset; the script does (extract/downloads.py, python_ast.py). So once every file
is scanned, a command that runs a data script is a ``url`` reference (a download) to each
dataset the script downloads or loads from a hub or a catalogue (a local file it opens is
the script's input, which running it does not fetch).

A data script is a file named for fetching or preparing data (``download_*``, ``get_*``,
``prepare*``, ``*dataset*``; not one named for weights, tools or a set-up) or kept in a data
folder, that downloads or loads at most ``MAX_DATASETS`` datasets: a test runner that runs every
example is no one dataset's download. Only scripts, notebooks' shell lines and config files (CI
jobs) are read again, and only lines whose command runs such a file; prose that shows the
command is a README's, where it is a mention at most.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Iterator

from datasheet_lint.extract.context import key_words
from datasheet_lint.extract.dataset_modules import in_data_folder
from datasheet_lint.lazyregex import lazy
from datasheet_lint.models import Kind, Location, Reference

# Words of a file's name that say it fetches or prepares data.
DATA_SCRIPT_WORDS = frozenset(
    {"download", "downloads", "get", "fetch", "prepare", "prep", "preprocess"}
    | {"data", "dataset", "datasets", "cached"}
)
# Words of a file's name that say it fetches something else: weights, tools, an environment
# (get_weights.sh, setup_env.sh, download_models.py).
OTHER_SCRIPT_WORDS = frozenset(
    {"weight", "weights", "model", "models", "pretrained", "checkpoint", "checkpoints", "ckpt"}
    | {"env", "environment", "tool", "tools", "deps", "dependencies", "requirements", "setup"}
)
MAX_DATASETS = 3
SUFFIXES = (".py", ".sh", ".bash")
# Where a command starts: a line (after a YAML list's dash, ``run:``, a notebook's ``!``, a
# Dockerfile's RUN), or after ``&&``, ``;``, ``then``, ``do``; then variables set for it and
# wrappers (sudo, time, nohup), then an interpreter (bash, python -u, "$PYTHON_BIN").
COMMAND = lazy(
    r"""(?:^|&&|\|\||;|\bthen\b|\bdo\b)[ \t]*(?:-[ \t]+|run:[ \t]*|RUN[ \t]+|!+[ \t]*)*"""
    r"""(?:[A-Za-z_]\w*=[^\s;&|]*[ \t]+)*(?:(?:sudo|time|nohup|exec)[ \t]+)*"""
    r"""(?:(?P<python>python[\d.]*|"?\$\{?\w+\}?"?)[ \t]+(?:-[uBO][ \t]+)*"""
    r"""(?:-m[ \t]+(?P<module>[A-Za-z_][\w.]*)(?![\w./-])|(?P<script>[\w./-]+\.py)(?![\w./-]))"""
    r"""|(?P<runner>(?:bash|sh|zsh|source|\.)[ \t]+)?(?P<shell>[\w./-]+\.(?:sh|bash))(?![\w./-]))"""
)
# What shows that a bare script path (no shell before it, no ./) is a command: a shell
# script's own line, or a notebook's !, a CI step's run:, a Dockerfile's RUN, a separator. Else
# it is a list item or a setting (a workflow's ``paths:`` filter, setup.cfg's ``scripts =``).
RUNS_BARE = lazy(r"!|\brun:|\bRUN\b|&&|\|\||;|\bthen\b|\bdo\b")
WORDS = (".py", ".sh", ".bash", "-m ")  # one of them is in every command COMMAND matches
MAX_LINES = 20_000  # lines read per file: real scripts and CI files are a few hundred
# Longer lines are skipped: a command is short, and COMMAND's search of a long line full of
# ';' and '=' takes time that grows with the square of its length (untrusted input).
MAX_LINE = 2_000


def data_scripts(references: Iterable[Reference]) -> dict[str, frozenset[str]]:
    """Path -> the datasets it downloads or loads, for each data script the scan found."""
    found: dict[str, set[str]] = {}
    for ref in references:
        path = ref.location.path
        if ref.kind not in {Kind.URL, Kind.LOAD} or not path.endswith(SUFFIXES):
            continue
        if ref.kind is Kind.LOAD and ref.dataset.startswith("local:"):
            continue  # a file it opens: the script reads it, running the script fetches nothing
        if _named_for_data(path):
            found.setdefault(path, set()).add(ref.dataset)
    return {path: frozenset(ids) for path, ids in found.items() if len(ids) <= MAX_DATASETS}


def names(scripts: Iterable[str]) -> frozenset[str]:
    """What a command that runs one of the scripts spells: its file's name, or for a Python
    module its dotted path (``nanochat.dataset``)."""
    found = set()
    for path in scripts:
        found.add(posixpath.basename(path))
        if path.endswith(".py"):
            found.add(path.removesuffix(".py").removesuffix("/__main__").replace("/", "."))
    return frozenset(found)


def _named_for_data(path: str) -> bool:
    """A file named for fetching or preparing data, or kept in a data folder."""
    stem = posixpath.basename(path).rsplit(".", 1)[0]
    words = key_words(stem.replace("-", "_"))
    if words & OTHER_SCRIPT_WORDS:
        return False  # setup.py, setup_env.sh, get_weights.sh: a build, tools or a model
    return bool(words & DATA_SCRIPT_WORDS) or in_data_folder(path)


def command_lines(text: str, *, notebook: bool) -> list[tuple[int, str]]:
    """The (line number, text) lines a command may stand on: a notebook's shell lines (``!``)
    at their lines in the raw file, or a script's or config file's first ``MAX_LINES``."""
    if not notebook:
        return list(enumerate(text.split("\n")[:MAX_LINES], start=1))
    from datasheet_lint.extract import notebooks  # only a repository with notebooks

    return [
        (segment.position(number, 1, line)[0], line)
        for segment in notebooks.segments(text)
        if segment.lang == "script"
        for number, line in enumerate(segment.text.split("\n"), start=1)
    ]


def references(
    path: str,
    lines: Iterable[tuple[int, str]],
    scripts: dict[str, frozenset[str]],
    reported: set[tuple[int, str]],
) -> Iterator[Reference]:
    """Each command among the file's (line number, text) lines that runs one of ``scripts``,
    as a ``url`` reference to each of its datasets not already reported on that line
    (``reported``: (line, dataset) pairs)."""
    folder = posixpath.dirname(path)
    for number, text in lines:
        if len(text) > MAX_LINE or not any(word in text for word in WORDS):
            continue
        code = text.split(" #", 1)[0]
        for match in COMMAND.finditer(code):
            target = _target(match, folder, scripts)
            if target is None or not _a_command(path, match):
                continue
            program = match.group("module") or match.group("script") or match.group("shell")
            column = match.start("module" if match.group("module") else _group(match)) + 1
            for dataset in sorted(scripts[target]):
                if (number, dataset) not in reported:
                    reported.add((number, dataset))
                    yield Reference(dataset, Location(path, number, column), Kind.URL, program)


def _a_command(path: str, match: re.Match[str]) -> bool:
    """The match runs its script: by an interpreter or shell, as ``./path.sh``, or as a bare
    path where the line is a command (a shell script's line, or after ``RUNS_BARE``)."""
    shell = match.group("shell")
    if shell is None or match.group("runner") or shell.startswith("./"):
        return True
    if path.endswith((".sh", ".bash")):
        return True
    return RUNS_BARE.search(match.string, match.start(), match.start("shell")) is not None


def _group(match: re.Match[str]) -> str:
    """The named group that holds the script's path: a Python script's or a shell script's."""
    return "script" if match.group("script") else "shell"


def _target(match: re.Match[str], folder: str, scripts: dict[str, frozenset[str]]) -> str | None:
    """The data script the command runs: a path from the file's folder or the repository's
    root, or a module (``-m nanochat.dataset``) from the root."""
    module = match.group("module")
    if module is not None:
        base = module.replace(".", "/")
        candidates = [f"{base}.py", f"{base}/__main__.py"]
    else:
        program = match.group("script") or match.group("shell")
        candidates = [posixpath.normpath(posixpath.join(folder, program)), program]
    for candidate in candidates:
        candidate = posixpath.normpath(candidate)
        if candidate in scripts:
            return candidate
    return None
