"""Configuration: ``[tool.datasheet-lint]`` in pyproject.toml or ``.datasheet-lint.yaml``.

Both hold the same keys. Every mistake is a UserError naming the file, the line and the key,
with a hint; unknown keys are errors (a typo must not silently disable a check).
"""

from __future__ import annotations

import dataclasses
import os
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from datasheet_lint.errors import UserError
from datasheet_lint.lazyregex import lazy
from datasheet_lint.models import Severity

YAML_NAMES = (".datasheet-lint.yaml", ".datasheet-lint.yml")
FAIL_LEVELS = ("error", "warning", "info", "never")
USES = ("commercial", "academic")
ACTIVITIES = ("train", "evaluate", "fine-tune", "redistribute-data", "publish-model")
DEFAULT_ACTIVITIES = ("train", "evaluate")
KINDS = ("load", "url", "path", "config", "mention", "model")
REQUIRE_DATASHEET = ("load", "url", "path", "config")
SEVERITY_BY_KIND = {"mention": Severity.WARNING}  # prose: at most a warning
SIZE = lazy(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]?i?b?)?\s*$", re.IGNORECASE)
SIZE_UNITS = {
    "": 1,
    "b": 1,
    "kb": 1000,
    "mb": 1000**2,
    "gb": 1000**3,
    "kib": 1024,
    "mib": 1024**2,
    "gib": 1024**3,
    "k": 1000,
    "m": 1000**2,
    "g": 1000**3,
}


@dataclass(frozen=True, slots=True)
class Allow:
    """A dataset the repository may reference anyway, and why (e.g. it studies its harms)."""

    dataset: str
    reason: str


@dataclass(frozen=True, slots=True)
class Config:
    """Everything that changes what a run checks or reports."""

    root: Path
    source: str = ""  # the file the settings came from, for messages
    select: tuple[str, ...] = ("DSL",)
    ignore: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    default_exclude: bool = True  # skip virtual environments, node_modules, caches
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    blocklists: tuple[str, ...] = ()
    allow: tuple[Allow, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=lambda: MappingProxyType({}))
    # The highest severity of a finding on a reference of each kind: prose that names a
    # dataset ("trained on MS1MV2") weighs less than code that loads it.
    severity_by_kind: Mapping[str, Severity] = field(
        default_factory=lambda: MappingProxyType(SEVERITY_BY_KIND)
    )
    fail_on: str = "error"
    max_file_size: int = 5_000_000
    baseline: str = ".datasheet-lint-baseline.json"  # relative to the root
    datasheets: str = "datasheets"  # the folder of YAML datasheets, relative to the root
    datasheet_files: tuple[str, ...] = ()  # more datasheets: dataset cards, Croissant files
    require_datasheet: tuple[str, ...] = REQUIRE_DATASHEET  # reference kinds that need one
    use: str | None = None  # "commercial" or "academic": what the repository's work is for
    activities: tuple[str, ...] = DEFAULT_ACTIVITIES  # what it does with the data
    # Command line only:
    tracked_only: bool = False  # skip untracked files in a git work tree
    staged: bool = False  # read files from git's index
    diff: str | None = None  # report only lines changed since this revision
    use_baseline: bool = True
    outputs: tuple[Path, ...] = ()  # reports this run writes (--output): never scanned
    nested_projects: tuple[str, ...] = ()  # folders with settings of their own (projects.py)

    def with_overrides(self, **changes: Any) -> Config:
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})


class _Reader:
    """Checks one raw mapping key by key; knows how to point at a key's line."""

    def __init__(
        self, raw: Mapping[str, Any], display: str, line_of: Callable[[str], int], root: Path
    ) -> None:
        self.raw = raw
        self.root = root
        self.display = display
        self.line_of = line_of

    def fail(self, key: str, message: str, hint: str = "") -> UserError:
        line = self.line_of(key)
        location = f"{self.display}:{line}" if line else self.display
        return UserError(message, location=location, hint=hint)

    def strings(self, key: str) -> tuple[str, ...]:
        value = self.raw[key]
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(key, f"'{key}' must be a list of strings")
        return tuple(value)

    def codes(
        self, key: str, values: tuple[str, ...] | None = None, *, exact: bool = False
    ) -> tuple[str, ...]:
        """Rule codes, prefixes or names, each matching at least one rule (a typo must not
        select nothing, or ignore nothing, in silence)."""
        from datasheet_lint import selectors

        result = []
        for value in self.strings(key) if values is None else values:
            found = selectors.resolve(value, exact=exact)
            if found is None:
                message, hint = selectors.unknown_message(value, f"'{key}'", exact=exact)
                raise self.fail(key, message, hint=hint)
            result.append(found)
        return tuple(result)


MAX_SIZE = 1 << 30  # 1 GiB: a file is read whole; a larger "limit" is a typo or an attack


def _size(reader: _Reader, key: str) -> int:
    """A size in bytes: a whole number, or digits with a unit ("5MB", "1.5 MiB")."""
    value = reader.raw[key]
    wrong = f"'{key}' must be a size such as 5000000 or \"5MB\""
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise reader.fail(key, wrong)
    if isinstance(value, int):
        size = value
    else:
        match = SIZE.match(value) if len(value) < 40 else None
        unit = (match.group(2) or "").lower() if match else ""
        if match is None or unit not in SIZE_UNITS:
            raise reader.fail(key, f"{wrong}, not {value[:40]!r}")
        whole, _, fraction = match.group(1).partition(".")
        scale = SIZE_UNITS[unit]
        # Exact arithmetic: float("0.1") * 1 would silently round down to 0 bytes.
        size = (int(whole + fraction) * scale) // 10 ** len(fraction)
    if not 1 <= size <= MAX_SIZE:
        raise reader.fail(
            key,
            f"'{key}' must be between 1 byte and 1GiB",
            hint="the default is 5MB; a file over the limit is listed as skipped",
        )
    return size


def _allow(reader: _Reader, key: str) -> tuple[Allow, ...]:
    value = reader.raw[key]
    if not isinstance(value, list):
        raise reader.fail(key, f"'{key}' must be a list of {{dataset, reason}} tables")
    result = []
    for item in value:
        if not isinstance(item, Mapping) or set(item) != {"dataset", "reason"}:
            raise reader.fail(
                key,
                f"each '{key}' item needs exactly 'dataset' and 'reason'",
                hint='allow = [{dataset = "ms-celeb-1m", reason = "we audit it"}]',
            )
        if not isinstance(item["dataset"], str) or not isinstance(item["reason"], str):
            raise reader.fail(key, f"'{key}': dataset and reason must be strings")
        if not item["reason"].strip():
            raise reader.fail(
                key,
                f"'{key}': the reason for {item['dataset']!r} is empty",
                hint="say why this repository may use the dataset",
            )
        result.append(Allow(item["dataset"].strip(), item["reason"].strip()))
    return tuple(result)


def _mapping(reader: _Reader, key: str) -> Mapping[str, Any]:
    value = reader.raw[key]
    if not isinstance(value, Mapping):
        raise reader.fail(key, f"'{key}' must be a table (mapping)")
    return value


def _severity(reader: _Reader, key: str) -> dict[str, Severity]:
    result = {}
    for code, level in _mapping(reader, key).items():
        (checked,) = reader.codes(key, (str(code),), exact=True)
        if not isinstance(level, str) or level.lower() not in {"error", "warning", "info"}:
            raise reader.fail(key, f"'{key}': {code} must be error, warning or info, not {level!r}")
        result[checked] = Severity.parse(level)
    return result


def _level(reader: _Reader, key: str, what: str, level: Any) -> Severity:
    levels = ("error", "warning", "info")
    if isinstance(level, str) and level.strip().lower() in levels:
        return Severity.parse(level)
    close = _close(str(level).lower(), levels) if isinstance(level, str) else []
    hint = f"did you mean '{close[0]}'?" if close else "one of error, warning, info"
    raise reader.fail(key, f"'{key}': {what} must be error, warning or info, not {level!r}", hint)


def _severity_by_kind(reader: _Reader, key: str) -> Mapping[str, Severity]:
    """``{mention = "info"}``: kinds of reference to the highest severity of their findings.
    Kinds not named keep the default (mentions at most a warning)."""
    result = dict(SEVERITY_BY_KIND)
    for kind, level in _mapping(reader, key).items():
        if kind not in KINDS:
            close = _close(str(kind).lower(), KINDS)
            hint = f"did you mean '{close[0]}'?" if close else f"kinds: {', '.join(KINDS)}"
            raise reader.fail(key, f"'{key}': unknown reference kind {kind!r}", hint=hint)
        result[kind] = _level(reader, key, str(kind), level)
    return MappingProxyType(result)


def _per_file(reader: _Reader, key: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    result = []
    for pattern, codes in _mapping(reader, key).items():
        values = (codes,) if isinstance(codes, str) else codes
        if not isinstance(values, list | tuple) or not all(isinstance(c, str) for c in values):
            raise reader.fail(key, f"'{key}': {pattern!r} must map to a list of codes")
        result.append((_glob(reader, key, str(pattern)), reader.codes(key, tuple(values))))
    return tuple(result)


def _inside(reader: _Reader, key: str, value: str) -> str:
    """A path a setting names, checked as written and as the file system resolves it."""
    from datasheet_lint import projectfiles

    clean = projectfiles.normalised(value)
    if clean is None or not projectfiles.is_inside(reader.root, reader.root / clean):
        raise reader.fail(
            key,
            f"'{key}' must name a path inside the project, not {value[:200]!r}",
            hint="paths are relative to the project root, without '..' or links out of it",
        )
    return clean


def _path(reader: _Reader, key: str) -> str:
    value = reader.raw[key]
    if not isinstance(value, str):
        raise reader.fail(key, f"'{key}' must be a path inside the project")
    return _inside(reader, key, value)


def _paths(reader: _Reader, key: str) -> tuple[str, ...]:
    return tuple(_inside(reader, key, value) for value in reader.strings(key))


def _glob(reader: _Reader, key: str, pattern: str) -> str:
    from datasheet_lint.globs import GlobError, check

    try:
        check(pattern)
    except GlobError as err:
        raise reader.fail(key, f"'{key}': {err}", hint="write a literal '[' as '[[]'") from None
    return pattern


def _globs(reader: _Reader, key: str) -> tuple[str, ...]:
    return tuple(_glob(reader, key, value) for value in reader.strings(key))


def _bool(reader: _Reader, key: str) -> bool:
    value = reader.raw[key]
    if not isinstance(value, bool):
        raise reader.fail(key, f"'{key}' must be true or false, not {value!r}")
    return value


def _fail_on(reader: _Reader, key: str) -> str:
    value = reader.raw[key]
    if value not in FAIL_LEVELS:
        raise reader.fail(key, f"'{key}' must be one of {', '.join(FAIL_LEVELS)}, not {value!r}")
    return str(value)


def _close(word: str, choices: Sequence[str]) -> list[str]:
    """The choice a misspelt word most likely means, for "did you mean" hints."""
    import difflib  # only a wrong setting needs it

    return difflib.get_close_matches(word, choices, n=1)


def _choice(choices: tuple[str, ...]) -> Callable[[_Reader, str], str]:
    def read(reader: _Reader, key: str) -> str:
        value = reader.raw[key]
        if value not in choices:
            raise reader.fail(key, f"'{key}' must be one of {', '.join(choices)}, not {value!r}")
        return str(value)

    return read


def _choices(choices: tuple[str, ...]) -> Callable[[_Reader, str], tuple[str, ...]]:
    def read(reader: _Reader, key: str) -> tuple[str, ...]:
        values = reader.strings(key)
        for value in values:
            if value not in choices:
                close = _close(value, choices)
                hint = f"did you mean '{close[0]}'?" if close else f"one of {', '.join(choices)}"
                raise reader.fail(key, f"'{key}': unknown value {value!r}", hint=hint)
        return tuple(dict.fromkeys(values))

    return read


KEYS: dict[str, tuple[str, Callable[[_Reader, str], Any]]] = {
    "select": ("select", lambda r, k: r.codes(k)),
    "ignore": ("ignore", lambda r, k: r.codes(k)),
    "exclude": ("exclude", _globs),
    "default-exclude": ("default_exclude", _bool),
    "per-file-ignores": ("per_file_ignores", _per_file),
    "blocklist": ("blocklists", _paths),
    "allow": ("allow", _allow),
    "severity": ("severity", _severity),
    "severity-by-kind": ("severity_by_kind", _severity_by_kind),
    "fail-on": ("fail_on", _fail_on),
    "max-file-size": ("max_file_size", _size),
    "baseline": ("baseline", _path),
    "datasheets": ("datasheets", _path),
    "datasheet-files": ("datasheet_files", _paths),
    "require-datasheet": ("require_datasheet", _choices(KINDS)),
    "use": ("use", _choice(USES)),
    "activities": ("activities", _choices(ACTIVITIES)),
}


def parse(raw: Any, *, root: Path, display: str, line_of: Callable[[str], int]) -> Config:
    """Check a raw settings mapping and build a Config."""
    if raw is None:
        return Config(root=root, source=display)
    if not isinstance(raw, Mapping):
        raise UserError("the settings must be a mapping of keys to values", location=display)
    reader = _Reader(raw, display, line_of, root)
    values: dict[str, Any] = {}
    for key in raw:
        if key not in KEYS:
            close = _close(str(key).replace("_", "-"), list(KEYS))
            hint = f"did you mean '{close[0]}'?" if close else f"known keys: {', '.join(KEYS)}"
            raise reader.fail(str(key), f"unknown key '{key}'", hint=hint)
        field_name, read = KEYS[key]
        values[field_name] = read(reader, key)
    return Config(root=root, source=display, **values)


def _toml_line_of(text: str) -> Callable[[str], int]:
    def line_of(key: str) -> int:
        in_table = False
        for number, line in enumerate(text.splitlines(), start=1):
            stripped = line.strip()
            if stripped.startswith("["):
                in_table = stripped.startswith(("[tool.datasheet-lint", '[tool."datasheet-lint"'))
                if in_table and stripped.rstrip("]").endswith(f".{key}"):
                    return number
            elif in_table and re.match(rf"""["']?{re.escape(key)}["']?\s*=""", stripped):
                return number
        return 0

    return line_of


def mask_settings(pyproject_text: str) -> str:
    """The text with the ``[tool.datasheet-lint]`` tables blanked (line count kept).

    The settings name datasets (``allow``) on purpose; they are not references.
    """
    lines = pyproject_text.split("\n")
    inside = False
    for number, line in enumerate(lines):
        stripped = line.strip()
        if stripped.startswith("["):
            inside = stripped.replace('"datasheet-lint"', "datasheet-lint").startswith(
                "[tool.datasheet-lint"
            )
        if inside:
            lines[number] = ""
    return "\n".join(lines)


def _from_pyproject(path: Path, root: Path, display: str) -> Config | None:
    text = _read(path, display)
    if "datasheet-lint" not in text:
        return None  # another tool's file: its TOML errors are not ours to report
    if sys.version_info >= (3, 11):  # only a project with settings pays for the parser
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise UserError(f"invalid TOML: {err}", location=display) from None
    tool = document.get("tool")
    if not isinstance(tool, Mapping) or "datasheet-lint" not in tool:
        return None
    return parse(tool["datasheet-lint"], root=root, display=display, line_of=_toml_line_of(text))


def _from_yaml(path: Path, root: Path, display: str) -> Config:
    from datasheet_lint import yamlio

    document = yamlio.load_yaml(_read(path, display), origin=display)

    def line_of(key: str) -> int:
        where = yamlio.position(document, [key]) if isinstance(document, Mapping) else None
        return where[0] if where else 0

    return parse(document, root=root, display=display, line_of=line_of)


MAX_SETTINGS_SIZE = 1_000_000  # settings are a few lines; pyproject.toml a few kilobytes


def _read(path: Path, display: str) -> str:
    from datasheet_lint import projectfiles

    refuse_outside_link(path, display)
    return projectfiles.read_text(
        path, limit=MAX_SETTINGS_SIZE, display=display, what="configuration"
    )


def refuse_outside_link(path: Path, display: str) -> None:
    """A settings or data file that is a symbolic link out of the project is never read."""
    if not path.is_symlink():
        return
    project = path.parent.resolve()
    target = Path(os.path.realpath(path))
    if os.path.commonpath([project, target]) != str(project):
        raise UserError(
            "is a symbolic link out of the project; not reading it",
            location=display,
            hint="replace the link with the file itself",
        )


def declares_settings(directory: Path) -> bool:
    """True if this folder holds datasheet-lint settings (it is then a project root)."""
    if any((directory / name).is_file() for name in YAML_NAMES):
        return True
    pyproject = directory / "pyproject.toml"
    try:
        if not pyproject.is_file():  # a FIFO or a device is not a settings file
            return False
        if pyproject.is_symlink():  # a link out of the folder is not read, even to look
            from datasheet_lint import projectfiles

            if not projectfiles.is_inside(directory, pyproject):
                return False
        with pyproject.open("rb") as handle:  # bounded: the file is the repository's
            head = handle.read(MAX_SETTINGS_SIZE).decode("utf-8", errors="replace")
    except OSError:
        return False
    return "tool.datasheet-lint" in head.replace('"datasheet-lint"', "datasheet-lint")


def load(root: Path, explicit: Path | None = None) -> Config:
    """The settings for a project root: an explicit file, else the root's own files."""
    if explicit is not None:
        display = str(explicit)
        if not explicit.is_file():
            raise UserError("configuration file not found", location=display)
        if explicit.name == "pyproject.toml":
            return _from_pyproject(explicit, root, display) or Config(root=root, source=display)
        return _from_yaml(explicit, root, display)
    yaml_files = [root / name for name in YAML_NAMES if (root / name).is_file()]
    pyproject = root / "pyproject.toml"
    from_toml = _from_pyproject(pyproject, root, "pyproject.toml") if pyproject.is_file() else None
    if yaml_files and from_toml is not None:
        raise UserError(
            "settings found in both pyproject.toml and " + yaml_files[0].name,
            location=yaml_files[0].name,
            hint="keep one of them; datasheet-lint does not merge the two",
        )
    if yaml_files:
        return _from_yaml(yaml_files[0], root, yaml_files[0].name)
    return from_toml or Config(root=root)
