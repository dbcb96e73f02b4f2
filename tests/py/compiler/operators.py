# Expressions: chained comparisons (each operand evaluated once), short
# circuits, conditional expressions, membership and identity.
def v(x):
    print("eval", x)
    return x

print(v(1) < v(2) < v(3))
print(v(3) < v(2) < v(1))
print(1 < 2 > 0 == 0 != 1)
print(v(0) and v(1), v(2) and v(3), v(0) or v(4), v(5) or v(6))
print(v(1) if v(0) else v(2))
print(not 1, not 0, not [], not [0])
print(2 in [1, 2], 3 not in (1, 2), "a" in "cat")
x = None
print(x is None, x is not None, not x is None)
print(-(-3), +4, ~5, 2 ** -1, -2 ** 2, (-2) ** 2)
print(7 // 2, -7 // 2, 7 % -3, 7 / 2, 2 ** 3 ** 2)
print(1 if 0 else 2 if 0 else 3)
a = [1, 2, 3]
print(a[1], a[-1], a[:2], a[::2], a[::-1], a[1:2:1])
print({**{"a": 1}, "b": 2, **{"a": 3}})
print([*a, *a[:1]], (*a,), {*a, 4})
t = 1,
print(t, (), (1, 2) + (3,))
if 1 < 2 and (x := 5) > 3 or False:
    print("walrus", x)
while (n := len(a)) > 1:
    a.pop()
print(n, a)
print(v(0) < v(1) and v(2))
y = 5
print(0 < y < 10, 0 < y > 10)
