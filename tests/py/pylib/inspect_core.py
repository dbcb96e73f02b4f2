import inspect, sys, types

def func(a, b=2):
    """Docstring of func.

        Indented more.
    Back.
    """
    return a + b

@staticmethod
def _dummy(): pass

class Base:
    """Base class doc."""
    attr = 1
    def method(self):
        """Method doc."""
        return 1
    @property
    def prop(self):
        return 2
    @classmethod
    def cm(cls): pass

class Child(Base):
    def method(self):
        return 3

def gen():
    yield 1

async def coro():
    pass

async def agen():
    yield 1

print(inspect.ismodule(inspect), inspect.isclass(Base), inspect.isclass(Base()), inspect.isfunction(func), inspect.isfunction(len))
print(inspect.ismethod(Base().method), inspect.ismethod(Base.method), inspect.isbuiltin(len), inspect.isbuiltin([].append), inspect.isroutine(len), inspect.isroutine(str.join), inspect.isroutine(func))
print(inspect.isgeneratorfunction(gen), inspect.isgeneratorfunction(func), inspect.iscoroutinefunction(coro), inspect.isasyncgenfunction(agen))
g = gen(); c = coro(); ag = agen()
print(inspect.isgenerator(g), inspect.iscoroutine(c), inspect.isasyncgen(ag), inspect.isawaitable(c), inspect.isawaitable(g))
c.close()
print(inspect.iscode(func.__code__), inspect.isframe(sys._getframe()), inspect.ismethoddescriptor(str.join), inspect.isdatadescriptor(Base.prop), inspect.isgetsetdescriptor(types.FunctionType.__code__), inspect.ismemberdescriptor(types.FunctionType.__globals__))
try:
    1 / 0
except ZeroDivisionError as e:
    print(inspect.istraceback(e.__traceback__))
print(inspect.getgeneratorstate(g), next(g), inspect.getgeneratorstate(g))
g.close(); print(inspect.getgeneratorstate(g))
print([n for n, v in inspect.getmembers(Child) if not n.startswith("__")])
print([n for n, v in inspect.getmembers(Child, inspect.isfunction)])
print(inspect.getmembers(Child(), lambda v: isinstance(v, int)))
print(inspect.getmro(Child), inspect.getdoc(func), repr(inspect.getdoc(Child)), inspect.getdoc(Child.method), inspect.getdoc(Child().method))
print(repr(inspect.cleandoc("   first\n     second\n       third\n\n")), repr(inspect.cleandoc("\n\n  x\n  y\n")))
print(inspect.getfile(func) == __file__, inspect.getmodule(func) is sys.modules[__name__], inspect.getmodule(Base).__name__, inspect.getsourcefile(func) == __file__)
print(inspect.getsource(func), end="")
print(inspect.getsource(Base), end="")
print(inspect.getsource(Child.method), end="")
lines, start = inspect.getsourcelines(gen)
print(start, lines)
print(inspect.getcomments(func))
f = inspect.currentframe()
print(f.f_code.co_name, f is sys._getframe())
def inner():
    st = inspect.stack()
    return [(fi.function, fi.lineno, fi.code_context, fi.index) for fi in st[:2]], st[0].filename == __file__
print(inner())
def tb():
    try:
        raise ValueError
    except ValueError:
        return [(fi.function, fi.code_context[0].strip()) for fi in inspect.trace()]
print(tb())
fi = inspect.getframeinfo(sys._getframe())
print(fi.function, fi.lineno, fi.code_context, fi.index, fi.positions.lineno)
print(inspect.getmodulename("/a/b/mod.py"), inspect.getmodulename("x.txt"), inspect.indentsize("    x"), inspect.indentsize("\tx"))
class Loop:
    pass
l = Loop(); l.__wrapped__ = l
try: inspect.unwrap(l)
except ValueError as e: print("ValueError", str(e).split(" at ")[0])
for bad in [lambda: inspect.getfile(1), lambda: inspect.getfile(sys), lambda: inspect.getsource(len), lambda: inspect.get_annotations(1)]:
    try: bad()
    except (TypeError, OSError) as e: print(type(e).__name__, e)
class A:
    x: int
    y: "str" = "q"
print(inspect.get_annotations(A), inspect.get_annotations(A, eval_str=True), inspect.get_annotations(func), inspect.get_annotations(sys.modules[__name__]))
try:
    from abc import ABC, abstractmethod
    class Abs(ABC):
        @abstractmethod
        def m(self): pass
    print(inspect.isabstract(Abs), inspect.isabstract(Base))
except ImportError:
    print(True, False)
print(type(inspect.getattr_static(Child(), "prop")).__name__, inspect.getattr_static(Child, "attr"))
print(inspect.getargvalues(sys._getframe()).args)
