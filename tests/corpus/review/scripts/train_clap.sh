#!/bin/bash
# Train an audio CLIP and evaluate zero-shot every epoch.
torchrun --nproc_per_node 8 -m training.main \
    --train-data "/data/clap/train/{00000..00511}.tar" \
    --dataset-type webdataset \
    --audio-zeroshot-dataset esc50 \
    --zeroshot-frequency 1 \
    --imagenet-val /data/imagenet/val \
    --epochs 20
