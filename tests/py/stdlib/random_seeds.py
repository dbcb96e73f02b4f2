import random
for seed in [0, 1, 42, 2**40, -7, 3.14, 'hello', b'bytes', bytearray(b'ba'), 'ünïcode', 10**100]:
    random.seed(seed)
    print(repr(seed)[:20], random.random(), random.randint(1, 100), random.randrange(0, 1000, 7), random.choice('abcdefg'),
          random.uniform(1, 2), random.getrandbits(70))
    l = list(range(20)); random.shuffle(l); print(l)
    print(random.sample(range(100), 5), random.sample(range(10**6), 3), random.choices('abc', k=5), random.choices('abc', [1, 5, 10], k=5))
    print(random.choices(range(5), cum_weights=[1, 2, 3, 4, 10], k=4), random.sample(['a', 'b'], counts=[3, 2], k=4))
    print(random.gauss(0, 1), random.gauss(5, 2), random.normalvariate(0, 1), random.expovariate(1.5), random.triangular(0, 10, 3))
    print(random.betavariate(2, 3), random.gammavariate(0.5, 1), random.gammavariate(1, 2), random.gammavariate(3, 1), random.lognormvariate(0, 1))
    print(random.vonmisesvariate(1, 2), random.vonmisesvariate(1, 0), random.paretovariate(3), random.weibullvariate(1, 1.5), random.randbytes(5))
random.seed('x', version=1); print(random.random())
random.seed(b'x', version=1); print(random.random())
r = random.Random(5); s = r.getstate(); a = [r.random() for i in range(3)]; r.setstate(s); print(a == [r.random() for i in range(3)])
print(s[0], len(s[1]), s[2])
class MyRandom(random.Random):
    def random(self): return 0.25
m = MyRandom(); print(m.randrange(100), m.choice('abcd'), m._randbelow.__name__)
print(random.Random(1).randrange(10**30), random.Random(2).randint(-10**20, 10**20))
sr = random.SystemRandom(); x = sr.random(); print(0 <= x < 1, sr.getrandbits(0), len(sr.randbytes(3)))
