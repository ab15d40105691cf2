"""Train a face-embedding model, then evaluate person re-identification."""

import argparse

import torchvision.datasets as tv_datasets
from datasets import load_dataset

parser = argparse.ArgumentParser()
parser.add_argument("--dataset", default="market1501", choices=["market1501", "dukemtmcreid"])
parser.add_argument("--rec", default="/train_tmp/faces_emore")  # MS1MV2 in RecordIO format
args = parser.parse_args()

# Ordinary datasets: found as references, never flagged.
cifar = tv_datasets.CIFAR10(root="data", download=True)
reviews = load_dataset("stanfordnlp/imdb", split="train")
attributes = load_dataset("celeb_a")  # CelebA: celebrity attributes, another dataset

# A deprecated dataset (replaced by Re-LAION-5B), loaded by its original Hub id.
captions = load_dataset("laion/laion2B-en", split="train", streaming=True)

duke = {"name": "Duke", "role": "maintainer"}  # a person, not a dataset
