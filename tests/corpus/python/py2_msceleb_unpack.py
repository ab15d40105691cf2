# -*- coding: utf-8 -*-
# Unpack the MS-Celeb-1M aligned TSV into one folder per identity.
import base64
import csv
import os

TSV_PATH = "data/MsCelebV1-Faces-Aligned.tsv"
OUT_DIR = "data/msceleb_aligned"


def main():
    if not os.path.exists(OUT_DIR):
        os.makedirs(OUT_DIR)
    with open(TSV_PATH, "r") as fid:
        reader = csv.reader(fid, delimiter="\t")
        for i, row in enumerate(reader):
            mid, face_id, blob = row[0], row[4], base64.b64decode(row[-1])
            folder = os.path.join(OUT_DIR, mid)
            try:
                os.makedirs(folder)
            except OSError, e:
                pass
            if i % 10000 == 0:
                print "processed %d faces" % i


if __name__ == "__main__":
    main()
