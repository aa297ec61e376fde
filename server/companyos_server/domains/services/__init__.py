"""The service catalog domain.

Importing the package registers the ``service`` observability-links provider with the inspect
registry (when that registry exists). The package is imported at startup because ``models.py``
imports every ``store.py``, so inspect sees the provider without anyone wiring it by hand.
"""

from __future__ import annotations


def register_inspect_links() -> bool:
    """Register the ``service`` link provider with the inspect registry; False when there is none."""
    try:
        from companyos_server.domains.inspect.links import register_link_provider
    except ImportError:
        return False
    from companyos_server.domains.services.links import link_provider

    register_link_provider("service", link_provider)
    return True


register_inspect_links()
