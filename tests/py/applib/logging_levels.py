import logging

for v in [0, 10, 20, 30, 40, 50, 15, 'DEBUG', 'WARN', 'FATAL', 'nope', None]:
    print(repr(v), '->', repr(logging.getLevelName(v)))
logging.addLevelName(25, 'NOTICE')
print(logging.getLevelName(25), logging.getLevelName('NOTICE'))
m = logging.getLevelNamesMapping()
print(sorted(m.items()))
print(logging.CRITICAL, logging.FATAL, logging.ERROR, logging.WARNING, logging.WARN,
      logging.INFO, logging.DEBUG, logging.NOTSET)

log = logging.getLogger('levels')
print(log.level, log.getEffectiveLevel(), log.isEnabledFor(logging.INFO), log.isEnabledFor(30))
log.setLevel('INFO')
print(log.level, log.getEffectiveLevel(), log.isEnabledFor(logging.INFO))
log.setLevel(logging.ERROR)
print(log.isEnabledFor(logging.WARNING), log.isEnabledFor(logging.ERROR))
for bad in ['LOUD', 3.5, None, [1]]:
    try:
        log.setLevel(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
log.setLevel(logging.NOTSET)
print(log.getEffectiveLevel())
logging.root.setLevel(logging.DEBUG)
print(log.getEffectiveLevel(), log.isEnabledFor(logging.DEBUG))
logging.disable(logging.INFO)
print(log.isEnabledFor(logging.INFO), log.isEnabledFor(logging.WARNING), logging.root.manager.disable)
logging.disable()
print(log.isEnabledFor(logging.CRITICAL), log.isEnabledFor(51))
logging.disable(logging.NOTSET)
print(log.isEnabledFor(logging.DEBUG))
try:
    logging.disable('BAD')
except ValueError as e:
    print('ValueError', e)
try:
    log.log('INFO', 'x')
except TypeError as e:
    print('TypeError', e)
log.disabled = True
print(log.isEnabledFor(logging.CRITICAL))
h = logging.Handler()
print(h, h.level)
h.setLevel('WARNING')
print(h)
try:
    logging.Handler(level='NOPE')
except ValueError as e:
    print('ValueError', e)
