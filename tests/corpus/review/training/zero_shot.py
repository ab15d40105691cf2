"""Zero-shot evaluation of CLIP models on ImageNet.

The class names and prompt templates follow the original CLIP paper.
"""

import argparse


def parse_args(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--zeroshot-dataset", default="imagenet", choices=["imagenet", "cifar10"])
    parser.add_argument("--batch-size", type=int, default=256)
    return parser.parse_args(argv)


def zero_shot_eval(model, data, args):
    """Run zero-shot classification and return top-1 and top-5 accuracy."""
    results = {}
    if args.zeroshot_dataset not in data:
        return results
    return results
