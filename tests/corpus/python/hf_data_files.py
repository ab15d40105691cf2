from datasets import load_dataset

train = load_dataset("json", data_files="data/train.jsonl", split="train")
reviews = load_dataset("csv", data_files="exports/reviews_2023.csv")
train = train.shuffle(seed=42)
