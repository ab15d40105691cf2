#!/bin/sh
# MS1MV2 (a cleaned MS-Celeb-1M) for ArcFace training
set -e
pip install gdown
gdown --id 1X202mvYe5tiXFhOx82z4rPiPogXD435i -O data/ms1m_align_112.zip
unzip data/ms1m_align_112.zip -d data/
curl -L -o faces_emore.zip https://www.dropbox.com/s/wpx6tqjf0y5mf6r/faces_ms1m-refine-v2_112x112.zip
