#!/bin/bash
# Sort the validation images into one folder per class.
cd /data/imagenet/val
wget -qO- https://raw.githubusercontent.com/soumith/imagenetloader.torch/master/valprep.sh | bash
cd -
