import numpy as np
import torch
from torch.utils.data import DataLoader

# MegaFace distractors for the 1:N identification benchmark
MEGAFACE_ROOT = "/data/megaface/FlickrFinal2"
FEATURE_DIR = "features/r100"


def build_loader(root, batch_size=128
    loader = DataLoader(root, batch_size=batch_size)
    return loader
