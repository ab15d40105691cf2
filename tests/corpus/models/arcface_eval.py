import argparse

import torch
from backbones import get_model

parser = argparse.ArgumentParser(description="IJB-C evaluation")
parser.add_argument("--network", default="r100", help="backbone: r50, r100")
parser.add_argument("--weight", default="trained_models/ms1mv3_arcface_r100_fp16/backbone.pth")
parser.add_argument("--onnx", default="pretrained/ms1mv2_arcface_r100.onnx")
args = parser.parse_args()

net = get_model(args.network, dropout=0, fp16=False)
net.load_state_dict(torch.load(args.weight))
# Glint360K weights are not MS1M data: glint360k_r100/backbone.pth
baseline = "glint360k_r100/backbone.pth"
ADAFACE = {"ir_101": "pretrained/adaface_ir101_ms1mv2.ckpt", "ir_50": "pretrained/adaface_ir50_webface4m.ckpt"}
