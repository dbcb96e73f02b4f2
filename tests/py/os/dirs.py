import os
d = '/tmp/krait_os_dirs_%d' % os.getpid()
os.makedirs(os.path.join(d, 'a', 'b', 'c'))
os.makedirs(os.path.join(d, 'a', 'b', 'c'), exist_ok=True)
for name in ('a/x.txt', 'a/b/y.txt', 'z.txt'):
    with open(os.path.join(d, name), 'w') as f:
        f.write(name)
print(sorted(os.listdir(d)), sorted(os.listdir(os.fsencode(d))))
with os.scandir(d) as it:
    for e in sorted(it, key=lambda e: e.name):
        print(e.name, e.path == os.path.join(d, e.name), e.is_dir(), e.is_file(), e.is_symlink(), os.fspath(e) == e.path, repr(e))
for root, dirs, files in os.walk(d):
    dirs.sort()
    print(os.path.relpath(root, d), dirs, sorted(files))
print([os.path.relpath(r, d) for r, _, _ in os.walk(d, topdown=False)].__len__())
for root, dirs, files in os.walk(d, topdown=False):
    pass
print(list(os.walk(d + '/missing')))
errs = []
list(os.walk(d + '/missing', onerror=errs.append))
print([type(e).__name__ for e in errs])
old = os.getcwd()
os.chdir(d)
print(os.getcwd() == os.path.realpath(d), sorted(os.listdir()), os.path.abspath('q') == os.path.join(os.path.realpath(d), 'q'))
os.rename('z.txt', 'w.txt')
os.replace('w.txt', 'a/w.txt')
os.renames('a/w.txt', 'n/m/w.txt')
print(sorted(os.listdir()), os.listdir('n/m'))
os.chdir(old)
os.remove(os.path.join(d, 'n/m/w.txt'))
os.removedirs(os.path.join(d, 'n/m'))
print(sorted(os.listdir(d)))
for root, dirs, files in os.walk(d, topdown=False):
    for f in files:
        os.unlink(os.path.join(root, f))
    for x in dirs:
        os.rmdir(os.path.join(root, x))
os.rmdir(d)
print(os.path.exists(d))
