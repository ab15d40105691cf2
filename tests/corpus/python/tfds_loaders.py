import tensorflow as tf
import tensorflow_datasets as tfds

ds_train = tfds.load("mnist:3.*.*", split="train", as_supervised=True)
builder = tfds.builder("cats_vs_dogs")
builder.download_and_prepare()
hands = tfds.load(name="rock_paper_scissors", split="train")
ds_train = ds_train.map(lambda x, y: (tf.cast(x, tf.float32) / 255.0, y))
