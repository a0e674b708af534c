"""ptfcal: the PTF Mali calendar."""

__version__ = "0.1.0"
