"""The datasheet `init` writes: what the linter knows, prefilled; the rest as TODO.

Known datasets get their name, aliases, homepage, loader ids and (from the catalogue) their
sourced licence; blocklisted ones get their status and sources. Every field only a person can
answer holds a ``TODO`` placeholder with a comment saying what to write. Fields that apply
only to some datasets (personal data, consent and legal basis when the data relates to people;
lineage; a licence URL nobody knows yet) are written as comments to uncomment, never as TODO:
once the required TODOs are answered, the file validates against
``schemas/datasheet.schema.json`` in the linter and in an editor alike.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from datasheet_lint.datasheets.formats import slug
from datasheet_lint.knowledge.blocklist import BlockedDataset
from datasheet_lint.knowledge.catalogue import CatalogueEntry
from datasheet_lint.knowledge.resolve import Knowledge

SCHEMA_URL = (
    "https://raw.githubusercontent.com/datasheet-lint/datasheet-lint/v{version}/schemas/"
    "datasheet.schema.json"
)


def schema_url() -> str:
    """The schema of the installed version: a datasheet and its editor agree on the fields
    whatever changes on the main branch later."""
    from datasheet_lint import __version__

    return SCHEMA_URL.format(version=__version__)


STATUS = {
    "retracted": "retracted",
    "withdrawn": "retracted",
    "taken-down": "retracted",
    "deprecated": "deprecated",
    "replaced": "superseded",
}
PLAIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9 ._/()+-]*")


@dataclass(frozen=True, slots=True)
class Scaffold:
    dataset: str  # the canonical id it was made for
    filename: str  # inside the datasheets folder
    text: str


# Characters YAML does not allow raw (DEL, C1 controls, U+FFFE/F) or reads as line breaks
# (NEL, U+2028, U+2029): escaped, as JSON's own escapes leave them raw.
UNPRINTABLE = re.compile("[\x7f-\x9f\u2028\u2029\ufffe\uffff]")


def _quote(value: str) -> str:
    """A YAML scalar: plain when safe, else a JSON string (valid YAML)."""
    reserved = {"yes", "no", "true", "false", "null", "on", "off", "~"}
    if PLAIN.fullmatch(value) and value.lower() not in reserved and not value[0].isdigit():
        return value
    quoted = json.dumps(value, ensure_ascii=False)
    return UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


def _todo(what: str) -> str:
    return _quote(f"TODO: {what}")


# Path parts that say where a file is hosted or kept, not what it is.
HOSTING = frozenset(
    {"master", "main", "raw", "blob", "resolve", "refs", "heads", "tree", "releases", "files"}
    | {"download", "downloads", "static", "assets", "uc", "view", "export", "www", "content"}
    | {"data", ".data", "datasets", "dataset", "orig_data", "raw_data"}
)
# File names that say which part of a dataset a file is, not which dataset.
GENERIC = frozenset({"input", "train", "test", "valid", "validation", "dev", "index", "all"})
SUFFIXES = re.compile(
    r"(?:\.(?:tar|gz|tgz|zip|bz2|xz|7z|txt|csv|tsv|jsonl?|parquet|arrow|npz|npy|h5|hdf5|pkl|"
    r"pickle|mat|tfrecords?))+$",
    re.IGNORECASE,
)
MAX_FILE_ID = 60


def _readable(parts: list[str]) -> str:
    """The last two parts that name something: 'karpathy/char-rnn/master/data/
    tinyshakespeare/input.txt' -> 'char-rnn-tinyshakespeare'."""
    words = [SUFFIXES.sub("", part) for part in parts]
    kept = [w for w in words if w and w.lower() not in HOSTING | GENERIC]
    return "-".join(kept[-2:])


def file_id(dataset_id: str) -> str:
    """A readable datasheet id (and file name) for a dataset id: 'hf:org/name' ->
    'org-name', 'local:data/faces' -> 'faces', a URL -> the last parts of its path that name
    something (never the host and every folder on the way)."""
    source, sep, name = dataset_id.partition(":")
    if not sep or not name:
        return slug(dataset_id)[:MAX_FILE_ID].strip("-._") or "dataset"
    if source in {"url", "local"}:
        parts = [p for p in name.split("?", 1)[0].split("/") if p]
        host = parts.pop(0).split(".") if source == "url" and parts else []
        readable = _readable(parts)
        if not readable and host:  # a bare host: its main name, "www.example.org" -> example
            named = [label for label in host if label.lower() not in HOSTING]
            readable = named[-2] if len(named) > 1 else "".join(named)
        name = readable or name
    return slug(name)[:MAX_FILE_ID].strip("-._") or "dataset"


def _loaders(
    dataset_id: str, entry: CatalogueEntry | None, sources: tuple[str, ...] = ()
) -> list[tuple[str, str]]:
    if entry is not None:
        return list(entry.loaders)
    if sources:  # a download's addresses: they match its readable id and its whole one
        parts = (source.partition(":") for source in sources)
        return [(kind, address) for kind, _, address in parts]
    source, _, name = dataset_id.partition(":")
    if name:
        return [(source, name)]
    return []


def _identity(dataset_id: str, knowledge: Knowledge, sources: tuple[str, ...]) -> list[str]:
    entry = knowledge.catalogue.datasets.get(dataset_id)
    blocked = knowledge.blocklist.get(dataset_id)
    name = entry.name if entry else blocked.name if blocked else dataset_id.partition(":")[2]
    lines = [
        "datasheet_version: 1",
        f"id: {_quote(file_id(dataset_id))}",
        f"name: {_quote(name or dataset_id)}",
    ]
    aliases = list(entry.names) if entry else []
    if aliases:
        lines.append("aliases: [" + ", ".join(_quote(a) for a in aliases) + "]")
    lines.append(f"description: {_todo('what the dataset is, in a few sentences')}")
    homepage = entry.homepage if entry else None
    if homepage:
        lines.append(f"homepage: {_quote(homepage)}")
    else:
        lines.append("# homepage: the dataset's home page (a URL)")
    loaders = _loaders(dataset_id, entry, sources)
    if loaders:
        lines.append("loaders:  # how code loads it: the keys that match references to it")
        grouped: dict[str, list[str]] = {}
        for source, value in loaders:
            grouped.setdefault(source, []).append(value)
        for source, values in grouped.items():
            shown = (
                _quote(values[0])
                if len(values) == 1
                else "[" + ", ".join(map(_quote, values)) + "]"
            )
            lines.append(f"  {_quote(source)}: {shown}")
    lines.append(f"citation: {_todo('how to cite the dataset (BibTeX or a reference)')}")
    return lines


SECTIONS = """\
motivation:
  purpose: {purpose}
  creators: [{creators}]
composition:
  instances: {instances}
  size: {size}
  contains_people: TODO  # yes, no or unknown: does the data relate to people?
  # If yes or unknown, uncomment and answer: which personal data ([] for none)? GDPR Art. 9
  # special categories are biometric, genetic, health, racial_or_ethnic_origin,
  # political_opinions, religious_or_philosophical_beliefs, trade_union_membership,
  # sex_life_or_sexual_orientation, criminal_convictions; others: names, contact_details,
  # precise_location, images_of_people, ...
  # personal_data: []
collection:
  process: {process}
  # If the data relates to people (contains_people yes or unknown), uncomment and answer:
  # consent: unknown  # obtained, not-obtained or unknown
  # legal_basis:
  #   gdpr_art6: unknown  # consent, contract, legitimate_interests, public_task, ..., unknown
  #   gdpr_art9: unknown  # for special categories: explicit_consent, manifestly_made_public, ...
uses:
  intended: [{intended}]
  # this_repository: [train, evaluate]  # narrows the 'activities' setting for this dataset
"""


def _distribution(entry: CatalogueEntry | None) -> list[str]:
    lines = ["distribution:"]
    if entry is not None and entry.licence and entry.sourced:
        confidence = f", {entry.licence_confidence} confidence" if entry.licence_confidence else ""
        lines.append(
            f"  license: {_quote(entry.licence)}  # from the datasheet-lint catalogue{confidence}"
        )
        if entry.licence_source:
            lines.append(f"  license_url: {_quote(entry.licence_source)}")
    else:
        lines.append("  license: TODO  # an SPDX expression such as CC-BY-4.0, or NOASSERTION")
        lines.append("  # license_url: where the licence or terms are published (a URL)")
    return lines


def _maintenance(blocked: BlockedDataset | None, knowledge: Knowledge) -> list[str]:
    lines = ["maintenance:"]
    if blocked is None:
        lines.append("  status: TODO  # active, unmaintained, superseded, deprecated or retracted")
        lines.append(f"  contact: {_todo('who to contact about the dataset')}")
        return lines
    entry = knowledge.blocklist.parent_of(blocked)
    lines.append(f"  status: {STATUS.get(entry.status, 'deprecated')}  # from the blocklist")
    lines.append("  status_sources:")
    lines.extend(f"    - {_quote(source.url)}" for source in entry.sources[:3])
    if entry.replacement and not entry.replacement.lower().startswith("none"):
        lines.append(f"  replacement: {_quote(entry.replacement)}")
    lines.append(f"  contact: {_todo('who to contact about the dataset')}")
    return lines


def _lineage(blocked: BlockedDataset | None) -> list[str]:
    if blocked is not None and blocked.parent is not None:
        return ["lineage:", "  derived_from:", f"    - {{id: {blocked.parent}, relation: other}}"]
    return [
        "# lineage:  # what the dataset was made from, when known",
        "#   derived_from: []  # [] if original; else [{id: source-dataset, relation: subset}]",
    ]


def scaffold(dataset_id: str, knowledge: Knowledge, sources: tuple[str, ...] = ()) -> Scaffold:
    """The datasheet text for one dataset; ``sources``: the whole ids its readable id
    stands for (``url:host/path``), written as its loaders."""
    entry = knowledge.catalogue.datasets.get(dataset_id)
    blocked = knowledge.blocklist.get(dataset_id)
    header = [
        f"# yaml-language-server: $schema={schema_url()}",
        "# (offline: `datasheet-lint schema --path` prints the installed copy of that schema)",
        "# A datasheet (Gebru et al., 'Datasheets for Datasets'), written by datasheet-lint init.",
        "# Replace every TODO with the answer; 'unknown' is an honest answer where allowed.",
    ]
    sections = SECTIONS.format(
        purpose=_todo("why the dataset was created"),
        creators=_todo("who created it"),
        instances=_todo("what one instance is (an image, a sentence, ...)"),
        size=_todo("how many instances"),
        process=_todo("how the data was collected, from which sources"),
        intended=_todo("tasks the dataset is meant for"),
    ).rstrip("\n")
    lines = [
        *header,
        *_identity(dataset_id, knowledge, sources),
        sections,
        *_distribution(entry),
        *_maintenance(blocked, knowledge),
        *_lineage(blocked),
    ]
    return Scaffold(dataset_id, file_id(dataset_id) + ".yaml", "\n".join(lines) + "\n")
