from datasets import Dataset

rows = {"text": ["hello world", "good morning"], "label": [0, 1]}
toy = Dataset.from_dict(rows)
toy = toy.map(lambda row: {"length": len(row["text"])})
print(toy)
