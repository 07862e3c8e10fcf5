"""Course-specific exceptions: each message tells a student what went wrong and what to do."""


class CourseError(Exception):
    """Base class: every error course_lib raises on purpose is one of these."""


class UnknownDatasetError(CourseError, KeyError):
    """A dataset name that the data package does not contain."""

    def __str__(self):  # KeyError would wrap the message in quotes
        return self.args[0] if self.args else ""


class DataFileMissingError(CourseError, FileNotFoundError):
    """The descriptor names a file that is not on disk."""


class ChecksumError(CourseError):
    """A data file's sha256 differs from the one recorded in the descriptor."""


class SchemaError(CourseError):
    """A data file breaks its schema (header, type, constraint or key)."""


class DescriptorError(CourseError):
    """data/datapackage.json is missing, not JSON, or lacks a required key."""


class AnswerError(CourseError):
    """A self-check or a written answer could not be processed."""
