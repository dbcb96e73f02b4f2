from ...mod2 import f
from .. import leaf
from ... import VALUE
BOTTOM = (f(), leaf.LEAF, VALUE, __package__)
