# sys.exc_info() inside generators and exception context across yields.
import sys


def g():
    try:
        raise KeyError("in gen")
    except KeyError:
        yield sys.exc_info()[0].__name__
        yield sys.exc_info()[0].__name__
    yield sys.exc_info()[0]


it = g()
print(next(it))
try:
    raise ValueError("outside")
except ValueError:
    print(next(it))
    print(sys.exc_info()[0].__name__)
print(next(it))


def h():
    try:
        yield
    except ZeroDivisionError as e:
        print("context", repr(e.__context__))
        yield


it = h()
next(it)
try:
    raise NameError("ctx")
except NameError:
    it.throw(ZeroDivisionError)


def k():
    try:
        raise KeyError("own")
    except KeyError:
        try:
            yield
        except ValueError as e:
            print("chained to", repr(e.__context__))
            yield


it = k()
next(it)
it.throw(ValueError("v"))
