"""The course on JupyterHub: settings, the limited spawner, setup, a learner client (see deploy/)."""
