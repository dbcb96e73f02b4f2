# str construction, len, concatenation, repetition, membership, comparison
s = "héllo"
print(len(s), len(""), len("中文"), len("😀a"))
print(s + " world", "a" * 3, 3 * "ab", "x" * 0, "x" * -2)
print("ll" in s, "é" in s, "" in s, "z" in s)
print("abc" < "abd", "abc" < "ab", "é" > "z", "a" == "a", "a" != "b", "😀" > "中")
print(str(), str("x"), str(12), str(1.5), str(None), str([1, "a"]))
print(str(b"abc", "ascii"), str(b"h\xc3\xa9", encoding="utf-8"), str(b"\xff", "utf-8", "replace"))
for args in [(1, 2), ("a", "utf-8"), (1, "utf-8"), (b"\xff", "utf-8")]:
    try:
        print(str(*args))
    except Exception as e:
        print(type(e).__name__, e)
try:
    "a" + 1
except TypeError as e:
    print(e)
try:
    1 + "a"
except TypeError as e:
    print(e)
try:
    "a" * "b"
except TypeError as e:
    print(e)
try:
    1 in "abc"
except TypeError as e:
    print(e)
print(hash("") == 0, hash("abc") == hash("ab" + "c"))
