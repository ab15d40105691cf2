#!/usr/bin/env bash
CUDA_VISIBLE_DEVICES=0 python train.py \
    --source market1501 \
    --target dukemtmcreid \
    --data-dir data/ \
    --max-epoch 60
