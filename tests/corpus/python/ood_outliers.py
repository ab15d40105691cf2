import numpy as np
import torch


class OutlierImages(torch.utils.data.Dataset):
    def __init__(self, transform=None, exclude_cifar=True):
        self.data_file = open("/datasets/80M_Tiny_Images/tiny_images.bin", "rb")
        self.transform = transform
        if exclude_cifar:
            with open("./utils/80mn_cifar_idxs.txt") as idxs:
                self.cifar_idxs = sorted(int(line) - 1 for line in idxs)


ood_data = np.load("data/300K_random_images.npy").astype(np.uint8)
