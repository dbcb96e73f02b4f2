# Uncaught with an implicit context: both tracebacks are printed.
def parse(s):
    try:
        return int(s)
    except ValueError:
        raise KeyError(s)


parse("x")
