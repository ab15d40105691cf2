"""Data access as references: identifiers, imports, downloads of unknown data, file reads.

Each case is a shape found in real public repositories (tests/realrepos) that the name pass
alone missed, and the look-alikes beside it that must stay silent.
"""

from __future__ import annotations

import json

import pytest
from tests.conftest import MakeRepo, RunCli, file_datasets, file_lines, scan_references
from tests.conftest import file_references as refs

CIFAR_HANDLE = (
    "with open(os.path.join(path, 'train'), 'rb') as cifar100:\n"
    "    data = pickle.load(cifar100, encoding='bytes')\n"
)
IDENTIFIERS = [
    # (code, line, dataset, kind): the dataset's name inside an identifier
    ("class DukeMTMCreID(BaseImageDataset):\n    pass\n", 1, "dukemtmc-reid", "load"),
    ("from .dukemtmcreid import DukeMTMCreID\n", 1, "dukemtmc-reid", "load"),
    ("from keras.datasets import mnist\n", 1, "mnist", "load"),
    ("from sklearn.datasets import load_iris\n", 1, "iris", "load"),
    ("def load_boston():\n    pass\n", 1, "boston-housing", "load"),
    ("loader = get_train_dataset(conf.ms1m_folder / 'imgs')\n", 1, "ms-celeb-1m", "path"),
    # camelCase is split in modules that name a dataset plainly somewhere (here, in a comment)
    ("# PASCAL VOC 2012\nclass VOCAnnotationTransform:\n    pass\n", 2, "pascal-voc", "load"),
    ("VOC_ROOT = osp.join(HOME, 'data/VOCdevkit/')\n", 1, "pascal-voc", "path"),
    ("class SVHN(data.Dataset):\n    pass\n", 1, "svhn", "load"),
    # a re-ID split's reader named for its dataset, and its call (visible-infrared re-ID code)
    ("def process_gallery_msmt17(data_path, trial=0):\n    pass\n", 1, "msmt17", "load"),
    ("query_img, query_label = process_query_msmt17(data_path, mode=mode)\n", 1, "msmt17", "load"),
    ("if args.dataset == 'mnist':\n    pass\n", 1, "mnist", "config"),
    (
        "import facenet, lfw\npairs = lfw.read_pairs(os.path.expanduser(a.pairs))\n",
        2,
        "lfw",
        "load",
    ),
    # a name of other words that the line uses as a location: tested, listed, joined onto
    ("# LFW\nif not os.path.isfile(args.lfwPairs):\n    pass\n", 2, "lfw", "path"),
    ("# LFW\nfor person in os.listdir(lfwAligned):\n    pass\n", 2, "lfw", "path"),
    ("names = sorted(os.listdir(celeba_aligned))\n", 1, "celeba", "path"),
    ("celeba_aligned = os.path.join(base, 'aligned')\n", 1, "celeba", "path"),
    # a top-level module of a benchmark's evaluation protocol reads its pairs and images
    ("import lfw_eval\n", 1, "lfw", "load"),
    ("from lfw_eval import parseList, evaluation_10_fold\n", 1, "lfw", "load"),
    # a file opened under the dataset's name, and that handle read whole
    (CIFAR_HANDLE, 1, "cifar-100", "path"),
    (CIFAR_HANDLE, 2, "cifar-100", "load"),
]


@pytest.mark.parametrize(("code", "line", "dataset", "kind"), IDENTIFIERS)
def test_a_name_inside_an_identifier_is_a_reference(
    make_repo: MakeRepo, run_cli: RunCli, code: str, line: int, dataset: str, kind: str
) -> None:
    assert (line, dataset, kind) in refs(make_repo, run_cli, "loader.py", code)


NOT_USES = [
    "lfw_accuracy = evaluate(model)\n",  # a metric
    "parser.add_argument('--lfw_batch_size', type=int, default=100)\n",  # an option's name
    "stat['lfw_accuracy'][epoch] = acc\n",  # a metric's key
    "if args.lfw_dir:\n    pass\n",  # a test that a location was given
    "voc_size = len(vocabulary)\n",  # a vocabulary, not VOC
    "x = CelebA(root)\ny = CelebAHQ(root)\n",  # never MS-Celeb
    "z = NotMNIST(root)\n",  # a different dataset, not MNIST
    "import eli5\neli5.show_weights(model)\n",  # the explainer library, not ELI5
    "class SNLIClassifier(nn.Module):\n    pass\n",  # a model named after its data
    "__author__ = 'Ka-Ping Yee <ping@lfw.org>'\n",  # an e-mail address
    "def voc_ap(rec, prec, use_07_metric=False):\n    pass\nap = voc_ap(rec, prec)\n",  # a metric
    "from .coco_eval import CocoEvaluator\nev = CocoEvaluator(gt, ['bbox'])\n",  # evaluation code
    # helpers over the annotations' shapes, not loaders: more words than the dataset's
    "def convert_coco_poly_to_mask(segmentations, height, width):\n    pass\n"
    "from datasets.coco import convert_coco_poly_to_mask, make_coco_transforms\n",
    # a split's scores, not its reader
    "def process_query_lfw_results(scores):\n    pass\n",
    # a location's name in a message, not a use of it
    'print(self.lfw_pairs_file)\nlogger.info("reading %s", args.voc_root)\n',
    # a file the run writes, and a location measured rather than used
    "with open(mnist_list, 'w') as f:\n    pass\nout = open(lfw_pairs, mode='wb')\n",
    "os.path.join(root, str(lfw_acc))\nos.path.exists(coco_model_path)\n",
    "out_dir = os.path.join(mnist_out, name)\n",  # where the run writes
    "out = os.path.join(self._mnist_emb_outdir, a)\n",  # the features it computes
    "probe = open(self._lfw_probe_list).readlines()\n",  # its definition places the list
    'f.write("\\n".join(lfw_names))\n',  # names joined into text, not a path
    "sys.path.append(osp.join(root, MNIST_API))\n",  # code put on the import path
    "with open('cache.pkl', 'wb') as mnist:\n    pickle.dump(d, mnist)\n",  # a file written
    # a text file opened under a short name (a changelog's handle, not CFP's data)
    'with self.changes_path.open("r", encoding="utf-8") as lfw:\n    text = lfw.read()\n',
    # a package's evaluator, and a module of helpers beside the evaluation
    "from datasets.coco_eval import CocoEvaluator\nimport lfw_eval_utils\n",
    "from eval_lfw import evaluation_10_fold, getFeatureFromTorch\n",  # its scorer alone
]


@pytest.mark.parametrize("code", NOT_USES)
def test_look_alikes_in_code_yield_nothing_flagged(
    make_repo: MakeRepo, run_cli: RunCli, code: str
) -> None:
    found = refs(make_repo, run_cli, "model.py", code)
    named = {"lfw", "pascal-voc", "ms-celeb-1m", "mnist", "eli5-hf", "coco"}
    assert not {d for _, d, _ in found} & named
    assert not {d for _, d, k in found if k != "mention"} & {"snli"}


def test_a_dataset_modules_reader_is_a_load_and_its_scorer_is_not(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    code = (
        "import facenet\n"
        "import lfw\n"
        "pairs = lfw.read_pairs(os.path.expanduser(args.pairs))\n"
        "tpr, fpr, acc, val, far = lfw.evaluate(embeddings, issame, nrof_folds=10)\n"
    )
    found = {line for line, dataset, _ in refs(make_repo, run_cli, "validate.py", code)}
    assert 3 in found
    assert 4 not in found


def test_downloads_in_a_script_known_or_not(make_repo: MakeRepo, run_cli: RunCli) -> None:
    script = (
        "wget http://mattmahoney.net/dc/text8.zip\n"  # catalogued since issue 17
        "curl -O https://example.org/corpora/mystery_corpus.tar.gz\n"
        "kaggle competitions download -c carvana-image-masking-challenge -f train_hq.zip\n"
        "unzip train_hq.zip\n"
        "tar -xzf mystery_corpus.tar.gz\n"
        "curl -sSL https://install.python-poetry.org | python3 -\n"
        "wget https://download.pytorch.org/models/resnet50-19c8e357.pth\n"
        "huggingface-cli download someone/corpus --repo-type dataset\n"
        'BASE_URL="https://huggingface.co/datasets/someone/shards/resolve/main/"\n'
        'DOCS="https://example.org/corpora/notes.txt"\n'
    )
    found = refs(make_repo, run_cli, "get_data.sh", script)
    by_line = {line: dataset for line, dataset, _ in found}
    assert by_line[2] == "url:mystery_corpus"
    assert by_line[3] == "carvana-image-masking-challenge"  # catalogued in data 2026.12.2
    assert (4, "carvana-image-masking-challenge", "path") in found
    assert (5, "url:mystery_corpus", "path") in found
    assert by_line[8] == "hf:someone/corpus"
    assert by_line[9] == "hf:someone/shards"  # a Hub dataset's files, fetched through $BASE_URL
    assert 10 not in by_line  # any other URL counts where it is fetched, not where it is set
    assert 6 not in by_line  # an installer is not data
    assert (7, "imagenet", "model") in found  # torchvision weights: a model trained on ImageNet


def test_kaggle_downloads_through_a_shell_list(make_repo: MakeRepo, run_cli: RunCli) -> None:
    """A setup script lists its Kaggle datasets and competitions in a variable and downloads
    each in a loop: every value is a dataset, at the list and at the download command."""
    script = (
        'SETS="someone/cafe-sales other/tide-tables"\n'  # 1
        "for slug in $SETS\n"
        "do\n"
        "    kaggle d download -p input --unzip $slug\n"  # 4
        "done\n"
        'COMPS=("bridge-load-forecast")\n'  # 6
        'for comp in "${COMPS[@]}"; do\n'
        "    kaggle competitions download $comp -p input\n"  # 8
        "    unzip ${comp}.zip\n"  # 9
        "done\n"
        "kaggle c download harbour-tides\n"  # 11
        'NAMES="alice bob"\n'  # 12: a list no download reads
        "for name in $NAMES; do echo $name; done\n"
        "kaggle d download -p $dest\n"  # 14: no name given
    )
    found = refs(make_repo, run_cli, "setup_data.sh", script)
    assert {
        (1, "kaggle:someone/cafe-sales", "config"),
        (1, "kaggle:other/tide-tables", "config"),
        (4, "kaggle:someone/cafe-sales", "url"),
        (4, "kaggle:other/tide-tables", "url"),
        (6, "kaggle:competition/bridge-load-forecast", "config"),
        (8, "kaggle:competition/bridge-load-forecast", "url"),
        (9, "kaggle:competition/bridge-load-forecast", "path"),
        (11, "kaggle:competition/harbour-tides", "url"),
    } <= found
    assert not {line for line, _, _ in found} & {12, 13, 14}


def test_unknown_downloads_need_a_datasheet(make_repo: MakeRepo, run_cli: RunCli) -> None:
    repo = make_repo({"get.sh": "kaggle competitions download -c titanic-lookalike-xyz\n"})
    result = run_cli(repo, "check", "--format", "json")
    missing = [f for f in result.json()["findings"] if f["rule"] == "DSL201"]
    assert [f["dataset"] for f in missing] == ["kaggle:competition/titanic-lookalike-xyz"]


READS = [
    ("import numpy as np\nx = np.load('data/faces/embeddings.npy')\n", 2),
    ("import numpy as np, os\nd = np.memmap(os.path.join(data_dir, 'train.bin'), mode='r')\n", 2),
    ("import h5py\nf = h5py.File('data/faces.h5', 'r')\n", 2),
    ("with open('data/ptb.train.txt') as f:\n    pass\n", 1),
    ("import pandas as pd\ndf = pd.read_csv(\n    'datasets/sales/sales.csv')\n", 2),
]


@pytest.mark.parametrize(("code", "line"), READS)
def test_reading_a_data_file_is_a_reference(
    make_repo: MakeRepo, run_cli: RunCli, code: str, line: int
) -> None:
    assert any(found_line == line for found_line, _, _ in refs(make_repo, run_cli, "r.py", code))


def test_writing_or_opening_any_text_file_is_not(make_repo: MakeRepo, run_cli: RunCli) -> None:
    """What a test opens is its fixture (a formatter's test cases open 'bug.txt'), and what
    any module writes is its output."""
    code = "with open('bug.txt') as f:\n    pass\nwith open('data/out.csv', 'w') as f:\n    pass\n"
    assert refs(make_repo, run_cli, "tests/data/cases/w.py", code) == set()
    assert refs(make_repo, run_cli, "w.py", code.replace("bug.txt", "bug.txt', 'w")) == set()


def test_a_text_file_a_script_reads_is_data_known_by_its_name(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """Course notebooks and char-level models read their corpus from beside the script
    (``open('reviews.txt')``, ``open('input.txt')``): an unknown dataset, with its file's
    name for an id, which needs a datasheet like a known one."""
    code = (
        "g = open('reviews.txt', 'r')\nreviews = g.readlines()\ntext = open('input.txt').read()\n"
    )
    assert refs(make_repo, run_cli, "sentiment.py", code) == {
        (1, "local:reviews.txt", "load"),
        (3, "local:input.txt", "load"),
    }
    # the repository's own text files, and one the module wrote itself, are not data
    own = (
        "with open('requirements.txt') as f:\n    pass\n"
        "prompt = open('./prompt.txt').read()\n"
        "hashes = open('./utils/shard_hashes.txt').read()\n"
        "f = open('theta.txt', 'w')\nf.close()\nt = open('theta.txt', 'r').read()\n"
    )
    assert refs(make_repo, run_cli, "own.py", own) == set()


NOT_DATA_READS = [
    # the repository's own files, a run's configuration and records: never a dataset
    "with open('config.json') as f:\n    cfg = json.load(f)\n",
    "import numpy as np\nx = np.load(os.path.join(log_dir, 'stats.npy'))\n",
    # written by the module itself, then read back: its own output
    "import pandas as pd\ndf.to_csv('scores.csv')\nold = pd.read_csv('scores.csv')\n",
]


@pytest.mark.parametrize("code", NOT_DATA_READS)
def test_reading_the_runs_own_files_is_not_a_reference(
    make_repo: MakeRepo, run_cli: RunCli, code: str
) -> None:
    assert refs(make_repo, run_cli, "run.py", "import os, json\n" + code) == set()


PROCESSOR = """\
import os


class NerProcessor(DataProcessor):
    def get_train_examples(self, data_dir):
        return self._create_example(
            self._read_data(os.path.join(data_dir, "train.txt")), "train"
        )

    def get_labels(self, output_dir):
        with open(os.path.join(output_dir, "label2id.pkl"), "wb") as w:
            pass
        self.cache_file = os.path.join(data_dir, "features.pkl")
        np.save(os.path.join(data_dir, "emb.npy"), x)


def parse_list(root):
    with open(os.path.join(root, "pairs.txt")) as f:
        pairs = f.readlines()
    protocol = os.path.join(
        root,
        "cs6_metadata.csv")
    return protocol


def convert(tf_mdl_dir):
    layers = os.path.join(tf_mdl_dir, "layer_description.json")
    splits = os.path.join(data_root, "splits.json")
    with open(ACTION_PATH / ".git_archival.txt") as fp:
        return layers, splits, fp.read()
"""


def test_a_data_file_joined_onto_a_data_location_is_a_reference(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """A processor's ``os.path.join(data_dir, "train.txt")``, an evaluator's
    ``join(root, "pairs.txt")``: the file is the data the class reads, named at the line
    that names it (the last line of a join over several), with the location's name in its id.
    Joined onto an output folder, written (np.save), or bound to a cache's name, it is not."""
    found = refs(make_repo, run_cli, "ner.py", PROCESSOR)
    assert found == {
        (7, "local:train.txt", "path"),  # a split's file: data_dir names no folder (issue 16)
        # two files below one root the module holds: that root's one dataset
        (18, "local:ner/root", "load"),
        (22, "local:ner/root", "path"),
    }
    # Where the line already reads a named dataset, the file is that dataset's: no nameless
    # id beside it (which would ask for a second datasheet).
    code = (
        "import os.path as osp\n"
        "lfw_root = osp.join('data', 'lfw')\n"
        "pairs = osp.join(lfw_root, 'pairs_list.txt')\n"
    )
    found = refs(make_repo, run_cli, "eval_lfw.py", code)
    assert {dataset for _, dataset, _ in found} == {"lfw"}


def test_a_url_bound_elsewhere_is_reported_where_it_is_fetched_too(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    code = (
        "import urllib.request\n"
        "class Data:\n"
        "    def __init__(self):\n"
        "        self.dataset_url = 'http://example.org/x/stuff.zip'\n"
        "    def download(self):\n"
        "        urllib.request.urlretrieve(self.dataset_url, 'stuff.zip')\n"
    )
    lines = file_lines(make_repo, run_cli, "d.py", code)
    assert {4, 6} <= lines


def test_a_data_file_bound_elsewhere_is_reported_where_it_is_bound_too(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """A protocol script binds its list files at the top and opens them further down: the
    line that spells the path and the line that reads it are both references; a path opened
    for writing is the run's own."""
    code = (
        "import os\n"  # 1
        "protocol_list = '/home/me/spoof_frames/protocols/Protocol_1/Train.txt'\n"  # 2
        "out = open('./lists/train_list_p1.txt', 'w')\n"  # 3
        "listing = open(protocol_list, 'r')\n"  # 4
        "for row in listing.readlines():\n"
        "    out.write(row)\n"
    )
    found = refs(make_repo, run_cli, "make_list.py", code)
    lines = {line: kind for line, _, kind in found}
    assert lines.get(2) == "path" and lines.get(4) == "load"
    assert 3 not in lines


def test_a_parameter_default_feeds_the_loader(make_repo: MakeRepo, run_cli: RunCli) -> None:
    code = (
        "from datasets import load_dataset\n"
        "def train(data_path: str = 'someone/instructions'):\n"
        "    return load_dataset(data_path)\n"
    )
    found = refs(make_repo, run_cli, "t.py", code)
    assert (3, "hf:someone/instructions", "load") in found


def test_old_and_wrapped_hugging_face_loaders(make_repo: MakeRepo, run_cli: RunCli) -> None:
    code = "from nlp import load_dataset\nx = load_dataset('someone/a')\n"
    assert (2, "hf:someone/a", "load") in refs(make_repo, run_cli, "a.py", code)
    wrapped = "from .utils import *\nx = load_dataset('someone/b')\n"
    assert (2, "hf:someone/b", "load") in refs(make_repo, run_cli, "b.py", wrapped)


def test_a_dataset_class_in_cpp(make_repo: MakeRepo, run_cli: RunCli) -> None:
    code = "auto train = torch::data::datasets::MNIST(kDataRoot);\n"
    assert (1, "mnist", "load") in refs(make_repo, run_cli, "mnist.cpp", code)


def test_command_lines_name_their_datasets(make_repo: MakeRepo, run_cli: RunCli) -> None:
    script = (
        "python baseline.py cifar100 --model $1\n"
        "python3 tools/test.py DATASETS.NAMES \"('market1501')\" MODEL.DEVICE_ID \"('0')\"\n"
        "python train.py --lfw_dir /data/x\n"
    )
    found = refs(make_repo, run_cli, "run.sh", script)
    assert (1, "cifar-100", "config") in found
    assert (2, "market-1501", "config") in found
    assert not any(line == 3 for line, _, _ in found)  # an option's name selects nothing


def test_the_folder_an_archive_unpacks_to_is_followed(make_repo: MakeRepo, run_cli: RunCli) -> None:
    script = (
        "kaggle competitions download -c carvana-image-masking-challenge -f train_hq.zip\n"
        "unzip train_hq.zip\n"
        "mv train_hq/* data/imgs/\n"
        "rm -d train_hq\n"
    )
    found = refs(make_repo, run_cli, "get.sh", script)
    carvana = "carvana-image-masking-challenge"  # the catalogue's kaggle loader id
    assert {(2, carvana, "path"), (3, carvana, "path"), (4, carvana, "path")} <= found


def test_an_image_folder_and_a_call_over_several_lines(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    code = (
        "from torchvision import datasets\n"
        "train = datasets.ImageFolder(\n"
        "    root='/share/data/faces/train')\n"
    )
    found = file_datasets(make_repo, run_cli, "f.py", code)
    # the dataset is the folder below the data root: /share/data/faces, not its split
    assert {(2, "local:/share/data/faces"), (3, "local:/share/data/faces")} <= found


DATA_LOCATIONS = [
    ("treebank_path = './.data/eng_web_tbk/answers/answers_penntrees.dev.conll'\n", True),
    ("data_dir = '../data/test_images'\n", True),
    ("dir_img = Path('./data/imgs/')\n", True),
    ("parser.add_argument('--data', type=str,\n    default='data/penn/')\n", True),
    ("save_dir = 'data/results/run1'\n", False),  # where a run writes
    ("data_path = Path('data')\n", False),  # a root of many datasets, not one
    ("parser.add_argument('--out_dir', default='data/out/')\n", False),
    ("model_path = 'data/weights/best.pth'\n", False),  # a model
    ("greeting = 'data/hello.csv'\n", False),  # a name that says nothing of data
]


@pytest.mark.parametrize(("code", "counts"), DATA_LOCATIONS)
def test_literal_data_locations(
    make_repo: MakeRepo, run_cli: RunCli, code: str, counts: bool
) -> None:
    found = {
        dataset for _, dataset, kind in refs(make_repo, run_cli, "p.py", code) if kind == "path"
    }
    assert bool(found) is counts, found


def test_a_word_named_dataset_in_a_loaders_own_name(make_repo: MakeRepo, run_cli: RunCli) -> None:
    code = "def load_extended_boston():\n    pass\nclass Boston:\n    pass\n"
    found = refs(make_repo, run_cli, "mglearn.py", code)
    assert (1, "boston-housing", "load") in found
    assert not any(line == 3 for line, _, _ in found)  # a class named after the city


STOCHASTIC_DEPTH = """\
import torch.nn as nn
from .drop import DropPath, DropBlock2d, drop_path


def drop_path(x, drop_prob: float = 0.0, training: bool = False):
    return x


class DropPath(nn.Module):
    def __init__(self, drop_prob=None):
        super(DropPath, self).__init__()
        self.drop_path = DropPath(drop_path) if drop_path > 0.0 else nn.Identity()

    def forward(self, x):
        return x + self.drop_path(self.attn(x))


blocks = [Block(dim, drop_path=dpr[i]) for i in range(depth)]
_C.MODEL.BACKBONE.DROP_PATH_RATIO = 0.1
drop_path_ratio = cfg.MODEL.BACKBONE.DROP_PATH_RATIO
"""


def test_an_english_word_in_an_identifier_needs_a_word_that_says_dataset(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """DROP is a dataset and an English word: drop_path/DropPath (stochastic depth, in every
    vision transformer) is the word, "path" beside it is not enough; a word that says dataset
    or folder is. A name that is no word (VOC_PATH) keeps needing only a location word."""
    found = refs(make_repo, run_cli, "layers.py", STOCHASTIC_DEPTH)
    assert {d for _, d, _ in found} == set(), found
    code = (
        "DROP_DATASET_PATH = os.environ['DROP_HOME']\n"
        "glue_dir = os.path.expanduser(args.glue_dir)\n"
        "VOC_PATH = os.environ['HOME']\n"
    )
    found = refs(make_repo, run_cli, "paths.py", code)
    assert {(1, "drop", "path"), (2, "glue", "path"), (3, "pascal-voc", "path")} <= found


IMAGE_DATABASE = """\
from datasets.imdb import imdb
from datasets.factory import get_imdb


class pascal_voc(imdb):
    def __init__(self, image_set, year):
        imdb.__init__(self, 'voc_' + year + '_' + image_set)


def combined_roidb(imdb_names):
    imdb = get_imdb(imdb_names)
    return imdb.roidb
"""


def test_a_term_of_art_in_code_needs_the_context_a_word_needs(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """imdb is the image database of every py-faster-rcnn port, not the IMDb reviews; the
    reviews' loaders still name them."""
    found = refs(make_repo, run_cli, "lib/datasets/pascal_voc.py", IMAGE_DATABASE)
    assert "imdb" not in {d for _, d, _ in found}, found
    keras = "from keras.datasets import imdb\n(x, y), _ = imdb.load_data(num_words=10000)\n"
    found = refs(make_repo, run_cli, "sentiment.py", keras)
    assert {(1, "imdb", "load"), (2, "imdb", "load")} <= found


GROUPED_QUERY_ATTENTION = """\
import torch.nn as nn


class GQA(nn.Module):
    def __init__(self, d_model, n_heads, n_kv_groups):
        super().__init__()
        self.n_kv_groups = n_kv_groups


gqa = GQA(d_model=512, n_heads=8, n_kv_groups=2)
out = gqa(batch)
"""


def test_grouped_query_attention_is_no_gqa_but_its_data_folder_is(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """GQA is grouped-query attention in language-model code (a term of art, as imdb is);
    the question set is named by its dataset keys and data folders."""
    found = refs(make_repo, run_cli, "model/attention.py", GROUPED_QUERY_ATTENTION)
    assert "gqa" not in {d for _, d, _ in found}, found
    config = "datasets:\n  gqa:\n    ann_path: data/eval/gqa/testdev_balanced_questions.json\n"
    found = refs(make_repo, run_cli, "configs/eval.yaml", config)
    assert {(2, "gqa", "config"), (3, "gqa", "path")} <= found, found


def test_a_file_header_naming_the_module_itself_is_no_mention(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """An editor's header template (@file: megaface.py) names the file, not the data; the
    description beside it still mentions it."""
    code = (
        '"""\n@author: someone\n@file: megaface.py\n@desc: the MegaFace loader\n"""\n'
        "# @File    : megaface_eval.py\n"
        "# See also megaface.py for the loader.\n"
    )
    found = file_lines(make_repo, run_cli, "data/megaface.py", code)
    assert {4, 7} <= found
    assert not found & {3, 6}


def test_uci_data_file_names_a_word_named_dataset(make_repo: MakeRepo, run_cli: RunCli) -> None:
    code = (
        "import os\nimport pandas as pd\n"
        'adult_path = os.path.join(mglearn.datasets.DATA_PATH, "adult.data")\n'
        "data = pd.read_csv(adult_path, header=None)\n"
        "X = adult.data\n"  # an attribute, not a file
        "y = adult_path.data\n"
    )
    found = refs(make_repo, run_cli, "census.py", code)
    assert (3, "adult", "path") in found
    assert not {line for line, d, _ in found if d == "adult"} & {5, 6}


def test_a_class_names_file_names_its_dataset(make_repo: MakeRepo, run_cli: RunCli) -> None:
    """Darknet's class list of a dataset (data/coco.names, voc.names), written as a file; an
    attribute of the same spelling is not one."""
    code = (
        "if dataset == 'voc':\n"
        "    namesfile = 'data/voc.names'\n"
        "classes = load_classes('coco.names')\n"
        "labels = voc.names\n"
        "titles = coco.names()\n"
    )
    found = file_datasets(make_repo, run_cli, "detect.py", code)
    assert {(2, "pascal-voc"), (3, "coco")} <= found
    assert not {line for line, _ in found} & {4, 5}
    config = 'YOLOV3:\n  CLASS_NAMES: "./detector/cfg/coco.names"\n'
    assert file_datasets(make_repo, run_cli, "configs/yolov3.yaml", config) == {(2, "coco")}


PRETRAINED = """\
model_urls = {
    'resnet50': 'https://download.pytorch.org/models/resnet50-19c8e357.pth',
    'frcnn': 'https://download.pytorch.org/models/fasterrcnn_resnet50_fpn_coco-258fb6c6.pth',
    'raft': 'https://download.pytorch.org/models/raft_large_C_T_SKHT_V2-ff5fadd5.pth',
}
model.load_state_dict(model_zoo.load_url(model_urls['resnet50']))
base = resnet50(pretrained=True, last_conv_stride=1)
net = models.vgg16(weights=models.VGG16_Weights.IMAGENET1K_V1)
seg = deeplabv3_resnet50(weights="COCO_WITH_VOC_LABELS_V1")
se = 'http://data.lip6.fr/cadene/pretrainedmodels/se_resnet50-ce0d4300.pth'
mine = MyNet(pretrained=True)
ours = resnet50(pretrained=False)
"""


def test_weights_of_the_big_zoos_are_models_trained_on_their_data(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """torchvision and Cadene weights name their training set (ImageNet, COCO) as a model
    reference; a zoo that states no training set, and untrained models, stay silent."""
    found = refs(make_repo, run_cli, "backbone.py", PRETRAINED)
    assert found == {
        (2, "imagenet", "model"),
        (3, "coco", "model"),
        (6, "imagenet", "model"),
        (7, "imagenet", "model"),
        (8, "imagenet", "model"),
        (9, "coco", "model"),
        (10, "imagenet", "model"),
    }


def test_keras_application_weights_are_a_model_trained_on_imagenet(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """The Keras Applications' weight files (vgg16_weights_tf_dim_ordering_tf_kernels.h5) are
    its ImageNet weights wherever a project keeps a copy; another .h5 is not."""
    code = (
        "VGG = 'models/vgg16_weights_tf_dim_ordering_tf_kernels.h5'\n"
        "base = load_model('weights/inception_v3_weights_tf_dim_ordering_tf_kernels_notop.h5')\n"
        "mine = load_model('weights/my_classifier_weights.h5')\n"
    )
    found = refs(make_repo, run_cli, "transfer.py", code)
    assert {(1, "imagenet", "model"), (2, "imagenet", "model")} <= found, found
    assert not {item for item in found if item[0] == 3 and item[1] == "imagenet"}, found


def test_torchvision_architectures_looked_up_by_name_are_imagenet_weights(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """models.__dict__[args.arch](pretrained=True), the ImageNet example's idiom, loads a
    torchvision classifier's ImageNet weights whichever architecture is named."""
    code = (
        "import torchvision.models as models\n"
        "model = models.__dict__[args.arch](pretrained=True)\n"
        "scratch = models.__dict__[args.arch]()\n"
        "mine = registry.__dict__[name](pretrained=True)\n"
    )
    assert refs(make_repo, run_cli, "main.py", code) == {(2, "imagenet", "model")}
    # Without torchvision, 'models' is the repository's own module: its weights are unknown.
    assert refs(make_repo, run_cli, "own.py", code.replace("torchvision.", "")) == set()


def test_model_references_need_no_datasheet(make_repo: MakeRepo, run_cli: RunCli) -> None:
    repo = make_repo({"backbone.py": PRETRAINED})
    result = run_cli(repo, "check", "--format", "json")
    assert result.exit_code == 0, result.stdout
    assert result.json()["findings"] == []


DATASET_MODULE = """\
import os
from .imdb import imdb

class pascal_voc(imdb):
    def __init__(self, image_set, year, devkit_path=None):
        self._data_path = os.path.join(self._devkit_path, 'VOC' + year)
        self.cache_file = os.path.join(self._data_path, 'cache.pkl')

    def image_path_from_index(self, index):
        image_path = os.path.join(self._data_path, 'JPEGImages', index + '.jpg')
        return image_path

    def _write_results(self, path):
        with open(os.path.join(self._devkit_path, 'results', path), 'wt') as f:
            f.write('')
"""


def test_a_dataset_module_reads_its_dataset_from_its_data_root(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """lib/datasets/pascal_voc.py reaches Pascal VOC's files from its data root; a module
    named so outside a data folder that defines no dataset class, its caches and what it
    writes are not the dataset's data (a module that defines the class is the dataset's
    wherever it lies: tests/test_dataset_layouts.py)."""
    found = refs(make_repo, run_cli, "lib/datasets/pascal_voc_rbg.py", DATASET_MODULE)
    paths = {(line, dataset) for line, dataset, kind in found if kind == "path"}
    assert paths == {(6, "pascal-voc"), (10, "pascal-voc")}
    unnamed = DATASET_MODULE.replace("class pascal_voc(imdb)", "class detections(imdb)")
    elsewhere = refs(make_repo, run_cli, "tools/pascal_voc.py", unnamed)
    assert not {line for line, _, kind in elsewhere if kind == "path"}


FOLDED = """\
import os
import urllib.request
import pandas as pd

DOWNLOAD_ROOT = "https://example.org/handson/"
HOUSING_PATH = os.path.join("datasets", "housing")
HOUSING_URL = DOWNLOAD_ROOT + "datasets/housing/housing.tgz"
SPAM_URL = f"{DOWNLOAD_ROOT}corpora/spam.tar.bz2"

def fetch(housing_url=HOUSING_URL, housing_path=HOUSING_PATH):
    urllib.request.urlretrieve(housing_url, os.path.join(housing_path, "housing.tgz"))

def load(housing_path=HOUSING_PATH):
    return pd.read_csv(os.path.join(housing_path, "housing.csv"))

def spam(url=SPAM_URL):
    urllib.request.urlretrieve(url, "spam.tar.bz2")
"""


def test_urls_and_paths_built_from_constants_are_followed(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """A URL or path bound once, built with +, an f-string or os.path.join from other bound
    names, and passed on as a parameter's default, is read where the call uses it."""
    lines = file_lines(make_repo, run_cli, "fetch.py", FOLDED)
    assert {7, 11} <= lines  # HOUSING_URL where it is built, and the download
    assert {8, 17} <= lines  # the f-string URL, and its download
    assert 14 in lines  # read_csv of datasets/housing/housing.csv


SEGMENTATION_LOADERS = """\
# loaders for ADE20K, Pascal VOC, Cityscapes, VeRi-Wild, MNIST and CelebA
from seglib.loader.ade20k_loader import ADE20KLoader
from seglib.loader.pascal_voc_loader import pascalVOCLoader


def get_loader(name):
    return {
        "pascal": pascalVOCLoader,
        "cityscapes": cityscapesLoader,
        "ade20k": ADE20KLoader,
    }[name]


class ADE20KLoader(data.Dataset):
    def __init__(self, root, split="training"):
        self.root = root


if __name__ == "__main__":
    dst = ADE20KLoader(local_path, is_transform=True)
    x = NotMNIST(root)
    y = TheCelebALoader(root)
    z = VeRiWildLoader(root)
    w = LargeMegaFace(root)
"""


def test_a_name_the_humps_cut_in_two_is_one_token(make_repo: MakeRepo, run_cli: RunCli) -> None:
    """Split at its humps, ``ADE20KLoader`` is ADE20|K|Loader and ``pascalVOCLoader``
    pascal|VOC|Loader: every run of whole words is tried as one name, so the class, its
    import, its call and the registry entry that maps a key to it are each a load; so is the
    import of the dataset's own module (``ade20k_loader``).

    A name counts only as whole words from the start, after an underscore or after a verb:
    not MNIST in NotMNIST (its own dataset), CelebA in TheCelebALoader, VeRi-776 in
    VeRiWildLoader (VeRi-Wild, the longer name, wins) or MegaFace in LargeMegaFace."""
    found = refs(make_repo, run_cli, "seglib/loader/__init__.py", SEGMENTATION_LOADERS)
    loads = {(line, dataset) for line, dataset, kind in found if kind == "load"}
    expected = {(2, "ade20k"), (3, "pascal-voc"), (8, "pascal-voc"), (14, "ade20k")}
    assert expected | {(20, "ade20k")} <= loads, found
    used = {(line, dataset) for line, dataset, kind in found if line > 20}
    assert used <= {(21, "notmnist"), (23, "veri-wild")}, found


EVALUATION_PROTOCOL = """\
# MegaFace challenge 1 with the FaceScrub probe set
from eval_megaface import EvalMegaFace


class EvalMegaFace(object):
    def __init__(self, data_root):
        self.data_root = data_root


evaluator = EvalMegaFace(cfg.data_root)
megaface_acc = evaluator.run(model)
class MegaFaceEvaluator(object):
    pass
log = EvalMegaFaceAccuracy(megaface_acc)
"""


def test_a_class_that_evaluates_on_a_dataset_reads_it_and_its_score_does_not(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """``EvalMegaFace`` runs the MegaFace protocol over its files: its definition, import and
    construction are loads, though "eval" otherwise makes a name a measurement, and so is the
    protocol's ``MegaFaceEvaluator`` (round 7's labels: the evaluator reads the benchmark's
    lists); the score (``megaface_acc``) and a class named for a score are not."""
    found = refs(make_repo, run_cli, "evaluation/main.py", EVALUATION_PROTOCOL)
    lines = {line for line, dataset, kind in found if dataset == "megaface" and kind != "mention"}
    assert lines == {2, 5, 10, 12}, found


CLASS_REGISTRY = """\
from .market1501 import Market1501
from .cuhk03 import CUHK03

DATASETS = [Market1501, CUHK03]
FACTORY = dict(market1501=Market1501, cuhk03=CUHK03)
DATASET_REGISTRY.register(Market1501)
if dataset_cls == Market1501:
    pass
train_set = self.subset_ms1mv2_dataset(index)
pairs = create_mock_lfw_pairs(tmp_dir)
base = super(Market1501, self)
if isinstance(dataset, CUHK03):
    pass
def extract_ms1mv2_data_11(data_path, subset):
    pass
"""


def test_dataset_classes_handed_on_and_loaders_named_with_data_words(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """A dataset's class handed on as a value (a list or registry of classes, a keyword's
    value, a registering call's argument) loads it, as its dict registry does; compared or
    inspected (super, isinstance), it loads nothing. A call named for a dataset and data
    words (subset_ms1mv2_dataset) loads it; one with other words besides
    (create_mock_lfw_pairs) does not."""
    found = refs(make_repo, run_cli, "reid/datasets/__init__.py", CLASS_REGISTRY)
    loads = {(line, dataset) for line, dataset, kind in found if kind == "load"}
    assert {(4, "market-1501"), (4, "cuhk03"), (5, "market-1501"), (5, "cuhk03")} <= loads
    assert {(6, "market-1501"), (9, "ms1mv2"), (14, "ms1mv2")} <= loads  # numbers are no words
    assert not {line for line, _, _ in found} & {7, 10, 11, 12}, found


SEGMENTATION_LOADER = """\
import os


class ADE20KLoader(data.Dataset):
    def __init__(self, root, split="training"):
        self.images_base = os.path.join(self.root, "images", split)
        self.annotations_base = os.path.join(self.root, "annotations", split)
"""


def test_a_loader_folder_is_a_data_folder(make_repo: MakeRepo, run_cli: RunCli) -> None:
    """Segmentation toolkits keep one module per dataset in ``loader/``: a join from the
    module's data root to a named part of the release reads the module's dataset."""
    found = refs(make_repo, run_cli, "seglib/loader/ade20k_loader.py", SEGMENTATION_LOADER)
    assert {(6, "ade20k", "path"), (7, "ade20k", "path")} <= found, found


SPEECH_CORPUS_MODULE = """\
import os


def build_from_path(in_dir, out_dir):
    with open(os.path.join(in_dir, "metadata.csv"), encoding="utf-8") as f:
        for line in f:
            wav_path = os.path.join(in_dir, "wavs", "%s.wav" % line)
    with open(os.path.join(out_dir, "train.txt"), "w") as out:
        out.write(wav_path)
"""

CORPUS_TESTS = """\
from datasets import ljspeech


def test_ljspeech_metadata():
    rows = ljspeech.build_from_path("tests/data", "/tmp/out")
    assert rows


test_ljspeech_metadata()
"""


def test_a_speech_corpus_module_reads_its_input_folder_and_its_tests_load_nothing(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """A TTS repository's datasets/ljspeech.py reads the corpus from ``in_dir``, the data
    root of such modules, and writes its output elsewhere; a unit test named for the corpus
    (``def test_ljspeech_metadata``, its call) is no loader, while the module's import and
    its reader's call in the test are uses."""
    files = {"datasets/ljspeech.py": SPEECH_CORPUS_MODULE, "tests/test_corpus.py": CORPUS_TESTS}
    found = scan_references(make_repo, run_cli, files)
    module = {(line, d) for path, line, d, _ in found if path == "datasets/ljspeech.py"}
    assert (7, "ljspeech") in module, found
    assert 8 not in {line for line, _ in module}
    tests = {line for path, line, d, _ in found if path == "tests/test_corpus.py"}
    assert {1, 5} <= tests and not tests & {4, 9}, found


FACE_DETECTION_DATA = """\
import torch.utils.data as data


class WiderFaceDetection(data.Dataset):
    def __init__(self, txt_path, preproc=None):
        self.preproc = preproc
"""

DETECTION_EVAL = """\
dataset = VOCDetection(args.voc_root, [("2007", set_type)], BaseTransform(300, mean),
                       VOCAnnotationTransform())
"""


def test_a_data_folders_module_is_split_at_its_humps_and_an_annotation_reader_loads(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """A module in a data folder may name its dataset only in a camelCase class
    (``WiderFaceDetection`` in data/wider_face.py): it is split at its humps though it names
    no dataset plainly; elsewhere such a module is not (the cost of a scan). The call of a
    dataset's annotation reader (``VOCAnnotationTransform()``) on a line of its own loads it."""
    files = {
        "retinaface/data/wider_face.py": FACE_DETECTION_DATA,
        "retinaface/wider_face.py": FACE_DETECTION_DATA,
        "eval.py": DETECTION_EVAL,
    }
    found = scan_references(make_repo, run_cli, files)
    assert ("retinaface/data/wider_face.py", 4, "wider-face", "load") in found, found
    assert not {ref for ref in found if ref[0] == "retinaface/wider_face.py"}
    assert ("eval.py", 2, "pascal-voc", "load") in found, found


SPELLINGS = [
    # (call, dataset): one alias with digits or mixed case, however the identifier is cut
    ("ADE20KLoader", "ade20k"),
    ("ade20k_loader", "ade20k"),
    ("Ade20kDataset", "ade20k"),
    ("ADE20K_Loader", "ade20k"),
    ("getADE20KData", "ade20k"),
    ("VOC2012Loader", "pascal-voc"),
    ("MS1MV2Reader", "ms1mv2"),
    ("Ms1mv2Dataset", "ms1mv2"),
    ("celebaLoader", "celeba"),
    ("CelebAFolder", "celeba"),
    ("Market1501Loader", "market-1501"),
    ("DukeMTMCReader", "duke-mtmc"),
    ("loadMegaFace", "megaface"),
]


def test_an_alias_is_one_token_in_every_spelling_of_a_loader(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    header = "# ADE20K, Pascal VOC, MS1MV2, CelebA, Market-1501, DukeMTMC, MegaFace\n"
    calls = "".join(f"data_{n} = {name}(root)\n" for n, (name, _) in enumerate(SPELLINGS))
    found = refs(make_repo, run_cli, "train.py", header + calls)
    expected = {(n + 2, dataset, "load") for n, (_, dataset) in enumerate(SPELLINGS)}
    assert expected <= found, sorted(expected - found)


def test_a_folder_reader_given_a_root_plus_a_split_reads_the_root(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """A course's ``data_dir = 'Cat_Dog_data'`` then ``ImageFolder(data_dir + '/train')`` and
    ``(data_dir + '/test')``: one unknown dataset, the folder above its splits; a file name
    built at run time (``root + '/' + name + '.npy'``) names no file."""
    code = (
        "from torchvision import datasets\n"
        "import numpy as np\n"
        "data_dir = 'Cat_Dog_data'\n"
        "train_data = datasets.ImageFolder(data_dir + '/train', transform=train_transforms)\n"
        "test_data = datasets.ImageFolder(data_dir + '/test', transform=test_transforms)\n"
        "x = np.load(root + '/' + name + '.npy')\n"
    )
    assert file_datasets(make_repo, run_cli, "transfer.py", code) == {
        (3, "local:Cat_Dog_data"),
        (4, "local:Cat_Dog_data"),
        (5, "local:Cat_Dog_data"),
    }


def test_a_known_datasets_folder_joined_onto_a_data_location_is_that_dataset(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """``os.path.join(data_path, "IJBB/meta/ijbb_face_tid_mid.txt")``: the file of a known
    benchmark read from wherever the user keeps data; a folder no name places is nothing."""
    code = (
        "import os\n"
        "def paths(data_path):\n"
        '    media = os.path.join(data_path, "IJBB/meta/ijbb_face_tid_mid.txt")\n'
        '    crops = os.path.join(data_path, "IJBB/loose_crop")\n'
        '    images = os.path.join(data_path, "images")\n'
        "    return media, crops, images\n"
    )
    found = refs(make_repo, run_cli, "ijb.py", code)
    assert {(line, dataset, kind) for line, dataset, kind in found} == {
        (3, "ijb", "path"),
        (4, "ijb", "path"),
    }


def test_a_folder_named_for_its_data_is_a_data_location(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """``data_dir = 'Cat_Dog_data/train'`` in one cell, ``'Cat_Dog_data'`` in the next: one
    dataset, the folder above its split, whatever cell reads it; a run's ``output_data`` or
    ``model_data`` is no data."""
    code = (
        "from torchvision import datasets\n"
        "data_dir = 'Cat_Dog_data/train'\n"
        "dataset = datasets.ImageFolder(data_dir, transform=transform)\n"
        "data_dir = 'Cat_Dog_data'\n"
        "train_data = datasets.ImageFolder(data_dir + '/train', transform=train_transforms)\n"
        "save_dir = 'output_data/x'\n"
        "model_dir = 'model_data/resnet'\n"
    )
    assert file_datasets(make_repo, run_cli, "loading.py", code) == {
        (line, "local:Cat_Dog_data") for line in (2, 3, 4, 5)
    }


FEATURE_PYRAMID = """\
import torch.nn as nn


class PyramidFeatures(nn.Module):
    def __init__(self, C3_size, C4_size, C5_size, feature_size=256):
        super().__init__()
        self.P3_1 = nn.Conv2d(C3_size, feature_size, kernel_size=1)
        self.P3_2 = nn.Conv2d(feature_size, feature_size, kernel_size=3, padding=1)

    def forward(self, inputs):
        C3, C4, C5 = inputs
        P3_x = self.P3_1(C3)
        P3_x = self.P3_2(P3_x)
        return [P3_x]
"""


def test_a_short_name_numbered_in_an_identifier_is_a_layer_not_the_dataset(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """P3 is BigScience's prompt collection and the third level of every feature pyramid:
    self.P3_1(C3), P3_x in any detector. A short ambiguous name whose identifier adds only a
    number or a letter (P3_1, P3_x) numbers a layer; the dataset's own spelling still counts
    where its name stands alone as a loader (P3(root)) or a location (p3_dir)."""
    assert refs(make_repo, run_cli, "retina/model.py", FEATURE_PYRAMID) == set()
    code = (
        "data = load_dataset('bigscience/P3')\np3_dir = os.environ['P3_HOME']\n"
        "train_set = VOC_2012(root)\n"  # a year is the data's edition, not a layer's number
    )
    found = refs(make_repo, run_cli, "prompts.py", code)
    assert {(1, "p3", "load"), (2, "p3", "path"), (3, "pascal-voc", "load")} <= found, found


def test_a_letter_and_digit_beside_its_siblings_is_one_of_a_series(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """p3 = self.p3(p4, c3): a feature pyramid's levels and a backbone's stages (p5, p4, p3;
    c3, c4), a model's branches (p1, p2, p3) are numbered series, not P3 or C4; alone beside
    other names, or as a loader's name, the short name still counts."""
    code = (
        "class Decoder(nn.Module):\n"
        "    def forward(self, c2, c3, c4, c5):\n"
        "        p5 = self.p5(c5)\n"
        "        p4 = self.p4(p5, c4)\n"
        "        p3 = self.p3(p4, c3)\n"
        "        return p3\n"
        "\n"
        "\n"
        "class Branches(nn.Module):\n"
        "    def forward(self, x):\n"
        "        p1 = self.p1(x)\n"
        "        p2 = self.p2(x)\n"
        "        p3 = self.p3(x)\n"
        "        return p1, p2, p3\n"
    )
    assert refs(make_repo, run_cli, "model/fpn.py", code) == set()
    prompts = "train = P3(root)\nprompts = load_dataset('bigscience/P3')\n"
    found = refs(make_repo, run_cli, "prompts.py", prompts)
    assert {(1, "p3", "load"), (2, "p3", "load")} <= found, found


def test_an_editors_backup_of_a_file_is_not_scanned(make_repo: MakeRepo, run_cli: RunCli) -> None:
    """``__init__.py~`` (Emacs, vim, gedit) and ``train.py.orig`` (a merge's or a patch's
    leftover) are stale copies committed by accident: nothing runs them, and their lines were
    read as a script's. The file they copy is scanned as ever."""
    code = (
        "import torchvision.models as models\n"
        "resnet18 = models.resnet18(pretrained=True)\n"
        "train_set = datasets.CIFAR10(root='./data', download=True)\n"
    )
    files = {"models/__init__.py": code, "models/__init__.py~": code, "train.py.orig": code}
    found = scan_references(make_repo, run_cli, files)
    assert {path for path, _, _, _ in found} == {"models/__init__.py"}, found
    assert ("models/__init__.py", 3, "cifar-10", "load") in found, found


def test_reading_weights_kept_in_a_models_folder_is_not_a_data_read(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """np.load('src/weights/pnet.npy') loads a network's weights (MTCNN ships them so), and a
    pickle under checkpoints/ or pretrained/ is a model: no dataset. A data file beside such
    a folder, or in a folder only named like one (data/weights_of_evidence.csv), still is."""
    code = (
        "import numpy as np, pickle\n"
        "weights = np.load('mtcnn/src/weights/pnet.npy', allow_pickle=True)[()]\n"
        "state = pickle.load(open('checkpoints/epoch_10.pkl', 'rb'))\n"
        "vgg = np.load('./pretrained_models/vgg16.npy', encoding='latin1')\n"
        "faces = np.load('data/faces/embeddings.npy')\n"
    )
    found = refs(make_repo, run_cli, "get_nets.py", code)
    assert {line for line, _, _ in found} == {5}, found


def test_a_file_read_back_from_the_runs_output_location_is_not_data(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """open(FLAGS.output_dir + '/label2id.pkl'): a file an earlier step of the run wrote to
    its own output location, read back. The same file under a data location is data."""
    code = (
        "import pickle\n"
        "with open(FLAGS.middle_output + '/label2id.pkl', 'rb') as rf:\n"
        "    label2id = pickle.load(rf)\n"
        "with open(os.path.join(args.save_dir, 'features.npy'), 'rb') as f:\n"
        "    pass\n"
        "with open(FLAGS.data_dir + '/train.pkl', 'rb') as rf:\n"
        "    train = pickle.load(rf)\n"
    )
    found = refs(make_repo, run_cli, "ner.py", code)
    lines = {line for line, _, _ in found}
    assert not lines & {2, 3, 4}, found
    assert 6 in lines, found


def test_a_parameter_named_for_a_data_location_is_a_use_only_in_a_loader(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """``def __init__(self, facescrub_dir, megaface_dir)`` names what a caller will pass; the
    caller's argument is where the data is chosen. A function that gets or loads data by
    its name is the dataset's loader, and its location parameter with it (``def
    get_paths(lfw_dir, pairs)``); a literal default and the body's uses stay references."""
    code = (
        "import os\n"
        "class MegaFace:\n"
        "    def __init__(self, facescrub_dir, megaface_dir, transform=None):\n"
        "        self.files = os.listdir(megaface_dir)\n"
        "def extract_feature(model_path, face_scrub_path, megaface_path, batch_size=32):\n"
        "    pass\n"
        "def get_paths(lfw_dir, pairs):\n"
        "    pass\n"
        "def read(vgg_root='/data/faces/vggface2'):\n"
        "    pass\n"
    )
    found = refs(make_repo, run_cli, "eval_megaface.py", code)
    lines = {line for line, _, _ in found}
    assert 3 not in lines and 5 not in lines, found
    assert {4, 7, 9} <= lines, found


# Issue 16, point 2: one readable, stable id per dataset, whichever way the code reaches it.
KAGGLE_AND_HUB_IDS = [
    # (file, text, dataset): a Kaggle or Hub id whose page or slug the catalogue owns is that
    # entry; one that nobody owns keeps its readable id, whatever form the source takes
    ("get.sh", "kaggle competitions download -c titanic\n", "titanic"),
    (
        "get.sh",
        "kaggle datasets download -d someone/mnistlike-scans\n",  # look-alike: not the entry
        "kaggle:someone/mnistlike-scans",
    ),
    (
        "get.sh",
        "huggingface-cli download karpathy/tinyshakespeare --repo-type dataset\n",
        "tiny-shakespeare",
    ),
    (
        "prep.py",
        "import pandas as pd\n"
        "df = pd.read_csv('https://hf.co/datasets/someone/mystery-tables/resolve/main/a.csv')\n",
        "hf:someone/mystery-tables",
    ),
    (
        "get.sh",
        "curl -L -o t.zip https://www.kaggle.com/api/v1/datasets/download/someone/mystery-tables\n",
        "kaggle:someone/mystery-tables",
    ),
    (
        "get.sh",
        "wget https://www.kaggle.com/datasets/someone/mystery-tables/download\n",
        "kaggle:someone/mystery-tables",
    ),
]


@pytest.mark.parametrize(("path", "text", "dataset"), KAGGLE_AND_HUB_IDS)
def test_kaggle_and_hub_ids_resolve_to_the_entry_that_owns_them(
    make_repo: MakeRepo, run_cli: RunCli, path: str, text: str, dataset: str | None
) -> None:
    found = {ds for _, ds, _ in refs(make_repo, run_cli, path, text)}
    if dataset is None:
        assert not any(ds.startswith(("kaggle:", "hf:")) for ds in found)
    else:
        assert found == {dataset}


def test_one_competition_one_id_from_csv_and_cli(make_repo: MakeRepo, run_cli: RunCli) -> None:
    found = scan_references(
        make_repo,
        run_cli,
        {
            "prep.py": "import pandas as pd\n"
            "df = pd.read_csv('https://raw.githubusercontent.com/o/r/master/data/titanic.csv')\n",
            "get.sh": "kaggle competitions download -c titanic\n",
        },
    )
    assert {dataset for _, _, dataset, _ in found} == {"titanic"}


def test_a_read_through_a_folder_names_one_dataset(make_repo: MakeRepo, run_cli: RunCli) -> None:
    code = (
        "import os\nimport numpy as np\n"
        "data_dir = 'Cat_Dog_data'\n"
        "x = np.load(os.path.join(data_dir, 'x.npy'))\n"  # a generic file: the folder's data
        "f = np.load(os.path.join(data_dir, 'bottleneck_feats.npy'))\n"  # a named file: itself
    )
    found = refs(make_repo, run_cli, "prep.py", code)
    assert {dataset for line, dataset, _ in found if line == 4} == {"local:Cat_Dog_data"}
    assert {dataset for line, dataset, _ in found if line == 5} == {
        "local:Cat_Dog_data/bottleneck_feats.npy"
    }


def test_two_generic_files_in_two_folders_are_two_datasets(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    read = "import os, sys\nimport numpy as np\nroot_dir = sys.argv[1]\n"
    found = scan_references(
        make_repo,
        run_cli,
        {
            "a/prep.py": read + "x = np.load(os.path.join(root_dir, 'x.npy'))\n",
            "b/prep.py": read + "x = np.load(os.path.join(root_dir, 'x.npy'))\n",
            "c/chars.py": "text = open('data/tinyshakespeare/input.txt').read()\n",
            "train.py": "import numpy as np\nx = np.load('x.npy')\n",
            "notes.py": "text = open('reviews.txt').read()\n",  # a named file keeps its name
        },
    )
    ids = {path: dataset for path, _, dataset, _ in found}
    assert ids["a/prep.py"] == "local:a"  # the data of the code in a/
    assert ids["b/prep.py"] == "local:b"
    assert ids["c/chars.py"] == "tiny-shakespeare"
    assert ids["train.py"] == "local:x.npy"  # at the top: its path is already the repository's
    assert ids["notes.py"] == "local:reviews.txt"


def test_a_splits_files_read_through_a_flag_are_one_dataset(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    code = (
        "import os\n\n\nclass Corpus:\n    def __init__(self, path):\n"
        "        self.train = self.tokenize(os.path.join(path, 'train.txt'))\n"
        "        self.valid = self.tokenize(os.path.join(path, 'valid.txt'))\n"
        "        self.test = self.tokenize(os.path.join(path, 'test.txt'))\n"
        "        self.vocab = self.tokenize(os.path.join(path, 'vocab_notes.txt'))\n"
    )
    found = refs(make_repo, run_cli, "lm/data.py", code)
    assert {dataset for line, dataset, _ in found if line in (6, 7, 8)} == {"local:lm"}
    assert {dataset for line, dataset, _ in found if line == 9} <= {"local:path/vocab_notes.txt"}


def test_an_ambiguous_name_handed_to_a_dataset_getter_selects_that_dataset(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """``init_dataset('partial_reid', root=...)``: the whole first argument of a function
    that gets a dataset by name selects it, as a config value does, even where the name alone
    is ambiguous (Partial-REID is also the task's name). The same name given to a function
    that gets no dataset, or inside a sentence, is not one."""
    code = (
        "train_set = init_dataset('partial_reid', root=cfg.DATASETS.ROOT_DIR)\n"
        "task = get_task('partial_reid')\n"
        "note = build_dataset('partial_reid and occluded_reid')\n"
    )
    found = refs(make_repo, run_cli, "build.py", code)
    assert (1, "partial-reid", "config") in found
    assert not {line for line, _, _ in found} & {2, 3}


# Command lines: shell scripts, notebooks' ``!`` lines, Dockerfiles (extract/downloads.py).


def _notebook(*lines: str) -> str:
    """One code cell, as Jupyter writes it: one JSON string per source line, one per file line."""
    cell = {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": []}
    return json.dumps({"cells": [cell | {"source": list(lines)}], "nbformat": 4}, indent=1) + "\n"


def _line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), start=1) if needle in line)


def test_cloning_code_is_no_download_however_the_command_is_prefixed(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    cell = _notebook(
        "!git clone https://github.com/someone/toolkit.git\n",
        "%cd toolkit\n",
        "!wget https://example.org/corpora/mystery_corpus.zip\n",
        "!cd /content && git clone https://github.com/someone/other-tool\n",
    )
    docker = (
        "FROM python:3.11\n"
        "RUN git clone --depth 1 https://github.com/someone/toolkit.git /opt/toolkit\n"
        "RUN wget -q https://example.org/corpora/mystery_corpus.zip\n"
    )
    found = scan_references(make_repo, run_cli, {"demo.ipynb": cell, "Dockerfile": docker})
    lines = {(path, line) for path, line, _, _ in found}
    assert ("demo.ipynb", _line_of(cell, "!wget")) in lines
    assert ("Dockerfile", 3) in lines
    assert ("demo.ipynb", _line_of(cell, "!git clone")) not in lines
    assert ("demo.ipynb", _line_of(cell, "other-tool")) not in lines
    assert ("Dockerfile", 2) not in lines


def test_a_program_run_from_a_folder_variable_is_not_the_data_its_name_resembles(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    script = (
        'VOC_DIR="$(cd ../.. && pwd)"\n'
        ". $VOC_DIR/utils/parse_options.sh || exit 1;\n"
        "python $VOC_DIR/preprocess.py $db_root $data_root\n"
        'bash "${VOC_DIR}/tools/run.sh" --stage 2\n'
        "python train.py --data_root $VOC_ROOT/VOC2012/JPEGImages\n"
        "tar -xf $DOWNLOADS/VOCtrainval_11-May-2012.tar -C $VOC_ROOT\n"
    )
    found = refs(make_repo, run_cli, "egs/run.sh", script)
    lines = {line for line, _, _ in found}
    assert not lines & {2, 3, 4}
    assert {(5, "pascal-voc", "path"), (6, "pascal-voc", "path")} <= found


def test_installing_packages_and_fetching_source_snapshots_is_no_data(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    docker = (
        "FROM nvidia/cuda:11.8.0-devel-ubuntu22.04\n"
        "RUN pip install --user -i https://pypi.example.org/simple tensorboard gdown h5py\n"
        "RUN wget https://github.com/someone/bindings/archive/v2.2.3.tar.gz && \\\n"
        "    tar xvf v2.2.3.tar.gz && rm -rf v2.2.3.tar.gz\n"
        "RUN pip install gdown && gdown https://drive.google.com/uc?id=1AbCdEfGhIjKlMnOpQ\n"
        "RUN curl -L https://example.org/corpora/reviews_corpus.tar.gz | tar xz\n"
    )
    lines = file_lines(make_repo, run_cli, "docker/Dockerfile", docker)
    assert {5, 6} <= lines  # the download after the install, and the corpus
    assert not lines & {2, 3, 4}


def test_a_package_named_by_a_variable_and_a_gists_snapshot_are_no_data(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """A CI script installs a vendor's apt repository by a variable that holds a ``.deb``,
    and a helper fetches a gist's files zipped (a snapshot of its code, as a repository's
    archive is). A URL ending in a variable that holds data stays data; so does a file a
    gist serves raw."""
    script = (
        "#!/bin/bash\n"
        "GIST=$1\n"
        "REPO_PKG=vendor-repo-ubuntu2004_1.2-3_amd64.deb\n"
        "wget https://downloads.example.com/compute/repos/ubuntu2004/x86_64/$REPO_PKG\n"
        "dpkg -i $REPO_PKG\n"
        "wget https://gist.github.com/$GIST/download -O models/gist.zip\n"
        "unzip -j models/gist.zip -d models\n"
        "SPLIT=reviews_corpus.tar.gz\n"
        "wget https://example.org/corpora/$SPLIT\n"
        "wget https://gist.githubusercontent.com/someone/0a1b2c/raw/cafe_sales.csv\n"
    )
    lines = file_lines(make_repo, run_cli, "scripts/ci/install.sh", script)
    assert not lines & {4, 5, 6, 7}, lines
    assert {9, 10} <= lines


def test_a_base_url_joined_with_a_files_variable_fetches_that_file(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """``curl $url$f``: the address is the release folder and the file the script names on
    another line (set once, or looped over). Where the files are a known dataset's, the
    command and the folder's URL are that dataset's, not a download named for the folder;
    where one is unknown, the download keeps the folder's id, once."""
    script = (
        "#!/bin/bash\n"
        "url=https://github.com/someone/detector/releases/download/v2.0/\n"
        "f='coco2017labels.zip'\n"
        "curl -L $url$f -o $f && unzip -q $f -d ../datasets\n"
        "base=http://images.cocodataset.org/zips/\n"
        "for z in train2017.zip val2017.zip; do\n"
        "  curl -L $base$z -o $z &\n"
        "done\n"
        "extra=https://files.example.org/shared/v1/\n"
        "for z in street_scenes.zip harbour_scenes.zip; do\n"
        "  curl -L $extra$z -o $z\n"
        "done\n"
    )
    found = file_datasets(make_repo, run_cli, "data/scripts/get_data.sh", script)
    assert {(2, "coco"), (4, "coco"), (5, "coco"), (7, "coco")} <= found, found
    assert not any(dataset.startswith("url:") for line, dataset in found if line <= 7), found
    unknown = {dataset for line, dataset in found if line in {9, 11}}
    assert len(unknown) == 1 and next(iter(unknown)).startswith("url:"), found


def test_a_commands_continuation_lines_are_its_arguments(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    script = (
        "python -u ./main.py \\\n"
        '    --eval_sets="megaface" \\\n'
        "    --model_type=pytorch_fp32 \\\n"
        "    --megaface_batch 64\n"
        "CUDA_VISIBLE_DEVICES=0,1 python evaluate.py --benchmark ijbc --gpus 2\n"
        "echo done \\\n"
        "    with megaface\n"
    )
    found = refs(make_repo, run_cli, "evaluation/run.sh", script)
    assert (2, "megaface", "config") in found
    assert (5, "ijb", "config") in found
    lines = {line for line, _, _ in found}
    assert not lines & {4, 7}  # an option's name; a message's words


def test_a_notebooks_shell_line_runs_a_command_with_its_arguments(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    cell = _notebook(
        "!python baseline.py cifar100 --epochs 1\n",
        "!mv caltech101 data/\n",
        "!python baseline.py --help\n",
    )
    found = scan_references(make_repo, run_cli, {"demo.ipynb": cell})
    assert ("demo.ipynb", _line_of(cell, "cifar100"), "cifar-100", "config") in found
    assert ("demo.ipynb", _line_of(cell, "!mv"), "caltech-101", "path") in found
    assert not any(line == _line_of(cell, "--help") for _, line, _, _ in found)


def test_each_drive_file_is_its_own_dataset(make_repo: MakeRepo, run_cli: RunCli) -> None:
    first, second, third = (
        "1AbCdEfGhIjKlMnOpQrStUvWxYz012345",
        "1ZyXwVuTsRqPoNmLkJiHgFeDcBa987654",
        "1QwErTyUiOpAsDfGhJkLzXcVbNmQwErTy",
    )
    script = (
        f"gdown https://drive.google.com/uc?id={first}\n"
        f'gdown "https://drive.google.com/uc?export=download&id={second}" -O faces.zip\n'
        f"gdown --id {third} -O corpus.tar.gz\n"
        "unzip faces.zip\n"
        "tar xzf corpus.tar.gz\n"
        "gdown --help\n"
    )
    ids = {line: dataset for line, dataset, _ in refs(make_repo, run_cli, "get.sh", script)}
    drive = "url:drive.google.com/file/d/"
    assert ids[1] == drive + first  # not one id for every file behind drive.google.com/uc
    assert ids[2] == ids[4] == drive + second
    assert ids[3] == ids[5] == drive + third
    assert 6 not in ids


def test_bucket_copies_and_syncs_are_downloads(make_repo: MakeRepo, run_cli: RunCli) -> None:
    script = (
        "aws s3 sync s3://example-bucket/corpora/speech_corpus/ data/speech_corpus/\n"
        "gsutil -m rsync -r gs://example-bucket/shards/web_shards data/web_shards\n"
        "s5cmd cp 's3://example-bucket/tables/clicks.parquet' data/\n"
        "aws s3 ls s3://example-bucket/corpora/\n"
    )
    ids = {line: dataset for line, dataset, _ in refs(make_repo, run_cli, "sync.sh", script)}
    assert ids[1] == "url:speech_corpus"
    assert ids[2] == "url:web_shards"
    assert ids[3] == "url:clicks"
    assert 4 not in ids  # listing a bucket fetches nothing


def test_requests_to_a_service_are_no_downloads(make_repo: MakeRepo, run_cli: RunCli) -> None:
    script = (
        "curl -X POST http://localhost:8080/predictions/model -T sample.jpg\n"
        "curl http://127.0.0.1:5000/health\n"
        'curl -s https://api.example.org/v1/infer -H "Accept: application/json" -d @req.json\n'
        "curl -L -o reviews.tsv https://example.org/corpora/reviews.tsv && wc -l reviews.tsv\n"
        "aria2c -x 16 -d data/ https://example.org/corpora/speech_corpus.tar\n"
    )
    lines = file_lines(make_repo, run_cli, "serve.sh", script)
    assert {4, 5} <= lines
    assert not lines & {1, 2, 3}


def test_a_url_set_in_a_variable_is_fetched_where_a_command_expands_it(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    script = (
        'BASE_URL="https://example.org/corpora/speech_corpus"\n'
        "TOOL_URL=https://github.com/someone/tool.git\n"
        "export WEIGHTS=https://example.org/models/encoder.pth\n"
        'DOCS_URL="https://example.org/docs/index.html"\n'
        "wget ${BASE_URL}/train.tar.gz\n"
        "git clone $TOOL_URL\n"
        "curl -L -O $WEIGHTS\n"
        "tar xzf train.tar.gz\n"
        "echo $DOCS_URL\n"
    )
    makefile = (
        "DATA_URL := https://example.org/tables/clicks_2019.csv.gz\n"
        "data/clicks.csv.gz:\n"
        "\tcurl -L -o $@ $(DATA_URL)\n"
    )
    found = scan_references(make_repo, run_cli, {"get.sh": script, "Makefile": makefile})
    ids = {(path, line): dataset for path, line, dataset, _ in found}
    corpus = "url:speech_corpus"  # train.tar.gz: a split of it
    assert ids[("get.sh", 1)] == ids[("get.sh", 5)] == ids[("get.sh", 8)] == corpus
    assert ids[("Makefile", 1)] == ids[("Makefile", 3)] == "url:clicks_2019"
    assert not {("get.sh", line) for line in (2, 3, 4, 6, 7, 9)} & set(ids)


def test_an_installer_set_in_a_variable_is_no_data(make_repo: MakeRepo, run_cli: RunCli) -> None:
    docker = (
        "FROM ubuntu:22.04\n"
        'RUN CONDA_URL="https://repo.example.org/conda/Conda3-${CONDA_VERSION}-Linux.sh"; \\\n'
        '    wget "${CONDA_URL}" -O conda.sh -q && bash conda.sh -b && rm conda.sh\n'
        'RUN TOOL_URL="https://example.org/get/tool-latest"; wget "$TOOL_URL" -O tool.sh\n'
        'RUN CORPUS_URL="https://example.org/corpora/${CORPUS}.tar.gz"; wget "${CORPUS_URL}"\n'
    )
    lines = file_lines(make_repo, run_cli, "docker/Dockerfile", docker)
    assert 5 in lines  # data, whatever version the variable picks
    assert not lines & {2, 3, 4}


def test_tools_a_build_fetches_are_no_data(make_repo: MakeRepo, run_cli: RunCli) -> None:
    """A Dockerfile that builds its tools fetches software: a version built for a platform,
    a project's own versioned release, a runtime's download folder, a package or a key. A
    data archive with a version, or a platform's name in a data file's name, stays data."""
    docker = (
        "FROM ubuntu:22.04\n"
        "RUN wget https://github.com/Kitware/CMake/releases/download/v3.20.6/"
        "cmake-3.20.6-linux-x86_64.tar.gz && \\\n"
        "    tar xzf cmake-3.20.6-linux-x86_64.tar.gz\n"
        "RUN wget https://dl.example.com/android/repository/android-ndk-r18b-linux-x86_64.zip\n"
        "RUN wget https://github.com/davisking/dlib/releases/download/v18.16/dlib-18.16.tar.bz2\n"
        "RUN wget https://www.python.org/ftp/python/${PYTHON_VERSION}/Python-${PYTHON_VERSION}.tgz\n"
        "RUN wget https://example.org/opencv/opencv-4.5.1-android-sdk.zip\n"
        "RUN curl -O https://storage.example.com/apt/tool.release.pub.gpg\n"
        "RUN wget https://example.org/corpora/reviews-1.0.tar.gz\n"
        "RUN wget https://github.com/someone/scans/releases/download/v1.2/annotations-1.2.zip\n"
        "RUN wget https://example.org/tables/linux-kernel-commits.csv\n"
    )
    lines = file_lines(make_repo, run_cli, "docker/Dockerfile", docker)
    assert not lines & {2, 3, 4, 5, 6, 7, 8}, lines
    assert {9, 10, 11} <= lines


def test_a_file_read_back_from_a_runs_own_folder_is_not_data(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """Results, caches and a run's working folder hold what the code made: reading them back
    asks for no datasheet. The same reads from a data folder are data."""
    code = (
        "import os\n"
        "import numpy as np\n"
        "import pandas as pd\n"
        "labels_file = os.path.join(args.workDir, 'labels.csv')\n"
        "flip = np.load('cache_align/flip_index.npy')\n"
        "pivot = pd.read_csv('results/pivot_table.csv')\n"
        "done = os.path.exists(os.path.join(self.submit_config.run_dir, 'abort.txt'))\n"
        "sub = pd.read_csv('../working/submission.csv')\n"
        "ids = np.loadtxt('data/regdb/exp/test_id.txt')\n"
        "housing = pd.read_csv('datasets/housing/housing.csv')\n"
    )
    found = refs(make_repo, run_cli, "train.py", code)
    lines = {line for line, _, _ in found}
    assert not lines & {4, 5, 6, 7, 8}, found
    assert {9, 10} <= lines, found


def test_the_owner_of_a_hub_id_is_not_the_dataset_it_loads(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """load_dataset("laion/OIG"): LAION is the organisation that publishes OIG here; its name
    at the start of the id is no load of its own dataset, which loads by its own id."""
    code = (
        "from datasets import load_dataset\n"
        "chip2 = load_dataset('laion/OIG', data_files='unified_chip2.jsonl')\n"
        "pairs = load_dataset('laion/laion400m')\n"
    )
    assert file_datasets(make_repo, run_cli, "data.py", code) == {
        (2, "hf:laion/OIG"),
        (3, "laion-400m"),
    }


def test_a_word_before_model_in_a_weight_file_is_what_the_model_predicts(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """race_model_single_batch.h5 is a race classifier's weights, not a model trained on
    RACE (reading comprehension); a name that is no word keeps naming the training data."""
    code = (
        "RACE_URL = 'https://github.com/someone/models/releases/download/v1.0/"
        "race_model_single_batch.h5'\n"
        "EMOTION_URL = 'https://example.org/weights/emotion_model_weights.h5'\n"
        "LFW_URL = 'https://example.org/weights/lfw_model_weights.pth'\n"
    )
    found = refs(make_repo, run_cli, "weights.py", code)
    datasets = {dataset for _, dataset, _ in found}
    assert not datasets & {"race", "emotion"}, found
    assert (3, "lfw", "model") in found, found


def test_a_local_file_of_a_named_datasets_layout_is_that_dataset(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """pairs.txt read by code that evaluates on LFW is LFW's own pairs file (the catalogue's
    layout of LFW): one id with the LFW folder it reads, not a second local dataset. The same
    file name in code that names no dataset, and another file beside LFW in a module not named
    for it, keep their local ids."""
    evaluation = (
        "import numpy as np\n"
        "def evaluate(model):\n"
        "    root = '/home/me/dataset/lfw/lfw-112X96/'\n"
        "    with open('/home/me/project/test/data/pairs.txt') as f:\n"
        "        pairs = f.readlines()[1:]\n"
        "    angles = np.loadtxt('data/angles.txt')\n"
    )
    found = refs(make_repo, run_cli, "verify.py", evaluation)
    assert (4, "lfw", "load") in found, found
    assert {dataset for _, dataset, _ in found} == {"lfw", "local:data/angles.txt"}, found
    other = "with open('/home/me/project/test/data/pairs.txt') as f:\n    pairs = f.readlines()\n"
    found = refs(make_repo, run_cli, "matching.py", other)
    alone = {dataset for _, dataset, _ in found}
    assert alone == {"local:/home/me/project/test/data/pairs.txt"}, found


@pytest.mark.parametrize(
    ("path", "code", "dataset"),
    [
        # a speech corpus's preprocessing module reads its transcript table
        (
            "datasets/ljspeech.py",
            "def build_from_path(in_dir):\n"
            "    with open(os.path.join(in_dir, 'metadata.csv'), encoding='utf-8') as f:\n"
            "        return f.readlines()\n",
            "ljspeech",
        ),
        # a benchmark's evaluation reads the ground truth files of its release
        (
            "evaluation/widerface.py",
            "from scipy.io import loadmat\n"
            "def get_gt(gt_dir):\n"
            "    hard = loadmat(os.path.join(gt_dir, 'wider_hard_val.mat'))\n"
            "    return hard\n",
            "wider-face",
        ),
        # a segmentation loader's data root, a folder on its author's machine
        (
            "ptseg/loader/mapillary_vistas_loader.py",
            "if __name__ == '__main__':\n"
            "    local_path = '/srv/users/me/datasets/seg/street_2019/'\n"
            "    print(len(os.listdir(local_path)))\n",
            "mapillary-vistas",
        ),
    ],
)
def test_what_a_module_named_for_a_dataset_reads_is_that_dataset(
    make_repo: MakeRepo, run_cli: RunCli, path: str, code: str, dataset: str
) -> None:
    """A data module or an evaluation script named for one dataset reads that dataset's
    files, whatever its release calls them: no local id of their own, which would ask for a
    second datasheet. The same reads in a module named for no dataset keep their local ids."""
    code = "import os\n" + code
    found = refs(make_repo, run_cli, path, code)
    assert found, found
    assert {ref_dataset for _, ref_dataset, _ in found} == {dataset}, found
    elsewhere = refs(make_repo, run_cli, "tools/prepare.py", code)
    assert any(ref_dataset.startswith("local:") for _, ref_dataset, _ in elsewhere), elsewhere


def test_a_local_file_on_a_line_that_names_a_dataset_is_that_dataset(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """A data root on a line that names its dataset (DeepGlint's MS-Celeb-1M-v1c by its msra
    folder, a Duke split by its folder, which the module's Duke class confirms) asks for no
    second datasheet; a file of no dataset keeps its id, and a comment that names a dataset
    is no use of the line's file."""
    code = (
        "from torchvision import datasets\n"
        "# the training set: DeepGlint's cleaned faces, aligned to 112x112 on a ram disk\n"
        "train = datasets.ImageFolder('/mnt/ramdisk/msra_align_112')\n"
        "labels = open('/mnt/ramdisk/face_lists/labels.txt')  # MNIST-style labels\n"
        "class DukeMTMCVidReID:\n"
        "    root = './data/duke'\n"
    )
    found = refs(make_repo, run_cli, "train.py", code)
    assert (3, "ms-celeb-1m-v1c", "path") in found, found
    assert {dataset for _, dataset, _ in found if dataset.startswith("local:")} == {
        "local:/mnt/ramdisk/face_lists/labels.txt"
    }, found
    assert (6, "duke-mtmc", "path") in found, found


def test_a_file_the_same_code_writes_and_reads_back_is_its_own_output(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """np.save("my_array", a) then np.load("my_array.npy"), pickled stop words loaded again:
    the code's own files, in a module or across a notebook's cells. A file the code only
    reads, or writes elsewhere than it reads, stays data."""
    code = (
        "import os\n"
        "import pickle\n"
        "import numpy as np\n"
        "import pandas as pd\n"
        "np.save('my_array', np.arange(10))\n"
        "b = np.load('my_array.npy')\n"
        "pickle.dump(stop, open(os.path.join(dest, 'stopwords.pkl'), 'wb'), protocol=4)\n"
        "stop = pickle.load(open(os.path.join('pkl_objects', 'stopwords.pkl'), 'rb'))\n"
        "reviews = pd.read_csv('movie_reviews.csv.gz')\n"
        "reviews.to_csv('reviews_clean.csv')\n"
        "small = pd.read_csv('movie_data_small.csv')\n"
        "# small.to_csv('movie_data_small.csv')\n"
    )
    assert file_datasets(make_repo, run_cli, "chapter.py", code) == {
        (9, "local:movie_reviews.csv.gz"),
        (11, "local:movie_data_small.csv"),
    }
    cells = [
        {
            "cell_type": "code",
            "metadata": {},
            "outputs": [],
            "execution_count": None,
            "source": ["import numpy as np\n", "np.savez('my_arrays', a=a, b=b)\n"],
        },
        {
            "cell_type": "code",
            "metadata": {},
            "outputs": [],
            "execution_count": None,
            "source": ["arrays = np.load('my_arrays.npz')\n", "x = np.load('features.npy')\n"],
        },
    ]
    notebook = json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5})
    found = refs(make_repo, run_cli, "tools_numpy.ipynb", notebook)
    assert {dataset for _, dataset, _ in found} == {"local:features.npy"}, found


def test_the_folder_a_download_unpacks_to_is_that_download(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """A notebook fetches 10_whole_foods.zip, unzips it and reads data/10_whole_foods: one
    dataset under the download's id. Another table in a folder the URL also names, and a
    generic file, keep their own ids."""
    code = (
        "import zipfile\n"
        "import requests\n"
        "import pandas as pd\n"
        "from torchvision import datasets\n"
        "with open('data/10_whole_foods.zip', 'wb') as f:\n"
        "    f.write(requests.get('https://storage.example.com/vision/10_whole_foods.zip').content)\n"
        "with zipfile.ZipFile('data/10_whole_foods.zip', 'r') as zip_ref:\n"
        "    zip_ref.extractall('data/10_whole_foods')\n"
        "train = datasets.ImageFolder('data/10_whole_foods/train')\n"
        "oecd = pd.read_csv('https://example.org/handson/datasets/lifesat/oecd_bli_2015.csv')\n"
        "gdp = pd.read_csv('datasets/lifesat/gdp_per_capita.csv')\n"
        "other = pd.read_csv('data/train.csv')\n"
    )
    found = refs(make_repo, run_cli, "food.py", code)
    ids = {line: dataset for line, dataset, _ in found}
    assert ids[9] == ids[6] == "url:10_whole_foods", found
    assert ids[11] == "local:datasets/lifesat", found
    assert ids[12] == "local:data/train.csv", found


# An easydict or yacs config keeps one block per training set (face and re-ID code): each line
# of the block configures that dataset, the short name 'emore' included (MS1MV2), confirmed by
# its evaluation sets named in the same file.
EASYDICT_BLOCK = """\
from easydict import EasyDict as edict

dataset = edict()
dataset.emore = edict()
dataset.emore.num_classes = 85742
dataset.emore.image_shape = (112, 112, 3)
dataset.emore.val_targets = ['lfw', 'cfp_fp', 'agedb_30']
cfg.DATASETS.emore['root'] = '/data'
"""


def test_a_dataset_block_of_a_config_namespace_configures_that_dataset(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    found = refs(make_repo, run_cli, "sample_config.py", EASYDICT_BLOCK)
    assert {line for line, dataset, kind in found if dataset == "ms1mv2"} == {4, 5, 6, 7, 8}
    assert {kind for _, dataset, kind in found if dataset == "ms1mv2"} == {"config"}


def test_an_entry_of_a_namespace_that_is_not_datasets_or_a_test_of_one_is_not(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    code = (
        "# evaluated on lfw, cfp_fp and agedb_30\n"
        "results.emore.acc = 0.99\n"  # a namespace of results, not of datasets
        "train_dataset.emore = build()\n"  # a variable that holds one split, not a config
        "if dataset.emore == other:\n    pass\n"  # a comparison, not a setting
        "dataset.emore_acc = 0.5\n"  # a measure named for the data
    )
    found = refs(make_repo, run_cli, "sample_config.py", code)
    assert not {line for line, dataset, _ in found if dataset == "ms1mv2"} - {1}


# A block whose key is the repository's own nickname ('retina') is the dataset its own lines
# name (its path); a split's settings in a config that creates no block are not.
NICKNAMED_BLOCK = """\
from easydict import EasyDict as edict

dataset = edict()
dataset.retina = edict()
dataset.retina.dataset = 'retina'
dataset.retina.dataset_path = '../datasets/ms1m-retinaface-t1'
dataset.retina.num_classes = 93431
dataset.retina.val_targets = ['lfw', 'cfp_fp', 'agedb_30']
dataset.mixed = edict()
dataset.mixed.paths = ['../datasets/ms1m-retinaface-t1', '../datasets/glint360k']
dataset.mixed.num_classes = 1
cfg.data.train.ann_file = 'data/coco/annotations/instances_train2017.json'
cfg.data.train.pipeline = train_pipeline
"""


def test_every_line_of_a_config_block_is_the_dataset_the_block_names(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    found = refs(make_repo, run_cli, "sample_config.py", NICKNAMED_BLOCK)
    # (its evaluation sets, a setting of the block, do not decide what the block is)
    assert {line for line, dataset, _ in found if dataset == "ms1mv3"} == {4, 5, 6, 7, 8, 10}
    assert (13, "coco", "config") not in found  # no block created: a split's settings
    assert not {line for line, _, _ in found} & {9, 11}  # a block of two datasets


def test_the_files_a_module_reads_below_one_data_root_are_one_dataset(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """A module that joins one data root, held in a variable, with each file of its release
    reads one dataset: one id (the module and the variable), where each file was an id and
    asked for a datasheet of its own (re-ID split lists, Open Images metadata tables, a
    video re-ID set's info files)."""
    module = (
        "import os.path as osp\n\n\nclass Vehicles:\n    def __init__(self, root):\n"
        "        split_dir = osp.join(root, 'train_test_split')\n"
        "        self.train = self.read(osp.join(split_dir, 'train_list.txt'))\n"
        "        self.query = self.read(osp.join(split_dir, 'test_list_800.txt'))\n"
        "        self.gallery = self.read(osp.join(split_dir, 'test_list_1600.txt'))\n"
    )
    found = scan_references(
        make_repo,
        run_cli,
        {
            "reid/datasets/vehicles.py": module,
            "reid/datasets/trucks.py": module.replace("Vehicles", "Trucks"),
            # one file below a root keeps its own, more telling, id
            "tools/one.py": "import os\nrows = open(os.path.join(meta_dir, 'boxes.csv')).read()\n",
        },
    )
    ids = {(path, line): dataset for path, line, dataset, _ in found}
    assert {ids[("reid/datasets/vehicles.py", line)] for line in (7, 8, 9)} == {
        "local:reid/datasets/vehicles/split_dir"
    }
    # another module's root is another source: the two never share an id
    assert ids[("reid/datasets/trucks.py", 7)] == "local:reid/datasets/trucks/split_dir"
    assert ids[("tools/one.py", 2)] in {"local:meta_dir/boxes.csv", "local:boxes.csv"}


def test_files_in_one_named_folder_are_not_merged(make_repo: MakeRepo, run_cli: RunCli) -> None:
    """Look-alike: files in a folder the path names (not a variable) keep their own ids, and
    absolute paths are never grouped by their first part."""
    code = (
        "import pandas as pd\n"
        "births = pd.read_csv('data/births.csv')\n"
        "heights = pd.read_csv('data/president_heights.csv')\n"
        "a = open('/srv/corpora/a_list.txt')\nb = open('/srv/corpora/b_list.txt')\n"
    )
    found = refs(make_repo, run_cli, "explore.py", code)
    assert {dataset for _, dataset, _ in found} == {
        "local:data/births.csv",
        "local:data/president_heights.csv",
        "local:/srv/corpora/a_list.txt",
        "local:/srv/corpora/b_list.txt",
    }


BY_PRODUCTS = [
    "emb = np.load('embeddings.npy')\n",  # an export script wrote it
    "feats = np.load('./feats_npy/Embedding_Features.npy')\n",
    "best = open(os.path.join(directory, 'best_pred.txt')).read()\n",
    "with open(os.path.join(expr_dir, 'opt.txt')) as f:\n    opts = f.read()\n",
    "z = np.load('latent_representations/im_01_latent.npy')\n",
]


@pytest.mark.parametrize("line", BY_PRODUCTS)
def test_a_models_by_products_are_not_data(make_repo: MakeRepo, run_cli: RunCli, line: str) -> None:
    """Embeddings, predictions, latent codes and an options dump are what a model or a run
    made: read back by another script, they are not a dataset that needs a datasheet."""
    code = "import os\nimport numpy as np\n" + line
    assert refs(make_repo, run_cli, "search.py", code) == set()


def test_data_files_like_by_products_stay_data(make_repo: MakeRepo, run_cli: RunCli) -> None:
    """Look-alikes: words inside other words (``optics``, ``predator``), a folder of that
    name, and a table of features stay data."""
    code = (
        "import numpy as np\nimport pandas as pd\n"
        "a = pd.read_csv('optics_survey.csv')\n"
        "b = pd.read_csv('predator_prey.csv')\n"
        "c = np.load('features.npy')\n"
        "d = pd.read_csv('../word_embeddings_corpus/reviews.csv')\n"
    )
    found = {dataset for _, dataset, _ in refs(make_repo, run_cli, "explore.py", code)}
    assert {
        "local:optics_survey.csv",
        "local:predator_prey.csv",
        "local:../word_embeddings_corpus/reviews.csv",
    } <= found
    assert any(dataset.startswith("local:") and "features" in dataset for dataset in found)


def test_a_configs_by_product_files_are_not_data(make_repo: MakeRepo, run_cli: RunCli) -> None:
    """A config names a model's by-product (a jigsaw task's permutations) beside its data:
    the data stays a reference, the by-product is none."""
    config = (
        "data:\n"
        "  train_list: /path/to/faces_train_list\n"
        "  perm_path: /path/to/permutations_30.npy\n"
    )
    found = refs(make_repo, run_cli, "configs/jigsaw.yaml", config)
    assert {dataset for _, dataset, _ in found} == {"local:/path/to/faces_train_list"}
