"""The readable name of a download nobody catalogued: what a person calls the data.

A URL that no catalogue entry owns is a dataset of its own (issue 16), first known by its
whole address (``url:s3.amazonaws.com/text-datasets/nietzsche.txt``). A person names it by
what the address shows: the file's or archive's stem with its data, archive and compression
extensions off (``nietzsche``, ``knifey-spoony``), or, where the stem says only what part or
kind of data the file holds (``input.txt``, ``phase1_train.jsonl``, ``data.csv``), the nearest
folder above it that says more, over the folders of hosting (``raw``, ``master``, ``refs``,
``heads``, ``resolve``, ``releases``, ``download``), data roots, versions, hashes and a
user's home (``~user``): ``.../char-rnn/master/data/tinyshakespeare/input.txt`` is
``tinyshakespeare``, ``.../prm800k/data/phase1_train.jsonl`` is ``prm800k``.

An address that names nothing so keeps its whole id: a template (``$VAR``, ``{}``: a
template is not a name), a Drive file (named by its id), a shortened link (``bit.ly/x``
hides where it points), a bare host, or a path of hosting words alone. Whether the name can
stand for the address depends on the repository's other downloads (two sources must never
share an id): extract/download_ids.py decides that.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from datasheet_lint.knowledge.resolve import DATA_ROOTS, GENERIC_STEMS
from datasheet_lint.lazyregex import lazy

# Extensions of data, archives and compression, taken off the file's name together
# (``housing.tgz``, ``tldr.jsonl.gz``, ``images.tar.gz``).
DATA_EXTENSION = lazy(
    r"(?:\.(?:tar|gz|tgz|zip|bz2|xz|7z|rar|zst|lz4|txt|csv|tsv|json|jsonl|ndjson|parquet|"
    r"arrow|feather|avro|npz|npy|h5|hdf5|pkl|pickle|mat|tfrecords?|xml|xlsx?|data|dat|arff|"
    r"conll|conllu|sqlite|db|mp3|wav|flac))+$",
    re.IGNORECASE,
)
# Any other extension (``.pd``, ``.html``): off too, once, as a name is no file's format.
OTHER_EXTENSION = lazy(r"\.[A-Za-z][A-Za-z0-9]{0,4}$")
# A template filled at run time names nothing: ``$file.zip``, ``v{}/licenses.json``, ``%s``.
TEMPLATE = lazy(r"[${}<>*]|%[sd(]|\[[^\]]*\]")
# Links that hide where they point: the path is the link's name, not the data's.
SHORTENERS = frozenset(
    {"bit.ly", "goo.gl", "tinyurl.com", "t.co", "ow.ly", "is.gd", "git.io", "aka.ms", "rb.gy"}
    | {"cutt.ly", "shorturl.at", "tiny.cc", "buff.ly", "rebrand.ly"}
)
DRIVE_HOSTS = frozenset({"drive.google.com", "docs.google.com", "drive.usercontent.google.com"})
# Hosts of code whose first path part is an owner: a user or organisation, never the data.
CODE_HOSTS = frozenset(
    {"github.com", "raw.githubusercontent.com", "gist.github.com", "gist.githubusercontent.com"}
    | {"gitlab.com", "bitbucket.org", "huggingface.co", "hf.co", "media.githubusercontent.com"}
)
# Words that say what part or kind of data a file holds, not which data; a name made of
# these alone (``phase1_train``, ``train-00000-of-00004``, ``data``) is generic: the stems a
# local path calls generic (knowledge/resolve.py), and the words of splits, shards and
# hosting that an address adds.
GENERIC_WORDS = "|".join(
    sorted(
        GENERIC_STEMS
        | {"training", "testing", "holdout", "heldout", "datasets", "output", "label", "labels"}
        | {"phase", "part", "shard", "split", "chunk", "fold", "batch", "of", "annotation"}
        | {"annotations", "download", "downloads", "index", "latest", "default"}
    )
)
# ... and numbers, versions and counts (``00001``, ``v2``, ``1k``) and hashes.
GENERIC_WORD = lazy(
    rf"(?:{GENERIC_WORDS})\d*|v?\d+[a-z]{{0,2}}|(?=[a-f]*\d)[0-9a-f]{{6,}}", re.IGNORECASE
)
# Short codes say little alone but are no kind of data: ``kl-f16`` names a model.
SHORT_CODE = lazy(r"[a-z]{1,2}\d*", re.IGNORECASE)
MIN_NAME = 3  # a shorter name (``u.user``, a share link's ``s/``) says nothing to a reader
# A script that serves files is no folder of them (``index.php/s/KEY/download``).
SCRIPT = lazy(r"\.(?:php|cgi|aspx?|jsp|html?)$", re.IGNORECASE)
# Folders that say where or how a file is served, not which data it is.
HOSTING_FOLDERS = frozenset(
    {"raw", "master", "main", "refs", "heads", "resolve", "releases", "download", "downloads"}
    | {"blob", "tree", "files", "file", "static", "assets", "public", "pub", "content"}
    | {"uploads", "media", "api", "record", "records", "dl", "get", "export", "uc", "view"}
    | {"latest", "tags", "commit", "commits", "archive"}
    | DATA_ROOTS
)
WORD = lazy(r"[^\W_]+")
# An opaque key: letters and digits with no separator, long (Dropbox's s/lrvwfehqdcxoza8/).
OPAQUE = lazy(r"(?=[a-z]*\d)(?=\d*[a-z])[a-z0-9]{12,}", re.IGNORECASE)
VERSION = lazy(r"v?\d+(?:[._-]\d+)*[a-z]?", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Named:
    """A download's readable name, and the address up to the part that gave it: two
    downloads whose names agree are one dataset only where these agree too."""

    name: str
    prefix: str


def _stem(part: str) -> str:
    stem = DATA_EXTENSION.sub("", part)
    return OTHER_EXTENSION.sub("", stem) if stem == part else stem


def _generic(stem: str) -> bool:
    """Whether a file's stem says only what part or kind of data it holds."""
    if len(stem) < MIN_NAME or stem.casefold() in HOSTING_FOLDERS:
        return True
    words = WORD.findall(stem)
    generic = [word for word in words if GENERIC_WORD.fullmatch(word)]
    return bool(generic) and all(word in generic or SHORT_CODE.fullmatch(word) for word in words)


def _meaningful_folder(folder: str) -> bool:
    """Whether a folder on the way up says which data it holds."""
    return (
        len(folder) >= MIN_NAME
        and not folder.startswith("~")
        and SCRIPT.search(folder) is None
        and folder.casefold() not in HOSTING_FOLDERS
        and VERSION.fullmatch(folder) is None
        and OPAQUE.fullmatch(folder) is None
        and not _generic(folder)
    )


def readable(url_id: str) -> Named | None:
    """The readable name of a download's id (``url:host/path``), if its address shows one."""
    address = url_id.removeprefix("url:")
    if TEMPLATE.search(address) is not None:
        return None
    host, _, path = address.partition("/")
    host = host.casefold().removeprefix("www.")
    parts = [part for part in path.split("/") if part]
    if not parts or host in SHORTENERS or host in DRIVE_HOSTS:
        return None
    first = 1 if host in CODE_HOSTS else 0  # an owner is nobody's dataset
    stem = _stem(parts[-1])
    if len(parts) > 1 and len(parts[-2]) <= 2 and "." not in parts[-1]:
        stem = ""  # a share link's key (``/f/77aa01``, ``/s/x8Kd``): no file's name
    if len(parts) > first and stem and not _generic(stem):
        return Named(stem, "/".join([host, *parts[:-1], stem]).casefold())
    for end in range(len(parts) - 1, first, -1):
        folder = parts[end - 1]
        if _meaningful_folder(folder):
            return Named(folder, "/".join([host, *parts[:end]]).casefold())
    return None
