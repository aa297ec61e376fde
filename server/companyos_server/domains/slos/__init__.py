"""Service level objectives: error budgets, burn rates and the alerting policies built on them."""
