"""Generate the catalogue's registry-derived entries (knowledge/registries.json).

Run at development time, never at run time: the linter ships the generated file and downloads
nothing. The sources are the registries' own packages and public files, read as data (zip
members and Python source through ``ast``; nothing is imported or executed):

- TensorFlow Datasets: builder names, homepages and the download URLs of its checksum files;
- torchvision, torchaudio and torchtext: dataset classes and functions, with their URLs;
- keras datasets and scikit-learn fetchers: names and URLs;
- the Hugging Face Hub: the canonical datasets of the ``huggingface/datasets`` repository at its
  last commit that held them (each card's ``pretty_name`` and ``license`` tag, each loading
  script's homepage and URLs), and the Hub ids that lm-evaluation-harness, lighteval and
  MTEB evaluate on (their task configs and task metadata).

Names, URLs and hosts are facts; no prose is copied. A licence is recorded only where a card
states one that maps to an SPDX id without guessing a version; otherwise it is null.

    pip download --no-deps -d WHEELS tensorflow-datasets torchvision torchaudio torchtext \\
        keras scikit-learn lm-eval lighteval mteb
    python scripts/registries.py --wheels WHEELS --hf-datasets PATH/TO/huggingface-datasets.git
    python scripts/registries.py --reconcile    # after a curated or blocklist edit: no wheels

The hand-curated catalogue.yaml keeps precedence: a generated dataset that shares a loader id
or a name with a curated entry adds its loader ids and URLs to that entry (``extends``); one
that shares a name with the blocklist is dropped. Every generated alias and URL is checked
against both files for collisions, and bare names are added only when distinctive (a letter
and a digit, six characters or more, no dictionary word), always as ambiguous.
"""

from __future__ import annotations

import argparse
import ast
import datetime
import json
import re
import subprocess
import sys
import zipfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[1]
KNOWLEDGE = ROOT / "src/datasheet_lint/knowledge"
OUTPUT = KNOWLEDGE / "registries.json"
COMMAND = "python scripts/registries.py --wheels WHEELS --hf-datasets HF_DATASETS_GIT"
# The last commit of huggingface/datasets with the canonical datasets in datasets/ (the next
# one moved them to the Hub); the catalogue's MNIST entry cites the same revision.
HF_COMMIT = "d7dfbc83d68e87ba002c5eb2555f7a932e59038a"
HF_REPO = "https://github.com/huggingface/datasets"
URL_CAP = 3  # download URLs kept per dataset: enough to recognise it, few enough to stay fast
SEPARATORS = re.compile(r"[-_. ]+")
HTTP = re.compile(r"^https?://[^\s\"'<>{}]+$")
DRIVE_ID = re.compile(r"(?:[?&]id=|/d/)([A-Za-z0-9_-]{20,})")
# Hosts that serve many datasets: a URL on them names one only with a path below.
GENERIC_HOSTS = frozenset({
    "github.com", "gitlab.com", "huggingface.co", "hf.co", "kaggle.com", "arxiv.org",
    "drive.google.com", "docs.google.com", "storage.googleapis.com", "zenodo.org",
    "figshare.com", "dropbox.com", "www.dropbox.com", "archive.org", "raw.githubusercontent.com",
    "s3.amazonaws.com", "dl.fbaipublicfiles.com", "download.pytorch.org", "people.csail.mit.edu",
})  # fmt: skip
# Pages that are documentation, code or licences, never data.
NOT_DATA = re.compile(
    r"github\.com/(pytorch|tensorflow|keras-team|huggingface|scikit-learn)/|"
    r"creativecommons\.org|opensource\.org|/licenses?/|/docs?/|readthedocs|pytorch\.org|"
    r"tensorflow\.org|arxiv\.org|doi\.org|wikipedia\.org/wiki|example\.com|\{|%",
    re.IGNORECASE,
)
# Hugging Face card licence tags that name one SPDX id. gpl/lgpl/agpl/gfdl (no -only or
# -or-later), odbl and odc-by (no version), bsd, other and unknown are not mapped: a guess.
HF_LICENCES = {
    "mit": "MIT", "apache-2.0": "Apache-2.0", "cc0-1.0": "CC0-1.0", "cc-by-2.0": "CC-BY-2.0",
    "cc-by-2.5": "CC-BY-2.5", "cc-by-3.0": "CC-BY-3.0", "cc-by-4.0": "CC-BY-4.0",
    "cc-by-sa-3.0": "CC-BY-SA-3.0", "cc-by-sa-4.0": "CC-BY-SA-4.0", "cc-by-nc-2.0": "CC-BY-NC-2.0",
    "cc-by-nc-3.0": "CC-BY-NC-3.0", "cc-by-nc-4.0": "CC-BY-NC-4.0",
    "cc-by-nc-sa-3.0": "CC-BY-NC-SA-3.0", "cc-by-nc-sa-4.0": "CC-BY-NC-SA-4.0",
    "cc-by-nc-nd-4.0": "CC-BY-NC-ND-4.0", "cc-by-nd-4.0": "CC-BY-ND-4.0",
    "bsd-2-clause": "BSD-2-Clause", "bsd-3-clause": "BSD-3-Clause", "ms-pl": "MS-PL",
    "unlicense": "Unlicense",
}  # fmt: skip
# Exports of the torch libraries that are machinery, not datasets.
NOT_DATASETS = frozenset({
    "VisionDataset", "DatasetFolder", "ImageFolder", "FakeData", "wrap_dataset_for_transforms_v2",
    "LSUNClass",
})  # fmt: skip
KERAS_NOT_DATASETS = frozenset({"npz_utils", "__init__"})


@dataclass
class Found:
    """One dataset as one registry lists it."""

    registry: str  # key of REGISTRIES
    kind: str  # loader kind: tfds, torchvision, hf, ...
    loader: str  # the loader id within its kind
    name: str
    homepage: str | None = None
    urls: list[str] = field(default_factory=list)
    licence: str | None = None
    licence_source: str | None = None
    licence_evidence: str | None = None


def normalise(name: str) -> str:
    """The catalogue's comparison key (datasheet_lint.names.normalise)."""
    return SEPARATORS.sub("", name.strip().casefold())


def strip_scheme(url: str) -> str:
    url = re.sub(r"^[a-z]+://", "", url.strip(), flags=re.IGNORECASE)
    return re.sub(r"^www\.", "", url, flags=re.IGNORECASE).rstrip("/")


# ---- reading Python source without running it ----


def constants(tree: ast.AST) -> dict[str, Any]:
    """Names assigned a literal (or a concatenation of literals and such names) anywhere."""
    values: dict[str, Any] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            if isinstance(target, ast.Name):
                value = evaluate(node.value, values)
                if value is not None:
                    values.setdefault(target.id, value)
    return values


def evaluate(node: ast.AST, names: dict[str, Any]) -> Any:
    """A literal's value: strings, f-strings and '+' of known parts, lists, tuples, dicts."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name):
        return names.get(node.id)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = evaluate(node.left, names), evaluate(node.right, names)
        return left + right if isinstance(left, str) and isinstance(right, str) else None
    if isinstance(node, ast.JoinedStr):
        parts = []
        for value in node.values:
            part = evaluate(value.value if isinstance(value, ast.FormattedValue) else value, names)
            if not isinstance(part, str):
                return None
            parts.append(part)
        return "".join(parts)
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        return [evaluate(item, names) for item in node.elts]
    if isinstance(node, ast.Dict):
        return [evaluate(item, names) for item in node.values]
    return None


def urls_in(node: ast.AST, names: dict[str, Any]) -> list[str]:
    """Every http(s) URL literal under a node (docstrings excluded), in source order."""
    docstrings = {
        id(body[0].value)
        for sub in ast.walk(node)
        if isinstance(sub, (ast.Module, ast.ClassDef, ast.FunctionDef))
        and (body := sub.body)
        and isinstance(body[0], ast.Expr)
        and isinstance(body[0].value, ast.Constant)
    }
    found: list[str] = []
    for sub in ast.walk(node):
        if id(sub) in docstrings:
            continue
        if isinstance(sub, (ast.Constant, ast.JoinedStr, ast.BinOp)):
            found.extend(flatten(evaluate(sub, names)))
    return [url for url in dict.fromkeys(found) if HTTP.match(url)]


def flatten(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from flatten(item)


def keyword_value(tree: ast.AST, keyword: str, names: dict[str, Any]) -> str | None:
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            for item in node.keywords:
                if item.arg == keyword:
                    value = evaluate(item.value, names)
                    if isinstance(value, str) and HTTP.match(value):
                        return value
    return None


# ---- the registries ----


class Wheel:
    """A wheel read as a zip: its version and its members' text."""

    def __init__(self, path: Path) -> None:
        self.archive = zipfile.ZipFile(path)
        self.names = self.archive.namelist()
        self.version = path.name.split("-")[1]

    def text(self, name: str) -> str:
        return self.archive.read(name).decode("utf-8", "replace")

    def tree(self, name: str) -> ast.Module:
        return ast.parse(self.text(name))


def find_wheel(folder: Path, project: str) -> Wheel:
    prefix = project.replace("-", "_") + "-"
    for path in sorted(folder.glob("*.whl")):
        if path.name.lower().startswith(prefix.lower()):
            return Wheel(path)
    raise SystemExit(f"registries.py: no {project} wheel in {folder} (pip download --no-deps)")


def snake_case(name: str) -> str:
    """TFDS's builder name for a class name (tfds.core.naming.camelcase_to_snakecase)."""
    name = re.sub(r"(.)([A-Z][a-z]+)", r"\1_\2", name)
    return re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name).lower()


def base_names(node: ast.ClassDef) -> list[str]:
    names = []
    for base in node.bases:
        if isinstance(base, ast.Attribute):
            names.append(base.attr)
        elif isinstance(base, ast.Name):
            names.append(base.id)
    return names


def abstract(node: ast.ClassDef) -> bool:
    if node.name.startswith("_") or "Base" in node.name or "Abstract" in node.name:
        return True
    if any(k.arg == "skip_registration" for k in node.keywords):
        return True
    for item in node.body:
        if isinstance(item, ast.FunctionDef):
            for decorator in item.decorator_list:
                if "abstract" in ast.unparse(decorator):
                    return True
    return False


def tfds(wheel: Wheel) -> list[Found]:
    """Every registered TFDS builder: name, homepage, URLs of its checksum file."""
    package = "tensorflow_datasets/"
    sources = [
        n
        for n in wheel.names
        if n.startswith(package) and n.endswith(".py") and not n.endswith("_test.py")
        and "/core/" not in n and "/testing/" not in n and "/scripts/" not in n
    ]  # fmt: skip
    classes: dict[str, tuple[str, ast.ClassDef, ast.Module]] = {}
    for module in sources:
        tree = wheel.tree(module)
        for node in tree.body:
            if isinstance(node, ast.ClassDef):
                classes[f"{module}:{node.name}"] = (module, node, tree)
    builders = {"GeneratorBasedBuilder", "BeamBasedBuilder", "DatasetBuilder", "TfDataBuilder"}
    names_of_builders: set[str] = set(builders)
    while True:  # builders subclass builders: close over the class names
        more = {
            node.name
            for _, node, _ in classes.values()
            if set(base_names(node)) & names_of_builders and node.name not in names_of_builders
        }
        if not more:
            break
        names_of_builders |= more
    checksums: dict[str, list[str]] = {}
    for member in wheel.names:
        if member.endswith("checksums.tsv") or "/url_checksums/" in member:
            path = PurePosixPath(member)
            key = path.parent.name if path.name == "checksums.tsv" else path.stem
            lines = wheel.text(member).splitlines()
            checksums[key] = [line.split("\t")[0].split(" ")[0] for line in lines if line.strip()]
    found: dict[str, Found] = {}
    for module, node, tree in classes.values():
        if node.name in builders or not set(base_names(node)) & names_of_builders:
            continue
        if abstract(node):
            continue
        path = PurePosixPath(module)
        attrs = {
            t.id: evaluate(item.value, {})
            for item in node.body
            if isinstance(item, ast.Assign)
            for t in item.targets
            if isinstance(t, ast.Name)
        }
        if isinstance(attrs.get("name"), str):
            name = attrs["name"]
        elif node.name == "Builder" and path.stem.endswith("_dataset_builder"):
            name = path.parent.name
        else:
            name = snake_case(node.name)
        if not re.fullmatch(r"[a-z0-9_]+", name) or name in found:
            continue
        names = constants(tree)
        urls = checksums.get(name) or []
        if not urls:
            siblings = [n for n in tree.body if isinstance(n, ast.ClassDef)]
            urls = urls_in(node if len(siblings) > 1 else tree, names)
        found[name] = Found(
            "tfds", "tfds", name, name, homepage=keyword_value(node, "homepage", names),
            urls=urls,
        )  # fmt: skip
    return list(found.values())


def exported(wheel: Wheel, package: str) -> dict[str, str]:
    """Name -> module file of each ``from .module import Name`` in a package's __init__."""
    init = f"{package}/__init__.py"
    result = {}
    for node in wheel.tree(init).body:
        if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module:
            for alias in node.names:
                result[alias.asname or alias.name] = f"{package}/{node.module}.py"
    return result


def torch_library(wheel: Wheel, kind: str, package: str) -> list[Found]:
    """Dataset classes (or torchtext functions) and the URLs in their definitions."""
    found = []
    by_module: dict[str, list[str]] = defaultdict(list)
    exports = exported(wheel, package)
    for name, module in exports.items():
        if name not in NOT_DATASETS and name[0].isupper() and module in wheel.names:
            by_module[module].append(name)
    for module, names in sorted(by_module.items()):
        tree = wheel.tree(module)
        values = constants(tree)
        for name in names:
            definition = next(
                (n for n in tree.body if isinstance(n, (ast.ClassDef, ast.FunctionDef))
                 and n.name == name),
                None,
            )  # fmt: skip
            urls = urls_in(definition, values) if definition is not None else []
            if len(names) == 1:
                urls += [u for u in urls_in(tree, values) if u not in urls]
            found.append(Found(kind, kind, name, name, urls=urls))
    return found


def torch_reader(library: str) -> Callable[[Wheel], list[Found]]:
    return lambda wheel: torch_library(wheel, library, f"{library}/datasets")


def keras(wheel: Wheel) -> list[Found]:
    package = "keras/src/datasets/"
    found = []
    for member in sorted(wheel.names):
        stem = PurePosixPath(member).stem
        if member.startswith(package) and member.count("/") == 3 and member.endswith(".py"):
            if stem in KERAS_NOT_DATASETS or stem.endswith("_test"):
                continue
            tree = wheel.tree(member)
            found.append(Found("keras", "keras", stem, stem, urls=urls_in(tree, constants(tree))))
    return found


def sklearn(wheel: Wheel) -> list[Found]:
    """``fetch_*`` functions (they download) with their RemoteFileMetadata URLs."""
    found = []
    for name, module in sorted(exported(wheel, "sklearn/datasets").items()):
        if not name.startswith("fetch_") or name == "fetch_openml" or module not in wheel.names:
            continue
        tree = wheel.tree(module)
        found.append(
            Found("sklearn", "sklearn", name, name[6:], urls=urls_in(tree, constants(tree)))
        )
    return found


def eval_harness_ids(wheel: Wheel, registry: str) -> list[Found]:
    """Hub ids that an evaluation package's task configs load (dataset_path / hf_repo)."""
    pattern = re.compile(
        r"""(?:^dataset_path:\s*|hf_repo\s*=\s*)["']?([A-Za-z0-9][\w.-]*/[\w.-]+)["']?""",
        re.MULTILINE,
    )
    ids: set[str] = set()
    for member in wheel.names:
        if member.endswith((".yaml", ".py")):
            ids.update(pattern.findall(wheel.text(member)))
    return [Found(registry, "hf", hub_id, hub_id.split("/", 1)[1]) for hub_id in sorted(ids)]


def mteb_ids(wheel: Wheel) -> list[Found]:
    """Hub ids of MTEB's task metadata (``dataset={"path": ...}``), without its own re-uploads
    (``mteb/...``: copies of datasets listed under their creators' ids) and private ones."""
    pattern = re.compile(r"""["']path["']\s*:\s*["']([A-Za-z0-9][\w.-]*/[\w.-]+)["']""")
    ids: set[str] = set()
    for member in wheel.names:
        if member.endswith(".py"):
            ids.update(pattern.findall(wheel.text(member)))
    kept = sorted(i for i in ids if i.split("/")[0].casefold() not in {"mteb", "mteb-private"})
    return [Found("mteb", "hf", hub_id, hub_id.split("/", 1)[1]) for hub_id in kept]


def git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "--git-dir", str(repo), *args], capture_output=True, text=True, check=True
    ).stdout


def hf_canonical(repo: Path) -> list[Found]:
    """The canonical datasets of huggingface/datasets at HF_COMMIT: card tags and script URLs."""
    found = []
    folders = git(repo, "ls-tree", "--name-only", f"{HF_COMMIT}:datasets").split()
    for folder in sorted(folders):
        try:
            card = git(repo, "show", f"{HF_COMMIT}:datasets/{folder}/README.md")
        except subprocess.CalledProcessError:
            continue
        try:
            script = git(repo, "show", f"{HF_COMMIT}:datasets/{folder}/{folder}.py")
        except subprocess.CalledProcessError:
            script = ""
        front: dict[str, Any] = {}
        if card.startswith("---"):
            try:
                front = YAML(typ="safe", pure=True).load(card.split("---", 2)[1]) or {}
            except Exception:  # a card that is not YAML: no tags from it
                front = {}
        pretty = front.get("pretty_name")
        name = pretty if isinstance(pretty, str) and pretty.strip() else folder
        tags = front.get("license") or []
        tags = [tags] if isinstance(tags, str) else [str(t) for t in tags]
        card_url = f"{HF_REPO}/blob/{HF_COMMIT}/datasets/{folder}/README.md"
        entry = Found("hf-canonical", "hf", folder, name.strip())
        if len(tags) == 1 and tags[0] in HF_LICENCES:
            entry.licence = HF_LICENCES[tags[0]]
            entry.licence_source = card_url
            entry.licence_evidence = f"card front matter at {HF_COMMIT[:7]}: license: {tags[0]}"
        if script:
            try:
                tree = ast.parse(script)
            except SyntaxError:
                tree = ast.parse("")
            values = constants(tree)
            homepage = values.get("_HOMEPAGE")
            entry.homepage = (
                homepage if isinstance(homepage, str) and HTTP.match(homepage) else None
            )
            entry.urls = urls_in(tree, values)
        found.append(entry)
    return found


# ---- joining them with the curated catalogue ----


def load_yaml(path: Path) -> Any:
    return YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))


def words() -> frozenset[str]:
    lines = (KNOWLEDGE / "dictionary_words.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(normalise(line) for line in lines if line and not line.startswith("#"))


def url_item(url: str) -> dict[str, str] | None:
    """A URL pattern that names one file or folder of one dataset, or None."""
    if not HTTP.match(url):
        return None  # ftp:// and other schemes: not what the catalogue's URLs hold
    drive = DRIVE_ID.search(url)
    if "drive.google.com" in url or "docs.google.com" in url:
        return {"gdrive_id": drive.group(1)} if drive else None
    if "?" in url or "#" in url or NOT_DATA.search(url):
        return None
    bare = strip_scheme(url)
    host, _, path = bare.partition("/")
    segments = [s for s in path.split("/") if s]
    if not segments or (host in GENERIC_HOSTS and len(segments) < 2):
        return None
    if len(segments) < 2 and "." not in segments[-1]:
        return None  # a bare top folder of a host: shared by whatever else it serves
    return {"url": url.rstrip("/")}


def url_key(item: dict[str, str]) -> str:
    return normalise(strip_scheme(next(iter(item.values()))))


def kebab(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")


def distinctive(name: str, dictionary: frozenset[str]) -> bool:
    key = normalise(name)
    return (
        len(key) >= 6
        and re.search(r"[a-z]", key) is not None
        and re.search(r"[0-9]", key) is not None
        and not any(normalise(part) in dictionary for part in SEPARATORS.split(name) if part)
        and re.fullmatch(r"[A-Za-z0-9_.-]+", name) is not None
    )


@dataclass
class Generated:
    id: str
    name: str
    registries: list[str]
    loaders: dict[str, list[str]] = field(default_factory=dict)
    urls: list[dict[str, str]] = field(default_factory=list)
    aliases: list[dict[str, Any]] = field(default_factory=list)
    homepage: str | None = None
    licence: str | None = None
    licence_source: str | None = None
    licence_evidence: str | None = None


@dataclass
class Shipped:
    """What the two hand-written files hold, as the keys a generated name may not take."""

    curated: list[dict[str, Any]]
    owner: dict[str, str]  # name key -> curated id
    curated_loaders: dict[tuple[str, str], str]  # (kind, loader id casefolded) -> curated id
    taken: set[str]  # every name key and URL key the two files hold
    blocked: set[str]  # the blocklist's name keys
    blocked_urls: list[str]

    def hides_blocked(self, key: str) -> bool:
        """A longer name holding a blocklist name would shadow a retraction in the matcher."""
        return any(len(b) >= 4 and b in key for b in self.blocked) or any(
            key.startswith(u) for u in self.blocked_urls
        )


def shipped() -> Shipped:
    curated = load_yaml(KNOWLEDGE / "catalogue.yaml")["datasets"]
    blocklist = load_yaml(KNOWLEDGE / "blocklist.yaml")["entries"]
    owner: dict[str, str] = {}  # name key -> curated id
    curated_loaders: dict[tuple[str, str], str] = {}
    taken: set[str] = set()  # every key and URL key the two files hold
    for entry in curated:
        owner[normalise(entry["id"])] = entry["id"]
        for alias in entry.get("aliases") or ():
            owner.setdefault(normalise(alias["value"]), entry["id"])
        for name in entry.get("blocklist_look_alikes") or ():
            owner.setdefault(normalise(name), entry["id"])
        for kind, ids in (entry.get("loaders") or {}).items():
            for value in ids:
                curated_loaders[(kind, value.casefold())] = entry["id"]
        taken.update(url_key(item) for item in entry.get("urls") or ())
    taken.update(owner)
    blocked: set[str] = set()
    blocked_urls: list[str] = []
    for entry in blocklist:
        for part in [entry, *(entry.get("derivatives") or ())]:
            blocked.add(normalise(part["id"]))
            blocked.update(normalise(a["value"]) for a in part.get("aliases") or ())
            blocked.update(normalise(a["value"]) for a in part.get("not_flagged") or ())
            blocked_urls.extend(url_key(item) for item in part.get("urls") or ())
    taken |= blocked | set(blocked_urls)
    return Shipped(curated, owner, curated_loaders, taken, blocked, blocked_urls)


def build(found: list[Found], today: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(new datasets, extensions of curated entries) from every registry's findings."""
    known = shipped()
    curated, owner, curated_loaders = known.curated, known.owner, known.curated_loaders
    taken, blocked, hides_blocked = known.taken, known.blocked, known.hides_blocked
    dictionary = words()
    extensions: dict[str, Generated] = {}
    new: dict[str, Generated] = {}
    for item in found:
        key = normalise(item.loader.split("/")[-1] if item.kind == "hf" else item.loader)
        curated_id = curated_loaders.get((item.kind, item.loader.casefold())) or owner.get(key)
        if curated_id is None and item.kind == "hf" and "/" in item.loader:
            curated_id = owner.get(normalise(item.loader))
        if curated_id is not None:
            target = extensions.setdefault(curated_id, Generated(curated_id, "", []))
        elif key in blocked or normalise(item.name) in blocked:
            continue  # the blocklist's own dataset: never a second entry
        else:
            target = new.get(key) or new.setdefault(
                key, Generated(kebab(item.loader), item.name, [])
            )
            target.homepage = target.homepage or item.homepage
            if item.licence and not target.licence:
                target.licence, target.licence_source = item.licence, item.licence_source
                target.licence_evidence = item.licence_evidence
        if item.registry not in target.registries:
            target.registries.append(item.registry)
        ids = target.loaders.setdefault(item.kind, [])
        if (item.kind, item.loader.casefold()) not in curated_loaders and item.loader not in ids:
            ids.append(item.loader)
        target.urls.extend(u for i in map(url_item, item.urls) if i is not None for u in [i])
    # A URL two datasets share names neither.
    url_owners: dict[str, set[int]] = defaultdict(set)
    everything = [*extensions.values(), *new.values()]
    for index, target in enumerate(everything):
        for item in target.urls:
            url_owners[url_key(item)].add(index)
    used: set[str] = set()
    for target in everything:
        kept = []
        for item in target.urls:
            key = url_key(item)
            if len(url_owners[key]) > 1 or key in taken or key in used or hides_blocked(key):
                continue
            if len(kept) < URL_CAP:
                kept.append(item)
                used.add(key)
        target.urls = kept
    ids_used = {entry["id"] for entry in curated} | {normalise(b) for b in blocked}
    names_used = set(taken) | used
    datasets = []
    for target in sorted(new.values(), key=lambda t: t.id):
        base = target.id[:60].strip("-") or "dataset"
        hub = next(iter(target.loaders.get("hf", ())), "")
        if base in ids_used and "/" in hub:
            base = kebab(hub)[:60].strip("-")
        candidate, n = base, 2
        while candidate in ids_used:
            candidate, n = f"{base}-{n}", n + 1
        target.id = candidate
        ids_used.add(candidate)
        for kind, values in target.loaders.items():
            for value in values:
                alias = alias_for(kind, value, dictionary)
                if alias is None:
                    continue
                key = normalise(alias["value"])
                if key in names_used or hides_blocked(key):
                    continue
                names_used.add(key)
                target.aliases.append(alias)
        datasets.append(entry_of(target, today))
    extended = [
        {"extends": t.id, "registries": t.registries, "loaders": cleaned(t.loaders),
         **({"urls": t.urls} if t.urls else {})}
        for t in sorted(extensions.values(), key=lambda t: t.id)
        if cleaned(t.loaders) or t.urls
    ]  # fmt: skip
    return datasets, extended


def alias_for(kind: str, value: str, dictionary: frozenset[str]) -> dict[str, Any] | None:
    """A Hub id with its owner is an alias as it stands; a bare name only when distinctive."""
    if kind == "hf" and "/" in value:
        return {"value": value}
    if kind in {"tfds", "hf"} and distinctive(value, dictionary):
        return {
            "value": value,
            "ambiguous": True,
            "note": "generated: counts only as a dataset name",
        }
    return None


def cleaned(loaders: dict[str, list[str]]) -> dict[str, list[str]]:
    return {kind: sorted(ids) for kind, ids in sorted(loaders.items()) if ids}


def entry_of(target: Generated, today: str) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "id": target.id,
        "name": target.name,
        "registries": target.registries,
        "aliases": target.aliases,
        "loaders": cleaned(target.loaders),
        "urls": target.urls,
        "homepage": target.homepage,
        "licence": target.licence,
        "licence_source": target.licence_source,
        "licence_evidence": target.licence_evidence,
        # A card's licence tag is a tag: low confidence, read on the date given.
        "confidence": "low" if target.licence else None,
        "verified": today if target.licence else None,
    }
    return entry


def collect(wheels: Path, hf_git: Path) -> tuple[list[Found], dict[str, dict[str, str]]]:
    found: list[Found] = []
    registries: dict[str, dict[str, str]] = {}
    for key, project, reader in (
        ("tfds", "tensorflow-datasets", tfds),
        ("torchvision", "torchvision", torch_reader("torchvision")),
        ("torchaudio", "torchaudio", torch_reader("torchaudio")),
        ("torchtext", "torchtext", torch_reader("torchtext")),
        ("keras", "keras", keras),
        ("sklearn", "scikit-learn", sklearn),
        ("lm-eval", "lm-eval", lambda w: eval_harness_ids(w, "lm-eval")),
        ("lighteval", "lighteval", lambda w: eval_harness_ids(w, "lighteval")),
        ("mteb", "mteb", mteb_ids),
    ):  # fmt: skip
        wheel = find_wheel(wheels, project)
        registries[key] = {"package": project, "version": wheel.version, "read": "wheel"}
        found.extend(reader(wheel))
    date = git(hf_git, "show", "-s", "--format=%cs", HF_COMMIT).strip()
    registries["hf-canonical"] = {
        "package": f"{HF_REPO} datasets/",
        "version": f"{HF_COMMIT} ({date})",
        "read": "git",
    }
    found.extend(hf_canonical(hf_git))
    return found, registries


def reconcile(document: dict[str, Any]) -> dict[str, Any]:
    """The generated document made to follow the hand-written files again, without the wheels.

    After a dataset is curated (or blocklisted), the rule ``build`` applies is applied to the
    rows already generated: a generated dataset whose id, name or loader id a curated entry now
    holds becomes an extension of that entry (its loader ids and URLs the entry lacks), one the
    blocklist holds is dropped, and names and URLs the two files now hold are dropped from the
    rest. Nothing is added: a new registry version needs a full run."""
    known = shipped()

    def owner_of(record: dict[str, Any]) -> str | None:
        for kind, ids in record["loaders"].items():
            for value in ids:
                found = known.curated_loaders.get((kind, value.casefold()))
                bare = value.split("/")[-1] if kind == "hf" else value
                found = found or known.owner.get(normalise(bare))
                found = found or known.owner.get(normalise(value))
                if found:
                    return found
        keys = [record["id"], *(alias["value"] for alias in record["aliases"])]
        return next((known.owner[normalise(k)] for k in keys if normalise(k) in known.owner), None)

    def blocked(record: dict[str, Any]) -> bool:
        names = [record["id"], record["name"], *(a["value"] for a in record["aliases"])]
        names += [value for ids in record["loaders"].values() for value in ids]
        return any(normalise(n) in known.blocked for n in names)

    def free(items: list[dict[str, str]]) -> list[dict[str, str]]:
        return [item for item in items if url_key(item) not in known.taken]

    def new_loaders(loaders: dict[str, list[str]]) -> dict[str, list[str]]:
        return cleaned(
            {
                kind: [v for v in ids if (kind, v.casefold()) not in known.curated_loaders]
                for kind, ids in loaders.items()
            }
        )

    extensions = {record["extends"]: dict(record) for record in document["extensions"]}
    datasets = []
    for record in document["datasets"]:
        curated_id = owner_of(record)
        if curated_id is None and blocked(record):
            continue
        if curated_id is None:
            aliases = [a for a in record["aliases"] if normalise(a["value"]) not in known.taken]
            datasets.append({**record, "aliases": aliases, "urls": free(record["urls"])})
            continue
        target = extensions.setdefault(
            curated_id, {"extends": curated_id, "registries": [], "loaders": {}}
        )
        target["registries"] = list(dict.fromkeys([*target["registries"], *record["registries"]]))
        loaders = {kind: list(ids) for kind, ids in target["loaders"].items()}
        for kind, ids in record["loaders"].items():
            loaders[kind] = [*loaders.get(kind, []), *ids]
        target["loaders"] = loaders
        target["urls"] = [*target.get("urls", []), *record["urls"]]
    kept = []
    for curated_id in sorted(extensions):
        target = extensions[curated_id]
        target["loaders"] = new_loaders(target["loaders"])
        urls = free(target.get("urls", []))
        target.pop("urls", None)
        if urls:
            target["urls"] = urls
        if target["loaders"] or urls:
            kept.append(target)
    counts: dict[str, int] = defaultdict(int)
    for record in datasets:
        counts[record["registries"][0]] += 1
    return {
        **document,
        "counts": dict(sorted(counts.items())),
        "extensions": kept,
        "datasets": datasets,
    }


def render(document: dict[str, Any]) -> str:
    """JSON with one dataset per line: diffs stay readable, the file stays fast to load."""
    head = {k: v for k, v in document.items() if k not in {"datasets", "extensions"}}
    lines = ["{"]
    for key, value in head.items():
        lines.append(f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)},")
    for key in ("extensions", "datasets"):
        items = document[key]
        lines.append(f"  {json.dumps(key)}: [")
        for index, item in enumerate(items):
            comma = "," if index < len(items) - 1 else ""
            lines.append("    " + json.dumps(item, ensure_ascii=False) + comma)
        lines.append("  ]" + ("," if key == "extensions" else ""))
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wheels", type=Path, help="folder of downloaded wheels")
    parser.add_argument("--hf-datasets", type=Path, help="git dir of huggingface/datasets")
    parser.add_argument(
        "--reconcile",
        action="store_true",
        help="after a curated or blocklist edit: apply it to the generated file (no wheels)",
    )
    parser.add_argument("--date", default=datetime.date.today().isoformat())
    parser.add_argument("--data-version", help="default: catalogue.yaml's data_version")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(list(argv) if argv is not None else None)
    if args.reconcile:
        document = reconcile(json.loads(args.output.read_text(encoding="utf-8")))
        document["data_version"] = args.data_version or str(
            load_yaml(KNOWLEDGE / "catalogue.yaml")["data_version"]
        )
        args.output.write_text(render(document), encoding="utf-8")
        sys.stdout.write(
            f"{len(document['datasets'])} generated datasets, "
            f"{len(document['extensions'])} curated entries extended\n"
        )
        return 0
    if args.wheels is None or args.hf_datasets is None:
        parser.error("--wheels and --hf-datasets are needed (or --reconcile)")
    found, registries = collect(args.wheels, args.hf_datasets)
    datasets, extensions = build(found, args.date)
    version = args.data_version or str(load_yaml(KNOWLEDGE / "catalogue.yaml")["data_version"])
    counts: dict[str, int] = defaultdict(int)
    for entry in datasets:
        counts[entry["registries"][0]] += 1
    document = {
        "generated": f"by {COMMAND}; do not edit: edit catalogue.yaml or the script and rerun",
        "data_version": version,
        "generated_on": args.date,
        "registries": registries,
        "counts": dict(sorted(counts.items())),
        "extensions": extensions,
        "datasets": datasets,
    }
    args.output.write_text(render(document), encoding="utf-8")
    licensed = sum(1 for entry in datasets if entry["licence"])
    sys.stdout.write(
        f"{len(datasets)} new datasets ({licensed} with a card licence), "
        f"{len(extensions)} curated entries extended: {dict(counts)}\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
