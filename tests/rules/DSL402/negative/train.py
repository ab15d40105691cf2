from datasets import load_dataset

ds = load_dataset("acme/celebs-clean")
