"""Problems found in input data, each with the place it was found."""

from __future__ import annotations

from dataclasses import dataclass

from .limits import INVISIBLE

#: Most characters of a found value a problem shows: a whole cell of
#: 30,000 characters pasted by mistake (or on purpose) would bury the
#: message and every problem after it.
MAX_SHOWN = 80


def shown(value: object) -> str:
    """A found value as a problem shows it: ``repr``, cut to
    :data:`MAX_SHOWN` characters with how much was left out."""
    text = repr(value)
    if isinstance(value, str):
        # a character that shows nothing (repr leaves a combining
        # grapheme joiner or a variation selector as it is) as its code
        text = "".join(
            (f"\\u{ord(c):04x}" if ord(c) < 0x10000 else f"\\U{ord(c):08x}")
            if ord(c) in INVISIBLE
            else c
            for c in text
        )
    if len(text) <= MAX_SHOWN:
        return text
    return f"{text[: MAX_SHOWN - 1]}… ({len(text):,} characters)"


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with an input, named by its place.

    ``row`` is the 1-based spreadsheet row (row 1 holds the headers);
    ``column`` is the header name. Either may be ``None`` when the problem
    concerns a whole file or sheet.
    """

    message: str
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    value: object = None
    expected: str | None = None
    file: str | None = None

    def place(self) -> str:
        parts = []
        if self.file:
            parts.append(self.file)
        if self.sheet:
            parts.append(f"sheet {self.sheet}")
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column:
            parts.append(f"column {self.column}")
        return ", ".join(parts)

    def __str__(self) -> str:
        text = self.message
        if self.value is not None and self.value != "":
            text += f" (found {shown(self.value)}"
            text += f"; expected {self.expected})" if self.expected else ")"
        elif self.expected:
            text += f" (expected {self.expected})"
        place = self.place()
        return f"{place}: {text}" if place else text


class ScenarioError(ValueError):
    """Raised when input data has one or more problems."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
