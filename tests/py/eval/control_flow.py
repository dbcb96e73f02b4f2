# Branches, loops, boolean operators, conditional expressions, walrus.
def classify(n):
    if n < 0:
        return "neg"
    elif n == 0:
        return "zero"
    else:
        return "pos"


print([classify(n) for n in (-2, 0, 3)])
i = 0
while i < 5:
    i += 1
    if i == 2:
        continue
    if i == 4:
        break
else:
    print("no break")
print(i)
for j in range(3):
    pass
else:
    print("for else", j)
print(0 or "a", "" and "b", None or [] or 0, 1 and 2 and 3)
print(not 0, not [1], 1 if [] else 2)
print(1 < 2 < 3, 3 > 2 > 2, 1 < 2 > 0 == 0)
if (n := 10) > 5:
    print("walrus", n)
print(all(x > 0 for x in [1, 2]), any([]))


class Truthy:
    def __bool__(self):
        print("bool called")
        return False


if not Truthy():
    print("falsy object")
x = None
print(x is None, x is not None)
print(3 in [1, 2, 3], "a" not in "bcd", 2 in {2: 3})
while True:
    break
print("done")
