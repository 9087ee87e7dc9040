# Runs lupdate over model/, ui/ and app/ into a scratch .ts and fails on any warning it prints.
# Its warnings name a tr() whose string lupdate cannot place in a context ("Class '...' lacks
# Q_OBJECT macro", "Cannot invoke tr() like this", "tr() cannot be called without context"):
# such a string is filed where no translator finds it, or under another class's context.
#
#   cmake -DLUPDATE=... -DSOURCE_DIR=... -DSCRATCH_TS=... -P lupdatecheck.cmake
foreach(variable LUPDATE SOURCE_DIR SCRATCH_TS)
    if(NOT ${variable})
        message(FATAL_ERROR "lupdatecheck.cmake needs -D${variable}=...")
    endif()
endforeach()

file(REMOVE "${SCRATCH_TS}")
execute_process(
    COMMAND "${LUPDATE}" -recursive model ui app -locations none -ts "${SCRATCH_TS}"
    WORKING_DIRECTORY "${SOURCE_DIR}"
    RESULT_VARIABLE exitCode
    OUTPUT_VARIABLE out
    ERROR_VARIABLE warnings)
file(REMOVE "${SCRATCH_TS}")

if(NOT exitCode EQUAL 0)
    message(FATAL_ERROR "lupdate failed (${exitCode}):\n${out}${warnings}")
endif()
# lupdate prints its progress on stdout and every warning on stderr.
if(NOT warnings STREQUAL "")
    message(FATAL_ERROR "lupdate cannot place these strings in a context:\n${warnings}")
endif()
if(NOT out MATCHES "Found ([0-9]+) source text" OR CMAKE_MATCH_1 LESS 500)
    message(FATAL_ERROR "lupdate found too few strings; did it read the sources?\n${out}")
endif()
message(STATUS "lupdate placed ${CMAKE_MATCH_1} strings, with no warning")
