"""Every name in the shipped blocklist is found as its own dataset, and nothing shadows it."""

from __future__ import annotations

from tests.conftest import MakeRepo, RunCli, findings

from datasheet_lint.extract import extract
from datasheet_lint.knowledge import catalogue
from datasheet_lint.knowledge.blocklist import Alias, builtin
from datasheet_lint.knowledge.resolve import Knowledge
from datasheet_lint.models import SourceFile

KNOWLEDGE = Knowledge.build(builtin(), catalogue.builtin())


def _line(alias: Alias) -> str:
    """A line that uses the name the way real code does."""
    if alias.needs_near:
        return f"{alias.value} {alias.near[0]}" if alias.near else ""
    if alias.ambiguous:
        return f"dataset: {alias.value}"
    return f"source: {alias.value}"


def test_every_alias_resolves_to_its_own_dataset() -> None:
    data = builtin()
    named = [a for a in data.aliases if a.dataset is not None and _line(a)]
    text = "\n".join(_line(alias) for alias in named) + "\n"
    references = extract(SourceFile("all.yaml", text), KNOWLEDGE)
    by_line: dict[int, set[str]] = {}
    for ref in references:
        by_line.setdefault(ref.location.line, set()).add(ref.dataset)
    wrong = {
        alias.value: by_line.get(number)
        for number, alias in enumerate(named, start=1)
        if alias.dataset not in by_line.get(number, set())
    }
    assert wrong == {}
    assert len(named) > 250  # names and URLs of 17 entries and 40 derivatives


def test_look_alikes_never_resolve() -> None:
    data = builtin()
    look_alikes = [a.value for a in data.aliases if a.dataset is None]
    text = "\n".join(f"dataset: {value}" for value in look_alikes) + "\n"
    found = {ref.dataset for ref in extract(SourceFile("x.yaml", text), KNOWLEDGE)}
    # A look-alike is never the blocklisted dataset; it may be a catalogued one (CelebA).
    assert not found & set(data.datasets)
    assert len(look_alikes) >= 20


def test_a_hub_look_alike_loaded_in_code_keeps_its_own_id() -> None:
    """A Hub id the blocklist records as a look-alike (``klue/roberta-base``) is its own id in
    a loader call, as in a config, not the dataset a slug inside it would name."""
    data = builtin()
    hub_ids = [a.value for a in data.aliases if a.dataset is None and "/" in a.value]
    code = "from datasets import load_dataset\n" + "".join(
        f'x = load_dataset("{value}")\n' for value in hub_ids
    )
    found = {ref.dataset for ref in extract(SourceFile("x.py", code), KNOWLEDGE)}
    assert not found & set(data.datasets)
    assert "hf:klue/roberta-base" in found


def test_every_derivative_is_reported_with_its_parent(make_repo: MakeRepo, run_cli: RunCli) -> None:
    data = builtin()
    lines, expected = [], set()
    for dataset in data.datasets.values():
        names = [a for a in data.aliases if a.dataset == dataset.id and not a.ambiguous]
        if dataset.parent is None or not names:
            continue
        lines.append(f"rec: {names[0].value}")
        code = (
            "DSL103" if data.parent_of(dataset).status in {"deprecated", "replaced"} else "DSL102"
        )
        expected.add(("derivatives.yaml", len(lines), code, dataset.id))
    result = run_cli(
        make_repo({"derivatives.yaml": "\n".join(lines) + "\n"}), "check", "--format", "json"
    )
    assert findings(result) == expected
    assert len(expected) >= 30


def test_vggface2_annotation_files_are_its_data_and_a_merged_copy_is_not() -> None:
    """The release's bounding-box and landmark files, opened by their own names, are VGGFace2;
    a file a repository merged from them under a name of its own is not (nothing says so)."""
    code = (
        "import os.path as osp\n"
        "boxes = open(osp.join(meta_root, 'loose_bb_train.csv'))\n"
        "points = open(osp.join(meta_root, 'loose_landmark_test.csv'))\n"
        "merged = open(osp.join(meta_root, 'loose_bb_everything.csv'))\n"
    )
    found = {
        (ref.location.line, ref.dataset) for ref in extract(SourceFile("meta.py", code), KNOWLEDGE)
    }
    assert (2, "vggface2") in found and (3, "vggface2") in found
    assert (4, "vggface2") not in found


def test_blips_laion_subset_is_found_by_its_release_file_and_a_bare_laion_folder_is_not() -> None:
    """BLIP's LAION-115M (a LAION-400M subset) is named by its caption file, in JSON or as the
    TSV a conversion writes; a folder called laion names no particular LAION release."""
    code = (
        "import json\n"
        "captions = 'blip/laion_synthetic_filtered_large.json'\n"
        "rows = captions.replace('.json', '.tsv')\n"
        "shards = '/data/laion/{00000..10488}.tar'\n"
    )
    found = {
        (ref.location.line, ref.dataset)
        for ref in extract(SourceFile("convert.py", code), KNOWLEDGE)
    }
    assert (2, "laion-115m") in found
    assert not {dataset for line, dataset in found if line == 4} & {"laion-115m", "laion-400m"}
    assert builtin().parent_of(builtin().datasets["laion-115m"]).id == "laion-400m"
