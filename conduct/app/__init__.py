"""The learner app: the course served by Voilà as pages without code, menus or an IDE.

`./course start` (or `python -m conduct.app`) serves the folder notebooks/ with Voilà in directory
mode, so every page is `/voila/render/<lang>/<file>.ipynb` and pages link to each other with
relative links. The pages are generated notebooks like the lessons: each holds one hidden call into
`conduct.app.pages`, which draws the home page (module cards, status, continue, name), the final
test and the certificate from the learner's progress file. The app writes only that file, never
the checkout.
"""
