"""A helper module for the import tests."""
PI = 3.14159
loaded = []


def area(r):
    return PI * r * r


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


_private = "hidden"
print("geometry loaded as", __name__)
