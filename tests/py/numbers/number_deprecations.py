# Conversions CPython 3.11 still performs but warns about (DeprecationWarning).
class IntSub(int):
    pass
class FSub(float):
    pass
class CSub(complex):
    pass
class Tr:
    def __trunc__(self):
        return 9
class TrIdx:
    class I:
        def __index__(self):
            return 4
    def __trunc__(self):
        return self.I()
class TrBad:
    def __trunc__(self):
        return "x"
class RetInt:
    def __int__(self):
        return IntSub(11)
class RetIdx:
    def __index__(self):
        return IntSub(12)
class RetFloat:
    def __float__(self):
        return FSub(1.25)
class RetComplex:
    def __complex__(self):
        return CSub(2, 3)
for f in (lambda: int(Tr()), lambda: int(TrIdx()), lambda: int(TrBad()), lambda: int(RetInt()),
          lambda: type(int(RetInt())), lambda: [1, 2, 3][RetIdx() and 0], lambda: float(RetFloat()),
          lambda: complex(RetComplex())):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
