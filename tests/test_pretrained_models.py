"""Models trained on retracted data (DSL104, and DSL106 where only the model's own card says
so): each model family, and the look-alikes that must stay silent, on a real git repository. A
line that must be reported ends with ``expect: DSL10x <dataset>``; every other line must yield
no model reference at all."""

from __future__ import annotations

import re

import pytest
from tests.conftest import MakeRepo, Result, RunCli

EXPECT = re.compile(r"expect: (DSL\d{3}) ([\w-]+)")

FAMILIES = {
    # InsightFace ArcFace: model folders, zoo names and download ids; AdaFace checkpoints.
    "face/arcface_infer.py": """\
import torch
weight = "trained_models/ms1mv3_arcface_r100_fp16/backbone.pth"  # expect: DSL104 ms1mv3
onnx = "pretrained/ms1mv2_arcface_r100.onnx"  # expect: DSL104 ms1mv2
prefix = "models/r50-arcface-emore/model"  # expect: DSL104 ms1mv2
ada = "pretrained/adaface_ir101_ms1mv2.ckpt"  # expect: DSL104 ms1mv2
paddle = {"MobileFace": "mobileface_v1.0_infer"}  # expect: DSL104 ms1mv2
hub = AutoModel.from_pretrained("minchul/cvlface_adaface_ir101_ms1mv3")  # expect: DSL104 ms1mv3
zoo = "drive.google.com/file/d/1fZOfvfnavFYjzfFoKTh5j1YDcS8KCnio"  # expect: DSL104 ms1mv3
mag = torch.load("checkpoints/magface_epoch_00025.pth")  # expect: DSL104 ms1mv2
mag50 = "https://drive.google.com/uc?id=1QPNOviu_A8YDk9Rxe8hgMIXvDKzh6JMG"  # expect: DSL104 ms1mv2
own = torch.load("runs/magface_epoch_00024.pth")
arc = gdd.download_file("1HasWQb86s4xSYy36YbmhRELg9LBmvhvt")  # expect: DSL104 ms1mv2
mine = "checkpoints/arc_res50/e_8_b_40000.ckpt"
keras_facenet = load_model("../model/keras/model/facenet_keras.h5")  # expect: DSL104 ms-celeb-1m
ghost2 = keras.models.load_model("GN_W1.3_S2_ArcFace_epoch48.h5")  # expect: DSL104 ms1mv2
ghost_own = "checkpoints/ghostnet_w1.3_s1_epoch17.h5"
paths = {"ir_se50": "pretrained_models/model_ir_se50.pth"}  # expect: DSL104 ms1mv2
""",
    "face/eval.sh": """\
python onnx_ijbc.py --model-root ms1mv3_arcface_r50 --result-dir out  # expect: DSL104 ms1mv3
""",
    # FaceNet: checkpoint folders by date; facenet-pytorch's pretrained="vggface2".
    "face/facenet_embed.py": """\
from facenet_pytorch import InceptionResnetV1
resnet = InceptionResnetV1(pretrained="vggface2").eval()  # expect: DSL104 vggface2
GRAPH = "models/20170512-110547/20170512-110547.pb"  # expect: DSL104 ms-celeb-1m
MODEL_DIR = "models/20180402-114759"  # expect: DSL104 vggface2
face = get_file("rcmalli_vggface_tf_notop_senet50.h5", SENET50_URL)  # expect: DSL104 vggface2
face_v1 = get_file("rcmalli_vggface_tf_vgg16.h5", VGG16_URL)
""",
    # Re-identification: torchreid, BoxMOT, fast-reid, multi-source OSNets.
    "reid/track.py": """\
t = DeepOCSORT(Path("osnet_x1_0_dukemtmcreid.pt"))  # expect: DSL104 dukemtmc-reid
w = "osnet_x1_0_duke_256x128_amsgrad_ep150_lr0.0015.pth"  # expect: DSL104 duke-mtmc
lmbn = "lmbn_n_duke.pt"  # expect: DSL104 duke-mtmc
ocsort = "external/weights/osnet_ain_ms_d_c.pth.tar"  # expect: DSL104 dukemtmc-reid
""",
    # Language models pre-trained on BookCorpus: Google's English BERT and the Hub ports.
    "nlp/finetune.py": """\
tok = BertTokenizer.from_pretrained("bert-base-uncased")  # expect: DSL106 bookcorpus
student = AutoModel.from_pretrained("distilbert/distilbert-base-cased")  # expect: DSL106 bookcorpus
BERT_DIR = "/path/to/bert/wwm_uncased_L-24_H-1024_A-16"  # expect: DSL106 bookcorpus
""",
    # Language models whose cards or papers name the Pile, Books3 or BookCorpus (data 2026.12.4),
    # spelled as code loads them: Hub ids with and without their owner, renamed and -deduped
    # Pythia names, conversions of LLaMA 1, OpenLLaMA (RedPajama's book slice), fine-tunes that
    # keep the base name.
    "llm/load.py": """\
model = AutoModelForCausalLM.from_pretrained("EleutherAI/pythia-1b")  # expect: DSL104 the-pile
dedup = AutoModel.from_pretrained("EleutherAI/pythia-1.4b-deduped")  # expect: DSL104 the-pile
smallest = AutoModel.from_pretrained("EleutherAI/pythia-14m")  # expect: DSL104 the-pile
renamed = "EleutherAI/pythia-13b"  # expect: DSL104 the-pile
neo = pipeline("text-generation", model="EleutherAI/gpt-neo-125M")  # expect: DSL104 the-pile
gptj = AutoModelForCausalLM.from_pretrained("EleutherAI/gpt-j-6b")  # expect: DSL104 the-pile
neox = "EleutherAI/gpt-neox-20b"  # expect: DSL104 the-pile
state = read_ckpt(network.state, "step_383500/", 8)  # expect: DSL104 the-pile
ldm = "https://ommer-lab.com/files/nitro/txt2img-f8-large/model.ckpt"  # expect: DSL106 laion-400m
dolly = pipeline(model="databricks/dolly-v2-12b")  # expect: DSL104 the-pile
small_dolly = "databricks/dolly-v2-3b"  # expect: DSL104 the-pile
choices = ["databricks/dolly-v1-6b", "databricks/dolly-v2-7b"]  # expect: DSL104 the-pile
base_model = "decapoda-research/llama-7b-hf"  # expect: DSL106 books3
llama = LlamaForCausalLM.from_pretrained("huggyllama/llama-30b")  # expect: DSL106 books3
open_llama = "openlm-research/open_llama_7b_v2"  # expect: DSL106 redpajama-1t-book
rob = AutoModel.from_pretrained("FacebookAI/roberta-base")  # expect: DSL106 bookcorpus
detector = pipeline(model="roberta-base-openai-detector")  # expect: DSL106 bookcorpus
gpt1 = OpenAIGPTModel.from_pretrained("openai-community/openai-gpt")  # expect: DSL106 bookcorpus
albert = AlbertModel.from_pretrained("albert-base-v2")  # expect: DSL106 bookcorpus
xlnet = XLNetModel.from_pretrained("xlnet-base-cased")  # expect: DSL106 bookcorpus
opt = OPTForCausalLM.from_pretrained("facebook/opt-13b")  # expect: DSL106 bookcorpus
disc = AutoModel.from_pretrained("google/electra-base-discriminator")  # expect: DSL106 bookcorpus
summarizer = pipeline("summarization", model="facebook/bart-large-cnn")  # expect: DSL106 bookcorpus
longformer = "allenai/longformer-base-4096"  # expect: DSL106 bookcorpus
deberta = AutoModel.from_pretrained("microsoft/deberta-base")  # expect: DSL106 bookcorpus
""",
    # A checkpoint's hub id is the model; the folder its download is cached in and the
    # architecture's config a training run is started from (pythia-160m.yml) load no weights.
    "llm/README.md": (
        "```python\n"
        "model = GPTNeoXForCausalLM.from_pretrained(\n"
        '  "EleutherAI/pythia-70m-deduped",  # expect: DSL104 the-pile\n'
        '  revision="step3000",\n'
        '  cache_dir="./pythia-70m-deduped/step3000",\n'
        ")\n"
        "```\n"
        "wget https://example.org/neox/models/160M/pythia-160m-deduped.yml\n"
        "python deepy.py train.py pythia-160m-deduped.yml 2>&1 | tee output.txt\n"
        "python convert_to_hf.py --config_file ckpts/configs/pythia-70m.yml --output_dir out\n"
    ),
    # OpenCLIP's LAION-400M weights by their pretrained tags, in a call, a release URL and a
    # timm hub id; the repository never names LAION-400M, so only the tag's own data says so.
    "clip/zero_shot.py": """\
model = open_clip.create_model("ViT-B-16", pretrained="laion400m_e32")  # expect: DSL106 laion-400m
url = f"{RELEASES}/download/v0.2/vit_b_16-laion400m_e31-00efa78f.pt"  # expect: DSL106 laion-400m
conv = {"convnext_base": "laion400m_s13b_b51k"}  # expect: DSL106 laion-400m
eva = create_model("eva_giant_patch14_clip_224.laion400m_s11b_b41k")  # expect: DSL106 laion-400m
""",
    "reid/MODEL_ZOO.md": (
        "| BoT(R50) | [model](https://github.com/JDAI-CV/fast-reid/releases/download/v0.1.1/"
        "duke_bot_R50.pth) | <!-- expect: DSL104 dukemtmc-reid -->\n"
    ),
}

# The repository says what its face and re-ID weights and its EleutherAI models were trained
# on, and never names Books3 or BookCorpus: the models trained on those are DSL106.
STATED = {
    "MODELS.md": (
        "The face models were trained on MS1MV2, MS1MV3 and VGGFace2, the re-ID models on\n"
        "DukeMTMC-reID; the EleutherAI language models on the Pile.\n"
    ),
}

# Names with no training set in them, and weights trained on other data: never DSL104.
LOOK_ALIKES = {
    "face/generic.py": """\
backbone = get_model("r100", fp16=True)
head = "arcface"
net = torchvision.models.resnet50(weights="IMAGENET1K_V2")
reid = torchreid.models.build_model("osnet_x1_0", num_classes=751)
encoder = "facenet"
glint = "glint360k_r100/backbone.pth"
app = FaceAnalysis(name="buffalo_l")
casia = InceptionResnetV1(pretrained="casia-webface")
old = "models/20180408-102900"
market = "osnet_x1_0_market1501.pt"
no_duke = "osnet_ain_ms_m_c.pth.tar"
wf = "adaface_ir101_webface12m.ckpt"
mbert = AutoModel.from_pretrained("bert-base-multilingual-cased")
zh = "chinese_L-12_H-768_A-12/bert_model.ckpt"
multi = "gs://bert_models/2018_11_23/multi_cased_L-12_H-768_A-12"
config.output = "ms1mv3_arcface_r50"
save_dir = "log/osnet_x1_0_dukemtmcreid_softmax"
""",
    # Llama 2 and 3 (Meta names no Books3), Code Llama and TinyLlama, XLM-R (CommonCrawl), the
    # Korean and Spanish RoBERTas trained from scratch, Chinese BART, DeBERTa v3, DistilRoBERTa
    # (OpenWebText), and an API model name that starts like GPT-1's bare id: no model reference.
    "llm/other_models.py": """\
llama2 = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-2-7b-hf")
llama3 = "meta-llama/Meta-Llama-3-8B"
xlmr = AutoModel.from_pretrained("FacebookAI/xlm-roberta-base")
korean = AutoModel.from_pretrained("klue/roberta-base")
spanish = "PlanTL-GOB-ES/roberta-base-bne"
distil = AutoModel.from_pretrained("distilroberta-base")
client = {"model": "openai-gpt-4o"}
code = "codellama/CodeLlama-7b-hf"
tiny = "TinyLlama/TinyLlama-1.1B-Chat-v1.0"
chinese_bart = "fnlp/bart-large-chinese"
deberta3 = AutoModel.from_pretrained("microsoft/deberta-v3-base")
mdeberta = "microsoft/mdeberta-v3-base"
openai_clip = open_clip.create_model("ViT-B-32", pretrained="openai")
datacomp = open_clip.create_model("ViT-L-14", pretrained="datacomp_xl_s13b_b90k")
""",
    "face/NOTES.md": (
        "We compared ArcFace and CosFace heads on a ResNet-50; see Duke Energy.\n"
        "``MS1MV2``: MS1M-ArcFace, also written MS1MV2-Arcface\n"
    ),
}


def _expected(files: dict[str, str]) -> set[tuple[str, int, str, str]]:
    return {
        (path, number, match.group(1), match.group(2))
        for path, text in files.items()
        for number, line in enumerate(text.splitlines(), start=1)
        if (match := EXPECT.search(line))
    }


@pytest.fixture(scope="module")
def scanned(tmp_path_factory: pytest.TempPathFactory) -> Result:
    """One repository with every family and every look-alike, checked once."""
    from tests.conftest import init_repo, write_files

    from datasheet_lint.cli import cli

    root = tmp_path_factory.mktemp("models")
    write_files(root, {**FAMILIES, **STATED, **LOOK_ALIKES})
    init_repo(root)
    from click.testing import CliRunner

    runner = CliRunner()
    result = runner.invoke(cli, ["check", str(root), "--format", "json"], catch_exceptions=False)
    return Result(result.exit_code, result.stdout, result.stderr)


def test_each_model_family_is_reported_on_its_line(scanned: Result) -> None:
    found = {
        (f["path"], f["line"], f["rule"], f["dataset"])
        for f in scanned.json()["findings"]
        if f["rule"] in {"DSL104", "DSL106"}
    }
    assert found == _expected(FAMILIES)


def test_look_alikes_yield_no_model_reference(scanned: Result) -> None:
    models = {
        (r["path"], r["line"], r["dataset"])
        for r in scanned.json()["references"]
        if r["kind"] == "model"
    }
    # torchvision's ImageNet weights are a model trained on ImageNet, and
    # pretrained="casia-webface" one trained on CASIA-WebFace: neither is retracted.
    assert {(p, d) for p, _, d in models if p in LOOK_ALIKES} == {
        ("face/generic.py", "imagenet"),
        ("face/generic.py", "casia-webface"),
    }
    assert not [
        f for f in scanned.json()["findings"] if f["path"] in LOOK_ALIKES and f["rule"] == "DSL104"
    ]


def test_model_reference_carries_training_set_and_model_name(scanned: Result) -> None:
    refs = {
        (r["path"], r["line"]): (r["dataset"], r["surface"])
        for r in scanned.json()["references"]
        if r["kind"] == "model"
    }
    assert refs[("face/arcface_infer.py", 2)] == ("ms1mv3", "ms1mv3_arcface_r100_fp16")
    assert refs[("face/arcface_infer.py", 5)] == ("ms1mv2", "adaface_ir101_ms1mv2.ckpt")
    assert refs[("face/facenet_embed.py", 2)] == ("vggface2", "vggface2")


def test_message_names_model_dataset_evidence_and_replacement(scanned: Result) -> None:
    by_line = {
        (f["path"], f["line"]): f for f in scanned.json()["findings"] if f["rule"] == "DSL104"
    }
    ada = by_line[("face/arcface_infer.py", 5)]
    assert ada["message"].startswith("'adaface_ir101_ms1mv2.ckpt' is a model trained on MS1MV2")
    assert "derived from MS-Celeb-1M" in ada["message"]
    assert "https://github.com/mk-minchul/AdaFace" in ada["detail"]
    assert "No replacement trained on consented data was named" in ada["detail"]
    fastreid = by_line[("reid/MODEL_ZOO.md", 1)]["detail"]
    assert "https://github.com/JDAI-CV/fast-reid/blob/master/MODEL_ZOO.md" in fastreid


def test_medium_confidence_is_a_warning(scanned: Result) -> None:
    severity = {
        (f["path"], f["line"]): f["severity"]
        for f in scanned.json()["findings"]
        if f["rule"] == "DSL104"
    }
    assert severity[("face/arcface_infer.py", 2)] == "error"
    assert severity[("reid/track.py", 4)] == "warning"  # name-to-column mapping inferred
    assert severity[("face/facenet_embed.py", 2)] == "warning"  # VGGFace2: medium confidence


def test_allowing_the_dataset_silences_its_models(make_repo: MakeRepo, run_cli: RunCli) -> None:
    repo = make_repo(
        {
            "infer.py": 'w = "ms1mv3_arcface_r100_fp16/backbone.pth"\n',
            ".datasheet-lint.yaml": (
                "allow:\n  - {dataset: ms-celeb-1m, reason: auditing face recognition bias}\n"
            ),
        }
    )
    result = run_cli(repo, "check", ".", "--format", "json", "--select", "DSL104")
    assert result.json()["findings"] == []
    assert result.exit_code == 0


def test_model_references_are_not_reported_as_the_dataset(scanned: Result) -> None:
    """A model trained on MS1MV3 is DSL104 (or DSL106), never also DSL102 on the same line."""
    codes = {
        (f["path"], f["line"], f["rule"])
        for f in scanned.json()["findings"]
        if f["rule"].startswith("DSL10")
    }
    assert {code for path, _, code in codes if path in FAMILIES} == {"DSL104", "DSL106"}


# Weight files whose own name names the data they were trained on: a model reference to it.
WEIGHTS = """\
import torch
net.load_state_dict(torch.load("weights/ssd300_voc2012_final.pth"))  # model pascal-voc
URL = "https://example.org/releases/v3.0/unet_cityscapes_scale0.5_epoch2.pth"  # model cityscapes
resnet = torch.load("models/20180408-102900-casia-webface.pt")  # model casia-webface
model = keras.models.load_model("my_cifar10_model.h5")  # model cifar-10
vgg = scipy.io.loadmat("pretrained/imagenet-vgg-verydeep-19.mat")  # model imagenet
faces = torch.load("weights/megaface_r50_epoch20.pth")  # model megaface
"""
# Data files in the same formats, weights saved by the run, attributes and other datasets.
NOT_WEIGHTS = """\
svhn = scipy.io.loadmat("data/train_32x32.mat")
urlretrieve("https://example.org/aclImdb_v1.tar", "aclImdb_v1.tar")
params = coco_eval.params
torch.save(model.state_dict(), "cifar10_cnn.pt")
model.save_weights("cityscapes_model.h5")
vgg = load_model("vgg_face_weights.h5")
archive = "vgg_face_dataset.tar"
heads = torch.load("weights/brainwash_head_detector.pth")
"""


def test_weights_named_after_their_training_data_are_models_of_it(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    repo = make_repo({"load.py": WEIGHTS, "other.py": NOT_WEIGHTS})
    result = run_cli(repo, "check", "--format", "json")
    models = {
        (r["path"], r["line"], r["dataset"], r["surface"])
        for r in result.json()["references"]
        if r["kind"] == "model"
    }
    assert models == {
        ("load.py", 2, "pascal-voc", "ssd300_voc2012_final.pth"),
        ("load.py", 3, "cityscapes", "unet_cityscapes_scale0.5_epoch2.pth"),
        ("load.py", 4, "casia-webface", "20180408-102900-casia-webface.pt"),
        ("load.py", 5, "cifar-10", "my_cifar10_model.h5"),
        ("load.py", 6, "imagenet", "imagenet-vgg-verydeep-19.mat"),
        ("load.py", 7, "megaface", "megaface_r50_epoch20.pth"),
    }
    # VGGFace (2015) is not VGGFace2; an ambiguous name (brainwash) still needs its context.
    named = {r["dataset"] for r in result.json()["references"] if r["path"] == "other.py"}
    assert named == {"svhn", "imdb"}  # the data files, as data


def test_weights_named_for_retracted_data_are_reported_as_such(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """MegaFace has no model family in the blocklist: the file name is the evidence."""
    repo = make_repo({"load.py": WEIGHTS})
    result = run_cli(repo, "check", "--format", "json")
    (finding,) = [f for f in result.json()["findings"] if f["rule"].startswith("DSL10")]
    assert (finding["rule"], finding["line"], finding["dataset"]) == ("DSL104", 7, "megaface")
    message = "'megaface_r50_epoch20.pth' is a model trained on MegaFace"
    assert finding["message"].startswith(message)
    assert finding["severity"] == "warning"  # inferred from a name: medium confidence


HUB_ENTRY = '''\
def unet(pretrained=False):
    """UNet trained on https://www.kaggle.com/c/carvana-image-masking-challenge/data"""
    url = "https://example.org/releases/v3.0/unet_carvana_scale0.5_epoch2.pth"
    return load_state_dict_from_url(url)
'''


def test_an_ambiguous_name_in_weights_counts_where_the_file_names_its_dataset(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """'Carvana' is also a company: in a weight file's name it counts when the module names
    the dataset unambiguously too (here, in its docstring), and not otherwise."""
    alone = "\n".join(line for line in HUB_ENTRY.split("\n") if "kaggle" not in line)
    repo = make_repo({"hubconf.py": HUB_ENTRY, "other/hubconf.py": alone})
    result = run_cli(repo, "check", "--format", "json")
    models = {(r["path"], r["line"], r["dataset"]) for r in result.json()["references"]}
    assert ("hubconf.py", 3, "carvana-image-masking-challenge") in models
    assert not any(path == "other/hubconf.py" for path, _, _ in models)


CHOICES = {
    "backbone.py": """\
base = keras.applications.Xception(weights="imagenet", include_top=False)
net = pretrainedmodels.__dict__[name](num_classes=1000, pretrained='imagenet')
resnet = InceptionResnetV1(pretrained='casia-webface')
clip = open_clip.create_model("ViT-B-32", pretrained="laion2b_s34b_b79k")
""",
    "configs/reid.yml": "MODEL:\n  PRETRAIN_CHOICE: 'imagenet'\n  NAME: resnet50\n",
}


def test_weights_chosen_by_their_training_data_are_models_of_it(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """weights="imagenet" selects the weights trained on ImageNet: a model of it, not the
    dataset; an OpenCLIP tag only contains a dataset's name and stays silent."""
    repo = make_repo(CHOICES)
    result = run_cli(repo, "check", "--format", "json")
    assert {
        (r["path"], r["line"], r["dataset"], r["kind"]) for r in result.json()["references"]
    } == {
        ("backbone.py", 1, "imagenet", "model"),
        ("backbone.py", 2, "imagenet", "model"),
        ("backbone.py", 3, "casia-webface", "model"),
        ("configs/reid.yml", 2, "imagenet", "model"),
    }


# A model's name in prose or a comment is used where it points at weights: inside a link or a
# hub id, in inline code or a command, or on a line that links to the weights. Named in a
# sentence, a list or next to a link to training logs, it is a name only (rubric: ``model``
# labels are for lines that download or load the weights).
PROSE_MODELS = {
    "README.md": (
        "We fine-tune LLaMA-7B and LLaMA-13B with the following hyperparameters:\n"
        "| Hyperparameter | LLaMA-7B | LLaMA-13B |\n"
        "| Pythia-2.8b | [Logs](https://wandb.ai/team/pythia/groups/2.7B) |\n"
        "- Pythia 70M\n"
        "| 70M | [Standard](https://huggingface.co/EleutherAI/pythia-70m) |\n"
        "Load the `EleutherAI/pythia-160m` checkpoint.\n"
        "python generate.py --base_model 'decapoda-research/llama-7b-hf'\n"
        "Model [20180402-114759](https://drive.google.com/open?id=1EXPBSXwTaqrSC0OhU) is ours.\n"
        "* [Llama 2 Inference](./inference/llama-7b.md)\n"  # a page of notes, no weights
    ),
    "model.py": (
        "# default hyperparameters for the LLaMA-7B model\n"
        "# model = AutoModel.from_pretrained('huggyllama/llama-7b')\n"
    ),
}


def test_a_model_named_in_prose_counts_where_it_points_at_weights(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    result = run_cli(make_repo(PROSE_MODELS), "check", "--format", "json")
    models = {"DSL104", "DSL106"}  # the repository names no training set: DSL106 throughout
    found = {(f["path"], f["line"]) for f in result.json()["findings"] if f["rule"] in models}
    assert found == {
        ("README.md", 5),
        ("README.md", 6),
        ("README.md", 7),
        ("README.md", 8),
        ("model.py", 2),
    }


# A fine-tuning repository that loads LLaMA 1 and names no training data of its own, and one
# that says in its README what its base model was pre-trained on.
FINE_TUNE = """\
from transformers import LlamaForCausalLM

BASE = "huggyllama/llama-7b"
model = LlamaForCausalLM.from_pretrained(BASE, load_in_8bit=True)
"""


def test_a_model_only_its_card_ties_to_retracted_data_is_dsl106(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """The rubric's test: the repository itself says what the weights were trained on. Where
    only the blocklist knows it (the model's card), the finding is DSL106, a warning, and not
    DSL104; once the README names the training set, the same line is DSL104."""
    silent = run_cli(make_repo({"finetune.py": FINE_TUNE}), "check", "--format", "json")
    (finding,) = [f for f in silent.json()["findings"] if f["rule"].startswith("DSL10")]
    assert (finding["rule"], finding["line"], finding["dataset"]) == ("DSL106", 3, "books3")
    assert finding["severity"] == "warning"
    assert "which its card states and this repository does not" in finding["message"]
    assert "https://arxiv.org/abs/2302.13971" in finding["detail"]  # the LLaMA paper

    readme = "LLaMA 1, our base model, was pre-trained on data that includes the Pile's Books3.\n"
    stated = make_repo({"finetune.py": FINE_TUNE, "README.md": readme})
    result = run_cli(stated, "check", "--format", "json")
    models = {(f["rule"], f["path"], f["line"]) for f in result.json()["findings"]}
    assert ("DSL104", "finetune.py", 3) in models
    assert not any(rule == "DSL106" for rule, _, _ in models)


def test_weights_named_for_their_data_stay_dsl104_where_nothing_else_names_it(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """A weight file's own name is the repository saying what it was trained on."""
    repo = make_repo({"infer.py": 'w = "ms1mv3_arcface_r100_fp16/backbone.pth"\n'})
    result = run_cli(repo, "check", "--format", "json")
    assert {f["rule"] for f in result.json()["findings"] if f["rule"].startswith("DSL10")} == {
        "DSL104"
    }
