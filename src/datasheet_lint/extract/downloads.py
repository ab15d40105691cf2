"""Downloads in scripts, known dataset or not, and what the script does with them afterwards.

A shell script, a Makefile, a Dockerfile or a notebook's ``!`` lines fetch data with a handful
of commands: ``wget``/``curl``/``aria2c``/``axel`` of a URL, ``gdown``, ``kaggle competitions
download -c NAME``, ``kaggle datasets download -d OWNER/NAME``, ``huggingface-cli download
ID --repo-type dataset``, ``gsutil cp gs://...``, ``aws s3 cp s3://...``, ``git clone`` of a
Hugging Face dataset repository. Each is a reference whether or not the linter knows the
dataset: an unknown one gets an id from its source (``kaggle:competition/titanic``,
``hf:owner/name``, ``url:host/path``) and still needs a datasheet.

The files a download writes are then unpacked, moved and removed (``unzip train_hq.zip``,
``tar -xvf VOCtest_06-Nov-2007.tar``, ``rm train_hq.zip``): a line that names one of them is a
``path`` reference to the same dataset.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from datasheet_lint.lazyregex import lazy
from datasheet_lint.models import Kind

# (dataset, line, column, kind, surface), as the other extractors yield them.
Found = tuple[str, int, int, Kind, str]
Resolve = Callable[[str, str], str | None]
# A value and the line that wrote it: a shell list a download command loops over.
Origin = tuple[int, str]
# (source, name, column, surface, origin) of one download.
Download = tuple[str, str, int, str, Origin | None]

FETCH = lazy(r"(?<![\w-])(?:wget|curl|aria2c|axel)(?![\w-])")
URL = lazy(r"(?:https?|ftp|gs|s3)://[^\s'\"<>()\[\]{}`|;]+", re.IGNORECASE)
COPY = lazy(
    r"(?<![\w-])(?:gsutil(?:\s+-m)?\s+(?:cp|rsync)|aws\s+s3\s+(?:cp|sync)|s5cmd\s+cp|"
    r"git\s+clone)(?![\w-])"
)
# ``kaggle competitions download``, or its short form ``kaggle c download`` (``d``: datasets).
KAGGLE = lazy(
    r"(?<![\w-])kaggle\s+(competitions|datasets|c|d)\s+download\b(?P<args>.*)", re.IGNORECASE
)
KAGGLE_NAME = lazy(r"(?:^|\s)(?:-c|-d|--competition|--dataset)[\s=]+['\"]?([\w./${}-]+)")
# Options of ``kaggle ... download`` that take a value: any other word is the positional name.
KAGGLE_VALUE_OPTIONS = frozenset({"-p", "--path", "-f", "--file", "--page-size", "--wp"})
KAGGLE_HANDLE = lazy(r"[\w-]+(?:/[\w.-]+)?")
# A shell variable's value in a word: $slug, ${comp}, "${DATASETS[@]}".
SHELL_VARIABLE = lazy(r"\$\{?(\w+)(?:\[[@*]\])?\}?")
# NAME="a/b c/d", NAME='x', NAME=(a/b "c/d"), export NAME=x: a script's list of names.
SHELL_ASSIGNMENT = lazy(
    r"^\s*(?:export\s+|local\s+|declare\s+-a\s+)?(?P<name>[A-Za-z_]\w*)="
    r"(?:\((?P<array>[^)]*)\)|\"(?P<double>[^\"]*)\"|'(?P<single>[^']*)'|(?P<bare>[^\s;#]+))"
)
SHELL_FOR = lazy(r"^\s*for\s+(?P<name>[A-Za-z_]\w*)\s+in\s+(?P<items>[^;#]*)")
MAX_VALUES = 64  # values of one shell list followed: real scripts list a few datasets
HF_CLI = lazy(r"(?<![\w-])(?:huggingface-cli|hf)\s+download\s+['\"]?([\w.-]+/[\w.-]+)")
GDOWN = lazy(r"(?<![\w-])gdown\b")
# gdown given a Drive file's id alone: gdown --id ID, gdown ID (ids are 25 or more characters)
GDOWN_ID = lazy(
    r"(?<![\w-])gdown\s+(?:--?[\w-]+(?:\s+|=)(?=-|['\"]?[\w-]{25}))*?['\"]?([\w-]{25,})"
)
OUTPUT = lazy(r"(?:^|\s)(?:-O|-o|--output(?:-document)?)[\s=]+['\"]?([^\s'\"]+)")
KAGGLE_FILE = lazy(r"(?:^|\s)(?:-f|--file)[\s=]+['\"]?([^\s'\"]+)")
# What a script downloads that is not data: installers, code, packages, model weights, and
# one picture (the sample a demo or a tutorial runs the model on, not a collection).
NOT_DATA = lazy(
    r"\.(?:sh|py|whl|deb|rpm|exe|msi|dmg|js|css|html?|php|pth|pt|ckpt|onnx|safetensors|h5|"
    r"pb|tflite|params|caffemodel|weights|bin|jpe?g|png|gif|webp|bmp|svg)$"
    r"|/(?:install|get-pip|rustup)[\w.-]*$|/libtorch/"
    # a snapshot of a repository's source (github.com/pybind/pybind11/archive/v2.2.3.tar.gz),
    # a gist's too (gist.github.com/<id>/download: the gist's files zipped, as a repository's)
    r"|github\.com/[\w.-]+/[\w.-]+/(?:archive|tarball|zipball)/|codeload\.github\.com/"
    r"|gist\.github\.com/(?:[^/]+/)?[^/]+/(?:download|archive/[^/]+)$"
    # a service on this machine (a model server started by the script)
    r"|^[a-z]+://(?:localhost|127\.0\.0\.1|0\.0\.0\.0)(?:[:/]|$)",
    re.IGNORECASE,
)
HF_DATASET_URL = lazy(r"(?:huggingface\.co|hf\.co)/datasets/(?P<id>[\w.-]+/[\w.-]+)", re.IGNORECASE)
# Commands that unpack, move, link, enter or remove a downloaded file.
FILE_OPERATION = lazy(
    r"(?<![\w-])(?:unzip|tar|gunzip|7z|unrar|mv|cp|rm|ln|cd|move|del|rmdir|Expand-Archive)"
    r"(?![\w-])",
    re.IGNORECASE,
)
# A script can only hold a download if its text names one of these commands.
ANY_DOWNLOAD = lazy(
    r"wget|curl|aria2c|axel|gdown|kaggle|download|gsutil|aws\s+s3|s5cmd|git\s+clone"
)
# The command a URL is an argument of, read from the text before it back to the last ``&&``,
# ``;`` or ``|``: a clone of code (a notebook's ``!git clone``, ``cd x && git clone``, a
# Dockerfile's ``RUN git clone``) or a package install (``pip install -i https://mirror/simple
# gdown``, ``pip install git+https://...``) fetches no data.
CODE_COMMAND = lazy(
    r"(?<![\w-])(?:git\s+clone|(?:pip3?|conda|mamba|micromamba|apt(?:-get)?|yum|dnf|brew|npm|"
    r"yarn|gem|cargo|go)\s+(?:[\w-]+\s+)*?(?:install|add|get))(?![\w-])"
)
# A request that sends data to a service (a model server's endpoint), not a download; curl's
# own options (aria2c -d is the folder a download goes to).
CURL = lazy(r"(?<![\w-])curl(?![\w-])")
REQUEST = lazy(
    r"(?<![\w-])(?:-X\s*['\"]?(?:POST|PUT|PATCH|DELETE)|-d|--data(?:-[\w-]+)?|-F|--form|-T|"
    r"--upload-file)(?![\w-])"
)
# A variable set to a URL (shell NAME=URL, export NAME=URL, Makefile NAME := URL, a
# Dockerfile's ENV/ARG), and its expansion on a fetch command: $NAME, ${NAME}, $(NAME), with
# what the command adds to it (${BASE_URL}/train.zip).
URL_VARIABLE = lazy(
    r"\s*(?:(?:export|local|readonly|ENV|ARG)\s+)?([A-Za-z_]\w*)\s*[:?+]?=\s*['\"]?"
    r"(?=(?:https?|ftp|gs|s3)://)",
    re.IGNORECASE,
)
VALUE = lazy(r"[^\s'\"`;|&<>]+")
EXPANDED = lazy(r"\$(?:\{(\w+)\}|\((\w+)\)|(\w+))([^\s'\"`$;|&<>(){}]*)")
ARCHIVE = lazy(r"\.(?:zip|tar|tgz|tar\.gz|tar\.bz2|tar\.xz|7z|rar)$", re.IGNORECASE)
MAX_FOLLOWED = 64  # downloaded files followed per script: keeps the cost linear in its lines
MIN_NAME = 5  # a downloaded file name shorter than this is too common to follow (a.zip)


def _strip_comment(line: str) -> str:
    hashed = re.search(r"(?:^|\s)#", line)
    return line[: hashed.start()] if hashed else line


def _code_command(line: str, at: int) -> bool:
    """Whether the command the text at ``at`` belongs to clones code or installs a package, or
    sends a request to a service (``curl -X POST http://localhost:8080/predict -F file=@x``)."""
    start = max(line.rfind(separator, 0, at) + 1 for separator in ";|&")
    if CODE_COMMAND.search(line, start, at) is not None:
        return True
    ends = [end for end in (line.find(separator, at) for separator in ";|&") if end >= 0]
    command = line[start : min(ends, default=len(line))]
    return CURL.search(command) is not None and REQUEST.search(command) is not None


def _kaggle_names(match: re.Match[str], shell: Shell) -> Iterator[tuple[str, Origin | None]]:
    """The Kaggle ids one download command fetches: its name, or each value of the shell
    variable it names (``for slug in $DATASETS; do kaggle d download $slug``), with where the
    value was written (line, value) when that is another line."""
    args = match.group("args")
    named = KAGGLE_NAME.search(args)
    word = named.group(1) if named is not None else _positional(args)
    if word is None:
        return
    word = word.strip("'\"")
    variable = SHELL_VARIABLE.fullmatch(word)
    values = shell.values(variable.group(1)) if variable is not None else [(word, None)]
    competition = match.group(1).lower() in {"competitions", "c"}
    for value, origin in values:
        if not KAGGLE_HANDLE.fullmatch(value):
            continue
        if competition:
            yield f"competition/{value.rsplit('/', 1)[-1]}", origin
        elif "/" in value:
            yield "/".join(value.split("/")[:2]), origin


def _positional(args: str) -> str | None:
    """The first word of a download's arguments that is neither an option nor its value."""
    words = args.split()
    skip = False
    for word in words:
        if skip:
            skip = False
        elif word in KAGGLE_VALUE_OPTIONS:
            skip = True
        elif not word.startswith("-"):
            return word
    return None


class Shell:
    """The lists a script assigns and the loops over them, as its lines go by: what a
    variable holds at a line (the values of the last ``for`` over it, or its assignment)."""

    def __init__(self) -> None:
        self.assigned: dict[str, tuple[int, list[str]]] = {}
        self.loops: dict[str, list[tuple[str, Origin | None]]] = {}

    def read(self, number: int, line: str) -> None:
        assignment = SHELL_ASSIGNMENT.match(line)
        if assignment is not None:
            value = next(
                v for v in assignment.group("array", "double", "single", "bare") if v is not None
            )
            words = [w.strip("'\"") for w in value.split()][:MAX_VALUES]
            self.assigned[assignment.group("name")] = (number, words)
            self.loops.pop(assignment.group("name"), None)
            return
        loop = SHELL_FOR.match(line)
        if loop is None:
            return
        values: list[tuple[str, Origin | None]] = []
        for item in loop.group("items").split()[:MAX_VALUES]:
            variable = SHELL_VARIABLE.fullmatch(item.strip("'\""))
            if variable is None:
                values.append((item.strip("'\""), None))
            else:
                values.extend(self.values(variable.group(1)))
        self.loops[loop.group("name")] = values[:MAX_VALUES]

    def values(self, name: str) -> list[tuple[str, Origin | None]]:
        """What ``$name`` stands for: each value, with the line that wrote it."""
        if name in self.loops:
            return self.loops[name]
        number, words = self.assigned.get(name, (0, []))
        return [(word, (number, word)) for word in words]

    def expanded(self, line: str) -> Iterator[str]:
        """The line with a loop variable replaced by each of its values (``unzip ${comp}.zip``
        for each competition the loop downloads), or the line itself."""
        variable = SHELL_VARIABLE.search(line) if "$" in line else None
        if variable is None or variable.group(1) not in self.loops:
            yield line
            return
        for value, _ in self.loops[variable.group(1)]:
            yield line[: variable.start()] + value + line[variable.end() :]


def _downloads(line: str, shell: Shell) -> Iterator[Download]:
    """(source, name, column, surface, origin) of each download on one command line; origin:
    the other line that wrote the name (a shell list the command loops over), and the value."""
    kaggle = KAGGLE.search(line)
    if kaggle is not None:
        for name, origin in _kaggle_names(kaggle, shell):
            yield "kaggle", name, kaggle.start() + 1, kaggle.group().strip(), origin
        return
    hub = HF_CLI.search(line)
    if hub is not None and "dataset" in line:
        yield "hf", hub.group(1), hub.start(1) + 1, hub.group(1), None
        return
    if not (FETCH.search(line) or COPY.search(line) or GDOWN.search(line)):
        # BASE_URL="https://huggingface.co/datasets/owner/name/resolve/main/": a dataset's
        # files on the Hub, fetched through a variable a later command expands
        for url in URL.finditer(line):
            dataset = HF_DATASET_URL.search(url.group())
            if dataset is not None:
                yield "hf", dataset.group("id"), url.start() + 1, url.group().rstrip(".,"), None
        return
    drive = GDOWN_ID.search(line)
    if drive is not None:  # a file's id alone: the address gdown fetches it from
        drive_id = f"drive.google.com/file/d/{drive.group(1)}"
        yield "url", drive_id, drive.start(1) + 1, drive.group(1), None
    for url in URL.finditer(line):
        value = url.group().rstrip(".,")
        if _holds_no_data(value, shell):
            continue
        fetched = _fetched(line, value, url.start())
        if fetched is not None:
            yield *fetched, url.start() + 1, value, None


def _holds_no_data(value: str, shell: Shell) -> bool:
    """Whether a URL that ends in a script's variable fetches what the variable says is no
    data: ``.../repos/ubuntu1404/x86_64/$CUDA_REPO_PKG`` where the script set
    ``CUDA_REPO_PKG=cuda-repo-ubuntu1404_7.5-18_amd64.deb`` fetches a package."""
    variable = SHELL_VARIABLE.search(value)
    if variable is None or variable.end() != len(value):
        return False
    held = [held for held, _ in shell.values(variable.group(1))]
    return bool(held) and all(
        NOT_DATA.search(value[: variable.start()] + held_value) is not None for held_value in held
    )


def _fetched(line: str, value: str, at: int) -> tuple[str, str] | None:
    """(source, name) of the data a command fetches from the URL ``value`` (at ``at``)."""
    bare = value.split("?", 1)[0].split("#", 1)[0].rstrip("/")
    dataset = HF_DATASET_URL.search(bare)
    if dataset is not None:
        return "hf", dataset.group("id")
    if _code_command(line, at) or NOT_DATA.search(bare):
        return None  # git clone of a code repository, a package's install, not data
    return "url", value


def _expanded(
    line: str, variables: dict[str, tuple[str, int, int]], shell: Shell
) -> Iterator[tuple[str, str, int, str, tuple[str, int, int], list[str]]]:
    """(source, name, column, surface, assignment, joined) of each URL variable a fetch
    command expands (``wget ${BASE_URL}/train.zip``), its URL followed by what the line adds
    to it; ``joined``: the URLs with the file a second variable names, where the script sets
    or loops over it (``f=coco2017labels.zip`` ... ``curl -L $url$f``)."""
    for use in EXPANDED.finditer(line):
        assigned = variables.get(use.group(1) or use.group(2) or use.group(3))
        if assigned is None:
            continue
        value = assigned[0] + use.group(4)
        following = EXPANDED.match(line, use.end())
        joined: list[str] = []
        if following is not None:
            name = following.group(1) or following.group(2) or following.group(3)
            if name not in variables:
                joined = [value + held + following.group(4) for held, _ in shell.values(name)]
        fetched = _fetched(line, value, use.start())
        if fetched is not None:
            yield *fetched, use.start() + 1, use.group(), assigned, joined


def _known_files(urls: list[str], resolve: Resolve) -> list[str]:
    """The known datasets a base URL joined with each file fetches, where every one is known
    (an unknown file keeps the download's id from its base URL: one id, not one per file)."""
    datasets = [resolve("url", url) for url in urls[:MAX_VALUES]]
    known = [dataset for dataset in datasets if dataset is not None and ":" not in dataset]
    return sorted(set(known)) if known and len(known) == len(datasets) else []


def _written(line: str, source: str, name: str) -> str | None:
    """The file a download writes, to follow it through later file operations."""
    explicit = OUTPUT.search(line) or (KAGGLE_FILE.search(line) if source == "kaggle" else None)
    if explicit is not None:
        written = explicit.group(1).rstrip("/").rsplit("/", 1)[-1]
    elif source == "url":
        written = name.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1]
    elif source == "kaggle":
        written = name.rsplit("/", 1)[-1] + ".zip"
    else:
        return None
    return written if len(written) >= MIN_NAME and "." in written else None


def _named_by_output(line: str, resolve: Resolve) -> str | None:
    """The known dataset that the file a download writes is named for, where its URL names
    none: a share link says nothing (``.../s/8w42X2Kdwwk87fQ/download -O ms1m_refine.tar``,
    ``.../f/689ebd/?dl=1 -O glint360k.tar``), the name the script gives the file does."""
    output = OUTPUT.search(line)
    if output is None:
        return None
    written = output.group(1).rstrip("/").rsplit("/", 1)[-1]
    dataset = resolve("local", written)
    return dataset if dataset is not None and ":" not in dataset else None


def references(text: str, resolve: Resolve, named: Callable[[str], bool]) -> list[Found]:
    """Downloads in a script, and the lines that handle the files they wrote. ``named``:
    whether the name pass finds a known dataset in a URL (it reports those itself)."""
    found: list[Found] = []
    if ANY_DOWNLOAD.search(text) is None:
        return found
    files: dict[str, str] = {}  # downloaded file name -> dataset id
    shell = Shell()
    variables: dict[str, tuple[str, int, int]] = {}  # NAME=URL: (URL, line, column)
    lines = text.splitlines()
    for number, raw in enumerate(lines, start=1):
        line = _strip_comment(raw)
        if not line.strip():
            continue
        shell.read(number, line)
        assignment = URL_VARIABLE.match(line)
        if assignment is not None and len(variables) < MAX_FOLLOWED:
            url = URL.match(line, assignment.end())
            # the whole value, variables and all (.../Miniconda3-${VERSION}-Linux.sh), says
            # whether it is data; the URL alone stops at the first one
            whole = VALUE.match(line, assignment.end())
            if url is not None and whole is not None and not NOT_DATA.search(whole.group()):
                value = url.group().rstrip(".,")
                variables[assignment.group(1)] = (value, number, url.start() + 1)
        output = OUTPUT.search(line)
        if output is not None and NOT_DATA.search(output.group(1)):
            continue  # wget "$URL" -O miniconda.sh: an installer, whatever its address
        downloads = list(_downloads(line, shell))
        if variables and (FETCH.search(line) or COPY.search(line) or GDOWN.search(line)):
            for source, name, column, surface, assigned, joined in _expanded(
                line, variables, shell
            ):
                value, at, at_column = assigned
                known = _known_files(joined, resolve)
                if known:
                    # known datasets' files named on other lines: the name pass sees neither
                    # this command nor the URL's own line as naming them
                    if not named(line):
                        found.extend((d, number, column, Kind.URL, surface) for d in known)
                    if not named(lines[at - 1]):
                        found.extend((d, at, at_column, Kind.URL, value) for d in known)
                    continue
                downloads.append((source, name, column, surface, None))
                dataset = resolve(source, name)
                # the URL where it is set is the download's too (BASE_URL="https://...")
                if dataset is not None and (":" in dataset or not named(name)):
                    found.append((dataset, at, at_column, Kind.URL, value))
        for source, name, column, surface, origin in downloads:
            dataset = resolve(source, name)
            if dataset is None:
                continue
            if dataset.startswith("url:"):
                dataset = _named_by_output(line, resolve) or dataset
            # A known dataset's name in a URL is reported by the name pass; a Kaggle or Hub id
            # may resolve through the catalogue's loader ids alone (kaggle:competition/<slug>),
            # and a URL through the registry-derived URLs, which the name pass does not see,
            # so the download reports it itself.
            if ":" in dataset or source != "url" or not named(name):
                found.append((dataset, number, column, Kind.URL, surface))
            if origin is not None:  # DATASETS="owner/a owner/b": the list the loop fetches
                at, value = origin
                found.append(
                    (dataset, at, max(1, lines[at - 1].find(value) + 1), Kind.CONFIG, value)
                )
            written = _written(line, source, name)
            if written is not None and len(files) < MAX_FOLLOWED:
                files[written] = dataset
                unpacked = ARCHIVE.sub("", written)  # train_hq.zip unpacks to train_hq/
                if unpacked != written and len(unpacked) >= MIN_NAME:
                    files[unpacked] = dataset
        if downloads or not files or FILE_OPERATION.search(line) is None:
            continue
        for written, dataset in files.items():
            for variant in shell.expanded(line):
                if written in variant:  # at the name, else at the variable that holds it
                    at = line.find(written) if written in line else max(0, line.find("$"))
                    found.append((dataset, number, at + 1, Kind.PATH, written))
                    break
    return found
