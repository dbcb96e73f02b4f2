# bytes()/bytearray() with encoding/errors combinations
for T in (bytes, bytearray):
    for f in [lambda: T("a", errors="strict"), lambda: T("a"), lambda: T(errors="x"), lambda: T(encoding="x"),
              lambda: T(1, errors="x"), lambda: T(1, "utf-8"), lambda: T(1, "utf-8", "x"),
              lambda: T("a", "utf-8", "strict"), lambda: T("a", encoding=1), lambda: T("a", "ascii", errors=2),
              lambda: T(b"a", errors="x"), lambda: T("é", "ascii", "ignore"), lambda: T(source="a", encoding="ascii")]:
        try:
            print(f())
        except Exception as e:
            print(type(e).__name__, e)
