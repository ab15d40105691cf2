"""Data flow in Python: a name bound to a dataset's data carries it to the lines that use it.

Each case is written here in the shape real code has (a constant URL and folder, a fetch
function with them as defaults, an argparse option, a download written to a file and read
back), with the look-alikes beside it that must stay silent: print and arithmetic, a generic
name outside the scope that bound it, a name bound again, a function whose name says it does
something other than provide data, files joined to their folder in a loop.
"""

from __future__ import annotations

import json

from tests.conftest import MakeRepo, RunCli, references, scan_references

CIFAR_URL = "https://www.cs.toronto.edu/~kriz/cifar-10-python.tar.gz"


def _by_line(
    make_repo: MakeRepo, run_cli: RunCli, path: str, text: str, field: int
) -> dict[int, set[str]]:
    """Line -> the datasets (field 2) or kinds (field 3) of the file's references."""
    by_line: dict[int, set[str]] = {}
    for found in scan_references(make_repo, run_cli, {path: text}):
        if found[0] == path:
            by_line.setdefault(found[1], set()).add(found[field])
    return by_line


def lines(make_repo: MakeRepo, run_cli: RunCli, path: str, text: str) -> dict[int, set[str]]:
    """Line -> kinds of the references the file yields in a fresh repository."""
    return _by_line(make_repo, run_cli, path, text, 3)


def datasets_at(make_repo: MakeRepo, run_cli: RunCli, path: str, text: str) -> dict[int, set[str]]:
    """Line -> datasets of the references the file yields in a fresh repository."""
    return _by_line(make_repo, run_cli, path, text, 2)


FETCH = """\
import os
import tarfile
import urllib.request
import pandas as pd

ARCHIVE_ROOT = "https://example.org/course/master/"
BIRDS_PATH = os.path.join("datasets", "birds")
BIRDS_URL = ARCHIVE_ROOT + "datasets/birds/birds.tgz"


def fetch_birds_data(birds_url=BIRDS_URL, birds_path=BIRDS_PATH):
    os.makedirs(birds_path, exist_ok=True)
    tgz_path = os.path.join(birds_path, "birds.tgz")
    urllib.request.urlretrieve(birds_url, tgz_path)
    birds_tgz = tarfile.open(tgz_path)
    birds_tgz.extractall(path=birds_path)
    birds_tgz.close()


def load_birds_data(birds_path=BIRDS_PATH):
    csv_path = os.path.join(birds_path, "birds.csv")
    print("reading", csv_path)
    return pd.read_csv(csv_path)


fetch_birds_data()
birds = load_birds_data()
summary = len(birds) * 2
"""


def test_constants_defaults_and_joins_carry_the_download_to_every_step(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    found = lines(make_repo, run_cli, "fetch.py", FETCH)
    # the root joined into the URL, the folder, the archive's path and its extraction
    for line in (6, 7, 13, 16):
        assert "path" in found.get(line, set()) or "url" in found.get(line, set()), line
    assert "load" in found[15]  # tarfile.open(tgz_path): an archive of data opened to be read
    assert "url" in found[14] or "load" in found[14]  # urlretrieve(birds_url, tgz_path)
    assert "path" in found[21]  # csv_path = os.path.join(birds_path, "birds.csv")
    # the functions that fetch and read the data, where defined and where called
    for line in (11, 20, 26, 27):
        assert "load" in found.get(line, set()), line


def test_print_makedirs_close_and_arithmetic_are_not_uses(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    found = lines(make_repo, run_cli, "fetch.py", FETCH)
    for line in (12, 17, 22, 28):  # makedirs, close, print, len(...) * 2
        assert line not in found, (line, found.get(line))


NOTEBOOK_CELLS = [
    ["import os\n", "import urllib.request\n", "import pandas as pd\n"],
    [
        'DATA_ROOT = "https://example.org/data/"\n',
        'FERNS_PATH = os.path.join("datasets", "ferns")\n',
    ],
    [
        "def fetch_ferns(path=FERNS_PATH):\n",
        '    url = DATA_ROOT + "ferns/ferns.csv"\n',
        '    urllib.request.urlretrieve(url, os.path.join(path, "ferns.csv"))\n',
    ],
    ["fetch_ferns()\n", 'ferns = pd.read_csv(os.path.join(FERNS_PATH, "ferns.csv"))'],
]


def _notebook(cells: list[list[str]]) -> str:
    return json.dumps(
        {
            "cells": [
                {"cell_type": "code", "metadata": {}, "outputs": [], "source": source}
                for source in cells
            ],
            "metadata": {},
            "nbformat": 4,
            "nbformat_minor": 4,
        },
        indent=1,
    )


def test_names_flow_across_notebook_cells_to_the_file_lines(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    text = _notebook(NOTEBOOK_CELLS)
    found = lines(make_repo, run_cli, "ferns.ipynb", text)
    raw = text.split("\n")

    def at(fragment: str) -> int:
        return next(n for n, line in enumerate(raw, 1) if fragment in line)

    assert at("DATA_ROOT = ") in found  # the root of the URL the function downloads
    assert "load" in found[at("def fetch_ferns")]
    assert "load" in found[at('"fetch_ferns()')]


SHAKESPEARE_LIKE = """\
import os
import requests

input_file_path = os.path.join(os.path.dirname(__file__), 'input.txt')
if not os.path.exists(input_file_path):
    data_url = 'https://raw.githubusercontent.com/someone/char-model/master/data/poems/input.txt'
    with open(input_file_path, 'w') as f:
        f.write(requests.get(data_url).text)

with open(input_file_path, 'r') as f:
    data = f.read()
print(len(data))
"""


def test_a_download_written_to_a_file_makes_the_file_that_dataset(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    found = datasets_at(make_repo, run_cli, "prepare.py", SHAKESPEARE_LIKE)
    downloaded = found[6]  # the URL's own line: the seed
    assert found.get(4, set()) & downloaded  # the path the download is written to
    assert found.get(10, set()) & downloaded  # where that file is read back
    assert 5 not in found and 12 not in found  # os.path.exists, print(len(...))


SAVED_BY_NAME = """\
import requests
import tarfile

response = requests.get("https://example.org/data/flowers/petals-v1.tgz")
with open("petals-v1.tgz", "wb") as f:
    f.write(response.content)
with tarfile.open("petals-v1.tgz") as archive:
    archive.extractall()
with open("run.log", "w") as log:
    log.write("downloaded petals-v1.tgz")
with open("notes.tgz", "wb") as other:
    other.write(b"not the download")
untouched = tarfile.open("notes.tgz")
"""


def test_a_download_saved_under_a_literal_name_is_that_data_where_the_name_is_read(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """``open("x.tgz", "wb")`` then ``f.write(response.content)`` saves the download there;
    the same literal read back (``tarfile.open("x.tgz")``) reads it. A log naming the file,
    and another file written with other bytes, are no copies; extracting the archive where
    the run stands (``extractall()``) names no place of its own."""
    found = datasets_at(make_repo, run_cli, "fetch.py", SAVED_BY_NAME)
    downloaded = found[4]
    assert found.get(5, set()) & downloaded  # where the download is saved
    assert found.get(7, set()) & downloaded  # the archive opened by the same name
    assert not {8, 9, 10, 11, 12, 13} & set(found)


ARGPARSE = """\
import argparse
import os
import torchvision.datasets as datasets

parser = argparse.ArgumentParser()
parser.add_argument('--data', default='./data/cifar-10-batches-py', help='where the data is')
parser.add_argument('--epochs', default=10, type=int)


def main():
    args = parser.parse_args()
    traindir = os.path.join(args.data, 'train')
    train_set = datasets.ImageFolder(traindir)
    steps = args.epochs * 10
    print(traindir)


if __name__ == '__main__':
    main()
"""


def test_an_option_default_carries_through_args(make_repo: MakeRepo, run_cli: RunCli) -> None:
    found = datasets_at(make_repo, run_cli, "train.py", ARGPARSE)
    assert "cifar-10" in found[6]
    assert "cifar-10" in found.get(12, set())  # os.path.join(args.data, 'train')
    assert "cifar-10" in found.get(13, set())  # ImageFolder(traindir)
    for line in (14, 15, 19):  # another option, print, and main() (a driver, not a loader)
        assert line not in found, (line, found.get(line))


LOADERS = f"""\
import tarfile
import urllib.request
from os.path import join


def download_cifar(dest="dataset"):
    url = "{CIFAR_URL}"
    archive = join(dest, "cifar.tar.gz")
    urllib.request.urlretrieve(url, archive)
    with tarfile.open(archive) as tar:
        tar.extractall(dest)
    return dest


def get_training_set():
    root_dir = download_cifar()
    train_dir = join(root_dir, "train")
    return train_dir


def accuracy(predictions):
    root_dir = download_cifar()
    return sum(predictions) / len(predictions)


train_set = get_training_set()
score = accuracy([1, 0])
"""


def test_a_function_that_downloads_carries_its_dataset_to_callers(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    found = datasets_at(make_repo, run_cli, "data.py", LOADERS)
    # the def, the archive it downloads to and opens; the function that calls it, the folder
    # it returns and the join below it; the call at the end. The extraction reads the archive
    # through the handle opened on line 10, into a folder named for no data: no new reference.
    for line in (6, 8, 10, 15, 16, 17, 26):
        assert "cifar-10" in found.get(line, set()), line
    assert 11 not in found
    # accuracy() calls the download but its name says it computes something else: its own
    # call of download_cifar is a reference, a call of accuracy is not
    assert "cifar-10" in found.get(22, set())
    assert 21 not in found and 27 not in found


DOWNLOAD_HELPERS = f"""\
import os
import urllib.request

DATA_DIR = os.path.join(os.path.dirname(__file__), "cifar")
SOURCE = "{CIFAR_URL}"


def download():
    archive = os.path.join(DATA_DIR, "cifar-10-python.tar.gz")
    urllib.request.urlretrieve(SOURCE, archive)


def maybe_download(filename):
    target = os.path.join(DATA_DIR, filename)
    urllib.request.urlretrieve("{CIFAR_URL.rsplit("/", 1)[0]}/" + filename, target)
    return target


def download_cifar_batches():
    urllib.request.urlretrieve(SOURCE, "cifar.tar.gz")


download()
batches = maybe_download("cifar-10-python.tar.gz")
"""


def test_a_download_helper_named_only_for_how_it_fetches_is_no_reference_itself(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """def download(): and def maybe_download(filename): say how, not what: their def lines
    are not references (labellers of five repositories agree), the downloads inside them
    and the calls that hand them the dataset's file are. A loader named for its data is."""
    found = datasets_at(make_repo, run_cli, "get_data.py", DOWNLOAD_HELPERS)
    for line in (8, 13, 23):  # the def lines, and the call of a function named by its verb alone
        assert "cifar-10" not in found.get(line, set()), line
    for line in (9, 10, 19, 20, 24):
        assert "cifar-10" in found.get(line, set()), line


DATA_SCRIPT = """\
import os
import urllib.request

DATA_DIR = os.path.join(os.path.dirname(__file__), "essays")
data_url = "https://example.org/corpora/essays/essays.tar"
LOG_DIR = os.path.join(os.path.dirname(__file__), "logs")


def download():
    os.makedirs(DATA_DIR, exist_ok=True)
    archive = os.path.join(DATA_DIR, "essays.tar")
    urllib.request.urlretrieve(data_url, archive)


def fetch_essays():
    download()
    return DATA_DIR


if __name__ == "__main__":
    download()
    print(LOG_DIR)
"""


def test_a_function_named_by_its_verb_alone_is_machinery_and_its_folder_is_data(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """A data script's ``def download():`` names no data: its ``def`` line and its calls are
    not references (``fetch_essays`` names its data: it is). The file a download is saved to
    is the data, and so is the folder that file is joined under."""
    found = datasets_at(make_repo, run_cli, "prepare.py", DATA_SCRIPT)
    downloaded = found[5]  # the URL
    assert found.get(4, set()) & downloaded  # DATA_DIR: where the archive is saved
    assert found.get(11, set()) & downloaded and found.get(12, set()) & downloaded
    assert found.get(15, set()) & downloaded  # def fetch_essays()
    assert not {6, 9, 10, 16, 21, 22} & set(found)


SCOPES = f"""\
import os
import urllib.request

url = "{CIFAR_URL}"
urllib.request.urlretrieve(url, "cifar.tar.gz")
url = "https://example.org/about.html"
urllib.request.urlopen(url)
path = "data/cifar-10-batches-py"
files = os.listdir(path)


def report():
    return os.listdir(path)


def walk(root):
    for name in os.listdir(root):
        full = os.path.join(root, name)
"""


def test_generic_names_end_at_rebinding_and_at_their_scope(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    found = datasets_at(make_repo, run_cli, "scopes.py", SCOPES)
    assert "cifar-10" in found.get(5, set())
    assert 7 not in found  # url was bound again to a page, not data
    assert "cifar-10" in found.get(9, set())  # os.listdir(path) where path was bound
    assert 13 not in found  # a generic name bound in another scope says nothing here
    assert 17 not in found  # a folder's files joined in a loop, from a parameter


OBJECTS = """\
import torchvision

train = torchvision.datasets.MNIST("data", download=True)
half = train.data.size(0) / 2
ratio = train.targets.sum() / half
"""


def test_a_loaded_dataset_object_does_not_make_arithmetic_a_reference(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    found = lines(make_repo, run_cli, "objects.py", OBJECTS)
    assert "load" in found[3]
    assert 4 not in found and 5 not in found


def test_a_download_folds_the_names_bound_above_it_in_a_notebook(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """FILENAME and ROOT are bound again for each download in a notebook, so no one value
    stands for them; where the download is called, they hold one URL."""
    cells = [
        ["from pathlib import Path\n", "from tensorflow import keras\n", "import pandas as pd\n"],
        [
            'ROOT = "https://example.org/data/sketches/"\n',
            'FILENAME = "sketches_v1.tgz"\n',
            "sketch_path = keras.utils.get_file(FILENAME, ROOT + FILENAME, extract=True)\n",
        ],
        [
            'ROOT = "https://example.org/data/songs/"\n',
            'FILENAME = "songs.tgz"\n',
            "filepath = keras.utils.get_file(FILENAME,\n",
            "                                ROOT + FILENAME,\n",
            '                                cache_subdir="datasets/songs",\n',
            "                                extract=True)\n",
            "songs_dir = Path(filepath).parent\n",
            'train_files = sorted(songs_dir.glob("train/song_*.csv"))\n',
            "n_files = len(train_files)\n",
        ],
        [
            "def load_songs(filepaths):\n",
            "    return [pd.read_csv(filepath).values.tolist() for filepath in filepaths]\n",
            "\n",
            "train_songs = load_songs(train_files)\n",
            "print(train_songs[0])\n",
        ],
    ]
    text = _notebook(cells)
    repo = make_repo({"songs.ipynb": text})
    found = references(run_cli(repo, "check", "--format", "json", "--fail-on", "never"))
    raw = text.split("\n")

    def at(fragment: str) -> set[str]:
        line = next(n for n, line in enumerate(raw, 1) if fragment in line)
        return {dataset for path, n, dataset, _ in found if n == line}

    songs = "url:songs"
    for fragment in (
        "/data/songs/",  # the root of this download, not the one above it
        '"FILENAME = \\"songs.tgz',
        '"filepath = keras.utils.get_file',
        "cache_subdir",
        "songs_dir = Path(filepath).parent",
        "train_files = sorted",
        "def load_songs",  # a loader-named function given the files reads them
        "pd.read_csv(filepath)",
        "train_songs = load_songs",
    ):
        assert songs in at(fragment), fragment
    assert songs not in at("/data/sketches/")
    assert not at("n_files = len") and not at("print(train_songs")


SR_DATA = f"""\
import tarfile
import urllib.request
from os.path import join


def download_cifar(dest="dataset"):
    url = "{CIFAR_URL}"
    archive = join(dest, "cifar.tar.gz")
    urllib.request.urlretrieve(url, archive)
    return dest


def get_training_set(upscale_factor):
    root_dir = download_cifar()
    return join(root_dir, "train")


def get_batch_size():
    return 64
"""

SR_MAIN = """\
from data import get_training_set, get_batch_size
from torch.utils.data import DataLoader

train_set = get_training_set(2)
loader = DataLoader(train_set, batch_size=get_batch_size())
"""

OTHER_MAIN = """\
from helpers import get_training_set

train_set = get_training_set(2)
"""


def test_a_loader_imported_from_a_module_of_the_repository_loads_its_dataset(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    repo = make_repo({"sr/data.py": SR_DATA, "sr/main.py": SR_MAIN, "other/main.py": OTHER_MAIN})
    found = references(run_cli(repo, "check", "--format", "json", "--fail-on", "never"))
    lines = {(path, line) for path, line, dataset, _ in found if dataset == "cifar-10"}
    assert {("sr/main.py", 1), ("sr/main.py", 4)} <= lines  # the import and the call
    assert ("sr/main.py", 5) not in lines  # DataLoader(...) and get_batch_size() load nothing
    # the same name imported from a module the repository does not have is not that loader
    assert not {line for path, line in lines if path == "other/main.py"}


SR_THROUGH_MODULE = """\
import data
import data as d
import torch

train_set = data.get_training_set(2)
val_set = d.get_training_set(3)
size = data.get_batch_size()
weights = torch.load("model.pt")
"""


def test_a_loader_called_through_its_imported_module_loads_its_dataset(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """``import data`` then ``data.get_training_set(...)``: a loader of the repository reached
    through its module's name (or an alias) is a load where it is called; the module's other
    functions, the import line and a method of that name on any object are not."""
    other = "import data\nnet = model.get_training_set(2)\n"
    files = {"sr/data.py": SR_DATA, "sr/main.py": SR_THROUGH_MODULE, "sr/other.py": other}
    found = scan_references(make_repo, run_cli, files)
    lines = {(path, line) for path, line, dataset, _ in found if path != "sr/data.py"}
    assert lines == {("sr/main.py", 5), ("sr/main.py", 6)}


WORD_MODEL_MAIN = """\
import argparse
import data
import tensorflow as tf
from torch.utils.data import TensorDataset
from readers import review_dataset

parser = argparse.ArgumentParser()
parser.add_argument("--data", type=str, default="./data/wikitext-2", help="location of the data")
parser.add_argument("--save", type=str, default="model.pt")
args = parser.parse_args()
corpus = data.Corpus(args.data)
reviews = review_dataset(args.data)
model = data.load_model(args.save)
loader = DataLoader(args.data, batch_size=8)
print(data.Corpus(args.data))
stats = data.Summary(args.data)
records = tf.data.TFRecordDataset(args.data)
pairs = TensorDataset(args.data)
"""


def test_a_data_class_of_another_module_given_a_carried_path_loads_that_data(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """``corpus = data.Corpus(args.data)``: a class named for data of another module, given a
    name that carries a dataset, loads it there. A function of another module (it may convert
    as well as load), a loader of weights, a DataLoader, a print, a class not named for data
    and a data library's classes (machinery) are not loads; a data library's reader of files
    (``tf.data.TFRecordDataset(args.data)``) reads the data at the path it is given."""
    corpus = "class Corpus:\n    def __init__(self, path):\n        self.path = path\n"
    files = {"main.py": WORD_MODEL_MAIN, "data.py": corpus, "readers.py": "x = 1\n"}
    files["main.py"] += (  # inside a loader, the loader is the reference: this is its step
        "\n\ndef get_training_set():\n    return data.Corpus(args.data)\n"
    )
    found = scan_references(make_repo, run_cli, files)
    loads = {line for path, line, _, kind in found if path == "main.py" and kind == "load"}
    assert {11, 17} <= loads
    not_loads = set(range(12, 19)) - {17}
    assert not not_loads & {line for path, line, _, _ in found if path == "main.py"}
    assert 22 not in {line for path, line, _, _ in found if path == "main.py"}


CONFIG = """\
from pathlib import Path


def get_config():
    conf = {}
    conf.data_path = Path('data')
    conf.pictures_folder = conf.data_path / 'cifar-10-batches-py'
    conf.log_path = conf.data_path / 'log'
    return conf
"""

PIPE = """\
from torchvision.datasets import ImageFolder


def get_train_loader(conf):
    dataset = ImageFolder(conf.pictures_folder / 'imgs')
    logs = conf.data_path / 'log'
    return dataset
"""


def test_a_config_attribute_set_in_one_module_is_that_data_in_another(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    repo = make_repo({"config.py": CONFIG, "data/pipe.py": PIPE})
    found = references(run_cli(repo, "check", "--format", "json", "--fail-on", "never"))
    lines = {(path, line) for path, line, dataset, _ in found if dataset == "cifar-10"}
    assert ("data/pipe.py", 5) in lines  # conf.pictures_folder / 'imgs' names no dataset
    assert ("data/pipe.py", 6) not in lines  # data_path is any data's root, not CIFAR's


FACES_CONFIG = """\
import os

faces_folder = 'data/faces_cifar-10-batches-py'
path_index = os.path.join(faces_folder, 'train.idx')
path_records = os.path.join(faces_folder, 'train.rec')
"""

FACES_PREPARE = """\
from mxnet import recordio
from config import path_index, path_records

if __name__ == "__main__":
    records = recordio.MXIndexedRecordIO(path_index, path_records, 'r')
    print(path_index)
"""


def test_a_path_imported_from_a_config_module_is_read_where_it_is_used(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    repo = make_repo({"config.py": FACES_CONFIG, "prepare.py": FACES_PREPARE})
    found = references(run_cli(repo, "check", "--format", "json", "--fail-on", "never"))
    lines = {line for path, line, dataset, _ in found if path == "prepare.py"}
    assert 5 in lines  # the record file opened through the imported names
    assert 2 not in lines and 6 not in lines  # the import of constants, print


TOOLKIT = """\
import os
import pickle
import pandas as pd

DATA_PATH = os.path.join(os.path.dirname(__file__), "data")
IMAGE_ROOT = "images"


def load_bikes():
    frame = pd.read_csv(os.path.join(DATA_PATH, "bikes.csv"))
    return frame


def make_signals():
    return [1, 2, 3]


def image_paths(pickle_path):
    with open(pickle_path, "rb") as handle:
        samples = pickle.load(handle)
    return [os.path.join(IMAGE_ROOT, sample["img"]) for sample in samples]
"""


def test_a_read_of_a_data_file_makes_its_function_a_loader_and_its_folder_data(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    found = datasets_at(make_repo, run_cli, "toolkit.py", TOOLKIT)
    bikes = found[10]
    assert bikes & found.get(5, set())  # DATA_PATH: where the bikes file lies
    assert bikes & found.get(9, set())  # def load_bikes
    for line in (6, 14, 21):  # another folder, another function, paths from loaded data
        assert line not in found, (line, found.get(line))


LANDSCAPE = [
    ["import os\n", "import urllib.request\n", "import pandas as pd\n"],
    [
        'datapath = os.path.join("datasets", "lifesat", "")\n',
        'DOWNLOAD_ROOT = "https://example.org/book/master/"\n',
        'for filename in ("happiness_2015.csv", "income_per_capita.csv"):\n',
        '    url = DOWNLOAD_ROOT + "datasets/lifesat/" + filename\n',
        "    urllib.request.urlretrieve(url, datapath + filename)\n",
    ],
    ['happiness = pd.read_csv(datapath + "happiness_2015.csv", thousands=",")\n'],
]


def test_a_loop_over_file_names_folds_the_download_inside_it(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    text = _notebook(LANDSCAPE)
    found = lines(make_repo, run_cli, "landscape.ipynb", text)
    raw = text.split("\n")
    for fragment in ("datapath = ", "DOWNLOAD_ROOT = ", "for filename in", "url = DOWNLOAD_ROOT"):
        line = next(n for n, text in enumerate(raw, 1) if fragment in text)
        assert line in found, fragment
    read = next(n for n, text in enumerate(raw, 1) if "happiness = pd.read_csv" in text)
    assert "load" in found[read]


DATASET_CLASS = f"""\
import os.path as osp
import urllib.request
from zipfile import ZipFile

from .base import Dataset


class CifarArchive(Dataset):
    url = "{CIFAR_URL}"

    def __init__(self, root):
        self.root = root
        self.download()

    def download(self):
        fpath = osp.join(self.root, "cifar.tar.gz")
        urllib.request.urlretrieve(self.url, fpath)
        with ZipFile(fpath) as z:
            z.extractall(path=self.root)
"""


def test_inside_a_dataset_class_only_the_class_and_its_download_are_references(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    found = datasets_at(make_repo, run_cli, "cifar.py", DATASET_CLASS)
    assert "cifar-10" in found.get(8, set())  # the dataset class that downloads it
    assert "cifar-10" in found.get(17, set())  # its download
    for line in (15, 18, 19):  # the method's def line, its own unpacking steps
        assert "cifar-10" not in found.get(line, set()), line


HELPERS = """\
import json
import os


def read_json(fpath):
    with open(fpath, "r") as f:
        return json.load(f)


def save_checkpoint(state, fpath="checkpoint.pth.tar"):
    with open(fpath, "w") as f:
        f.write(str(state))


splits = read_json(os.path.join("data/cifar-10-batches-py", "splits.json"))
results = os.path.join("data/cifar-10-batches-py", "results")
with open(os.path.join(results, "log.txt"), "w") as log:
    log.write(str(splits))
"""


def test_a_generic_helper_settings_and_logs_do_not_carry_data(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    found = datasets_at(make_repo, run_cli, "helpers.py", HELPERS)
    # read_json is any file's reader: neither its def nor its body are the dataset's
    for line in (5, 6, 7):
        assert "cifar-10" not in found.get(line, set()), line
    # a checkpoint's name (another function's default) is not followed into json.load
    assert 7 not in found
    assert "cifar-10" not in found.get(17, set())  # a results folder, then a log written


def test_an_expression_nested_too_deep_for_the_walk_keeps_the_direct_references(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    chain = " + ".join(['"/a"'] * 990)  # parses, but deeper than the recursion limit
    code = f'import numpy as np\nROOT = "data/mnist"\nx = ROOT + {chain}\nnp.load(x)\n'
    repo = make_repo({"deep.py": code})
    result = run_cli(repo, "check", "--format", "json", "--fail-on", "never")
    assert result.exit_code == 0, result.stderr
    assert ("deep.py", 2, "mnist", "path") in references(result)


SELECTOR = """\
from dataclasses import dataclass, field

from datasets import load_dataset


@dataclass
class DataArguments:
    dataset: str = field(
        default="squad",
        metadata={"help": "which dataset to tune on"},
    )
    output_dir: str = field(default="squad-out")


def load_reviews():
    return load_dataset("stanfordnlp/imdb")


def make_data_module(args):
    def load_data(dataset_name):
        if dataset_name == "squad":
            return load_dataset("rajpurkar/squad")
        elif dataset_name == "ag_news":
            return load_dataset("fancyzhx/ag_news")
        elif dataset_name == "imdb":
            return load_reviews()
        raise ValueError(dataset_name)

    chosen = load_data(args.dataset)
    unknown = load_data(args.other)
    reviews = load_reviews()
    return chosen, unknown, reviews
"""


def test_a_loader_of_many_datasets_loads_the_one_its_argument_selects(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """``load_data(args.dataset)`` where ``load_data`` loads one of several datasets by its
    argument's name and ``args.dataset`` defaults (a dataclass field, as HfArgumentParser
    reads it) to ``"squad"``: the call loads SQuAD only; with an unknown argument it names
    none. A function that returns a loader call (``load_reviews``) loads that dataset at
    its ``def`` and at each call."""
    found = datasets_at(make_repo, run_cli, "finetune.py", SELECTOR)
    assert found[29] == {"squad"}
    assert "imdb" in found.get(15, set()) and "imdb" in found.get(31, set())
    assert 30 not in found and 12 not in found


def test_a_loader_star_imported_from_a_module_of_the_repository_loads_its_dataset(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """``from data import *`` imports the module's loaders under their own names."""
    main = "from data import *\n\ntrain_set = get_training_set(2)\nsize = get_batch_size()\n"
    files = {"sr/data.py": SR_DATA, "sr/main.py": main}
    found = scan_references(make_repo, run_cli, files)
    assert {line for path, line, _, _ in found if path == "sr/main.py"} == {3}


def test_a_long_dataset_class_and_its_subclass_load_what_it_downloads(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """A dataset class holds its whole reader, often far longer than a loader function: it
    still loads what it downloads, and a subclass of it loads the same data. A long class
    not named for data does not."""
    steps = "".join(f"    def step_{i}(self):\n        return {i}\n\n" for i in range(40))
    download = (
        "    @staticmethod\n    def download(root):\n"
        f'        urllib.request.urlretrieve("{CIFAR_URL}", root)\n\n'
    )
    code = (
        "import urllib.request\n\n\n"
        "class PetImagesDataset(torch.utils.data.Dataset):\n"
        + download
        + steps
        + "\nclass ResizedPetImagesDataset(PetImagesDataset):\n    size = 32\n\n\n"
        + "class Trainer:\n"
        + download
        + steps
    )
    found = datasets_at(make_repo, run_cli, "pets.py", code)
    lines = code.split("\n")
    at = {
        name: lines.index(next(x for x in lines if x.startswith(name))) + 1
        for name in ("class PetImagesDataset", "class ResizedPetImagesDataset", "class Trainer")
    }
    assert "cifar-10" in found.get(at["class PetImagesDataset"], set())
    assert "cifar-10" in found.get(at["class ResizedPetImagesDataset"], set())
    assert at["class Trainer"] not in found


MAIL_CORPUS = """\
import os
import tarfile
import urllib.request

MAIL_ROOT = "https://example.org/archive/mailcorpus/"
WORK_URL = MAIL_ROOT + "2004_work_mail.tar.bz2"
JUNK_URL = MAIL_ROOT + "2004_junk_mail.tar.bz2"
MAIL_PATH = os.path.join("datasets", "mail")
NOTE = MAIL_ROOT + "readme"


def fetch_mail(work_url=WORK_URL, junk_url=JUNK_URL, mail_path=MAIL_PATH):
    os.makedirs(mail_path, exist_ok=True)
    for filename, url in (("work.tar.bz2", work_url), ("junk.tar.bz2", junk_url)):
        path = os.path.join(mail_path, filename)
        urllib.request.urlretrieve(url, path)
        archive = tarfile.open(path)
        archive.extractall(path=mail_path)
        archive.close()


fetch_mail()
WORK_DIR = os.path.join(MAIL_PATH, "work")
work_files = sorted(os.listdir(WORK_DIR))
MAIL_ROOT = "https://example.org/archive/other/"  # a later cell's own root
"""


def test_urls_joined_from_a_root_and_the_folder_an_archive_is_unpacked_in_are_data(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """``WORK_URL = MAIL_ROOT + "x.tar.bz2"`` is a download URL in code (its own file's, not
    every file of its root) that reaches the download through a parameter's default and a
    loop (a name a later notebook cell binds again is still the one bound above it);
    ``extractall(path=mail_path)`` unpacks the data in ``MAIL_PATH``, which then makes the
    folders joined to it and their listings data too. A joined URL of no data file is not
    one."""
    found = datasets_at(make_repo, run_cli, "mail.py", MAIL_CORPUS)
    work, junk = found[6], found[7]
    assert len(work) == 1 and len(junk) == 1 and work != junk
    assert work | junk <= found[5]  # the root both are joined from
    assert work | junk <= found[16] and work | junk <= found[12]  # the download, the def
    assert found.get(8, set()) and found.get(23, set()) and found.get(24, set())
    assert 9 not in found


ESSAY_CACHE = """\
import os
import pandas as pd
from common import download_file

DATA_CACHE_DIR = os.path.join(os.path.dirname(__file__), "essays")
MODEL_CACHE_DIR = os.path.join(os.path.dirname(__file__), "weights")
data_url = "https://example.org/corpora/essays/essays.tar"


def download():
    archive = os.path.join(DATA_CACHE_DIR, "essays.tar")
    download_file(data_url, archive)
    os.system(f"tar -xf {archive} -C {DATA_CACHE_DIR}")
    os.system(f"ls {MODEL_CACHE_DIR}")


def iterate_essays():
    download()
    test_dir = os.path.join(DATA_CACHE_DIR, "data", "test")
    return pd.read_csv(os.path.join(test_dir, "essays.csv"))


WORK_DIRECTORY = "data"
SCRIBBLES_URL = "https://example.org/corpora/scribbles/scribbles.csv"


def maybe_fetch(name):
    target = os.path.join(WORK_DIRECTORY, name)
    download_file(SCRIBBLES_URL, target)
    import subprocess
    subprocess.call(["python", "train.py", DATA_CACHE_DIR])
"""


def test_a_data_cache_holds_data_and_a_shell_command_on_it_is_a_path_reference(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """``DATA_CACHE_DIR`` names where the data is kept (a cache of weights is a run's own);
    ``os.system(f"tar -xf {archive} -C {DATA_CACHE_DIR}")`` unpacks the data there. A folder
    named only ``"data"`` that any download is saved under names no dataset, and a script run
    with the data's folder is no file operation (its own lines are the references)."""
    found = datasets_at(make_repo, run_cli, "essays.py", ESSAY_CACHE)
    downloaded = found[7]
    for line in (5, 11, 13, 19, 20):
        assert found.get(line, set()) & downloaded, line
    assert found[28] and found[29]  # the other download, and the file it is saved to
    # a weights cache, a folder named only "data", a script run with the data's folder
    assert not {6, 14, 23, 31} & set(found)


def test_a_function_that_returns_a_library_dataset_class_loads_it(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """``def get_train_set(root): return datasets.SVHN(root)``: a loader-named function whose
    body builds a library's dataset loads it, at its ``def`` and at each call; a helper that
    only checks a dataset's type does not."""
    code = (
        "from torchvision import datasets\n\n\n"
        "def get_train_set(root):\n"
        "    return datasets.SVHN(root, download=True)\n\n\n"
        "def get_info(data):\n"
        "    return isinstance(data, datasets.SVHN)\n\n\n"
        "train = get_train_set('data')\n"
        "info = get_info(train)\n"
    )
    found = datasets_at(make_repo, run_cli, "train.py", code)
    assert "svhn" in found.get(4, set()) and "svhn" in found.get(12, set())
    assert 8 not in found and 13 not in found


def test_a_variable_named_for_a_dataset_carries_it_to_the_read(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """``adult_path = os.path.join(DATA_PATH, "adult.data")``: the variable's own name says
    which data its path holds; the read over several lines that takes it is a load of it."""
    code = (
        "import os\n"
        "import pandas as pd\n"
        "from helpers import DATA_PATH\n"
        'adult_path = os.path.join(DATA_PATH, "adult.data")\n'
        "frame = pd.read_csv(\n"
        "    adult_path, header=None, index_col=False,\n"
        "    names=['age', 'workclass'])\n"
    )
    found = lines(make_repo, run_cli, "adult.py", code)
    assert "load" in found.get(5, set())


HELPER_READ = """\
import helper
import facenet

data_dir = './data/Seinfeld_Scripts.txt'
text = helper.load_data(data_dir)
paths_batch = paths[0:10]
images = facenet.load_data(paths_batch, False, False, 160)
model = helper.load_model(data_dir)
print(helper.load_data(data_dir))
"""


def test_a_helper_module_named_for_reading_data_given_a_data_path_reads_it(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """A course's ``text = helper.load_data(data_dir)``: the repository's helper reads the
    data file the name holds as written. A batch of paths built at run time, a model's loader,
    and a print of the result are not that read."""
    found = datasets_at(make_repo, run_cli, "scripts.py", HELPER_READ)
    assert found == {
        4: {"local:data/Seinfeld_Scripts.txt"},
        5: {"local:data/Seinfeld_Scripts.txt"},
    }


OWN_LISTS = """\
import os.path as osp
from reid.utils.serialization import read_json

root = '/tmp/reid/cuhk01'
dataset = CUHK01(root, download=True)
meta = read_json(osp.join(root, 'meta.json'))
splits = read_json(osp.join(root, 'splits.json'))
images = read_json(osp.join(root, 'cuhk01_images.json'))
"""


def test_the_lists_a_dataset_module_writes_beside_the_data_are_not_read_as_data(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """meta.json and splits.json are what a re-ID module writes from the dataset's own lists
    (the reader of a literal path already leaves them: NOT_DATA_WORDS); joined onto a
    carried root they are no data either. A data file joined there still is."""
    found = datasets_at(make_repo, run_cli, "test_cuhk01.py", OWN_LISTS)
    assert 6 not in found and 7 not in found, found
    assert "cuhk01" in found.get(8, set()), found


def test_a_tfds_builder_carries_its_dataset_to_as_dataset(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """tfds.builder(name) prepares a dataset; its as_dataset() reads it, another object's
    as_dataset() (a replay buffer's) does not."""
    code = (
        "import tensorflow_datasets as tfds\n"
        "bldr = tfds.builder('mnist')\n"
        "bldr.download_and_prepare()\n"
        "ds = bldr.as_dataset(shuffle_files=False)\n"
        "trajectories = replay_buffer.as_dataset(sample_batch_size=64)\n"
    )
    found = lines(make_repo, run_cli, "prepare.py", code)
    assert found.get(4) == {"load"}
    assert 5 not in found


RECORDS_TRAINER = """\
import argparse
import os
import sqlite3
import geopandas as gpd
import tensorflow as tf

parser = argparse.ArgumentParser()
parser.add_argument("--records_path", default="./datasets/faces_records", type=str)
args = parser.parse_args()
records_file = os.path.join(args.records_path, "train.tfrecords")
dataset = tf.data.TFRecordDataset(records_file)
areas_file = "../input/geo-course/areas/areas.shp"
areas = gpd.read_file(areas_file)
reviews_db = "data/reviews.sqlite"
conn = sqlite3.connect(reviews_db)
scratch = "scratch_dir"
blank = tf.data.TFRecordDataset(scratch)
conn2 = sqlite3.connect(scratch)
"""


def test_readers_of_records_shapes_and_databases_given_a_bound_path_read_it(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """``dataset = tf.data.TFRecordDataset(records_file)`` where ``records_file`` was joined
    onto an option's data folder: the reader reads that data there, as ``gpd.read_file`` does
    a shapefile bound to a name and ``sqlite3.connect`` a database. The same readers given a
    name of no data read nothing known."""
    found = lines(make_repo, run_cli, "train.py", RECORDS_TRAINER)
    assert {11, 13, 15} <= {line for line, kinds in found.items() if "load" in kinds}
    assert not {16, 17, 18} & set(found)


EVALUATION_LOOP = """\
import argparse
from verification import load_bin, load_model

parser = argparse.ArgumentParser()
parser.add_argument("--eval_sets", default=["lfw", "cfp_fp"], help="evaluation sets")
args = parser.parse_args()


def main():
    for name in args.eval_sets:
        data_set = load_bin(name, (112, 112))
    for name in ["lfw", "agedb_30"]:
        pairs = load_bin(name, (112, 112))
        weights = load_model(name)
    rec_path = "data/faces_rec"
    converted = load_bin(rec_path, (112, 112))
    for step in range(3):
        batch = load_bin(step, (112, 112))
"""


def test_a_loader_of_another_module_given_each_dataset_of_a_loop_loads_each(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """``for name in args.eval_sets: load_bin(name, ...)``: a reader of another module handed
    the target of a loop over datasets' names loads each there. A loader of weights, a path
    bound once (it may be converted as often as loaded) and a loop over numbers are not."""
    found = datasets_at(make_repo, run_cli, "eval.py", EVALUATION_LOOP)
    assert found.get(11, set()) >= {"lfw", "cfp"}
    assert found.get(13, set()) >= {"lfw", "agedb"}
    assert not {14, 16, 18} & set(found)


DECOMPRESSED = """\
import gzip
import shutil
import pandas as pd

with gzip.open("reviews.csv.gz", "rb") as f_in, open("reviews.csv", "wb") as f_out:
    f_out.write(f_in.read())
reviews = pd.read_csv("reviews.csv")
with gzip.open("labels.csv.gz", "rb") as source:
    with open("labels.csv", "wb") as target:
        shutil.copyfileobj(source, target)
labels = pd.read_csv("labels.csv")
with open("summary.csv", "w") as out:
    out.write(str(reviews.shape))
summary = pd.read_csv("summary.csv")
"""


def test_a_data_file_copied_to_another_name_is_that_data_where_the_copy_is_read(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """``f_out.write(f_in.read())`` or ``shutil.copyfileobj(f_in, f_out)`` with ``f_in`` a
    data file opened to be read: the file written is a copy of that data (a course
    decompresses its CSV once), so reading the copy further down reads the data. A file
    written from a value computed on the data (its shape, a summary) is the run's own."""
    found = datasets_at(make_repo, run_cli, "prepare.py", DECOMPRESSED)
    assert "local:reviews.csv.gz" in found.get(7, set())
    assert "local:labels.csv.gz" in found.get(11, set())
    assert 14 not in found


DOWNLOAD_HELPER = """\
import zipfile
from pathlib import Path

import requests


def download_data(source: str, destination: str) -> Path:
    target = Path("data") / destination
    with open(target.with_suffix(".zip"), "wb") as f:
        f.write(requests.get(source).content)
    return target


images = download_data(source="https://example.org/course/data/birds_small.zip",
                       destination="birds_small")
page = download_data(source="https://example.org/course/index.html",
                     destination="site")
other = convert(source="https://example.org/course/data/fish.zip",
                destination="fish")
"""


def test_a_download_helper_given_a_data_files_url_by_keyword_downloads_it_where_it_says(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """``download_data(source=URL, destination="birds_small")``: a function named for
    downloading, given a data file's URL as its ``source``, downloads it (an unknown dataset
    is still a reference), and the folder its destination names on a line of its own is that
    data's. A page's URL and a function named for something else download nothing."""
    found = lines(make_repo, run_cli, "course.py", DOWNLOAD_HELPER)
    assert "load" in found.get(14, set())
    assert "path" in found.get(15, set())
    assert not {16, 17, 18, 19} & set(found)


STREAMED_SHARDS = """\
import glob
from dataclasses import dataclass

import torch


@dataclass
class Hyperparameters:
    input_bin: str = "data/fineweb10B/fineweb_train_*.bin"
    out_dir: str = "data/fineweb10B/out"
    batch_size: int = 8


args = Hyperparameters()


class DistributedDataLoader:
    def __init__(self, filename_pattern, batch_size):
        self.files = sorted(glob.glob(filename_pattern))


def distributed_data_generator(filename_pattern, batch_size):
    yield from sorted(glob.glob(filename_pattern))


class ShardWriter:
    def __init__(self, pattern):
        self.pattern = pattern


train_loader = DistributedDataLoader(args.input_bin, args.batch_size)
batches = distributed_data_generator(args.input_bin, 8)
writer = ShardWriter(args.input_bin)
log_loader = DistributedDataLoader(args.out_dir, 8)
plain = torch.utils.data.DataLoader(args.input_bin)
"""


def test_the_modules_own_data_loader_given_a_dataclass_default_reads_that_data(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    # A plain default in a class of settings makes args.input_bin carry FineWeb (line 9); the
    # module's own loader (line 31) and generator (line 32) read it there. A class not named
    # for streaming data (line 33), an output's folder (line 34) and a library's DataLoader
    # (line 35) are not reads of it.
    found = datasets_at(make_repo, run_cli, "train_gpt.py", STREAMED_SHARDS)
    assert {line for line, named in found.items() if "fineweb" in named} == {9, 31, 32}


BATCHING_UTILS = """\
import torchvision
from torch.utils.data import DataLoader


def get_training_dataloader(mean, std, batch_size=16):
    training = torchvision.datasets.CIFAR100(root="./data", train=True, download=True)
    return DataLoader(training, batch_size=batch_size)


def get_network(args):
    return args.net
"""

BATCHING_TRAIN = """\
from utils import get_network, get_training_dataloader

net = get_network(args)
training_loader = get_training_dataloader(
    (0.5, 0.5, 0.5),
    (0.2, 0.2, 0.2),
)
"""


def test_a_getter_of_a_data_loader_loads_its_data_where_it_is_imported_and_called(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    # get_training_dataloader is named for what feeds batches: its def (utils.py:5), its
    # import and its call load CIFAR-100; get_network is no loader.
    found = scan_references(
        make_repo, run_cli, {"utils.py": BATCHING_UTILS, "train.py": BATCHING_TRAIN}
    )
    assert {(path, line) for path, line, dataset, _ in found if dataset == "cifar-100"} == {
        ("utils.py", 5),
        ("utils.py", 6),
        ("train.py", 1),
        ("train.py", 4),
    }


OPTIONS_MODULE = """\
import argparse

parser = argparse.ArgumentParser()
parser.add_argument("--data_train", type=str, default="Market1501")
parser.add_argument("--plugin", type=str, default="plugins.basic")
args = parser.parse_args()
"""

CHOSEN_BY_NAME = """\
from importlib import import_module


class Data:
    def __init__(self, args):
        module = import_module("data." + args.data_train.lower())
        self.trainset = getattr(module, args.data_train)(args, "train")
        print("using", args.data_train.lower())
        self.plugin = import_module(args.plugin)
        self.hook = getattr(self.plugin, args.hook)(args)
"""


OWN_PARSER = """\
import argparse
from importlib import import_module

parser = argparse.ArgumentParser()
parser.add_argument("--data_train", type=str, required=True)
args = parser.parse_args()
module = import_module("data." + args.data_train.lower())
"""


def test_a_module_or_class_looked_up_by_an_option_of_another_module_loads_its_dataset(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    # option.py's --data_train defaults to Market1501: the dataset's module imported by that
    # name (line 6) and its class looked up in it (line 7) load Market-1501 in data/__init__.py,
    # which only receives args. A message (line 8), a plugin chosen by another option
    # (lines 9-10) and the class that wires the data in (line 4) are not loads of it.
    files = {
        "option.py": OPTIONS_MODULE,
        "data/__init__.py": CHOSEN_BY_NAME,
        "evaluate.py": OWN_PARSER,
    }
    found = scan_references(make_repo, run_cli, files)
    assert {line for path, line, _, _ in found if path == "data/__init__.py"} == {6, 7}
    # a script with a parser of its own reads its own --data_train, not option.py's
    assert {line for path, line, _, _ in found if path == "evaluate.py"} == set()


SAVED_AND_READ_BACK = """\
from datasets import load_dataset

dataset = load_dataset("b-mc2/sql-create-context", split="train")
dataset = dataset.shuffle().select(range(12500))
dataset = dataset.train_test_split(test_size=0.2)
dataset["train"].to_json("train_dataset.json", orient="records")
train = load_dataset("json", data_files="train_dataset.json", split="train")
other = load_dataset("json", data_files="notes.json", split="train")
metrics.to_json("metrics.json")
print(dataset.map(str))
"""


def test_a_dataset_saved_to_a_file_is_that_dataset_where_it_is_written_and_read_back(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    # The Hub dataset survives shuffle/select/split (lines 4-5), is written to a JSON file
    # (line 6) and read back from it (line 7); another file (line 8), an object that carries
    # no dataset (line 9) and a message (line 10) are not it.
    found = datasets_at(make_repo, run_cli, "train.py", SAVED_AND_READ_BACK)
    hub = "hf:b-mc2/sql-create-context"
    assert {line for line, named in found.items() if hub in named} == {3, 6, 7}


CLASS_BOUND_TO_A_NAME = """\
import torchvision.datasets as datasets

dataloader = datasets.CIFAR100
num_classes = 100
trainset = dataloader(root="./data", train=True, download=True)
width = num_classes(3)
"""


def test_a_dataset_class_bound_to_a_name_loads_it_where_the_name_is_called(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    # dataloader names CIFAR-100's class (line 3): calling it (line 5) loads the data; a name
    # bound to a number beside it (lines 4, 6) is nothing.
    found = datasets_at(make_repo, run_cli, "cifar.py", CLASS_BOUND_TO_A_NAME)
    assert {line for line, named in found.items() if "cifar-100" in named} == {3, 5}
    assert set(found) == {3, 5}


SHARDS = """\
import os
import requests

# where the pretraining shards are hosted, fetched on demand
BASE_URL = "https://huggingface.co/datasets/someone/webtext-shards/resolve/main"
DATA_DIR = os.path.join(os.path.expanduser("~/.cache"), "shards")

def fetch_shard(index):
    filename = f"shard_{index:05d}.parquet"
    url = f"{BASE_URL}/{filename}"
    response = requests.get(url, stream=True, timeout=30)
    return response
"""


def test_a_download_of_files_below_a_known_place_is_of_that_place(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    found = datasets_at(make_repo, run_cli, "shards.py", SHARDS)
    # the file name is known only at run time; the Hub dataset it lies in is not
    assert found.get(11) == {"hf:someone/webtext-shards"}  # requests.get(url)
    assert found.get(5) == {"hf:someone/webtext-shards"}  # the URL the shards lie below
    assert "hf:someone/webtext-shards" in found.get(10, set())  # url = f"{BASE_URL}/..."


NOT_A_PLACE = """\
import requests

API = "https://api.example.org/v2"
DOCS = "https://huggingface.co/docs"
MODELS = "https://huggingface.co/someone/tiny-model/resolve/main"

def fetch(endpoint, page):
    reply = requests.get(f"{API}/{endpoint}?page={page}")
    guide = requests.get(DOCS + "/" + page)
    weights = requests.get(f"{MODELS}/{page}")
    mixed = requests.get(f"{API}mnist{page}")
    return reply, guide, weights, mixed

def checksums(index):
    pages = "https://huggingface.co/datasets/someone/corpus/blob/main/part-"
    url = pages + f"{index:05d}.bin"
    return requests.get(url).text
"""


def test_a_download_below_an_unknown_place_or_a_model_names_no_dataset(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    # an API, docs, a model's files, a known name inside half a path segment, and the
    # web pages that show a dataset's files (blob/, HTML scraped for checksums): no data
    # is fetched below a place known only by its start
    assert datasets_at(make_repo, run_cli, "client.py", NOT_A_PLACE) == {}


NAMED_HELPERS = """\
import pandas as pd


def read_mnist_csv(path):
    frame = pd.read_csv(path)
    return frame.values[:, 1:] / 255.0, frame.values[:, 0]


def getKaggleMNIST():
    return read_mnist_csv("../inputs/train.csv")


def make_dataset(name):
    if name == "kaggle":
        return read_mnist_csv("../inputs/train.csv")
    raise ValueError(name)


def train_mnist_model(model):
    features, labels = read_mnist_csv("../inputs/train.csv")
    return model.fit(features, labels)


def mnist_to_images(folder):
    features, labels = read_mnist_csv("../inputs/train.csv")
    return [save_image(folder, row) for row in features]
"""

NAMED_CALLER = """\
from utils import getKaggleMNIST, make_dataset, train_mnist_model

features, labels = getKaggleMNIST()
other = make_dataset("kaggle")
fitted = train_mnist_model(None)
shown = models.ImageDataset(features)
"""


def test_a_function_named_for_the_data_its_helper_reads_loads_it_where_called(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    # getKaggleMNIST returns what read_mnist_csv (a helper named for MNIST) reads: its def,
    # its import and its call load MNIST. make_dataset picks among datasets and
    # train_mnist_model fits a model, mnist_to_images converts it: none is named for the
    # data alone, so their def lines and calls are no references. What getKaggleMNIST
    # returned, handed to a class named for data (models.ImageDataset), is loaded already.
    found = scan_references(
        make_repo, run_cli, {"utils.py": NAMED_HELPERS, "train.py": NAMED_CALLER}
    )
    mnist = {(path, line) for path, line, dataset, _ in found if dataset == "mnist"}
    assert {("utils.py", 9), ("train.py", 1), ("train.py", 3)} <= mnist
    assert not mnist & {("utils.py", 13), ("utils.py", 19), ("utils.py", 24)}
    assert not mnist & {("train.py", 4), ("train.py", 5), ("train.py", 6)}


THROUGH_HANDLES = """\
import json
import pickle
import tarfile
import zipfile

RECIPES_FILE = "data/recipes/recipes.json"
GLYPHS_DIR = "data/glyphs"
GLYPHS_ARCHIVE = GLYPHS_DIR + "/glyphs.zip"


def load_recipes(path=RECIPES_FILE):
    with open(path, encoding="utf-8") as handle:
        recipes = json.load(handle)
    return recipes


def unpack_glyphs(archive=GLYPHS_ARCHIVE, scratch="tmp"):
    with zipfile.ZipFile(archive) as zipped:
        zipped.extractall(scratch)
    bundle = tarfile.open(archive + ".tar")
    bundle.extractall(GLYPHS_DIR)
    with tarfile.open(archive + ".tgz") as glyphs_tarball:
        glyphs_tarball.extractall(path="tmp")


def load_index():
    bundle = tarfile.open(GLYPHS_DIR + "/index.tar")
    bundle = GLYPHS_DIR + "/names.pkl"
    return pickle.load(open(bundle, "rb"))
"""


def test_an_archive_unpacked_through_its_handle_opened_above_is_no_second_reference(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    # The data is named where the archive is opened (lines 18, 20); unpacking it through the
    # handle into a scratch folder (line 19) is the same access. An archive unpacked into the
    # data's own folder (line 21) still names it there. A file's handle read below its
    # opening (json.load(handle), line 13) stays a reference, as labellers mark it, and so
    # does a read of a name bound anew (line 29). A handle named for its data names the data
    # on its line (glyphs_tarball, line 23).
    found = lines(make_repo, run_cli, "prepare.py", THROUGH_HANDLES)
    for line in (12, 13, 18, 20, 21, 23, 27, 29):
        assert found.get(line), line
    assert 19 not in found, found.get(19)
    # the functions still read their data where defined and where called
    assert "load" in found[11] and "load" in found[17]
