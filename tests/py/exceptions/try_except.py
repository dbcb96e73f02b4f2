# try / except / else / finally control flow.
def f(x):
    try:
        r = 10 // x
    except ZeroDivisionError as e:
        print("except", e)
        r = -1
    else:
        print("else")
    finally:
        print("finally")
    return r


print(f(2), f(0))


def g():
    try:
        return "try"
    finally:
        print("finally runs before return")


print(g())


def h():
    try:
        raise ValueError
    finally:
        return "swallowed"


print(h())


def loop():
    out = []
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out


print(loop())


def nested():
    try:
        try:
            raise KeyError("inner")
        except ValueError:
            print("wrong")
        finally:
            print("inner finally")
    except LookupError as e:
        print("outer caught", repr(e))


nested()
try:
    raise TypeError("a", "b")
except (ValueError, TypeError) as e:
    print(e.args)
try:
    try:
        raise ValueError
    except ValueError as e:
        pass
    print(e)
except NameError as n:
    print(type(n).__name__, n)


class MyError(Exception):
    pass


try:
    raise MyError
except Exception as e:
    print(type(e).__name__, repr(e))
try:
    raise 5
except TypeError as e:
    print(e)
try:
    try:
        pass
    except 5:
        pass
    1 / 0
except ZeroDivisionError as e:
    print("no check when not raised", e)
try:
    try:
        1 / 0
    except 5:
        pass
except TypeError as e:
    print(e)
