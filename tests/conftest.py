"""The nbval run covers the lesson notebooks under notebooks/; the notebooks kept in tests/ are
fixtures that tests feed to nbgrader (some fail on purpose), never lessons to execute."""
collect_ignore_glob = ["**/*.ipynb"]
