def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r), type(r).__name__)

print(True, False, repr(True), str(False), type(True), isinstance(True, int), bool.__mro__)
t(lambda: bool())
t(lambda: bool(0))
t(lambda: bool(2))
t(lambda: bool(""))
t(lambda: bool("a"))
t(lambda: bool([]))
t(lambda: bool(0.0))
t(lambda: bool(-0.0))
t(lambda: bool(float('nan')))
t(lambda: bool(0j))
t(lambda: bool(1j))
t(lambda: bool(None))
t(lambda: bool(1, 2))
t(lambda: bool(x=1))
t(lambda: True & True)
t(lambda: True & False)
t(lambda: True | False)
t(lambda: False | False)
t(lambda: True ^ True)
t(lambda: True ^ False)
t(lambda: True & 1)
t(lambda: 1 & True)
t(lambda: True | 2)
t(lambda: True ^ 3)
t(lambda: ~True)
t(lambda: -True)
t(lambda: True + True)
t(lambda: True / True)
t(lambda: True ** 2)
t(lambda: True == 1)
t(lambda: True is (1 == 1))
t(lambda: hash(True))
t(lambda: bool.__new__(bool, 1))
t(lambda: int(True))
t(lambda: float(True))
t(lambda: True.__and__(1))
t(lambda: True.__rand__(True))
t(lambda: bool.__or__(False, True))
t(lambda: str(True), )
t(lambda: f"{True} {False!r} {True:d} {True:>5}")
class C:
    def __bool__(self):
        return 0
class D:
    def __len__(self):
        return 3
class E:
    def __bool__(self):
        raise ValueError("nope")
t(lambda: bool(C()))
t(lambda: bool(D()))
t(lambda: bool(E()))
t(lambda: True.__class__)
t(lambda: sum([True, True, False]))
