import platform, os, sys
# python_implementation() is checked only by type: Krait answers 'Krait'.
print(platform.system(), platform.machine() == os.uname().machine, platform.node() == os.uname().nodename)
print(platform.release() == os.uname().release, platform.python_version() == '%d.%d.%d' % sys.version_info[:3])
print(platform.python_version_tuple()[:2], type(platform.python_implementation()).__name__, platform.architecture()[0])
u = platform.uname()
print(u.system, len(u), u[0], u.machine == platform.machine(), type(platform.platform()).__name__, platform.platform().startswith('Linux-'))
