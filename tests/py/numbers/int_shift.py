def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))

for a in [0, 1, -1, 5, -5, 2**61, -2**61, 2**62 - 1, -2**62, 10**20, -10**20]:
    for s in [0, 1, 2, 30, 61, 62, 63, 64, 65, 100]:
        print(a << s, a >> s)
t(lambda: 1 << -1)
t(lambda: 1 >> -1)
t(lambda: 0 << -1)
t(lambda: 0 << (1 << 100))
t(lambda: 0 << 10**12)
t(lambda: 5 >> 10**100)
t(lambda: -5 >> 10**100)
t(lambda: (1 << 70) >> 2**64)
t(lambda: 1 << 10**12)
t(lambda: 1 << (1 << 100))
t(lambda: 1 << 2**63)
t(lambda: True << 3)
t(lambda: 1 << True)
t(lambda: 1 << 2.0)
t(lambda: 1.0 << 2)
x = 1
x <<= 80
x >>= 3
print(x)
print(-1 >> 1, -2 >> 1, -3 >> 1, -(2**100) >> 99, -(2**100 + 1) >> 99)
