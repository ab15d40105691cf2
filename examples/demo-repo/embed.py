"""Embed gallery faces with a pretrained ArcFace backbone for the search index."""

import torch
from backbones import get_model

backbone = get_model("r100", fp16=False)  # the architecture: no training data in its name
state = torch.load("weights/ms1mv3_arcface_r100_fp16/backbone.pth", map_location="cpu")
backbone.load_state_dict(state)
backbone.eval()
