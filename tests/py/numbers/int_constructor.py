def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r), type(r).__name__)

t(lambda: int())
t(lambda: int(5))
t(lambda: int(-5.9))
t(lambda: int(5.9))
t(lambda: int(1e20))
t(lambda: int(-1e300))
t(lambda: int(2.0**70))
t(lambda: int(float('inf')))
t(lambda: int(float('-inf')))
t(lambda: int(float('nan')))
t(lambda: int(True))
t(lambda: int("  42  "))
t(lambda: int(b"42"))
t(lambda: int(bytearray(b"-7")))
t(lambda: int(None))
t(lambda: int([1]))
t(lambda: int(1j))
t(lambda: int(5, 2))
t(lambda: int(base=2))
t(lambda: int(x="1"))
t(lambda: int("1", base=2.0))
t(lambda: int("1", 2, 3))
t(lambda: int("10", base=2))
t(lambda: int("10", 2, base=2))
t(lambda: int("1", foo=2))
t(lambda: int("z", base=36))
t(lambda: int("12", True))

class Idx:
    def __index__(self):
        return 7
class IntM:
    def __int__(self):
        return 8
class Tr:
    def __trunc__(self):
        return 9
class TrIdx:
    def __trunc__(self):
        return Idx()
class TrBad:
    def __trunc__(self):
        return "x"
class IntBad:
    def __int__(self):
        return 1.5
class IdxBad:
    def __index__(self):
        return 2.5
class Both:
    def __int__(self):
        return 1
    def __index__(self):
        return 2
class IntSub(int):
    pass
class RetSub:
    def __int__(self):
        return IntSub(11)
t(lambda: int(Idx()))
t(lambda: int(IntM()))
t(lambda: int(IntBad()))
t(lambda: int(IdxBad()))
t(lambda: int(Both()))
t(lambda: int(IntSub(5)))
t(lambda: int("11", Idx()))
t(lambda: int("11", IntM()))
