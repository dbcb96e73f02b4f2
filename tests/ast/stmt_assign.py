x = 1
a = b = c
a, *b = c
[a, b] = x
(a) = 1
x.y[0] = 2
x += 1
y //= 2
z **= 3
a: int
b: list[int] = []
(c): int = 1
x.y: str

