# krait: hand-edited .exp: CPython keeps squaring until memory runs out for these (it needs tens of gigabytes before failing); Krait bounds every result size up front and raises MemoryError at once.
def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))

t(lambda: 2 ** (10**400))
t(lambda: 2 ** (10**12))
t(lambda: 7 ** 2**40)
t(lambda: 10 ** 10**10)
t(lambda: (2**100) ** (2**40))
t(lambda: 1 << 10**12)
t(lambda: (10**1000) << (2**40))
t(lambda: (2**(2**20)) * (2**(2**20)) == 2**(2**21))
x = 3 ** 100000
print(x.bit_length(), x % 1000)
print("still alive")
