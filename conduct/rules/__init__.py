"""The checker's rules: one small module per concern, each mostly data.

The registry is an explicit dict, in the order of concerns.yaml; nothing is discovered by
inheritance. A concern module declares `ID`, `DATA` (its word lists and patterns) and, when
data cannot express a check, `VALIDATORS` (hooks named by the data file's `validate:` keys).
A concern's examples live in its data file (`examples:`, run by tests/rules/test_data.py), not in
the module's docstring, so they cannot go stale unseen.
"""

from __future__ import annotations

from types import ModuleType

from conduct.rules import (
    account_security,
    agency_duty,
    child_safety,
    false_information,
    hate_speech,
    illegal_trade,
    offensive,
    official_duty,
    personal_data,
    positive,
    provider_duty,
    unverified_source,
)

REGISTRY: dict[str, ModuleType] = {
    m.ID: m
    for m in (
        hate_speech,
        offensive,
        false_information,
        unverified_source,
        illegal_trade,
        personal_data,
        account_security,
        child_safety,
        official_duty,
        agency_duty,
        provider_duty,
        positive,
    )
}


def get(concern: str) -> ModuleType:
    """The module for a concern id."""
    try:
        return REGISTRY[concern]
    except KeyError:
        raise ValueError(f"no such concern: {concern!r} (known: {', '.join(REGISTRY)})") from None
