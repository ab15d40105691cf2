"""OpenMMLab-style Python configs (extract/config_modules.py): a module-level data root of one
dataset, handed to a data key (``ann_file=data_root + 'train.txt'``), is a read of that dataset;
a data key built from anything else, or from a root that names no single dataset, is not."""

from __future__ import annotations

from tests.conftest import MakeRepo, RunCli, file_references

# Self-written in the shape of an mmdetection dataset config.
FACES_CONFIG = """\
dataset_type = 'FaceBoxesDataset'
data_root = 'data/WIDERFace/'
work_dir = './work_dirs/faces'
both = 'data/coco/ and data/VOCdevkit/'
train_pipeline = [dict(type='LoadImageFromFile'), dict(type='Resize', img_scale=(640, 640))]
data = dict(
    samples_per_gpu=8,
    train=dict(
        type=dataset_type,
        ann_file=data_root + 'train.txt',
        img_prefix=data_root + 'WIDER_train/',
        pipeline=train_pipeline),
    val=dict(
        type=dataset_type,
        ann_file=data_root + 'val.txt',
        img_prefix=data_root + 'WIDER_val/'),
    test={'ann_file': data_root + 'val.txt', 'pipeline': train_pipeline},
    extra=dict(ann_file=work_dir + 'cache.txt', img_prefix=both + 'images/'),
)
"""


def test_a_data_root_handed_to_data_keys_is_read_there(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    found = file_references(make_repo, run_cli, "configs/faces.py", FACES_CONFIG)
    wider = {line for line, dataset, kind in found if dataset == "wider-face" and kind == "path"}
    assert {2, 10, 11, 15, 16, 17} <= wider
    lines = {line for line, _, _ in found}
    # The pipeline, a run's own folder and a root naming two datasets hand no data over.
    assert not lines & {5, 9, 12, 18}


def test_a_data_key_without_a_data_root_is_nothing(make_repo: MakeRepo, run_cli: RunCli) -> None:
    code = (
        "import argparse\n"
        "parser = argparse.ArgumentParser()\n"
        "args = parser.parse_args()\n"
        "cfg = dict(ann_file=args.ann_file, img_prefix=args.images)\n"
    )
    assert file_references(make_repo, run_cli, "tools/run.py", code) == set()


def test_the_line_of_the_named_part_and_not_a_root_handed_on(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    code = (
        "data_root = 'data/cityscapes/'\n"  # 1
        "val = dict(\n"
        "    ann_file=data_root +\n"  # 3: the join starts here...
        "    'annotations/instances_val.json',\n"  # 4: ...and names its part here
        "    img_prefix=data_root,\n"  # 5: the root alone, handed on
        "    seg_prefix=[data_root + 'gtFine/val/', data_root + 'leftImg8bit/val/'],\n"  # 6
        ")\n"
    )
    found = file_references(make_repo, run_cli, "configs/cityscapes.py", code)
    assert {line for line, dataset, _ in found if dataset == "cityscapes"} == {1, 4, 6}


def test_the_registered_class_of_pascal_voc_selects_it(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """mmdetection's registry names Pascal VOC ``VOCDataset`` as it names COCO ``CocoDataset``."""
    code = (
        "dataset_type = 'VOCDataset'\n"
        "vocab_size = 3000\n"
        "data = dict(train=dict(type=dataset_type, img_prefix='data/custom/'))\n"
    )
    found = file_references(make_repo, run_cli, "configs/voc0712.py", code)
    assert {line for line, dataset, _ in found if dataset == "pascal-voc"} == {1}
