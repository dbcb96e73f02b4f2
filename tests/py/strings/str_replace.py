# replace
print("aaa".replace("a", "bb"), "aaa".replace("a", "é", 2), "abc".replace("", "-"), "éé".replace("", "-", 2))
print("abc".replace("x", "y"), "héhé".replace("é", ""), "abab".replace("ab", "ba", 0), "abc".replace("abc", ""))
print("a.b.c".replace(".", "中"), "中中".replace("中", "a"), "x".replace("x", "😀" * 3), "aaa".replace("a", "b", -1))
for f in [lambda: "a".replace(1, "b"), lambda: "a".replace("a", 2), lambda: "a".replace("a", "b", "c"), lambda: "a".replace("a")]:
    try:
        print(f())
    except TypeError as e:
        print(e)
