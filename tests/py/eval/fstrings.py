# f-strings: conversions and format specs.
name, n, f = "x", 42, 3.14159
print(f"{name!r} {name!s} {name!a} {n:5d}|{n:<5}|{f:.2f}|{n!r:>6}")
print(f"{'ü'!a} {n:{n % 10}} {{braces}} {n + 1}")


class C:
    def __format__(self, spec):
        return "C(" + spec + ")"

    def __repr__(self):
        return "C-repr"


print(f"{C():abc} {C()!r} {C()}")
print(f"{'a' 'b'}", f"{3:+}", f"{-3:08.2f}")
width = 7
print(f"[{'mid':^{width}}]")
