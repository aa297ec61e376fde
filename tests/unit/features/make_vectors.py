"""Regenerate flag_vectors.json (review the diff: the expectations are the contract):

.venv/bin/python -m tests.unit.features.make_vectors
"""

from __future__ import annotations

import json
from pathlib import Path

from companyos.flags import evaluator
from tests.unit.features.flag_vectors_flags import CONTEXTS, FLAGS

OUT = Path(__file__).with_name("flag_vectors.json")


def build() -> dict[str, object]:
    cases = []
    for flag in FLAGS:
        for environment in ("production", "staging"):
            for context in CONTEXTS:
                result = evaluator.ofrep_result(evaluator.evaluate(flag, environment, context))
                cases.append(
                    {"flag": flag["key"], "environment": environment, "context": context, "expected": result}
                )
    return {"flags": FLAGS, "cases": cases}


if __name__ == "__main__":
    OUT.write_text(json.dumps(build(), indent=1, sort_keys=True) + "\n")
    print(f"wrote {OUT}")
