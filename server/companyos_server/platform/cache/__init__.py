"""Caches shared by a process's requests, invalidated across workers (see :mod:`.epoch`)."""
