"""What `check` finds, on real git repositories: each kind of reference, loaders, and traps."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from tests.conftest import MakeRepo, Result, RunCli, findings, references, scan_references

Scan = Callable[[dict[str, str]], Result]


@pytest.fixture
def scan(make_repo: MakeRepo, run_cli: RunCli) -> Scan:
    """Commit the files to a new repository, run `check --format json`, return the result."""

    def run(files: dict[str, str]) -> Result:
        repo = make_repo(files)
        return run_cli(repo, "check", ".", "--format", "json", "--select", "DSL1")

    return run


# Each line must be found, as this dataset and this kind of reference.
KINDS = [
    (
        "train.py",
        'from datasets import load_dataset\nds = load_dataset("ms1mv2")\n',
        2,
        "ms1mv2",
        "load",
    ),
    (
        "get.sh",
        "wget http://vision.cs.duke.edu/DukeMTMC/data/misc/DukeMTMC-reID.zip\n",
        1,
        "dukemtmc-reid",
        "url",
    ),
    ("train.py", 'ANNOTATIONS = "data/brainwash/brainwash_train.idl"\n', 1, "brainwash", "path"),
    ("configs/face.yaml", "network: r50\ndataset: ms1mv3\n", 2, "ms1mv3", "config"),
    (
        "README.md",
        "# Results\nWe trained on MS-Celeb-1M before it was withdrawn.\n",
        2,
        "ms-celeb-1m",
        "mention",
    ),
    ("docs/index.rst", "Data\n====\n\nThe Duke MTMC recordings.\n", 4, "duke-mtmc", "mention"),
    ("settings.toml", '[data]\ntrain = "faces_emore"\n', 2, "ms1mv2", "config"),
    ("settings.json", '{\n  "dataset": "DukeMTMC-reID"\n}\n', 2, "dukemtmc-reid", "config"),
    ("setup.cfg", "[data]\nroot = /data/MS1M-RetinaFace\n", 2, "ms1mv3", "path"),
    # where a run writes names the data it trained on: an output folder is a mention (rubric:
    # optional), and a retracted one is still flagged
    ("configs/duke.yml", "OUTPUT_DIR: logs/dukemtmc/sbs_R50\n", 1, "duke-mtmc", "mention"),
    ("tools/run.py", 'save_dir = "log/ir_se101-ms1mv2-circle"\n', 1, "ms1mv2", "mention"),
    # DeepGlint's MS-Celeb-1M-v1c by its release's file names
    ("prep/crop.py", 'ROOT = "/data/Trillion_Pairs/train_msra/"\n', 1, "ms-celeb-1m-v1c", "path"),
]


@pytest.mark.parametrize(
    ("path", "text", "line", "dataset", "kind"), KINDS, ids=[f"{k[4]}-{k[0]}" for k in KINDS]
)
def test_each_kind_of_reference_is_found(
    scan: Scan, path: str, text: str, line: int, dataset: str, kind: str
) -> None:
    result = scan({path: text})
    assert (path, line, dataset, kind) in references(result)
    assert result.exit_code == (0 if kind == "mention" else 1)  # prose is a warning


# None of these may produce a finding (the brief's traps, and their cousins in real code).
TRAPS = {
    "celeba.py": (
        "import tensorflow_datasets as tfds\n"
        'celeba = tfds.load("celeb_a")\n'
        'attrs = "CelebA-HQ"\n'
        "# CelebA and celeb_a are not MS-Celeb-1M's family\n".replace(
            "MS-Celeb-1M's family", "related"
        )
    ),
    "energy.md": "Sponsored by Duke Energy and Duke University.\n",
    "game.py": 'ability = "brainwashing"  # brainwashing is a game mechanic\n',
    "person.py": "duke = Person('Duke')\nprint(duke.name)\n",
    "cifar.py": (
        'from torchvision import datasets\ncifar = datasets.CIFAR10("data")\nname = "CIFAR-10"\n'
    ),
    "laion.py": (
        "from datasets import load_dataset\n"
        'd = load_dataset("laion/relaion2B-en-research-safe")\n'
        'note = "Re-LAION-5B is the cleaned release"\n'
    ),
    "tiny.py": 'root = "data/tiny-imagenet-200"  # Tiny ImageNet\n',
    "tracking.yaml": "task: MTMC\nchallenge: AI City MTMC track\n",
    "words.txt": "remorse and more; the pile of papers; a celeb sighting\n",
    # MSRA is also Microsoft Research Asia, an initialisation and other datasets
    "detect.py": 'init = "msra"\ndata = "data/MSRA-TD500/train"  # MSRA text detection\n',
}


@pytest.mark.parametrize("name", sorted(TRAPS))
def test_look_alikes_are_not_flagged(scan: Scan, name: str) -> None:
    result = scan({name: TRAPS[name]})
    assert result.json()["findings"] == []
    assert result.exit_code == 0


# Ambiguous names count only where the line uses them as a dataset name.
# 'duke' needs a re-ID token on its line since data 2026.12.1 (Duke's other datasets use the
# same names: audit 2026-12 E2), so the dataset-name contexts are pinned with MegaFace's 'MF2'.
AMBIGUOUS_IN_CONTEXT = [
    ("run.sh", "python train.py --dataset mf2 --epochs 60\n", 1, "megaface"),
    ("train.py", 'parser.add_argument("--dataset", default="MF2")\n', 1, "megaface"),
    ("train.py", 'sources = ["market1501", "duke"]\n', 1, "duke-mtmc"),
    ("reid.yaml", 'DATASETS:\n  NAMES: ("MF2",)\n', 2, "megaface"),
    ("reid.yaml", "datasets:\n  - cuhk03\n  - mf2\n", 3, "megaface"),
    ("run.sh", "python train.py --dataset duke --arch osnet --reid\n", 1, "duke-mtmc"),
    ("hypes.json", '{"data_root": "data/brainwash/"}\n', 1, "brainwash"),
    ("get.sh", "tar xf brainwash.tar.gz\n", 1, "brainwash"),
]


@pytest.mark.parametrize(
    ("path", "text", "line", "dataset"),
    AMBIGUOUS_IN_CONTEXT,
    ids=[f"{c[0]}-{c[2]}" for c in AMBIGUOUS_IN_CONTEXT],
)
def test_ambiguous_alias_counts_in_dataset_context(
    scan: Scan, path: str, text: str, line: int, dataset: str
) -> None:
    result = scan({path: text})
    assert {(f[0], f[1], f[3]) for f in findings(result)} == {(path, line, dataset)}


AMBIGUOUS_OUT_OF_CONTEXT = [
    ("team.yaml", "author:\n  name: duke\n  email: duke@example.org\n"),
    ("notes.md", "The brainwash effect of advertising.\n"),
    ("links.md", "See https://duke.edu/news and https://en.wikipedia.org/wiki/Brainwashing\n"),
    ("train.py", "result = duke + 1  # duke is a counter\n"),
    ("home.py", 'HOME = "/home/duke/projects"\n'),
    ("run.sh", "python train.py --dataset duke --epochs 60\n"),
    ("mri.yaml", "dataset:\n  name: duke\n"),
]


@pytest.mark.parametrize(
    ("path", "text"), AMBIGUOUS_OUT_OF_CONTEXT, ids=[c[0] for c in AMBIGUOUS_OUT_OF_CONTEXT]
)
def test_ambiguous_alias_alone_is_silent(scan: Scan, path: str, text: str) -> None:
    assert scan({path: text}).json()["findings"] == []


# 'pile' is a word ("a pile of"): The Pile counts where a data location names it, as GPT-NeoX
# and Megatron configs do (data 2026.12.7), and never as the word or in a tokenizer's path.
PILE_AS_DATA = [
    (
        "configs/neox.yml",
        '{\n  "train-data-paths": ["/fsx/pile/pile_20B_tokenizer_text_document"],\n}\n',
        2,
        "DSL101",
        "the-pile",
    ),
    ("pretrain.sh", "python pretrain_gpt.py --data-path /mnt/pile/pile_text_document\n", 1,
     "DSL101", "the-pile"),
    ("prep.sh", "DATA_PATH=/scratch/pile/pile_text_document\n", 1, "DSL101", "the-pile"),
    ("load.py", 'data_prefix = "/fsx/pile/val_text_document"\n', 1, "DSL101", "the-pile"),
    ("get.sh", "zstd -d data/pile/val.jsonl.zst\n", 1, "DSL101", "the-pile"),
    (
        "configs/dedup.yml",
        '"valid-data-paths": ["/fsx/pile_deduped/pile_0.87_deduped_text_document"]\n',
        1,
        "DSL102",
        "pile-eleutherai-hf-copies",
    ),
    ("unshard.sh", "python unshard.py --input ./pythia_deduped_pile_idxmaps/x.bin\n", 1,
     "DSL102", "pile-eleutherai-hf-copies"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("path", "text", "line", "rule", "dataset"), PILE_AS_DATA, ids=[c[0] for c in PILE_AS_DATA]
)
def test_the_pile_counts_in_a_data_location(
    scan: Scan, path: str, text: str, line: int, rule: str, dataset: str
) -> None:
    assert findings(scan({path: text})) == {(path, line, rule, dataset)}


PILE_AS_A_WORD = [
    ("neox.yml", '{\n  "vocab-file": "/fsx/pile/20B_tokenizer.json",\n}\n'),
    ("neox.yml", '{\n  "save": "/fsx/pile/checkpoints",\n}\n'),
    ("notes.md", "We left a pile of logs/ in /tmp/pile/ after the run.\n"),
    ("sort.py", 'pile = []\nnote = "a pile of work/ to do"\n'),
    ("run.sh", "python train.py --data-path /srv/stockpile/text_document\n"),
    ("save.sh", "python train.py --data-path /srv/web/text_document --save /out/pile/ckpt\n"),
]


@pytest.mark.parametrize(
    ("path", "text"), PILE_AS_A_WORD, ids=[f"{p}-{i}" for i, (p, _) in enumerate(PILE_AS_A_WORD)]
)
def test_pile_the_word_or_a_tokenizer_folder_is_silent(scan: Scan, path: str, text: str) -> None:
    assert scan({path: text}).json()["references"] == []


# One spelling per derivative family: each must be DSL102 and name its parent.
DERIVATIVES = [
    ("faces_emore", "ms1mv2", "MS-Celeb-1M"),
    ("face_emore", "ms1mv2", "MS-Celeb-1M"),  # the folder in the singular (data 2026.12.10)
    ("MS1MV2", "ms1mv2", "MS-Celeb-1M"),
    ("MS1M-ArcFace", "ms1mv2", "MS-Celeb-1M"),
    ("ms1m-retinaface-t1", "ms1mv3", "MS-Celeb-1M"),
    ("MS1MV3", "ms1mv3", "MS-Celeb-1M"),
    ("DukeMTMC-reID", "dukemtmc-reid", "Duke MTMC"),
    ("dukemtmcreid", "dukemtmc-reid", "Duke MTMC"),
    ("market1501TOdukemtmc", "dukemtmc-reid", "Duke MTMC"),  # UDA log folders (2026.12.11)
    ("Duke-to-Market", "dukemtmc-reid", "Duke MTMC"),
    ("DukeMTMC-VideoReID", "dukemtmc-videoreid", "Duke MTMC"),
    ("Occluded_Duke", "occluded-dukemtmc", "Duke MTMC"),
]


@pytest.mark.parametrize(
    ("surface", "dataset", "parent"), DERIVATIVES, ids=[d[0] for d in DERIVATIVES]
)
def test_derivatives_are_reported_with_their_parent(
    scan: Scan, surface: str, dataset: str, parent: str
) -> None:
    result = scan({"config.yaml": f"dataset: {surface}\n"})
    (finding,) = result.json()["findings"]
    assert (finding["rule"], finding["dataset"], finding["line"]) == ("DSL102", dataset, 1)
    assert parent in finding["message"]
    assert f"'{surface}'" in finding["message"]


def test_parents_are_reported_as_retracted(scan: Scan) -> None:
    result = scan(
        {"data.yaml": "a: MS-Celeb-1M\nb: msceleb\nc: DukeMTMC\nd: brainwash_train.idl\n"}
    )
    assert findings(result) == {
        ("data.yaml", 1, "DSL101", "ms-celeb-1m"),
        ("data.yaml", 2, "DSL101", "ms-celeb-1m"),
        ("data.yaml", 3, "DSL101", "duke-mtmc"),
        ("data.yaml", 4, "DSL101", "brainwash"),
    }


def test_retraction_message_names_who_when_and_source(scan: Scan) -> None:
    (finding,) = scan({"a.yaml": "dataset: MS-Celeb-1M\n"}).json()["findings"]
    assert "2019" in finding["message"]  # the line says when
    story = finding["detail"]  # the dataset's story says who, when and where it is recorded
    assert "Microsoft" in story and "2019" in story and "https://" in story


def test_separators_and_case_are_normalised(scan: Scan) -> None:
    text = "a: MS-Celeb-1M\nb: ms_celeb_1m\nc: msceleb1m\nd: MS Celeb 1M\n"
    result = scan({"names.yaml": text})
    assert {f[1] for f in findings(result)} == {1, 2, 3, 4}


def test_one_finding_per_reference_on_every_line(scan: Scan) -> None:
    # (faces_emore/lfw.bin is LFW, the evaluation pairs shipped in the MS1MV2 folder)
    text = "rec: /train_tmp/faces_emore\nidx: /train_tmp/faces_emore/train.idx\n"
    result = scan({"face.yaml": text})
    assert sorted(f[1] for f in findings(result)) == [1, 2]


# A short name that is no word (MS1M) counts anywhere in a file that names its domain with a
# distinctive near token elsewhere (data 2026.12.8): a face-recognition README's news, model
# table and commands mean MS-Celeb-1M by "MS1M".
FACE_README = (
    "# FaceKit\n"
    "Training sets: CASIA-WebFace, VGGFace2, Glint360K.\n"
    "- 2022.5.1: added ArcFace, MS1M, and config files on MS1M.\n"
    "- If you need the `MS1M` training set, run the extra script.\n"
    "python train.py --config config/train/ms1m_r100_arcface.yml\n"
    "\n"
    "Loss | Backbone | Dataset | Weights\n"
    ":---:|:---:|:---:|:---:\n"
    "ArcFace | IResNet-100 | MS1M | [Google Drive](https://drive.google.com/file/d/1abc/view)\n"
)


def test_a_short_name_counts_in_a_file_that_names_its_domain(scan: Scan) -> None:
    result = scan({"README.md": FACE_README})
    lines = {line for path, line, _, dataset in findings(result) if dataset == "ms-celeb-1m"}
    assert lines == {3, 4, 5, 9}


SHORT_NAME_WITHOUT_ITS_DOMAIN = [
    # a per-minute count in pandas code, and the same spelling in prose, in files that name no
    # face dataset
    ("rates.py", 'ms1m = ts.dt.floor("1min").nunique()\nprint("ms1m", ms1m)\n'),
    ("NOTES.md", "Rates: MS1M counts events per minute; see `MS1M` below.\n"),
    # a word (brainwash) is not confirmed by its near token elsewhere in the file
    ("notes.md", "TensorBox detects heads.\n\nThe brainwash effect of advertising.\n"),
]


@pytest.mark.parametrize(
    ("path", "text"),
    SHORT_NAME_WITHOUT_ITS_DOMAIN,
    ids=[c[0] for c in SHORT_NAME_WITHOUT_ITS_DOMAIN],
)
def test_a_short_name_without_its_domain_is_silent(scan: Scan, path: str, text: str) -> None:
    assert scan({path: text}).json()["findings"] == []


# The titles of DukeMTMC's and DukeMTMC-reID's papers name the datasets (data 2026.12.8):
# re-ID dataset classes cite them as their Reference, wrapped across docstring lines.
REID_DOCSTRING = (
    "class CampusImages(ImageDataset):\n"
    '    """Person re-ID images.\n'
    "\n"
    "    Reference:\n"
    "        - Ristani et al. Performance Measures and a Data Set for Multi-Target,\n"
    "          Multi-Camera Tracking. ECCVW 2016.\n"
    "        - Zheng et al. Unlabeled Samples Generated by GAN Improve the Person\n"
    "          Re-identification Baseline in vitro. ICCV 2017.\n"
    "        - Zheng et al. Performance Measures for Multi-Target Tracking. 2020.\n"
    '    """\n'
)


def test_dataset_paper_titles_name_their_datasets(scan: Scan) -> None:
    result = scan({"reid/datasets/duke.py": REID_DOCSTRING})
    assert findings(result) == {
        ("reid/datasets/duke.py", 5, "DSL101", "duke-mtmc"),
        ("reid/datasets/duke.py", 7, "DSL102", "dukemtmc-reid"),
    }


def test_a_paper_title_in_a_readme_names_the_paper(scan: Scan) -> None:
    """The same titles in prose (a README introducing its own paper, its BibTeX entry) name
    the paper, not the data; the README's own dataset names still count."""
    readme = (
        "Code for our paper [Unlabeled Samples Generated by GAN Improve the Person\n"
        "Re-identification Baseline in vitro](https://arxiv.org/abs/1701.07717).\n"
        "  title={Performance Measures and a Data Set for Multi-Target, Multi-Camera Tracking},\n"
        "Download DukeMTMC-reID into data/.\n"
    )
    result = scan({"README.md": readme})
    assert {(f[0], f[1]) for f in findings(result)} == {("README.md", 4)}


def test_a_switch_named_for_a_dataset_counts_in_a_reid_file(scan: Scan) -> None:
    """``prepare.py --Duke`` selects Duke MTMC where the file handles re-ID data elsewhere
    (data/market1501/bounding_box_train); a capitalised Duke that is no switch stays silent."""
    readme = (
        "# Re-ID\n"
        "Put Market-1501 in data/market1501/bounding_box_train.\n"
        "python3 prepare.py --Duke\n"
        "Thanks to Duke --- and to Duke Energy.\n"
    )
    result = scan({"README.md": readme, "NOTES.md": "python3 prepare.py --Duke\n"})
    assert {(f[0], f[1]) for f in findings(result)} == {("README.md", 3)}


def test_the_file_a_download_writes_names_its_data(scan: Scan) -> None:
    """``wget URL -O ms1m_refine_train_ann.txt``: the output file of a download command is
    the data it fetches, whatever its extension; the same name echoed, or inside a page's
    URL, is not."""
    script = (
        "cd data/train\n"
        "wget https://cloud.example.org/s/Sdd/download -O ms1m_refine_train_ann.txt\n"
        "echo ms1m -O ms1m.txt\n"
        "wget https://example.org/ms1m_stats.html\n"
    )
    result = scan({"scripts/setup.sh": script})
    assert {(f[1], f[3]) for f in findings(result)} == {(2, "ms-celeb-1m")}


def test_a_data_location_in_a_readme_config_counts(scan: Scan) -> None:
    """A README that shows its training config ("train-data-paths": ["/fsx/pile/..."]) names
    The Pile as the config does; the word pile, or a tokenizer beside it, does not."""
    readme = (
        "## Reproducing training\n"
        '"train-data-paths": ["/fsx/pile/pile_20B_tokenizer_text_document"],\n'
        '"vocab-file": "/fsx/pile/20B_tokenizer.json",\n'
        "A pile of results/ is in /tmp/pile/.\n"
    )
    assert findings(scan({"README.md": readme})) == {("README.md", 2, "DSL101", "the-pile")}


def test_an_options_whole_value_selects_its_dataset(scan: Scan) -> None:
    """``--eval_sets="megaface"`` on a continued command line selects MegaFace; the name in a
    message does not."""
    script = (
        'python evaluate.py \\\n    --eval_sets="megaface" \\\n    --batch 64\necho megaface done\n'
    )
    assert findings(scan({"eval/run.sh": script})) == {("eval/run.sh", 2, "DSL101", "megaface")}


# data 2026.12.14: RFW by the names of its four test subsets (African, Asian, Caucasian,
# Indian), Occluded-DukeMTMC as occluded re-ID code spells it (occ_duke), and DeepGlint's
# MS-Celeb-1M-v1c by its release's short name beside DeepGlint.
SUBSETS_AND_SPELLINGS = [
    ("eval/data_conf.yaml", "LFW:\n  root: /data/lfw\nRFW_African:\n  root: /data/x\n", 3,
     "DSL102", "rfw"),
    ("test_lfw.py", 'conf.add_argument("--test_set", default="RFW_Asian")\n', 1, "DSL102", "rfw"),
    ("configs/OCC_Duke/vit_base.yml", "DATASETS:\n  NAMES: ('occ_duke')\n", 2, "DSL102",
     "occluded-dukemtmc"),
    ("train.sh", "python train.py --data_root '/data/deepglint/msra_crop' --epochs 18\n", 1,
     "DSL102", "ms-celeb-1m-v1c"),
    # data 2026.12.16: RFW in a list of the face verification benchmarks beside it
    ("test_protocol/README.md", "Note: currently support LFW, CPLFW, CALFW, RFW and AgeDB.\n",
     1, "DSL102", "rfw"),
    # data 2026.12.15: MS1MV2's training-set key in ElasticFace-style configs
    ("config/config.py", 'config.dataset = "emoreIresNet"  # training dataset\n', 1, "DSL102",
     "ms1mv2"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("path", "text", "line", "code", "dataset"),
    SUBSETS_AND_SPELLINGS,
    ids=[c[4] + "-" + c[0] for c in SUBSETS_AND_SPELLINGS],
)
def test_subset_names_and_spellings_name_their_dataset(
    scan: Scan, path: str, text: str, line: int, code: str, dataset: str
) -> None:
    assert (path, line, code, dataset) in findings(scan({path: text}))


SUBSET_AND_SPELLING_LOOK_ALIKES = [
    # 'African' and 'Asian' are words; RFW without a subset on its line is another acronym
    ("report.md", "RFW: request for work.\n\nAfrican and Asian offices reply within a week.\n"),
    ("config.py", 'RFW = 3  # retry-for-write count\nregion = "Asian"\n'),
    # MSRA is Microsoft Research Asia, an initialisation, or another dataset without DeepGlint
    ("model.py", 'init = "msra"\nroot = "/data/msra/MSRA10K_Imgs_GT"\n'),
    ("train.sh", "python train.py --data_root /data/msra_crop --pretrained msra\n"),
]


@pytest.mark.parametrize(
    ("path", "text"),
    SUBSET_AND_SPELLING_LOOK_ALIKES,
    ids=[c[0] for c in SUBSET_AND_SPELLING_LOOK_ALIKES],
)
def test_subset_and_spelling_look_alikes_are_silent(scan: Scan, path: str, text: str) -> None:
    assert scan({path: text}).json()["findings"] == []


# 'duke' needs a re-ID token on its line, unless its file names Duke MTMC plainly elsewhere:
# then a lower-case key or folder means the same data (a re-ID config's checkpoint folder).
DUKE_CONFIG = (
    "DATASETS:\n"
    "  NAMES: ('dukemtmc')\n"
    "TEST:\n"
    "  WEIGHT: '../logs/duke_vit_base/transformer_120.pth'\n"
    "OUTPUT_DIR: '../logs/duke_vit_base'\n"
)


def test_a_short_name_counts_in_a_file_that_names_its_dataset_plainly(scan: Scan) -> None:
    flagged = {(line, code) for _, line, code, _ in findings(scan({"duke/vit.yml": DUKE_CONFIG}))}
    assert flagged == {(2, "DSL101"), (4, "DSL104")}  # the output folder is no model


def test_a_short_name_without_its_dataset_named_plainly_stays_silent(scan: Scan) -> None:
    alone = DUKE_CONFIG.replace("dukemtmc", "market1501x")
    assert scan({"duke/vit.yml": alone}).json()["findings"] == []
    # a capitalised word is a name, not a key or folder, even beside the plain name
    prose = "Trained on DukeMTMC at Duke University.\n\nThanks to Duke for the data.\n"
    assert {line for _, line, _, _ in findings(scan({"NOTES.md": prose}))} == {1}


BENCHMARK_OPTIONS = """\
import argparse
parser = argparse.ArgumentParser()
parser.add_argument('--target',
                    default='IJBB', type=str)
parser.add_argument(
    "--target", default="IJBC", type=str, help="target, set to IJBC or IJBB")
parser.add_argument("-s", "--subset", type=str, default="IJBC")
parser.add_argument('--test_set', type=str, default='CPLFW')
parser.add_argument('--preset', type=str, default='IJBC')
parser.add_argument('--offset',
                    default='IJBC')
parser.add_argument('--jobs', type=int,
                    default=4)


def evaluate(subset, name):
    if subset == "IJBB":
        return 1
    if name == "IJBB":
        return 2
"""


def test_a_benchmark_named_by_an_options_default_or_a_subset_test_is_selected(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """A short benchmark name selects its data as the default of an option that selects data
    (--target, --subset, --test_set), also where the call is written over lines (the flag on
    the line above, or the call opened there), and where a benchmark's subset is compared with
    it. The same names as the default of --preset or --offset, or compared with a name of no
    data, are not selections."""
    found = scan_references(make_repo, run_cli, {"eval_tools.py": BENCHMARK_OPTIONS})
    lines = {line for path, line, _, _ in found if path == "eval_tools.py"}
    assert {4, 6, 7, 8, 17} <= lines
    assert lines & {9, 11, 19} == set()


def test_a_registry_entry_named_for_its_value_selects_the_dataset(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """A short dataset name as the key of a registry whose value is named after it (a factory
    of dataset classes, a benchmark's loaded pairs, its evaluator) is that dataset's entry; the
    same names keying weights, counts or otherwise named values are not."""
    files = {
        "reid/datasets/__init__.py": "__factory = {\n    'mars': Mars,\n    'viper': VIPeR,\n}\n",
        "data.py": (
            "VAL = {\n"
            '    "cplfw": (cplfw, cplfw_issame),\n'
            '    "calfw": (calfw, calfw_issame),\n'
            "}\n"
            'EVALS = {"rfw": "EvalRFW"}\n'
        ),
        "weights.py": (
            "weights = {'mars': 0.5, 'cplfw': 2, 'calfw': Scale}\n"
            'clients = {"Mars": Mars.MarsClient}\n'
            'papers = {"cplfw": ("1708.08197", "CPLFW: a benchmark")}\n'
        ),
    }
    found = {(p, line) for p, line, _, _ in scan_references(make_repo, run_cli, files)}
    entries = {("reid/datasets/__init__.py", 2), ("data.py", 2), ("data.py", 3), ("data.py", 5)}
    assert entries <= found
    assert not {p for p, _ in found} & {"weights.py"}
