def f():
    return "f from mod2"
