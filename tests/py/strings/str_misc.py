# misc: f-strings, multiplication limits, interning-visible behaviour, str methods as functions
x, y = "é", 3
print(f"{x}{y:>3}{x!r}{y!s:<2}|{'ab'*2}|{x:^5}|")
print(str.upper("abc"), str.join(",", "ab"), "a".__len__(), "ab".__contains__("b"), "ab".__getitem__(1), "a".__add__("b"))
print("abc".__mul__(2), "abc".__rmul__(2), "x".__mod__(()), "%s".__mod__("y"), "a".__lt__("b"), "a".__eq__(1))
for f in [lambda: "a" * (2**63), lambda: "ab" * (2**62), lambda: "a" * 10**12]:
    try:
        print(len(f()))
    except (OverflowError, MemoryError) as e:
        print(type(e).__name__)
print("abc".__getnewargs__(), "é".encode().decode())
