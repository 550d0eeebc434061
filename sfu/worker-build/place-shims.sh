#!/bin/sh
# usage: place_shims.sh <worker-dir> <shims-dir>
# For every subprojects/*.wrap create the directory named by its "directory =" key
# (meson then uses it as-is and never downloads) filled with the matching shim.
set -e
W=$1; S=$2
for wrap in "$W"/subprojects/*.wrap; do
  name=$(basename "$wrap" .wrap)
  dir=$(sed -n 's/^directory *= *//p' "$wrap" | tr -d ' \r')
  case "$name" in
    openssl) shim=openssl ;;
    libuv) shim=libuv ;;
    libsrtp2|libsrtp3) shim=libsrtp ;;
    abseil-cpp) shim=abseil-cpp ;;
    flatbuffers) shim=flatbuffers ;;
    unordered-dense|unordered_dense) shim=unordered-dense ;;
    catch2) shim=catch2 ;;
    *) echo "skip $name (not needed for the worker binary)"; continue ;;
  esac
  rm -rf "$W/subprojects/$dir"; cp -r "$S/$shim" "$W/subprojects/$dir"
  echo "$name -> subprojects/$dir (shim $shim)"
done
