import logging, logging.handlers, sys

# Records held by a MemoryHandler are flushed by logging.shutdown(), which
# runs at exit.
target = logging.StreamHandler(sys.stdout)
target.setFormatter(logging.Formatter('at exit: %(message)s'))
mh = logging.handlers.MemoryHandler(100, target=target)
log = logging.getLogger('late')
log.addHandler(mh)
log.warning('buffered one')
log.warning('buffered two')
print('end of script')
