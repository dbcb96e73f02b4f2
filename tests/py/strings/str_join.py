# join
print(",".join(["a", "b", "c"]), "".join([]), "é".join("abc"), "-".join(("x",)), " ".join(iter(["1", "2"])))
print("中".join(["😀", "a", ""]), repr("".join(["", ""])))
for arg in [[1, 2], ["a", 2], 5, None, ["a", b"b"]]:
    try:
        print(",".join(arg))
    except TypeError as e:
        print(e)
class S(str):
    pass
print(",".join([S("a"), S("b")]), type(",".join([S("a")])).__name__)
