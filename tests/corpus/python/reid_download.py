import os
import os.path as osp

DATASET_URL = "http://vision.cs.duke.edu/DukeMTMC/data/misc/DukeMTMC-reID.zip"
dataset_dir = "datasets/DukeMTMC-reID"
train_dir = osp.join(dataset_dir, "bounding_box_train")
query_dir = osp.join(dataset_dir, "query")
os.makedirs(train_dir, exist_ok=True)
