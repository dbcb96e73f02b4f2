import hashlib
for name in ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512']:
    for data in [b'', b'abc', b'a' * 55, b'a' * 56, b'a' * 63, b'a' * 64, b'a' * 111, b'a' * 112, b'a' * 127, b'a'*128, bytes(range(256)) * 10]:
        h = getattr(hashlib, name)(data)
        print(name, len(data), h.hexdigest())
    h = hashlib.new(name)
    for i in range(100):
        h.update(bytes([i]) * i)
    c = h.copy(); c.update(b'x')
    print(h.hexdigest(), c.hexdigest(), h.digest()[:4], h.name, h.digest_size, h.block_size)
print(hashlib.pbkdf2_hmac('sha256', b'password', b'salt', 1000).hex())
print(hashlib.pbkdf2_hmac('sha1', b'password', b'salt', 2, 50).hex())
print(hashlib.pbkdf2_hmac('sha512', b'p'*200, b'salt', 3).hex())
print(sorted(hashlib.algorithms_guaranteed & {'md5','sha1','sha256'}))
