import pandas as pd

META_CSV = "data/webvid/results_2M_train.csv"
VIDEO_ROOT = "data/webvid/videos"
frame = pd.DataFrame({"videoid": [], "name": []})
