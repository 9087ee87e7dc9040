# The Windows installer (CPack WiX, an .msi), built with the Qt online installer's MSVC kit:
# see packaging/README.md, "Windows". Not built or tested on the Debian machines.

# Qt's own DLLs and plugins (platforms, SQL drivers, image formats, icon engines, styles) next
# to the executables, through windeployqt. Qt 6.4 names the script FILENAME_VARIABLE; 6.5 and
# later call it OUTPUT_SCRIPT.
foreach(program saferhomes saferhomes-cli)
    if(NOT TARGET ${program})
        continue()
    endif()
    if(QT_VERSION VERSION_GREATER_EQUAL 6.5)
        qt_generate_deploy_app_script(TARGET ${program} OUTPUT_SCRIPT deploy_script
                                      NO_UNSUPPORTED_PLATFORM_ERROR)
    else()
        qt_generate_deploy_app_script(TARGET ${program} FILENAME_VARIABLE deploy_script
                                      NO_UNSUPPORTED_PLATFORM_ERROR)
    endif()
    install(SCRIPT ${deploy_script})
endforeach()

# The licence page: WiX turns a .txt licence into RTF itself.
configure_file(${PROJECT_SOURCE_DIR}/COPYING ${CMAKE_BINARY_DIR}/license.txt COPYONLY)
set(CPACK_RESOURCE_FILE_LICENSE ${CMAKE_BINARY_DIR}/license.txt)

set(CPACK_GENERATOR WIX)
set(CPACK_PACKAGE_NAME SaferHomes)
set(CPACK_PACKAGE_INSTALL_DIRECTORY SaferHomes)
# Never change: Windows Installer finds the installed SaferHomes to upgrade by this code, so a
# new .msi replaces the old one instead of installing beside it.
set(CPACK_WIX_UPGRADE_GUID "A83D8B12-0A3A-42EF-A04A-FB616B27D90C")
# For every user of the machine, into Program Files (a managed laptop's software).
set(CPACK_WIX_INSTALL_SCOPE perMachine)
# A Start-menu shortcut "SaferHomes" to the GUI, in a SaferHomes folder.
set(CPACK_PACKAGE_EXECUTABLES saferhomes SaferHomes)
set(CPACK_WIX_PROGRAM_MENU_FOLDER SaferHomes)
set(CPACK_WIX_PROPERTY_ARPCOMMENTS "${CPACK_PACKAGE_DESCRIPTION_SUMMARY}")
