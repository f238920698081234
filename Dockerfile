# rendergate farm (and gateway) image: built from this repository by `cdk deploy` (infra/) or
# `docker compose build`. Stage 1 builds the executable jar with Maven; stage 2 runs it on a slim Debian
# with a headless JRE, Debian's Chromium and fonts, as a non-root user.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY edge-function edge-function
COPY static-site static-site
COPY prerender-server prerender-server
COPY gateway gateway
COPY cli cli
COPY infra/pom.xml infra/pom.xml
RUN mvn -B -q -Dmaven.test.skip=true -pl cli -am package

FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        ca-certificates=* openjdk-17-jre-headless=* chromium=* \
        fonts-liberation=* fonts-noto-core=* fonts-noto-color-emoji=* \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --create-home --home-dir /home/rendergate --uid 10001 rendergate
COPY --from=build /src/cli/target/rendergate.jar /opt/rendergate/rendergate.jar
COPY --from=build /src/static-site/site /opt/rendergate/site
USER rendergate
WORKDIR /home/rendergate
ENV RENDERGATE_PORT=3000 \
    RENDERGATE_LOG_FORMAT=json \
    RENDERGATE_SITE=/opt/rendergate/site
EXPOSE 3000
# The same command the launcher (./rendergate) and the tests run: java -jar rendergate.jar <command>.
# Options come from RENDERGATE_* variables (the farm's token: RENDERGATE_TOKEN, from a secret).
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=60", "-jar", "/opt/rendergate/rendergate.jar"]
CMD ["farm"]
