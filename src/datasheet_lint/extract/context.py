"""What a matched name is doing on its line: the token around it, quotes, comments, keys.

An alias flagged ambiguous (``duke``, ``brainwash``) counts only where the line uses it as a
dataset name: a data path segment (``data/duke/``), a data file name (``brainwash.tar.gz``),
the value of a dataset-like key (``dataset: duke``, ``sources=['duke']``), a CLI flag value
(``--dataset duke``), a dataset option in argparse, or next to a token that disambiguates it
(``market1501`` on the same line). Everything here reads one line plus, for indented configs,
the keys above it; nothing parses, so nothing can fail on broken input.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from datasheet_lint.knowledge.blocklist import Alias
from datasheet_lint.lazyregex import lazy
from datasheet_lint.names import chunks

# The scheme is bounded: unbounded, every word start of a long word is tried to its end.
URL = lazy(r"(?:\b[a-z][a-z0-9+.-]{0,31}://|\bwww\.)[^\s'\"<>()\[\]{}`,]+", re.IGNORECASE)
TOKEN_STOP = set(" \t'\"`()[]{}<>,;=|")
DATA_FILE = lazy(
    r"\.(?:zip|tar(?:\.(?:gz|bz2|xz))?|tgz|gz|7z|rar|idl|mat|h5|hdf5|npy|npz|pkl|pickle|"
    r"jsonl?|csv|tsv|rec|idx|lst|bin|parquet|arrow|tfrecords?|lmdb)(?![a-z0-9])",
    re.IGNORECASE,
)
DATA_DIR = lazy(r"data|^corp(?:us|ora)$|^db$|^raw$|^inputs?$", re.IGNORECASE)
DATASET_WORDS = frozenset(
    [
        "dataset",
        "datasets",
        "data",
        "source",
        "sources",
        "target",
        "targets",
        "src",
        "tgt",
        "domain",
        "domains",
        "train",
        "test",
        "val",
        "valid",
        "validation",
        "query",
        "gallery",
        "corpus",
        "corpora",
    ]
)
FLAG = lazy(
    r"(?:--?[a-z0-9_-]*(?:data|source|target|name|src|tgt)[a-z0-9_-]*|-(?:d|s|t|ds|dt))[\s=]+['\"]?$",
    re.IGNORECASE,
)
# KEY VALUE pairs after a command (yacs, detectron2, fast-reid): DATASETS.TRAIN "('coco',)"
OVERRIDE = lazy(
    r"(?:^|\s)[A-Z][A-Z0-9_]*\.[A-Z0-9_.]*(?:DATA|NAMES?|TRAIN|TEST)[A-Z0-9_]*\s+[\"'(\[\s,]*$"
)
# An option's flag says it selects data: --dataset, --source, --target, and a benchmark's
# subset or evaluation set (--subset IJBC, --test_set LFW), but not --offset or --preset.
ARGPARSE_OPTION = lazy(
    r"add_argument\(\s*(?:['\"]-[\w-]*['\"]\s*,\s*)*['\"]--?[\w-]*"
    r"(?:data|source|target|src|tgt|subset|[-_]set(?![a-z]))",
    re.IGNORECASE,
)
KEY_WORDS = lazy(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")
INDENTED_KEY = lazy(r"^(\s*)(?:-\s+)?['\"]?([\w.\-]+)['\"]?\s*[:=](?!//)")
VALUE_END = lazy(r"""^\s*['"]?\s*(?:[,\])}]|#|$|->|\s)""")


# Patterns anchored at the hit (``key: ``, ``--dataset ``) read only this much of the text
# before it: a real key or flag is short, and on a long run of key characters such a search
# retries from every start, costing the square (or cube) of its length.
KEY_REACH = 64


@dataclass(frozen=True, slots=True)
class Line:
    """The line a hit sits on, with enough surroundings to judge it."""

    text: str
    start: int  # hit offsets within the line
    end: int
    above: Sequence[str]  # preceding lines, nearest last (for indented configs)


def token_at(line: Line) -> tuple[str, int]:
    """The whitespace/quote-delimited token around the hit, and the hit's offset in it."""
    return _token(line.text, line.start, line.end)


@lru_cache(maxsize=1024)
def _token(text: str, start: int, end: int) -> tuple[str, int]:
    # Several questions are asked about the same token of the same hit: compute it once.
    left = start
    while left > 0 and text[left - 1] not in TOKEN_STOP:
        left -= 1
    right = end
    while right < len(text) and text[right] not in TOKEN_STOP:
        right += 1
    return text[left:right], start - left


def in_path(line: Line) -> bool:
    token, _ = token_at(line)
    return "/" in token or "\\" in token or DATA_FILE.search(token) is not None


# UCI's own extension (adult.data, iris.data, wine.data), right after the name only: inside a
# token ``.data`` is any object's attribute (self.data, tensor.data).
UCI_DATA_FILE = lazy(r"\.data(?![\w.(])")


# A dataset's list of class names (darknet's data/coco.names, voc.names; UCI's adult.names),
# written as a file: right after a quote or a folder, so that an attribute (ds.names) is not.
NAMES_FILE = lazy(r"\.names(?![\w.(])")


def data_file_name(line: Line) -> bool:
    """``brainwash.tar.gz``, ``duke_train.json``, ``"adult.data"``, ``'data/coco.names'``: the
    name runs into a data file extension."""
    rest = line.text[line.end :]
    return (
        DATA_FILE.match(rest) is not None
        or UCI_DATA_FILE.match(rest) is not None
        or (
            line.text[line.start - 1 : line.start] in {"'", '"', "/"}
            and bool(NAMES_FILE.match(rest))
        )
        or re.match(r"[-_.][\w.-]*?" + DATA_FILE.pattern, rest, re.IGNORECASE) is not None
    )


def data_path_segment(line: Line) -> bool:
    """``data/duke/``: a whole path segment, below a folder that holds data."""
    token, offset = token_at(line)
    segments = re.split(r"[/\\]", token)
    position = 0
    for index, segment in enumerate(segments):
        if position <= offset < position + len(segment) + 1:
            whole = offset == position and len(segment) == line.end - line.start
            return whole and index > 0 and any(DATA_DIR.search(s) for s in segments[:index])
        position += len(segment) + 1
    return False


# A key or flag that names where the data is read from (GPT-NeoX's "train-data-paths",
# Megatron's --data-path, DATA_DIR=, data_root:): its words say data, and a location.
DATA_LOCATION_WORDS = frozenset(
    {"path", "paths", "prefix", "dir", "dirs", "root", "file", "files", "folder", "location"}
)
DATA_LOCATION_FLAG = lazy(
    r"--?[a-z0-9_-]*data[-_]?(?:path|paths|prefix|dir|dirs|root|file|files|folder)"
    r"[a-z0-9_-]*[\s=]+['\"]?$",
    re.IGNORECASE,
)


def data_location_path(line: Line) -> bool:
    """``"train-data-paths": ["/fsx/pile/pile_text_document"]``, ``--data-path /fsx/pile/...``:
    the name opens a folder or file name (whole, or its first word) of a path that a data
    location key or flag holds. Such a key says what the path is, where ``data/`` may be absent
    from it; a tokenizer's path in the same folder (``vocab-file: /fsx/pile/tok.json``) is not
    data, and a path alone (``/fsx/pile/``) is not enough."""
    token, offset = token_at(line)
    if "/" not in token and "\\" not in token:
        return False
    if offset > 0 and token[offset - 1] not in "/\\":
        return False  # inside a segment: not its start
    after = token[offset + line.end - line.start : offset + line.end - line.start + 1]
    if after not in {"", "/", "\\", "_", "-", "."}:
        return False
    start = line.start - offset
    before = line.text[max(0, start - KEY_REACH) : start]
    if DATA_LOCATION_FLAG.search(before) is not None:
        return True
    at_token = Line(line.text, start, start, line.above)
    own = line_key(at_token)
    if own is None and line.text[:start].strip(" \t'\"-[(,"):
        return False  # something other than a list item stands before it
    keys = ([own] if own else []) + _ancestor_keys(at_token)
    return any("data" in words and words & DATA_LOCATION_WORDS for words in map(key_words, keys))


def flag_switch(line: Line) -> bool:
    """``prepare.py --Duke``, ``add_argument('--market')``: the name is a whole command-line
    switch of its own, which selects that dataset (a person or a company is never a switch)."""
    before = line.text[: line.start]
    if not before.endswith("--") or before[-3:-2] not in {"", " ", "\t", "'", '"'}:
        return False
    return line.text[line.end : line.end + 1] in {"", " ", "\t", "'", '"', "="}


DOWNLOADER = lazy(r"(?:^|[\s;&|(!])(?:wget|curl|gdown|aria2c)\s")
OUTPUT_OPTION = lazy(
    r"\s(?:-O|-o|--output-document|--output|--out)(?:\s+|=)['\"]?(?:[\w.~-]*[/\\])*$"
)


def download_target(line: Line) -> bool:
    """``wget URL -O ms1m_refine_train_ann.txt``: the name opens the file a download command
    writes, which is the data it fetches (a name, whatever its extension)."""
    before = line.text[max(0, line.start - KEY_REACH) : line.start]
    if OUTPUT_OPTION.search(before) is None:
        return False
    return DOWNLOADER.search(line.text[: line.start]) is not None


def flag_value(line: Line) -> bool:
    """``--dataset duke``, ``-s duke``, ``--source-dataset=duke``, and a yacs override on a
    command line: ``DATASETS.NAMES "('market1501')"``."""
    before = line.text[max(0, line.start - KEY_REACH) : line.start]
    return FLAG.search(before) is not None or OVERRIDE.search(before) is not None


def argparse_dataset_option(line: Line) -> bool:
    """The default (or a choice) of an argparse option that selects data. A call written over
    lines opens on the line above (``parser.add_argument(`` then ``"--target",
    default="IJBC"``, or the flag there and ``default='IJBB', type=str)`` here)."""
    if ARGPARSE_OPTION.search(line.text) is not None:
        return True
    if "add_argument" in line.text or not line.above:
        return False
    opened = line.above[-1]
    if "add_argument" not in opened:
        return False
    return ARGPARSE_OPTION.search(opened + " " + line.text[: line.start]) is not None


def key_words(key: str) -> set[str]:
    return {word.lower() for word in KEY_WORDS.findall(key)}


_KEY_BEFORE = lazy(r"([A-Za-z_][\w.\-\[\]'\"]*?)['\"]?\s*$")
_NOT_KEY_END = frozenset("=!<>:")


def line_key(line: Line) -> str | None:
    """The key this value belongs to on its own line: ``dataset: duke`` -> 'dataset'."""
    before = line.text[: line.start]
    # The key ends at the last ':' or '=' before the value (found by hand, not by a regex that
    # would retry from every character of a long line).
    sign = max(before.rfind(":"), before.rfind("="))
    if sign < 0 or before[sign + 1 : sign + 2] == "/" or before[sign - 1 : sign] in _NOT_KEY_END:
        return None
    match = _KEY_BEFORE.search(before, max(0, sign - KEY_REACH), sign)
    if match is None:
        return None
    between = before[match.end(1) :]
    # Only brackets, quotes, commas and simple list items may stand between key and value.
    if not re.fullmatch(
        r"""['"]?\s*[:=]\s*[\[({]?\s*(?:['"]?[\w.\-/]+['"]?\s*,\s*)*['"]?""", between
    ):
        return None
    return match.group(1)


def _ancestor_keys(line: Line, limit: int = 3) -> list[str]:
    """Keys of the less-indented lines above: the parents in a YAML/TOML-ish layout."""
    indent = len(line.text) - len(line.text.lstrip())
    keys: list[str] = []
    for text in reversed(line.above):
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        if text.lstrip().startswith("[") and text.rstrip().endswith("]"):  # TOML/INI table
            keys.append(text.strip("[] \t"))
            break
        depth = len(text) - len(text.lstrip())
        if depth < indent:
            match = INDENTED_KEY.match(text)
            if match:
                keys.append(match.group(2))
            indent = depth
            if len(keys) >= limit or depth == 0:
                break
    return keys


def dataset_value(line: Line) -> bool:
    """The whole value (or one list item) of a key that names datasets."""
    if VALUE_END.match(line.text[line.end :]) is None:
        return False
    own = line_key(line)
    stripped = line.text[: line.start].strip(" \t'\"-[(,")
    if own is None and stripped:  # something other than a list item stands before it
        return False
    keys = ([own] if own else []) + _ancestor_keys(line)
    return any(key_words(key) & DATASET_WORDS for key in keys)


@lru_cache(maxsize=512)
def _near_regex(tokens: tuple[str, ...]) -> re.Pattern[str]:
    parts = ["[-_. ]?".join(re.escape(c) for c in chunks(token)) for token in tokens]
    return re.compile(r"(?<![a-z0-9])(?:" + "|".join(parts) + r")(?![a-z0-9])", re.IGNORECASE)


def near(line: Line, tokens: tuple[str, ...]) -> bool:
    """A disambiguating token elsewhere on the same line."""
    if not tokens:
        return False
    rest = line.text[: line.start] + " " + line.text[line.end :]
    return _near_regex(tokens).search(rest) is not None


def near_in(text: str, alias: Alias) -> bool:
    """A disambiguating token of the alias anywhere in ``text`` (a whole module)."""
    return bool(alias.near) and _searched(text, alias.near)


def _distinctive(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """The near tokens that name nothing but the domain: with a digit or an underscore, or
    long (market1501, bounding_box_train, torchreid); not 'duke' or 'reid', which are also
    names in any English text."""
    return tuple(t for t in tokens if re.search(r"[\d_]", t) or len(t) >= 8)


def distinctive_near_in(text: str, alias: Alias) -> bool:
    """A distinctive near token of the alias anywhere in ``text`` (a whole file)."""
    tokens = _distinctive(alias.near)
    return bool(tokens) and _searched(text, tokens)


@lru_cache(maxsize=64)
def _searched(text: str, tokens: tuple[str, ...]) -> bool:
    """One search of a file per set of tokens, however many of its names ask: a file of a
    million 'duke's costs one pass, not a million (the text's hash is computed once)."""
    return _near_regex(tokens).search(text) is not None


def in_quotes(line: Line) -> bool:
    before = line.text[: line.start]
    return before.count('"') % 2 == 1 or before.count("'") % 2 == 1


COMMENT_MARKERS = {
    "python": lazy(r"#"),
    "config": lazy(r"#"),
    # Shell and C-like code; '//' after ':' is a URL, not a comment.
    "script": lazy(r"#|(?<!:)//|/\*"),
}


def in_comment(line: Line, lang: str) -> bool:
    marker = COMMENT_MARKERS.get(lang)
    if marker is None:
        return False
    for match in marker.finditer(line.text, 0, line.start):
        if not in_quotes(Line(line.text, match.start(), match.end(), ())):
            return True
    return False


def role_of(line: Line, lang: str) -> str:
    """What the text is doing where the hit stands, read from the line alone.

    'prose', 'comment', 'string' (Python), 'value' (configs) or 'code' (identifiers and bare
    words in code and scripts). Python files that tokenize get exact roles instead.
    """
    if lang == "prose":
        return "prose"
    if in_comment(line, lang):
        return "comment"
    if lang == "config":
        return "value"
    if lang == "python" and in_quotes(line):
        return "string"
    return "code"


def dataset_name_context(line: Line, lang: str, role: str) -> bool:
    """The line uses the text as a dataset name (what an ambiguous alias needs)."""
    if role in {"prose", "docstring"}:
        return (
            flag_value(line)
            or data_path_segment(line)
            or data_file_name(line)
            or download_target(line)
            # a config shown in a README: "train-data-paths": ["/fsx/pile/..."]
            or data_location_path(line)
        )
    if role == "comment":
        return flag_value(line)  # a commented-out command line still names its dataset
    if lang == "python" and role != "string":
        return False  # an identifier named duke is a variable, not a dataset
    return (
        data_path_segment(line)
        or data_file_name(line)
        or flag_value(line)
        or dataset_value(line)
        or compared_dataset(line)
        or (lang == "python" and registry_key(line))
        or (lang == "python" and getter_argument(line))
        or (lang == "python" and argparse_dataset_option(line))
        or data_location_path(line)
        or download_target(line)
    )


# The call whose first argument a string opens: init_dataset('duke', ...), get_data('sysu_ir', ...).
GETTER_CALL = lazy(r"([A-Za-z_][\w.]*)\(\s*['\"]$")
GETTER_WORDS = frozenset({"dataset", "datasets", "data", "db"})
GETTER_VERBS = frozenset({"get", "init", "build", "create", "make", "load", "prepare"})


def getter_argument(line: Line) -> bool:
    """The whole first argument of a function that gets a dataset by its name
    (``init_dataset('partial_reid', root=cfg.ROOT)``, ``get_data('duke', data_dir)``): the
    name selects that dataset as a config value does."""
    quote = line.text[line.start - 1 : line.start]
    if quote not in {"'", '"'} or line.text[line.end : line.end + 1] != quote:
        return False  # the whole literal, not a word of a sentence
    match = GETTER_CALL.search(line.text[: line.start][-120:])
    if match is None:
        return False
    words = key_words(match.group(1).rpartition(".")[2])
    return bool(words & GETTER_WORDS) and bool(words & GETTER_VERBS)


# args.dataset == 'mnist', conf.data_mode in ['ms1m', 'concat'], opt.dataset != "lsun"
COMPARED = lazy(r"([A-Za-z_][\w.]*)\s*(?:==|!=|\bin)\s*[\[({]?[\w\s'\",.-]*['\"]$")


def compared_dataset(line: Line) -> bool:
    """A string compared with a name that holds a dataset's name (its words say dataset,
    data or source)."""
    match = COMPARED.search(line.text[: line.start][-200:])
    return match is not None and bool(key_words(match.group(1)) & COMPARED_WORDS)


# The words of a name compared with a dataset's: the dataset words, a data mode
# (conf.data_mode == 'vgg') and a benchmark's subset (if subset == "IJBB").
COMPARED_WORDS = DATASET_WORDS | {"mode", "subset"}


# What follows a dict's key: its value up to the entry's end (an identifier, a call, a tuple
# of names or a string): 'duke': Duke,  "cplfw": (cplfw, cplfw_issame),  "rfw": "EvalRFW",
REGISTRY_VALUE = lazy(r"""\s*:\s*([\w.(), '"]{1,120})""")


def registry_key(line: Line) -> bool:
    """The whole key of a registry's entry whose value is named after it: a factory of
    dataset classes (``'duke': Duke``, ``'mars': Mars``) or of a benchmark's loaded data or
    evaluator (``"cplfw": (cplfw, cplfw_issame)``, ``"rfw": "EvalRFW"``) maps the dataset's
    name to what reads it. A key whose value is named otherwise (``'duke': 3``,
    ``'market': PriceFeed``), or is a variable of the key's name in a record of variables
    (``{"mars": mars, "path": path}``), is not such an entry."""
    quote = line.text[line.start - 1 : line.start]
    if quote not in {"'", '"'} or line.text[line.end : line.end + 1] != quote:
        return False
    value = REGISTRY_VALUE.match(line.text, line.end + 1)
    if value is None:
        return False
    text = value.group(1).strip()
    if text[:1].islower():
        return False  # a record of variables ({"mars": mars}), not a registry
    if re.match(r"\w+\.", text):
        return False  # a module's member ("Emotion": Emotion.EmotionClient): a model's client
    if text[:1] == "(":
        # a tuple of the loaded data names it by its names, not in a string (a paper's
        # title: "lvis": ("1908.03195", "LVIS: A Dataset for ..."))
        text = re.sub(r"""(['"])[^'"]*(?:\1|$)""", "", text)  # cut at the value's end too
    name = re.sub(r"[^a-z0-9]", "", line.text[line.start : line.end].lower())
    return bool(name) and name in re.sub(r"[^a-z0-9]", "", text.lower())
