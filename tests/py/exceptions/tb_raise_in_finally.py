# An exception raised in finally replaces the one in flight (context kept).
def f():
    try:
        raise ValueError("original")
    finally:
        print("cleanup")
        raise RuntimeError("in finally")


f()
