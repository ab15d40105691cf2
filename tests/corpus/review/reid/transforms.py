import torchvision.transforms as T

IMAGENET_MEAN = [0.485, 0.456, 0.406]
IMAGENET_STD = [0.229, 0.224, 0.225]


def get_imagenet_normalize():
    return T.Normalize(mean=IMAGENET_MEAN, std=IMAGENET_STD)


def build_transforms(height, width, norm_mean=IMAGENET_MEAN, norm_std=IMAGENET_STD):
    normalize = T.Normalize(mean=norm_mean, std=norm_std)
    transform_tr = T.Compose([T.Resize((height, width)), T.RandomHorizontalFlip(), T.ToTensor(), normalize])
    transform_te = T.Compose([T.Resize((height, width)), T.ToTensor(), normalize])
    return transform_tr, transform_te
