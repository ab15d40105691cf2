import webdataset as wds
from datasets import load_dataset

TRAIN_SHARDS = "/mnt/laion400m-data/{00000..41455}.tar"
captions = load_dataset("laion/laion2B-en", split="train", streaming=True)
pipeline = wds.WebDataset(TRAIN_SHARDS).decode("pil").to_tuple("jpg", "txt")
