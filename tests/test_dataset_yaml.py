"""YOLO dataset files (extract/dataset_yaml.py): a YAML with top-level train/val and names/nc
describes one dataset, named by its file stem, its ``path:`` folder or its download URL; its
split values and the lines of its download script that fetch, read or convert the data are
references to it. Code selects such a file by name (``data/coco128.yaml``)."""

from __future__ import annotations

from tests.conftest import MakeRepo, RunCli, file_datasets, file_references

# Self-written in the shape of the YOLO repositories' data/<Name>.yaml.
VOC_FILE = """\
# Pascal VOC for the detector (example: python train.py --data VOC.yaml)
path: ../datasets/VOC
train:
  - images/train2012
  - images/val2012
val: images/test2007  # held out
test:  # none

nc: 20
names: ['cat', 'dog']

download: |
  from helpers import download, Path

  def voc_to_boxes(folder, year):
      def box(size):
          return size
      out = open(folder / 'boxes.txt', 'w')
      src = open(folder / f'VOC{year}/Annotations/all.xml')
      return out, src

  root = Path(yaml['path'])
  base = 'https://files.example.org/voc/'
  parts = [base + 'VOCtrainval_2012.zip']
  download(parts, dir=root / 'images')
  for part in 'images', 'labels':
      (root / part).mkdir(parents=True)
  for year in '2007', '2012':
      print(f'converting {year}')
      voc_to_boxes(root / 'VOCdevkit', year)
  (root / 'old_images').rename(root / 'images')
"""


def test_a_yolo_dataset_file_is_its_datasets_description(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    found = file_references(make_repo, run_cli, "data/VOC.yaml", VOC_FILE)
    voc = {(line, kind) for line, dataset, kind in found if dataset == "pascal-voc"}
    assert voc >= {
        (2, "path"),  # path: ../datasets/VOC
        (4, "path"),  # list items of train:
        (5, "path"),
        (6, "path"),  # val: images/test2007
        (15, "load"),  # the converter's definition
        (19, "path"),  # f'VOC{year}/Annotations/...' read
        (24, "url"),  # the archive's name
        (25, "url"),  # download(...)
        (30, "load"),  # the converter's call
        (31, "path"),  # a named folder of the release renamed
    }
    lines = {line for line, _, _ in found}
    # The base URL alone, generic folders, writes, messages, a year loop and a nested helper
    # are the script's own business.
    assert lines.isdisjoint({7, 16, 17, 18, 22, 23, 26, 27, 28, 29})


def test_a_dataset_file_of_unknown_data_is_its_path_folder(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    text = (
        "path: ../datasets/widget-parts\ntrain: images/train\nval: images/val\n"
        "names:\n  0: cog\n  1: gear\ndownload: https://files.example.org/widget-parts.zip\n"
    )
    found = file_references(make_repo, run_cli, "data/parts.yaml", text)
    assert {(line, kind) for line, _, kind in found} == {
        (1, "path"),
        (2, "path"),
        (3, "path"),
        (7, "url"),
    }
    assert len({dataset for _, dataset, _ in found}) == 1  # one dataset, one datasheet


def test_other_yaml_with_train_and_val_keys_is_not_a_dataset_file(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    recipe = "train:\n  epochs: 3\n  lr: 0.01\nval:\n  every: 2\nsave: runs/exp\n"
    model = "nc: 80\ndepth_multiple: 0.33\nbackbone:\n  - [-1, 1, Conv, [64, 6, 2, 2]]\n"
    assert file_references(make_repo, run_cli, "configs/recipe.yaml", recipe) == set()
    assert file_references(make_repo, run_cli, "models/yolov5s.yaml", model) == set()


def test_code_selects_a_dataset_file_by_its_name(make_repo: MakeRepo, run_cli: RunCli) -> None:
    code = (
        "import argparse\n"
        "parser = argparse.ArgumentParser()\n"
        "parser.add_argument('--data', default='data/coco128.yaml')\n"
        "parser.add_argument('--hyp', default='data/hyps/hyp.scratch.yaml')\n"
    )
    assert file_datasets(make_repo, run_cli, "train.py", code) == {(3, "coco128")}
    config = "MODEL:\n  DATA: './detector/data/coco128.yaml'\n  CFG: './models/yolov5s.yaml'\n"
    assert file_datasets(make_repo, run_cli, "configs/track.yaml", config) == {(2, "coco128")}


def test_detectron_style_split_names_select_pascal_voc(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    config = (
        "DATASETS:\n"
        '  TRAIN: ("voc_2007_trainval", "voc_2012_trainval")\n'
        '  TEST: ("voc_2007_test", )\n'
        "  VOCAB_SIZE: 3000\n"
    )
    assert file_datasets(make_repo, run_cli, "configs/ssd300_voc0712.yaml", config) == {
        (2, "pascal-voc"),
        (3, "pascal-voc"),
    }


def test_a_darknet_data_file_points_at_its_datasets_lists(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    voc = (
        "classes = 20\ntrain = lists/trainval.txt\nvalid = lists/2007_test.txt\n"
        "names = voc.names\nbackup = backup/\n"
    )
    found = file_references(make_repo, run_cli, "cfg/voc.data", voc)
    assert found == {
        (2, "pascal-voc", "path"),
        (3, "pascal-voc", "path"),
        (4, "pascal-voc", "path"),
    }
    own = "train = data/shelf_train.txt\nvalid = data/shelf_val.txt\nnames = data/shelf.names\n"
    found = file_references(make_repo, run_cli, "cfg/shelf.data", own)
    assert {line for line, _, _ in found} == {1, 2, 3}
    assert all(dataset.startswith("local:") for _, dataset, _ in found)
    rows = "39, State-gov, 77516, Bachelors\n50, Self-emp, 83311, Bachelors\n"
    assert file_references(make_repo, run_cli, "census/train.data", rows) == set()


def test_coco_split_names_select_coco_where_they_are_data(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """train2017, val2014, ... name COCO's image folders and annotation files, and also those
    of the sets built on its images: they count where the line or the file also says COCO."""
    catalog = (
        "DATASETS = {\n"
        "    'coco_minival': {\n"
        '        "data_dir": "val2014",\n'
        '        "ann_file": "annotations/instances_minival2014.json",\n'
        "    },\n"
        "}\n"
        "# results improved a lot between the val2014 and val2017 runs\n"
    )
    found = file_references(make_repo, run_cli, "ssd/config/paths.py", catalog)
    coco = {line for line, dataset, _ in found if dataset == "coco"}
    assert {3, 4} <= coco
    assert 7 not in {line for line, _, kind in found if kind != "mention"}
    config = (
        "DATASET:\n  ROOT: ./data/datasets/cocostuff\n  SPLIT:\n    TRAIN: train2017\n"
        "    VAL: val2017\n"
    )
    assert file_datasets(make_repo, run_cli, "configs/stuff.yaml", config) >= {
        (4, "coco"),
        (5, "coco"),
    }
    # A split name alone, in a file that says nothing of COCO, is no dataset of its own.
    plain = "SPLIT:\n  TRAIN: train2017\n  VAL: val2017\n"
    assert file_references(make_repo, run_cli, "configs/plain.yaml", plain) == set()


def test_code_selects_a_short_named_dataset_by_its_yaml_file(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """VOC and coco8 count only as dataset names: the YAML file named after one, passed by
    path, is one (also with the task suffix Ultralytics adds: coco8-seg.yaml)."""
    code = (
        "from ultralytics import YOLO\n"
        "model = YOLO('yolov8n.pt')\n"
        "model.train(data='coco8.yaml', epochs=3)\n"
        "run(data='data/VOC.yaml')\n"
        "segment = YOLO('yolov8n-seg.pt').train(data='coco8-seg.yaml')\n"
        "net = build('models/yolov5s.yaml')\n"
        "# python train.py --data coco8.yaml\n"
    )
    found = file_references(make_repo, run_cli, "train.py", code)
    # (the comment's command line is a mention, by the name pass's rule for commands)
    assert {(line, dataset, kind) for line, dataset, kind in found if kind != "mention"} == {
        (3, "coco8", "config"),
        (4, "pascal-voc", "config"),
        (5, "coco8", "config"),
    }
