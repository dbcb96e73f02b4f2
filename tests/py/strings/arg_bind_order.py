# which error a built-in's argument binding reports first (counts, positional-only, missing, duplicate, unknown)
for t in ['b"".translate()', 'b"".translate(table=None)', 'b"".translate(None, foo=1)',
          'b"".translate(None, delete=b"", x=1)', 'bytearray().translate()', 'int.from_bytes()',
          'int.from_bytes(b"", byteorder="big", foo=1)', 'int.from_bytes(foo=1)', '(1).to_bytes(1, length=1)',
          '(1).to_bytes(foo=1, length=1)', '(1).to_bytes(1, "big", byteorder="big")', 'str(foo=1)',
          'str(1, object=2)', 'str(b"a", "ascii", errors="x", foo=1)', 'bytes(source=1, x=2)', 'bytes(1, source=2)',
          'b"a".decode("ascii", encoding="x")', 'b"a".decode(foo=1, encoding="x")', '"a".encode(1, 2, 3)',
          '"a".split(sep=None, maxsplit=1, x=2)', '"a".split(None, 1, maxsplit=2)', 'b"a".hex(sep=1, bytes_per_sep=2, x=1)',
          'complex(real=1, imag=2, x=3)', 'complex(1, real=2)', '[].sort(1)', '[].sort(key=None, x=1)',
          '"a".expandtabs(tabsize=4, x=1)', '"a".splitlines(keepends=1, x=2)']:
    try:
        print(t, repr(eval(t)))
    except Exception as e:
        print(t, "->", type(e).__name__, e)
