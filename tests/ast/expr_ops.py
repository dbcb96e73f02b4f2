a + b * c - d / e // f % g @ h
-a ** -b
~a << 2 >> 3 & 4 ^ 5 | 6
not a and b or c and not d
a < b <= c == d != e > f >= g is h is not i in j not in k
x if y else z
lambda: 1
lambda a, *b, c=1, **d: a
(a := 10)
await_ = 1
(1 + 2) * 3

