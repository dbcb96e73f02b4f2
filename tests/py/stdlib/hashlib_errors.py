import hashlib

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

h = hashlib.sha256(b'abc')
print(type(h).__name__, h.name, h.digest_size, h.block_size)
show(lambda: hashlib.sha256(string=b'x').hexdigest())
show(lambda: hashlib.sha256(data=b'x'))
show(lambda: hashlib.sha256('x'))
show(lambda: hashlib.new('foo'))
show(lambda: hashlib.new('SHA256', b'a').hexdigest())
show(lambda: hashlib.new('sha512', b'a').hexdigest())
show(lambda: h.update('s'))
show(lambda: h.update(1))
show(lambda: h.update())
show(lambda: hashlib.md5(b'a', b'b'))
show(lambda: hashlib.new())
show(lambda: hashlib.sha1(bytearray(b'abc')).hexdigest())
show(lambda: hashlib.sha256(usedforsecurity=False).hexdigest())
show(lambda: hashlib.pbkdf2_hmac('sha256', b'pw', b'salt', 0))
show(lambda: hashlib.pbkdf2_hmac('sha256', 'pw', b'salt', 1))
show(lambda: hashlib.pbkdf2_hmac('sha256', b'pw', b'salt', 1, 0))
show(lambda: hashlib.pbkdf2_hmac('sha256', b'pw', b'salt', 1, 5))
print(sorted(n for n in hashlib.__all__ if not n.startswith(('sha3', 'shake', 'blake'))))
