"""Feature flags on the client side: the shared evaluator and an OpenFeature provider.

``companyos.flags.evaluator`` is pure (the server evaluates with the same module). The OpenFeature
provider needs the optional extra: ``pip install 'companyos[openfeature]'``.
"""

from __future__ import annotations

from companyos.flags.evaluator import Resolution, bucket, evaluate, flag_type, ofrep_result

__all__ = ["Resolution", "bucket", "evaluate", "flag_type", "ofrep_result"]
