# Writes a gzipped man page from a program's own --help and --version, so that the two never
# disagree: cmake -DPROGRAM=... -DNAME=... -DOUTPUT=....1.gz -DHELP2MAN=... -DGZIP=... -P manpage.cmake
#
# The help text names the default database under $HOME: "~" makes the page read
# ~/.local/share/... rather than the build machine's own home.
set(ENV{HOME} "~")
unset(ENV{XDG_DATA_HOME})
set(ENV{QT_QPA_PLATFORM} offscreen)
# A sanitizer build's leak check must not turn a clean exit into a failure here.
set(ENV{ASAN_OPTIONS} detect_leaks=0)
string(REGEX REPLACE "\\.gz$" "" page "${OUTPUT}")
execute_process(
    COMMAND "${HELP2MAN}" --no-info --no-discard-stderr --section=1 "--name=${NAME}"
            "--output=${page}" "${PROGRAM}"
    COMMAND_ERROR_IS_FATAL ANY)
# -n: no name or time stamp in the gzip header, so the same page gives the same bytes.
execute_process(COMMAND "${GZIP}" -9nf "${page}" COMMAND_ERROR_IS_FATAL ANY)
