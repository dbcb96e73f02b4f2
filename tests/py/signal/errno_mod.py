import errno, os
print(errno.ENOENT, errno.EACCES, errno.EEXIST, errno.EAGAIN == errno.EWOULDBLOCK, errno.EINTR)
for code in (1, 2, 11, 13, 17, 35, 95, 110):
    print(code, errno.errorcode[code], os.strerror(code))
print(len(errno.errorcode) > 100, all(getattr(errno, n) == c for c, n in errno.errorcode.items()))
try: open('/nonexistent/x')
except OSError as e: print(e.errno == errno.ENOENT, errno.errorcode[e.errno], e.strerror)
