import traceback
def show(e, **kw):
    print("".join(traceback.format_exception(e, **kw)) if not kw else "".join(traceback.TracebackException.from_exception(e, **kw).format()), end="")
eg = ExceptionGroup("many", [ValueError(i) for i in range(20)])
show(eg)
traceback.TracebackException.from_exception(eg, max_group_width=3).print(file=__import__("sys").stdout)
deep = ValueError("leaf")
for i in range(5):
    deep = ExceptionGroup("level %d" % i, [deep, TypeError(i)])
traceback.TracebackException.from_exception(deep, max_group_depth=2).print(file=__import__("sys").stdout)
try:
    try:
        raise ExceptionGroup("inner", [KeyError("k")])
    except ExceptionGroup as e:
        raise RuntimeError("outer") from e
except RuntimeError as e:
    show(e)
beg = BaseExceptionGroup("base", [KeyboardInterrupt(), ValueError(1)])
show(beg)
e = ExceptionGroup("noted", [ValueError("x")])
e.add_note("group note")
e.exceptions[0].add_note("child note")
show(e)
print(traceback.format_exception_only(eg))
