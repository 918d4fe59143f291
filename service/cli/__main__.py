"""`python -m service.cli`: the same command line as `a87map`."""

from service.cli import app

app()
