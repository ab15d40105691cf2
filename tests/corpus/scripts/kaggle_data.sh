#!/usr/bin/env bash
set -euo pipefail
kaggle datasets download -d mlg-ulb/creditcardfraud
unzip -o creditcardfraud.zip -d data/
