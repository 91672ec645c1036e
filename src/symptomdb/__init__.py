"""The Symptom Database: a physician-authored symptom catalogue, search and article site."""

__version__ = "0.1.0"
