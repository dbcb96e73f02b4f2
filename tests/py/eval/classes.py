# Class bodies: their namespace, __qualname__, closures and __class__.
class A:
    x = 1
    y = x + 1

    def m(self):
        return self.x

    print("body", x, y, __qualname__, __module__)


print(A.x, A.y, A().m(), A.__qualname__)


def factory(v):
    class Inner:
        val = v

        def get(self):
            return v, __class__.__name__

    return Inner


I = factory(7)
print(I.val, I().get(), I.__qualname__)


class B(A):
    def m(self):
        return super().m() + 10


print(B().m())


class WithAnn:
    a: int
    b: str = "s"


print(WithAnn.__annotations__, WithAnn.b)


class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns["made_by"] = "Meta"
        return super().__new__(mcls, name, bases, ns)


class C(metaclass=Meta):
    pass


print(C.made_by)
x = "global"


class D:
    x = "class"

    def f(self):
        return x


print(D().f())


def outer():
    y = "enclosing"

    class E:
        y = "class attr"
        z = y

    return E.z


print(outer())
