"""The flags and contexts of the shared test vectors (flag_vectors.json): see test_vectors.py."""

from __future__ import annotations

from typing import Any

PROD = ["production"]

FLAGS: list[dict[str, Any]] = [
    {
        "key": "static-on",
        "enabled": True,
        "variants": {},
        "default_variant": None,
        "rules": [],
        "override": None,
    },
    {
        "key": "off-flag",
        "enabled": False,
        "variants": {},
        "default_variant": None,
        "rules": [],
        "override": None,
    },
    {
        "key": "plan-ui",
        "enabled": True,
        "variants": {"basic": "basic-ui", "pro": "pro-ui"},
        "default_variant": "basic",
        "rules": [
            {
                "name": "pro-plans",
                "environments": PROD,
                "enabled": True,
                "variant": "pro",
                "conditions": [{"attribute": "plan", "operator": "in", "values": ["pro", "enterprise"]}],
            }
        ],
        "override": None,
    },
    {
        "key": "canary",
        "enabled": False,
        "variants": {},
        "default_variant": None,
        "rules": [{"name": "ramp", "environments": PROD, "enabled": True, "rollout": {"percentage": 25}}],
        "override": None,
    },
    {
        "key": "org-sticky",
        "enabled": False,
        "variants": {},
        "default_variant": None,
        "rules": [
            {
                "name": "half",
                "environments": PROD,
                "enabled": True,
                "rollout": {"percentage": 50, "stickiness": "org"},
            }
        ],
        "override": None,
    },
    {
        "key": "checkout-copy",
        "enabled": True,
        "variants": {"control": "Buy now", "treatment": "Get it today"},
        "default_variant": "control",
        "rules": [
            {
                "name": "experiment",
                "environments": PROD,
                "enabled": True,
                "split": [{"variant": "control", "weight": 50}, {"variant": "treatment", "weight": 50}],
            }
        ],
        "override": None,
    },
    {
        "key": "seat-limit",
        "enabled": True,
        "variants": {"small": 10, "large": 100},
        "default_variant": "small",
        "rules": [
            {
                "name": "big-teams",
                "environments": PROD,
                "variant": "large",
                "conditions": [{"attribute": "seats", "operator": "gte", "values": [50]}],
            }
        ],
        "override": None,
    },
    {
        "key": "theme",
        "enabled": True,
        "variants": {"blue": {"color": "blue", "dense": False}, "green": {"color": "green", "dense": True}},
        "default_variant": "blue",
        "rules": [
            {
                "name": "eu",
                "environments": ["production", "staging"],
                "variant": "green",
                "conditions": [
                    {"attribute": "country", "operator": "in", "values": ["DE", "FR"]},
                    {"attribute": "email", "operator": "ends_with", "values": ["@acme.example"]},
                ],
            }
        ],
        "override": None,
    },
    {
        "key": "new-editor",
        "enabled": True,
        "variants": {},
        "default_variant": None,
        "rules": [
            {
                "name": "old-apps-off",
                "environments": PROD,
                "enabled": False,
                "conditions": [{"attribute": "app_version", "operator": "semver_lt", "values": ["2.0.0"]}],
            }
        ],
        "override": None,
    },
    {
        "key": "kill-switched",
        "enabled": True,
        "variants": {},
        "default_variant": None,
        "rules": [{"name": "ramp", "environments": PROD, "rollout": {"percentage": 100}}],
        "override": {"enabled": False, "reason": "incident inc_1"},
    },
    {
        "key": "future-rule",
        "enabled": True,
        "variants": {},
        "default_variant": None,
        "rules": [
            {
                "name": "geo",
                "environments": PROD,
                "conditions": [{"attribute": "ip", "operator": "geo_within", "values": ["EU"]}],
            }
        ],
        "override": None,
    },
]

CONTEXTS: list[dict[str, Any]] = [
    {},
    {"targetingKey": "user-1"},
    {"targetingKey": "user-2", "plan": "pro", "seats": 80, "country": "DE", "email": "a@acme.example"},
    {"targetingKey": "user-3", "plan": "free", "seats": 5, "country": "US", "app_version": "1.9.3"},
    {"targetingKey": "user-4", "org": "org-7", "app_version": "2.1.0"},
    {"org": "org-9"},
    {"targetingKey": "user-5", "seats": "many"},
    {"targetingKey": "user-6", "app_version": "latest"},
    {"targetingKey": "user-7", "country": "FR", "email": "b@elsewhere.example", "plan": "enterprise"},
    {"targetingKey": "user-8", "seats": 50},
]
