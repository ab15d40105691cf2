from transformers import AutoModelForSequenceClassification

# Fine-tunes English BERT, whose pre-training data the README names (DSL104, not DSL106).
model = AutoModelForSequenceClassification.from_pretrained("bert-base-uncased")
