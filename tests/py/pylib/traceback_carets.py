import traceback
cases = ["x = a + b * c", "return a + b", "y = (a + b) * c", "f(a)[1] ** 2", "d['key']", "d[1][2]",
         "a+b", "a*(b)", "a  //  b", "f(x) - g(y) - h(z)", "a if b else c", "a < b", "x.y.z[0]",
         "-a + b", "a ** b ** c", "[1, 2][3]", "a[b + c]", "a @ b", "x = 'a+b' + c", "a << 2 | b",
         "foo(1, 2)", "a[1:2]", "(a)[1]", "obj.attr", "a + b  # comment", "not a + b", "1e-5 * x", "lambda: a+b",
         "a.b(c) + d[e]", "x = d [ 1 ]", "await a + b", "a % (b,)", "b'x' + c"]
for src in cases:
    line = "    " + src
    # highlight the part after "x = " / "return " if any
    start = src.find("= ") + 2 if "= " in src and src[0] != "(" else (7 if src.startswith("return ") else 0)
    fs = traceback.FrameSummary("f.py", 1, "fn", line=line, end_lineno=1, colno=4 + start, end_colno=len(line))
    print(traceback.StackSummary.from_list([fs]).format()[0], end="")
    fs = traceback.FrameSummary("f.py", 1, "fn", line=line, end_lineno=1, colno=4, end_colno=len(line))
    print(traceback.StackSummary.from_list([fs]).format()[0], end="")
fs = traceback.FrameSummary("f.py", 1, "fn", line="    e = ab + c", end_lineno=1, colno=8, end_colno=16)
print(traceback.format_list([fs])[0], end="")
fs = traceback.FrameSummary("f.py", 1, "fn", line="    call(a,", end_lineno=3, colno=4, end_colno=5)
print(traceback.format_list([fs])[0], end="")
fs = traceback.FrameSummary("f.py", 1, "fn", line="    x = call(a,", end_lineno=3, colno=8, end_colno=5)
print(traceback.format_list([fs])[0], end="")
stack = [traceback.FrameSummary("f.py", 5, "rec", line="rec()")] * 10 + [traceback.FrameSummary("f.py", 9, "end", line="end()")]
print("".join(traceback.format_list(stack)), end="")
stack = [traceback.FrameSummary("f.py", 5, "rec", line="rec()")] * 4
print("".join(traceback.format_list(stack)), end="")
fs = traceback.FrameSummary("f.py", 5, "rec", line="rec()", locals={"b": 2, "a": "s"})
print(traceback.format_list([fs])[0], end="")
fs = traceback.FrameSummary("f.py", 1, "fn", line="    \u00e9 = ab + \u00e7", end_lineno=1, colno=8, end_colno=16)
print(traceback.format_list([fs])[0], end="")
fs = traceback.FrameSummary("f.py", 1, "fn", line="    x = \u4e00\u4e01 + \u4e02", end_lineno=1, colno=8, end_colno=20)
print(traceback.format_list([fs])[0], end="")
