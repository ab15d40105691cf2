#!/usr/bin/env bash
# Fetch the data used by the head-detection baseline.
set -euo pipefail
mkdir -p data
wget -c https://stacks.stanford.edu/file/druid:sx925dc9385/brainwash.tar.gz -P data/
wget -c https://www.cs.toronto.edu/~kriz/cifar-10-python.tar.gz -P data/
