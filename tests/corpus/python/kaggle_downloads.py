import kaggle
import kagglehub
from kaggle.api.kaggle_api_extended import KaggleApi

accidents_dir = kagglehub.dataset_download("sobhanmoosavi/us-accidents")
kaggle.api.dataset_download_files("zillow/zecon", path="data/zillow", unzip=True)

api = KaggleApi()
api.authenticate()
api.dataset_download_files("mlg-ulb/creditcardfraud", path="data", unzip=True)
