"""Properties of the datasheet loader, the licence parser and `init`'s scaffold, for any input.

- Any text, as a YAML datasheet, a dataset card or a Croissant file: loading, validating and
  every rule never raise, and every position they report lies inside the file.
- Any JSON-like document in the datasheet's shape, with random values in random places: same.
- Any licence string: the parser returns a parse, a reason or "unstated", never raises; a
  valid expression's normal form parses to itself; the licence rules never raise on it.
- Any dataset id (odd characters, unicode, quotes, colons, newlines): `init`'s scaffold is YAML
  that loads without a problem once its TODOs are answered, and keeps the name and loader id.

Example counts are the ``max_examples`` below; ``EXAMPLES`` counts the examples that ran
(``pytest -s`` prints them at the end of this module).
"""

from __future__ import annotations

import io
import json
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, event, example, given, settings
from hypothesis import strategies as st
from tests.test_init import fill

from datasheet_lint import engine, yamlio
from datasheet_lint.config import Config
from datasheet_lint.datasheets import load, validate
from datasheet_lint.datasheets.match import Coverage
from datasheet_lint.datasheets.scaffold import file_id, scaffold
from datasheet_lint.extract import extract
from datasheet_lint.knowledge import blocklist, catalogue
from datasheet_lint.knowledge.resolve import Knowledge
from datasheet_lint.licences import spdx, table
from datasheet_lint.licences.reading import read_all
from datasheet_lint.models import Finding, SourceFile
from datasheet_lint.rules import RULES, Context

KNOWLEDGE = Knowledge.build(blocklist.builtin(), catalogue.builtin())
TABLE = table.builtin()
CONFIG = Config(
    root=Path(),
    use="commercial",
    activities=("train", "evaluate", "fine-tune", "redistribute-data", "publish-model"),
)
CODE = SourceFile(
    "train.py",
    "from datasets import load_dataset\n"
    + "".join(f'load_dataset("{name}")\n' for name in ["x", "ylecun/mnist", "ms1mv2", "a-b"]),
)
REFERENCES = tuple(extract(CODE, KNOWLEDGE))
EXAMPLES: Counter[str] = Counter()
SETTINGS = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.filter_too_much],
}

# --- helpers ----------------------------------------------------------------------------------


def run_rules(loaded: load.Loaded) -> list[Finding]:
    """Every rule (meta rules too) over the loaded datasheets and a few references."""
    sheets = tuple(loaded.sheets)
    terms, readings = read_all(sheets, CONFIG.use, CONFIG.activities)
    context = Context(
        config=CONFIG,
        knowledge=KNOWLEDGE,
        references=REFERENCES,
        suppressions=(),
        model_cards=(),
        datasheets=sheets,
        problems=tuple(loaded.problems),
        coverage=Coverage.build(loaded.sheets, KNOWLEDGE),
        readings=readings,
        terms=terms,
        schema=validate.schema(),
        selected=frozenset(RULES),
        whole_repository=True,
        scanned_paths=frozenset({CODE.path, *loaded.paths}),
    )
    return [finding for rule in RULES.values() for finding in rule.check(context)]


def assert_inside(text: str, path: str, line: int, column: int, what: object) -> None:
    lines = text.split("\n")
    assert 1 <= line <= len(lines), (path, line, len(lines), what)
    assert 1 <= column <= len(lines[line - 1]) + 1, (path, line, column, what)


def load_and_check(path: str, text: str) -> load.Loaded:
    """Load one file; run every rule; every position must be inside the file."""
    loaded = load.load([(path, text)])
    for problem in loaded.problems:
        where = problem.location
        assert where.path == path
        assert_inside(text, path, where.line, where.column, problem)
    for sheet in loaded.sheets:
        for node, (line, column) in sheet.anchors.items():
            assert_inside(text, path, line, column, node)
    for finding in run_rules(loaded):
        where = finding.location
        if where.path == path:
            assert_inside(text, path, where.line, where.column, finding)
        else:
            assert where.path == CODE.path, finding
    return loaded


# --- random text ------------------------------------------------------------------------------

YAML_PIECES = st.sampled_from(
    [
        "datasheet_version: 1\n",
        "id: ",
        "name: ",
        "a-b",
        "ms1mv2",
        "TODO",
        "\n",
        "  ",
        "- ",
        ": ",
        "[",
        "]",
        "{",
        "}",
        ",",
        "&a ",
        "*a",
        "<<: ",
        "!!python/object/apply:os.system ",
        "!tag ",
        "'",
        '"',
        "# c\n",
        "---\n",
        "...\n",
        "? ",
        "|\n",
        ">-\n",
        "%YAML 1.2\n",
        "\t",
        "\r",
        "\x00",
        "\x7f",
        "\ufeff",
        "é",
        "\\",
        "@",
        "`",
        "distribution:\n  license: ",
        "MIT AND (",
        "lineage:\n  derived_from:\n    - id: ",
        "composition:\n  contains_people: 'yes'\n  personal_data: ",
        "[biometric]",
        "collection:\n  consent: ",
        "maintenance:\n  status: retracted\n",
        "loaders:\n  hf: ",
        "aliases: ",
        "uses:\n  this_repository: ",
        "pretty_name: x\n",
        "license: ",
        "datasheet:\n  ",
    ]
)
SOUP = st.lists(st.one_of(YAML_PIECES, st.text(max_size=6)), max_size=40).map("".join)
PLACES = st.sampled_from(["yaml", "card", "croissant"])


def as_file(place: str, text: str) -> tuple[str, str]:
    """(path, text) of a datasheet file of that kind holding ``text``. Line ends are
    normalised, as the scan hands text over."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if place == "card":
        return "data/set/README.md", f"---\npretty_name: x\n{text}\n---\n# Set\n"
    if place == "croissant":
        return "data/set.croissant.json", text
    return "datasheets/set.yaml", text


# --- random documents in the datasheet's shape ------------------------------------------------

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=12),
    st.sampled_from(["TODO", "TODO: x", "yes", "no", "obtained", "ms1mv2", "MIT OR (", "x-a"]),
)
KEYS = st.one_of(
    st.sampled_from(
        ["id", "name", "license", "derived_from", "personal_data", "status", "x-own", "@id"]
    ),
    st.text(max_size=6),
)
JSON = st.recursive(
    SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(KEYS, children, max_size=4)
    ),
    max_leaves=20,
)
SPECIAL = st.lists(
    st.sampled_from(["biometric", "health", "names", "genetic", 5, None]), max_size=3
)


def shaped(value: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """A field's usual value most of the time, anything JSON can hold otherwise."""
    return st.one_of(value, JSON)


SHEET = st.fixed_dictionaries(
    {
        "datasheet_version": shaped(st.just(1)),
        "id": shaped(st.sampled_from(["a-b", "x", "ms1mv2", "mnist"])),
        "name": shaped(st.text(max_size=10)),
        "description": shaped(st.just("d")),
        "aliases": shaped(st.lists(st.text(max_size=6), max_size=3)),
        "loaders": shaped(st.dictionaries(st.sampled_from(["hf", "tfds", "x"]), JSON, max_size=2)),
        "composition": shaped(
            st.fixed_dictionaries(
                {"contains_people": shaped(st.just("yes")), "personal_data": shaped(SPECIAL)}
            )
        ),
        "collection": shaped(st.fixed_dictionaries({"consent": shaped(st.just("not-obtained"))})),
        "distribution": shaped(
            st.fixed_dictionaries(
                {
                    "license": shaped(st.sampled_from(["CC-BY-NC-ND-4.0", "MIT", "other", "("])),
                    "terms": JSON,
                }
            )
        ),
        "maintenance": shaped(
            st.fixed_dictionaries(
                {
                    "status": shaped(st.sampled_from(["retracted", "deprecated", "active"])),
                    "status_sources": JSON,
                    "replacement": JSON,
                }
            )
        ),
        "uses": shaped(st.fixed_dictionaries({"this_repository": JSON})),
        "lineage": shaped(
            st.fixed_dictionaries(
                {
                    "derived_from": shaped(
                        st.lists(
                            st.fixed_dictionaries(
                                {"id": shaped(st.sampled_from(["ms1mv2", "a-b", "x"]))},
                                optional={"relation": JSON},
                            ),
                            max_size=4,
                        )
                    )
                }
            )
        ),
    },
    optional={"extra": JSON},
)


def block_yaml(document: Any) -> str:
    """A document as block-style YAML, the way people write datasheets."""
    from ruamel.yaml import YAML

    out = io.StringIO()
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.dump(document, out)
    return out.getvalue()


BLOCK = SHEET.map(block_yaml)
# Valid block YAML with one hostile piece put in at a random place.
MUTATED = st.tuples(BLOCK, st.integers(0, 10_000), YAML_PIECES).map(
    lambda t: t[0][: t[1] % (len(t[0]) + 1)] + t[2] + t[0][t[1] % (len(t[0]) + 1) :]
)
TEXT = st.one_of(SOUP, BLOCK, MUTATED)


CROISSANT_KEYS = [
    "name",
    "description",
    "version",
    "url",
    "citeAs",
    "creator",
    "license",
    "prov:wasDerivedFrom",
    "isBasedOn",
    "creativeWorkStatus",
    "distribution",
    "datasheet",
]


@settings(max_examples=300, **SETTINGS)  # type: ignore[call-overload]
@given(sheet=SHEET, place=PLACES, croissant=st.dictionaries(st.sampled_from(CROISSANT_KEYS), JSON))
def test_any_document_in_the_datasheet_shape(
    sheet: dict[str, Any], place: str, croissant: dict[str, Any]
) -> None:
    EXAMPLES["random documents"] += 1
    if place == "yaml":
        path, text = "datasheets/set.yaml", json.dumps(sheet, indent=1)
    elif place == "card":
        front = {"pretty_name": "x", "license": sheet["id"], "datasheet": sheet}
        path, text = "data/set/README.md", f"---\n{json.dumps(front, indent=1)}\n---\n# Set\n"
    else:
        path, text = "data/set.croissant.json", json.dumps({**croissant, "datasheet": sheet})
    loaded = load_and_check(path, text)
    assert loaded.paths == {path}


@settings(max_examples=400, **SETTINGS)  # type: ignore[call-overload]
@given(text=TEXT, place=PLACES)
@example(text="- - " * 200 + "x", place="yaml")
@example(text="a: 1\n" + "\x7f", place="yaml")
@example(text="id: x\nid: y", place="card")
@example(text="a: &x 1\nb: &x 2\nc: *x\n", place="yaml")  # ruamel warned on stderr once
@example(text='{"distribution": 5, "license": [1, {"@id": 2}]}', place="croissant")
@example(text="? aliases: []\nid: a-b\n", place="yaml")  # a complex key holding a list
@example(text="---\n? {a: [1]}\n: b\n---\n", place="card")
def test_any_text_loads_validates_and_checks_without_raising(text: str, place: str) -> None:
    EXAMPLES["random text"] += 1
    loaded = load_and_check(*as_file(place, text))
    event("loaded as a datasheet" if loaded.sheets else "refused or not a datasheet")


# --- licences ---------------------------------------------------------------------------------

LICENCE_PIECES = st.sampled_from(
    [
        "MIT",
        "Apache-2.0",
        "CC-BY-4.0",
        "CC-BY-NC-SA-4.0",
        "cc-by-nd-4.0",
        "GPL-2.0-or-later",
        "GPL-3.0",
        "GPL-2.0+",
        "LicenseRef-own",
        "DocumentRef-a:LicenseRef-b",
        "LicenseRef-",
        "AND",
        "OR",
        "WITH",
        "and",
        "Classpath-exception-2.0",
        "(",
        ")",
        "+",
        ":",
        "other",
        "NOASSERTION",
        "NONE",
        "\x00",
        "\n",
        "é",
    ]
)
LICENCE = st.one_of(
    st.lists(st.one_of(LICENCE_PIECES, st.text(max_size=4)), max_size=30).map(" ".join),
    st.text(max_size=60),
)


@settings(max_examples=1000, **SETTINGS)  # type: ignore[call-overload]
@given(text=LICENCE)
@example(text="MIT AND " * 12_800 + "MIT")
@example(text="(" * 5_000 + "MIT" + ")" * 5_000)
@example(text=" AND ".join(["(MIT OR Apache-2.0)"] * 12))
@example(text="GPL-2.0-only WITH")
def test_any_licence_string_parses_or_says_why(text: str) -> None:
    EXAMPLES["licence strings"] += 1
    parsed = spdx.parse(text, TABLE)
    if isinstance(parsed, spdx.Malformed):
        assert parsed.reason and parsed.text
        assert len(parsed.text) <= spdx.MAX_CHARS + 3
    elif isinstance(parsed, spdx.Expression):
        assert parsed.options and all(parsed.options)
        again = spdx.parse(parsed.normalised, TABLE)
        assert isinstance(again, spdx.Expression), (parsed.normalised, again)
        assert again.normalised == parsed.normalised
    else:
        assert isinstance(parsed, spdx.Unstated)
    for printed in (parsed.text, getattr(parsed, "reason", "")):
        assert not re.search(r"[\x00-\x1f\x7f]", printed), printed


@settings(max_examples=300, **SETTINGS)  # type: ignore[call-overload]
@given(text=LICENCE, place=PLACES, terms=JSON)
def test_the_licence_rules_never_raise_on_any_licence(text: str, place: str, terms: Any) -> None:
    EXAMPLES["licences through the rules"] += 1
    sheet = {
        "datasheet_version": 1,
        "id": "a-b",
        "name": "A B",
        "distribution": {"license": text, "terms": terms},
    }
    if place == "yaml":
        load_and_check("datasheets/set.yaml", json.dumps(sheet))
    elif place == "card":
        front = json.dumps({"pretty_name": "A B", "license": text, "datasheet": sheet})
        load_and_check("data/a-b/README.md", f"---\n{front}\n---\n")
    else:
        load_and_check("data/a-b.croissant.json", json.dumps({"name": "a-b", "license": text}))


# --- init's scaffold ---------------------------------------------------------------------------

ODD = st.text(
    st.characters(blacklist_categories=("Cs",))
    | st.sampled_from(list("\"':#&*!|>%@`{}[],-?\n\t ")),
    min_size=1,
    max_size=20,
)
SOURCES = st.one_of(st.sampled_from(["hf", "kaggle", "tfds", "torchvision", "local", "url"]), ODD)


@settings(max_examples=300, **SETTINGS)  # type: ignore[call-overload]
@given(source=SOURCES, org=ODD, name=ODD)
@example(source="hf", org="org", name='na"me: with, colons')
@example(source="#comment", org="o", name="n")
@example(source="- item", org="o", name="n")
@example(source="hf", org="o", name="yes")
@example(source="A\n", org="0", name="0")  # a key ending in a newline: quoted
@example(source="url", org="0", name=" ?")  # a URL's cut query leaves no space
@example(source="local", org="0\r", name=" ")  # nor does a path's cut slash
def test_init_writes_yaml_that_validates_once_answered(source: str, org: str, name: str) -> None:
    argument = f"{source}:{org}/{name}"
    assume(argument.strip() and "todo" not in argument.lower())
    EXAMPLES["init dataset ids"] += 1
    dataset = engine.dataset_for(argument, KNOWLEDGE)
    plan = scaffold(dataset, KNOWLEDGE)
    assert plan.filename == file_id(dataset) + ".yaml"
    assert re.fullmatch(r"[a-z0-9][a-z0-9._-]*\.yaml", plan.filename), plan.filename
    document = yamlio.load_yaml(plan.text, origin=plan.filename)  # valid YAML, or this raises
    assert yamlio.first_tag(document) is None
    filled = fill(plan.text)
    loaded = load.load([(f"datasheets/{plan.filename}", filled)])
    assert loaded.problems == [], [p.message for p in loaded.problems]
    [sheet] = loaded.sheets
    assert sheet.id == file_id(dataset)
    known = KNOWLEDGE.catalogue.datasets.get(dataset) or KNOWLEDGE.blocklist.get(dataset)
    if known is None:  # an unknown dataset keeps the id and name it was asked for
        written_source, _, written_name = dataset.partition(":")
        assert sheet.data["name"] == (written_name or dataset)
        if written_name:
            assert (written_source, written_name) in sheet.loaders or not written_name.strip()


@pytest.fixture(scope="module", autouse=True)
def report_example_counts() -> Iterator[None]:
    yield
    print("\nhypothesis examples run:", dict(EXAMPLES))
