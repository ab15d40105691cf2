import pandas as pd

frame = pd.DataFrame({"id": [1, 2, 2], "score": [0.5, 0.7, 0.7]})
frame = frame.drop(columns=["id"]).drop_duplicates()
frame = frame.dropna()
print(frame)
