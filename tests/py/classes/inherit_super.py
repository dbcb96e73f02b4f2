# Single and multiple inheritance, C3 MRO, super() in every position.
class A:
    def who(self):
        return "A"

    def chain(self):
        return ["A"]


class B(A):
    def who(self):
        return "B>" + super().who()

    def chain(self):
        return ["B"] + super().chain()


class C(A):
    def who(self):
        return "C>" + super().who()

    def chain(self):
        return ["C"] + super().chain()


class D(B, C):
    def chain(self):
        return ["D"] + super().chain()


d = D()
print(D.__mro__ == (D, B, C, A, object))
print([k.__name__ for k in D.mro()])
print(d.who())
print(d.chain())
print(super(B, d).who())
print(super(D, D).chain(d))
print(isinstance(d, A), issubclass(D, C), issubclass(C, B))
print(D.__bases__ == (B, C), B.__base__ is A)


class Base:
    def __init__(self, x):
        self.x = x


class Child(Base):
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y


c = Child(1, 2)
print(c.x, c.y)


class K:
    @classmethod
    def make(cls):
        return cls.__name__


class L(K):
    @classmethod
    def make(cls):
        return "L:" + super().make()


print(L.make(), L().make())


def outside():
    class Inner(Base):
        def __init__(self):
            super().__init__(42)
    return Inner().x


print(outside())

try:
    class X(A, A):
        pass
except TypeError as e:
    print("TypeError:", e)


class O1: pass
class O2: pass
class P1(O1, O2): pass
class P2(O2, O1): pass
try:
    class Z(P1, P2): pass
except TypeError as e:
    print("TypeError:", e)
