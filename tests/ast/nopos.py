# ast-dump: no-positions
x = [1, 2]
def f(a=1, *, b): return a + b

