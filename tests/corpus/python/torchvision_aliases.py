import torch
import torchvision.datasets as dset
import torchvision.transforms as T
from torchvision import datasets as D
from torchvision.datasets import CIFAR10 as C10  # CIFAR-10 with the standard 50k/10k split

transform = T.Compose([T.ToTensor(), T.Normalize((0.5,), (0.5,))])
train_set = C10(root="./data", train=True, download=True, transform=transform)
extra = dset.SVHN(root="./data", split="extra", download=True, transform=transform)
flowers = D.Flowers102(root="./data", split="test", download=True)
strokes = dset.Omniglot("./data", background=True, download=True)
loader = torch.utils.data.DataLoader(train_set, batch_size=128, shuffle=True, num_workers=4)
