# PEP 479: StopIteration raised inside a generator becomes RuntimeError.
def bad():
    yield 1
    raise StopIteration("oops")


try:
    list(bad())
except RuntimeError as e:
    print(type(e).__name__, e, repr(e.__cause__), e.__suppress_context__)


def bad_next():
    yield next(iter([]))


try:
    for x in bad_next():
        pass
except RuntimeError as e:
    print(e, type(e.__cause__).__name__)


def ok():
    try:
        next(iter([]))
    except StopIteration:
        yield "caught inside"


print(list(ok()))
