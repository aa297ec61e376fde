"""SDK and API versions (the SDK major version follows the API major version)."""

__all__ = ["API_VERSION", "__version__"]

__version__ = "1.3.0"
API_VERSION = "1.3.0"  # info.version of the released spec this SDK version goes with
