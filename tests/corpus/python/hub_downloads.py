import pandas as pd
from huggingface_hub import hf_hub_download, snapshot_download

csv_path = hf_hub_download(repo_id="acme-retail/store-sales", filename="train.csv", repo_type="dataset")
chat_dir = snapshot_download("HuggingFaceH4/ultrachat_200k", repo_type="dataset", allow_patterns=["data/*"])
weights = hf_hub_download(repo_id="facebook/detr-resnet-50", filename="pytorch_model.bin")
frame = pd.read_csv(csv_path)
