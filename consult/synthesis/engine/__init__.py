"""Synthesis engine: plain contributions and votes in, a JSON-ready synthesis out."""

from .pipeline import synthesise
from .types import (
    AGREE,
    DISAGREE,
    PASS,
    Assignment,
    CommentStat,
    Contribution,
    DuplicateGroup,
    OpinionGroup,
    Opinions,
    SynthesisParams,
    SynthesisResult,
    Theme,
    Votes,
)

__all__ = [
    "AGREE",
    "DISAGREE",
    "PASS",
    "Assignment",
    "CommentStat",
    "Contribution",
    "DuplicateGroup",
    "OpinionGroup",
    "Opinions",
    "SynthesisParams",
    "SynthesisResult",
    "Theme",
    "Votes",
    "synthesise",
]
