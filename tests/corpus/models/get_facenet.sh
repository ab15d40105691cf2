#!/bin/bash
# FaceNet weights for the face embedding service.
mkdir -p models
gdown --id 0B5MzpY9kBtDVZ2RpVDYwWmxoSUk -O models/20170512-110547.zip
wget -q https://github.com/timesler/facenet-pytorch/releases/download/v2.2.9/20180402-114759-vggface2.pt
wget -q https://github.com/timesler/facenet-pytorch/releases/download/v2.2.9/20180408-102900-casia-webface.pt
