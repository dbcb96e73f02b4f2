# The order of a class's __dict__: body, implicit __dict__/__weakref__, __doc__, __hash__.
class A:
    def __eq__(s, o): pass
    x = 1
print(list(A.__dict__))
class B: 
    __slots__=('a','b')
print(list(B.__dict__))
class C:
    __slots__=('a','__dict__', '__weakref__')
print(list(C.__dict__))
class D(A):
    pass
print(list(D.__dict__))
class E(int): pass
print(list(E.__dict__))
class F(Exception): pass
print(list(F.__dict__))
class G:
    'doc'
    __qualname__ = 'X'
    def __init_subclass__(cls): pass
    def __class_getitem__(cls): pass
    def __new__(cls): pass
print(list(G.__dict__))
class H(list): pass
print(list(H.__dict__))
class I(str): pass
print(list(I.__dict__))
class J(tuple): pass
print(list(J.__dict__))
class K(dict): pass
print(list(K.__dict__))
class L(float): pass
print(list(L.__dict__))
class M(bytes): pass
print(list(M.__dict__))
class N(set): pass
print(list(N.__dict__))
class O(type): pass
print(list(O.__dict__))
class P(B): pass
print(list(P.__dict__))
class Q(P): 
    __slots__ = ()
print(list(Q.__dict__))
class R(B):
    __slots__ = ('__weakref__',)
print(list(R.__dict__))
class S(ValueError): 
    __slots__ = ('x',)
print(list(S.__dict__))
import sys
print(list(type(sys)('m').__dict__))
