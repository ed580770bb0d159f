# Ragline: multi-stage build. docker build --build-arg VERSION=1.4.0 -t ragline:1.4.0 .
# Built for Java 21 and run on a Java 25 JRE, with Java's vector module, so Lucene computes HNSW distances
# with SIMD. BUILD_IMAGE (Maven on a JDK 21+) and RUNTIME_IMAGE (a Debian or Ubuntu JRE 25 with apt-get) are
# build arguments: scripts/stack passes images it built from Debian's packages.
ARG BUILD_IMAGE=maven:3.9-eclipse-temurin-25
ARG RUNTIME_IMAGE=eclipse-temurin:25-jre
FROM ${BUILD_IMAGE} AS build
WORKDIR /build
COPY pom.xml .
RUN mvn -B -ntp -q dependency:go-offline
COPY src src
RUN mvn -B -ntp -q package -DskipTests && cp target/ragline-*.jar /build/ragline.jar

FROM ${RUNTIME_IMAGE}
ARG VERSION=dev
# /health reports it
ENV RAGLINE_RELEASE_VERSION=${VERSION}
RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && groupadd --system ragline && useradd --system --gid ragline --home-dir /app ragline \
    && mkdir -p /app/data && chown -R ragline:ragline /app
WORKDIR /app
COPY --from=build --chown=ragline:ragline /build/ragline.jar /app/ragline.jar
USER ragline
EXPOSE 8080
VOLUME /app/data
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=3 CMD curl -fsS http://localhost:8080/health || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "--add-modules", "jdk.incubator.vector", "-jar", "/app/ragline.jar"]
