# The dis module on code whose instructions are the same in Krait and
# CPython: listings of sources, get_instructions, findlinestarts, code_info.
import dis

dis.dis("x = 1")
dis.dis("a.b = c")
dis.dis("x = y if z else w")

def f(a):
    return a + 1

for ins in dis.get_instructions(f):
    print(ins.opname, ins.arg, repr(ins.argval), repr(ins.argrepr), ins.offset, ins.starts_line,
          ins.is_jump_target, tuple(ins.positions))
print(list(dis.findlinestarts(f.__code__)))
print(dis.code_info(f))
dis.show_code(f)
print(dis.opname[dis.opmap["LOAD_CONST"]], dis.opname[dis.opmap["RETURN_VALUE"]])
print(dis.opmap["LOAD_FAST"] in dis.haslocal, dis.opmap["LOAD_NAME"] in dis.hasname)
print(dis.cmp_op)

class Collect:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
buf = Collect()
dis.dis("pass", file=buf)
print("".join(buf.parts).splitlines())

def g():
    pass
dis.disassemble(g.__code__)
try:
    dis.dis(42)
except TypeError as e:
    print(type(e).__name__, e)
