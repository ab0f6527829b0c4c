"""The post-classification exercise as plain state: which post, what was chosen, what counts as right.

The classifier widget is only a view of this object (see `classifier.py`), so the exercise's rules
(what counts as a right clause, where a returning learner continues, how the score is counted) are
tested without building a single widget. The progress file is the truth: the state is rebuilt from
the latest saved answer to each item whenever the exercise is opened again (after a kernel restart,
in another tab, in the other language), and every answer is saved before the view shows feedback.

Clause choices are the same for every post in an exercise by the same kind of author (the clauses
the concern vocabulary can cite for that role, plus the gold clauses of the exercise's posts by
that role), so the buttons offered do not give the answer away. For an `ok` post the right clause
answer is "no clause broken"; when its gold names a clause that the concern map gives to an
encouraged (`ok`) concern, such as sharing positive content, choosing that clause counts as right too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from conduct.bank import Post
from conduct.code import load_code
from conduct.code.concerns import concerns
from conduct.progress import ProgressStore, try_store

NONE = "none"  # the "no clause broken" choice
STEPS = ("verdict", "clause")


def encouraged_clauses(role: str) -> set[str]:
    """Clauses the concern map cites for encouraged (`ok`) concerns for this author, e.g. {"4(7)"}."""
    return {cid for c in concerns().values() if c.verdict == "ok" and c.applies_to(role) for cid in c.clauses_for(role)}


def clause_choices(post: Post, others: Sequence[Post] = ()) -> list[str]:
    """The clause buttons for a post, in the Code's order, then "none".

    `others` are the exercise's other posts: their gold clauses are offered too for every post by
    an author of the same role, so a clause button never appears only when it is the answer.
    """
    ids = set(post.clauses).union(*(o.clauses for o in others if o.role == post.role))
    for c in concerns().values():
        if c.applies_to(post.role):
            ids.update(c.clauses_for(post.role))
    order = [c.id for c in load_code().clauses]
    return [cid for cid in order if cid in ids] + [NONE]


def right_clauses(post: Post) -> set[str]:
    """The clause answers that count as right for a post."""
    if post.verdict == "ok":
        return {NONE} | (encouraged_clauses(post.role) & set(post.clauses))
    return set(post.clauses)


@dataclass(frozen=True)
class VerdictOutcome:
    post: Post
    chosen: str
    correct: bool
    error: OSError | None


@dataclass(frozen=True)
class ClauseOutcome:
    post: Post
    chosen: str
    correct: bool
    right: frozenset[str]
    error: OSError | None


@dataclass(frozen=True)
class Score:
    correct: int  # right choices, over both steps of every post
    choices: int
    posts_right: int  # posts with both steps right
    posts: int

    @property
    def percent(self) -> int:
        return round(100 * self.correct / self.choices) if self.choices else 0


class ClassifierState:
    """One learner working through one exercise's posts, two steps per post."""

    def __init__(self, posts: Sequence[Post], exercise_id: str, store: ProgressStore) -> None:
        if not posts:
            raise ValueError(f"exercise {exercise_id!r} has no posts")
        self.posts = tuple(posts)
        self.exercise_id = exercise_id
        self.store = store
        self.items = tuple(f"{p.id}:{step}" for p in self.posts for step in STEPS)
        self.results: dict[str, bool] = {}
        self.chosen: dict[str, str] = {}  # item -> the answer given (latest), to redraw a half-answered post
        self.read_error = try_store(self._reload)
        self.start_error = try_store(lambda: store.start(exercise_id, len(self.items)))
        self.index = self.resume_index() or 0

    def _reload(self) -> None:
        latest = {item: a for (_, item), a in self.store.latest(self.exercise_id).items() if item in self.items}
        self.results = {item: a.correct for item, a in latest.items()}
        self.chosen = {item: a.answer for item, a in latest.items()}

    # -- where the learner is --------------------------------------------------------------
    @property
    def post(self) -> Post:
        return self.posts[self.index]

    def post_done(self, post: Post) -> bool:
        return all(f"{post.id}:{step}" in self.results for step in STEPS)

    def done_count(self) -> int:
        return sum(self.post_done(p) for p in self.posts)

    def finished(self) -> bool:
        return self.done_count() == len(self.posts)

    def resume_index(self) -> int | None:
        """The first post not yet answered in both steps, or None when all are."""
        return next((k for k, p in enumerate(self.posts) if not self.post_done(p)), None)

    def step(self) -> str:
        """ "verdict" or "clause": what the current post asks for next ("done" if both were answered)."""
        for s in STEPS:
            if f"{self.post.id}:{s}" not in self.results:
                return s
        return "done"

    def verdict_given(self) -> VerdictOutcome | None:
        """The saved verdict of the current post when its clause is still to choose (after a restart)."""
        chosen = self.chosen.get(f"{self.post.id}:verdict")
        if self.step() != "clause" or chosen is None:
            return None
        return VerdictOutcome(self.post, chosen, chosen == self.post.verdict, None)

    def choices(self) -> list[str]:
        return clause_choices(self.post, self.posts)

    def advance(self) -> bool:
        """Move to the next unanswered post (after this one, then from the start); False when none is left."""
        later = next((k for k in range(self.index + 1, len(self.posts)) if not self.post_done(self.posts[k])), None)
        target = later if later is not None else self.resume_index()
        if target is None:
            return False
        self.index = target
        return True

    # -- answering ------------------------------------------------------------------------
    def _save(self, step: str, chosen: str, correct: bool) -> OSError | None:
        post = self.post
        item = f"{post.id}:{step}"
        self.results[item] = correct
        self.chosen[item] = chosen
        error = try_store(lambda: self.store.record(self.exercise_id, item, chosen, correct, post.clauses))
        if error is None and self.finished():
            error = try_store(lambda: self.store.complete(self.exercise_id))
        return error

    def choose_verdict(self, verdict: str) -> VerdictOutcome:
        correct = verdict == self.post.verdict
        return VerdictOutcome(self.post, verdict, correct, self._save("verdict", verdict, correct))

    def choose_clause(self, choice: str) -> ClauseOutcome:
        right = right_clauses(self.post)
        correct = choice in right
        return ClauseOutcome(self.post, choice, correct, frozenset(right), self._save("clause", choice, correct))

    def score(self) -> Score:
        got = sum(self.results.get(it, False) for it in self.items)
        both = sum(all(self.results.get(f"{p.id}:{s}", False) for s in STEPS) for p in self.posts)
        return Score(got, len(self.items), both, len(self.posts))

    def restart(self) -> None:
        """A fresh round: earlier answers stay in the file, new ones are saved over them as they come."""
        self.results.clear()
        self.chosen.clear()
        self.index = 0
