"""Entity rules, one module per entity; `extract.extract_entities` runs them all."""
