"""Maestro: a multi-agent AI platform for event organisers."""

__version__ = "0.1.0"
