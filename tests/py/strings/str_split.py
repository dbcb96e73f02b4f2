# split, rsplit
for s in ["a b  c ", "  a\tb\nc  ", "", "   ", "é\u3000中\u2003😀", "a\x1cb\x1fc\x85d"]:
    print(s.split(), s.rsplit(), s.split(None, 1), s.rsplit(None, 1), s.split(maxsplit=0))
for s in ["a,b,,c", ",a,", "", "abc", "é,中,😀"]:
    print(s.split(","), s.rsplit(","), s.split(",", 1), s.rsplit(",", 1), s.split(sep=",", maxsplit=-1))
print("a--b--c".split("--"), "a--b--c".rsplit("--", 1), "aaa".split("a"), "aaaa".split("aa"), "aaaa".rsplit("aa", 1))
for f in [lambda: "a".split(""), lambda: "a".split(1), lambda: "a".split(",", "x"), lambda: "a".rsplit("")]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
