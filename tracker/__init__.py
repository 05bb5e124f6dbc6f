"""policy-tracker: watch privacy policies and terms, keep their history in git, explain changes."""

__version__ = "0.1.0"
