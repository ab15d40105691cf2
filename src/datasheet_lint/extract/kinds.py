"""What kind of reference a matched name is, if it is one at all.

A name inside a link to anything but data or in a model's tag or file is no dataset
reference; in the value of a key where a run writes its output (``OUTPUT_DIR:
logs/dukemtmc/sbs_R50``) it is a ``mention``: the run's outputs name the data it trained on, but
it reads nothing there. Otherwise the role of the text (prose, comment, string, config value,
code) and the shape of the token (URL, path, data file, flag value) decide between ``url``,
``path``, ``config`` and ``mention``.
"""

from __future__ import annotations

import re

from datasheet_lint.extract import identifiers
from datasheet_lint.extract.context import (
    DATA_DIR,
    DATA_FILE,
    KEY_REACH,
    TOKEN_STOP,
    URL,
    Line,
    data_file_name,
    dataset_value,
    download_target,
    flag_value,
    in_path,
    key_words,
    near,
    token_at,
)
from datasheet_lint.knowledge import words
from datasheet_lint.knowledge.blocklist import Alias
from datasheet_lint.lazyregex import lazy
from datasheet_lint.models import Kind

DOWNLOAD_COMMAND = re.compile(
    r"\b(?:wget|curl|gdown|aria2c|axel|urlretrieve|urlopen|download\w*|requests\.get|"
    r"hf_hub_download|snapshot_download|git\s+clone|git\s+lfs)\b",
    re.IGNORECASE,
)


def url_at(line: Line) -> str | None:
    """The URL the hit stands in, if any."""
    for match in URL.finditer(line.text):
        if match.start() <= line.start and line.end <= match.end():
            return match.group()
    return None


def downloaded(url: str, line: Line) -> bool:
    """A URL of data: a data file, or fetched by a download command on the same line (a
    command word inside a URL, as in .../releases/download/..., does not count)."""
    if DATA_FILE.search(url.split("?", 1)[0]):
        return True
    return DOWNLOAD_COMMAND.search(URL.sub(" ", line.text)) is not None


def _string_content(line: Line) -> str:
    """The text between the quotes around the hit (the whole line if none)."""
    before, after = line.text[: line.start], line.text[line.end :]
    left = max(before.rfind('"'), before.rfind("'"))
    right_candidates = [i for i in (after.find('"'), after.find("'")) if i >= 0]
    right = min(right_candidates) if right_candidates else len(after)
    return before[left + 1 :] + line.text[line.start : line.end] + after[:right]


# A dataset class named through its library's namespace in code that is not Python.
DATASET_NAMESPACE = re.compile(r"\bdatasets\s*(?:::|\.)\s*$")
MEDIA = re.compile(r"\.(?:png|jpe?g|gif|svg|webp|ico|pdf)$", re.IGNORECASE)


def _media(line: Line) -> bool:
    """An image or document outside any data folder (docs/coco_sample.png): not data."""
    token, _ = token_at(line)
    segments = re.split(r"[/\\]", token)
    return MEDIA.search(token) is not None and not any(DATA_DIR.search(s) for s in segments[:-1])


# A program a script runs from a folder kept in a variable: $VOC_DIR/train.py, where VOC_DIR is
# the vocoder's folder (or any tool's), not Pascal VOC's; the path ends in code, not in data.
VARIABLE_BEFORE = lazy(r"\$\{?\w*$")
PROGRAM_AFTER = lazy(r"\w*\}?/[^\s'\"`;|&]*\.(?:py|sh|bash|pl|rb|lua|js|r|jl)(?![\w/.])", re.I)


def _program_under_variable(line: Line) -> bool:
    """The name is part of a variable's name in a path to a program (``$VOC_DIR/train.py``,
    ``"${VOC_DIR}/utils/parse_options.sh"``)."""
    return (
        VARIABLE_BEFORE.search(line.text, max(0, line.start - KEY_REACH), line.start) is not None
        and PROGRAM_AFTER.match(line.text, line.end) is not None
    )


PROGRAM = re.compile(r"\.(?:py|sh|bash|pl|lua|rb|r|m|jl|ipynb)$", re.IGNORECASE)


def program_folder(line: Line) -> bool:
    """The name stands in a folder of a path to a program, outside any data folder
    (``python $VOC_DIR/train.py``, ``. "${VOC_DIR}/utils/parse_options.sh"``), or in the name
    of a variable holding that folder: a folder of code, which a variable named for a vocoder
    or a toolkit may hold. A data preparation script in the data's own folder
    (``data/voc/prepare.py``) stays the data's."""
    token, offset = token_at(line)
    segments = re.split(r"[/\\]", token[:offset])
    in_folder = (
        PROGRAM.search(token) is not None
        and re.search(r"[/\\]", token[offset:]) is not None
        and not any(DATA_DIR.search(s) for s in segments[:-1])
    )
    return in_folder or _program_under_variable(line)


# A command that runs a program with arguments: python train.py cifar100, torchrun x.py ...,
# after a prompt, a notebook's ``!``, variables set for it (CUDA_VISIBLE_DEVICES=0) or a
# wrapper (nohup, srun, time).
COMMAND = re.compile(
    r"^\s*(?:\$\s+|!\s*|RUN\s+)?(?:[A-Za-z_]\w*=\S*\s+)*(?:(?:nohup|srun|time|exec)\s+)*"
    r"(?:python3?|uv\s+run|torchrun|accelerate\s+launch|deepspeed|bash|sh|\./[\w./-]+)\s+\S"
)
CONTINUED = 8  # continuation lines read upwards for the command they belong to


def _argument(line: Line) -> bool:
    """A bare word that is an argument on a command line (``python baseline.py cifar100``),
    on its first line or on a continuation line below it (``    --eval_sets="megaface" \\``),
    not an option's name (``--lfw_dir``)."""
    token, offset = token_at(line)
    if token.startswith("-"):
        return False
    command = COMMAND.match(line.text)
    if command is not None:
        # after the program's own name (python baseline.py ...), not inside it
        return line.start - offset >= command.end() - 1
    for above in list(reversed(line.above))[:CONTINUED]:
        if not above.rstrip().endswith("\\"):
            return False
        if COMMAND.match(above) is not None:
            return True
    return False


# A shell command that creates, moves, links, unpacks or removes a folder or file. Not cd or
# ls: example folders are named after their data (cd mnist && python main.py).
FILE_COMMAND = re.compile(
    r"^\s*(?:!\s*|RUN\s+)?(?:sudo\s+)?(?:mkdir|mv|cp|ln|rm|tar|unzip|gunzip|7z|unrar|rsync)\s"
)


def _file_operand(line: Line) -> bool:
    """A bare word that a file operation acts on (``cd caltech-101``), not an option."""
    command = FILE_COMMAND.match(line.text)
    if command is None or line.start < command.end():
        return False
    token, _ = token_at(line)
    return not token.startswith("-")


# A command-line option's value, given after '=' or a space: --eval_sets="megaface".
OPTION_VALUE = lazy(r"(?:^|\s)--[A-Za-z][\w-]*(?:=|\s+)['\"]?$")


def _option_value(line: Line) -> bool:
    """The name is the whole value of a command-line option (``--eval_sets="megaface"``,
    ``--eval_sets megaface``), not the start of a run's name (``--name megaface_exp``)."""
    if line.text[line.end : line.end + 1] not in {"", " ", "\t", "'", '"', ",", "\\"}:
        return False
    return OPTION_VALUE.search(line.text[max(0, line.start - KEY_REACH) : line.start]) is not None


def _assignment(line: Line) -> bool:
    """``DATASET=mnist`` in a script: the whole value of a shell or make variable."""
    before = line.text[: line.start]
    return re.search(r"(?:^|\s)[A-Za-z_]\w*\s*:?=\s*['\"]?$", before) is not None


# Model names that embed their training data: OpenCLIP tags (laion2b_s34b_b79k,
# laion400m_e32) and hub ids (CLIP-ViT-B-16-laion2B-s34B-b88K). Models are not datasets.
MODEL_TAG = re.compile(
    r"[-_]s\d+[bmk][-_]b\d+k|(?:^|[-_/])vit[-_]?(?:[bhlgs]|base|large|huge)[-_/]?\d*|[-_]e\d{1,3}$",
    re.IGNORECASE,
)


# Weights chosen by the data they were trained on (pretrained="vggface2", weights="imagenet"),
# and model files (model_best.pth.tar): models, not datasets.
WEIGHTS_KEY = re.compile(
    r"(?:pretrain\w*|weights?|init\w*|backbone\w*)['\"]?\s*[=:]\s*['\"]?$", re.I
)
MODEL_FILE = re.compile(
    r"\.(?:pt|pth|pth\.tar|ckpt|onnx|safetensors|tflite|pb|params|caffemodel)$", re.IGNORECASE
)
# Formats that hold data as often as weights (celeba.h5, train_32x32.mat, VOCtrainval.tar):
# weights only when the name says so (my_cifar10_model.h5, imagenet-vgg-verydeep-19.mat).
SHARED_FORMAT = re.compile(r"\.(?:h5|hdf5|keras|mat|npz|tar)$", re.IGNORECASE)
WEIGHT_WORDS = frozenset(
    {"weights", "weight", "model", "models", "ckpt", "checkpoint", "pretrained", "pretrain"}
    | {"snapshot", "epoch", "backbone", "trained", "best", "final"}
    | {"vgg", "resnet", "resnext", "inception", "mobilenet", "densenet", "xception", "unet"}
)
NOT_WEIGHT_WORDS = frozenset({"data", "dataset", "datasets", "images", "imgs", "annotations"})


def weights_file(name: str) -> bool:
    """A file of model weights, by its name: a weights-only format, or a shared one whose
    name has a word of weights and none of data."""
    if MODEL_FILE.search(name):
        return True
    if not SHARED_FORMAT.search(name):
        return False
    words = key_words(name.rsplit(".", 1)[0])
    return bool(words & WEIGHT_WORDS) and not words & NOT_WEIGHT_WORDS


# Where a run writes (save_dir: log/osnet_market1501): outputs, not the data it reads.
OUTPUT_WORDS = frozenset(
    {"save", "saved", "log", "logs", "logdir", "output", "outputs", "out", "checkpoint"}
    | {"checkpoints", "ckpt", "result", "results", "exp", "experiment", "experiments"}
    | {"work", "cache"}
)


def model_tag(line: Line) -> bool:
    token, _ = token_at(line)
    return (
        MODEL_TAG.search(token.rstrip("/")) is not None
        # a model file, unless the name itself is a known data file (laion_face_ids.pth)
        or (weights_file(token) and not weights_file(surface(line)))
        or WEIGHTS_KEY.search(line.text[: line.start]) is not None
    )


# Words that make a name a model's (ms1mv3_arcface_r50, minchul/cvlface_adaface_ir101_ms1mv2):
# the loss or method the model zoo names its weights after.
MODEL_WORD = re.compile(r"(?<![a-z])(?:arcface|adaface|cosface|magface)(?![a-z])", re.IGNORECASE)
# A hub id or zoo name handed to a model constructor: from_pretrained("..."), hf-hub:...
MODEL_CALL = re.compile(r"(?:from_pretrained|create_model|load_model)\(\s*['\"]$|hf-hub:$")
SEGMENT_STOP = frozenset(TOKEN_STOP | {"/", "\\", ":", "?", "#", "&"})
# A word right before "model" in a weight file's name says what the model predicts (a race,
# age or emotion classifier's race_model_single_batch.h5), not the data it was trained on.
TASK_MODEL = lazy(r"[-_]?models?(?![a-z])", re.IGNORECASE)


def _segment(line: Line) -> tuple[int, int]:
    """The file or folder name around the hit: its path segment, never the whole path."""
    left = line.start
    while left > 0 and line.text[left - 1] not in SEGMENT_STOP:
        left -= 1
    right = line.end
    while right < len(line.text) and line.text[right] not in SEGMENT_STOP:
        right += 1
    return left, right


def model_span(line: Line, alias: Alias, role: str) -> tuple[int, int] | None:
    """Where in the line the model the hit names is spelled, or None if it names no model.

    A model zoo's name or a weight's download id names its model wherever it stands. A name
    of a dataset that weights are named after (``alias.names_models``) names a model inside a
    weight file's or checkpoint folder's name, a name with a method word (ms1mv3_arcface_r50),
    a ``pretrained=``/``weights=`` value or a hub id given to ``from_pretrained``. An ambiguous
    name (``duke``) counts only in a weight file's name, unless one of its near tokens stands
    on the line (``r50-arcface-emore``): short names are all ambiguous since data 2026.12.1.
    Where a run writes is never a model it uses.
    """
    if alias.model is None and not alias.names_models:
        return None
    if role in {"string", "value", "code"} and output_location(line):
        return None
    if role == "prose" and output_location(line) and _keyword_value(line):
        return None  # cache_dir="./pythia-70m/step3000" in a README's code: a folder it fills
    if alias.model is not None:
        if CONFIG_FILE.search(line.text, line.end, _segment(line)[1]):
            return None  # pythia-160m.yml: the architecture a run is built from, no weights
        if DOCUMENT_FILE.search(line.text, line.end, _segment(line)[1]):
            return None  # [Llama 2 Inference](./inference/llama-7b.md): a page, no weights
        if role in {"prose", "comment", "docstring"} and not _model_in_use(line):
            return None  # "We fine-tune LLaMA-7B", "- Pythia 70M": a model named, not used
        return line.start, line.end
    left, right = _segment(line)
    name = line.text[left:right]
    if alias.ambiguous and not near(line, alias.near):
        if alias.needs_near and not alias.near:
            return None  # a name that never counts alone (VGGFace is not VGGFace2)
        return (left, right) if weights_file(name) else None
    if weights_file(surface(line)):
        return None  # the name is itself a data file (laion_face_ids.pth)
    token, offset = token_at(line)
    before = line.text[: line.start - offset]
    named = (
        weights_file(token)  # the weight file, or a folder on its path
        # the method word outside the dataset's own name (MS1M-ArcFace is a dataset)
        or MODEL_WORD.search(line.text[left : line.start] + " " + line.text[line.end : right])
        is not None
        or WEIGHTS_KEY.search(line.text[: line.start]) is not None
        or MODEL_CALL.search(before) is not None
    )
    return (left, right) if named else None


# Where weights are fetched from: a model hub page (not a dataset's or a Space's), a file
# host, a release asset, or a weight file itself.
WEIGHTS_LINK = lazy(
    r"(?:huggingface\.co|hf\.co)/(?!datasets/|spaces/|docs/|blog/|papers/)[\w.-]+/[\w.-]+"
    r"|drive\.google\.com/|pan\.baidu\.com/|dropbox\.com/|1drv\.ms/|onedrive\.live\.com/"
    r"|/releases/download/|\.(?:pth?|ckpt|bin|safetensors|onnx|h5|pb|zip|tar|tgz|gz)(?:[?#)\s]|$)",
    re.IGNORECASE,
)


def _model_in_use(line: Line) -> bool:
    """A model's name in prose or a comment that points at weights to use: inside a link, a
    hub id (``decapoda-research/llama-7b-hf``), inline code or a command's argument, or on a
    line that links to weights (a model table's download column). A name in a sentence, a
    list or a table row linking to training logs only names the model (rubric: ``model``
    labels are for lines that download or load the weights)."""
    if url_at(line) is not None:
        return True
    token, _ = token_at(line)
    if "/" in token or line.text[: line.start].count("`") % 2 == 1:
        return True
    if COMMAND.match(line.text) or _keyword_value(line) or "--" in line.text[: line.start]:
        return True
    return any(WEIGHTS_LINK.search(url) for url in URL.findall(line.text))


# The rest of a file name that makes it a configuration (pythia-160m-deduped.yml).
CONFIG_FILE = lazy(r"[\w.-]*\.(?:ya?ml|json|cfg|toml|ini)$", re.IGNORECASE)
# ... or a page of documentation (inference/llama-7b.md, docs/pythia-70m.html).
DOCUMENT_FILE = lazy(r"[\w.-]*\.(?:md|markdown|rst|html?|adoc|pdf)$", re.IGNORECASE)


def _keyword_value(line: Line) -> bool:
    """The hit's token is a keyword argument's value (``cache_dir="./x"``), not a prose key."""
    _, offset = token_at(line)
    return line.text[: line.start - offset].rstrip().rstrip("'\"(").rstrip().endswith("=")


# A call that writes weights (torch.save(m, "cifar10_cnn.pt"), model.save_weights(...)): the
# run's own output, not weights it uses.
SAVED = re.compile(r"(?:\bsave\w*|\bto_file|ModelCheckpoint)\s*\(", re.IGNORECASE)


def weights_span(line: Line, lang: str, role: str) -> tuple[int, int] | None:
    """The weight file whose own name holds the hit (ssd_300_VOC0712.pth), or None.

    Weights named for their training data (unet_carvana_scale0.5_epoch2.pth,
    20180408-102900-casia-webface.pt) are a model trained on it, known to the blocklist's
    model families or not. A name in Python code is an attribute (coco_eval.params), not a
    file; weights the run writes are its output, not a model it uses.
    """
    if (lang == "python" and role == "code") or weights_file(surface(line)):
        return None  # an attribute, or a known data file in a weights format (laion_face_ids.pth)
    left, right = _segment(line)
    if not weights_file(line.text[left:right]):
        return None
    if SAVED.search(line.text[: line.start]) or output_location(line):
        return None
    if TASK_MODEL.match(line.text, line.end) and words.is_word(surface(line)):
        return None  # race_model.h5, emotion_model.h5: the model of what it predicts
    return left, right


def weights_choice(line: Line, role: str) -> bool:
    """Weights chosen by the data they were trained on: the whole value of a ``pretrained=``,
    ``weights=`` or ``PRETRAIN_CHOICE:`` key (``weights="imagenet"``,
    ``pretrained='casia-webface'``), not a name inside a longer tag (``laion2b_s34b_b79k``)."""
    if role not in {"string", "value"} or output_location(line):
        return False
    after = line.text[line.end : line.end + 1]
    return (after == "" or after in "'\" \t,)]}#") and WEIGHTS_KEY.search(
        line.text[: line.start]
    ) is not None


def surface(line: Line) -> str:
    return line.text[line.start : line.end]


def output_location(line: Line) -> bool:
    """The value of a key that names where a run writes (save_dir, log_path, output)."""
    token, offset = token_at(line)
    before = line.text[max(0, line.start - offset - KEY_REACH) : line.start - offset]
    key = re.search(r"([A-Za-z_][\w.-]*)['\"]?\s*[:=]\s*['\"(]?\s*$", before)
    if key is None or not key_words(key.group(1)) & OUTPUT_WORDS:
        return False
    # Data unpacked into a data folder is still the dataset (OUT_DIR = "data/msceleb").
    return not any(DATA_DIR.search(part) for part in re.split(r"[/\\]", token)[:-1])


# An editor's file-header template names the module's own file ("@file: megaface.py",
# "# @File    : msmt17.py"): unlabelled wherever it was seen (two repositories, five lines).
FILE_HEADER = lazy(r"@file\s*:\s*[\w./-]*$", re.IGNORECASE)


def kind_of(line: Line, lang: str, role: str, *, known_url: bool = False) -> Kind | None:
    """How the line points at the dataset, or None where the name is not a reference.

    ``known_url``: the name is a known host, URL, archive token or Drive id, a download
    wherever it stands, except as a link in prose, comments or docstrings (a mention).
    """
    if known_url:
        link = url_at(line) or surface(line)
        linked = role in {"prose", "comment", "docstring"} and not downloaded(link, line)
        return Kind.MENTION if linked else Kind.URL
    if model_tag(line):
        return None  # a model named after its training set (reported by the model rules)
    if role in {"string", "value", "code"} and output_location(line):
        return Kind.MENTION  # where the run writes: named for its data, not read from
    url = url_at(line)
    if url is not None:
        if downloaded(url, line):
            return Kind.URL
        return None  # a name inside a link to some page (docs, code, a model) is not data
    if _media(line):
        return None  # an image or a document, such as docs/coco_sample.png
    token, offset = token_at(line)
    if "@" in token[:offset]:
        return None  # an e-mail address (ping@lfw.org)
    path = in_path(line) or data_file_name(line) or download_target(line)
    if role in {"comment", "docstring"} and FILE_HEADER.search(line.text, 0, line.start):
        return None  # the module's own file name in its header (@file: megaface.py)
    if role in {"prose", "comment", "docstring"}:
        return Kind.PATH if role == "prose" and path else Kind.MENTION
    if role == "code":
        # In Python, a name inside an identifier counts as a class, loader, import or data
        # location (extract/identifiers.py); in scripts, bare words count as paths, file
        # names, flag values and assignments only (wget data/x.zip, --dataset x, DATASET=x).
        if lang == "python":
            return identifiers.kind(line)
        if program_folder(line):
            return None  # python self_instruct/bootstrap.py: the repository's own package
        if path:
            return Kind.PATH
        if DATASET_NAMESPACE.search(line.text[: line.start]):
            return Kind.LOAD  # torch::data::datasets::MNIST(root) in C++
        if _file_operand(line):
            return Kind.PATH  # cd caltech-101, mv 101_ObjectCategories dataset/
        if flag_value(line) or dataset_value(line) or _assignment(line) or _argument(line):
            return Kind.CONFIG
        if _option_value(line):
            return Kind.CONFIG  # --eval_sets="megaface": an option's whole value selects it
        return None
    if path:
        return Kind.PATH
    content = _string_content(line).strip()
    if role == "string" and re.search(r"\s", content):
        return Kind.MENTION  # a sentence in a string: a message, not a selection
    whole = content == surface(line)  # a known name as the whole string is no metric's key
    if role == "string" and lang == "python" and not whole and _not_a_selection(content):
        return None
    if role == "string" and lang == "python" and _scored(line):
        return None  # cmc_scores['market1501'], results_dict["megaface"]: a result's key
    return Kind.CONFIG


# The name, quoted, as the key of a subscript: results["megaface"], cmc_scores['market1501'].
SUBSCRIPTED = lazy(r"([A-Za-z_][\w.]*)\s*\[\s*[rbf]?['\"]$")


def _scored(line: Line) -> bool:
    """The whole string is a key into scores or results (``cmc_scores['market1501'][0]``,
    ``results_dict["megaface"]["rank1"]``): the dataset's figures, not its data."""
    found = SUBSCRIPTED.search(line.text, 0, line.start)
    if found is None or line.text[line.end : line.end + 1] not in {"'", '"'}:
        return False
    return identifiers.measures(found.group(1).replace(".", "_"))


def _not_a_selection(content: str) -> bool:
    """A string in code that names a dataset without selecting it: an option's name
    (``'--lfw_pairs'``) or a metric's key or tag (``'lfw_accuracy'``, ``'lfw/val_rate'``)."""
    return content.startswith("-") or identifiers.measures(content)
