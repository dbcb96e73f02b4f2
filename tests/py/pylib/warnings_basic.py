import sys
import warnings

class Out:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s)
    def text(self):
        t = "".join(self.parts); self.parts.clear(); return t.replace(__file__, "FILE")

out = Out()
saved_stderr = sys.stderr
sys.stderr = out
print(warnings.filters[:5])

def f(msg, cat=UserWarning, level=1):
    warnings.warn(msg, cat, stacklevel=level)

for i in range(3):
    f("hello")          # default action: shown once per location
print(repr(out.text().splitlines()[0]))
warnings.warn("direct")
print(repr(out.text().splitlines()[0]))
f("deprec", DeprecationWarning)
print(repr(out.text().splitlines()[0]))
warnings.warn("dep main", DeprecationWarning)
print(repr(out.text().splitlines()[0]))
warnings.warn("pending", PendingDeprecationWarning)
print(repr(out.text()))

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    f("a"); f("a"); f("b", RuntimeWarning)
    print(len(w), [str(x.message) for x in w], [x.category.__name__ for x in w])
    print(w[0].filename == __file__, type(w[0].lineno))
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        f("boom", RuntimeWarning)
    except RuntimeWarning as e:
        print("raised", type(e).__name__, e)
    warnings.filterwarnings("ignore", message="quiet")
    f("quiet please")
    f("Quiet too")
    try:
        f("loud")
    except UserWarning as e:
        print("raised", e)
print(len(warnings.filters))
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("once")
    for i in range(3):
        f("once msg")
        warnings.warn("once msg")
    print(len(w))
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("module")
    for i in range(3):
        f("mod msg")
        warnings.warn("mod msg")
    print(len(w))
with warnings.catch_warnings(record=True) as w:
    warnings.resetwarnings()
    f("x"); f("x")
    print(len(w), warnings.filters)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    warnings.warn(RuntimeWarning("instance"))
    print(w[0].category.__name__, w[0].message, type(w[0].message).__name__)
    f("deep", level=2)
    print(w[-1].lineno == sys._getframe().f_lineno - 1)
    print(str(w[0]).replace(repr(__file__), "F").split("lineno")[0])
print(warnings.formatwarning("msg", UserWarning, "file.py", 10, "  x = 1  "))
print(repr(warnings.formatwarning("msg", DeprecationWarning, "<string>", 3)))
warnings.showwarning("shown", FutureWarning, "a.py", 5, line="src line")
print(repr(out.text()))
o2 = Out()
warnings.showwarning("shown", FutureWarning, "a.py", 5, file=o2, line="")
print(repr(o2.text()))
for bad in [lambda: warnings.warn("x", int), lambda: warnings.warn("x", "cat"),
            lambda: warnings.simplefilter("bogus"), lambda: warnings.filterwarnings("ignore", category=int),
            lambda: warnings.filterwarnings("ignore", lineno=-1), lambda: warnings.filterwarnings("ignore", message=3)]:
    try:
        bad()
    except (TypeError, AssertionError) as e:
        print(type(e).__name__, e)
cw = warnings.catch_warnings(record=True)
print(repr(cw), repr(warnings.catch_warnings()))
cw.__enter__()
try:
    cw.__enter__()
except RuntimeError as e:
    print(e)
cw.__exit__(None, None, None)
try:
    warnings.catch_warnings().__exit__(None, None, None)
except RuntimeError as e:
    print(e)
old = warnings.showwarning
def mine(message, category, filename, lineno, file=None, line=None):
    print("mine:", message, category.__name__, lineno > 0)
warnings.showwarning = mine
warnings.warn_explicit("explicit", UserWarning, "fake.py", 42)
warnings.warn_explicit("explicit", UserWarning, "fake.py", 42, registry={})
reg = {}
warnings.warn_explicit("reg", UserWarning, "fake.py", 43, registry=reg)
warnings.warn_explicit("reg", UserWarning, "fake.py", 43, registry=reg)
print(sorted(k for k in reg if k != 'version'))
warnings.showwarning = old
with warnings.catch_warnings(action="ignore"):
    f("not shown")
print(repr(out.text()))
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    warnings.warn("lvl", stacklevel=100)
    print(w[0].filename, w[0].lineno)
sys.stderr = saved_stderr
