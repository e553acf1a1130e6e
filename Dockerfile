# One image per service: docker build --build-arg PROJECT=producer/Streaming.Producer --build-arg APP=producer .
# librdkafka 2.16.0 comes from the librdkafka.redist package in the published folder; no system librdkafka is needed
# (contracts' LibrdkafkaLoader binds the package's file that loads on the image's glibc).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG PROJECT
WORKDIR /src
COPY . .
RUN dotnet publish "$PROJECT" -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
ARG APP
ENV APP=${APP}
WORKDIR /app
COPY --from=build /app .
COPY data /app/data
ENTRYPOINT ["sh", "-c", "exec /app/$APP \"$@\"", "--"]
