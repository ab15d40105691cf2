#!/usr/bin/env bash
set -euo pipefail
python -m pip install --upgrade pip
python -m pip install -e ".[dev]"
python -m pytest -q
