import argparse

parser = argparse.ArgumentParser()
parser.add_argument("--dataset_name", default="cnn_dailymail")
parser.add_argument("--eval_dataset", default="xsum", choices=["xsum", "samsum"])
parser.add_argument("--max_source_length", type=int, default=1024)
