# Installation beyond the two executables (desktop integration, man pages, documentation) and
# the installers CPack makes from it: a .deb on Linux (debian/debian.cmake), an MSI on Windows
# (windows/windows.cmake). Included at the end of the top-level CMakeLists.txt.

set(SAFERHOMES_APP_ID uk.police.saferhomes)
set(SAFERHOMES_PACKAGE_MAINTAINER "SaferHomes developers <dev@saferhomes.invalid>"
    CACHE STRING "Who answers for the installers (Debian's Maintainer field)")

# One version: project(VERSION). The release notes that ship with it (AppStream metainfo,
# Debian changelog) are written by hand, so the build refuses to go on when their newest entry
# names another version.
function(saferhomes_check_release_notes file regex)
    file(READ ${file} text)
    if(NOT text MATCHES "${regex}")
        message(FATAL_ERROR "${file}: no release entry found")
    endif()
    if(NOT CMAKE_MATCH_1 STREQUAL PROJECT_VERSION)
        message(FATAL_ERROR "${file}: the newest release is ${CMAKE_MATCH_1}, but "
                            "project(VERSION) is ${PROJECT_VERSION}: add its release notes")
    endif()
endfunction()
set(SAFERHOMES_METAINFO_SOURCE
    ${PROJECT_SOURCE_DIR}/resources/desktop/${SAFERHOMES_APP_ID}.metainfo.xml.in)
set(SAFERHOMES_DESKTOP_FILE ${PROJECT_SOURCE_DIR}/resources/desktop/${SAFERHOMES_APP_ID}.desktop)
saferhomes_check_release_notes(${SAFERHOMES_METAINFO_SOURCE} "<release version=\"([^\"]+)\"")
saferhomes_check_release_notes(${CMAKE_CURRENT_LIST_DIR}/debian/changelog
                               "^saferhomes \\(([^)]+)\\)")

# Screenshots, made by the GUI itself (--screenshot) on the demo data: the target `screenshots`
# writes them to build/.../screenshots/. Software centres take them only from public http(s)
# addresses, so the metainfo lists them once they are published somewhere.
set(SAFERHOMES_SCREENSHOTS_URL "" CACHE STRING
    "Public http(s) folder holding the images of the screenshots target (none: not listed)")
set(SAFERHOMES_METAINFO_SCREENSHOTS "")
if(SAFERHOMES_SCREENSHOTS_URL)
    string(CONCAT SAFERHOMES_METAINFO_SCREENSHOTS
           "  <screenshots>\n"
           "    <screenshot type=\"default\">\n"
           "      <caption>The household register, with quick find and progress</caption>\n"
           "      <image>${SAFERHOMES_SCREENSHOTS_URL}/register.png</image>\n"
           "    </screenshot>\n"
           "  </screenshots>")
endif()
set(SAFERHOMES_METAINFO ${CMAKE_BINARY_DIR}/desktop/${SAFERHOMES_APP_ID}.metainfo.xml)
configure_file(${SAFERHOMES_METAINFO_SOURCE} ${SAFERHOMES_METAINFO} @ONLY)
if(SAFERHOMES_BUILD_GUI)
    set(shots ${CMAKE_BINARY_DIR}/screenshots)
    add_custom_target(screenshots
        COMMAND ${CMAKE_COMMAND} -E rm -rf ${shots}
        COMMAND ${CMAKE_COMMAND} -E make_directory ${shots}/home
        # A home of its own: a new database (filled with the demo data) and default settings.
        # In that home, with a relative --db: the status bar names the database as given, and
        # no build folder should be in the picture.
        COMMAND ${CMAKE_COMMAND} -E chdir ${shots}/home
                ${CMAKE_COMMAND} -E env QT_QPA_PLATFORM=offscreen HOME=${shots}/home
                XDG_CONFIG_HOME=${shots}/home/config XDG_DATA_HOME=${shots}/home/data
                ASAN_OPTIONS=detect_leaks=0
                $<TARGET_FILE:saferhomes> --db demo.sqlite --screenshot ${shots}/register.png
        COMMAND ${CMAKE_COMMAND} -E rm -rf ${shots}/home
        DEPENDS saferhomes
        COMMENT "Rendering the screenshots into ${shots}"
        VERBATIM)
endif()

if(UNIX AND NOT APPLE AND SAFERHOMES_BUILD_GUI)
    install(FILES ${SAFERHOMES_DESKTOP_FILE} DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
    install(FILES ${SAFERHOMES_METAINFO} DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
    install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/${SAFERHOMES_APP_ID}.svg
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
endif()

# Man pages from the programs' own --help (help2man), remade whenever a program is rebuilt.
if(UNIX AND NOT APPLE)
    find_program(HELP2MAN help2man REQUIRED)
    find_program(GZIP gzip REQUIRED)
    set(pages)
    set(programs saferhomes-cli)
    set(saferhomes-cli_NAME "home-security scheme management from the command line")
    if(SAFERHOMES_BUILD_GUI)
        list(APPEND programs saferhomes)
        set(saferhomes_NAME "home-security scheme management")
    endif()
    foreach(program IN LISTS programs)
        set(page ${CMAKE_BINARY_DIR}/man/${program}.1.gz)
        add_custom_command(
            OUTPUT ${page}
            COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/man
            COMMAND ${CMAKE_COMMAND} -DPROGRAM=$<TARGET_FILE:${program}>
                    "-DNAME=${${program}_NAME}" -DOUTPUT=${page} -DHELP2MAN=${HELP2MAN}
                    -DGZIP=${GZIP} -P ${CMAKE_CURRENT_LIST_DIR}/manpage.cmake
            DEPENDS ${program} ${CMAKE_CURRENT_LIST_DIR}/manpage.cmake
            COMMENT "Writing the man page of ${program} from its --help"
            VERBATIM)
        list(APPEND pages ${page})
    endforeach()
    add_custom_target(manpages ALL DEPENDS ${pages})
    install(FILES ${pages} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endif()

# The desktop file and the AppStream metainfo as a software centre reads them.
if(SAFERHOMES_BUILD_TESTS AND SAFERHOMES_BUILD_GUI AND UNIX AND NOT APPLE)
    find_program(DESKTOP_FILE_VALIDATE desktop-file-validate REQUIRED)
    find_program(APPSTREAMCLI appstreamcli REQUIRED)
    add_test(NAME PackagingDesktopFileValid
             COMMAND ${DESKTOP_FILE_VALIDATE} ${SAFERHOMES_DESKTOP_FILE})
    # --no-net: nothing here may reach the internet; --pedantic --strict: remarks fail it too.
    add_test(NAME PackagingMetainfoValid
             COMMAND ${APPSTREAMCLI} validate --no-net --pedantic --strict --explain
                     ${SAFERHOMES_METAINFO})
    # desktop-file-validate prints what is wrong yet may still exit 0 for hints.
    set_tests_properties(PackagingDesktopFileValid PROPERTIES FAIL_REGULAR_EXPRESSION ".")
    # --strict does not fail on pedantic hints ("P: ..."): this does.
    set_tests_properties(PackagingMetainfoValid PROPERTIES
                         FAIL_REGULAR_EXPRESSION "(^|\n)[EWIP]: ")
endif()

# The translations (.qm) are built into the executables by qt_add_translations (resources at
# :/i18n), so there is nothing to install for them.

set(CPACK_PACKAGE_NAME saferhomes)
set(CPACK_PACKAGE_VENDOR "SaferHomes developers")
set(CPACK_PACKAGE_CONTACT "${SAFERHOMES_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "home-security scheme management")
# Lines under 80 characters: Debian shows them as they are.
set(CPACK_PACKAGE_DESCRIPTION
    "SaferHomes keeps the register of a target-hardening scheme run by police,
a Police and Crime Commissioner's office and local councils: the homes
eligible for free locks, alarms and lighting, doorstep visits, consent and
security surveys, and the scheme's progress against its target. Every device
works offline on its own SQLite database and syncs with one central
PostgreSQL database over TLS.

This package contains the desktop application (saferhomes) and the
command-line program (saferhomes-cli).")
set(CPACK_STRIP_FILES TRUE)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

if(WIN32)
    include(${CMAKE_CURRENT_LIST_DIR}/windows/windows.cmake)
elseif(UNIX AND NOT APPLE)
    include(${CMAKE_CURRENT_LIST_DIR}/debian/debian.cmake)
endif()
include(CPack)
