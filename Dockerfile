# The oO silo image used by k8s/. Build from the repository root: docker build -t oo-silo .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
# linux-x64 only: the task-meaning model's ONNX Runtime ships native builds for eight platforms, and a
# portable publish would carry all of them (~230 MB); this one carries the one the image runs on.
RUN dotnet publish src/Silo/Silo.csproj -c Release -r linux-x64 --self-contained false -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
# The process runs as this fixed, unprivileged uid (the image's own "app" user), so a flaw in it cannot
# write the program files (owned by root) or act as root; k8s/silo.yaml asks for the same uid.
ARG OO_UID=1654
WORKDIR /app
COPY --from=build /app .
# The data directory (SQLite file, Data Protection keys and VAPID pair of the embedded default) is
# the only place the process writes.
RUN mkdir -p /app/data && chown ${OO_UID}:${OO_UID} /app/data && chmod 0700 /app/data
ENV ASPNETCORE_URLS=http://+:8080 \
    OO__DataDirectory=/app/data
USER ${OO_UID}:${OO_UID}
# 8080: HTTP (API, web client, /healthz, /readyz). 11111: silo to silo only (no client gateway is opened).
EXPOSE 8080 11111
ENTRYPOINT ["dotnet", "OO.Silo.dll"]
