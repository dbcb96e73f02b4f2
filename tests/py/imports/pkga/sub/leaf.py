from .. import mod2
from ..mod2 import f as g
LEAF = (mod2.__name__, g())
