# What the compiler gives class bodies: __module__, __qualname__, the
# __class__ cell for super(), name mangling, decorators, keywords.
def deco(tag):
    def apply(obj):
        print("decorating", tag, obj.__name__)
        return obj
    return apply

class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        print("Meta.__new__", name, sorted(kw.items()))
        return super().__new__(mcls, name, bases, ns)

@deco("outer")
@deco("inner")
class A(metaclass=Meta, flag=True):
    """Docstring of A."""
    attr = 1
    __secret = "mangled"
    def get_secret(self):
        return self.__secret
    def who(self):
        return __class__.__name__
    class Nested:
        def method(self):
            pass

class B(A):
    def who(self):
        return "B+" + super().who()

print(A.__doc__, A.__module__, A.__qualname__, A.Nested.__qualname__)
print(A.Nested.method.__qualname__)
print(B().who(), A().get_secret(), "_A__secret" in A.__dict__)
print(sorted(k for k in A.__dict__ if not k.startswith("__")))

def factory():
    class Local:
        def m(self):
            pass
    return Local
print(factory().__qualname__, factory().m.__qualname__)

class WithClassCell:
    def m(self):
        return super()
print(type(WithClassCell().m()).__name__)

class Annotated:
    x: int
    y: str = "y"
print(Annotated.__annotations__)

x = "global"
class ScopeTest:
    x = "class"
    def method(self):
        return x
    lam = lambda self: x
print(ScopeTest().method(), ScopeTest().lam())

class Order:
    print("body start")
    a = 1
    print("body end", a)
