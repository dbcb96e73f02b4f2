# Exception objects: args, str, repr, the attributes of the special classes.
e = ValueError("bad", 3)
print(e.args, str(e), repr(e), repr(ValueError()), str(ValueError()), repr(ValueError("x")))
print(str(KeyError("k")), repr(KeyError("k")), str(KeyError("a", "b")), str(KeyError()))
s = StopIteration(5)
print(s.value, StopIteration().value, SystemExit(2).code, SystemExit().code, SystemExit(1, 2).code)
o = OSError(2, "No such file or directory", "f.txt")
print(type(o).__name__, o.errno, o.strerror, o.filename, str(o), o.args)
print(type(OSError(13, "denied")).__name__, str(OSError("plain")), isinstance(FileNotFoundError(), OSError))
print(EnvironmentError is OSError, IOError is OSError)
i = ImportError("nope", name="mod", path="/x")
print(i.msg, i.name, i.path, str(i))
se = SyntaxError("invalid syntax", ("f.py", 3, 5, "x = = 1\n", 3, 6))
print(se.msg, se.filename, se.lineno, se.offset, repr(se.text), se.end_lineno, str(se))
a = AttributeError("no attr", name="x", obj=5)
print(a.name, a.obj, NameError("n", name="y").name)
u = UnicodeDecodeError("utf-8", b"\xff\xfe", 0, 1, "invalid start byte")
print(str(u), u.start, u.end, u.reason)
ue = UnicodeEncodeError("ascii", "h\xe9llo", 1, 2, "ordinal not in range(128)")
print(str(ue))
print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(KeyError, LookupError),
      issubclass(ModuleNotFoundError, ImportError), issubclass(RecursionError, RuntimeError),
      issubclass(TabError, SyntaxError), issubclass(BrokenPipeError, ConnectionError))
print([c.__name__ for c in KeyboardInterrupt.__mro__])
e2 = RuntimeError("r")
print(e2.__cause__, e2.__context__, e2.__suppress_context__, e2.__traceback__)
e2.__cause__ = ValueError("c")
print(repr(e2.__cause__), e2.__suppress_context__)
e2.add_note("first note")
e2.add_note("second")
print(e2.__notes__)
try:
    e2.__cause__ = 5
except TypeError as err:
    print("TypeError:", err)
try:
    ValueError(x=1)
except TypeError as err:
    print("TypeError:", err)


class MyError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code

    def __str__(self):
        return f"[{self.code}] {self.args[0]}"


m = MyError(42, "custom")
print(str(m), repr(m), m.code, m.args, isinstance(m, Exception))
print(BaseException.__doc__, ValueError.__doc__)
