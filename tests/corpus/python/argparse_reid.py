import argparse

parser = argparse.ArgumentParser(description="Train a re-ID baseline")
parser.add_argument("--dataset", type=str, default="market1501", choices=["market1501", "dukemtmcreid", "msmt17", "cuhk03"])
parser.add_argument("--root", type=str, default="/data/reid")
parser.add_argument("--batch-size", type=int, default=64)
args = parser.parse_args()
