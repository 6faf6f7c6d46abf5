#!/usr/bin/env bash
# Build the Linux one-folder bundle and the .deb:
#
#   packaging/build.sh            # → packaging/dist/bulletin-editor/ and packaging/dist/bulletin-editor_VERSION_ARCH.deb
#   packaging/build.sh --no-deb   # the bundle only
#
# Needs: the project and PyInstaller in the Python that runs it (`pip install -e ".[package]"`),
# the fallback font HanaMinB.ttf (Debian/Ubuntu: fonts-hanazono, installed here when run as root,
# or BULLETIN_FALLBACK_FONT=/path/HanaMinB.ttf) and dpkg-deb for the .deb.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
python="${PYTHON:-python3}"
[ -n "${VIRTUAL_ENV:-}" ] && python="${PYTHON:-python}"
make_deb=1
[ "${1:-}" = "--no-deb" ] && make_deb=0

if ! "$python" -c "import PyInstaller" 2>/dev/null; then
  echo "build.sh: PyInstaller is not installed for $python: pip install -e \".[package]\"" >&2
  exit 2
fi
if [ -z "${BULLETIN_FALLBACK_FONT:-}" ] && [ ! -e /usr/share/fonts/truetype/hanazono/HanaMinB.ttf ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-hanazono >/dev/null
  else
    echo "build.sh: the fallback font is missing: $(command -v sudo >/dev/null && echo 'sudo ')apt install fonts-hanazono" \
         "(or set BULLETIN_FALLBACK_FONT=/path/to/HanaMinB.ttf)" >&2
    exit 2
  fi
fi

version="$("$python" -c "import sys; sys.path.insert(0, '.'); import main; print(main.__version__)")"
# reproducible archives: file dates from the last commit, as reproducible-builds.org asks
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}"

rm -rf packaging/dist/bulletin-editor
"$python" -m PyInstaller --noconfirm --log-level WARN --distpath packaging/dist --workpath packaging/build \
  packaging/bulletin-editor.spec
bundle="packaging/dist/bulletin-editor"
"$bundle/bulletin-editor" --version
echo "bundle: $bundle ($(du -sh "$bundle" | cut -f1))"

[ "$make_deb" = 1 ] || exit 0
if ! command -v dpkg-deb >/dev/null; then
  echo "build.sh: dpkg-deb is not installed (apt install dpkg); the bundle is built, the .deb is not" >&2
  exit 2
fi
staging="packaging/build/deb/bulletin-editor"
"$python" packaging/deb.py "$bundle" "$staging" "$version" "$bundle/_internal/resources/icons/bulletin-editor.png" >/dev/null
arch="$(dpkg --print-architecture)"
deb="packaging/dist/bulletin-editor_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zxz --build "$staging" "$deb" >/dev/null
echo "deb: $deb ($(du -h "$deb" | cut -f1))"
