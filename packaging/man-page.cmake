# Makes gatelab(1): help2man turns `gatelab --help` into the page, and each command's own
# --help becomes a subsection of COMMANDS, so the page never says other than the command.
#   cmake -DGATELAB=path/to/gatelab -DHELP2MAN=help2man -DVERSION=0.1.0 -DOUTPUT=gatelab.1
#         -DLESSONS=source/lessons -DINSTALLED_LESSONS=/usr/share/gatelab/lessons -P man-page.cmake

# Text shown as it is in a roff page: backslashes and minus signs escaped, no line read as a request.
function(roff_text text out)
  string(REPLACE "\\" "\\e" text "${text}")
  string(REPLACE "-" "\\-" text "${text}")
  string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" text "${text}")
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

# The page is English, whatever the language of the machine that builds it.
set(english ${CMAKE_COMMAND} -E env --unset=LANGUAGE --unset=LC_ALL --unset=LC_MESSAGES LANG=C.UTF-8)

function(help_of out)
  execute_process(COMMAND ${english} ${GATELAB} ${ARGN} --help OUTPUT_VARIABLE text RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "gatelab ${ARGN} --help failed (${status})")
  endif()
  # The page describes an installed gatelab, not the build tree it was made in.
  string(REPLACE "${LESSONS}" "${INSTALLED_LESSONS}" text "${text}")
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

help_of(help)
string(REGEX REPLACE "\nExamples:.*" "" usage "${help}")  # the commands are the usage lines
string(REGEX REPLACE ".*\nExamples:\n" "" examples "${help}")
roff_text("${examples}" examples)
string(REGEX MATCHALL "\n  gatelab [a-z]+ " command_lines "${usage}")
set(sections "[=EXAMPLES]\n.nf\n${examples}.fi\n[COMMANDS]\n")
foreach(line IN LISTS command_lines)
  string(REGEX REPLACE "\n  gatelab ([a-z]+) " "\\1" command "${line}")
  help_of(text ${command})
  roff_text("${text}" text)
  string(APPEND sections ".SS gatelab ${command}\n.nf\n${text}.fi\n")
endforeach()
string(APPEND sections [=[
[ENVIRONMENT]
.TP
.B GATELAB_LESSONS
The lessons folder to use instead of the one beside the executable.
.TP
.B NO_COLOR
Set to anything: no colour, even on a terminal.
[FILES]
.TP
.I ../share/gatelab/lessons
The lessons and their data, found relative to the gatelab executable (in the build tree,
the
.I lessons
link beside it), unless
.B GATELAB_LESSONS
names another folder.
]=])
file(WRITE "${OUTPUT}.sections" "${sections}")

execute_process(COMMAND ${english} ${HELP2MAN} --no-info --section=1 --version-string=${VERSION}
                        "--name=every value and every gradient of a computational graph, step by step"
                        --include=${OUTPUT}.sections --output=${OUTPUT} ${GATELAB}
                RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "help2man failed (${status})")
endif()
