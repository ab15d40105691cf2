import torch
from torchtext.legacy import data, datasets

inputs = data.Field(lower=True, tokenize="spacy")
answers = data.Field(sequential=False)

train, dev, test = datasets.SNLI.splits(inputs, answers)

inputs.build_vocab(train, dev, test)
answers.build_vocab(train)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
