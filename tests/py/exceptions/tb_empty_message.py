# An exception whose str() is empty prints only its type; a class from
# another module is qualified.
class Quiet(Exception):
    pass


Quiet.__module__ = "mypkg.errors"
try:
    raise Quiet()
except Quiet as e:
    print(repr(str(e)))
raise Quiet
