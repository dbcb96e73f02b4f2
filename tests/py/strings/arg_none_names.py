# argument-conversion TypeErrors call None "None", other messages keep "NoneType"
N = None
tests = ['"a".center(5, N)', '"a".ljust(5, N)', '"a".rjust(5, 1)', '"a".center(5, "ab")', 'str.maketrans("a", N)',
         'str.maketrans("a", "b", N)', '"a".__format__(N)', '"%d" % N', '"a".join([N])', '"a".startswith((N,))',
         '"a".startswith(N)', '"a".partition(N)', '"a".replace(N, "b")', '"a".replace("a", N)',
         '"a".removeprefix(N)', '"a".removesuffix(N)', '"a".encode(N)', '"a".encode("utf-8", N)',
         'str(b"a", N)', 'str(b"a", "utf-8", N)', 'N in "a"', 'bytes("a", N)', 'bytes("a", "ascii", N)',
         'bytearray("a", N)', 'b"a"[N]', 'b"a".decode(N)', 'b"a".decode("ascii", N)', 'bytes.fromhex(N)',
         'b"a".center(3, N)', 'b"a".ljust(3, 1)', 'bytearray(b"a")[N]', '(1,)[N]', '[1][N]', 'range(1)[N]',
         '(1).__format__(N)', '(1).to_bytes(1, N)', 'int.from_bytes(b"a", N)', 'float.__getformat__(N)',
         '(1.0).__format__(N)', '(1j).__format__(N)', '"a" + N', 'b"a" + N', '"a" * N', 'int(N)', 'float(N)']
for t in tests:
    try:
        print(t, repr(eval(t)))
    except Exception as e:
        print(t, "->", type(e).__name__, e)
