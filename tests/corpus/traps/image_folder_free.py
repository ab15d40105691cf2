from pathlib import Path

from PIL import Image


def list_images(folder):
    return sorted(p for p in Path(folder).glob("*.png"))


def load(path):
    return Image.open(path).convert("RGB")
