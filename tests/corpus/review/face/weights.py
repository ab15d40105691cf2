import os

import torch
from torch.hub import download_url_to_file, get_dir

MODEL_URLS = {
    "20180408-102900": "https://github.com/timesler/facenet-pytorch/releases/download/v2.2.9/20180408-102900-casia-webface.pt",
    "20180402-114759": "https://github.com/timesler/facenet-pytorch/releases/download/v2.2.9/20180402-114759-vggface2.pt",
}


def load_weights(mdl, name):
    path = MODEL_URLS[name]
    model_dir = os.path.join(get_dir(), "checkpoints")
    os.makedirs(model_dir, exist_ok=True)
    cached_file = os.path.join(model_dir, os.path.basename(path))
    if not os.path.exists(cached_file):
        download_url_to_file(path, cached_file)
    mdl.load_state_dict(torch.load(cached_file))
