"""Release tooling: build, SBOM, checksums, signing, verification and the install smoke test.

    python -m tools.release build  [PROJECT ...] [--out DIR]     sdist + wheel, twine check, SBOM, SHA256SUMS, sign
    python -m tools.release sign   DIR                           (re)sign DIR/SHA256SUMS
    python -m tools.release verify DIR [--key PUB]               offline: checksums + signature; non-zero on tampering
    python -m tools.release smoke  DIR [--python PY]             fresh venv, install the wheel offline, run the quickstart

See docs/releases.md.
"""
