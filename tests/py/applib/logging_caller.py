import logging, io

s = io.StringIO()
h = logging.StreamHandler(s)
h.setFormatter(logging.Formatter('%(filename)s:%(lineno)d %(funcName)s %(module)s: %(message)s'))
log = logging.getLogger('caller')
log.addHandler(h)
log.propagate = False

def helper(msg, level=1):
    log.warning(msg, stacklevel=level)

def outer():
    helper('inner frame')
    helper('caller of helper', 2)
    helper('too deep', 50)

outer()
log.warning('module level')
log.warning('with stack', stack_info=True)
lines = s.getvalue().splitlines()
print('\n'.join(lines[:5]))
print(lines[5], lines[6].strip().startswith('File'), lines[-1].strip())
print(log.findCaller()[1:3])
