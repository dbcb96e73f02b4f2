# try / except / else / finally, including the unwinding of return, break
# and continue through finally blocks.
import sys

def f(n):
    try:
        if n == 0:
            raise ValueError("zero")
        if n == 1:
            return "returned"
    except ValueError as e:
        print("caught", e)
        return "from except"
    else:
        print("else")
    finally:
        print("finally", n)
    return "end"

for i in range(3):
    print(f(i))

def finally_overrides():
    try:
        return 1
    finally:
        return 2
print(finally_overrides())

def loop_control():
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
print(loop_control())

def name_deleted():
    try:
        raise KeyError("k")
    except KeyError as e:
        pass
    try:
        e
    except NameError as err:
        print("NameError:", err)
name_deleted()

def reraise():
    try:
        try:
            raise TypeError("inner")
        except TypeError:
            raise
    except TypeError as e:
        print("reraised", e)
reraise()

def chained():
    try:
        try:
            1 / 0
        except ZeroDivisionError as e:
            raise ValueError("bad") from e
    except ValueError as e:
        print(type(e.__cause__).__name__, e.__suppress_context__)
    try:
        try:
            {}["x"]
        except KeyError:
            raise RuntimeError("during")
    except RuntimeError as e:
        print(type(e.__context__).__name__)
chained()

def exc_info_restored():
    try:
        raise ValueError("outer")
    except ValueError:
        try:
            raise TypeError("inner")
        except TypeError:
            pass
        print(sys.exc_info()[0].__name__)
    print(sys.exc_info())
exc_info_restored()

def multi_except(v):
    try:
        raise v
    except (KeyError, IndexError) as e:
        return "lookup " + type(e).__name__
    except Exception:
        return "other"
print(multi_except(KeyError()), multi_except(IndexError()), multi_except(TypeError()))

def nested_finally():
    log = []
    try:
        try:
            log.append("body")
            return log
        finally:
            log.append("inner finally")
    finally:
        log.append("outer finally")
print(nested_finally())

def while_finally():
    n = 0
    while True:
        try:
            n += 1
            if n > 2:
                break
        finally:
            print("iteration", n)
    return n
print(while_finally())
