# The .deb (CPack DEB), for Debian 12: cmake --build --preset release --target package.
# packaging/README.md explains the choices; packaging/test-deb.sh installs it in a clean root.

# Debian's documentation: the copyright file and the changelog, gzipped without a time stamp.
set(changelog ${CMAKE_BINARY_DIR}/debian/changelog.gz)
add_custom_command(
    OUTPUT ${changelog}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/debian
    COMMAND ${CMAKE_COMMAND} -E copy ${CMAKE_CURRENT_LIST_DIR}/changelog
            ${CMAKE_BINARY_DIR}/debian/changelog
    COMMAND ${GZIP} -9nf ${CMAKE_BINARY_DIR}/debian/changelog
    DEPENDS ${CMAKE_CURRENT_LIST_DIR}/changelog
    VERBATIM)
add_custom_target(debian_changelog ALL DEPENDS ${changelog})
install(FILES ${CMAKE_CURRENT_LIST_DIR}/copyright ${changelog}
        DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/saferhomes)

set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_PACKAGE_NAME saferhomes)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${SAFERHOMES_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# The libraries the executables link, with versions, from dpkg-shlibdeps...
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# ...and what Qt and PROJ load at run time, which no link shows: the SQL drivers (local SQLite
# database, central PostgreSQL), the SVG icon engine (the window icon), PROJ's grid and
# database files (British National Grid conversion). The xcb and offscreen platform plugins
# are in libqt6gui6, which the GUI links.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, libqt6sql6-psql, libqt6svg6, proj-data")
# WebP basemap tiles (MBTiles or a tile server) need Qt's extra image formats; PNG and JPEG
# tiles work without them.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-image-formats-plugins")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)
