#!/bin/bash
# TensorBox: fetch the head-detection images and IDL annotations
mkdir -p data && cd data
wget --continue https://stacks.stanford.edu/file/druid:sx925dc9385/brainwash.tar.gz
tar xf brainwash.tar.gz
