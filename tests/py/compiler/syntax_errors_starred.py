# SyntaxErrors about starred expressions and pattern limits raised by the
# compiler (not the parser), with CPython's positions.
names = ", ".join("a%d" % i for i in range(256))
fewer = ", ".join("a%d" % i for i in range(255))
snippets = [
    "*a\n",
    "x = *a\n",
    "del *a, b\n",
    "(*a) = 1\n",
    "print(*a if b else c)\n",
    "return_value = (*a, *b)\n",
    "x = [*a, *b], {*a}, {**d}\n",
    "y = a[*b]\n",
    "for *x, y in z: pass\n",
    "for *x, *y in z: pass\n",
    "with f() as (a, *b, *c): pass\n",
    "[*a for a in b]\n",
    names + ", *b = x\n",
    fewer + ", *b = x\n",
    "match x:\n case {f'x': 1}: pass\n",
    "match x:\n case {-0j: 1}: pass\n",
    "match x:\n case 1+1: pass\n",
    "match x:\n case [" + names + ", *b]: pass\n",
    "match x:\n case [" + fewer + ", *b]: pass\n",
    "match x:\n case (" + fewer + ", *b): pass\n",
]
for src in snippets:
    try:
        compile(src, "<test>", "exec")
        print("compiled:", repr(src[:30]))
    except SyntaxError as e:
        print(type(e).__name__, e.msg[:90], (e.lineno, e.offset, e.end_lineno, e.end_offset))
