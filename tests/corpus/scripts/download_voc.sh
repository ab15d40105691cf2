#!/bin/bash
mkdir -p data
curl -L -o data/VOCtrainval_11-May-2012.tar http://host.robots.ox.ac.uk/pascal/VOC/voc2012/VOCtrainval_11-May-2012.tar
tar -xf data/VOCtrainval_11-May-2012.tar -C data
