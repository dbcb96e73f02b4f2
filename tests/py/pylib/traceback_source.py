import sys, traceback, linecache
def inner(d):
    return d["missing"] + 1
def middle(x):
    return inner({}) * x
def fmt():
    try:
        middle(2)
    except KeyError:
        return traceback.format_exc().replace(__file__, "FILE")
print(fmt())
def chained():
    try:
        [1, 2][5]
    except IndexError as e:
        raise ValueError("wrapped") from e
try:
    chained()
except ValueError:
    print(traceback.format_exc().replace(__file__, "FILE"), end="")
def rec(n):
    if n == 0:
        raise RuntimeError("deep")
    return rec(n - 1)
try:
    rec(10)
except RuntimeError as e:
    print("".join(traceback.format_exception(e)).replace(__file__, "FILE"))
print(traceback.extract_stack()[-1].line, traceback.format_stack()[-1].replace(__file__, "FILE"), end="")
print(repr(linecache.getline(__file__, 2)), linecache.getline(__file__, 10**6) == "", linecache.getlines("/nonexistent/x.py"))
x = (1 +
     2)
import warnings
warnings.simplefilter("always")
class Out:
    def write(self, s): sys.stdout.write(s.replace(__file__, "FILE"))
sys.stderr = Out()
warnings.warn("with source line")
def deprecated():
    warnings.warn("old", DeprecationWarning, stacklevel=2)
deprecated()
sys.stderr = sys.__stderr__
