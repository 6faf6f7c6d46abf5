"""The one exception an import raises: a submission that cannot be read at all."""

from __future__ import annotations


class SubmissionError(Exception):
    """A submission that cannot be imported; the message names the file and says why.

    Raised before anything is written, so the command can exit with status 2 and leave the
    output untouched.
    """

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}" if source else problem)
        self.source = source
        self.problem = problem
