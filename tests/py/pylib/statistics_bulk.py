# Exact statistics of random data: the results must be the correctly rounded values.
import random, statistics as st
from fractions import Fraction as F
rng = random.Random(99)
res = []
for n in (2, 3, 7, 50, 200):
    for kind in ("float", "int", "mixed", "frac"):
        if kind == "float":
            data = [rng.uniform(-1e3, 1e3) for _ in range(n)]
        elif kind == "int":
            data = [rng.randrange(-10**6, 10**6) for _ in range(n)]
        elif kind == "mixed":
            data = [rng.choice([rng.randrange(100), rng.random() * 100]) for _ in range(n)]
        else:
            data = [F(rng.randrange(-50, 50), rng.randrange(1, 20)) for _ in range(n)]
        res.append((n, kind, st.mean(data), st.fmean(data), st.median(data), st.variance(data), st.pvariance(data),
                    st.stdev(data), st.pstdev(data), st.quantiles(data, n=5), st.quantiles(data, n=4, method="inclusive")))
for r in res:
    print(r)
print(st.stdev([1e-300, 2e-300, 3e-300]), st.pstdev([1e300, 1e300 * 1.0000001]), st.stdev([10**30 + i for i in range(10)]))
