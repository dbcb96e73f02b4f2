import _circ_b
A = "a done"
