# Uncaught with an explicit cause.
class ConfigError(Exception):
    pass


def load():
    try:
        {}["missing"]
    except KeyError as e:
        raise ConfigError("bad config") from e


load()
