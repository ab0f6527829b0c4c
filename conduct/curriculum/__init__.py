"""The learner curriculum, built from data so the Vietnamese and English editions cannot drift.

- lessons.py: the lesson format (its docstring is the schema), the loader that validates it, and
  the registry of tracks (the course; the school program's age-banded lessons reuse the format);
- cite.py:    `[[4(5)]]` citations written out as "Điều 4 khoản 5" / "Art. 4(5)";
- build.py:   `python -m conduct.curriculum.build [--check]` writes notebooks/<lang>/…/NN-Title.ipynb;
- show.py:    the one-line calls the notebooks make to display widgets.

Lesson files: conduct/curriculum/data/lessons/NN-*.yaml. After editing one, run the build and
commit the notebooks; tests/notebooks fails on any difference.
"""
