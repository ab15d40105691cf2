import torch.nn as nn


class CifarResNet(nn.Module):
    def __init__(self, depth=20, num_classes=10):
        super().__init__()
        self.stem = nn.Conv2d(3, 16, kernel_size=3, padding=1, bias=False)
        self.head = nn.Linear(64, num_classes)

    def forward(self, x):
        return self.head(self.stem(x).mean(dim=(2, 3)))
