# Writes a C++ source defining wflint::rules::rule_pages(): the text of every rules/<ID>.md page,
# sorted by file name, so `wflint explain`, `wflint rules` and SARIF rule help work without the
# source tree.
# Usage: cmake -DPAGES_DIR=rules -DOUTPUT=file.cpp -P EmbedRulePages.cmake
file(GLOB pages "${PAGES_DIR}/*.md")
list(SORT pages)
set(delimiter "wflint_page")
set(entries "")
foreach(page IN LISTS pages)
  get_filename_component(id "${page}" NAME_WE)
  if(id STREQUAL "README")
    continue()
  endif()
  file(READ "${page}" content)
  string(FIND "${content}" ")${delimiter}\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${page} contains the raw string delimiter )${delimiter}\"")
  endif()
  string(APPEND entries "    {\"${id}\", R\"${delimiter}(${content})${delimiter}\"},\n")
endforeach()
file(WRITE "${OUTPUT}.tmp"
  "// Generated from ${PAGES_DIR}/*.md by cmake/EmbedRulePages.cmake; do not edit.\n"
  "#include \"rules/rule_pages.h\"\n"
  "namespace wflint::rules {\n"
  "std::span<const RulePage> rule_pages() {\n"
  "  static const RulePage kPages[] = {\n"
  "${entries}"
  "  };\n"
  "  return kPages;\n"
  "}\n"
  "}  // namespace wflint::rules\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
