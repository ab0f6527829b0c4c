"""Text handling for the checker: normalisation with offset mapping, and language detection."""

from conduct.text.language import detect
from conduct.text.normalize import Normalized, fold, normalize

__all__ = ["Normalized", "detect", "fold", "normalize"]
