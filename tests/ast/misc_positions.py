x = (
    1 +
    2
)
def f(
    a,
    b,
):
    return (a
            + b)
s = """a
b""" + "c"
class A:

    def g(self): pass


    x = [
        1,
    ]

