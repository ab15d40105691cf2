import openml

blood = openml.datasets.get_dataset(1464)
credit = openml.datasets.get_dataset("credit-g", download_data=True)
X, y, categorical, names = credit.get_data(target=credit.default_target_attribute)
