# send/throw/close and their errors.
def g():
    try:
        x = yield 1
        print("got", x)
        yield 2
    except ValueError as e:
        print("caught", repr(e))
        yield 3
    finally:
        print("finally")


it = g()
try:
    it.send(5)
except TypeError as e:
    print(e)
print(next(it))
print(it.send("hello"))
print(it.throw(ValueError("boom")))
it.close()
print("closed")
it.close()
try:
    next(it)
except StopIteration:
    print("exhausted")

it = g()
next(it)
print(it.throw(ValueError, "old style"))
it.close()

it = g()
next(it)
try:
    it.throw(KeyError("k"))
except KeyError as e:
    print("propagated", repr(e))


def ignore_exit():
    while True:
        try:
            yield
        except GeneratorExit:
            pass


it = ignore_exit()
next(it)
try:
    it.close()
except RuntimeError as e:
    print(e)
try:
    it.throw(KeyError("stop"))
except KeyError:
    print("stopped")


def simple():
    yield 1


it = simple()
try:
    it.throw(1)
except TypeError as e:
    print(e)
try:
    it.throw(ValueError(1), 2)
except TypeError as e:
    print(e)
try:
    it.throw(ValueError, None, 5)
except TypeError as e:
    print(e)
try:
    it.throw()
except TypeError as e:
    print(e)
it = simple()
it.close()
print(list(it))


def reentrant():
    yield next(me)


me = reentrant()
try:
    next(me)
except ValueError as e:
    print(e)
