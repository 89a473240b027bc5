# cmake -DINPUT=file -DOUTPUT=header -DNAME=kName -P EmbedText.cmake
# Writes a header holding INPUT's text as `inline constexpr std::string_view NAME`, so the
# program carries the file and the installed kiosk needs no copy of it.
file(READ "${INPUT}" text)
set(delimiter "vaxembed")
if(text MATCHES "\\)${delimiter}\"")
  message(FATAL_ERROR "${INPUT} holds the raw string delimiter )${delimiter}\"")
endif()
get_filename_component(source "${INPUT}" NAME)
file(WRITE "${OUTPUT}.tmp"
  "// Generated from ${source} by cmake/EmbedText.cmake; edit the source, not this file.\n"
  "#pragma once\n\n#include <string_view>\n\n"
  "inline constexpr std::string_view ${NAME} = R\"${delimiter}(${text})${delimiter}\";\n")
# Unchanged text leaves the header's time alone, so nothing recompiles for nothing.
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
