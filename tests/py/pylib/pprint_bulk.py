# Random nested data through pprint.pformat with random options.
import pprint, random
rng = random.Random(3)
def rnd(depth):
    k = rng.randrange(8) if depth < 3 else rng.randrange(4, 8)
    if k == 0: return [rnd(depth + 1) for _ in range(rng.randrange(6))]
    if k == 1: return {rng.choice(["k", "key", "a much longer key", 3, 1.5, None, (1, 2)]): rnd(depth + 1) for _ in range(rng.randrange(5))}
    if k == 2: return tuple(rnd(depth + 1) for _ in range(rng.randrange(4)))
    if k == 3: return set(rng.sample(range(100), rng.randrange(6)))
    if k == 4: return rng.choice(["short", "a longer string with spaces in it " * rng.randrange(1, 4), "x" * 90])
    if k == 5: return rng.random() * 10 ** rng.randrange(-5, 20)
    if k == 6: return rng.randrange(-10 ** 30, 10 ** 30)
    return rng.choice([b"bytes" * rng.randrange(1, 12), bytearray(b"ba" * 20), frozenset({1, 2}), None, True])
for i in range(40):
    obj = rnd(0)
    w = rng.randrange(10, 100)
    print(pprint.pformat(obj, width=w, indent=rng.randrange(1, 4), compact=rng.random() < 0.5, sort_dicts=rng.random() < 0.7, depth=rng.choice([None, None, 2, 3])))
