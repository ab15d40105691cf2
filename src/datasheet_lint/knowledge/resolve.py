"""Resolution: the blocklist and the catalogue joined into one matcher and one resolver.

``Knowledge`` joins them: one matcher over every name (blocklist names first, so a retracted
dataset always wins a tie), and the resolution of a loader's name to a canonical id.
"""

from __future__ import annotations

import fnmatch
import posixpath
import re
from collections.abc import Callable
from typing import NamedTuple

from datasheet_lint.knowledge.blocklist import Blocklist
from datasheet_lint.knowledge.blocklist import builtin as builtin_blocklist
from datasheet_lint.knowledge.catalogue import Catalogue
from datasheet_lint.knowledge.catalogue import builtin as builtin_catalogue
from datasheet_lint.knowledge.matcher import Hit, Matcher
from datasheet_lint.knowledge.software import serves_software
from datasheet_lint.lazyregex import lazy
from datasheet_lint.models import Dataset
from datasheet_lint.names import chunks, only_parts
from datasheet_lint.packagedata import load_json

SCHEME = lazy(r"^[a-z0-9+.-]+://", re.IGNORECASE)  # a value that is a URL
# A dataset's page or files on the Hub or on Kaggle, in every URL form they take: the id is
# the readable ``hf:owner/name`` or ``kaggle:owner/name`` / ``kaggle:competition/name``.
HUB_URL = lazy(r"^(?:www\.)?(?:huggingface\.co|hf\.co)/datasets/([\w.-]+/[\w.-]+)", re.IGNORECASE)
# A file on Google Drive is named by its id, which the query holds (uc?id=X, open?id=X): two
# files behind one address must not share an id, so the id is kept (drive.google.com/file/d/X).
DRIVE_QUERY_URL = lazy(
    r"^(?:drive|docs)\.google\.com/(?:uc|open)\?(?:[\w.-]+=[^&#]*&)*?id=([\w-]+)", re.IGNORECASE
)
KAGGLE_URL = lazy(
    r"^(?:www\.)?kaggle\.com/(?:(?:competitions|c)/([\w.-]+)"
    r"|(?:api/v1/datasets/download|datasets)/([\w.-]+/[\w.-]+))",
    re.IGNORECASE,
)
# The Hub's file system (huggingface_hub.HfFileSystem, read by pandas, polars, DuckDB and
# data_files): hf://datasets/<owner>/<name>[@revision]/<file>.
HUB_FILES = lazy(r"^hf://datasets/([\w.-]+/[\w.-]+?)(?:@[^/\s]*)?(?=/|$)", re.IGNORECASE)
# Where Kaggle mounts a notebook's datasets and competitions: ``../input/<slug>/`` (any depth
# of ``../``) and ``/kaggle/input/<slug>/``. A slug has no suffix: ``../input/train.csv`` is a
# file right under the mount, not a dataset's folder.
KAGGLE_INPUT = lazy(
    r"(?<![\w.-])(?:(?:\.\./)+|/kaggle/)input/(?P<slug>[A-Za-z0-9][\w-]*)"
    r"(?![\w.-])(?:/[^\s'\"`,;()\[\]{}<>|]*)?"
)


# Folders that hold many datasets: a dataset is the folder or file just below the last one.
DATA_ROOTS = frozenset({"data", ".data", "datasets", "dataset", "orig_data", "raw_data"})


def dataset_folder(path: str) -> str:
    """The local dataset a path lies in: ``.data/eng_web_tbk/email/dev.conll`` and
    ``.data/eng_web_tbk/answers/dev.conll`` are both ``.data/eng_web_tbk``; a file right
    under a data root (``data/train.jsonl``) is its own dataset; a path with no data root is
    kept whole."""
    parts = path.split("/")
    roots = [index for index, part in enumerate(parts) if part.lower() in DATA_ROOTS]
    if not roots or roots[-1] + 1 >= len(parts):
        return path
    return "/".join(parts[: roots[-1] + 2])


# Stems that say what a file or folder holds, not which data: ``input.txt``, ``data.csv``,
# ``train.jsonl``, ``images.tar.gz``, ``x.npy``. Such a name is the dataset of the nearest
# folder above it that says more (``tinyshakespeare/input.txt``, ``Cat_Dog_data/x.npy``).
GENERIC_STEMS = frozenset(
    {
        *("input", "inputs", "data", "dataset", "all", "full", "raw", "processed", "x", "y"),
        *("train", "test", "val", "valid", "validation", "dev", "eval", "sample", "samples"),
        *("images", "image", "imgs", "features", "text", "corpus", "file", "files"),
    }
)
# A folder written as the variable that holds it (``data_dir/train.txt``, ``self.root``): a
# name in the code, not a folder of the data.
VARIABLE = lazy(r"(?:^|[._])(?:dir|root|path|folder|prefix|home)$|^(?:self|args|opt|cfg)\.")


KAGGLE_SLUG = lazy(r"[a-z0-9][a-z0-9-]*")

# Folders where a run keeps what it made: its results, logs, caches, checkpoints, its working
# folder (``args.workDir``, ``submit_config.run_dir``, Kaggle's ``../working/``). A file read
# back from one is the run's own output (``results/pivot.csv``, ``cache_align/flip.npy``), not
# a dataset: it would ask for a datasheet of what the code itself writes.
RUN_FOLDER_WORDS = frozenset(
    {"output", "outputs", "out", "result", "results", "log", "logs", "logdir", "cache"}
    | {"checkpoint", "checkpoints", "ckpt", "runs", "working", "workdir", "rundir", "save"}
    | {"saved"}
)
RUN_DIR_WORDS = frozenset({"work", "run", "save", "output", "out", "log"})  # + dir: work_dir
FOLDER_WORDS = lazy(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")


def run_output(path: str) -> bool:
    """Whether a local path lies in a folder where a run keeps what it made (above)."""
    for folder in path.replace("\\", "/").split("/")[:-1]:
        words = {word.lower() for word in FOLDER_WORDS.findall(folder)}
        if words & RUN_FOLDER_WORDS or ("dir" in words and words & RUN_DIR_WORDS):
            return True
    return False


def kaggle_mount(path: str) -> str | None:
    """The slug of the Kaggle dataset or competition whose mounted files a path reads, if it
    is one. Under ``/kaggle/input/`` any folder is; under ``../input/``, which a project may
    also have of its own, only a name a Kaggle slug can be (lowercase, digits and hyphens)
    that says which data it holds (``../input/images/`` is a folder, not a dataset)."""
    mounted = KAGGLE_INPUT.match(path)
    if mounted is None:
        return None
    slug = mounted.group("slug")
    if path.startswith("/kaggle/"):
        return slug
    return slug if KAGGLE_SLUG.fullmatch(slug) and _meaningful(slug) else None


def _weights(path: str) -> bool:
    """Whether a path names a file of model weights: a model's files, mounted as Kaggle
    mounts any attachment, are a model the code uses, not a dataset (extract/kinds.py says
    which files are weights, and pretrained.py which data the big zoos' weights learnt)."""
    from datasheet_lint.extract.kinds import weights_file  # only for Kaggle mounts

    return weights_file(path.rstrip("/").rsplit("/", 1)[-1])


def _stem(part: str) -> str:
    return part.split(".", 1)[0].casefold()


def _meaningful(part: str) -> bool:
    """Whether a folder says which data it holds (not ``data``, ``train``, ``..``, ``root_dir``)."""
    return (
        bool(part.strip("."))
        and part.casefold() not in DATA_ROOTS
        and _stem(part) not in GENERIC_STEMS
        and VARIABLE.search(part) is None
    )


def local_name(path: str) -> str:
    """The readable name of a local dataset at ``path`` (as ``dataset_folder`` gives it): a
    generic name is the nearest meaningful folder above it, over folders that say no more
    (``Cat_Dog_data/train/x.npy`` is ``Cat_Dog_data``), never above a data root."""
    parts = path.split("/")
    if _stem(parts[-1]) not in GENERIC_STEMS:
        return path
    for end in range(len(parts) - 1, 0, -1):
        folder = parts[end - 1]
        if _meaningful(folder):
            return "/".join(parts[:end])
        if folder.casefold() in DATA_ROOTS or not folder.strip("."):
            break  # a data root holds many datasets; nothing above it names this one
    return path


def placed(dataset: str, code_path: str) -> str:
    """A local id whose path has no meaningful name at all (``local:x.npy``,
    ``local:data_dir/train.txt``), placed by the folder of the code that reads it: two
    different files must not share an id, and the same code always gives the same one. Its
    generic files are the data of that folder, as they are of any meaningful folder: the
    ``train.txt``, ``valid.txt`` and ``test.txt`` that ``word_language_model/main.py`` reads
    are ``local:word_language_model``. Code at the top of the repository keeps the name."""
    if not dataset.startswith("local:"):
        return dataset
    path = dataset.removeprefix("local:")
    parts = path.split("/")
    if _stem(parts[-1]) not in GENERIC_STEMS or any(_meaningful(p) for p in parts[:-1]):
        return dataset
    folder = posixpath.dirname(code_path)
    if path.startswith("/"):
        return dataset
    kept = "/".join(part for part in parts if VARIABLE.search(part) is None)
    joined = posixpath.normpath(posixpath.join(folder, kept)).split("/")
    # the repository's own folders are places, a data root among them too (multi30k/orig_data)
    for end in range(len(joined) - 1, 0, -1):
        if _meaningful(joined[end - 1]):
            return f"local:{'/'.join(joined[:end])}"
    return f"local:{'/'.join(joined)}"


# Words that may stand before a name in its own folder's name: the folder that holds it
# (``folder_ijbs_protocols``, ``data_voc``, ``my_wine``), never another dataset's words.
HOLDER_WORDS = frozenset({"folder", "data", "dataset", "datasets", "dir", "root", "my", "orig"})
PATH_PART_END = lazy(r"[/\\\\?#&]")


def _own_part(text: str, hit: Hit) -> bool:
    """An ambiguous name in a URL or path (``wine``, ``boston``, ``credit card``) is that
    dataset's only where a folder or file is named by it: a folder it names whole or with a
    split beside it (``data/wine/``, ``voc_test/``), a file's name (``wine.data``,
    ``boston_train.csv``: a file of that data), or beside one of its disambiguating tokens.
    Inside another dataset's name it is a word of that name: a folder named
    ``../input/wine-reviews/`` (a Kaggle dataset's slug), ``crimes-in-boston/``,
    ``aer-credit-card-data``."""
    end = PATH_PART_END.search(text, hit.end)
    if end is None or end.group() not in "/\\":
        return True  # a file's name: a file of that data (my_mnist.data, cur_lfw_result.mat)
    start = max(text.rfind("/", 0, hit.start), text.rfind("\\", 0, hit.start)) + 1
    before = [word.casefold() for word in chunks(text[start : hit.start])]
    if not set(before) <= HOLDER_WORDS or not only_parts(text[hit.end : end.start()]):
        return _near_part(text, hit)
    return True


def _near_part(text: str, hit: Hit) -> bool:
    """A disambiguating token of the name elsewhere in the path (``reid/duke_xyz``)."""
    from datasheet_lint.extract.context import Line, near

    return near(Line(text, hit.start, hit.end, ()), hit.alias.near)


# A placeholder in a name built at run time: 'instances_{}.json', 'VOC%s', 'COCO_{split}'.
PLACEHOLDER = lazy(r"\{[^{}]{0,40}\}|%[sd]")


def _in_layout(name: str, names: frozenset[str]) -> bool:
    """A name (placeholders as '*') is one of a layout's names or fits one of its patterns."""
    if name in names:
        return True
    return any("*" in known and fnmatch.fnmatchcase(name, known) for known in names)


class Knowledge(NamedTuple):
    blocklist: Blocklist
    catalogue: Catalogue
    matcher: Matcher
    # Names recorded as look-alikes (klue/roberta-base), casefolded: by the knowledge's word
    # never the dataset a slug inside them would name.
    look_alikes: frozenset[str] = frozenset()

    @classmethod
    def build(cls, blocklist: Blocklist, catalogue: Catalogue) -> Knowledge:
        """One matcher over both; blocklist names first, so a retracted dataset wins a tie."""
        aliases = blocklist.aliases + catalogue.aliases
        pattern = None
        if blocklist is builtin_blocklist() and catalogue is builtin_catalogue():
            pattern = load_json(__package__, "matcher.json")["pattern"]  # built with these
        look_alikes = frozenset(a.value.casefold() for a in aliases if a.dataset is None)
        return cls(blocklist, catalogue, Matcher(aliases, pattern), look_alikes)

    def known(self, text: str, *, whole: bool, path: bool = False) -> str | None:
        """The dataset a name (``whole``) or any name inside ``text`` refers to, if known.

        ``path``: the text is a URL or a file path, where an ambiguous name must be a part of
        it of its own (``_own_part``)."""
        for hit in self.matcher.hits(text):
            if hit.alias.needs_near or hit.alias.dataset is None:
                continue
            if (
                path
                and hit.alias.ambiguous
                and not hit.alias.url
                and self.blocklist.get(hit.alias.dataset) is None  # never miss a retraction
                and not _own_part(text, hit)
            ):
                continue
            if not whole or (hit.start == 0 and hit.end == len(text)):
                return hit.alias.dataset
        return None

    def names_a_dataset(self, text: str) -> bool:
        """Whether the matcher finds a known dataset's name in the text (as the name pass
        does); the registry-derived names are not among them."""
        return self.known(text, whole=False) is not None

    def resolve(self, source: str, name: str, *, needs_known: bool = False) -> str | None:
        """Canonical id of a loader's dataset: blocklist, catalogue, else ``source:name``.

        ``needs_known``: a URL that is only a dataset if the knowledge says so (None if not).
        """
        name = name.strip()
        if source in {"url", "local"} and name[:3].lower() == "hf:":
            hub = HUB_FILES.match(name)
            if hub is not None:  # a Hub dataset's files, read through the Hub's file system
                return self.resolve("hf", hub.group(1))
        if source in {"url", "local"}:
            found = self.known(name, whole=False, path=True)
            found = found or self.catalogue.by_location(source, name)
        else:
            found = self.known(name, whole=True) or self.catalogue.by_loader(source, name)
            if (
                found is None
                and source in {"hf", "kaggle"}
                and name.casefold() not in self.look_alikes
            ):
                found = self._by_slug(source, name)
        if found is not None:
            return found
        if source == "url":
            name = SCHEME.sub("", name)
            drive = DRIVE_QUERY_URL.match(name)
            if drive is not None:
                return f"url:drive.google.com/file/d/{drive.group(1)}"
            name = name.split("?", 1)[0].split("#", 1)[0].strip().rstrip("/")
            # A Hub or Kaggle dataset's page or files are a dataset, known or not: what a
            # download of one fetches (od.download(kaggle_url)) is data.
            hub, kaggle = HUB_URL.match(name), KAGGLE_URL.match(name)
            if hub is not None:
                return self.resolve("hf", hub.group(1))
            if kaggle is not None:
                slug = kaggle.group(2) or f"competition/{kaggle.group(1)}"
                return self.resolve("kaggle", slug)
            if serves_software(name):
                return None  # a tool a build fetches (cmake-3.20.6-linux-x86_64.tar.gz)
        if needs_known:
            return None
        if source == "local":
            slug = kaggle_mount(name)
            if slug is not None:  # a Kaggle dataset's or competition's mounted files
                if _weights(name):
                    return None  # weights attached to a notebook (../input/resnet50/*.h5)
                return self.resolve("kaggle", slug)
            if run_output(name):
                return None  # read back from where a run writes: its own output
            name = dataset_folder(name.removeprefix("./").rstrip("/")) or name
            name = local_name(name)
        return f"{source}:{name.strip() or name}"  # as a datasheet reads it back

    def _by_slug(self, source: str, name: str) -> str | None:
        """The entry that owns a Hub or Kaggle id by its page (``kaggle:competition/titanic``
        is the competition whose page the catalogue lists, kaggle.com/competitions/titanic)
        or by its slug as a whole name: one dataset under two ids would ask for two
        datasheets. An id nobody owns stays as it is, readable."""
        owner, _, slug = name.rpartition("/")
        if source == "hf":
            pages = [f"huggingface.co/datasets/{name}"]
        elif owner == "competition":
            pages = [f"kaggle.com/competitions/{slug}", f"kaggle.com/c/{slug}"]
        else:
            pages = [f"kaggle.com/datasets/{name}"]
        for page in pages:
            found = self.known(page, whole=True) or self.catalogue.by_location("url", page)
            if found is not None:
                return found
        return self.known(slug, whole=True) if slug else None

    def layout(self, dataset: str) -> Callable[[str], str | None] | None:
        """Where a folder or file name places data, read in a file whose own dataset is
        ``dataset``: that dataset, or the one derivative of it whose layout it is (re-ID code
        names DukeMTMC-reID by its parent's name, ``class DukeMTMC``). None where neither has
        a layout in the catalogue. A ``{}`` or ``%s`` in a name stands for any part, as ``*``
        does in the catalogue's names."""
        layouts = self.catalogue.layouts
        owners = [dataset, *(d.id for d in self.blocklist.derivatives_of(dataset))]
        known = [(owner, layouts[owner]) for owner in owners if owner in layouts]
        if not known:
            return None

        def place(name: str) -> str | None:
            name = PLACEHOLDER.sub("*", name.strip()).casefold()
            if len(name) < 4:
                return None
            found = [owner for owner, names in known if _in_layout(name, names)]
            if len(found) == 1:
                return found[0]
            return dataset if dataset in found else None

        return place

    def family(self, dataset_id: str) -> str:
        """The blocklist entry a derivative was built from; any other dataset itself."""
        blocked = self.blocklist.get(dataset_id)
        return blocked.parent or dataset_id if blocked is not None else dataset_id

    def describe(self, dataset_id: str) -> Dataset:
        """Name and origin of a referenced dataset."""
        blocked = self.blocklist.get(dataset_id)
        if blocked is not None:
            return Dataset(dataset_id, blocked.name, "blocklist")
        entry = self.catalogue.datasets.get(dataset_id)
        if entry is not None:
            return Dataset(dataset_id, entry.name, "catalogue")
        return Dataset(dataset_id, dataset_id, "unresolved")
