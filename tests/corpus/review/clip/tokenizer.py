import sentencepiece as spm

DEFAULT_VOCAB = "c4-en"


def get_tokenizer_variant(identifier):
    return "gemma" if "siglip2" in identifier.lower() else "c4-en"


def load_vocab(path, name=DEFAULT_VOCAB):
    processor = spm.SentencePieceProcessor()
    processor.load(path)
    return name, processor
