from datasets import load_dataset

reviews = load_dataset("imdb")
