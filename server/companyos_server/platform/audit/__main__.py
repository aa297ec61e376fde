import sys

from companyos_server.platform.audit.cli import main

sys.exit(main())
