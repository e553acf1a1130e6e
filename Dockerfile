# One image per service: docker build --build-arg PROJECT=producer/Streaming.Producer --build-arg APP=producer .
# The runtime image carries Debian's librdkafka, so the build prunes librdkafka.redist exactly as on the dev machines.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
RUN apt-get update && apt-get install -y --no-install-recommends librdkafka-dev && rm -rf /var/lib/apt/lists/*
ARG PROJECT
WORKDIR /src
COPY . .
RUN dotnet publish "$PROJECT" -c Release -o /app -p:UseSystemLibrdkafka=true

FROM mcr.microsoft.com/dotnet/aspnet:10.0
RUN apt-get update && apt-get install -y --no-install-recommends librdkafka1 && rm -rf /var/lib/apt/lists/*
ARG APP
ENV APP=${APP}
WORKDIR /app
COPY --from=build /app .
COPY data /app/data
ENTRYPOINT ["sh", "-c", "exec /app/$APP \"$@\"", "--"]
