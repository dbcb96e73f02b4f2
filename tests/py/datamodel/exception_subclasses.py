# Subclasses of exceptions: args, __str__/__repr__, extra attributes, groups.
class E(Exception):
    pass
e = E(1, 2)
print(e.args, str(e), repr(e), E(), repr(E()), str(E("x")), repr(E("x")))
class E2(Exception):
    def __init__(self, a, b=0):
        self.a = a
        self.b = b
e2 = E2(1, b=2)
print(e2.args, str(e2), repr(e2), e2.a)
class E3(Exception):
    def __new__(cls, *args):
        self = super().__new__(cls, *args)
        self.extra = "n"
        return self
e3 = E3(7)
print(e3.args, e3.extra)
class E4(KeyError): pass
print(str(E4("k")), repr(E4("k")))
class E5(OSError): pass
e5 = E5(2, "No such file")
print(e5.errno, e5.strerror, str(e5), type(e5).__name__)
print(type(OSError(2, "x")).__name__)
class E6(Exception):
    def __str__(self): return "custom str"
try:
    raise E6("ignored")
except E6 as ex:
    print(ex, repr(ex), ex.args)
class E7(Exception):
    def __repr__(self): return "E7!"
print(repr(E7()), str(E7("s")))
e = E(1)
e.args = (3, 4)
print(e.args, e)
e.args = [5]
print(e.args, type(e.args))
print(e.__dict__, e.__traceback__, e.__cause__, e.__context__, e.__suppress_context__)
e.custom = 1
print(e.__dict__)
try: e.__cause__ = 5
except TypeError as ex: print(ex)
try: e.__traceback__ = 5
except TypeError as ex: print(ex)
e.with_traceback(None)
class MyGroup(ExceptionGroup):
    pass
g = MyGroup("msg", [ValueError(1), TypeError(2)])
print(type(g).__name__, g, g.exceptions, repr(g))
s = g.subgroup(lambda x: isinstance(x, ValueError))
print(type(s).__name__, s)
m, r = g.split(TypeError)
print(type(m).__name__, m.exceptions, type(r).__name__, r.exceptions)
class MyGroup2(ExceptionGroup):
    def derive(self, excs):
        return MyGroup2(self.message + "!", excs)
g2 = MyGroup2("m", [ValueError(1), TypeError(2)])
print(g2.subgroup(ValueError), type(g2.subgroup(ValueError)).__name__)
try:
    class BadGroup(ExceptionGroup, ValueError): pass
    print(BadGroup("x", [ValueError()]).__class__.__mro__)
except TypeError as ex: print(ex)
print(BaseExceptionGroup("x", [ValueError()]).__class__.__name__)
print(BaseExceptionGroup("x", [KeyboardInterrupt()]).__class__.__name__)
class BEG(BaseExceptionGroup): pass
print(type(BEG("x", [ValueError()])).__name__)
try:
    raise E(1) from ValueError(2)
except E as ex:
    print(repr(ex.__cause__), ex.__suppress_context__)
class StopI(StopIteration): pass
print(StopI(5).value)
class SE(SyntaxError): pass
se = SE("msg", ("f.py", 1, 2, "text", 1, 3))
print(se.filename, se.lineno, se.offset, se.text, se.msg, str(se))
class AE(AttributeError): pass
print(AE("x", name="n", obj=1).name)
class UE(UnicodeDecodeError): pass
print(str(UE('utf-8', b'\xff', 0, 1, 'bad')))
class EWithSlots(Exception):
    __slots__ = ('q',)
ews = EWithSlots(); ews.q = 2; print(ews.q)
print(issubclass(E, BaseException), E.__mro__)
class Both(E, ValueError): pass
print(Both.__mro__)
try:
    class Bad2(KeyError, OSError): pass
except TypeError as ex: print(ex)
print(Exception("a") == Exception("a"), hash(Exception) is not None)
print(E.__init__ is Exception.__init__, E.__new__ is Exception.__new__)
print(BaseException.__reduce__(E(1, 2)), E(1).__reduce__())
ee = E(1); ee.x = 2; print(ee.__reduce__())
print(ee.__getstate__() if hasattr(ee, '__getstate__') else None)
