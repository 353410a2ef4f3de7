#!/usr/bin/env bash
# Makes the server's AOT cache (gale-server.aot) in a laid-out image, IMAGE_DIR (the Dockerfile's /opt/gale): a
# training run of `gale server` on the image's own runtime and jars, the only ones a cache serves. The image's
# launcher (bin/gale) starts the server with it. Used by the Dockerfile and by ContainerRuntimeIT.
#   deploy/train-aot-cache.sh IMAGE_DIR
set -euo pipefail
image="${1:?usage: train-aot-cache.sh IMAGE_DIR}"
. "$image/bin/jvm-options.sh"
gale_train_server_cache "$image/jre/bin/java" "$image/gale.jar:$image/lib/*" "$image/gale-server.aot"
# The image builds only with its cache: a server without one starts about a quarter slower.
[ -f "$image/gale-server.aot" ]
