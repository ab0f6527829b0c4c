"""grading: the instructor's side of the course (and the students' exchange verbs), over nbgrader.

nbgrader already provides the assignment workflow (generate, release, collect, autograde,
feedback), the gradebook and the exchange; this package adds what it lacks, through its own
extension points: a bubblewrap sandbox for autograding kernels (sandbox.py, limits.py), a hardened
collect (exchange.py), answers graded as data (answers.py), parallel autograding that stops cleanly
(parallel.py), roster import with row-level errors (roster.py), manual grading from the terminal
(manual.py), feedback in the notebook's language (feedback.py), a quoted UTF-8 CSV export
(export.py), cohort reports (reports.py), the students' fetch/submit/list (student.py) and
nbgrader's reasons in the instructor's language (messages.py). `conduct-course` (cli.py) is the one
command; course.py holds the course folder and the one nbgrader pipeline every course uses.
"""
