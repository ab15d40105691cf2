"""Hub ids that code and scripts hand to what selects data: ``--dataset_name owner/name``.

Fine-tuning and pre-training code names most of its data by Hugging Face Hub id, and rarely
in a ``load_dataset("...")`` literal: a command line's flag (``--dataset_name trl-lib/Capybara``,
``--dataset_mixer_list allenai/tulu-3-sft-mixture 1.0 other/mix 0.5`` over continuation lines,
``--dataset_mixer '{"owner/name": 1.0}'``), a keyword (``hf_dataset_id="AI-MO/NuminaMath-TIR"``,
``DatasetConfig(path="owner/name")``), a constant (``SFT_DATASET = "trl-lib/Capybara"``,
``export data_mix="owner/a 1.0 owner/b 1.0"``), a comparison (``if ds_name ==
"open-r1/codeforces"``) or a list or mapping under such a name (``datasets = [`` ... ``]``,
``dataset_mixer = {"owner/name": 0.5}``, ``datasets_info = {"Memes": {"path": "owner/name"}}``).

A model id looks the same (``meta-llama/Llama-2-7b-hf``), so the value alone decides nothing:
what decides is the name it is given to, read from right to left. Each flag, key, keyword,
call or assigned name before the id is a *holder*; the nearest one whose words say data
(dataset, data, mixer, mixture, corpus, ``ds``, ``eval_sets``) makes the id a dataset,
one whose words say model, tokenizer, output, a location or anything else makes it not. Only
generic holders (``path``, ``name``, ``id``, ``default``, ``field(...)``) are read through, to
the call or the name that holds them. Other ids, commas, numbers, quotes and brackets between
the id and its holder are the rest of a list (a mixture's weights); a line that starts with
the id takes the holder of the line it continues (``\\``) or of the bracket it sits in (the
less indented line above that opens it). Nothing parses, so broken code and every shell read
alike; comments are left alone, and a docstring's usage example is a mention. An owner that
stands for the reader's own (``your-org/your-dataset``, ``my/dataset``) names no dataset.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from datasheet_lint.extract import python_strings
from datasheet_lint.extract.configs import hub_id
from datasheet_lint.extract.context import Line, in_comment, key_words
from datasheet_lint.extract.segments import LineIndex
from datasheet_lint.lazyregex import lazy
from datasheet_lint.models import Kind

# A Hub id standing alone: not a part of a longer path, a URL, a variable (``$DATA/x``) or a
# file name.
CANDIDATE = lazy(
    r"(?<![\w./:@$%{}~\\-])([A-Za-z0-9][\w.\-]{0,95}/[\w.\-]{0,95}[A-Za-z0-9])(?![\w/.\-]|:/)"
)
# The words of a holder that say it selects data.
DATA_WORDS = frozenset(
    {"dataset", "datasets", "data", "mixer", "mix", "mixture", "mixtures", "ds", "dset"}
    | {"corpus", "corpora", "sets"}
)
# The words of a holder read through: they say where or how a value is given, not what.
GENERIC_WORDS = frozenset(
    {"path", "name", "id", "repo", "hf", "default", "factory", "value", "values", "lambda"}
    | {"field", "list", "dict", "tuple", "str", "the", "or"}
)
# A call named for fetching or loading is a loader, whose argument's platform its own reader
# knows (extract/python_ast.py: kagglehub.dataset_download("owner/slug") is Kaggle's).
LOADER_VERBS = frozenset({"load", "download", "fetch", "get", "read", "open", "snapshot"})
# Words that make a holder something other than a selection of data even beside a data word:
# models and their parts, where a run writes, and locations (a data_dir holds a path).
NOT_DATA_WORDS = frozenset(
    {"model", "models", "tokenizer", "processor", "adapter", "peft", "lora", "base"}
    | {"revision", "template", "output", "outputs", "save", "push", "checkpoint", "ckpt"}
    | {"pretrained", "weights", "reward", "rm", "judge", "policy", "critic", "teacher"}
    | {"student", "embedding", "encoder", "decoder", "llm", "lm", "vllm", "entity"}
    | {"dir", "dirs", "root", "folder", "file", "files", "prefix", "cache", "url", "urls"}
    | {"paths", "local", "log", "logs", "wandb", "project", "run", "image", "images"}
)

_SPACE_TAIL = lazy(r"\s+$")
_NUMBER_TAIL = lazy(r"(?<![\w.])-?\d+(?:\.\d+)?(?:[eE]-?\d+)?$")
_ID_TAIL = lazy(r"(?<![\w./:@$%{}~\\-])[A-Za-z0-9][\w.\-]{0,95}/[\w.\-]{0,95}[A-Za-z0-9]$")
_NAME = r"[A-Za-z_][\w.]{0,80}"
_CALL_TAIL = lazy(rf"({_NAME})\($")
_ANNOTATED_TAIL = lazy(rf"(?<![\w.])({_NAME})\s*:\s*[\w\[\], .|]{{1,60}}?\s*=$")
_KEY_TAIL = lazy(
    rf"""(?:(?<![\w.\-])(--?[A-Za-z][\w.\-]{{0,80}})|['"]?(?<![\w.])({_NAME})['"]?)"""
    r"""\s*(?<![=!<>])[:=]$"""
)
_COMPARED_TAIL = lazy(rf"(?<![\w.])({_NAME})(?:\[[^\]]{{0,40}}\])?\s*(?:==|!=|\bnot\s+in|\bin)$")
_FLAG_TAIL = lazy(r"""(?:^|(?<=[\s"'(\[,]))(--?[A-Za-z][\w.\-]{0,80})$""")
# The option an argparse default belongs to: add_argument("--dataset", type=str, default=...
OPTION = lazy(r"""add_argument\(\s*(?:['"]-\w['"]\s*,\s*)?['"](--?[\w.\-]{1,80})['"]""")
_LAMBDA_TAIL = lazy(r"(?<![\w.])lambda\s*:$")
# An owner that a usage example leaves to the reader.
PLACEHOLDER_WORDS = frozenset({"my", "your", "username", "user", "org", "organization", "example"})
# Each rule reads a bounded tail: a holder is short, and a long line is not re-read whole.
REACH = 160
MAX_HOLDERS = 12  # holders read through before giving up
MAX_LINES_UP = 60  # lines climbed to a continued line or an opening bracket
OPTION_LINES = 5  # lines an add_argument call spans before its default
MAX_CANDIDATES = 2_000  # ids judged per file: real code holds a few dozen

Resolve = Callable[..., str | None]


def _verdict(holder: str, *, entry: bool) -> bool | None:
    """True: the holder selects data; False: something else; None: read through it.

    ``entry``: the holder opens the bracket the value sits in, where a name of no kind is an
    entry's own name (``"Memes": {`` inside ``datasets_info = {``), read through too."""
    words = key_words(holder.lstrip("-").rstrip("(").replace("-", "_"))
    if not words or words & NOT_DATA_WORDS:
        return False
    if holder.endswith("(") and words & LOADER_VERBS:
        return False  # a loader's call: its own id (kagglehub's, the Hub's) is python_ast's
    if words & DATA_WORDS:
        return True
    if words <= GENERIC_WORDS or entry:
        return None
    return False


def _holders(prefix: str) -> Iterator[str | None]:
    """The holders in the text before a value, nearest first; None where the text reaches
    its start without one. Stops (yields nothing more) at anything that is neither a holder
    nor the rest of a list."""
    text = prefix
    while True:
        text = _SPACE_TAIL.sub("", text)
        if not text:
            yield None
            return
        tail = text[-REACH:]
        offset = len(text) - len(tail)
        last = tail[-1]
        if last in "\"'[]{}),\\":
            text = text[:-1]
            continue
        if last == "(":
            call = _CALL_TAIL.search(tail)
            if call is None:
                text = text[:-1]
                continue
            yield call.group(1).rpartition(".")[2] + "("
            text = text[: offset + call.start()]
            continue
        found = _NUMBER_TAIL.search(tail) or _ID_TAIL.search(tail)
        if found is not None:
            text = text[: offset + found.start()]
            continue
        if last == ":":
            lambda_ = _LAMBDA_TAIL.search(tail)
            if lambda_ is not None:  # default_factory=lambda: ["owner/name", "1.0"]
                text = text[: offset + lambda_.start()]
                continue
            key = text[:-1].rstrip().rstrip("\"'")
            mixed = _ID_TAIL.search(key[-REACH:])
            if mixed is not None:  # a mixture's "owner/name": 0.5
                text = key[: len(key) - len(mixed.group())]
                continue
        compared = _COMPARED_TAIL.search(tail)
        if compared is not None:
            yield compared.group(1).rpartition(".")[2]
            return  # the compared name decides alone
        if last in "=:":
            for pattern in (_ANNOTATED_TAIL, _KEY_TAIL):
                match = pattern.search(tail)
                if match is not None:
                    name = next(group for group in match.groups() if group)
                    option = OPTION.search(text) if name in {"default", "choices"} else None
                    if option is not None:  # add_argument("--dataset", ..., default="o/n")
                        yield option.group(1)
                        return
                    yield name.rpartition(".")[2] if not name.startswith("-") else name
                    text = text[: offset + match.start()]
                    break
            else:
                return
            continue
        flag = _FLAG_TAIL.search(tail)
        if flag is not None:
            yield flag.group(1)
            return  # a command's flag decides alone
        return


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _enclosing(lines: list[str], index: int) -> int | None:
    """The line the line at ``index`` continues: the one above it that ends with ``\\``, else
    the less indented line above that opens the bracket it sits in."""
    if index > 0 and lines[index - 1].rstrip().endswith("\\"):
        return index - 1
    indent = _indent(lines[index])
    for above in range(index - 1, max(-1, index - MAX_LINES_UP), -1):
        text = lines[above].rstrip()
        if not text.strip():
            continue
        if _indent(text) < indent:
            return above if text[-1] in "[({" else None
    return None


def _option_above(lines: list[str], index: int) -> str | None:
    """The flag of the ``add_argument(`` call that the line at ``index`` continues (the flag
    on a line of its own: ``parser.add_argument(`` / ``"--input_dataset",`` /
    ``default="owner/name",``)."""
    for above in range(index - 1, max(-1, index - OPTION_LINES), -1):
        if "add_argument(" in lines[above]:
            option = OPTION.search(" ".join(lines[above:index]))
            return option.group(1) if option is not None else None
    return None


def _selects_data(lines: list[str], index: int, start: int) -> bool:
    """Whether the id at ``start`` of line ``index`` is given to a holder that selects data."""
    prefix = lines[index][:start]
    read = 0
    entry = False
    for _ in range(MAX_LINES_UP):
        for holder in _holders(prefix):
            read += 1
            if holder is None:
                break
            if holder in {"default", "choices"}:  # an option's default, its flag lines above
                holder = _option_above(lines, index) or holder
            verdict = _verdict(holder, entry=entry)
            if verdict is not None:
                return verdict
            if read >= MAX_HOLDERS:
                return False
        else:
            return False  # stopped at something that holds no data
        above = _enclosing(lines, index)
        if above is None:
            return False
        entry = not lines[above].rstrip().endswith("\\")
        index = above
        prefix = lines[index].rstrip()
    return False


def references(
    text: str, lang: str, resolve: Resolve, known: Callable[[str], str | None]
) -> Iterator[tuple[str, int, int, Kind, str]]:
    """(dataset, line, column, kind, surface) of each Hub id that a data holder selects.

    ``known``: the known dataset a folder's name names, if any: an "owner" that is a dataset's
    own folder (``faces_emore/imgs``, ``VCTK-Corpus/wav48``) makes the value a path inside that
    dataset, not a Hub id."""
    lines: list[str] | None = None
    index: LineIndex | None = None
    strings: python_strings.Regions | None = None
    for count, match in enumerate(CANDIDATE.finditer(text)):
        if count >= MAX_CANDIDATES:
            return
        value = match.group(1)
        if not hub_id(value):
            continue
        index = index or LineIndex(text)
        lines = lines or text.split("\n")
        line, column = index.position(match.start(1))
        own = lines[line - 1]
        start = column - 1
        if in_comment(Line(own, start, start + len(value), ()), lang):
            continue
        owner = value.partition("/")[0]
        if PLACEHOLDER_WORDS & key_words(owner) or known(owner) is not None:
            continue
        kind = Kind.CONFIG
        if lang == "python":
            strings = strings or python_strings.regions(text)
            at = Line(own, start, start + len(value), ())
            if strings.role(match.start(1), at) == "docstring":
                kind = Kind.MENTION  # a usage example in a docstring
        if not _selects_data(lines, line - 1, start):
            continue
        dataset = resolve("hf", value)
        if dataset is not None:
            yield dataset, line, column, kind, value
