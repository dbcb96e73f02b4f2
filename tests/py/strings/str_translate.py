# translate and maketrans
t = str.maketrans("abc", "xyz", "d")
print(sorted(t.items()))
print("abcdd e".translate(t), "héllo".translate({ord("é"): "e", ord("l"): None}), "abc".translate({97: 0x4e2d}))
print(sorted(str.maketrans({"a": "b", 98: None}).items()))
print("abc".translate([None, "x"]), "abc".translate({}))
for f in [lambda: str.maketrans("ab", "c"), lambda: str.maketrans(1), lambda: str.maketrans({"ab": 1}),
          lambda: str.maketrans({1.5: 1}), lambda: "a".translate({97: 1.5}), lambda: "a".translate({97: -1}),
          lambda: str.maketrans(1, "a")]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
