[1, 2, *a]
(1,)
()
{}
{1: 2, **d, 3: 4}
{1, 2, *s}
[x for x in y if x if z for w in x]
{x for x in y}
{k: v for k, v in d.items()}
(x for x in y)
f(x for x in y)
f(a, *b, c=1, *d, **e)
a[1:2, ::3, 4]
a[:]
a[*b]
a.b.c(d)[e]
x = yield
x = yield from y
...
None, True, False

