"""The most specific dataset on a line wins: an evaluation set inside a training set's folder,
a probe set inside a benchmark's, is reported as itself and not as the retracted container."""

from __future__ import annotations

from tests.conftest import MakeRepo, RunCli, references

EVAL = """\
from config import get_config
conf = get_config()
agedb_30, agedb_30_issame = get_val_pair(conf.emore_folder, 'agedb_30')
cfp_fp, cfp_fp_issame = get_val_pair(conf.emore_folder, 'cfp_fp')
lfw_dir = conf.data_path / 'lfw'
for line in open('megaface/facescrub_noises.txt', 'r'):
    pass
"""
# The container alone is the container; names side by side are two datasets.
CONTAINERS = """\
rec = 'data/faces_emore/train.rec'
imgs = conf.emore_folder / 'imgs'
names = ['megaface', 'agedb_30']  # distractors and probes
plots = os.path.join(args.save_dir, 'lfw')
"""


def test_a_dataset_inside_a_containers_folder_is_itself(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    repo = make_repo({"evaluate.py": EVAL})
    result = run_cli(repo, "check", "--format", "json")
    assert {(line, dataset) for _, line, dataset, _ in references(result)} == {
        (3, "agedb"),
        (4, "cfp"),
        (5, "lfw"),
        (6, "facescrub"),
    }
    flagged = [f for f in result.json()["findings"] if f["rule"].startswith("DSL10")]
    assert flagged == []


def test_a_shell_path_inside_a_benchmark_folder_is_the_inner_dataset(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    script = (
        'find megaface/facescrub_images -name "*.bin" -delete\n'
        "python run.py megaface/lists/facescrub_list.json megaface/FlickrFinal2 out\n"
    )
    repo = make_repo({"clean.sh": script})
    result = run_cli(repo, "check", "--format", "json")
    # The second line also reads MegaFace's own distractor images: it keeps MegaFace.
    assert {(line, dataset) for _, line, dataset, _ in references(result)} == {
        (1, "facescrub"),
        (2, "facescrub"),
        (2, "megaface"),
    }


def test_a_container_named_alone_is_still_the_container(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    repo = make_repo({"train.py": CONTAINERS})
    result = run_cli(repo, "check", "--format", "json")
    assert {(line, dataset) for _, line, dataset, _ in references(result)} == {
        (1, "ms1mv2"),
        (2, "ms1mv2"),
        (3, "megaface"),
        (3, "agedb"),
    }
    flagged = {(f["line"], f["rule"]) for f in result.json()["findings"]}
    assert {(1, "DSL102"), (2, "DSL102"), (3, "DSL101")} <= flagged


# A retracted release's package ships its evaluation files: insightface's MS1MV2 (faces_emore)
# and MS1MV3 (ms1m-retinaface-t1) folders hold lfw.bin, cfp_fp.bin and agedb_30.bin.
RELEASE_FILES = """\
eval_paths = ['datasets/faces_emore/lfw.bin', 'datasets/faces_emore/cfp_fp.bin']
callback = evals.eval_callback(model, "/data/ms1m-retinaface-t1/agedb_30.bin")
"""
# Look-alikes: the next argument after the release's folder names the evaluation set alone,
# and a folder whose own name only ends in the release's (someone's face_data_emore) is theirs.
NOT_RELEASE_FILES = """\
agedb_30, agedb_30_issame = get_val_pair(conf.emore_folder, 'agedb_30')
bin_path = 'D:/face_data_emore/faces_webface_112x112/lfw.bin'
"""


def test_a_file_below_a_retracted_releases_folder_is_that_release_and_itself(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    repo = make_repo({"train.py": RELEASE_FILES})
    result = run_cli(repo, "check", "--format", "json")
    assert {(line, dataset) for _, line, dataset, _ in references(result)} == {
        (1, "ms1mv2"),
        (1, "lfw"),
        (1, "cfp"),
        (2, "ms1mv3"),
        (2, "agedb"),
    }
    flagged = {(f["line"], f["rule"]) for f in result.json()["findings"]}
    assert {(1, "DSL102"), (2, "DSL102")} <= flagged


def test_a_releases_name_inside_anothers_folder_or_argument_stays_the_inner_dataset(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    repo = make_repo({"evaluate.py": NOT_RELEASE_FILES})
    result = run_cli(repo, "check", "--format", "json")
    datasets = {(line, dataset) for _, line, dataset, _ in references(result)}
    assert (1, "agedb") in datasets
    assert not {d for _, d in datasets} & {"ms1mv2", "ms1mv3"}
    assert [f for f in result.json()["findings"] if f["rule"].startswith("DSL10")] == []
