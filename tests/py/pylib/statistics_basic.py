import statistics as st
from fractions import Fraction as F
data = [2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5]
ints = [1, 2, 3, 4, 4]
print(st.mean(ints), st.mean([1, 2, 3]), st.mean(data), st.mean([F(3, 7), F(1, 21), F(5, 3), F(1, 3)]), st.mean([1, 2.5]), st.mean(iter([True, False, True])))
print(st.fmean([3.5, 4.0, 5.25]), st.fmean(iter([1, 2, 3])), st.fmean([1, 2, 3], weights=[3, 1, 1]))
print(st.median([1, 3, 5]), st.median([1, 3, 5, 7]), st.median_low([1, 3, 5, 7]), st.median_high([1, 3, 5, 7]), st.median([F(1, 2), F(1, 3)]), st.median(["b", "a", "c"]))
print(st.median_grouped([52, 52, 53, 54]), st.median_grouped([1, 2, 2, 3, 4, 4, 4, 4, 4, 5]), st.median_grouped([1, 3, 3, 5, 7], interval=2))
print(st.mode([1, 1, 2, 3, 3, 3, 3, 4]), st.mode(["red", "blue", "blue", "red", "green", "red", "red"]), st.mode("aabbbc"), st.multimode("aabbbbccddddeeffffgg"), st.multimode(""), st.mode([1, 2]))
print(st.variance(data), st.variance(ints), st.variance([1, 2, 3, 4]), st.variance([F(1, 6), F(1, 2), F(5, 3)]), st.pvariance(data), st.pvariance([0, 0, 1, 1]), st.variance(data, 1.5))
print(st.stdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), st.pstdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), st.stdev(ints), st.stdev([1, 1]), st.pstdev([5]), st.stdev([F(1, 3), F(1, 2), F(7, 4)]), st.stdev([0.1] * 5 + [0.2]))
print(st.stdev(range(10**6, 10**6 + 50, 3)), st.pstdev([1e300, -1e300, 5e299]), st.variance([10**20 + 1, 10**20 + 3]))
print(st.quantiles([105, 129, 87, 86, 111, 111, 89, 81, 108, 92, 110, 100, 75, 105, 103, 109, 76, 119, 99, 91, 103, 129, 106, 101, 84, 111, 74, 87, 86, 103, 103, 106, 86, 111, 75, 87, 102, 121, 111, 88, 89, 101, 106, 95, 103, 107, 101, 81, 109, 104], n=10))
print(st.quantiles([1, 2, 3, 4, 5]), st.quantiles([1, 2, 3, 4, 5], method="inclusive"), st.quantiles([1.5, 2.5], n=3), st.quantiles([F(1), F(2), F(4)]), st.quantiles([1, 2], n=1))
print(st.harmonic_mean([40, 60]), st.harmonic_mean([2.5, 3, 10]), st.harmonic_mean([40, 60], weights=[5, 30]), st.harmonic_mean([3]), st.harmonic_mean([1, 0, 2]))
print(round(st.geometric_mean([54, 24, 36]), 9))
print(st.mean([1, float("inf")]), st.variance([1, 2, float("nan")]))
for bad in [lambda: st.mean([]), lambda: st.fmean([]), lambda: st.median([]), lambda: st.mode([]), lambda: st.variance([1]), lambda: st.pvariance([]),
            lambda: st.stdev([2]), lambda: st.pstdev([]), lambda: st.quantiles([1]), lambda: st.quantiles([1, 2], n=0), lambda: st.quantiles([1, 2], method="x"),
            lambda: st.mean(["a"]), lambda: st.harmonic_mean([-1, 2]), lambda: st.geometric_mean([0, 1]), lambda: st.fmean([1, 2], weights=[1]), lambda: st.mean([1, "x"])]:
    try: print(bad())
    except (st.StatisticsError, ValueError, TypeError) as e: print(type(e).__name__, e)
print(issubclass(st.StatisticsError, ValueError))
