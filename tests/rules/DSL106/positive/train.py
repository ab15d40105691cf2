from transformers import AutoModelForSequenceClassification

# Fine-tunes English BERT; nothing in this project says what BERT was pre-trained on.
model = AutoModelForSequenceClassification.from_pretrained("bert-base-uncased")  # expect: DSL106
