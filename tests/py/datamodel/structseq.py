# Struct sequences (named tuples made in C): sys.version_info, sys.float_info...
import sys

v = sys.version_info
T = type(v)
print(T.__name__, T.__qualname__, T.__module__, repr(T), T.__mro__, T.__base__)
print(v[:2], v.major, len(v), isinstance(v, tuple), v == tuple(v), hash(v) == hash(tuple(v)), v[-1], v[0:2])
print(T.n_sequence_fields, T.n_fields, T.n_unnamed_fields, T.__match_args__)
print(type(T.__dict__["major"]).__name__, repr(T.__dict__["major"]))
FI = type(sys.float_info)
f = FI(range(11))
print(f, type(f), len(f), f[3], f.max, f.rounds)
print(f.__reduce__(), sys.float_info.__reduce__()[0] is FI)
print(f == tuple(range(11)), f[:2], f + (1,), type(f + (1,)).__name__, hash(f) == hash(tuple(range(11))))
print(FI(sequence=range(11)).radix, FI([0] * 11).max, FI((0,) * 11, {}).dig, FI((0,) * 11, dict={}).dig)
print(list(FI.__dict__))
for call in (lambda: T(), lambda: T((1, 2, 3, 4, 5)), lambda: FI((1,) * 3), lambda: FI((1,) * 12),
             lambda: FI(5), lambda: FI(), lambda: FI((1,) * 11, 5), lambda: FI((1,) * 11, None), lambda: FI((1,) * 11, x=1),
             lambda: type(sys.flags)()):
    try:
        print(call())
    except TypeError as e:
        print(type(e).__name__, e)
for bad in (lambda: setattr(v, "major", 1), lambda: setattr(v, "x", 1), lambda: setattr(T, "x", 1),
            lambda: delattr(v, "major")):
    try:
        bad()
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
try:
    class Sub(FI):
        pass
except TypeError as e:
    print(type(e).__name__, e)
match sys.version_info:
    case (major, minor, *_):
        print("matched", major, minor)
match f:
    case FI(a, b, c):
        print("class pattern", a, b, c)
print(sys.flags.optimize, type(sys.flags).__name__, sys.int_info.bits_per_digit, sys.hash_info.width)
print(repr(sys.int_info))
