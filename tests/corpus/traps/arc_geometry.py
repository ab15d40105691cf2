import math


def arc_length(radius, theta):
    return radius * theta


def draw_arc(canvas, center, radius, start, end):
    kind = "arc"
    canvas.append((kind, center, radius, start, end))
    return math.degrees(end - start)
