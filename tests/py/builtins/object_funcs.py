# repr/str/ascii/format, getattr family, isinstance/issubclass, callable, type, id, dir, vars.
class C:
    a = 1

    def m(self):
        return 2


c = C()
print(repr("x'y"), str(3), ascii("héllo"), format(3.14159, ".2f"), format(42, "08b"), format("x", ">3"))
print(getattr(c, "a"), getattr(c, "zz", None), hasattr(c, "m"), hasattr(c, "q"))
setattr(c, "b", 5)
print(c.b, vars(c))
delattr(c, "b")
print(vars(c))
print(isinstance(3, int), isinstance(True, int), isinstance(3, (str, float)), isinstance("s", (int, (str,))))
print(issubclass(bool, int), issubclass(int, (str, object)), issubclass(C, C))
print(callable(len), callable(C), callable(c), callable(c.m), callable(3))
print(type(3) is int, type("s").__name__, type(c) is C, type(type))
print(id(c) == id(c), id(c) != id(C()))
print([n for n in dir(c) if not n.startswith("_")], "a" in dir(C))
print(sorted(vars(C).keys() - {"__dict__", "__weakref__", "__module__", "__doc__", "__qualname__"}))
for bad in ["getattr(c, 1)", "isinstance(1, 2)", "issubclass(1, int)", "setattr(1, 'x', 2)", "vars(1)",
            "format(1, 'q')", "c.nope"]:
    try:
        eval(bad)
    except Exception as e:
        print(bad, "->", type(e).__name__, e)
