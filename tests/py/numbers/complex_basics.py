def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r), type(r).__name__)

t(lambda: complex())
t(lambda: complex(1))
t(lambda: complex(1, 2))
t(lambda: complex(1.5, -2.5))
t(lambda: complex(real=1, imag=2))
t(lambda: complex(imag=2))
t(lambda: complex(1j, 1j))
t(lambda: complex(1 + 2j, 3 + 4j))
t(lambda: complex(1j))
t(lambda: complex(True, False))
t(lambda: complex(10**400))
t(lambda: complex(None))
t(lambda: complex(1, None))
t(lambda: complex("1+2j", 1))
t(lambda: complex(1, "1"))
t(lambda: complex([]))
t(lambda: complex(1, 2, 3))
t(lambda: complex(foo=1))
for s in ["1+2j", "1-2j", "  ( 1+2j )  ", "(1+2j", "1+2j)", "j", "-j", "+j", "1-j", "1+j", "2j", "-2.5J", "1e500j",
          "nanj", "infj", "-inf-nanj", "1", "1.5", " ", "", "1+2", "1+2jj", "1 + 2j", "1_2j", "1__2j", "_1j", "1_j",
          "1e1_0+1j", "1+2j\x00", "١+٢j", "(j)", "()", "0x1j", "1e+5-1e-5j", "-0-0j", "0j", "-0j"]:
    t(lambda: complex(s))
class C:
    def __complex__(self):
        return 1 + 1j
class CBad:
    def __complex__(self):
        return 1.5
class CF:
    def __float__(self):
        return 2.5
class CI:
    def __index__(self):
        return 3
class CSub(complex):
    pass
class Ret:
    def __complex__(self):
        return CSub(2, 3)
t(lambda: complex(C()))
t(lambda: complex(CBad()))
t(lambda: complex(CF()))
t(lambda: complex(CI(), CF()))
t(lambda: complex(CSub(1, 2)))
t(lambda: complex(C(), 1))
z = 3 - 4j
print(z.real, z.imag, z.conjugate(), abs(z), z.__complex__(), z.__getnewargs__(), hash(z), bool(z), bool(0j))
t(lambda: z.__sizeof__())
t(lambda: setattr(z, 'real', 1))
t(lambda: (1j).__complex__() is (1j).__complex__())
t(lambda: CSub(1, 2) + 1)
t(lambda: type(CSub(1, 2).conjugate()).__name__)
t(lambda: type(+CSub(1, 2)).__name__)
t(lambda: type(CSub(1, 2).__complex__()).__name__)
