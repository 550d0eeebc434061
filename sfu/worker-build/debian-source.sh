# Sourced by the build scripts. debian_source <package> <version> <suite>: unpacks Debian's source package
# (with Debian's patches applied) into the current directory, through a private apt configuration: a deb-src
# entry for the Debian mirror this machine already uses, with its own lists and cache, so the system's apt
# sources and state are left as they are. apt checks the files against the mirror's signed Release file.
debian_mirror() {
  mirror=$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null | sed -n 's/^URIs: *\([^ ]*\/debian\)\/*$/\1/p' | head -n 1)
  [ -n "$mirror" ] || mirror=$(sed -n 's/^deb \(\[[^]]*\] \)\{0,1\}\([^ ]*\/debian\)\/* bookworm .*/\2/p' /etc/apt/sources.list 2>/dev/null | head -n 1)
  [ -n "$mirror" ] || { echo "no Debian mirror found in the apt sources" >&2; return 1; }
  echo "$mirror"
}

debian_source() {
  _pkg=$1 _ver=$2 _suite=$3
  _apt=${VISITE_APT_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/visite/apt}
  mkdir -p "$_apt/sources" "$_apt/lists/partial" "$_apt/cache/archives/partial"
  printf 'Types: deb-src\nURIs: %s\nSuites: %s\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
    "$(debian_mirror)" "$_suite" >"$_apt/sources/visite-src.sources"
  set -- -o Dir::Etc::SourceList=/dev/null -o "Dir::Etc::SourceParts=$_apt/sources" \
    -o "Dir::State::Lists=$_apt/lists" -o "Dir::Cache=$_apt/cache"
  # as root, apt's _apt sandbox user cannot write into a cache under /root: download as root
  [ "$(id -u)" != 0 ] || set -- "$@" -o APT::Sandbox::User=root
  apt-get "$@" -qq update
  apt-get "$@" -qq source "$_pkg=$_ver" >/dev/null
}
