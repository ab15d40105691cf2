import datasets
from transformers import AutoModelForQuestionAnswering

model = AutoModelForQuestionAnswering.from_pretrained("deepset/roberta-base")
val_set = datasets.load_dataset(path="rajpurkar/squad_v2", split="validation")
print(len(val_set))
