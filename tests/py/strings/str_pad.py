# center, ljust, rjust, zfill, expandtabs
print(repr("abc".center(8)), repr("abc".center(8, "é")), repr("ab".center(5)), repr("abc".center(6, "*")), repr("abc".center(2)))
print(repr("é".ljust(3, "-")), repr("é".rjust(3)), repr("中".ljust(0)), repr("a".rjust(4, "中")))
print("-42".zfill(6), "+é".zfill(4), "abc".zfill(2), "".zfill(3), "42".zfill(5), "-".zfill(3))
print(repr("a\tbé\tc\n\td".expandtabs()), repr("a\tb".expandtabs(4)), repr("a\tb".expandtabs(0)), repr("ab\r\tc".expandtabs(tabsize=3)))
for f in [lambda: "a".center(5, "ab"), lambda: "a".center(5, 1), lambda: "a".ljust("5"), lambda: "a".zfill(1.5), lambda: "a".center()]:
    try:
        print(f())
    except TypeError as e:
        print(e)
