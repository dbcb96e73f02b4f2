# Implicit and explicit exception chaining.
def show(e):
    print(type(e).__name__, e, "| cause:", repr(e.__cause__), "| context:", repr(e.__context__),
          "| suppress:", e.__suppress_context__)


try:
    try:
        raise KeyError("first")
    except KeyError:
        raise ValueError("second")
except ValueError as e:
    show(e)
try:
    try:
        raise KeyError("first")
    except KeyError as k:
        raise ValueError("second") from k
except ValueError as e:
    show(e)
try:
    try:
        raise KeyError("first")
    except KeyError:
        raise ValueError("second") from None
except ValueError as e:
    show(e)
try:
    raise ValueError("x") from TypeError
except ValueError as e:
    show(e)
try:
    raise ValueError("x") from 5
except TypeError as e:
    show(e)
try:
    try:
        raise KeyError("a")
    except KeyError:
        1 / 0
except ZeroDivisionError as e:
    show(e)


def reraise():
    try:
        raise OSError("orig")
    except OSError:
        raise


try:
    reraise()
except OSError as e:
    show(e)
try:
    raise
except RuntimeError as e:
    show(e)
err = None
try:
    raise ValueError("stored")
except ValueError as e:
    err = e
try:
    try:
        raise KeyError("k")
    except KeyError:
        raise err
except ValueError as e:
    show(e)
# A cycle in the context chain is cut.
try:
    try:
        raise KeyError("a")
    except KeyError as a:
        try:
            raise ValueError("b")
        except ValueError as b:
            raise a
except KeyError as e:
    show(e)
    show(e.__context__)
