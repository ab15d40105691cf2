from easydict import EasyDict as edict

config = edict()
config.network = "r100"
config.embedding_size = 512
config.batch_size = 128
config.rec = "/train_tmp/ms1m-retinaface-t1"
config.num_classes = 93431
config.num_image = 5179510
config.num_epoch = 20
