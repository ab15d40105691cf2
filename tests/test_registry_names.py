"""Config values that select a registered dataset class by name (extract/registry_names.py).

A registry toolkit (the fast-reid and detectron2 shape, written here from scratch) defines its
dataset classes in Python and picks them in YAML by class name. The value names the class, not
a dataset the catalogue knows: the scan of the class says which data it is.
"""

from __future__ import annotations

from tests.conftest import MakeRepo, RunCli, scan_references

DATASETS_MODULE = """\
from .bases import ImageDataset
from ..registry import DATASET_REGISTRY


@DATASET_REGISTRY.register()
class Underpass(ImageDataset):
    dataset_dir = "underpass_reid_v2"
    dataset_name = "upass"


@DATASET_REGISTRY.register()
class DukeMTMCAttr(ImageDataset):
    dataset_dir = "DukeMTMC-reID"
    dataset_name = "dukemtmc"


class SmallVeRiWild(ImageDataset):
    dataset_dir = "VERI-Wild"
"""

MODELS_MODULE = """\
import torch.nn as nn


class Baseline(nn.Module):
    pass
"""

PACKAGE = """\
from .sets import Underpass, Baseline
import underpass_tools
__all__ = ["Underpass"]
"""

CONFIG = """\
MODEL:
  META_ARCHITECTURE: Baseline
DATASETS:
  NAMES: ("Underpass", "DukeMTMCAttr",)
  TESTS: ["SmallVeRiWild"]
# Underpass is our station; Baseline is a model
OUTPUT_DIR: logs/underpass
"""


def test_a_config_value_naming_a_dataset_class_selects_its_data(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """NAMES and TESTS name registered classes: each value is a config reference to the data
    its class reads (an unknown folder, a retracted derivative, a known set). A model class
    named in the same config, a comment and an output folder select no data, and the package's
    import of the class loads it (not its other names, modules or strings); nor does the same
    config beside modules that define no dataset class (only known names count there)."""
    found = scan_references(
        make_repo,
        run_cli,
        {
            "reid/data/datasets/sets.py": DATASETS_MODULE,
            "reid/data/datasets/__init__.py": PACKAGE,
            "reid/modeling/meta_arch.py": MODELS_MODULE,
            "configs/base.yml": CONFIG,
        },
    )
    in_package = {
        (line, dataset, kind)
        for path, line, dataset, kind in found
        if path == "reid/data/datasets/__init__.py"
    }
    assert in_package == {(1, "local:underpass_reid_v2", "load")}
    in_config = {
        (line, dataset, kind) for path, line, dataset, kind in found if path == "configs/base.yml"
    }
    assert in_config == {
        (4, "local:underpass_reid_v2", "config"),
        (4, "dukemtmc-reid", "config"),
        (5, "veri-wild", "config"),
    }
    alone = scan_references(
        make_repo,
        run_cli,
        {"reid/modeling/meta_arch.py": MODELS_MODULE, "configs/base.yml": CONFIG},
    )
    lines = {(line, ds) for path, line, ds, _ in alone if path == "configs/base.yml"}
    assert not {(line, ds) for line, ds in lines if ds.startswith("local:") or line == 5}
