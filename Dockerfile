# The iamlab grader as a container image, for GitLab CI, Jenkins, Azure Pipelines and any other CI that runs images
# (docs/grading-in-ci.md, "A container image"). Build it from the repository's root:
#
#   docker build -t iamlab .
#   docker run --rm -v "$PWD:/work" iamlab grade cross-account-external-id --submission answer
#
# No Docker engine runs where the lab is developed and tested, so this file has never been built there. Its one RUN
# step is .github/action/install.sh, the same script the GitHub Action runs; the tests run that script the way this
# file does (same variables, the same kind of tool folder) and grade with the installed command (DockerImageTests).

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /lab
COPY . .
RUN IAMLAB_LAB=/lab IAMLAB_FEED=/tmp/iamlab-feed .github/action/install.sh /opt/iamlab

# The tool runs on the ASP.NET Core runtime (iamlab serve is an ASP.NET Core endpoint); the image carries the tool's
# folder only: the learners' part of the scenarios, no sources, no solutions, no answers, no hidden checks.
FROM mcr.microsoft.com/dotnet/aspnet:10.0
COPY --from=build /opt/iamlab /opt/iamlab
ENV DOTNET_ROOT=/usr/share/dotnet \
    PATH="/opt/iamlab:${PATH}" \
    DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_NOLOGO=1
WORKDIR /work
USER $APP_UID
ENTRYPOINT ["/opt/iamlab/iamlab"]
CMD ["--help"]
