"""Data platforms' own conventions, which name a dataset in every notebook written for them.

A notebook written for Kaggle or for BigQuery does not download its data: the platform mounts
or serves it under a name that the code then spells out. These shapes name a dataset wherever
they appear, known to the catalogue or not:

- Kaggle's mounted inputs, ``../input/<slug>/...`` and ``/kaggle/input/<slug>/...``: the data
  of the dataset or competition ``<slug>`` (``kaggle:<slug>``, or the catalogue's entry where
  the slug is one of its names: ``../input/titanic/train.csv`` is Titanic). A file right under
  ``input/`` (``../input/train.csv``, an older kernel's single mount, or a link a course
  makes there) names no slug: it is the local file it is, named wherever the code names it.
- A kernel's metadata, ``dataset_sources`` and ``competition_sources`` (``kernel-metadata.json``
  or a notebook list built in Python): each ``owner/slug`` or competition slug in the list is a
  dataset the notebook is given.
- ``KaggleDatasets().get_gcs_path("<slug>")``: where a TPU notebook reads the slug's files;
  ``kagglehub.competition_download("<slug>")`` and the API's ``competition_download_files``;
  ``kagglehub.load_dataset(KaggleDatasetAdapter.PANDAS, "<owner>/<slug>", ...)``.
- A Kaggle dataset's or competition's URL in code (``od.download("https://www.kaggle.com/c/
  <slug>")``): ``kaggle:<owner>/<slug>`` or ``kaggle:competition/<slug>``.
- A Hugging Face dataset's files through the Hub's file system, ``hf://datasets/<owner>/
  <name>/...``, whatever library reads them: ``hf:<owner>/<name>``.
- BigQuery's public datasets, ``bigquery-public-data.<dataset>.<table>`` in SQL and
  ``client.dataset("<dataset>", project="bigquery-public-data")``, ``DatasetReference(
  "bigquery-public-data", "<dataset>")``: ``bigquery:<dataset>``, by the dataset's own name in
  the ``bigquery-public-data`` project.

Each is read from lines, not from the syntax tree: the same shapes appear in Python, notebook
cells, shell lines and JSON, and a regex pass per shape costs little (the module is imported
only for a segment that holds one of ``extract.PLATFORM_WORDS``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from datasheet_lint.extract.segments import LineIndex
from datasheet_lint.knowledge.resolve import KAGGLE_INPUT, kaggle_mount
from datasheet_lint.lazyregex import lazy
from datasheet_lint.models import Kind

# (dataset, line, column, kind, surface), as the other extractors yield them.
Found = tuple[str, int, int, Kind, str]
Resolve = Callable[[str, str], str | None]

# A key of a kernel's metadata, in JSON (``"dataset_sources": [``) or in Python
# (``dataset_sources=[``, ``nb['competition_sources'] = \``), then its value.
SOURCES = lazy(
    r"""(?P<key>dataset|competition)_sources['"]?\]?[ \t]*[:=][ \t]*(?:\\[ \t]*\n[ \t]*)?"""
    r"""(?P<open>[\[(]?)"""
)
STRING = lazy(r"""(?P<q>['"])(?P<value>[^'"\n]{1,200})(?P=q)""")
# A Kaggle handle: ``owner/slug`` of a dataset, a competition's bare ``slug``.
DATASET_HANDLE = lazy(r"[A-Za-z0-9][\w.-]*/[A-Za-z0-9][\w.-]*")
COMPETITION_HANDLE = lazy(r"[A-Za-z0-9][\w-]*")
MAX_LIST = 4_000  # characters of one metadata list read: real ones hold a few handles
GCS_PATH = lazy(r"""\bget_gcs_path\([ \t]*(?P<q>['"])(?P<slug>[A-Za-z0-9][\w-]*)(?P=q)""")
# kagglehub.competition_download("slug"), KaggleApi().competition_download_files("slug").
COMPETITION_DOWNLOAD = lazy(
    r"""\bcompetition_download(?:_files?|_cli)?\([ \t]*(?:(?:handle|competition)[ \t]*=[ \t]*)?"""
    r"""(?P<q>['"])(?P<slug>[A-Za-z0-9][\w-]*)(?P=q)"""
)
# kagglehub.load_dataset(KaggleDatasetAdapter.PANDAS, "owner/slug", "file.csv"), dataset_load.
ADAPTER_LOAD = lazy(
    r"""\b(?:load_dataset|dataset_load)\([ \t]*KaggleDatasetAdapter\.\w+[ \t]*,[ \t]*"""
    r"""(?:handle[ \t]*=[ \t]*)?(?P<q>['"])(?P<slug>[A-Za-z0-9][\w.-]*/[A-Za-z0-9][\w.-]*)(?P=q)"""
)
# A data file right under the mount (an older kernel's single dataset): the file it is.
INPUT_FILE = lazy(
    r"(?<![\w.-])(?:(?:\.\./)+|/kaggle/)input/[\w-]+\.(?:csv|tsv|jsonl?|parquet|feather|npy|npz|"
    r"h5|hdf5|pkl|pickle|txt|zip|sqlite|db|xlsx?)(?![\w.-])",
    re.IGNORECASE,
)
# A Kaggle dataset's or competition's page or download URL, in any string (what
# opendatasets.download and the like are given): kaggle:<owner>/<slug>, kaggle:competition/<slug>.
KAGGLE_PAGE = lazy(
    r"(?<![\w.-])(?:https?://)?(?:www\.)?kaggle\.com/(?:c|competitions|datasets|"
    r"api/v1/datasets/download)/[\w.-]+(?:/[\w.-]+)?",
    re.IGNORECASE,
)
# A Hugging Face dataset's files through the Hub's file system, in any string.
HUB_FILES = lazy(r"(?<![\w-])hf://datasets/[\w.-]+/[\w.@-]+", re.IGNORECASE)
# `bigquery-public-data.openaq.global_air_quality`, legacy SQL's [bigquery-public-data:x.y],
# a dataset alone ("bigquery-public-data.samples").
BIGQUERY_TABLE = lazy(r"(?<![\w-])bigquery-public-data[.:](?P<dataset>[A-Za-z_]\w*)(?![\w-])")
BIGQUERY_DATASET = lazy(
    r"""\.dataset\([ \t]*(?:dataset_id[ \t]*=[ \t]*)?(?P<q>['"])(?P<dataset>[A-Za-z_]\w*)(?P=q)"""
    r"""[ \t]*,[ \t]*project[ \t]*=[ \t]*(?P<p>['"])bigquery-public-data(?P=p)"""
    r"""|\bDatasetReference\([ \t]*(?:project[ \t]*=[ \t]*)?(?P<r>['"])bigquery-public-data(?P=r)"""
    r"""[ \t]*,[ \t]*(?:dataset_id[ \t]*=[ \t]*)?(?P<s>['"])(?P<named>[A-Za-z_]\w*)(?P=s)"""
)


def references(text: str, resolve: Resolve) -> list[Found]:
    """Every platform shape in one segment's text."""
    found: list[Found] = []
    index = LineIndex(text)
    found.extend(_kaggle_inputs(text, resolve, index))
    found.extend(_kernel_sources(text, resolve, index))
    found.extend(_calls(text, resolve, index))
    found.extend(_bigquery(text, index))
    found.extend(_hub_files(text, resolve, index))
    found.extend(_kaggle_pages(text, resolve, index))
    return found


def _kaggle_inputs(text: str, resolve: Resolve, index: LineIndex) -> Iterator[Found]:
    """``../input/<slug>/...``: the mounted data of a Kaggle dataset or competition."""
    if "input/" not in text:
        return
    for match in KAGGLE_INPUT.finditer(text):
        if kaggle_mount(match.group()) is None:
            continue  # a project's own input/ folder: the other extractors judge it
        dataset = resolve("local", match.group())  # a known name in the slug wins, as in paths
        if dataset is None:
            continue
        line, column = index.position(match.start())
        yield dataset, line, column, Kind.PATH, match.group().rstrip("/")
    for match in INPUT_FILE.finditer(text):
        dataset = resolve("local", match.group())
        if dataset is not None:
            line, column = index.position(match.start())
            yield dataset, line, column, Kind.PATH, match.group()


def _kernel_sources(text: str, resolve: Resolve, index: LineIndex) -> Iterator[Found]:
    """Each handle in a kernel's ``dataset_sources`` / ``competition_sources``."""
    if "_sources" not in text:
        return
    for match in SOURCES.finditer(text):
        competition = match.group("key") == "competition"
        end = match.end()
        if match.group("open"):
            closing = "]" if match.group("open") == "[" else ")"
            stop = text.find(closing, end, end + MAX_LIST)
            if stop < 0:
                continue
        else:
            stop = text.find("\n", end)
            stop = len(text) if stop < 0 else stop
        for string in STRING.finditer(text, end, stop):
            value = string.group("value").strip()
            if competition and COMPETITION_HANDLE.fullmatch(value):
                name = f"competition/{value}"
            elif not competition and DATASET_HANDLE.fullmatch(value):
                name = value
            else:
                continue  # not a handle: a path, a sentence, a kernel's own name
            dataset = resolve("kaggle", name)
            if dataset is None:
                continue
            line, column = index.position(string.start("value"))
            yield dataset, line, column, Kind.CONFIG, value


def _calls(text: str, resolve: Resolve, index: LineIndex) -> Iterator[Found]:
    """``KaggleDatasets().get_gcs_path("slug")`` (a read of the slug's files) and
    ``kagglehub.competition_download("slug")`` (a download of the competition's)."""
    if "get_gcs_path" in text:
        for match in GCS_PATH.finditer(text):
            yield from _call(match, match.group("slug"), Kind.LOAD, resolve, index)
    if "competition_download" in text:
        for match in COMPETITION_DOWNLOAD.finditer(text):
            name = f"competition/{match.group('slug')}"
            yield from _call(match, name, Kind.URL, resolve, index)
    if "KaggleDatasetAdapter" in text:
        for match in ADAPTER_LOAD.finditer(text):
            yield from _call(match, match.group("slug"), Kind.LOAD, resolve, index)


def _call(
    match: re.Match[str], name: str, kind: Kind, resolve: Resolve, index: LineIndex
) -> Iterator[Found]:
    dataset = resolve("kaggle", name)
    if dataset is not None:
        line, column = index.position(match.start("slug"))
        yield dataset, line, column, kind, match.group("slug")


def _bigquery(text: str, index: LineIndex) -> Iterator[Found]:
    """A public dataset's table in SQL (``path``) or the dataset fetched by name (``load``)."""
    if "bigquery-public-data" not in text:
        return
    for match in BIGQUERY_TABLE.finditer(text):
        line, column = index.position(match.start())
        dataset = match.group("dataset")
        yield f"bigquery:{dataset}", line, column, Kind.PATH, match.group()
    for match in BIGQUERY_DATASET.finditer(text):
        group = "dataset" if match.group("dataset") is not None else "named"
        line, column = index.position(match.start(group))
        dataset = match.group(group)
        yield f"bigquery:{dataset}", line, column, Kind.LOAD, dataset


def _hub_files(text: str, resolve: Resolve, index: LineIndex) -> Iterator[Found]:
    """``hf://datasets/<owner>/<name>/...``: a Hub dataset's files, whatever reads them
    (``pd.read_parquet``, ``pl.read_parquet``, DuckDB's ``FROM 'hf://...'``, ``data_files``)."""
    if "hf://" not in text:
        return
    for match in HUB_FILES.finditer(text):
        dataset = resolve("url", match.group())
        if dataset is not None:
            line, column = index.position(match.start())
            yield dataset, line, column, Kind.URL, match.group()


def _kaggle_pages(text: str, resolve: Resolve, index: LineIndex) -> Iterator[Found]:
    """A Kaggle dataset's or competition's URL in code: what the code fetches or points at."""
    if "kaggle.com/" not in text:
        return
    for match in KAGGLE_PAGE.finditer(text):
        dataset = resolve("url", match.group())
        if dataset is not None and not dataset.startswith("url:"):  # a page that names one
            line, column = index.position(match.start())
            yield dataset, line, column, Kind.URL, match.group()
