# A small image that runs the bot as a non-root user: docker build -t civic-bridge-bot .
# Settings come from the environment (see .env.example); the database and /app/data are the
# only things written.
FROM python:3.11-slim AS build
WORKDIR /app
COPY pyproject.toml README.md requirements.lock ./
COPY bot bot
COPY handlers handlers
COPY answers answers
COPY views views
COPY facts facts
COPY users users
COPY loading loading
COPY search search
COPY db db
COPY drafting drafting
# Editable: the installed package points at /app, which the final image has too.
RUN python -m venv /venv && /venv/bin/pip install --no-cache-dir -c requirements.lock -e .
COPY locales locales
RUN for po in locales/*/LC_MESSAGES/*.po; do /venv/bin/pybabel compile -i "$po" -o "${po%.po}.mo"; done

FROM python:3.11-slim
RUN useradd --create-home --uid 10001 bot
COPY --from=build /venv /venv
WORKDIR /app
COPY --from=build /app /app
COPY alembic.ini ./
COPY migrations migrations
COPY --chown=bot:bot content content
RUN mkdir -p /app/data && chown bot:bot /app/data
USER bot
ENV PATH=/venv/bin:$PATH PYTHONUNBUFFERED=1 WEB_HOST=0.0.0.0 WEB_PORT=8080
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s \
  CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8080/healthz', timeout=4)"
CMD ["python", "-m", "bot"]
