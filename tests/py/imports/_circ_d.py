import _circ_c
D = "d"
def get():
    return _circ_c.C
