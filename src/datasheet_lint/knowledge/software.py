"""Addresses that serve software, not data: what a Dockerfile or an install script fetches to
build its tools (a compiler, CMake, an SDK, a runtime, a package, a signing key).

An unknown download is a dataset of its own (issue 16), so each of these would ask for a
datasheet nobody should write. What marks them is general, never one project's name:

- a build of a version for a platform in the file name (``cmake-3.20.6-linux-x86_64.tar.gz``,
  ``android-ndk-r18b-linux-x86_64.zip``, ``gcc-linaro-...-x86_64_aarch64-linux-gnu.tar.xz``,
  ``opencv-4.5.1-android-sdk.zip``): data is the same on every machine;
- a package or key format (``.deb``, ``.whl``, ``.gpg``, ...);
- a project's own release named by its version (``github.com/davisking/dlib/releases/
  download/v18.16/dlib-18.16.tar.bz2``): the project's source or binaries;
- the download folders of language runtimes and installers (``www.python.org/ftp/``).
"""

from __future__ import annotations

import re

from datasheet_lint.lazyregex import lazy

# A platform a build is made for, as a whole part of a file name.
PLATFORM = lazy(
    r"(?:^|[-_.+])(?:linux|x86[-_]64|x64|amd64|arm64|aarch64|armhf|armv7l?|i[36]86|gnueabihf|"
    r"win(?:32|64)|macosx?|osx|manylinux\w*|musllinux\w*|android[-_][sn]dk)(?=[-_.+]|$)",
    re.IGNORECASE,
)
PACKAGE = lazy(
    r"\.(?:deb|rpm|whl|apk|dmg|exe|msi|pkg|jar|appimage|gpg|asc|pem|pub|key)$", re.IGNORECASE
)
# A GitHub project's release named for the project and a dotted version: its own software.
OWN_RELEASE = lazy(
    r"^(?:www\.)?github\.com/[\w.-]+/(?P<repo>[\w.-]+)/releases/download/[^/]+/"
    r"(?P<file>[\w.+-]+)$",
    re.IGNORECASE,
)
VERSIONED = lazy(r"[-_]v?\d+(?:\.\d+)+")
# A version beside the platform (3.20.6, v18.16, r18b): data is not built per release.
VERSION = lazy(r"(?:^|[-_.])[vr]?\d+(?:\.\d+)*[a-z]?(?=[-_.+]|$)", re.IGNORECASE)
RUNTIME_FOLDERS = (
    "python.org/ftp/",
    "nodejs.org/dist/",
    "go.dev/dl/",
    "golang.org/dl/",
    "repo.anaconda.com/",
    "repo.continuum.io/",
    "download.docker.com/",
    "cmake.org/files/",
)


def serves_software(address: str) -> bool:
    """Whether a URL (without its scheme, query or fragment) fetches software, not data."""
    address = address.rstrip("/")
    name = address.rsplit("/", 1)[-1]
    if PACKAGE.search(name) is not None:
        return True
    stem = re.sub(r"\.(?:tar\.\w+|tgz|zip|7z|xz|bz2|gz)$", "", name, flags=re.IGNORECASE)
    if PLATFORM.search(stem) is not None and VERSION.search(PLATFORM.sub("-", stem)):
        return True
    release = OWN_RELEASE.match(address)
    if release is not None:
        repo = release.group("repo").casefold()
        rest = release.group("file").casefold()
        if rest.startswith(repo) and VERSIONED.match(rest, len(repo)) is not None:
            return True
    host_path = address.casefold().removeprefix("www.")
    return host_path.startswith(RUNTIME_FOLDERS)
