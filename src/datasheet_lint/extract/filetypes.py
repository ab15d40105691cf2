"""Which language a file is read as: Python, notebook, config, prose or script (or skipped)."""

from __future__ import annotations

SKIPPED_NAMES = frozenset(
    {".gitignore", ".gitattributes", ".dockerignore", "codeowners", ".mailmap", "manifest.in"}
)
# An editor's backup (``train.py~``) or a merge's or patch's leftover (``train.py.orig``): a
# stale copy committed by accident, which nothing runs.
LEFTOVER_SUFFIXES = ("~", ".orig", ".rej")
# Rows of data (a CSV's records, a JSON Lines dump of prompts or model generations): the text
# of a dataset, where a name is content ("Romeo" essays, "voc\u00ea" in Portuguese), not a
# reference. The code or config that reads such a file is where its dataset is used.
DATA_SUFFIXES = (".jsonl", ".ndjson", ".csv", ".tsv")
# Generated for a browser from vendored code (a stylesheet's or a bundle's source map): no
# one writes a reference there ("credit-card" is a CSS class in bootstrap.css.map).
GENERATED_SUFFIXES = (".css.map", ".js.map")
# A corpus kept as one plain text in a data folder (char-rnn's data/anna.txt, a novel of 2 MB):
# its words are the data's content ("Fleurs" in French dialogue), not references. A text that
# large is no one's notes; a small one (data/README.txt, download_data.txt) still is read.
DATA_FOLDERS = frozenset({"data", ".data", "datasets", "dataset", "corpus", "corpora"})
CORPUS_CHARS = 1_000_000
CONFIG_SUFFIXES = (".yaml", ".yml", ".json", ".jsonc", ".toml", ".ini", ".cfg", ".conf", ".dvc")
PROSE_SUFFIXES = (".md", ".markdown", ".rst", ".txt", ".adoc", ".tex", ".bib", ".html")
PYTHON_SUFFIXES = (".py", ".pyi", ".pyw", ".pyx", ".pxd")
# Code that is not Python: names count in strings, comments and paths, never as identifiers.
CODE_SUFFIXES = (
    ".cmake",
    ".cpp",
    ".cc",
    ".cxx",
    ".c",
    ".h",
    ".hpp",
    ".cu",
    ".java",
    ".js",
    ".ts",
    ".go",
    ".rs",
    ".m",
    ".lua",
    ".r",
    ".jl",
    ".scala",
    ".kt",
    ".swift",
)


def file_kind(path: str) -> str:
    """'python', 'notebook', 'config', 'prose', 'script' (shell, Makefile, C++, anything else)
    or 'skip' (.gitignore and other lists of the repository's own paths, editors' backups,
    rows of data)."""
    name = path.rsplit("/", 1)[-1].lower()
    if name in SKIPPED_NAMES:
        return "skip"  # lists of the repository's own paths, not references
    if name.endswith(LEFTOVER_SUFFIXES + DATA_SUFFIXES + GENERATED_SUFFIXES):
        return "skip"
    if name == "cmakelists.txt" or name.endswith(CODE_SUFFIXES):
        return "script"
    if name.endswith(PYTHON_SUFFIXES):
        return "python"
    if name.endswith(".ipynb"):
        return "notebook"
    if name.endswith(CONFIG_SUFFIXES) or name in {"setup.cfg", "tox.ini"}:
        return "config"
    if name.endswith(PROSE_SUFFIXES) or name in {"readme", "license", "notice"}:
        return "prose"
    return "script"


def corpus_text(path: str, chars: int) -> bool:
    """Whether a plain text file is a corpus's content: over CORPUS_CHARS, in a data folder."""
    folders = path.lower().split("/")[:-1]
    return (
        path.lower().endswith(".txt")
        and chars > CORPUS_CHARS
        and bool(DATA_FOLDERS.intersection(folders))
    )
