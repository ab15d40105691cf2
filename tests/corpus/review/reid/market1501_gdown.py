import os
import os.path as osp

import gdown


class Market1501Downloader:
    def __init__(self, root="data"):
        self.root = root
        self.dataset_url = "http://188.138.127.15:81/Datasets/Market-1501-v15.09.15.zip"

    def download(self):
        os.makedirs(self.root, exist_ok=True)
        fpath = osp.join(self.root, osp.basename(self.dataset_url))
        gdown.download(self.dataset_url, fpath, quiet=False)
        return fpath
