"""Providers (an account or endpoint that serves several models) behind one interface."""

from eventmaestro.llm.providers.base import Provider

__all__ = ["Provider"]
