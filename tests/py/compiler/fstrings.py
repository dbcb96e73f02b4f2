# f-strings: conversions, format specs (nested), = debugging, escapes.
name = "krait"
n = 42
pi = 3.14159
print(f"{name} {n}")
print(f"{name!r} {name!s} {name!a} {'é'!a}")
print(f"{n:5d}|{n:<5}|{n:^7}|{n:x}|{n:#b}")
width, prec = 10, 3
print(f"{pi:{width}.{prec}f}|")
print(f"{n=}, {pi = :.2f}, {name=!r}")
print(f"{{literal}} {{{n}}}")
print(f"{'nested ' + f'{n}'}")
print(f"{[i for i in range(3)]}")
print(f"{n if n > 40 else 0}")
print(f"{(lambda: 'lam')()}")
items = {"k": "v"}
print(f"{items['k']}")
print(f"a" f"b" "c" f"{n}")
print("%s and %r" % ("str", "repr"), "%5s|%-5s|%.2s" % ("ab", "cd", "efg"))
print("%d%%" % 50, "%(a)s" % {"a": 1})
parts = [f"{i}" for i in range(40)]
print(f"{parts[0]}{parts[1]}{parts[2]}{parts[3]}{parts[4]}{parts[5]}{parts[6]}{parts[7]}{parts[8]}{parts[9]}"
      f"{parts[10]}{parts[11]}{parts[12]}{parts[13]}{parts[14]}{parts[15]}{parts[16]}{parts[17]}{parts[18]}")
class Fmt:
    def __format__(self, spec):
        return "<" + spec + ">"
print(f"{Fmt():spec here}", f"{Fmt()}", format(Fmt(), "x"))
