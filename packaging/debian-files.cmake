# Run by cpack before it packs (CPACK_PRE_BUILD_SCRIPTS): Debian's policy wants manual pages
# compressed with gzip -9n and a compressed changelog in the package's doc folder.
set(root "${CPACK_TEMPORARY_INSTALL_DIRECTORY}${CPACK_PACKAGING_INSTALL_PREFIX}")
string(TIMESTAMP date "%a, %d %b %Y %H:%M:%S +0000" UTC)
file(WRITE "${root}/${CPACK_GATELAB_DOCDIR}/changelog" "gatelab (${CPACK_GATELAB_VERSION}) unstable; urgency=medium

  * gatelab ${CPACK_GATELAB_VERSION}.

 -- ${CPACK_PACKAGE_CONTACT}  ${date}
")
file(GLOB man_pages "${root}/${CPACK_GATELAB_MANDIR}/man*/*.[1-9]")
foreach(file IN LISTS man_pages ITEMS "${root}/${CPACK_GATELAB_DOCDIR}/changelog")
  execute_process(COMMAND gzip -9nf "${file}" COMMAND_ERROR_IS_FATAL ANY)
endforeach()
