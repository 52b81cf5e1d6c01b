"""Small form controls styled the house way: choice rows (radio buttons, checkboxes) and year inputs."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dash import dcc

ChoiceOptions = Mapping[str, Any] | list[dict[str, Any]]


def _options(choices: ChoiceOptions) -> list[dict[str, Any]]:
    """Dash options from `{value: label}`, or ready option dicts as they are."""
    if isinstance(choices, Mapping):
        return [{"label": label, "value": value} for value, label in choices.items()]
    return list(choices)


def radio_row(component_id: str, choices: ChoiceOptions, value: Any, class_name: str = "radio-row") -> dcc.RadioItems:
    """One choice among a few, laid out in a row of pill-shaped labels."""
    return dcc.RadioItems(
        id=component_id,
        options=_options(choices),
        value=value,
        className=class_name,
        inputClassName="check-input",
        labelClassName="check",
    )


def checklist(component_id: str, choices: ChoiceOptions, value: list, class_name: str = "checklist") -> dcc.Checklist:
    """Any number of choices, as pill-shaped checkbox labels."""
    return dcc.Checklist(
        id=component_id,
        options=_options(choices),
        value=value,
        className=class_name,
        inputClassName="check-input",
        labelClassName="check",
    )


def year_input(component_id: str, placeholder: str) -> dcc.Input:
    """A four-digit year field that reports only when the user has finished typing."""
    return dcc.Input(
        id=component_id,
        type="number",
        min=1000,
        max=2999,
        step=1,
        debounce=True,
        placeholder=placeholder,
        className="text-input year-input",
    )
