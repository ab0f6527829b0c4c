"""Map positions in a rewritten string back to the string the user typed.

The checker matches on a normalised copy of the post (NFC, no zero-width characters, teencode
expanded, split letters joined) but must report evidence as offsets into the text exactly as
given. Rewriting records only the regions it changed, so the map costs nothing for text that
needed no rewriting and stays small for a 1 MB post.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass
class OffsetMap:
    """Replaced regions, in order: new[new_start:new_end] came from old[old_start:old_end]."""

    new_starts: list[int] = field(default_factory=list)
    new_ends: list[int] = field(default_factory=list)
    old_starts: list[int] = field(default_factory=list)
    old_ends: list[int] = field(default_factory=list)

    def add(self, new_start: int, new_end: int, old_start: int, old_end: int) -> None:
        self.new_starts.append(new_start)
        self.new_ends.append(new_end)
        self.old_starts.append(old_start)
        self.old_ends.append(old_end)

    def start(self, pos: int) -> int:
        """The old position where a span starting at new position `pos` starts."""
        i = bisect_right(self.new_starts, pos) - 1
        if i < 0:
            return pos
        if pos < self.new_ends[i]:  # inside a replacement: the whole source region
            return self.old_starts[i]
        return pos + self.old_ends[i] - self.new_ends[i]

    def end(self, pos: int) -> int:
        """The old position where a span ending (exclusively) at new position `pos` ends."""
        i = bisect_left(self.new_starts, pos) - 1
        if i < 0:
            return pos
        if pos <= self.new_ends[i]:
            return self.old_ends[i]
        return pos + self.old_ends[i] - self.new_ends[i]


def compose(*maps: OffsetMap | None):
    """A (start, end) mapper through several rewrites, outermost (last applied) first."""
    chain = [m for m in maps if m is not None and m.new_starts]

    def span(s: int, e: int) -> tuple[int, int]:
        for m in chain:
            s, e = m.start(s), max(m.start(s), m.end(e))  # an empty span stays empty after a deletion
        return s, e

    return span


def splice(text: str, edits: Iterable[tuple[int, int, str]]) -> tuple[str, OffsetMap | None]:
    """Apply in-order, non-overlapping edits (start, end, replacement) to `text`, recording where
    each replacement came from so findings in the new text point back into the original.
    Returns the map as None when nothing changed."""
    omap = OffsetMap()
    out: list[str] = []
    last = pos = 0  # end of the last edit in text; length of the output so far
    for s, e, new in edits:
        out.append(text[last:s])
        pos += s - last
        omap.add(pos, pos + len(new), s, e)
        out.append(new)
        pos += len(new)
        last = e
    if not omap.new_starts:
        return text, None
    out.append(text[last:])
    return "".join(out), omap


def merge_spans(spans: Iterable[tuple[int, int]], length: int | None = None) -> list[tuple[int, int]]:
    """Sorted, non-overlapping spans (overlapping or touching ones joined), clipped to `length` when
    given: evidence is reported and marked once even where matches nest."""
    out: list[list[int]] = []
    for s, e in sorted((max(0, int(s)), int(e) if length is None else min(length, int(e))) for s, e in spans):
        if s >= e:
            continue
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]
