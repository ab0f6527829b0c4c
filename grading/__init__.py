"""grading: the instructor's side of the course, a thin layer over nbgrader.

nbgrader already provides the assignment workflow (generate, release, collect, autograde,
feedback) and the gradebook; this package adds what it lacks, through its own extension points:
a bubblewrap sandbox for autograding kernels (sandbox.py), parallel autograding of a cohort
(parallel.py), roster import with row-level errors (roster.py), a quoted UTF-8 CSV export
(export.py) and cohort reports (reports.py). `conduct-course` (cli.py) is the one command.
"""
