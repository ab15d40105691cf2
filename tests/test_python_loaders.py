"""Loader calls in Python are found through the AST, with import aliases resolved."""

from __future__ import annotations

import pytest
from tests.conftest import ROOT, MakeRepo, RunCli, references, scan_references

LOADERS = [
    (
        "from datasets import load_dataset\nx = load_dataset('stanfordnlp/imdb')\n",
        "imdb",
    ),
    ("import datasets\nx = datasets.load_dataset(path='squad', split='train')\n", "squad"),
    ("from datasets import load_dataset as ld\nx = ld('glue', 'mrpc')\n", "glue"),
    ("import torchvision\nx = torchvision.datasets.MNIST('data')\n", "mnist"),
    ("import torchvision.datasets as dsets\nx = dsets.CIFAR100(root='d')\n", "cifar-100"),
    ("from torchvision import datasets\nx = datasets.FashionMNIST('d')\n", "fashion-mnist"),
    ("from torchvision.datasets import CelebA as C\nx = C('d')\n", "celeba"),
    ("import torchaudio\nx = torchaudio.datasets.LIBRISPEECH('d')\n", "librispeech"),
    ("import tensorflow_datasets as tfds\nx = tfds.load('mnist:3.*.*')\n", "mnist"),
    ("import tensorflow_datasets as tfds\nb = tfds.builder(name='coco/2017')\n", "coco"),
    ("from sklearn.datasets import fetch_openml\nx = fetch_openml('mnist_784')\n", "mnist"),
    ("import sklearn.datasets\nx = sklearn.datasets.fetch_20newsgroups()\n", "twenty-newsgroups"),
    ("from sklearn import datasets\nx = datasets.load_iris()\n", "iris"),
    ("from tensorflow import keras\n(a, b), _ = keras.datasets.cifar10.load_data()\n", "cifar-10"),
    ("import tensorflow as tf\n(a, b), _ = tf.keras.datasets.mnist.load_data()\n", "mnist"),
    ("from keras.datasets import imdb\n(a, b), _ = imdb.load_data()\n", "imdb"),
    ("import tensorflow_datasets as tfds\nx = tfds.load(name='mnist', split='train')\n", "mnist"),
    # A library's dataset named without a call: bound to a name, or a helper of its module.
    ("from tensorflow import keras\nfmnist = keras.datasets.fashion_mnist\n", "fashion-mnist"),
    ("from tensorflow import keras\nindex = keras.datasets.imdb.get_word_index()\n", "imdb"),
    ("from torchvision import datasets\nDATASET = datasets.CIFAR10\n", "cifar-10"),
    ("import torchvision.datasets as dsets\nassert isinstance(d, dsets.SVHN)\n", "svhn"),
    # Bundled sample data is data too, known or not.
    (
        "from sklearn.datasets import load_sample_images\nimg = load_sample_images()['images']\n",
        "sklearn-sample-images",
    ),
    (
        "from sklearn.datasets import load_sample_image\nchina = load_sample_image('china.jpg')\n",
        "sklearn-sample-images",
    ),
    (
        "from sklearn.datasets import fetch_species_distributions\n"
        "data = fetch_species_distributions()\n",
        "sklearn:fetch_species_distributions",
    ),
]


@pytest.mark.parametrize(
    ("code", "dataset"), LOADERS, ids=[f"{i}-{d}" for i, (_, d) in enumerate(LOADERS)]
)
def test_loader_call_is_a_load_reference(
    make_repo: MakeRepo, run_cli: RunCli, code: str, dataset: str
) -> None:
    repo = make_repo({"train.py": code})
    result = run_cli(repo, "check", "--format", "json", "--select", "DSL1")
    assert ("train.py", 2, dataset, "load") in references(result)
    assert result.exit_code == 0  # ordinary datasets: referenced, not flagged as retracted


def test_loader_position_points_at_the_name(make_repo: MakeRepo, run_cli: RunCli) -> None:
    repo = make_repo({"t.py": "from datasets import load_dataset\nds = load_dataset('ms1mv2')\n"})
    (ref,) = run_cli(repo, "check", "--format", "json").json()["references"]
    # ds = load_dataset('ms1mv2'): the name starts at column 20, inside the quotes.
    found = (ref["line"], ref["column"], ref["surface"], ref["dataset"])
    assert found == (2, 20, "ms1mv2", "ms1mv2")


def test_a_local_function_named_like_a_loader_is_not_a_loader(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    code = "def load_dataset(name):\n    return name\n\nx = load_dataset('someone/corpus')\n"
    repo = make_repo({"t.py": code})
    assert run_cli(repo, "check", "--format", "json").json()["references"] == []


def test_code_that_does_not_parse_falls_back_to_text(make_repo: MakeRepo, run_cli: RunCli) -> None:
    code = 'print "training on"\nrec = "/data/faces_emore"\ndef broken(:\n'
    repo = make_repo({"old.py": code})
    result = run_cli(repo, "check", "--format", "json")
    assert ("old.py", 2, "ms1mv2", "path") in references(result)
    assert result.exit_code == 1


def test_ambiguous_name_in_a_loader_call_counts(make_repo: MakeRepo, run_cli: RunCli) -> None:
    code = "import torchreid\nfrom datasets import load_dataset\nd = load_dataset('duke')\n"
    repo = make_repo({"t.py": code})
    result = run_cli(repo, "check", "--format", "json")
    assert ("t.py", 3, "duke-mtmc", "load") in references(result)


IMPORTS = [
    ("from sklearn.datasets import load_sample_images\n", "sklearn-sample-images"),
    (
        "from sklearn.datasets import fetch_species_distributions\n",
        "sklearn:fetch_species_distributions",
    ),
    ("from torchvision.datasets import Flowers102 as F\n", "oxford-flowers-102"),
    ("from tensorflow.keras.datasets import reuters\n", "reuters-21578"),
]


@pytest.mark.parametrize(
    ("code", "dataset"), IMPORTS, ids=[f"{i}-{d}" for i, (_, d) in enumerate(IMPORTS)]
)
def test_importing_a_librarys_dataset_loader_is_a_load_reference(
    make_repo: MakeRepo, run_cli: RunCli, code: str, dataset: str
) -> None:
    """The import names the dataset, known to the catalogue or not, on a line of its own."""
    repo = make_repo({"train.py": "import numpy as np\n" + code})
    assert references(run_cli(repo, "check", "--format", "json")) == {
        ("train.py", 2, dataset, "load")
    }


def test_library_machinery_is_not_a_dataset(make_repo: MakeRepo, run_cli: RunCli) -> None:
    code = (
        "from sklearn.datasets import load_files, make_blobs, fetch_openml\n"
        "from torchvision.datasets import ImageFolder, VisionDataset\n"
        "from torchvision import datasets\n"
        "from tensorflow import keras\n"
        "import tensorflow as tf\n"
        "folder = datasets.ImageFolder\n"
        "transform = datasets.utils.download_url\n"
        "x = keras.datasets\n"
        "tf.data.Dataset.from_tensor_slices(x)\n"
    )
    repo = make_repo({"train.py": code})
    assert references(run_cli(repo, "check", "--format", "json")) == set()


def test_an_import_over_several_lines_names_each_dataset_on_its_own_line(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    code = "from sklearn.datasets import (\n    load_sample_image,\n    make_moons,\n)\n"
    repo = make_repo({"train.py": code})
    assert references(run_cli(repo, "check", "--format", "json")) == {
        ("train.py", 2, "sklearn-sample-images", "load")
    }


def test_rebinding_compares_values_as_ast_dump_does() -> None:
    """A name bound twice keeps its value only when both are the same code. The comparison
    stops at the first difference instead of dumping both trees (a whole scan's hot spot);
    it must agree with ``ast.dump`` equality on every kind of node, equal or not."""
    import ast
    import itertools
    from pathlib import Path

    from datasheet_lint.extract import python_ast

    source = Path(python_ast.__file__).read_text(encoding="utf-8")
    first = [n for n in ast.walk(ast.parse(source)) if isinstance(n, ast.expr)]
    twins = [n for n in ast.walk(ast.parse(source)) if isinstance(n, ast.expr)]  # equal copies
    literals = [ast.Constant(v) for v in (1, True, 1.0, "1", b"1", None, float("nan"))]
    literals.append(ast.Constant("1", kind="u"))
    pairs = [
        *zip(first, twins, strict=True),
        *itertools.pairwise(first),
        *zip(first, twins[3:], strict=False),
        *((a, b) for a in literals for b in literals),
    ]
    verdicts = [python_ast._same_code(a, b) for a, b in pairs]
    assert verdicts == [ast.dump(a) == ast.dump(b) for a, b in pairs]
    assert True in verdicts and False in verdicts


# The one regex that decided which modules are parsed (with the sample-data libraries added
# since), before its names became substrings looked for with ``in``: the decision must not
# change.
ONE_REGEX = (
    r"load_dataset|load_from_disk|hf_hub_download|snapshot_download|dataset_download|"
    r"get_dataset|tensorflow_datasets|fetch_openml|read_(?:csv|json|parquet|table|excel|feather)|"
    r"urlretrieve|urlopen|requests\.get|wget\.download|gdown\.download|download_url|"
    r"(?:torchvision|torchaudio|torchtext|sklearn|keras)[\w.]{0,64}"
    r"(?:\.datasets|[ \t]+import[ \t]+[\w, \t(]*\bdatasets)|get_file|ImageFolder|"
    r"tutorials\.mnist|learn\.datasets|vega_datasets|skimage|pydataset|get_rdataset|"
    r"mglearn|plotly\.express"
)


def test_which_modules_are_parsed_is_what_the_one_regex_said() -> None:
    """Every loader name and library import the regex matched, near misses of each, and the
    package's own modules and test corpus, by the regex and by ``worth_parsing``."""
    import re

    from datasheet_lint.extract import python_ast

    regex = re.compile(ONE_REGEX)
    imports = [
        "from torchvision import datasets",
        "import sklearn.datasets as d",
        "from keras import layers,\tdatasets",
        "from tensorflow.keras import (datasets)",
        "x = torchaudio.datasets.YESNO('d')",
        "from torchtext import mydatasets",  # no word boundary: not a datasets import
        "from torchvision import transforms  # datasets elsewhere",
        "import torchvision\nfrom x import datasets",
    ]
    words = [*python_ast.LOADER_WORDS, "read_csv", "requests.get", "wget.download"]
    near = [w.replace("_", "-").replace(".", "_") for w in words] + [w[:-1] for w in words]
    own = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "src").rglob("*.py"))]
    corpus = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests").rglob("*.py"))]
    texts = [*imports, *(f"x = {w}(a)\n" for w in words), *near, *own, *corpus]
    # DATA_LITERAL's readers decide too: keep to texts without a data file's literal.
    texts = [t for t in texts if not python_ast.DATA_LITERAL.search(t)]
    # ... and the URLs of data files bound to names (bound_urls), added since
    texts = [t for t in texts if not python_ast.DATA_URL_LITERAL.search(t)]
    verdicts = [python_ast.worth_parsing(t) for t in texts]
    assert verdicts == [regex.search(t) is not None for t in texts]
    assert True in verdicts and False in verdicts


def test_tutorial_reader_of_one_dataset_loads_it_at_its_import_and_its_call(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """TensorFlow 1's tutorial reader holds MNIST's reader and nothing else: its import and
    its call are loads of MNIST, however it is imported; using what it returned is not."""
    files = {
        "mlp.py": (
            "import tensorflow as tf\n"
            "from tensorflow.examples.tutorials.mnist import input_data\n"
            'digits = input_data.read_data_sets("/tmp/data/", one_hot=True)\n'
            "xs, ys = digits.train.next_batch(128)\n"
        ),
        "gan.py": (
            "import tensorflow.examples.tutorials.mnist.input_data as reader\n"
            "\n"
            "sets = reader.read_data_sets('MNIST_data')\n"
        ),
    }
    assert scan_references(make_repo, run_cli, files) == {
        ("mlp.py", 2, "mnist", "load"),
        ("mlp.py", 3, "mnist", "load"),
        ("gan.py", 1, "mnist", "load"),
        ("gan.py", 3, "mnist", "load"),
    }


def test_sample_data_of_plotting_and_teaching_libraries_is_loaded_data(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """Seaborn's, vega_datasets', scikit-image's and mglearn's bundled data: each call names
    one dataset (by its argument or its function), known to the catalogue or not; the import
    of a sample-data module loads what the module takes from it. Look-alikes yield nothing:
    a sample-data module imported but not loaded from, its machinery, constants and synthetic
    data, a name that is not a literal, and a repository's own modules of the same names."""
    files = {
        "a.py": (
            "from skimage import data, io\n"
            "print(data.data_dir)\n"
            "import mglearn\n"
            "X, y = mglearn.datasets.make_forge()\n"
            "root = mglearn.datasets.DATA_PATH\n"
            "import seaborn as sns\n"
            "frame = sns.load_dataset(name)\n"
            "sns.lineplot(x=frame.x)\n"
        ),
        "b.py": (
            "import data\n"
            "weather = data.seattle_weather()\n"
            "from mylib.tutorials.mnist import input_data\n"
            "digits = input_data.read_data_sets('/tmp/x')\n"
        ),
        "plots.py": (
            "import seaborn as sns\n"
            "titanic = sns.load_dataset('titanic')\n"
            "from vega_datasets import data\n"
            "weather = data.seattle_weather()\n"
        ),
        "features.py": (
            "from skimage import data, color\n"
            "gray = color.rgb2gray(data.chelsea())\n"
            "import mglearn\n"
            "bikes = mglearn.datasets.load_citibike()\n"
        ),
    }
    assert scan_references(make_repo, run_cli, files) == {
        ("plots.py", 2, "titanic", "load"),
        ("plots.py", 3, "vega:seattle_weather", "load"),
        ("plots.py", 4, "vega:seattle_weather", "load"),
        ("features.py", 1, "skimage:chelsea", "load"),
        ("features.py", 2, "skimage:chelsea", "load"),
        ("features.py", 4, "mglearn:citibike", "load"),
    }


READERS_OF_FORMATS = """\
import gzip
import sqlite3
import geopandas as gpd
import tensorflow as tf
from tensorflow.keras.preprocessing import image_dataset_from_directory

with gzip.open("reviews.csv.gz", "rb") as f_in:
    text = f_in.read()
conn = sqlite3.connect("reviews.sqlite")
regions = gpd.read_file("../input/geo-course/regions/regions.shp")
train_ds = image_dataset_from_directory(
    "../input/car-or-truck/train",
    image_size=[128, 128],
)
records = tf.data.TFRecordDataset("data/faces/train.tfrecords")
with gzip.open("predictions.csv.gz", "wt") as out:
    out.write(text)
memory = sqlite3.connect(":memory:")
world = gpd.read_file(gpd.datasets.get_path("naturalearth_lowres"))
"""


def test_readers_of_compressed_files_databases_shapes_and_record_files_read_data(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """A course reads its data through the reader of its format: a gzip file opened to be
    read, a SQLite database, a shapefile through geopandas, a folder of class folders through
    Keras, a TFRecord file: each is a local data file's load reference. A gzip file opened to
    be written, an in-memory database and a path computed by a call name nothing."""
    found = scan_references(make_repo, run_cli, {"course.py": READERS_OF_FORMATS})
    assert {(line, dataset) for _, line, dataset, _ in found} == {
        (7, "local:reviews.csv.gz"),
        (9, "local:reviews.sqlite"),
        (10, "kaggle:geo-course"),  # Kaggle's mount names its data by the slug
        (11, "kaggle:car-or-truck"),  # the call, and the folder on its own line
        (12, "kaggle:car-or-truck"),
        (15, "local:data/faces"),  # a split's file names its folder's data
    }


SPREAD_LOADER = """\
import torchvision
from datasets import load_dataset

FETCH_DIGITS = False  # set to True on the first run
if not os.path.isdir(cache):
    FETCH_DIGITS = True

train_set = torchvision.datasets.MNIST(
    root='./mnist/',
    train=True,
    transform=torchvision.transforms.ToTensor(),
    download=FETCH_DIGITS,
)
shards = load_dataset(
    "allenai/c4",
    data_files={"validation": "en/c4-validation.00000-of-00008.json.gz"},
    split="validation",
)
"""


def test_data_keywords_of_a_loader_call_that_spans_lines_are_uses_of_its_data(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    found = scan_references(make_repo, run_cli, {"prep.py": SPREAD_LOADER})
    lines = {(line, dataset) for _, line, dataset, _ in found}
    # where the loader is told its data lives, and the settings that make it download
    assert {(9, "mnist"), (12, "mnist"), (4, "mnist"), (6, "mnist")} <= lines
    assert ("prep.py", 9, "mnist", "path") in found
    assert (16, "c4") in lines  # data_files= of a load_dataset call: the files it reads
    # the other arguments say how, not which data: no reference on their lines
    assert not {line for line, _ in lines} & {10, 11, 17}


NOT_FETCHING = """\
import torchvision

test_set = torchvision.datasets.MNIST(
    root=None,
    train=False,
    download=True,
)
val_set = torchvision.datasets.MNIST(
    root="data",
    train=False,
)
image_path = './'
extra_set = torchvision.datasets.MNIST(
    root=image_path,
    train=False,
)
model = make_model(
    root='./mnist/',
    download=FETCH,
)
FETCH = True
"""


def test_keywords_that_place_nothing_or_belong_to_no_loader_are_no_uses(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    found = scan_references(make_repo, run_cli, {"prep.py": NOT_FETCHING})
    lines = {line for _, line, _, _ in found}
    assert {3, 8, 13} <= lines  # the loader calls themselves
    # root=None places nothing; a bare download=True repeats what the call's line says;
    # "data" and './' say nothing of which data lies there; a call that is no loader (and
    # the flag it is given) says nothing of data
    assert not lines & {4, 6, 9, 12, 14, 18, 19, 21}


def test_a_data_files_url_bound_to_a_name_is_a_download(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """A URL of a data file (a table, text, an archive; a Hugging Face dataset's too), bound
    to a name, listed, or returned, is data the code fetches wherever the fetch stands:
    known to the catalogue or not. Look-alikes yield nothing: a URL of weights, of a config, of
    a page, a URL inside a message, a sentence that holds a URL, a repository's source archive,
    a placeholder host, and a URL handed to a call that reads nothing."""
    files = {
        "colors/main.py": (
            'TRAIN_URL = "https://raw.host.test/workshop/colorbot/data/train.csv"\n'
            "SHARDS = [\n"
            '    f"https://mirror.host.test/corpus/en/shard-{i:05}-of-01024.json.gz"\n'
            "    for i in range(1024)\n"
            "]\n"
            "class Corpus:\n"
            "    urls = [\n"
            '        "https://huggingface.co/datasets/someone/webtext/resolve/main/part.jsonl"\n'
            "    ]\n"
            "def holdout():\n"
            '    return "https://raw.host.test/course/main/datasets/holdout.csv"\n'
        ),
        "look_alikes.py": (
            'WEIGHTS = "https://models.host.test/resnet50_weights.tar.gz"\n'
            'CONFIG = "https://raw.host.test/project/main/config.json"\n'
            'PAGE = "https://host.test/datasets/colors"\n'
            'print("fetch https://raw.host.test/data/train.csv yourself")\n'
            'NOTE = "see https://raw.host.test/data/train.csv for the data"\n'
            'BUILD = "https://github.com/pypa/build/archive/refs/tags/1.5.0.tar.gz"\n'
            'SAMPLE = {"url": "https://example.com/archive.zip"}\n'
            'shown = render("https://raw.host.test/data/train.csv")\n'
            'WEIGHTS_URL = "https://files.host.test/shape_predictor_5_landmarks.dat.bz2"\n'
            'SCHEMA = {"$id": "https://host.test/black/resources/black.schema.json"}\n'
            'BASE = "https://bucket.host.test/model/insight-face/{}.tar"\n'
            "RESULTS = f'gs://{bucket}/evolve.csv'\n"
            'URLS = {"s0": "https://assets.host.test/ml/mobileone_s0_unfused.pth.tar"}\n'
        ),
    }
    found = scan_references(make_repo, run_cli, files)
    assert {(path, line) for path, line, _, _ in found} == {
        ("colors/main.py", 1),
        ("colors/main.py", 3),
        ("colors/main.py", 8),
        ("colors/main.py", 11),
    }
    assert ("colors/main.py", 8, "hf:someone/webtext", "url") in found


def test_pandas_and_numpy_by_their_conventional_names_read_data_without_an_import(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """A notebook whose import cell is gone, and a course that gets pandas through a star import,
    still read with ``pd`` and ``np``; a module that binds either name to something else by an
    import reads nothing through it."""
    files = {
        "loyalty.py": "df = pd.read_csv('members/loyalty.csv')\nx = np.load('members/x.npy')\n",
        "lesson.py": "from course.all import *\ntrain = pd.read_csv('titanic/train.csv')\n",
        "other.py": "import plotdata as pd\nframe = pd.read_csv('frames/table.csv')\n",
    }
    found = {
        (path, line, dataset)
        for path, line, dataset, _ in scan_references(make_repo, run_cli, files)
    }
    assert found == {
        ("loyalty.py", 1, "local:members/loyalty.csv"),
        ("loyalty.py", 2, "local:members"),  # x.npy says nothing: its folder names it
        ("lesson.py", 2, "titanic"),
    }


def test_archives_opened_to_be_read_are_data_files(make_repo: MakeRepo, run_cli: RunCli) -> None:
    """A tar or zip archive of data opened to be unpacked or read is a load of that file; an
    archive the code writes, and a network's weights packed in an archive, are not."""
    code = (
        "import tarfile\n"
        "from zipfile import ZipFile\n"
        'with tarfile.open("clickstream_sample.tar.gz", "r:gz") as archive:\n'
        "    archive.extractall()\n"
        'with ZipFile("flowers_102.zip") as bundle:\n'
        "    bundle.extractall()\n"
        'with tarfile.open("results.tar.gz", "w:gz") as out:\n'
        "    out.add('logs')\n"
        'ZipFile("efficientnet_b0.pth.zip").extractall()\n'
    )
    assert scan_references(make_repo, run_cli, {"unpack.py": code}) == {
        ("unpack.py", 3, "local:clickstream_sample.tar.gz", "load"),
        ("unpack.py", 5, "local:flowers_102.zip", "load"),
    }
