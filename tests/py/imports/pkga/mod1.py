from . import mod2
from .mod2 import f
from .sub import leaf
NAME = "mod1"
