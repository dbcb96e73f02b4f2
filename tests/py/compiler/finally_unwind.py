# Leaving try/finally, with and except blocks by return, break and continue:
# every finally and __exit__ runs once, in order, and exc_info is restored.
import sys

class CM:
    def __init__(self, name, log, suppress=False):
        self.name, self.log, self.suppress = name, log, suppress
    def __enter__(self):
        self.log.append("enter " + self.name)
        return self
    def __exit__(self, typ, val, tb):
        self.log.append("exit %s %s" % (self.name, typ.__name__ if typ else None))
        return self.suppress

def exc():
    e = sys.exc_info()[1]
    return type(e).__name__ if e else None

def ret_through_everything(log):
    for i in range(3):
        try:
            with CM("a", log):
                try:
                    with CM("b", log):
                        return i
                finally:
                    log.append("inner finally")
        finally:
            log.append("outer finally")

def finally_continue(log):
    out = []
    for i in range(3):
        try:
            if i == 1:
                return "returned"
            out.append(i)
        finally:
            log.append("finally %d" % i)
            if i == 1:
                continue
    return out

def finally_overrides():
    try:
        return "try"
    finally:
        return "finally"

def finally_swallows():
    for _ in range(1):
        try:
            raise KeyError("k")
        finally:
            break
    return exc()

def break_in_except(log):
    for i in range(3):
        try:
            raise ValueError(i)
        except ValueError:
            log.append("handler " + exc())
            break
    log.append("after loop " + str(exc()))

def continue_in_nested_except(log):
    for i in range(2):
        try:
            raise KeyError(i)
        except KeyError:
            try:
                raise ValueError(i)
            except ValueError:
                log.append("inner " + exc())
                continue
            finally:
                log.append("inner finally " + exc())
    log.append("done " + str(exc()))

def with_suppress_in_loop(log):
    n = 0
    for i in range(3):
        with CM("s%d" % i, log, suppress=True):
            if i == 1:
                raise RuntimeError
            n += 1
    return n

def gen(log):
    try:
        with CM("g", log):
            yield 1
            yield 2
    finally:
        log.append("gen finally")

def while_else_finally(log):
    i = 0
    while i < 5:
        try:
            i += 1
            if i == 2:
                continue
            if i == 4:
                break
        finally:
            log.append("f%d" % i)
    else:
        log.append("else")
    return i

for fn in (ret_through_everything, finally_continue, break_in_except,
           continue_in_nested_except, with_suppress_in_loop, while_else_finally):
    log = []
    print(fn.__name__, fn(log), log)
print(finally_overrides(), finally_swallows())

log = []
g = gen(log)
print(next(g), log)
g.close()
print(log)

# Exception context inside finally and except.
def chained():
    try:
        try:
            raise KeyError("first")
        finally:
            raise ValueError("second")
    except ValueError as e:
        return repr(e.__context__), e.__suppress_context__

print(chained())

def reraise_from():
    try:
        try:
            1 / 0
        except ZeroDivisionError as e:
            raise TypeError("converted") from e
    except TypeError as t:
        return type(t.__cause__).__name__, t.__suppress_context__

print(reraise_from())
try:
    raise OSError("outer")
except OSError:
    try:
        raise KeyError("inner")
    except KeyError:
        print("nested", exc())
    print("restored", exc())
print("cleared", exc())

# The `as` name is deleted after the handler.
def as_deleted():
    e = "before"
    try:
        raise KeyError
    except KeyError as e:
        pass
    try:
        return e
    except UnboundLocalError as u:
        return str(u)
print(as_deleted())
