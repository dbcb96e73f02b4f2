# strip family, removeprefix, removesuffix
print(repr("  \t é \n".strip()), repr("xxhixx".strip("x")), repr("ééaé".lstrip("é")), repr("a\u3000".rstrip()))
print(repr("".strip()), repr("abc".strip("cba")), repr("  a  ".lstrip()), repr("  a  ".rstrip()), repr("ab".strip(None)))
print(repr("\x1c\x1d a \x85".strip()), repr("中a中".strip("中")))
print("héllo".removeprefix("hé"), "héllo".removesuffix("llo"), "abc".removeprefix(""), "abc".removesuffix("x"))
for f in [lambda: "a".strip(1), lambda: "a".lstrip(1), lambda: "a".removeprefix(1), lambda: "a".removesuffix(None)]:
    try:
        print(f())
    except TypeError as e:
        print(e)
