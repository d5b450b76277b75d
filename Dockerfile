# Builds and runs the application; configuration comes only from environment variables.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY processes processes
COPY forms forms
COPY src src
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /app
# A font with Chinese characters for the case file's PDF export (safeguarding.case-file.pdf-font).
RUN apt-get update && apt-get install -y --no-install-recommends fonts-wqy-microhei \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 1001 safeguarding
COPY --from=build /src/target/safeguarding-*.jar app.jar
USER safeguarding
EXPOSE 8080
ENV SPRING_PROFILES_ACTIVE=postgres
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
