"""Release tooling: build, SBOM, checksums, signing, verification, publishing and the install smoke test.

    python -m tools.release build  [PROJECT ...] [--npm DIR|--no-npm] [--out DIR]   sdist + wheel, npm pack,
                                   twine check, publint, attw, cyclonedx-py SBOM, SHA256SUMS, sign
    python -m tools.release sign    DIR                     (re)sign DIR/SHA256SUMS
    python -m tools.release verify  DIR [--key PUB]         offline: checksums + signature (docs/release-key.pub
                                                            unless --key) + SBOM; non-zero on any problem
    python -m tools.release publish DIR --repository-url URL --npm-registry URL    twine upload + npm publish
    python -m tools.release smoke   DIR [--index-url URL] [--npm-registry URL]      fresh environments, the
                                   Python, CLI and Node quickstarts against a live server

See docs/releases.md; tests/release runs the whole pipeline against a local pypiserver and verdaccio.
"""
