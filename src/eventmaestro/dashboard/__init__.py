"""The events dashboard: every event with its plan, money and vendors at a glance."""
