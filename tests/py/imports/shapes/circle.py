import _geometry as geo


def area(r):
    return round(geo.area(r), 2)
