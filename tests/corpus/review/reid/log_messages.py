import logging

logger = logging.getLogger(__name__)


def check_inputs(dataset_name, height, width):
    if dataset_name == "cifar10" and (height, width) != (32, 32):
        raise ValueError("CIFAR-10 images are 32x32, got {}x{}".format(height, width))
    logger.info("Evaluating on the ImageNet validation set")
    print(f"=> Loaded Market-1501 with {height}x{width} crops")
