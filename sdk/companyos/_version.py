"""SDK and API versions (the SDK major version follows the API major version)."""

__all__ = ["API_VERSION", "__version__"]

__version__ = "1.0.0"
API_VERSION = "1.0.0"  # info.version of the bundled spec this SDK was written against
