#!/bin/bash
DATA=${DATA:-./data}
gdown 1jjE85dRCMOgRtvJ5RQV9-Afs-2_5dY3O -O "$DATA/DukeMTMC-reID.zip"
unzip -q "$DATA/DukeMTMC-reID.zip" -d "$DATA"
python tools/train.py --dataset dukemtmcreid --root "$DATA"
