# Compile-time SyntaxWarnings for likely mistakes, shown with their line.
x = 1
if x is 1:
    print("is with literal")
if () is not x:
    print("is not with literal")
if x is None or x is True or x is ...:
    print("no warning for singletons")
try:
    (1, 2)(3)
except TypeError as e:
    print(e)
try:
    [1, 2][1, 2]
except TypeError as e:
    print(e)
try:
    {1, 2}[0]
except TypeError as e:
    print(e)
try:
    "ab"[1.5]
except TypeError as e:
    print(e)
assert (x, "message")
print("done")
