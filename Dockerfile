# The API image. The package is installed in place so that it finds cypher/ and seed/.
FROM python:3.11-slim
WORKDIR /app
RUN useradd --create-home --uid 10001 map
COPY pyproject.toml README.md ./
COPY service ./service
COPY cypher ./cypher
COPY seed ./seed
RUN pip install --no-cache-dir -e .
USER map
EXPOSE 8000
CMD ["a87map", "serve", "--host", "0.0.0.0", "--port", "8000"]
