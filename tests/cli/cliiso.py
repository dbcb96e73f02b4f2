import sys
print("flags:", sys.flags.isolated, sys.flags.ignore_environment, sys.flags.no_user_site, sys.flags.safe_path)
print("script dir on path:", sys.path[0] == __file__.rsplit("/", 1)[0])
try:
    import climod
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
