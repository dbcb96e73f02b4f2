"""A small tour: classes, generators, closures, exceptions and big ints."""


class Shape:
    def __init__(self, name):
        self.name = name

    def area(self):
        raise NotImplementedError

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r}, area={self.area():.2f})"


class Rect(Shape):
    def __init__(self, w, h):
        super().__init__("rect")
        self.w, self.h = w, h

    def area(self):
        return self.w * self.h


class Circle(Shape):
    def __init__(self, r):
        super().__init__("circle")
        self.r = r

    def area(self):
        return 3.141592653589793 * self.r ** 2


def fibs():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


def counter():
    count = 0

    def bump(n=1):
        nonlocal count
        count += n
        return count
    return bump


shapes = sorted([Rect(3, 4), Circle(1.5), Rect(2, 2)], key=lambda s: s.area())
print(shapes)
print([f for f, _ in zip(fibs(), range(15))])
bump = counter()
print(bump(), bump(5), bump())
print(2 ** 200)
try:
    {}["missing"]
except KeyError as e:
    print("caught", repr(e))
print({n: n * n for n in range(6) if n % 2})
