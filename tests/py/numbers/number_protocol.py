def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r), type(r).__name__)

class Idx:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v
class IntSub(int):
    pass
t(lambda: range(5))
t(lambda: range(True))
t(lambda: range(Idx(7)))
t(lambda: range(Idx("x")))
t(lambda: range(2.5))
t(lambda: range("1"))
t(lambda: range(IntSub(9)))
t(lambda: [10, 20, 30][Idx(1)])
t(lambda: [10, 20, 30][Idx(2**100)])
t(lambda: "abc"[Idx(-1)])
t(lambda: "abc" * Idx(2))
t(lambda: range(Idx(3)))
t(lambda: hex(Idx(255)))
t(lambda: bin(Idx(5)))
t(lambda: oct(-Idx(8).v))
t(lambda: hex(2.5))
t(lambda: bin(-10**20))
t(lambda: oct(True))
t(lambda: hex(0))
t(lambda: hex(-255))
t(lambda: bin(2**70))
class N:
    def __add__(self, o):
        return "N+"
    def __radd__(self, o):
        return "+N"
    def __rpow__(self, o, m=None):
        return ("rpow", o, m)
t(lambda: 1 + N())
t(lambda: 1.5 + N())
t(lambda: 1j + N())
t(lambda: N() + 1)
t(lambda: 2 ** N())
t(lambda: 2.0 ** N())
t(lambda: 1 + [])
t(lambda: 1.5 * {})
t(lambda: 2j - "x")
t(lambda: -"x")
t(lambda: 5 @ 5)
t(lambda: 5.0 @ 5.0)
