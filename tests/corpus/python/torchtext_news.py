from torchtext import datasets as text_datasets
from torchtext.data.utils import get_tokenizer

tokenizer = get_tokenizer("basic_english")
train_iter = text_datasets.AG_NEWS(root=".data", split="train")
tags_iter = text_datasets.UDPOS(split="valid")
