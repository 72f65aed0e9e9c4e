"""Build the zhtext Python package: `pip install ./python` (offline).

The extension is the C library (build/libzhtext.a, made by the project's
Makefile with the interpreter's own compiler settings, no downloads) plus
python/src/_zhtext.c and the CLI's JSONL scanner, so the binding and the
CLI give the same bytes.  There is deliberately no pyproject.toml: with one,
pip would build in an isolated environment and try to download setuptools.
"""
import os
import re
import subprocess
import sysconfig

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
BUILD = os.environ.get("ZHTEXT_BUILD", os.path.join(ROOT, "build"))
LIB = os.path.join(BUILD, "libzhtext.a")
PC = os.path.join(BUILD, "zhtext.pc")


def version():
    with open(os.path.join(ROOT, "include", "zhtext.h"), encoding="utf-8") as f:
        return re.search(r'#define ZT_VERSION_STRING "([^"]+)"', f.read()).group(1)


class BuildWithLibrary(build_ext):
    """Make the static library first, then link it into the extension."""

    def run(self):
        # ZHTEXT_PREBUILT=1: use the library in ZHTEXT_BUILD as it is (a
        # packager who built it already); otherwise make brings it up to date.
        if os.environ.get("ZHTEXT_PREBUILT") != "1":
            subprocess.check_call(["make", "-C", ROOT, "BUILD=" + BUILD,
                                   LIB, PC])
        # The library's own link needs (e.g. -lm), from its pkg-config file.
        libs = []
        with open(PC, encoding="utf-8") as f:
            for line in f:
                if line.startswith("Libs.private:"):
                    libs = line.split(":", 1)[1].split()
        for ext in self.extensions:
            ext.extra_objects = [LIB]
            ext.extra_link_args = libs
        super().run()


setup(
    name="zhtext",
    version=version(),
    description="Chinese text script work: OpenCC-compatible conversion, "
                "pinyin, repair of damaged web text",
    packages=["zhtext"],
    package_dir={"zhtext": os.path.relpath(os.path.join(HERE, "zhtext"))},
    ext_modules=[Extension(
        "zhtext._zhtext",
        sources=[os.path.relpath(os.path.join(HERE, "src", "_zhtext.c")),
                 os.path.relpath(os.path.join(ROOT, "programs", "jsonl.c"))],
        include_dirs=[os.path.join(ROOT, "include"),
                      os.path.join(ROOT, "programs")],
        extra_compile_args=["-std=c11"],
    )],
    cmdclass={"build_ext": BuildWithLibrary},
    python_requires=">=3.8",
)
