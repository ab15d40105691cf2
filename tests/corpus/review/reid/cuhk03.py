import os.path as osp

from ..dataset import ImageDataset


class CUHK03(ImageDataset):
    """CUHK03.

    Reference:
        Li et al. DeepReID: Deep Filter Pairing Neural Network for Person Re-identification. CVPR 2014.

    Dataset statistics:
        - identities: 1360.
        - images: 13164.
    """

    def __init__(self, root="", split_id=0, cuhk03_labeled=False, use_metric_cuhk03=False, **kwargs):
        self.root = osp.abspath(osp.expanduser(root))
        self.raw_mat_path = osp.join(self.root, "cuhk03_release", "cuhk-03.mat")
        if not osp.exists(self.raw_mat_path):
            raise RuntimeError("CUHK03 has to be downloaded by hand from the authors' page")
        print("=> Extracting labeled CUHK03 images" if cuhk03_labeled else "=> Extracting detected images")
        super().__init__([], [], [], **kwargs)
