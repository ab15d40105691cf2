# Thin glue code between the tokenizer and the trainer; nothing here touches data.
def collate(batch, tokenizer):
    texts = [item["text"] for item in batch]
    return tokenizer(texts, padding=True, return_tensors="pt")
