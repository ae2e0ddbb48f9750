"""The benchmark's floor: a bare Flask route returning fixed bytes (the start page's), served
by gunicorn with the same settings as the app. ``BENCH_FLOOR_BODY`` names the file."""

from __future__ import annotations

import os
from pathlib import Path

from flask import Flask, Response


def create_app() -> Flask:
    body = Path(os.environ["BENCH_FLOOR_BODY"]).read_bytes()
    app = Flask(__name__)

    @app.get("/")
    def floor() -> Response:
        return Response(body, mimetype="text/html")

    return app
