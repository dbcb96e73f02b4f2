import _string
def show(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
for s in ['a{0}b', '{}', '{{x}}', 'x}}y', '{0!r:>{1}}', '{a.b[c]}', '{!r}', '}', '{', '{0', '{0!', '{0!r', '{0!rx}', '{0:{1:{2}}}', 'abc', '', '{:}', '{0!s}', '{a[}', '{0:x{', 'a{{', '}}', '{{', '{0[}', '{0]}', '{0:}}}', 'x{a{b}', '{0[{]}', 'aa{1}bb{{cc}}dd{x!a:^{w}}']:
    show(lambda: list(_string.formatter_parser(s)))
for s in ['a.b[c]', '0[1].x', '', '[0]', 'a[', 'a[]', 'a.', 'a..b', '0.x', 'a[0]b', 'a[x]]', '12', '١', 'a[01]', 'x[-1]']:
    show(lambda: (lambda r: (r[0], list(r[1])))(_string.formatter_field_name_split(s)))
