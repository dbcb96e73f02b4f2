from .jsonstore import load, save, FORMAT_VERSION

__all__ = ['load', 'save', 'FORMAT_VERSION']
