import statistics as st
x = [1, 2, 3, 4, 5, 6, 7, 8, 9]
y = [1, 2, 3, 1, 2, 3, 1, 2, 3]
print(st.covariance(x, y), st.covariance(x, [9, 8, 7, 6, 5, 4, 3, 2, 1]), st.correlation(x, x), st.correlation(x, [9, 8, 7, 6, 5, 4, 3, 2, 1]), st.correlation(x, y))
years = [1971, 1975, 1979, 1982, 1983]
films = [1, 2, 3, 4, 5]
r = st.linear_regression(years, films)
print(r, r.slope, type(r).__name__, st.linear_regression([1, 2, 3], [2, 4.1, 6.2], proportional=True), st.LinearRegression._fields)
print(st.covariance([0.1, 0.2, 0.3], [1e10, 2e10, 3.5e10]), st.correlation([1.5, 2.5, 0.5], [3, 1, 2]))
for bad in [lambda: st.covariance([1], [2]), lambda: st.covariance([1, 2], [1]), lambda: st.correlation([1, 1], [1, 2]), lambda: st.linear_regression([1, 1], [2, 3]),
            lambda: st.linear_regression([1], [2]), lambda: st.correlation([1, 2, 3], [1, 2])]:
    try: bad()
    except st.StatisticsError as e: print("StatisticsError", e)
