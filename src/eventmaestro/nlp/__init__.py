"""Offline language understanding: intents and entities from free text, no network, no model hub.

Everything here is a pure function of the text, `now` and a time zone, so agents and tests get
the same answer on every machine; an LLM may later refine it but never replaces it.
"""
