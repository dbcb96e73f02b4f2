# Subclasses of ExceptionGroup/BaseExceptionGroup: __new__, derive(), split/subgroup, except*.
class MyEG(ExceptionGroup):
    def __new__(cls, msg, excs, extra=None):
        self = super().__new__(cls, msg, excs)
        self.extra = extra
        return self
    def __init__(self, msg, excs, extra=None):
        super().__init__(msg, excs)
    def derive(self, excs):
        return MyEG(self.message, excs, self.extra)
eg = MyEG("m", [ValueError(1), TypeError(2), MyEG("inner", [KeyError(3)], "x")], extra="E")
print(eg, repr(eg), eg.extra, eg.args)
m, r = eg.split(ValueError)
print(repr(m), m.extra, repr(r), r.extra)
print(repr(eg.subgroup(lambda e: isinstance(e, KeyError))))
try:
    raise eg
except* ValueError as g:
    print("caught", repr(g), type(g).__name__)
except* (TypeError, KeyError) as g:
    print("caught2", repr(g))
try: ExceptionGroup("x", [])
except ValueError as e: print(e)
try: ExceptionGroup("x", [1])
except ValueError as e: print(e)
try: ExceptionGroup(1, [ValueError()])
except TypeError as e: print(e)
try: ExceptionGroup("m", [KeyboardInterrupt()])
except TypeError as e: print(e)
try: ExceptionGroup("m", ValueError())
except TypeError as e: print(e)
class NotEG(Exception): pass
try:
    class Bad(ExceptionGroup, NotEG): pass
    print(Bad.__mro__)
    Bad("m", [ValueError()])
except TypeError as e: print(e)
beg = BaseExceptionGroup("b", [KeyboardInterrupt(), ValueError()])
print(type(beg).__name__, type(beg.split(ValueError)[0]).__name__, type(beg.split(KeyboardInterrupt)[0]).__name__)
class MyBEG(BaseExceptionGroup): pass
print(type(MyBEG("m", [ValueError()])).__name__)
e = ExceptionGroup("msg", [ValueError("a")])
e.add_note("note1")
print(e.__notes__, e.exceptions, e.message, str(e), e.args)
print(ExceptionGroup.__mro__, BaseExceptionGroup.__mro__)
print(issubclass(ExceptionGroup, Exception), issubclass(BaseExceptionGroup, Exception))
