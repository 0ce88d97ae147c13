"""Inspector core (Qt-free): domain, rules, store, sync, documents, security."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("inspector")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0+source"
