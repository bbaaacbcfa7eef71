"""Maestro, the orchestrator: understands a request and routes it to the agents."""
