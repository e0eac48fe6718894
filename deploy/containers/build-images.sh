#!/usr/bin/env bash
# Build Somos' container images without any image registry:
#   1. the Python base    (Debian bookworm minbase + python3, from Debian packages, mmdebstrap)
#   2. the PostgreSQL image (the same + postgresql, and deploy/containers/postgres/)
#   3. the app image      (deploy/Dockerfile, FROM the Python base)
# 1 and 2 are built only when their tag is missing (delete the image to rebuild it); 3 is
# rebuilt every time (the engine's layer cache makes an unchanged tree quick).
#
#   deploy/containers/build-images.sh            # all three
#   deploy/containers/build-images.sh --bases    # only the base images
#
# Settings (environment):
#   CONTAINER_ENGINE      podman (default when installed) or docker
#   SOMOS_PYTHON_BASE     tag of the Python base      (localhost/somos-python:3.11-bookworm)
#   SOMOS_POSTGRES_IMAGE  tag of the PostgreSQL image (localhost/somos-postgres:15-bookworm)
#   SOMOS_IMAGE           tag of the app image        (localhost/somos:dev)
#   DEBIAN_MIRROR         (http://deb.debian.org/debian); security updates come from
#                         DEBIAN_SECURITY_MIRROR (http://deb.debian.org/debian-security)
# Base images need mmdebstrap (apt-get install mmdebstrap) and root (or mmdebstrap's
# unshare mode). With podman, the build installs from the package index the host's pip
# uses: the host's pip configuration files, CA bundle and local wheel folders are mounted
# read-only for the build (`podman build -v`), never copied into the image.
set -euo pipefail

REPO="$(cd "$(dirname "$0")/../.." && pwd)"
HERE="$REPO/deploy/containers"

if [ -z "${CONTAINER_ENGINE:-}" ]; then
  if command -v podman >/dev/null; then CONTAINER_ENGINE=podman; else CONTAINER_ENGINE=docker; fi
fi
ENGINE=("$CONTAINER_ENGINE")
if [ "$CONTAINER_ENGINE" = podman ]; then
  export CONTAINERS_CONF="${CONTAINERS_CONF:-$HERE/containers.conf}"
fi

PYTHON_BASE="${SOMOS_PYTHON_BASE:-localhost/somos-python:3.11-bookworm}"
POSTGRES_IMAGE="${SOMOS_POSTGRES_IMAGE:-localhost/somos-postgres:15-bookworm}"
POSTGRES_ROOTFS="localhost/somos-debian-postgresql:bookworm"
APP_IMAGE="${SOMOS_IMAGE:-localhost/somos:dev}"
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
SECURITY_MIRROR="${DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}"

log() { printf 'build-images: %s\n' "$*" >&2; }

image_exists() {
  if [ "$CONTAINER_ENGINE" = podman ]; then
    podman image exists "$1"
  else
    docker image inspect "$1" >/dev/null 2>&1
  fi
}

# A Debian bookworm root file system with the given packages, imported as an image.
debian_image() {
  local tag=$1 packages=$2 cmd=$3
  command -v mmdebstrap >/dev/null || {
    log "mmdebstrap is needed to build $tag (apt-get install mmdebstrap)"
    exit 1
  }
  local work
  work="$(mktemp -d)"
  # shellcheck disable=SC2064
  trap "rm -rf '$work'" RETURN
  log "mmdebstrap bookworm + $packages -> $tag"
  mmdebstrap --quiet --variant=minbase --include="$packages" \
    --dpkgopt='path-exclude=/usr/share/man/*' \
    --dpkgopt='path-exclude=/usr/share/doc/*' \
    --dpkgopt='path-include=/usr/share/doc/*/copyright' \
    --dpkgopt='path-exclude=/usr/share/locale/*' \
    --dpkgopt='path-exclude=/usr/share/info/*' \
    --customize-hook='rm -rf "$1"/var/cache/apt/* "$1"/var/lib/apt/lists/* "$1"/var/log/*' \
    --customize-hook='rm -rf "$1"/etc/postgresql/[0-9]* "$1"/var/lib/postgresql/[0-9]*' \
    bookworm "$work/rootfs.tar" \
    "deb $MIRROR bookworm main" \
    "deb $MIRROR bookworm-updates main" \
    "deb $SECURITY_MIRROR bookworm-security main"
  local quiet=()
  [ "$CONTAINER_ENGINE" = podman ] && quiet=(--quiet)
  "${ENGINE[@]}" import "${quiet[@]}" --change "ENV LANG=C.UTF-8" --change "CMD [\"$cmd\"]" \
    "$work/rootfs.tar" "$tag" >/dev/null
}

# `-v host:host:ro` for every file and folder the host's pip configuration refers to.
pip_mounts() {
  python3 - <<'PY'
import configparser, os, re, subprocess, sys

try:
    debug = subprocess.run([sys.executable, "-m", "pip", "config", "debug"],
                           capture_output=True, text=True, timeout=60).stdout
except (OSError, subprocess.SubprocessError):
    sys.exit(0)
files = re.findall(r"^\s+(/\S+), exists: True$", debug, re.MULTILINE)
paths = set(files)
values = []
for name in files:
    parser = configparser.RawConfigParser()
    parser.read(name)
    for section in parser.sections():
        values += parser[section].values()
values += [v for k, v in os.environ.items() if k.startswith("PIP_")]
for value in values:
    for word in value.split():
        url = word.startswith("file://")
        word = word.removeprefix("file://").rstrip("/")
        if word.startswith("/"):
            # A local index links to files beside its simple/ folder (../../files/…).
            paths.add(os.path.dirname(word) if url and word.endswith("/simple") else word)
# The pip inside the image reads the root user's configuration from /root.
for path in sorted(p for p in paths if os.path.exists(p)):
    target = path
    home = os.path.expanduser("~")
    if path.startswith(home + "/") and home != "/root":
        target = "/root" + path[len(home):]
    print(f"-v\n{path}:{target}:ro")
PY
}

# The two root file systems are independent: build the missing ones side by side.
pids=()
if ! image_exists "$PYTHON_BASE"; then
  debian_image "$PYTHON_BASE" "python3,python3-venv,python-is-python3,ca-certificates,passwd" python3 &
  pids+=($!)
else
  log "$PYTHON_BASE present"
fi
if ! image_exists "$POSTGRES_IMAGE" && ! image_exists "$POSTGRES_ROOTFS"; then
  debian_image "$POSTGRES_ROOTFS" "postgresql,ca-certificates" bash &
  pids+=($!)
fi
for pid in "${pids[@]}"; do
  wait "$pid" || { log "a base image failed to build"; exit 1; }
done

if ! image_exists "$POSTGRES_IMAGE"; then
  # (mmdebstrap removed the "main" cluster postgresql-common creates: the entrypoint
  # initialises PGDATA on first start.)
  log "PostgreSQL image -> $POSTGRES_IMAGE"
  "${ENGINE[@]}" build --quiet --build-arg "BASE=$POSTGRES_ROOTFS" \
    -f "$HERE/postgres/Containerfile" -t "$POSTGRES_IMAGE" "$HERE/postgres" >/dev/null
else
  log "$POSTGRES_IMAGE present"
fi

if [ "${1:-}" = --bases ]; then
  exit 0
fi

BUILD=(build --build-arg "PYTHON_IMAGE=$PYTHON_BASE" -f "$REPO/deploy/Dockerfile" -t "$APP_IMAGE")
if [ "$CONTAINER_ENGINE" = podman ]; then
  mapfile -t MOUNTS < <(pip_mounts)
  BUILD+=(--network=host "${MOUNTS[@]}")
fi
log "app image -> $APP_IMAGE"
"${ENGINE[@]}" "${BUILD[@]}" "$REPO"
