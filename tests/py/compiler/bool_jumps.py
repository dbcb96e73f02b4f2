# Boolean operators compiled as jumps: `and`/`or`/`not`, chained comparisons
# and conditional expressions, in if/while conditions and as values, over
# every combination of operand truth values.
shapes = [
    "a and b", "a or b", "not a", "not (a and b)", "not (a or b)",
    "a and b or c", "a or b and c", "(a or b) and c", "a and (b or c)",
    "not a and not b", "not (not a or b)", "a and not (b and c)",
    "(a if b else c)", "(a if not b else c) or b", "a and (b if c else not a)",
    "0 < a <= b", "a < b < c", "not (a == b != c)", "a is b or b is not c",
    "(a and b) == (b or c)", "a or (b and (c or (a and not b)))",
]
values = [0, 1, 2]
for shape in shapes:
    as_value = eval("lambda a, b, c: " + shape)
    src = ("def as_if(a, b, c):\n    if %s:\n        return 'T'\n    return 'F'\n" % shape +
           "def as_else(a, b, c):\n    if %s:\n        r = 'T'\n    else:\n        r = 'F'\n    return r\n" % shape +
           "def as_while(a, b, c):\n    n = 0\n    while (%s) and n < 1:\n        n += 1\n    return n\n" % shape +
           "def as_ifexp(a, b, c):\n    return 'T' if %s else 'F'\n" % shape +
           "def as_assert(a, b, c):\n    try:\n        assert %s, 'no'\n        return 'T'\n    except AssertionError:\n        return 'F'\n" % shape +
           "def as_comp(a, b, c):\n    return [x for x in (a, b, c) if %s]\n" % shape)
    ns = {}
    exec(src, ns)
    out = []
    for a in values:
        for b in values:
            for c in values:
                out.append("%s%s%s%d%s%s%d" % (
                    repr(as_value(a, b, c)), ns["as_if"](a, b, c), ns["as_else"](a, b, c),
                    ns["as_while"](a, b, c), ns["as_ifexp"](a, b, c), ns["as_assert"](a, b, c),
                    len(ns["as_comp"](a, b, c))))
    print(shape.ljust(36), " ".join(out))

# Side effects happen once and in order.
log = []
def t(v):
    log.append(v)
    return v
if t(1) and t(0) or t(2) and not t(0):
    log.append("then")
print(log)
log.clear()
print(t(1) < t(2) < t(0) < t(3), log)
