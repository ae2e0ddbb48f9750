# Read by `flask run` (python-dotenv). Development only: production uses gunicorn.
FLASK_APP=smartspec_site
FLASK_DEBUG=1
