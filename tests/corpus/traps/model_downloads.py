from huggingface_hub import hf_hub_download, snapshot_download

config_path = hf_hub_download(repo_id="bert-base-uncased", filename="config.json")
encoder_dir = snapshot_download("sentence-transformers/all-MiniLM-L6-v2")
