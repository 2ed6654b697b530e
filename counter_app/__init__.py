"""counter_app: the reception counter of a Vietnamese Public Administrative Service Centre."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("counter-app")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0"
