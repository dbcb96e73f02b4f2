# A failing expression spanning several lines.
def f(a, b):
    return (a +
            b)


values = [1,
          2]
f(values[0],
  "two")
