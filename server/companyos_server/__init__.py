"""CompanyOS reference server."""

__version__ = "1.0.0"
