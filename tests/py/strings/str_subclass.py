# subclasses of str
class S(str):
    def extra(self):
        return "extra:" + self
s = S("héllo")
print(s, repr(s), len(s), s.upper(), type(s.upper()).__name__, s.extra(), s == "héllo", hash(s) == hash("héllo"))
print(type(str(s)).__name__, type(s + "x").__name__, type(s[1:]).__name__, s[1], isinstance(s, str))
class T(str):
    def __new__(cls, v):
        return super().__new__(cls, v * 2)
print(T("ab"), len(T("ab")))
print("é" in S("xéy"), S("a") < "b", sorted([S("b"), "a"]))
