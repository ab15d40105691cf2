"""Precision: what a repository names that it does not use, and names resolved to the wrong data.

Each case is a general shape behind a false alarm on the development repositories
(tests/realrepos, issue 16): an ambiguous name that is one word of another dataset's name, a
clone of a code repository, one picture fetched for a demo, a variable named for something
else that holds a folder of code. Beside each, the real reference that must stay.
"""

from __future__ import annotations

import pytest
from tests.conftest import MakeRepo, RunCli, file_lines, scan_references
from tests.conftest import file_references as refs


def datasets_by_line(found: set[tuple[int, str, str]]) -> dict[int, set[str]]:
    by_line: dict[int, set[str]] = {}
    for line, dataset, _ in found:
        by_line.setdefault(line, set()).add(dataset)
    return by_line


def test_an_ambiguous_name_inside_another_datasets_name_is_not_that_dataset(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    code = (
        "import pandas as pd\n"
        "reviews = pd.read_csv('../input/wine-reviews/winemag-data-130k-v2.csv')\n"
        "crimes = pd.read_csv('../input/crimes-in-boston/crime.csv')\n"
        "cards = pd.read_csv('../input/aer-credit-card-data/cards.csv')\n"
        # the name's own folder or file, whole or with a split beside it, is the dataset
        "wine = pd.read_csv('data/wine/wine.data', header=None)\n"
        "boston = pd.read_csv('data/boston_train.csv')\n"
        "marks = open('data/lfw_landmark.txt').read()\n"
    )
    by_line = datasets_by_line(refs(make_repo, run_cli, "read.py", code))
    assert "wine" not in by_line[2]  # a read of Wine Reviews, still reported by its path
    assert by_line[2] == {"kaggle:wine-reviews"}  # Kaggle's mount names it by its slug
    assert "boston-housing" not in by_line.get(3, set())
    assert "credit-card-fraud" not in by_line.get(4, set())
    assert "wine" in by_line[5]
    assert "boston-housing" in by_line[6]
    assert "lfw" in by_line[7]  # a file a name opens is a file of that data


def test_a_download_url_naming_a_dataset_inside_another_name_is_unknown_data(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    script = (
        "wget https://example.org/files/wine-reviews/winemag-130k.zip\n"
        "wget https://archive.ics.uci.edu/ml/machine-learning-databases/wine/wine.data\n"
    )
    by_line = datasets_by_line(refs(make_repo, run_cli, "get.sh", script))
    assert by_line[1] == {"url:winemag-130k"}
    assert by_line[2] == {"wine"}


def test_a_clone_of_a_code_repository_is_no_data_wherever_it_runs(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    cell = (
        '{"cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": null,'
        ' "source": ["try:\\n", "    import helpers\\n", "except ImportError:\\n",'
        ' "    !git clone https://github.com/someone/course-code\\n",'
        ' "!git clone --depth 1 -b main https://github.com/someone/tools.git\\n",'
        ' "!wget https://example.org/corpora/reviews_corpus.tar.gz\\n"]}],'
        ' "metadata": {}, "nbformat": 4, "nbformat_minor": 5}\n'
    )
    found = refs(make_repo, run_cli, "lesson.ipynb", cell)
    datasets = {dataset for _, dataset, _ in found}
    assert not any("github.com" in d for d in datasets)
    assert "url:reviews_corpus" in datasets
    dockerfile = (
        "FROM python:3.11\n"
        "RUN cd /opt && git clone --recursive https://github.com/someone/toolkit\n"
        "RUN wget https://example.org/corpora/reviews_corpus.tar.gz\n"
    )
    by_line = datasets_by_line(refs(make_repo, run_cli, "Dockerfile", dockerfile))
    assert 2 not in by_line
    assert by_line[3] == {"url:reviews_corpus"}


def test_one_picture_fetched_for_a_demo_is_no_dataset(make_repo: MakeRepo, run_cli: RunCli) -> None:
    script = (
        "wget https://raw.githubusercontent.com/someone/course/main/images/pizza-dad.jpeg\n"
        "mv pizza-dad.jpeg demos/examples/pizza-dad.jpeg\n"
        "curl -O https://example.org/samples/street.png\n"
        "wget https://example.org/data/food_photos.zip\n"
        "unzip food_photos.zip -d data/\n"
    )
    by_line = datasets_by_line(refs(make_repo, run_cli, "demo.sh", script))
    assert set(by_line) == {4, 5}
    assert by_line[4] == by_line[5] == {"url:food_photos"}


@pytest.mark.parametrize(
    "line",
    [
        ". $VOC_DIR/utils/parse_options.sh || exit 1;\n",
        "python $VOC_DIR/preprocess.py wavallin $data_root $dump_dir\n",
    ],
)
def test_a_folder_of_code_named_like_a_dataset_is_no_reference(
    make_repo: MakeRepo, run_cli: RunCli, line: str
) -> None:
    script = "VOC_DIR=$(cd ../../; pwd)\n" + line
    assert refs(make_repo, run_cli, "egs/run.sh", script) == set()


def test_a_data_folder_named_like_a_dataset_holding_its_script_stays(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    script = "python data/voc/prepare.py\ncd data/VOC && ls VOC2007\n"
    by_line = datasets_by_line(refs(make_repo, run_cli, "prep.sh", script))
    assert by_line.get(1) == {"pascal-voc"}


def test_a_share_link_is_named_by_the_file_the_script_writes(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    script = (
        "wget https://cloud.example.de/index.php/s/8w42X2Kd/download -O ms1m_refine.tar\n"
        "tar xvf ms1m_refine.tar\n"
        "wget https://cloud.example.de/index.php/s/SddrJjTX/download -O ms1m_refine_train_ann.txt\n"
        "curl -L https://keeper.example.de/f/689ebd19842b/?dl=1 -o glint360k.tar\n"
        # a name that says nothing keeps the link as the id
        "wget https://keeper.example.de/f/77aa01/?dl=1 -O validation.tar\n"
    )
    repo = make_repo({"setup.sh": script})
    report = run_cli(repo, "check", "--format", "json", "--fail-on", "never").json()
    by_line: dict[int, set[str]] = {}
    for ref in report["references"]:
        by_line.setdefault(ref["line"], set()).add(ref["dataset"])
    assert by_line[1] == by_line[2] == by_line[3] == {"ms-celeb-1m"}
    assert by_line[4] == {"glint360k"}
    assert by_line[5] == {"url:keeper.example.de/f/77aa01"}
    flagged = {f["line"] for f in report["findings"] if f["rule"] == "DSL101"}
    assert {1, 2, 3} <= flagged


def test_code_and_packages_a_dockerfile_fetches_are_no_data(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    dockerfile = (
        "FROM nvidia/cuda:10.0-devel\n"
        "RUN pip install --user -i https://pypi.example.cn/simple tensorboard gdown h5py\n"
        "RUN git clone https://github.com/someone/apex-like && cd apex-like\n"
        "RUN wget https://github.com/someone/bindings/archive/v2.2.3.tar.gz && \\\n"
        "    tar xzf v2.2.3.tar.gz\n"
        "RUN pip install tqdm && wget https://example.org/corpora/reviews_corpus.tar.gz\n"
    )
    by_line = datasets_by_line(refs(make_repo, run_cli, "docker/Dockerfile", dockerfile))
    assert by_line == {6: {"url:reviews_corpus"}}


def test_a_results_key_is_no_use_of_the_data(make_repo: MakeRepo, run_cli: RunCli) -> None:
    code = (
        "def evaluate(distmat):\n"
        "    cmc_configs = {\n"
        "        'market1501': dict(separate_camera_set=False, single_gallery_shot=False),\n"
        "    }\n"
        "    cmc_scores = {name: cmc(distmat, **params) for name, params in cmc_configs.items()}\n"
        "    print(cmc_scores['market1501'][0])\n"
        "    return cmc_scores['market1501'][0]\n"
        "\n"
        "results_dict = {'megaface': {}}\n"
        "results_dict['megaface']['rank1'] = 1.0\n"
        "root = DATASET_ROOTS['market1501']\n"
    )
    lines = file_lines(make_repo, run_cli, "evaluators.py", code)
    assert not lines & {6, 7, 10}
    assert 11 in lines  # a data location looked up by the dataset's name


def test_a_script_run_from_the_repositorys_own_package_is_no_data(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    script = (
        "python self_instruct/bootstrap_instructions.py --batch_dir runs/\n"
        "python data/shakespeare_char/prepare.py\n"
    )
    by_line = datasets_by_line(refs(make_repo, run_cli, "scripts/generate.sh", script))
    assert 1 not in by_line
    assert by_line[2] == {"tiny-shakespeare"}  # a data folder's own preparation script


def test_rows_of_data_are_content_not_references(make_repo: MakeRepo, run_cli: RunCli) -> None:
    files = {
        "eval/generations/7b-oa.jsonl": (
            '{"input": "Write an essay on Romeo and Juliet", "output": "Shakespeare ..."}\n'
            '{"input": "Pizza sem queijo?", "output": "Use leite de coco e voc\\u00ea ..."}\n'
        ),
        "data/samples.csv": "path,label\nmarket1501/bounding_box_train/0002_c1.jpg,2\n",
        "eval/run.py": "import json\nrows = [json.loads(x) for x in open('data/cifar10.jsonl')]\n",
    }
    found = scan_references(make_repo, run_cli, files)
    paths = {path for path, _, _, _ in found}
    assert paths == {"eval/run.py"}  # the code that reads a data file still refers to it


def test_a_format_named_after_a_dataset_is_no_reference(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    readme = (
        "The dataset should follow the VGGFace2/ImageNet-style directory layout.\n"
        "Tools change other re-ID datasets to the Market1501 format.\n"
        "Annotations are converted to COCO-style JSON.\n"
        "We train on ImageNet and evaluate on Market1501.\n"
    )
    by_line = datasets_by_line(refs(make_repo, run_cli, "README.md", readme))
    assert 1 not in by_line  # either one's style: not VGGFace2's data either
    assert 2 not in by_line
    assert 3 not in by_line
    assert by_line[4] == {"imagenet", "market-1501"}


def test_a_protocol_named_after_a_dataset_is_no_reference(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    code = (
        "def eval_market(distmat):\n"
        '    """Scores ranks with the market1501 metric: one gallery image per camera."""\n'
        "\n"
        "\n"
        "class AutoPolicy:\n"
        "    def __repr__(self):\n"
        '        return "AutoAugment ImageNet Policy"\n'
        "\n"
        "\n"
        "# average precision as the Pascal VOC formula has it before 2010\n"
        "parser.add_argument('--cuhk-metric', action='store_true', help='use cuhk03-metric')\n"
        "root = os.path.join('data', 'market1501')\n"
    )
    by_line = datasets_by_line(refs(make_repo, run_cli, "reid/evaluate.py", code))
    assert not set(by_line) & {2, 7, 10, 11}
    assert by_line[12] == {"market-1501"}  # the data itself, beside its metric


def test_a_template_or_style_chosen_by_a_datasets_name_is_no_reference(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    files = {
        "configs/finetune.yaml": (
            "data:\n"
            "  class_path: mypkg.data.JSONFile\n"
            "  init_args:\n"
            "    json_path: data/alpaca_data.json\n"
            "    prompt_style: alpaca\n"
            "dataset: alpaca\n"
        ),
        "scripts/train.sh": (
            "python finetune.py --chat_template_name tulu \\\n"
            "    --chat_formatting_function templates.create_prompt_with_tulu_chat_format\n"
            "python finetune.py --dataset_name tulu\n"
        ),
        "serve/adapters.py": (
            "def template(model_path):\n"
            "    if 'orca' in model_path:\n"
            "        return get_conv_template('open-orca')\n"
            "    return 'data/{}/train.json'.format('cifar10')\n"
        ),
        "tools/voc_eval.py": (
            "anno_template = 'VOCdevkit/VOC2007/Annotations/{}.xml'\n"
            "loader = build(data_format='coco')\n"
            "styles = build(style_dataset='cifar10')\n"
        ),
    }
    found = scan_references(make_repo, run_cli, files)
    lines = {(path, line) for path, line, _, _ in found}
    assert ("configs/finetune.yaml", 5) not in lines  # the prompt's layout Alpaca made known
    assert ("configs/finetune.yaml", 6) in lines  # the data itself, chosen by its name
    assert ("scripts/train.sh", 1) not in lines
    assert ("scripts/train.sh", 2) not in lines
    assert ("serve/adapters.py", 3) not in lines
    assert ("serve/adapters.py", 4) in lines  # str.format fills a data path: still the data
    assert ("tools/voc_eval.py", 1) in lines  # a path's template names the data's files
    assert ("tools/voc_eval.py", 2) in lines  # the data's own format: the data
    assert ("tools/voc_eval.py", 3) in lines  # style images are data
