# find, rfind, index, rindex, count
s = "héllo wörld, héllo"
for sub in ["l", "é", "héllo", "z", "", "ö"]:
    print(repr(sub), s.find(sub), s.rfind(sub), s.count(sub))
print(s.find("l", 5), s.find("l", 5, 8), s.rfind("l", 0, 4), s.find("l", -4), s.count("l", 3, -3))
print("abc".find("", 3), "abc".find("", 4), "abc".rfind(""), "abc".count(""), "abc".count("", 2), "abc".count("", 5))
print("aaaa".count("aa"), "aaaa".find("aa", 1), "x".find("xx"), "abc".find("c", None, None))
print(s.index("w"), s.rindex("é"))
for f in [lambda: s.index("z"), lambda: s.rindex("q"), lambda: s.find(1), lambda: s.count(None),
          lambda: s.find("a", "b"), lambda: s.find(), lambda: s.find("a", 1, 2, 3)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
big = "é" * 1000 + "needle" + "中" * 1000
print(big.find("needle"), big.rfind("中"), big.find("中", 1500), big.count("é", 10, 20))
