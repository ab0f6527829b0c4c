"""The learner curriculum: lessons as data (lessons.py documents the schema), the notebook
generator (`python -m conduct.curriculum.build`) and the one-line calls notebooks make (show.py).
"""
