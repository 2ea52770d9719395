# Shortcuts for the two commands (make is optional: `python3 dev.py demo|test` does the same).
.PHONY: demo test lint messages lock
demo: ; python3 dev.py demo
test: ; python3 dev.py test
lint: ; python3 dev.py lint
messages: ; python3 dev.py messages
lock: ; python3 dev.py lock
