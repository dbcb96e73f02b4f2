# print with sep/end/file/flush, input from stdin.
import sys
print(1, 2, 3)
print(1, 2, 3, sep="-", end="!\n")
print("a", "b", sep="")
print()
print("to stderr", file=sys.stderr)
print("flushed", flush=True)
print(*[1, 2], sep=None, end=None)
name = input("name? ")
print("hello", name)
print(repr(input()))
try:
    input()
except EOFError as e:
    print("EOFError:", e)
try:
    print(1, sep=5)
except TypeError as e:
    print("TypeError:", e)
sys.stdout.write("written\n")
print(sys.stdout.write("abc"), file=sys.stderr)
