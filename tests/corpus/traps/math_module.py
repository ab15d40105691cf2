import math
import statistics


def rms(values):
    return math.sqrt(statistics.fmean(v * v for v in values))
