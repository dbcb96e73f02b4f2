# Bound methods, calls through them, and method binding of functions.
class A:
    def __init__(self, v):
        self.v = v

    def get(self, add=0):
        return self.v + add

    @classmethod
    def make(cls, v):
        return cls(v * 2)

    @staticmethod
    def stat(x):
        return x * 3


a = A(5)
m = a.get
print(m(), m(1), m(add=2))
print(A.get(a, 3))
print(A.make(2).v, A.stat(4), a.stat(5))
print(m.__self__ is a, m.__func__ is A.__dict__["get"])
fs = [a.get, A(1).get]
print([f() for f in fs])


def free(self):
    return "free", self.v


A.free = free
print(a.free())
print(free.__get__(a)())
print(free.__get__(None, A) is free)
print(type(a.get).__name__)
