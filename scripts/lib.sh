# Shared helpers for the stack and test scripts. Sourced, not executed.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT" || exit 1

say()  { printf '\033[1;34m[rectiflow]\033[0m %s\n' "$*" >&2; }
warn() { printf '\033[1;33m[rectiflow]\033[0m %s\n' "$*" >&2; }
die()  { printf '\033[1;31m[rectiflow]\033[0m %s\n' "$*" >&2; exit 1; }

# Reads KEY from the environment, else from .env, else the default given.
cfg() {
  local key="$1" def="${2:-}" val
  val="${!key:-}"
  if [ -z "$val" ] && [ -f "$ROOT/.env" ]; then
    val="$(grep -E "^${key}=" "$ROOT/.env" | tail -n1 | cut -d= -f2- | sed -e 's/^"//' -e 's/"$//')"
  fi
  printf '%s' "${val:-$def}"
}

require_node() {
  command -v node >/dev/null || die "Node.js 20.19+ is required (https://nodejs.org)."
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' \
    || die "Node.js 20.19+ is required; found $(node -v)."
}

# npm ci only when package-lock.json changed since the last install: a fresh clone installs, a rerun does not.
install_deps() {
  require_node
  local want have=""
  want="$(sha256sum package-lock.json | cut -c1-64)"
  [ -f node_modules/.rectiflow-lock ] && have="$(cat node_modules/.rectiflow-lock)"
  if [ "$want" != "$have" ]; then
    say "Installing npm dependencies (npm ci, about a minute)…"
    npm ci --no-audit --no-fund --loglevel=error >&2 || die "npm ci failed"
    echo "$want" > node_modules/.rectiflow-lock
  fi
}

# Creates .env from .env.example on first run, with a freshly generated JWT secret.
ensure_env_file() {
  if [ ! -f .env ]; then
    local secret
    secret="$(node -e 'console.log(require("crypto").randomBytes(32).toString("hex"))')"
    sed "s/^JWT_SECRET=.*/JWT_SECRET=${secret}/" .env.example > .env
    say "Created .env from .env.example (with a random JWT_SECRET)."
  fi
}

# OCR of scanned PDFs / images at import: Debian's tesseract with the Simplified Chinese model, and poppler's
# pdftoppm to render PDF pages. Optional: without them such documents are refused with NO_TEXT_LAYER.
ensure_ocr() {
  if command -v tesseract >/dev/null && command -v pdftoppm >/dev/null \
    && tesseract --list-langs 2>/dev/null | grep -qx chi_sim; then
    return 0
  fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "Installing OCR (tesseract-ocr, tesseract-ocr-chi-sim, poppler-utils) from Debian packages…"
    { apt-get update -qq && apt-get install -y -qq tesseract-ocr tesseract-ocr-chi-sim poppler-utils; } >&2 \
      || warn "OCR could not be installed: scanned PDFs and images will be refused (NO_TEXT_LAYER)"
  else
    warn "OCR not installed (as root: apt-get install -y tesseract-ocr tesseract-ocr-chi-sim poppler-utils); scanned PDFs and images will be refused"
  fi
}

# The browser test drives Debian's Chromium (no browser download: the network only serves registries).
ensure_chromium() {
  local bin="${CHROMIUM_PATH:-/usr/bin/chromium}"
  # Chinese glyphs for the browser tests' screenshots (without them every label is a row of boxes).
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null && ! fc-list :lang=zh 2>/dev/null | grep -q .; then
    { apt-get update -qq && apt-get install -y -qq fonts-noto-cjk; } >&2 || say "fonts-noto-cjk could not be installed"
  fi
  [ -x "$bin" ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "Installing Chromium from Debian packages for the browser test (about half a minute)…"
    { apt-get update -qq && apt-get install -y -qq chromium; } >&2 || die "apt-get install chromium failed"
  else
    die "The browser test needs Chromium at $bin. As root: apt-get install -y chromium (or set CHROMIUM_PATH)."
  fi
}

# Name=Type pairs of the custom search attributes every Rectiflow namespace needs.
search_attribute_pairs() { grep -vE '^\s*(#|$)' "$ROOT/scripts/temporal-search-attributes.txt"; }

# Registers the search attributes a namespace lacks. `search-attribute create` has no --yes flag and asks nothing.
# A namespace created a moment ago is in the database (describe finds it) before it is in the services' namespace
# cache, refreshed every ~10 s: until then create answers "Namespace … is not found", so it is tried for a while.
# Usage: register_search_attributes TEMPORAL_CLI ADDRESS "NS1 NS2"
register_search_attributes() {
  local bin="$1" address="$2" namespaces="$3" ns pair name type existing attempt err
  for ns in $namespaces; do
    existing="$("$bin" operator search-attribute list --address "$address" --namespace "$ns" 2>/dev/null || true)"
    while IFS= read -r pair; do
      name="${pair%%=*}"; type="${pair#*=}"
      grep -qw "$name" <<<"$existing" && continue
      for attempt in $(seq 1 30); do
        if err="$("$bin" operator search-attribute create --address "$address" --namespace "$ns" \
          --name "$name" --type "$type" 2>&1 >/dev/null)"; then
          say "registered search attribute $name ($type) on $ns"
          break
        fi
        grep -qi "already" <<<"$err" && break
        [ "$attempt" = 30 ] && { echo "$err" >&2; die "could not register search attribute $name on namespace $ns"; }
        sleep 1
      done
    done < <(search_attribute_pairs)
  done
}

# Creates the namespaces a fresh cluster lacks (a real cluster starts with only temporal-system).
# Usage: ensure_namespaces TEMPORAL_CLI ADDRESS "NS1 NS2"
ensure_namespaces() {
  local bin="$1" address="$2" namespaces="$3" ns
  for ns in $namespaces; do
    "$bin" operator namespace describe --address "$address" --namespace "$ns" >/dev/null 2>&1 && continue
    "$bin" operator namespace create --address "$address" --namespace "$ns" --retention 72h >/dev/null \
      || die "could not create namespace $ns"
    say "created namespace $ns"
    # A new namespace reaches every frontend's cache within seconds; wait until it is usable.
    for _ in $(seq 1 60); do
      "$bin" operator namespace describe --address "$address" --namespace "$ns" >/dev/null 2>&1 && break
      sleep 0.5
    done
  done
}

# The script that runs the local Temporal server of the configured TEMPORAL_MODE (dev by default).
temporal_script() {
  case "$(cfg TEMPORAL_MODE dev)" in
    cluster) echo "$ROOT/scripts/temporal-cluster.sh" ;;
    dev) echo "$ROOT/scripts/temporal-dev.sh" ;;
    *) die "TEMPORAL_MODE must be dev or cluster (got $(cfg TEMPORAL_MODE))" ;;
  esac
}
