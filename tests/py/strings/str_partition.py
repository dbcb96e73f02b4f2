# partition / rpartition
print("a=b=c".partition("="), "a=b=c".rpartition("="), "abc".partition("x"), "abc".rpartition("x"))
print("é中é".partition("中"), "é中é".rpartition("é"), "".partition("a"))
for f in [lambda: "a".partition(""), lambda: "a".rpartition(1)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
