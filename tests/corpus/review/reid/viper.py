import os.path as osp
import urllib.request

from ..dataset import ImageDataset


class VIPeR(ImageDataset):
    dataset_url = "http://users.soe.ucsc.edu/~manduchi/VIPeR.v1.0.zip"

    def __init__(self, root="", **kwargs):
        self.root = osp.abspath(osp.expanduser(root))
        fpath = osp.join(self.root, "VIPeR.v1.0.zip")
        if not osp.exists(fpath):
            urllib.request.urlretrieve(self.dataset_url, fpath)
        super().__init__([], [], [], **kwargs)
