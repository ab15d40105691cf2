"""Fine-tune a sentiment classifier on movie reviews."""
from datasets import load_dataset
from transformers import AutoTokenizer

raw = load_dataset("imdb")
tokenizer = AutoTokenizer.from_pretrained("distilbert-base-uncased")


def tokenize(batch):
    return tokenizer(batch["text"], truncation=True)


encoded = raw.map(tokenize, batched=True)
