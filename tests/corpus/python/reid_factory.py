from . import image as img
from . import video as vid

__image_factory = {
    "market1501": img.Market1501,
    "dukemtmcreid": img.DukeMTMCreID,
    "msmt17": img.MSMT17,
    "cuhk03": img.CUHK03,
}

__video_factory = {
    "ilidsvid": vid.iLIDSVID,
    "dukemtmcvidreid": vid.DukeMTMCVidReID,
}


def init_image_dataset(name, **kwargs):
    avai = list(__image_factory.keys())
    if name not in avai:
        raise ValueError(f"Invalid dataset name. Received '{name}', but expected to be one of {avai}")
    return __image_factory[name](**kwargs)
