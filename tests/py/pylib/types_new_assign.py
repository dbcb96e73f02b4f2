# __new__ assigned to a class after its creation, including built-in ones.
class B:
    pass
class D(B):
    pass
D.__new__ = object.__new__
print(type(D()).__name__)
class F(int):
    pass
F.__new__ = int.__new__
print(F(5), type(F(5)).__name__)
class G:
    pass
def gnew(cls, *args, **kwargs):
    print("gnew", cls.__name__, args, kwargs)
    return object.__new__(cls)
G.__new__ = gnew
G(1, k=2)
G.__new__ = staticmethod(gnew)
G(3)
