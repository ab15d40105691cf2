"""Data platforms' conventions as references (extract/platforms.py, extract/downloads.py).

Kaggle mounts a notebook's data under ``../input/<slug>/``, lists it in the kernel's
metadata and downloads it with its CLI; BigQuery serves public datasets by name. Each case is
self-written code in the shape those notebooks, courses and scripts take, with look-alikes
beside it that must yield nothing.
"""

from __future__ import annotations

import pytest
from tests.conftest import MakeRepo, RunCli
from tests.conftest import file_references as refs

KAGGLE_INPUTS = [
    # (path, code, line, dataset): a mounted dataset's folder or file, in any string
    (
        "prelude.py",
        "ds = image_dataset_from_directory(\n    '../input/lemons-or-limes/train',\n)\n",
        2,
        "kaggle:lemons-or-limes",
    ),
    (
        "ex1.py",
        "import os\nif not os.path.exists('../input/shop.csv'):\n"
        "    os.symlink('../input/cafe-sales-course/shop.csv', '../input/shop.csv')\n",
        3,
        "kaggle:cafe-sales-course",
    ),
    (
        "tut.py",
        "import geopandas as gpd\n"
        "roads = gpd.read_file('/kaggle/input/town-maps-course/roads.shp')\n",
        2,
        "kaggle:town-maps-course",
    ),
    # a file whose name has spaces, as downloaded files often do
    (
        "nfl.py",
        "import pandas as pd\n"
        "plays = pd.read_csv('../input/field-plays/Plays 2009-2017 (v4).csv')\n",
        2,
        "kaggle:field-plays",
    ),
    # a file joined onto the mount through a name: one id for the slug, not a local path
    (
        "load.py",
        "import pandas as pd\nrecords_path = '../input/harbour-tides/tides.csv'\n"
        "tides = pd.read_csv(records_path)\n",
        2,
        "kaggle:harbour-tides",
    ),
]


@pytest.mark.parametrize(("path", "code", "line", "dataset"), KAGGLE_INPUTS)
def test_a_kaggle_input_path_names_its_dataset(
    make_repo: MakeRepo, run_cli: RunCli, path: str, code: str, line: int, dataset: str
) -> None:
    found = refs(make_repo, run_cli, path, code)
    assert (line, dataset) in {(n, d) for n, d, _ in found}  # a path, or the read of one
    slug = dataset.removeprefix("kaggle:")
    assert not any(d.startswith("local:") and slug in d for _, d, _ in found)  # one id


def test_kaggle_input_look_alikes_yield_no_kaggle_id(make_repo: MakeRepo, run_cli: RunCli) -> None:
    code = (
        "import os\n"
        "root = '../input/lemons-or-limes'\n"
        "print(os.listdir('../input'))\n"  # the mount itself: no slug
        "df = pd.read_csv('../input/train.csv')\n"  # a file right under the mount: no slug
        "layer = keras.layers.Input(shape=(3,))\n"
        "user_input/answers = 1\n"
        "x = 'my_input/pets/train'\n"  # not the mount: a folder merely ending in input
        "y = f'../input/{slug}/train.csv'\n"  # a slug chosen at run time
        "z = ['/kaggle/input/titanic']\n"  # a catalogue entry mounted under its own name
        "if not os.path.exists('../input/shop_sales.csv'):\n"  # a file right under the mount
        "    pass\n"
        "folder = '../input/images/train'\n"  # a project's own input folder, not a slug
        "scans = '../input/Raw_Scans/a.png'\n"  # no Kaggle slug is spelled so
    )
    found = refs(make_repo, run_cli, "nb.py", code)
    assert {line for line, d, _ in found if d.startswith("kaggle:")} == {2}
    assert (9, "titanic", "path") in found
    assert (10, "local:../input/shop_sales.csv", "path") in found


def test_kernel_metadata_sources_are_config_references(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    meta = (
        "{\n"
        '  "id": "someone/my-kernel",\n'
        '  "dataset_sources": ["someone/cafe-sales", "other/tide-tables"],\n'
        '  "competition_sources": [\n'
        '    "bridge-load-forecast"\n'
        "  ],\n"
        '  "kernel_sources": ["someone/helper-kernel"]\n'
        "}\n"
    )
    found = refs(make_repo, run_cli, "kernel-metadata.json", meta)
    assert {
        (3, "kaggle:someone/cafe-sales", "config"),
        (3, "kaggle:other/tide-tables", "config"),
    } <= found
    assert (5, "kaggle:competition/bridge-load-forecast", "config") in found
    assert not {d for _, d, _ in found} & {
        "kaggle:someone/helper-kernel",
        "kaggle:someone/my-kernel",
    }


def test_kernel_sources_built_in_python_span_lines(make_repo: MakeRepo, run_cli: RunCli) -> None:
    code = (
        "notebooks = [dict(filename='tut1.ipynb', dataset_sources=['someone/cafe-sales'])]\n"
        "for nb in notebooks:\n"
        "    nb['dataset_sources'] = \\\n"
        "        ['someone/tide-tables',\n"
        "         'other/harbour-maps',\n"
        "         ]\n"
        "    nb['competition_sources'] = ['bridge-load-forecast']\n"
        "    nb['title'] = 'someone/not-a-source'\n"
    )
    found = refs(make_repo, run_cli, "track_meta.py", code)
    assert {
        (1, "kaggle:someone/cafe-sales", "config"),
        (4, "kaggle:someone/tide-tables", "config"),
        (5, "kaggle:other/harbour-maps", "config"),
        (7, "kaggle:competition/bridge-load-forecast", "config"),
    } <= found
    assert 8 not in {line for line, _, _ in found}


def test_kaggle_calls_name_their_dataset(make_repo: MakeRepo, run_cli: RunCli) -> None:
    code = (
        "import kagglehub\nfrom kaggle_datasets import KaggleDatasets\n"
        "GCS_DS_PATH = KaggleDatasets().get_gcs_path('petal-pictures')\n"
        "path = kagglehub.competition_download('bridge-load-forecast')\n"
        "other = KaggleDatasets().get_gcs_path()\n"  # the notebook's own competition: unnamed
        "api.competition_download_files('harbour-tides', path='data')\n"
        "df = kagglehub.load_dataset(KaggleDatasetAdapter.PANDAS, 'someone/cafe-sales', 'a.csv')\n"
        "model = kagglehub.model_download('someone/tiny-net/pyTorch/default')\n"  # a model
    )
    found = refs(make_repo, run_cli, "tpu.py", code)
    assert (3, "kaggle:petal-pictures", "load") in found
    assert (4, "kaggle:competition/bridge-load-forecast", "url") in found
    assert (6, "kaggle:competition/harbour-tides", "url") in found
    assert (7, "kaggle:someone/cafe-sales", "load") in found
    assert not {line for line, _, _ in found} & {5, 8}


def test_bigquery_public_datasets_are_references(make_repo: MakeRepo, run_cli: RunCli) -> None:
    code = (
        "from google.cloud import bigquery\nclient = bigquery.Client()\n"
        'ref = client.dataset("harbour_tides", project="bigquery-public-data")\n'
        'query = """\n'
        "    SELECT t.height\n"
        "    FROM `bigquery-public-data.harbour_tides.readings` AS t\n"
        "    JOIN `bigquery-public-data.city_roads.segments` AS r ON t.id = r.id\n"
        '"""\n'
        'mine = client.dataset("harbour_tides", project="my-project")\n'  # a private project
        "url = 'https://console.cloud.google.com/bigquery?project=bigquery-public-data'\n"
        'ref = bigquery.DatasetReference("bigquery-public-data", "city_roads")\n'
        'tables = client.list_tables("bigquery-public-data.harbour_tides")\n'
    )
    found = refs(make_repo, run_cli, "sql.py", code)
    assert (3, "bigquery:harbour_tides", "load") in found
    assert (6, "bigquery:harbour_tides", "path") in found
    assert (7, "bigquery:city_roads", "path") in found
    assert (11, "bigquery:city_roads", "load") in found
    assert (12, "bigquery:harbour_tides", "path") in found
    assert not {line for line, d, _ in found if d.startswith("bigquery:")} & {9, 10}


def test_hub_file_system_paths_name_their_dataset(make_repo: MakeRepo, run_cli: RunCli) -> None:
    """hf://datasets/<owner>/<name>/... is one Hub dataset, whatever reads it; two datasets of
    one owner are two ids."""
    code = (
        "import pandas as pd\nimport polars as pl\nfrom datasets import load_dataset\n"
        "a = pd.read_parquet('hf://datasets/someone/bridge-loads/data/train.parquet')\n"
        "b = load_dataset('parquet', data_files='hf://datasets/someone/ferry-logs/t.parquet')\n"
        "c = pd.read_csv('hf://datasets/someone/city-trees@main/trees.csv')\n"
        "d = pl.read_parquet('hf://datasets/someone/river-levels/**/*.parquet')\n"
        "e = 'hf://spaces/someone/demo/app.py'\n"  # a Space, not a dataset
    )
    found = refs(make_repo, run_cli, "hub.py", code)
    assert {(n, d) for n, d, _ in found} >= {
        (4, "hf:someone/bridge-loads"),
        (5, "hf:someone/ferry-logs"),
        (6, "hf:someone/city-trees"),
        (7, "hf:someone/river-levels"),
    }
    assert not any(d.startswith("local:") for _, d, _ in found)
    assert 8 not in {n for n, _, _ in found}


def test_a_download_of_a_kaggle_page_is_that_dataset(make_repo: MakeRepo, run_cli: RunCli) -> None:
    """opendatasets and other downloaders take a Kaggle page's URL: the URL names the
    dataset or competition, catalogued or not. A notebook's page is no dataset."""
    code = (
        "import opendatasets as od\n"
        "od.download('https://www.kaggle.com/datasets/someone/cafe-sales')\n"
        "competition_url = 'https://www.kaggle.com/c/bridge-load-forecast'\n"
        "od.download(competition_url)\n"
        "od.download('https://www.kaggle.com/code/someone/eda-notebook')\n"
    )
    found = refs(make_repo, run_cli, "fetch.py", code)
    assert (2, "kaggle:someone/cafe-sales") in {(n, d) for n, d, _ in found}
    assert (4, "kaggle:competition/bridge-load-forecast") in {(n, d) for n, d, _ in found}
    assert 5 not in {n for n, _, _ in found}


def test_weights_attached_to_a_notebook_are_no_kaggle_dataset(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """Kaggle mounts a notebook's attached weights under ../input/ as it mounts data: a
    weight file there is a model the notebook uses (the Keras zoo's ImageNet weights here),
    not a dataset of its own; a data file under a mount stays the mounted dataset."""
    code = (
        "base = ResNet50(weights='../input/resnet50/"
        "resnet50_weights_tf_dim_ordering_tf_kernels_notop.h5')\n"
        "weights = torch.load('/kaggle/input/my-unet/unet_epoch_12.pth')\n"
        "train = pd.read_csv('../input/house-prices/train.csv')\n"
        "features = h5py.File('../input/my-features/train_features.h5')\n"
    )
    found = refs(make_repo, run_cli, "notebook.py", code)
    assert (1, "imagenet", "model") in found, found
    assert not {dataset for _, dataset, _ in found} & {"kaggle:resnet50", "kaggle:my-unet"}
    assert {(3, "kaggle:house-prices"), (4, "kaggle:my-features")} <= {
        (line, dataset) for line, dataset, _ in found
    }, found
