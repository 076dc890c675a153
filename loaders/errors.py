"""The project's errors.

Every error Parley raises on purpose is a `ParleyError` (a `ValueError`), whose message names
the argument or file, the bad value and what was expected, on one line. Pages and the command
line catch `ParleyError` and print its message; a user never sees a traceback for bad input.
"""
from dataclasses import dataclass


class ParleyError(ValueError):
    """A bad argument or bad input, with a one-line message fit for a user."""


class InputError(ParleyError):
    """A whole input file could not be read.

    `path` is the file, `reason` the one-line reason; `str(error)` is "PATH: REASON".
    """

    def __init__(self, path, reason):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class SchemaError(ParleyError):
    """A data frame does not match its declared schema."""


class StoreBusyError(ParleyError):
    """Another process holds the store; the message says which file."""


@dataclass(frozen=True)
class RowProblem:
    """A row-level fault, collected in a report rather than raised: the file, the 1-based row
    (or record) number, the field and why; `record_id` where the source names its records.
    `str()` is the one-line report, e.g. "sheet.csv row 2, field date: 'soon' is not a date".
    """
    file: str
    row: int
    field: str
    reason: str
    record_id: str | None = None
    unit: str = "row"

    def __str__(self):
        where = f"{self.unit} {self.row}" + (f" (id {self.record_id})" if self.record_id else "")
        return f"{self.file} {where}, field {self.field}: {self.reason}"
