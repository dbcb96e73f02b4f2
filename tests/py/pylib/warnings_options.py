# The -W option syntax (warnings' option parser, applied by hand here).
import sys
sys.stderr = sys.stdout
import warnings
with warnings.catch_warnings():
    warnings.resetwarnings()
    warnings._processoptions(["error::RuntimeWarning", "ignore::UserWarning", "always", "bogus", "default::NoSuchWarning",
                              "a:b:c:d:e:f", "once::Warning::12", "all", "m", "ignore:::-1", "ignore::int", "error::warnings.WarningMessage"])
    for f in warnings.filters:
        print(f)
sys.stderr = sys.__stderr__
with warnings.catch_warnings(record=True) as w:
    warnings.resetwarnings()
    warnings._processoptions(["ignore:hello world.x:UserWarning:__main__", "always"])
    print(warnings.filters[-1])
    warnings.warn("hello world.x and more")
    warnings.warn("Hello World.X")
    warnings.warn("hello worldyx")
    print([str(x.message) for x in w])
