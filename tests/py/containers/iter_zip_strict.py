# zip(strict=True) messages
def err(f):
    try:
        print(list(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)
err(lambda: zip([1, 2], [3], strict=True))
err(lambda: zip([1], [3, 4], strict=True))
err(lambda: zip([1], [2], [3, 4], strict=True))
err(lambda: zip([1, 2], [2, 3], [3], strict=True))
err(lambda: zip([1, 2], [2, 3], [3, 4], strict=True))
err(lambda: zip([1, 2], [3], strict=False))
err(lambda: zip(strict=True))
def gen():
    yield 1
    raise ValueError("inner")
err(lambda: zip([1, 2], gen(), strict=True))
err(lambda: zip(gen(), [1, 2, 3], strict=True))
z = zip([1, 2], [3], strict=True)
print(next(z))
try:
    next(z)
except ValueError as e:
    print(type(e).__name__, e)
