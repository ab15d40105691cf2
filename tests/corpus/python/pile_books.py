from datasets import load_dataset

pile = load_dataset("EleutherAI/pile", split="train", streaming=True)
BOOKS3_ARCHIVE = "/mnt/corpora/books3.tar.gz"
BOOK_SHARDS = ["corpora/books_large_p1.txt", "corpora/books_large_p2.txt"]
