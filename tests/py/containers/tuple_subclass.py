# subclasses of tuple
class P(tuple):
    def first(self):
        return self[0]
p = P([1, 2, 3])
print(p, type(p).__name__, p.first(), len(p), p + (4,), type(p + (4,)).__name__)
print(p == (1, 2, 3), isinstance(p, tuple), p[1:], type(p[1:]).__name__)
print(P(), type(P()).__name__, tuple(p), type(tuple(p)).__name__)
class Q(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
q = Q(1, 2)
print(q, q[0], hash(q) == hash((1, 2)))
