# The attribute caches must notice when the TYPE of a class attribute changes
# what it is: a non-data descriptor (or a plain object) whose class gains
# __set__ becomes a data descriptor, which then wins over the instance's own
# attribute.  Nothing in the instance's class changes, only the attribute's
# class.


class NonData:
    def __get__(self, obj, objtype=None):
        return "descriptor"


class Plain:
    pass


class A:
    nd = NonData()
    plain = Plain()


a = A()
a.nd = "instance"
a.plain = "instance"


def load_nd(o):
    return o.nd


def load_plain(o):
    return o.plain


def store_nd(o, v):
    o.nd = v


print([load_nd(a) for _ in range(100)][-1], [load_plain(a) for _ in range(100)][-1])
for i in range(100):
    store_nd(a, i)
print(load_nd(a))
log = []
NonData.__set__ = lambda self, obj, value: log.append(value)
Plain.__get__ = lambda self, obj, objtype=None: "plain descriptor"
Plain.__set__ = lambda self, obj, value: log.append(("plain", value))
print([load_nd(a) for _ in range(3)], [load_plain(a) for _ in range(3)])
store_nd(a, "new")
a.plain = "via setattr"
print(load_nd(a), log)
del NonData.__set__
print([load_nd(a) for _ in range(3)], sorted(vars(a).items()))
