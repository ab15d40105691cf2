from keras import layers, models
from keras.datasets import imdb  # the aclImdb movie reviews, top 10k words

(x_train, y_train), (x_test, y_test) = imdb.load_data(num_words=10000)
model = models.Sequential([layers.Embedding(10000, 16), layers.GlobalAveragePooling1D(), layers.Dense(1)])
