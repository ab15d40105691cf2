import os
import tarfile
import zipfile
from urllib.request import urlopen

import requests

CIFAR_URL = "https://www.cs.toronto.edu/~kriz/cifar-10-python.tar.gz"


def fetch_cifar(root="data"):
    os.makedirs(root, exist_ok=True)
    archive = os.path.join(root, "archive.tar.gz")
    with open(archive, "wb") as f:
        f.write(requests.get(CIFAR_URL, timeout=60).content)
    with tarfile.open(archive) as tar:
        tar.extractall(root)


def fetch_annotations(root="data"):
    url = "http://images.cocodataset.org/annotations/annotations_trainval2017.zip"
    archive = os.path.join(root, "annotations.zip")
    with urlopen(url) as response, open(archive, "wb") as f:
        f.write(response.read())
    zipfile.ZipFile(archive).extractall(root)
