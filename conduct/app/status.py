"""What a home page says: each module's status, the overall percentage, where to continue.

Read from the progress file alone (conduct.progress: answers, completed exercises, pages visited),
so every page, tab and restart agrees. Module status is the progress module's own rule
(`module_status`): done when every exercise and quiz of the lesson was completed, a reading page
done once opened.
"""

from __future__ import annotations

from dataclasses import dataclass

from conduct.app.homes import Home, modules
from conduct.curriculum.lessons import Lesson
from conduct.curriculum.show import module_of
from conduct.progress import ModuleStatus, ProgressStore, module_status

DONE, NOT_STARTED = "done", "not_started"


@dataclass(frozen=True)
class HomeStatus:
    home: Home
    lessons: tuple[Lesson, ...]
    modules: tuple[ModuleStatus, ...]  # in the order of `lessons`
    percent: int  # share of modules done
    next_lesson: Lesson | None  # where "continue" leads; None once every module is done

    @property
    def done(self) -> int:
        return sum(m.state == DONE for m in self.modules)

    @property
    def begun(self) -> bool:
        return any(m.state != NOT_STARTED for m in self.modules)


def _last_worked_on(lessons: tuple[Lesson, ...], store: ProgressStore) -> int | None:
    """Index of the lesson the learner last answered something in."""
    owner = {pid: i for i, lesson in enumerate(lessons) for pid, _ in module_of(lesson).parts}
    mine = [a for a in store.answers() if a.exercise_id in owner]
    return owner[mine[-1].exercise_id] if mine else None


def home_status(home: Home, store: ProgressStore) -> HomeStatus:
    """Every module's status, the overall percentage and the lesson to continue with."""
    lessons = modules(home)
    statuses = tuple(module_status(store, [module_of(lesson) for lesson in lessons]))
    percent = (100 * sum(m.state == DONE for m in statuses)) // len(statuses) if statuses else 0
    start = _last_worked_on(lessons, store) or 0
    order = list(range(start, len(lessons))) + list(range(start))  # the first unfinished from there on
    nxt = next((lessons[i] for i in order if statuses[i].state != DONE), None)
    return HomeStatus(home, lessons, statuses, percent, nxt)
