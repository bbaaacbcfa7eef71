"""The Planning agent: event templates, a task graph scheduled on the Russian working
calendar, the critical path, and an honest answer when the date cannot be met."""
