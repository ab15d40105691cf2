"""A file's own dataset and its release's layout (extract/dataset_modules.py, catalogue layouts).

Dataset modules and download scripts read their dataset by folder names that never name it
(``register('query')``, ``cd ../train2014``). Each case is a shape seen in real re-ID,
detection and tutorial repositories, written here from scratch, with the look-alikes beside it
that must stay silent: the same names in a file of no dataset, in a comparison, in a message.
"""

from __future__ import annotations

from collections import Counter

import pytest
from tests.conftest import MakeRepo, RunCli, scan_references

from datasheet_lint.knowledge.blocklist import builtin as builtin_blocklist
from datasheet_lint.knowledge.catalogue import builtin as builtin_catalogue
from datasheet_lint.knowledge.catalogue import shipped_document
from datasheet_lint.names import normalise


def refs(
    make_repo: MakeRepo, run_cli: RunCli, files: dict[str, str]
) -> set[tuple[str, int, str, str]]:
    """(path, line, dataset, kind) of each reference in a fresh repository of these files."""
    return scan_references(make_repo, run_cli, files)


def lines_of(found: set[tuple[str, int, str, str]], path: str) -> dict[int, set[str]]:
    out: dict[int, set[str]] = {}
    for p, line, dataset, _ in found:
        if p == path:
            out.setdefault(line, set()).add(dataset)
    return out


def datasets_by_line(
    make_repo: MakeRepo, run_cli: RunCli, path: str, text: str
) -> dict[int, set[str]]:
    """The datasets of each line of one file, scanned alone in a fresh repository."""
    return lines_of(refs(make_repo, run_cli, {path: text}), path)


REID_MODULE = """\
import os.path as osp
from glob import glob


class Market1501(object):
    def __init__(self, root):
        raw_dir = osp.join(root, 'raw')

        def register(subdir):
            return sorted(glob(osp.join(raw_dir, subdir, '*.jpg')))

        self.train = register('bounding_box_train')
        self.gallery = register('bounding_box_test')
        self.query = register('query')
        for name in ['bounding_box_train', 'query']:
            pass

    def split(self, subset):
        if subset == 'query':
            return self.query
        print('query images:', len(self.query))
        return {'query': self.query}
"""


def test_a_reid_module_reads_its_layout_by_folder_name(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """register('query') in a module whose dataset is Market-1501 reads Market-1501's query
    folder; a comparison, a message and a dict key naming 'query' read nothing."""
    found = datasets_by_line(make_repo, run_cli, "reid/datasets/market1501.py", REID_MODULE)
    for line in (12, 13, 14, 15):
        assert found.get(line) == {"market-1501"}, line
    for line in (19, 21, 22):
        assert line not in found, line


def test_a_module_of_the_parent_reads_the_derivative_whose_layout_it_is(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """class DukeMTMC in a re-ID module reads DukeMTMC-reID's folders: the references are to
    the retracted derivative, not to Market-1501, whose layout it copies."""
    module = REID_MODULE.replace("Market1501", "DukeMTMC")
    found = datasets_by_line(make_repo, run_cli, "reid/datasets/dukemtmc.py", module)
    assert found.get(14) == {"dukemtmc-reid"}


def test_layout_names_in_a_file_of_no_dataset_or_another_yield_nothing(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """The same folder names read nothing where the file's dataset is unknown, or has another
    layout (CIFAR-10 has no 'query' folder)."""
    plain = REID_MODULE.replace("class Market1501(object)", "class Folders(object)")
    cifar = REID_MODULE.replace("class Market1501(object)", "class CIFAR10(object)")
    found = refs(
        make_repo, run_cli, {"reid/datasets/folders.py": plain, "reid/datasets/cifar.py": cifar}
    )
    assert not lines_of(found, "reid/datasets/folders.py")
    assert {
        line for line, ds in lines_of(found, "reid/datasets/cifar.py").items() if ds != {"cifar-10"}
    } == set()
    assert 14 not in lines_of(found, "reid/datasets/cifar.py")


ROOT_JOINS = """\
import os
import os.path as osp
from glob import glob


class CUHK03(object):
    dataset_dir = 'cuhk03'

    def __init__(self, root='datasets'):
        self.root = root
        self.dataset_dir = osp.join(self.root, self.dataset_dir)
        self.data_dir = osp.join(self.dataset_dir, 'cuhk03_release')
        self.raw_mat_path = osp.join(self.data_dir, 'cuhk-03.mat')
        for person in os.listdir(self.dataset_dir):
            images = glob(osp.join(self.dataset_dir, person, '*.png'))

    def __getitem__(self, index):
        image = self.loader(os.path.join(self.root, self.names[index]))
        split = os.path.join(self.root, self.split + '.txt')
        return image, split
"""


def test_a_join_from_the_root_counts_where_it_names_a_part_of_the_release(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """A join naming a file or folder below the data root reads the module's dataset; one of
    variables only, or of a wildcard only, names nothing of it (labelled so in six repos)."""
    path = "data/datasets/cuhk03.py"
    found = datasets_by_line(make_repo, run_cli, path, ROOT_JOINS)
    for line in (12, 13, 19):
        assert found.get(line) == {"cuhk03"}, line
    for line in (11, 14, 15, 18):
        assert line not in found, line


VOC_MODULE = """\
import os.path as osp


class VOCDetection(object):
    def __init__(self, root, image_sets):
        self._annopath = osp.join('%s', 'Annotations', '%s.xml')
        self._imgpath = osp.join('%s', 'JPEGImages', '%s.jpg')
        for year, name in image_sets:
            rootpath = osp.join(root, 'VOC' + year)
            for line in open(osp.join(rootpath, 'ImageSets', 'Main', name + '.txt')):
                pass

    def results(self, devkit_path, year):
        return osp.join(
            devkit_path,
            'VOC' + year,
        )
"""


def test_a_voc_module_reads_the_devkit_layout(make_repo: MakeRepo, run_cli: RunCli) -> None:
    found = datasets_by_line(make_repo, run_cli, "data/voc0712.py", VOC_MODULE)
    for line in (6, 7, 9, 10, 16):
        assert found.get(line) == {"pascal-voc"}, line


COCO_MODULE = """\
import os.path as osp
from lib.config import cfg

INSTANCES_SET = 'instances_{}.json'


class coco(object):
    def __init__(self, image_set, year):
        self._data_path = osp.join(cfg.DATA_DIR, 'coco')
        self._name = 'coco_' + year + '_' + image_set

    def _load_coco_annotation(self, index):
        pass
"""


def test_a_coco_module_reads_its_annotation_files_and_folder(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    found = refs(
        make_repo,
        run_cli,
        {
            "lib/datasets/coco.py": COCO_MODULE,
            "tools/files.py": "INSTANCES = 'instances_{}.json'\n",
        },
    )
    module = lines_of(found, "lib/datasets/coco.py")
    for line in (4, 9, 10):
        assert module.get(line) == {"coco"}, line
    assert not lines_of(found, "tools/files.py")  # COCO's file name shape, but no COCO file


def test_names_unique_to_one_release_name_it_anywhere(make_repo: MakeRepo, run_cli: RunCli) -> None:
    code = (
        "def build(root, image_set='trainval35k'):\n"  # COCO's detection split
        "    return osp.join(root, 'VOCdevkit')\n"  # Pascal VOC's devkit folder
        "PAIRS = 'data/lfw_funneled/pairs.txt'\n"  # LFW's funneled release
    )
    download = "curl -LO https://example.org/mirror/instances_trainval35k.json.zip\n"
    found = refs(make_repo, run_cli, {"build.py": code, "get.sh": download})
    assert lines_of(found, "build.py") == {1: {"coco"}, 2: {"pascal-voc"}, 3: {"lfw"}}
    assert lines_of(found, "get.sh") == {1: {"coco"}}  # not url:example.org/...


COCO_SCRIPT = """\
#!/bin/bash
mkdir -p ../images
curl -LO http://images.cocodataset.org/zips/train2014.zip
curl -LO http://images.cocodataset.org/zips/val2014.zip
mkdir ../images/trainval35k
cd ../images/train2014
find -maxdepth 1 -name '*.jpg' -exec cp -t ../trainval35k {} +
cd ../val2014
echo val2014 done
"""
PLAIN_SCRIPT = """\
#!/bin/bash
mkdir -p ../images/val2014
cd ../images/val2014
"""


def test_a_download_script_moves_its_datasets_folders(make_repo: MakeRepo, run_cli: RunCli) -> None:
    """A script that downloads COCO works on COCO's folders; the same commands in a script that
    downloads nothing name no dataset, and an echo is no file operation."""
    found = refs(
        make_repo, run_cli, {"data/COCO2014.sh": COCO_SCRIPT, "data/plain.sh": PLAIN_SCRIPT}
    )
    script = lines_of(found, "data/COCO2014.sh")
    for line in (5, 6, 7, 8):
        assert script.get(line) == {"coco"}, line
    assert 2 not in script and 9 not in script
    assert not lines_of(found, "data/plain.sh")


def test_file_operations_on_a_named_folder_are_paths(make_repo: MakeRepo, run_cli: RunCli) -> None:
    """mkdir, mv, tar of a folder named after its dataset act on the data, and so does cd into
    the folder a download unpacked to; cd into a folder that merely shares a dataset's name (an
    example's code: cd mnist && python main.py) and an echo do not."""
    script = (
        "wget https://data.caltech.edu/records/mzrjq-6wc02/files/caltech-101.zip\n"
        "unzip caltech-101.zip\n"
        "cd caltech-101\n"
        "mv 101_ObjectCategories ../dataset\n"
        "echo caltech-101 ready\n"
        "mkdir -p imagenet\n"
        "cd mnist\n"
    )
    found = refs(make_repo, run_cli, {"get_data.sh": script})
    kinds = {(line, dataset, kind) for p, line, dataset, kind in found if p == "get_data.sh"}
    assert {
        (3, "caltech-101", "path"),
        (4, "caltech-101", "path"),
        (6, "imagenet", "path"),
    } <= kinds
    assert {line for line, _, _ in kinds} == {1, 2, 3, 4, 6}


TEMPLATES = [
    ("name = 'voc_{}_{}'.format(year, split)\n", "pascal-voc"),
    ("imdb.__init__(self, 'voc_' + year + '_' + image_set)\n", "pascal-voc"),
    ('args.imdb_name = "voc_2007_trainval"\n', "pascal-voc"),
    ("file_name = ('COCO_' + self._data_name + '_' + str(index) + '.jpg')\n", "coco"),
    ("name = 'coco_{}_{}'.format(year, split)\n", "coco"),
]


@pytest.mark.parametrize(("code", "dataset"), TEMPLATES)
def test_a_name_built_from_a_datasets_short_name_is_a_selection(
    make_repo: MakeRepo, run_cli: RunCli, code: str, dataset: str
) -> None:
    found = refs(make_repo, run_cli, {"factory.py": code})
    assert ("factory.py", 1, dataset, "config") in found


@pytest.mark.parametrize(
    "code",
    [
        "key = 'voc_size'\n",  # a vocabulary size
        "print('voc_{} entries'.format(n))\n",  # a message of a vocabulary
        "label = 'the voc_' + name\n",  # a word inside a sentence, not a name's start
    ],
)
def test_look_alike_templates_yield_nothing(
    make_repo: MakeRepo, run_cli: RunCli, code: str
) -> None:
    assert not refs(make_repo, run_cli, {"vocab.py": code})


PASCAL_MODULE = """\
from .voc_eval import voc_eval


class pascal_voc(object):
    def gt_roidb(self):
        return [self._load_pascal_annotation(index) for index in self.image_index]

    def _load_pascal_annotation(self, index):
        pass

    def _load_detection_results(self, path):
        pass

    def _get_voc_results_file_template(self):
        return self._load_voc_results(self._get_voc_results_file_template())
"""


def test_a_datasets_own_module_and_loader_in_its_file(make_repo: MakeRepo, run_cli: RunCli) -> None:
    """In Pascal VOC's module, the import of its evaluation module and its annotation loader
    load VOC; the same import in a file of no dataset does not."""
    found = refs(
        make_repo,
        run_cli,
        {
            "lib/datasets/pascal_voc.py": PASCAL_MODULE,
            "tools/report.py": PASCAL_MODULE.split("\n")[0] + "\n",
        },
    )
    module = {
        (line, kind)
        for p, line, ds, kind in found
        if p == "lib/datasets/pascal_voc.py" and ds == "pascal-voc"
    }
    assert {(1, "load"), (6, "load"), (8, "load")} <= module
    # a loader of the module's own results, and a getter of them
    assert not {line for line, _ in module} & {11, 14, 15}
    assert not lines_of(found, "tools/report.py")


def test_a_condition_that_uses_a_location_counts(make_repo: MakeRepo, run_cli: RunCli) -> None:
    """if not os.path.exists(COCO_ROOT) and a comparison with VOC_ROOT use the locations; a
    test that an option was given at all (if args.lfw_dir:) does not."""
    code = (
        "if not os.path.exists(COCO_ROOT):\n"
        "    pass\n"
        "if args.dataset_root == VOC_ROOT:\n"
        "    pass\n"
        "if args.lfw_dir:\n"
        "    pass\n"
    )
    found = datasets_by_line(make_repo, run_cli, "train.py", code)
    assert found == {1: {"coco"}, 3: {"pascal-voc"}}


def test_layouts_are_sourced_and_name_known_datasets() -> None:
    """Each layout names datasets the shipped knowledge knows, cites a page, and its unique
    names are no other dataset's names (they identify their dataset wherever they stand)."""
    document = shipped_document()
    layouts = document["layouts"]
    assert layouts
    known = set(builtin_catalogue().datasets) | set(builtin_blocklist().datasets)
    owners: dict[str, str] = {}
    for layout in layouts:
        assert set(layout["datasets"]) <= known, layout["datasets"]
        assert layout["source"].startswith("http") and len(layout["read"]) > 40
        for name in layout["unique"]:
            owners[normalise(name)] = layout["datasets"][0]
    others = [
        (alias.value, alias.dataset)
        for alias in builtin_blocklist().aliases + builtin_catalogue().aliases
        if normalise(alias.value) in owners and alias.dataset != owners[normalise(alias.value)]
    ]
    assert others == []
    names = Counter(n.casefold() for layout in layouts for n in layout["unique"] + layout["shared"])
    assert [n for n, count in names.items() if count > 1] == []


REGISTRY = """\
from .veri import VeRi
from .viper import VIPeR

__factory = {
    'veri': VeRi,
    'viper': VIPeR,
}
settings = {'loss': veri_loss, 'title': VeRi.name}
"""


def test_a_registry_of_loader_classes_names_each_dataset(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """A datasets package maps names to its loader classes ({'veri': VeRi}): each item loads
    that dataset; a loss named after a short name and an attribute of the class do not."""
    found = datasets_by_line(make_repo, run_cli, "reid/datasets/__init__.py", REGISTRY)
    assert found.get(5) == {"veri-776"} and found.get(6) == {"viper"}
    assert 8 not in found


PREPARE = """\
import os
import requests

input_file_path = os.path.join(os.path.dirname(__file__), 'input.txt')
if not os.path.exists(input_file_path):
    data_url = 'https://raw.githubusercontent.com/karpathy/char-rnn/master/data/tinyshakespeare/input.txt'
    with open(input_file_path, 'w') as f:
        f.write(requests.get(data_url).text)
"""


def test_a_generic_file_name_is_its_datasets_only_in_a_file_of_that_dataset(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """'input.txt' is Tiny Shakespeare's one file where the data module downloads Tiny
    Shakespeare, and nothing in a module that names no dataset."""
    plain = "import os\n\npath = os.path.join(os.path.dirname(__file__), 'input.txt')\n"
    found = refs(
        make_repo, run_cli, {"data/shakespeare/prepare.py": PREPARE, "data/notes/prepare.py": plain}
    )
    assert lines_of(found, "data/shakespeare/prepare.py").get(4) == {"tiny-shakespeare"}
    assert not lines_of(found, "data/notes/prepare.py")


# A registry of re-ID dataset classes (torchreid, fast-reid shape): each class states its data by
# class attributes, and most name no dataset the catalogue knows.
REGISTRY_MODULE = """\
import os.path as osp

from .bases import ImageDataset
from ..data import DATASET_REGISTRY


@DATASET_REGISTRY.register()
class Underpass(ImageDataset):
    # a station's cameras
    dataset_dir = "underpass_reid_v2"
    dataset_name = 'upass'

    def __init__(self, root='datasets', **kwargs):
        self.root = root
        self.train_path = osp.join(self.root, self.dataset_dir, 'images')


class VeRiWild(ImageDataset):
    dataset_dir = "VERI-Wild"
    dataset_name = "veriwild"


class SmallVeRiWild(VeRiWild):
    def __init__(self, root='datasets', **kwargs):
        super().__init__(root, **kwargs)
"""


LOOK_ALIKES = (
    "from torch.utils.data import Dataset\n"  # 1
    "\n"
    'dataset_dir = "runs/outputs"\n'  # 3
    "\n"
    "\n"
    "class Pairs(Dataset):\n"  # 6
    "    def __init__(self, root):\n"
    "        self.dataset_dir = root\n"  # 8
    "\n"
    "\n"
    "class Blank(Dataset):\n"  # 11
    '    dataset_dir = ""\n'  # 12
    "\n"
    "\n"
    "class Base(Dataset):\n"  # 15
    '    dataset_dir = "base_images"\n'  # 16
    "\n"
    "\n"
    "class Other(Base):\n"  # 19
    '    dataset_name = "other"\n'  # 20
)


def test_a_registered_dataset_class_is_a_reference_known_or_not(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """The class line loads, ``dataset_dir`` points at and ``dataset_name`` selects the data:
    an unknown set by its folder (local:underpass_reid_v2), a known one by its name, and a
    subclass that states nothing of its own reads its base's data (SmallVeRiWild).

    Look-alikes: a folder set per instance (``self.dataset_dir = root``), an empty folder, a
    module-level ``dataset_dir``, and a subclass that names a set of its own without a folder
    (it is not its base's data) yield nothing."""
    found = refs(
        make_repo,
        run_cli,
        {"fastreid/data/datasets/underpass.py": REGISTRY_MODULE, "mylib/pairs.py": LOOK_ALIKES},
    )
    module = lines_of(found, "fastreid/data/datasets/underpass.py")
    for line in (8, 10, 11):
        assert module.get(line) == {"local:underpass_reid_v2"}, line
    for line in (18, 19, 20, 23):
        assert module.get(line) == {"veri-wild"}, line
    assert set(lines_of(found, "mylib/pairs.py")) == {15, 16}


def test_a_dataset_class_named_for_a_set_keeps_its_name_over_another_sets_folder(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """class CPLFW reading the folder of MS1MV2's validation pack (faces_emore_val) is CPLFW:
    its folder line is CPLFW's data, and its class line raises no retraction."""
    module = (
        "from .bases import ImageDataset\n"  # 1
        "\n"
        "\n"
        "class CPLFW(ImageDataset):\n"  # 4
        '    dataset_dir = "faces_emore_val"\n'  # 5
        '    dataset_name = "cplfw"\n'  # 6
    )
    found = datasets_by_line(make_repo, run_cli, "fastface/datasets/test_dataset.py", module)
    assert found.get(4) == {"cplfw"}
    assert "cplfw" in found.get(5, set())


def test_a_bare_join_from_the_data_root_reads_no_part_of_the_release(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """In a Pascal VOC module, a join from the data root to a named part of the release reads
    it; a join that only passes the root on, or globs any file below it, reads nothing."""
    module = (
        "import os\n"  # 1
        "from glob import glob\n"
        "\n"
        "\n"
        "class PascalVOC(object):\n"  # 5
        "    def __init__(self, root, name):\n"
        "        self._data_path = os.path.join(root, name)\n"  # 7
        "        self._images = glob(os.path.join(self._data_path, '*.jpg'))\n"  # 8
        "        self._sets = os.path.join(self._data_path, 'ImageSets', 'Main')\n"  # 9
    )
    found = datasets_by_line(make_repo, run_cli, "lib/datasets/pascal_voc.py", module)
    assert found.get(9) == {"pascal-voc"}
    assert 7 not in found and 8 not in found


FOLDER_AT_THE_ROOT = """\
import os.path as osp
from .bases import BaseImageDataset


class DukeMTMC(BaseImageDataset):
    dataset_dir = '.'

    def __init__(self, root, **kwargs):
        self.dataset_dir = osp.join(root, self.dataset_dir)
        self.train_dir = osp.join(self.dataset_dir, 'DukeMTMC-reID/bounding_box_train')


class MyFaces(BaseImageDataset):
    dataset_dir = './'
"""


def test_a_dataset_class_whose_folder_is_the_root_itself_states_no_folder(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """``dataset_dir = '.'`` says the data lies right in the root the user passes: the line
    names no folder of any dataset. The class stays its dataset's (its name, its layout);
    a class of no known name with the root as its folder is no dataset of an id like
    ``local:.``."""
    path = "reid/datasets/dukemtmc.py"
    found = refs(make_repo, run_cli, {path: FOLDER_AT_THE_ROOT})
    by_line = lines_of(found, path)
    assert 6 not in by_line, by_line
    assert 14 not in by_line, by_line
    assert 13 not in by_line, by_line
    assert by_line.get(5) and by_line.get(10), by_line


IJB_EVALUATION = """\
import os

target = 'IJBC'
image_path = '/data/IJB_release/IJBC'
templates, medias = read_template_media_list(
    os.path.join('%s/meta' % image_path,
                 '%s_face_tid_mid.txt' % target.lower()))
pairs = read_template_pair_list(
    os.path.join('%s/meta' % image_path,
                 '%s_template_pair_label.txt' % target.lower()))
img_path = '%s/loose_crop' % image_path
print('%s_face_tid_mid.txt read' % target)
crops = os.path.join(
    image_path,
    'loose_crop')
"""


def test_an_evaluation_script_reads_its_benchmarks_release_files(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """eval_ijbc.py is named for IJB: the meta files it builds from the subset's name
    ('%s_face_tid_mid.txt' % target.lower(), on a line of its own inside the call) and the
    loose_crop folder are IJB's (the layout of InsightFace's IJB package); the message that
    names the same file reads nothing. The templates mean IJB's files only in a script of IJB:
    in onnx_export.py, eval_ijbc_speed.py (a word beyond 'eval') or train.py they read
    nothing."""
    other = IJB_EVALUATION.replace("IJB_release/IJBC", "runs")
    files = {
        "recognition/eval_ijbc.py": IJB_EVALUATION,
        "tools/onnx_export.py": other,
        "tools/eval_ijbc_speed.py": other,
        "train.py": other,
    }
    found = refs(make_repo, run_cli, files)
    own = lines_of(found, "recognition/eval_ijbc.py")
    assert {7, 10, 11} <= {line for line, ids in own.items() if "ijb" in ids}
    assert 12 not in own and 15 not in own  # a folder's name alone on a join's line
    for path in list(files)[1:]:
        assert {7, 10, 11} & set(lines_of(found, path)) == set(), path


def test_ijb_meta_files_by_their_own_names_name_it_anywhere(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """ijbb_face_tid_mid.txt and ijbc_template_pair_label.txt are the IJB package's own file
    names: a helper of any name that opens them reads IJB; a file of another name
    (face_tid_mid.txt of a user's own list) does not."""
    text = (
        "template_media_fn = 'ijbb_face_tid_mid.txt'\n"
        "template_pair_fn = 'ijbc_template_pair_label.txt'\n"
        "own_list = 'face_tid_mid.txt'\n"
    )
    found = lines_of(refs(make_repo, run_cli, {"helpers.py": text}), "helpers.py")
    assert found.get(1) == {"ijb"} and found.get(2) == {"ijb"}
    assert 3 not in found


def test_a_benchmarks_module_in_an_evaluation_folder_is_that_benchmarks(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """evaluation/ijb.py is IJB's module by its folder; a module of the same name in a folder
    of any other code (models/ijb.py) is not."""
    text = IJB_EVALUATION.replace("IJB_release/IJBC", "runs")
    files = {"evaluation/ijb.py": text, "models/ijb.py": text}
    found = refs(make_repo, run_cli, files)
    assert {7, 10} <= set(lines_of(found, "evaluation/ijb.py"))
    assert {7, 10} & set(lines_of(found, "models/ijb.py")) == set()


# A semantic segmentation toolkit's loader (ptsemseg, deeplab and BiSeNet shapes): the root
# is held under a name of the module's own and paths are built from it by ``+``, pathlib's
# ``/`` or a join, each naming a folder of the release.
CONCATENATED_ROOTS = """\
import os
from pathlib import Path


class CamvidLoader(object):
    def __init__(self, root, split='train'):
        self.root = root
        self.split = split
        self.files = os.listdir(self.root + '/' + split)
        self.annotations_base = self.root + '/' + split + 'annot/'
        self.pascal_root = os.path.join(self.root, 'VOC2012')
        self.masks = os.path.join(self.pascal_root, 'SegmentationClass', split)
        meta_dir = Path(root)
        self.lists = meta_dir / 'lists' / (split + '.txt')
        pred_dir = self.root + '/predictions/'
        self.out_dir = root
        self.preds = self.out_dir + '/preds.png'
        label_path = self.annotations_base + self.files[0]
        exdir = self.root
        self.test = exdir + 'test.txt'
        self.handle = open(os.path.join(list_dir, self.split), 'r')
"""


def test_a_root_of_the_modules_own_built_on_by_plus_or_slash_names_a_part(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """A name of the module's own that holds a place (``self.pascal_root``, ``meta_dir``,
    ``exdir``), joined, added to with ``+`` or divided by pathlib's ``/`` with a literal naming
    a part, reads the module's dataset; a join of variables or separators only, a place the
    run writes to (``pred_dir``, ``out_dir``) and an open mode after a join do not."""
    found = datasets_by_line(make_repo, run_cli, "seg/loader/camvid_loader.py", CONCATENATED_ROOTS)
    for line in (10, 12, 14, 20):
        assert found.get(line) == {"camvid"}, line
    for line in (9, 15, 17, 18, 21):
        assert line not in found, line


def test_a_read_below_the_root_is_a_reference_whatever_it_is_assigned_to(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """A run's own name on the left (results, cfg) stops only the paths built from other
    names of the module's; a read below the data root itself stays a reference."""
    code = (
        "import os\n"
        "from scipy.io import loadmat\n"
        "class Cityscapes:\n"
        "    def __init__(self, root):\n"
        "        self.root = root\n"
        "        results = loadmat(os.path.join(root, 'gt.mat'))\n"
    )
    found = scan_references(make_repo, run_cli, {"datasets/cityscapes.py": code})
    assert [item for item in found if item[1] == 6 and item[2] == "cityscapes"], found


def test_a_local_file_of_a_module_named_for_a_retracted_dataset_keeps_its_id(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """A module's name alone never makes a local file a retracted dataset (a finding): what
    eval_megaface.py reads from a path of no MegaFace name asks for its own datasheet."""
    code = "import pandas as pd\nstaff = pd.read_csv('/srv/shared/company_staff_faces.csv')\n"
    found = scan_references(make_repo, run_cli, {"evaluation/eval_megaface.py": code})
    on_line = {dataset for _, line, dataset, _ in found if line == 2}
    assert on_line == {"local:/srv/shared/company_staff_faces.csv"}, found


def test_an_import_of_a_datasets_own_module_loads_it(make_repo: MakeRepo, run_cli: RunCli) -> None:
    """Importing the loader class of a module named for one dataset brings in that dataset,
    even by a name that alone is too plain to count (Alpaca): from ``data/alpaca.py``
    (absolute or relative), or a data package's name that is such a module or class. A helper
    of the same module (a download function), an evaluator or metric, a module of no
    dataset's name, a dataset's statistics (IMAGENET_DEFAULT_MEAN) and a base class that a
    data module imports from beside it (Faster R-CNN's imdb, not IMDb) load nothing."""
    files = {
        "llm/data/__init__.py": "from llm.data.alpaca import Alpaca\nfrom .alpaca import Alpaca\n",
        "llm/data/alpaca.py": "class Alpaca:\n    pass\n",
        "llm/finetune.py": (
            "import argparse\n"
            "from llm.data import Alpaca, SFTDataset\n"
            "from llm.data.alpaca import download_if_missing\n"
            "from llm.evaluation.rank import eval_cityscapes\n"
            "from llm.data.transforms import RandomCrop\n"
            "from llm.data.coco_eval import CocoEvaluator\n"
            "from llm.data.coco import convert_coco_poly_to_mask\n"
        ),
        # a Faster R-CNN port: each dataset's module imports the image database base class
        "det/datasets/imdb.py": "class imdb:\n    pass\n",
        "det/datasets/pascal_voc.py": "from .imdb import imdb\nfrom datasets.imdb import imdb\n",
        "det/train.py": "import datasets.imdb\nimport det.datasets.imdb as imdb\n",
        "det/datasets/retina.py": "from .imdb import IMDB\n",
        "det/backbone.py": "from timm.data import IMAGENET_DEFAULT_MEAN, IMAGENET_DEFAULT_STD\n",
    }
    found = refs(make_repo, run_cli, files)
    init = lines_of(found, "llm/data/__init__.py")
    assert init.get(1) == {"alpaca"} and init.get(2) == {"alpaca"}, init
    finetune = lines_of(found, "llm/finetune.py")
    assert finetune.get(2) == {"alpaca"}, finetune
    for line in (1, 3, 4, 5, 6, 7):
        assert line not in finetune, line
    assert not lines_of(found, "det/backbone.py")
    for module in ("det/datasets/pascal_voc.py", "det/train.py", "det/datasets/retina.py"):
        imports = lines_of(found, module)
        assert not any("imdb" in datasets for datasets in imports.values()), imports
