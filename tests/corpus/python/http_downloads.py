import os
import urllib.request

import requests
import wget

os.makedirs("data", exist_ok=True)
resp = requests.get("http://images.cocodataset.org/annotations/annotations_trainval2017.zip", stream=True)
urllib.request.urlretrieve("https://www.cs.toronto.edu/~kriz/cifar-10-python.tar.gz", "data/cifar-10-python.tar.gz")
wget.download("https://zenodo.org/record/3338373/files/heartbeat.zip", out="data")
urllib.request.urlretrieve("https://stacks.stanford.edu/file/druid:sx925dc9385/brainwash.tar.gz", "data/brainwash.tar.gz")
