"""The generated low-level client (attrs models, one function per operation), shipped with the SDK.

```python
from companyos.lowlevel import AuthenticatedClient, api, models
```
It has no retries, auth flows or offline queue; prefer ``companyos.Client``. Imported only on demand.
"""

from companyos._generated.companyos_client import AuthenticatedClient, Client, api, errors, models, types

__all__ = ["AuthenticatedClient", "Client", "api", "errors", "models", "types"]
