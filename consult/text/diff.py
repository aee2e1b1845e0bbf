"""Word-level differences between two texts: a proposed wording against the current one."""

import difflib
import re
from dataclasses import dataclass

# Words with their trailing spaces, so joined segments reproduce the text exactly.
_TOKEN = re.compile(r"\S+\s*|\s+")


@dataclass(frozen=True)
class Segment:
    #: "same", "removed" or "added".
    kind: str
    text: str


def word_diff(old: str, new: str) -> list[Segment]:
    """Segments that, read in order, show `new` as changes to `old`."""
    before = _TOKEN.findall(old or "")
    after = _TOKEN.findall(new or "")
    # Compare words without their spacing, so a changed line break is not a change.
    matcher = difflib.SequenceMatcher(
        a=[t.strip() for t in before], b=[t.strip() for t in after], autojunk=False
    )
    segments: list[Segment] = []
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            segments.append(Segment("same", "".join(after[b1:b2])))
            continue
        if a2 > a1:
            segments.append(Segment("removed", "".join(before[a1:a2])))
        if b2 > b1:
            segments.append(Segment("added", "".join(after[b1:b2])))
    return [s for s in segments if s.text]
