"""The project's errors.

Every error Parley raises on purpose is a `ParleyError` (a `ValueError`), whose message names
the argument or file, the bad value and what was expected, on one line. Pages and the command
line catch `ParleyError` and print its message; a user never sees a traceback for bad input.
"""


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
