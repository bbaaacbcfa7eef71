"""Domain events the vendor agent publishes (outbox topics)."""

from __future__ import annotations

VENDOR_SELECTED = "vendor.selected"
VENDOR_HELD = "vendor.held"
QUOTE_REQUESTED = "vendor.quote_requested"
CONTRACT_CHANGED = "vendor.contract_changed"
SELECTION_CHANGED = "vendor.selection_changed"
