import tensorflow as tf
from tensorflow import keras

(x_train, y_train), (x_test, y_test) = keras.datasets.cifar100.load_data(label_mode="fine")
(fx_train, fy_train), _ = tf.keras.datasets.fashion_mnist.load_data()
(hx_train, hy_train), _ = keras.datasets.boston_housing.load_data(test_split=0.2)
x_train = x_train.astype("float32") / 255.0
