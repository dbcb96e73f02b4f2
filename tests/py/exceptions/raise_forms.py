# Forms of raise and what they raise.
class E(Exception):
    def __init__(self, *args):
        print("E created", args)
        super().__init__(*args)


try:
    raise E
except E as e:
    print(repr(e))


class NotAnInstance(Exception):
    def __new__(cls):
        return 5


try:
    raise NotAnInstance
except TypeError as e:
    print(e)
try:
    raise object()
except TypeError as e:
    print(e)
try:
    raise ValueError from object()
except TypeError as e:
    print(e)


def gen_raise():
    try:
        raise KeyError("x")
    except KeyError:
        pass
    raise


try:
    gen_raise()
except RuntimeError as e:
    print(e)
try:
    assert 1 == 2, "custom"
except AssertionError as e:
    print(repr(e))
try:
    assert False
except AssertionError as e:
    print(repr(e))
