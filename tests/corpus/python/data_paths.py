from pathlib import Path

DATA_ROOT = "data/coco/train2017"
VOC_ROOT = "data/VOCdevkit/VOC2012"
CITYSCAPES_ROOT = "/datasets/cityscapes/leftImg8bit/train"
OUTPUT_DIR = Path("outputs") / "run1"
