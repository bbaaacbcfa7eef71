"""Entity rules, one module per entity; `extract.extract_entities` runs them all.

`shift.extract_date_shift` is apart: it reads a relative move of a date the conversation
already has («перенеси на неделю позже»), which is no entity of the message itself.
"""
