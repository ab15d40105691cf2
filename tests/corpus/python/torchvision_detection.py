import torchvision
from torchvision.transforms import v2

train_tf = v2.Compose([v2.ToImage(), v2.RandomHorizontalFlip()])
det_train = torchvision.datasets.CocoDetection(root="data/coco/train2017", annFile="data/coco/annotations/instances_train2017.json")
voc_train = torchvision.datasets.VOCDetection("data/voc", year="2012", image_set="train", download=False)
faces = torchvision.datasets.CelebA(root="data", split="train", target_type="attr", download=False)
