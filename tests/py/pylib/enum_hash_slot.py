# __hash__ results that fit in 64 bits are used as they are (enum members hash as their names).
class A:
    def __init__(self, h): self.h = h
    def __hash__(self): return self.h
for v in [42, 2**61, 2**62, -2**62, 2**63 - 1, 2**63, -1, 2**100]:
    print(v, hash(A(v)))
