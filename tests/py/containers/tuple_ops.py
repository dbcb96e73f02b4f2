# tuple + * comparisons count index
t = (1, 2, 3)
print(t + (4,), t + (), () + t, t * 2, 2 * t, t * 0, t * -1)
try:
    t + [4]
except TypeError as e:
    print(type(e).__name__, e)
try:
    t * 1.5
except TypeError as e:
    print(type(e).__name__, e)
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 9), (1, 2) == (1, 2), (1, 2) != (1, 2), () < (0,))
print((1, 2) <= (1, 2), (1, 3) >= (1, 2, 5), (1, "a") == (1, "a"))
try:
    (1, 2) < (1, "x")
except TypeError as e:
    print(type(e).__name__, e)
print((1, 2, 1, 1).count(1), (1, 2).count(5), (1, 2, 3, 2).index(2), (1, 2, 3, 2).index(2, 2))
print((1, 2, 3, 2).index(2, -1), (1, 2, 3).index(3, 0, 10**30))
try:
    (1, 2).index(5)
except ValueError as e:
    print(type(e).__name__, e)
try:
    (1, 2).index(1, 1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    (1, 2).index(1, "a")
except TypeError as e:
    print(type(e).__name__, e)
nan = float("nan")
print((nan,) == (nan,), nan in (nan,), (1.0, 2) == (1, 2.0))
