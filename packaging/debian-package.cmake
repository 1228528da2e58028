# `cpack -G DEB` in a build folder makes gatelab_VERSION_ARCH.deb: the installed layout
# under /usr, the binary stripped, its dependencies computed by dpkg-shlibdeps (package
# dpkg-dev), and debian-files.cmake's man page and changelog compressed as Debian wants.
# Configure with the `deb` preset for a binary that runs on any CPU of the architecture.
set(GATELAB_MAINTAINER "The gatelab authors <gatelab@example.org>" CACHE STRING "The Debian package's maintainer")

set(CPACK_PACKAGE_NAME gatelab)
set(CPACK_PACKAGE_VENDOR "The gatelab authors")
set(CPACK_PACKAGE_CONTACT "${GATELAB_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "every value and every gradient of a computational graph")
set(CPACK_PACKAGE_DESCRIPTION "gatelab builds the graph of scalar gates behind a small computation,
runs it forward and backward, and shows every value and every gradient: as a
textual trace, as Graphviz diagrams, as HTML pages and as JSON, and checks and
quizzes a learner's own derivations. Twenty-two lessons, in English and in
Chinese, walk through backpropagation, detach, the straight-through estimator,
constrained weights, forward and reverse mode, and constrained networks trained
on real data.
The package also holds the C++20 library (static) with its headers, CMake
package and pkg-config file.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION education)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# `gatelab site` typesets formulas with Debian's KaTeX, which share/gatelab/web/katex links to.
set(CPACK_DEBIAN_PACKAGE_DEPENDS libjs-katex)
# Chinese captions in diagrams and pages need a CJK font.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS fonts-noto-cjk)
set(CPACK_PRE_BUILD_SCRIPTS ${CMAKE_CURRENT_SOURCE_DIR}/debian-files.cmake)
set(CPACK_GATELAB_VERSION ${PROJECT_VERSION})
set(CPACK_GATELAB_DOCDIR ${CMAKE_INSTALL_DOCDIR})
set(CPACK_GATELAB_MANDIR ${CMAKE_INSTALL_MANDIR})
include(CPack)
