# The browser's files, for live pages and `gatelab site`, put in web/ beside the gatelab
# executable (build/web/, links) and installed in share/gatelab/web/, where gatelab finds
# them at run time (cli/files/web_assets.hpp):
#   gatelab-engine.js  the engine: lib/ and web/ compiled by emscripten (the `web` preset, in
#                      build-web/), built here as an external project when emcmake is
#                      installed, else taken from build-web/ when it was built before
#   engine_api.js      the engine's calls as functions (web/engine_api.js)
#   viz-global.js      Graphviz in WebAssembly, @viz-js/viz from npm (npm ci: package-lock.json)
#   katex/             KaTeX, for the site's formulas: a link to Debian's libjs-katex
#   zh_CN.json         the Chinese catalog as a table, for the engine of a Chinese page
# Without the engine or viz-global.js, pages are drawn as before, without an editor, and
# `gatelab site` says what is missing.
set(GATELAB_WEB_BUILD ${PROJECT_SOURCE_DIR}/build-web CACHE PATH "The browser engine's build folder (the web preset)")
set(web_dir ${PROJECT_BINARY_DIR}/web)
set(engine ${GATELAB_WEB_BUILD}/web/gatelab-engine.js)
set(viz ${PROJECT_SOURCE_DIR}/node_modules/@viz-js/viz/dist/viz-global.js)
file(MAKE_DIRECTORY ${web_dir})

find_program(GATELAB_EMCMAKE emcmake)
if(GATELAB_EMCMAKE)
  include(ExternalProject)
  # Configured once with the web preset, then brought up to date by every build.
  ExternalProject_Add(web_engine
    SOURCE_DIR ${PROJECT_SOURCE_DIR}
    BINARY_DIR ${GATELAB_WEB_BUILD}
    CONFIGURE_COMMAND ${CMAKE_COMMAND} -E chdir <SOURCE_DIR> ${CMAKE_COMMAND} --preset web
    BUILD_COMMAND ${CMAKE_COMMAND} --build <BINARY_DIR> --target gatelab_engine
    INSTALL_COMMAND ""
    BUILD_ALWAYS ON
    BUILD_BYPRODUCTS ${engine}
    USES_TERMINAL_BUILD ON)
  message(STATUS "gatelab: the browser engine is built with emscripten in ${GATELAB_WEB_BUILD}")
elseif(EXISTS ${engine})
  message(STATUS "gatelab: the browser engine built before: ${engine}")
else()
  message(STATUS "gatelab: no browser engine (emscripten is not installed): pages without an editor, no gatelab site")
  set(engine "")
endif()
if(NOT EXISTS ${viz})
  message(STATUS "gatelab: no @viz-js/viz (run npm ci): pages without an editor, no gatelab site")
  set(viz "")
endif()
find_path(GATELAB_KATEX katex.min.js PATHS /usr/share/javascript/katex NO_DEFAULT_PATH)

set(web_links ${PROJECT_SOURCE_DIR}/web/engine_api.js)
foreach(file IN ITEMS ${engine} ${viz} ${GATELAB_KATEX})
  get_filename_component(name ${file} NAME)
  file(CREATE_LINK ${file} ${web_dir}/${name} SYMBOLIC)
endforeach()
file(CREATE_LINK ${PROJECT_SOURCE_DIR}/web/engine_api.js ${web_dir}/engine_api.js SYMBOLIC)

set(zh_table ${web_dir}/zh_CN.json)
add_custom_command(OUTPUT ${zh_table}
  COMMAND /usr/bin/python3 ${PROJECT_SOURCE_DIR}/web/catalog_json.py ${GATELAB_ZH_MO} ${zh_table}
  DEPENDS ${GATELAB_ZH_MO} ${PROJECT_SOURCE_DIR}/web/catalog_json.py
  COMMENT "The Chinese catalog as a table for the browser's engine" VERBATIM)
add_custom_target(web_catalog ALL DEPENDS ${zh_table})
add_dependencies(web_catalog translations)
if(TARGET web_engine)
  add_dependencies(web_catalog web_engine)
endif()

set(GATELAB_WEB_ENGINE ${engine})
set(GATELAB_WEB_VIZ ${viz})
if(GATELAB_INSTALL)
  set(web_share ${CMAKE_INSTALL_DATADIR}/gatelab/web)
  install(FILES ${engine} ${viz} ${PROJECT_SOURCE_DIR}/web/engine_api.js ${zh_table} DESTINATION ${web_share})
  if(GATELAB_KATEX)
    # A link to Debian's KaTeX, as Debian's packages share their JavaScript libraries:
    # relative under /usr (the Debian package), absolute elsewhere, so a moved prefix keeps it.
    install(CODE "set(web \"\${CMAKE_INSTALL_PREFIX}/${web_share}\")
      set(target ${GATELAB_KATEX})
      if(\"\${CMAKE_INSTALL_PREFIX}\" STREQUAL /usr)
        file(RELATIVE_PATH target \"\${web}\" ${GATELAB_KATEX})
      endif()
      file(MAKE_DIRECTORY \"\$ENV{DESTDIR}\${web}\")
      file(CREATE_LINK \"\${target}\" \"\$ENV{DESTDIR}\${web}/katex\" SYMBOLIC)")
  endif()
endif()
