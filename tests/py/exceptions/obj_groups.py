# ExceptionGroup / BaseExceptionGroup objects: construction rules, split, subgroup, derive.
eg = ExceptionGroup("many", [ValueError(1), TypeError(2), ExceptionGroup("inner", [ValueError(3), KeyError(4)])])
print(str(eg), repr(eg.message), len(eg.exceptions), type(eg).__name__)
print(isinstance(eg, Exception), isinstance(eg, BaseExceptionGroup))
m, r = eg.split(ValueError)
print(repr(m), repr(r))
print(repr(eg.subgroup(lambda e: isinstance(e, (KeyError, TypeError)))))
print(eg.subgroup(OSError))
b = BaseExceptionGroup("base", [KeyboardInterrupt()])
print(type(b).__name__, type(BaseExceptionGroup("b", [ValueError()])).__name__)
for bad in ["ExceptionGroup('x', [])", "ExceptionGroup('x', [KeyboardInterrupt()])", "ExceptionGroup(1, [ValueError()])",
            "ExceptionGroup('x', [1])", "ExceptionGroup('x', 5)", "eg.split(5)"]:
    try:
        eval(bad)
    except Exception as e:
        print(bad, "->", type(e).__name__, e)
d = eg.derive([ValueError("d")])
print(repr(d), d.__traceback__)
