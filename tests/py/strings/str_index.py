# indexing and slicing, ASCII and non-ASCII
s = "abcdefghij"
u = "aé中😀bc" * 10
print(s[0], s[-1], s[3:7], s[::2], s[::-1], s[7:2:-2], s[-3:], s[:100], s[100:])
print(u[1], u[2], u[3], u[-1], u[5:9], u[::7], u[::-5], u[58:], len(u[::3]))
print(u[40], u[41], u[42], u[43])
long = "".join(chr(0x4e00 + i) for i in range(200))
print(long[150], long[199], long[33:36], long[190:2:-47])
for k in [10, -11, 2**70]:
    try:
        print(s[k])
    except IndexError as e:
        print(type(e).__name__, e)
for k in ["1", 1.0, None]:
    try:
        print(s[k])
    except TypeError as e:
        print(type(e).__name__, e)
try:
    s[::0]
except ValueError as e:
    print(e)
print(s[True], s[False:True])
