# The API image, with the explorer page built in a first stage. The package is installed
# in place so that it finds cypher/, seed/ and explorer/dist/.
FROM node:20-slim AS explorer
WORKDIR /explorer
COPY explorer/package.json explorer/package-lock.json explorer/.npmrc ./
RUN npm ci --no-audit --no-fund
COPY explorer ./
RUN npm run build

FROM python:3.11-slim
WORKDIR /app
RUN useradd --create-home --uid 10001 map
# The service's packages from the hashed pins (requirements/main.txt, no tools), built with
# the pinned setuptools, then the project in place and pyIATI's data without its old pins.
COPY requirements ./requirements
RUN python -m pip install --no-cache-dir --require-hashes --no-deps -r requirements/tools.txt \
    && python -m pip install --no-cache-dir --require-hashes --no-build-isolation \
        -r requirements/main.txt \
    && python -m pip install --no-cache-dir --require-hashes --no-deps --no-build-isolation \
        -r requirements/iati.txt
COPY pyproject.toml README.md ./
COPY service ./service
COPY cypher ./cypher
COPY seed ./seed
COPY --from=explorer /explorer/dist ./explorer/dist
RUN python -m pip install --no-cache-dir --no-deps --no-build-isolation -e .
USER map
EXPOSE 8000
CMD ["a87map", "serve", "--host", "0.0.0.0", "--port", "8000"]
