import _circ_d
C = "c"
def get():
    return _circ_d.D
