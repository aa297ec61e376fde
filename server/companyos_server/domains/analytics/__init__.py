"""Analytics & reporting: event taxonomy, tenant-safe ingest, a columnar store and prebuilt reports."""
