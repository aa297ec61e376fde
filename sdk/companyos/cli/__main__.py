"""``python -m companyos.cli``."""

from companyos.cli import main

main()
