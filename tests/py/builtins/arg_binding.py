# Argument binding errors of built-in functions.
for t in ['eval()', 'eval("1", globals={})', 'exec()', 'exec("1", globals={})', 'format(1, None)',
          'divmod(1)', 'len()', 'isinstance(1)', 'getattr(1)', 'sorted()', 'min()', 'pow(2)', 'round()',
          'sum()', 'iter()', 'next()', 'repr()', 'chr()', 'print(sep=1)', 'hash()', 'abs(1, 2)']:
    try:
        eval(t)
    except Exception as e:
        print(t, "->", type(e).__name__, e)
for t in ['compile("a\\0", "x", "exec")', 'exec("a\\0")', 'eval("a\\0")', 'compile(b"a\\0", "x", "exec")']:
    try:
        eval(t)
    except Exception as e:
        print(t, "->", type(e).__name__, e)
