"""Identity: the built-in OpenID Connect provider and access-token validation (see docs/identity.md).

Public entry points (import them from their modules; this package stays import-light because
``companyos_server.models`` imports ``identity.models`` for Alembic):

- ``keys.KeyStore`` — signing keys, rotation, JWKS
- ``issuer.issue_access_token`` — mint RFC 9068 access tokens
- ``validation.TokenValidator`` / ``validation.TokenError`` — token → ``Principal``
- ``provider.create_provider_app`` — the Flask app to mount at ``/oauth2``
- ``seed.seed_dev_identities`` — development users and clients
- ``sealing`` — TOTP secrets encrypted at rest, ``rotate_secrets_key``
"""
