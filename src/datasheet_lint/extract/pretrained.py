"""Pretrained weights from the big public model zoos, and the dataset each was trained on.

A line that downloads or loads ImageNet-trained weights (``resnet50(pretrained=True)``, a
``download.pytorch.org/models/resnet50-19c8e357.pth`` URL) makes the code depend on a model
trained on ImageNet: a ``model`` reference to ``imagenet``. It needs no datasheet of its own
(the ``require-datasheet`` kinds leave models out), but it shows in ``refs`` and in the bill of
materials, and a blocklisted training set would be reported by DSL104. Weights trained on
retracted data are the blocklist's business (its ``models``); this module knows only zoos
whose training data their publisher states for the whole zoo:

- torchvision, "Models and pre-trained weights" (https://pytorch.org/vision/stable/models.html):
  classification weights are trained on ImageNet-1K (``IMAGENET1K_*``, and any architecture
  looked up by name, ``models.__dict__[arch](pretrained=True)``); detection, instance
  segmentation and keypoint weights on COCO (``COCO_V1``, file names ``*_coco-<hash>.pth``);
  semantic segmentation on a COCO subset with the VOC classes (``COCO_WITH_VOC_LABELS_V1``);
  video classification on Kinetics-400 (``KINETICS400_V1``).
- Cadene's pretrainedmodels (https://github.com/Cadene/pretrained-models.pytorch, README:
  models "pretrained on imagenet"), served from ``data.lip6.fr/cadene/pretrainedmodels``.
- Keras Applications (https://keras.io/api/applications/: ``weights="imagenet"`` is
  "pre-training on ImageNet"): their weight files, named
  ``<arch>_weights_tf_dim_ordering_tf_kernels[_notop].h5`` as keras/applications/vgg16.py's
  WEIGHTS_PATH gives them, copied wherever a notebook keeps them (``../input/vgg16/``).

Other zoos stay silent: a name alone does not say what a model was trained on.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from datasheet_lint.extract.segments import LineIndex
from datasheet_lint.lazyregex import lazy
from datasheet_lint.models import Kind

# (dataset, line, column, kind, surface), as the other extractors yield them.
Found = tuple[str, int, int, Kind, str]

# torchvision's classification architectures: the names of its model builders and weight files.
ARCHITECTURE = (
    r"(?:resnet|resnext|wide_resnet|vgg|alexnet|densenet|squeezenet|inception|googlenet|"
    r"mobilenet|shufflenet|mnasnet|efficientnet|regnet|vit|swin|convnext|maxvit)[\w.]*"
)
TORCHVISION_FILE = lazy(
    r"download\.pytorch\.org/models/(?:quantized/)?(?P<file>[\w.-]+?)\.pth\b", re.IGNORECASE
)
# A torchvision weight file where it was saved (~/.torch/models/resnet50-19c8e357.pth): its name
# ends in the first 8 hex digits of its SHA-256, as torchvision names them.
TORCHVISION_SAVED = lazy(
    rf"(?<![\w.-])(?P<file>{ARCHITECTURE}-[0-9a-f]{{8}})\.pth\b", re.IGNORECASE
)
CADENE_URL = lazy(r"data\.lip6\.fr/cadene/pretrainedmodels/[\w.-]+", re.IGNORECASE)
WEIGHT_ENUM = lazy(
    r"\b(?:IMAGENET1K_(?:V\d|SWAG_\w+|FEATURES)|COCO_WITH_VOC_LABELS_V\d|COCO_V\d|KINETICS400_V\d)\b"
)
PRETRAINED_CALL = lazy(
    rf"(?<![\w.])(?:\w+\.)*(?P<arch>{ARCHITECTURE})\s*\((?P<args>[^()]*\bpretrained\s*=\s*True\b)",
    re.IGNORECASE,
)
# The ImageNet example's idiom, in its forks: models.__dict__[args.arch](pretrained=True), any
# torchvision classifier by name (counted only in a module that imports torchvision).
ZOO_BY_NAME = lazy(r"\bmodels\.__dict__\[[^\]\n]{1,80}\]\s*\(\s*pretrained\s*=\s*True\b")
KERAS_FILE = lazy(
    r"(?<![\w.-])(?P<arch>[a-z][a-z0-9_]*?)_weights_tf_dim_ordering_tf_kernels(?:_notop)?\.h5\b",
    re.IGNORECASE,
)
ZOO_LOOKUP = lazy(
    rf"\bload_url\(\s*model_urls\[\s*['\"](?P<arch>{ARCHITECTURE})['\"]\s*\]", re.IGNORECASE
)
# Only a text that holds one of these can hold a reference here: most files hold none.
TRIGGER = re.compile(
    r"download\.pytorch\.org/models|-[0-9a-f]{8}\.pth|data\.lip6\.fr/cadene|IMAGENET1K_|COCO_V\d|"
    r"COCO_WITH_VOC|KINETICS400_|pretrained\s*=\s*True|model_urls\[|_tf_dim_ordering_"
)
CLASSIFIER_FILE = lazy(rf"^{ARCHITECTURE}$", re.IGNORECASE)


def _file_dataset(name: str) -> str | None:
    """The training set of a torchvision weight file, by its name (``resnet50-19c8e357``)."""
    stem = name.rsplit("-", 1)[0] if "-" in name else name
    if re.search(r"_coco$|_coco_", stem, re.IGNORECASE):
        return "coco"
    if CLASSIFIER_FILE.match(stem):
        return "imagenet"
    return None


def _enum_dataset(name: str) -> str:
    if name.startswith("IMAGENET1K"):
        return "imagenet"
    if name.startswith("KINETICS400"):
        return "kinetics"
    return "coco"


def references(text: str) -> Iterator[Found]:
    """Model references to the training data of weights from the zoos above."""
    if TRIGGER.search(text) is None:
        return
    index = LineIndex(text)
    for match in TORCHVISION_FILE.finditer(text):
        dataset = _file_dataset(match.group("file"))
        if dataset is not None:
            yield (dataset, *index.position(match.start()), Kind.MODEL, match.group(0))
    for match in TORCHVISION_SAVED.finditer(text):
        if "download.pytorch.org" in index.line(index.position(match.start())[0]):
            continue  # the URL above has it
        dataset = _file_dataset(match.group("file"))
        if dataset is not None:
            yield (dataset, *index.position(match.start()), Kind.MODEL, match.group(0))
    for match in KERAS_FILE.finditer(text):
        yield ("imagenet", *index.position(match.start()), Kind.MODEL, match.group(0))
    for match in CADENE_URL.finditer(text):
        yield ("imagenet", *index.position(match.start()), Kind.MODEL, match.group(0))
    for match in WEIGHT_ENUM.finditer(text):
        dataset = _enum_dataset(match.group(0))
        yield (dataset, *index.position(match.start()), Kind.MODEL, match.group(0))
    if "torchvision" in text:
        for match in ZOO_BY_NAME.finditer(text):
            yield ("imagenet", *index.position(match.start()), Kind.MODEL, match.group(0))
    for pattern in (PRETRAINED_CALL, ZOO_LOOKUP):
        for match in pattern.finditer(text):
            line, column = index.position(match.start("arch"))
            yield ("imagenet", line, column, Kind.MODEL, match.group("arch"))
