# startswith / endswith
s = "héllo world"
print(s.startswith("hé"), s.startswith("é", 1), s.startswith(("x", "hél")), s.startswith(""), s.startswith("world", 6))
print(s.endswith("world"), s.endswith("lo", 0, 5), s.endswith(("a", "b")), s.endswith("", 20), s.endswith("d", -1))
print("abc".startswith("abc", 0, 2), "abc".endswith("", 3), "abc".startswith("", 4), "".startswith(""))
for f in [lambda: s.startswith(1), lambda: s.endswith(("a", 1)), lambda: s.startswith(["a"])]:
    try:
        print(f())
    except TypeError as e:
        print(e)
