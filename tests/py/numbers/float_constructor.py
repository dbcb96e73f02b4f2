def t(*args, **kw):
    try:
        r = float(*args, **kw)
    except Exception as e:
        print(show(args), type(e).__name__, e)
    else:
        print(show(args), repr(r), type(r).__name__)

def show(args):
    return [a if type(a) in (str, bytes, int, float, complex, list, bytearray) or a is None
            else type(a).__name__ for a in args]

for s in ["1.5", "  1_000.5 ", "inf", "-inf", "+inf", "infinity", "-iNfInItY", "nan", "-nan", "NaN", "1e500",
          "-1e500", "1e-500", "1e", "1e+", "1e-", ".", ".5", "5.", "-.5", "+5.e3", "1_000", "1__0", "_1", "1_",
          "1._5", "1_.5", "1e1_0", "1e_10", "1_e10", "0x10", "  ", "", "x", "1.5x", "1 5", "١.٥", "\u00a01.5\u2003",
          "nan(1)", "infinit", "in", "0" * 400 + "1", "1" + "0" * 400, "0." + "0" * 400 + "1",
          "2.4703282292062327e-324", "2.4703282292062328e-324", "1.7976931348623158e308",
          "1.7976931348623159e308", "9007199254740993", "0.1", "1\x00", "--1", "+-1", "1e5000000000000",
          "1e-5000000000000", "00.5", "1.5e00001"]:
    t(s)
t(b"1.5")
t(b" 2 ")
t(b"x")
t(bytearray(b"2.5"))
t(None)
t([1])
t(1j)
t(x=1)
t(1, 2)
t()
t(5)
t(-5)
t(True)
t(10**400)
t(2**63 + 1)

class F:
    def __float__(self):
        return 2.5
class FBad:
    def __float__(self):
        return 1
class Idx:
    def __index__(self):
        return 7
class FSub(float):
    pass
class RetSub:
    def __float__(self):
        return FSub(1.25)
class Both:
    def __float__(self):
        return 1.0
    def __index__(self):
        return 2
t(F())
t(FBad())
t(Idx())
t(FSub(3.5))
t(Both())
