"""Dataset names inside identifiers and config keys (extract/identifiers.py, extract/configs.py),
and the catalogue's names for datasets that face, re-ID, retrieval and LLM code uses.

Each case is a shape of code that ML repositories of a kind share (a face benchmark's evaluator
class and pairs parser, a test protocol's data config with one block per benchmark, a re-ID
toolkit's dataset class), written here from scratch, with the look-alikes that must stay silent.
"""

from __future__ import annotations

import pytest
from tests.conftest import MakeRepo, RunCli, scan_references
from tests.conftest import file_references as refs

PROTOCOL = """\
# Face verification test protocols
from megaface.megaface_evaluator import MegaFaceEvaluator


class MegaFaceEvaluator(object):
    pass


class MaskedMegaFaceEvaluator(MegaFaceEvaluator):
    pass


class IJBCEvaluator(object):
    pass


evaluator = IJBCEvaluator(template_list, pair_list)
parser = LFW_PairsParser(self.pairs_file)
parser = CPLFW_PairsParser(self.pairs_file)
parser = AgeDB_PairsParser(self.pairs_file)
"""


def test_a_benchmarks_evaluator_and_pairs_parser_read_it(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """``<Name>Evaluator`` defined, imported, called or inherited from, and a ``<Name>_PairsParser``
    called, read the benchmark's own lists: loads. A camelCase split (Mega|Face|Evaluator) keeps
    the name whole."""
    found = refs(make_repo, run_cli, "test_protocol/evaluators.py", PROTOCOL)
    loads = {(line, dataset) for line, dataset, kind in found if kind == "load"}
    assert loads == {
        (2, "megaface"),
        (5, "megaface"),
        (9, "megaface"),
        (13, "ijb"),
        (17, "ijb"),
        (18, "lfw"),
        (19, "cplfw"),
        (20, "agedb"),
    }, found


FORMAT_EVALUATORS = """\
from detectron2.evaluation import COCOEvaluator
from datasets.coco_eval import CocoEvaluator


class CocoEvaluator(object):
    pass


coco_evaluator = CocoEvaluator(base_ds, iou_types)
voc = PascalVOCDetectionEvaluator(dataset_name)
lfw_evaluator = build(cfg)
"""


def test_a_format_metrics_evaluator_and_an_evaluator_variable_are_not(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """COCO- and VOC-style evaluators score whatever data is in that format (a detection
    library's ``COCOEvaluator``), and a variable that holds an evaluator is not a class."""
    found = refs(make_repo, run_cli, "engine.py", FORMAT_EVALUATORS)
    assert {item for item in found if item[2] != "mention"} == set(), found


@pytest.mark.parametrize(
    ("code", "dataset"),
    [
        # a run of capitals glued to a lower-case word: OULUNPU|crop, not OULUNP|Ucrop (in a
        # module that names the dataset plainly too, as the ones split at their humps do)
        ("from Load_OULUNPUcrop_valtest import Spoofing_valtest\n# Oulu-NPU P1\n", "oulu-npu"),
        ("from Load_OULUNPUcrop_train import Spoofing_train_g\n# Oulu-NPU P1\n", "oulu-npu"),
        # a module named as a dataset's loader, whatever words follow the name
        ("from load_cifar10_batches import read_batches\n", "cifar-10"),
    ],
)
def test_a_loader_module_named_for_its_dataset_is_a_load(
    make_repo: MakeRepo, run_cli: RunCli, code: str, dataset: str
) -> None:
    assert (1, dataset, "load") in refs(make_repo, run_cli, "train.py", code)


def test_a_word_glued_to_capitals_does_not_make_a_name_of_a_prefix(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """The cut after a run of capitals (COCO|api) makes no loader of what the other word says
    is code, a local name given to an import (``as COCOmask``: pycocotools' mask module) is no
    module of the dataset's, and a module named for loading in general names no dataset."""
    code = (
        "# MNIST and COCO\nfrom load_utils import read_rows\nx = COCOapi()\n"
        "from pycocotools import mask as COCOmask\n"
    )
    found = refs(make_repo, run_cli, "util.py", code)
    assert {item for item in found if item[2] != "mention"} == set(), found


DATA_CONF = """\
CPLFW:
    pairs_file_path: /data/test_data/cplfw/ori_data/pairs_CPLFW.txt
    cropped_face_folder: /data/test_data/cplfw/cplfw_crop

RFW_African:
    pairs_file_path: /data/test_data/rfw/txts/African/African_pairs.txt
    image_list_file_path: /data/test_data/rfw/African_img_list.txt

CALFW:
    batch_size: 64
    enabled: true

AgeDB: true
"""


def test_a_config_key_naming_a_dataset_selects_the_data_below_it(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """A test protocol's data config keeps one block per benchmark: the key that names the
    benchmark (``CPLFW:``, or a part of it, ``RFW_African:``) selects it when the block points
    at its data. A block of settings (``CALFW: {batch_size: 64}``) or a flag does not."""
    found = scan_references(make_repo, run_cli, {"test_protocol/data_conf.yaml": DATA_CONF})
    configs = {(line, dataset) for _, line, dataset, kind in found if kind == "config"}
    assert configs == {(1, "cplfw"), (5, "rfw")}, found


@pytest.mark.parametrize(
    ("path", "code", "dataset"),
    [
        ("preprocess/crop_align.py", "img_root = '/path/to/your/AffectNet_root'\n", "affectnet"),
        ("reid/datasets/__init__.py", "from .personx import PersonX\n", "personx"),
        ("reid/datasets/vehiclex.py", "dataset_dir = 'AIC20_ReID_Simulation'\n", "vehiclex"),
        ("datasets/__init__.py", "from .street2shop import Street2Shop\n", "street2shop"),
        (
            "train.sh",
            "python train.py --json /data/deep_fashion/consumer_to_shop/train.json\n",
            "deepfashion-consumer-to-shop",
        ),
        ("tools/convert_ethz_to_coco.py", "DATA_PATH = 'datasets/ETHZ/'\n", "ethz"),
        ("data/prepare.py", "dataset_tag = 'climbmix'\n", "climbmix"),
        ("scripts/sft.py", "from tasks.smoltalk import SmolTalk\n", "smoltalk"),
        (
            "prepare.py",
            "destination = Path('data/RedPajama-Data-1T-Sample')\n",
            "redpajama-1t-sample",
        ),
        ("regression.py", "data = pd.read_csv('data/Advertising.csv')\n", "advertising"),
        (
            "tutorials/opts.py",
            "parser.add_argument('--dataset', default='youtube_vis')\n",
            "youtube-vis",
        ),
        ("vi_reid/test.py", "def process_test_regdb(img_dir, trial=1):\n    pass\n", "regdb"),
        ("alignment/config.py", "DATA_ROOT = 'data/300W/'\n", "300w"),
        ("alignment/data.py", "mat = loadmat('data/COFW/COFW_train_color.mat')\n", "cofw"),
        (
            "scripts/prepare_alpaca.py",
            "DATA = 'https://example.org/alpaca-lora/main/alpaca_data_cleaned_archive.json'\n",
            "alpaca-cleaned",
        ),
    ],
)
def test_the_catalogue_knows_these_datasets_by_name(
    make_repo: MakeRepo, run_cli: RunCli, path: str, code: str, dataset: str
) -> None:
    found = refs(make_repo, run_cli, path, code)
    assert {item[1] for item in found} == {dataset}, found


@pytest.mark.parametrize(
    "code",
    [
        "URL = 'http://data.vision.ee.ethz.ch/cvl/food-101.tar.gz'\n",  # ETH Zurich's host
        "print('Computer Vision Lab, ETHZ')\n",
        "# the advertising budget of each market\nbudget = advertising_spend(x)\n",
    ],
)
def test_look_alikes_of_the_new_names_are_not_those_datasets(
    make_repo: MakeRepo, run_cli: RunCli, code: str
) -> None:
    found = refs(make_repo, run_cli, "notes.py", code)
    assert not {item for item in found if item[1] in {"ethz", "advertising"}}, found


WORD_COMPOUNDS = """\
from data_gen import ArcFaceDataset
train_dataset = ArcFaceDataset('train')
if self._dataset_drop_path(event):
    pass
"""


def test_an_english_word_that_starts_another_name_is_not_the_dataset(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """ARC and DROP are datasets and English words. In ``ArcFaceDataset`` the word is the first
    half of ArcFace (the face recognition loss), in ``_dataset_drop_path`` of a drop path: the
    data word elsewhere in the identifier does not make them the datasets."""
    found = refs(make_repo, run_cli, "train.py", WORD_COMPOUNDS)
    assert {d for _, d, _ in found} == set(), found


CONFIG_READS = """\
with open('test_protocol/data_conf.yaml') as f:
    data_conf = yaml.load(f)['IJBC']
pairs_root = cfg['CPLFW']
lfw_acc = results['lfw']
label = names['cplfw']
"""


def test_a_loaded_config_read_by_a_datasets_key_selects_it(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """``yaml.load(f)['IJBC']`` and ``cfg['CPLFW']`` read the block of a data config that holds
    the benchmark's paths (as ``IJBC:`` in the YAML file selects it); a result or a table read
    by the dataset's name does not."""
    found = refs(make_repo, run_cli, "test_ijbc.py", CONFIG_READS)
    assert {(line, d) for line, d, kind in found if kind == "config"} == {
        (2, "ijb"),
        (3, "cplfw"),
    }, found


FILE_NAMES = """\
# MegaFace distractors
distractor_name = os.path.basename(megaface_list_basename).split('_')[0]
cur_list_name = megaface_list_basename + '_{}_{}'.format(size, index)
if args.megaface_filename:
    pass
megaface_acc_filename = 'results.txt'
"""


def test_a_name_holding_a_data_files_own_name_is_a_path(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """``megaface_list_basename`` holds the name of the benchmark's list file, as ``_path`` or
    ``_file`` would: a path reference; a test of whether it was given and a results file named
    for a measure are not."""
    found = refs(make_repo, run_cli, "run_experiment.py", FILE_NAMES)
    paths = {line for line, d, kind in found if d == "megaface" and kind == "path"}
    assert paths == {2, 3}, found
