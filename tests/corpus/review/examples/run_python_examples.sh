#!/usr/bin/env bash
# Runs every example for one epoch as a smoke test.
set -e

BASE_DIR="$(pwd)/$(dirname $0)"

function start() {
  EXAMPLE=${FUNCNAME[1]}
  cd $BASE_DIR/$EXAMPLE
  echo "Running example: $EXAMPLE"
}

function mnist() {
  start
  python main.py --epochs 1 --dry-run
}

function mnist_hogwild() {
  start
  python main.py --epochs 1 --dry-run
}

function run_all() {
  mnist
  mnist_hogwild
}

cd mnist
python main.py --epochs 1
cd ..
run_all
