"""The tenant overview: one read that aggregates the home page's sections from the domain services."""
