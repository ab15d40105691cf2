import torch
from torch import nn


class InceptionResnetV1(nn.Module):
    """Inception Resnet V1 model with optional loading of pretrained weights.

    Model parameters can be loaded based on pretraining on the VGGFace2 or CASIA-Webface
    datasets. Pretrained state_dicts are automatically downloaded on model instantiation.
    """

    def __init__(self, pretrained=None, classify=False, num_classes=None):
        super().__init__()
        if pretrained == "vggface2":
            tmp_classes = 8631
        elif pretrained == "casia-webface":
            tmp_classes = 10575
        else:
            tmp_classes = num_classes
        self.logits = nn.Linear(512, tmp_classes)
        self.classify = classify

    def forward(self, x):
        x = torch.flatten(x, 1)
        return self.logits(x) if self.classify else x
