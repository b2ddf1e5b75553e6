# generate_lexicons.cmake: compiles the word lists in lexicons/*.txt into one
# generated header of sorted constexpr tables, the way the models are
# compiled in (CMakeLists.txt), so every stage reads the same lists and none
# is needed at run time. The header is never edited by hand: edit the list.
#
# CMakeLists.txt includes this file and calls
# storyline_generate_lexicons(<lexicon dir> <header>) at configure time; CMake
# runs again by itself when a list changes or one is added. It also runs
# alone, to check the lists or look at the output:
#   cmake -DLEXICON_DIR=lexicons -DLEXICON_OUT=/tmp/tables.h -P lexicons/generate_lexicons.cmake
#
# A list has one entry a line (lexicons/README.md):
#   entry                an entry; the words of a phrase are kept with one space between them
#   entry : tag tag      an entry that is also in the tables of these tags
#   entry = value        a map entry (a list is all map entries or none), the
#                        value a word or a phrase (one space between its words)
#   # text               a comment, alone or after an entry
# Tables, in namespace storyline::lexicon: lexicons/person_nouns.txt gives
# kPersonNouns (every entry) and kPersonNounsEpithet (tag "epithet"); a map
# list gives a table of lexicon::MapEntry. Entries are sorted by their bytes,
# as std::string_view compares them, in lexicon::sorted::kPersonNouns; the
# table kPersonNouns is a lexicon::Table built from it at compile time (the
# sorted entries and their hash buckets, src/core/lexicon.h). A duplicate
# entry, a stray character or a malformed line stops the build with the file
# and line; the header checks each table again at compile time
# (lexicon::SortedUnique).
cmake_policy(VERSION 3.25)

# "person_nouns" -> "PersonNouns".
function(_storyline_lexicon_camel out text)
  string(REPLACE "_" ";" parts "${text}")
  set(result "")
  foreach(part IN LISTS parts)
    string(SUBSTRING "${part}" 0 1 head)
    string(TOUPPER "${head}" head)
    string(SUBSTRING "${part}" 1 -1 tail)
    string(APPEND result "${head}${tail}")
  endforeach()
  set(${out} "${result}" PARENT_SCOPE)
endfunction()

# Appends to `code_var` the table `name` of the sorted `entries` read from
# `file`.
function(_storyline_lexicon_set code_var name file entries)
  set(code "${${code_var}}")
  string(APPEND code "namespace sorted {\ninline constexpr std::string_view ${name}[] = {\n")
  foreach(e IN LISTS entries)
    string(APPEND code "    \"${e}\",\n")
  endforeach()
  string(APPEND code "};\nstatic_assert(SortedUnique(${name}), \"lexicons/${file}: ${name} is not sorted or has a duplicate\");\n")
  string(APPEND code "}  // namespace sorted\ninline constexpr Table ${name}{sorted::${name}};\n")
  set(${code_var} "${code}" PARENT_SCOPE)
endfunction()

# Reads lexicons/`file` and appends its tables to `code_var`.
function(_storyline_lexicon_file code_var dir file)
  file(READ "${dir}/${file}" content)
  # CMake splits lists at ';' and keeps bracketed runs whole.
  if(content MATCHES "[;]|\\[|\\]")
    message(FATAL_ERROR "${dir}/${file}: ';', '[' and ']' cannot appear in a lexicon, comments included")
  endif()
  string(REPLACE "\r" "" content "${content}")
  string(REPLACE "\n" ";" lines "${content}")
  string(ASCII 1 sep)  # sorts before every character an entry may hold
  get_filename_component(stem "${file}" NAME_WE)
  _storyline_lexicon_camel(name "${stem}")
  set(name "k${name}")
  set(entries "")
  set(pairs "")
  set(tags "")
  set(line_no 0)
  foreach(line IN LISTS lines)
    math(EXPR line_no "${line_no} + 1")
    string(REGEX REPLACE "#.*$" "" line "${line}")
    string(STRIP "${line}" line)
    if(line STREQUAL "")
      continue()
    endif()
    if(line MATCHES "[\\\"]")
      message(FATAL_ERROR "${dir}/${file}:${line_no}: '\\' and '\"' cannot appear in an entry: ${line}")
    endif()
    set(value "")
    set(line_tags "")
    if(line MATCHES "^([^=:]+)=([^=:]+)$")
      string(STRIP "${CMAKE_MATCH_1}" entry)
      string(STRIP "${CMAKE_MATCH_2}" value)
      string(REGEX REPLACE "[ \t]+" " " value "${value}")
      if(value STREQUAL "")
        message(FATAL_ERROR "${dir}/${file}:${line_no}: empty map value: ${line}")
      endif()
    elseif(line MATCHES "^([^=:]+):([a-z_ \t]+)$")
      string(STRIP "${CMAKE_MATCH_1}" entry)
      string(REGEX REPLACE "[ \t]+" ";" line_tags "${CMAKE_MATCH_2}")
      list(REMOVE_ITEM line_tags "")
    elseif(line MATCHES "^[^=:]+$")
      set(entry "${line}")
    else()
      message(FATAL_ERROR "${dir}/${file}:${line_no}: not 'entry', 'entry : tags' or 'entry = value': ${line}")
    endif()
    string(REGEX REPLACE "[ \t]+" " " entry "${entry}")
    if(entry STREQUAL "")
      message(FATAL_ERROR "${dir}/${file}:${line_no}: empty entry: ${line}")
    endif()
    if(entry IN_LIST entries)
      message(FATAL_ERROR "${dir}/${file}:${line_no}: duplicate entry '${entry}'")
    endif()
    list(APPEND entries "${entry}")
    if(NOT value STREQUAL "")
      list(APPEND pairs "${entry}${sep}${value}")
    endif()
    foreach(tag IN LISTS line_tags)
      if(NOT tag IN_LIST tags)
        list(APPEND tags "${tag}")
        set(tagged_${tag} "")
      endif()
      list(APPEND tagged_${tag} "${entry}")
    endforeach()
  endforeach()
  list(LENGTH entries n)
  list(LENGTH pairs n_pairs)
  if(n EQUAL 0)
    message(FATAL_ERROR "${dir}/${file}: no entries")
  endif()
  if(NOT n_pairs EQUAL 0 AND NOT n_pairs EQUAL n)
    message(FATAL_ERROR "${dir}/${file}: either every entry has a '= value' or none has")
  endif()
  if(NOT n_pairs EQUAL 0 AND tags)
    message(FATAL_ERROR "${dir}/${file}: a map lexicon takes no tags")
  endif()

  set(code "${${code_var}}")
  string(APPEND code "\n// lexicons/${file}: ${n} entries")
  list(SORT tags)
  if(tags)
    string(REPLACE ";" ", " tag_text "${tags}")
    string(APPEND code "; tags ${tag_text}")
  endif()
  string(APPEND code ".\n")
  if(n_pairs EQUAL 0)
    list(SORT entries)
    _storyline_lexicon_set(code "${name}" "${file}" "${entries}")
  else()
    list(SORT pairs)
    string(APPEND code "namespace sorted {\ninline constexpr MapEntry ${name}[] = {\n")
    foreach(p IN LISTS pairs)
      string(REPLACE "${sep}" "\", \"" p "${p}")
      string(APPEND code "    {\"${p}\"},\n")
    endforeach()
    string(APPEND code "};\nstatic_assert(SortedUnique(${name}), \"lexicons/${file}: ${name} is not sorted or has a duplicate\");\n")
    string(APPEND code "}  // namespace sorted\ninline constexpr Table ${name}{sorted::${name}};\n")
  endif()
  foreach(tag IN LISTS tags)
    _storyline_lexicon_camel(tag_camel "${tag}")
    set(tag_entries "${tagged_${tag}}")
    list(SORT tag_entries)
    _storyline_lexicon_set(code "${name}${tag_camel}" "${file}" "${tag_entries}")
  endforeach()
  set(${code_var} "${code}" PARENT_SCOPE)
endfunction()

# Writes `out` from every lexicons/*.txt in `dir`; the file is touched only
# when its text changes, so an edit to a comment recompiles nothing.
function(storyline_generate_lexicons dir out)
  get_filename_component(dir "${dir}" ABSOLUTE)
  if(CMAKE_SCRIPT_MODE_FILE)
    file(GLOB files RELATIVE "${dir}" "${dir}/*.txt")
  else()
    file(GLOB files RELATIVE "${dir}" CONFIGURE_DEPENDS "${dir}/*.txt")
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${CMAKE_CURRENT_FUNCTION_LIST_FILE}")
  endif()
  list(SORT files)
  set(code [=[
// Generated by lexicons/generate_lexicons.cmake from lexicons/*.txt: do not edit.
// One table per lexicon and one per tag, sorted by bytes and free of
// duplicates (checked below), each a lexicon::Table built from its sorted
// array at compile time. Look words up with lexicon::In and
// lexicon::Find (src/core/lexicon.h, which includes this header).
#ifndef STORYLINE_GENERATED_LEXICON_TABLES_H_
#define STORYLINE_GENERATED_LEXICON_TABLES_H_

#include <string_view>

#include "core/lexicon.h"

namespace storyline::lexicon {
]=])
  foreach(f IN LISTS files)
    if(NOT CMAKE_SCRIPT_MODE_FILE)
      set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${dir}/${f}")
    endif()
    _storyline_lexicon_file(code "${dir}" "${f}")
  endforeach()
  string(APPEND code "\n}  // namespace storyline::lexicon\n\n#endif  // STORYLINE_GENERATED_LEXICON_TABLES_H_\n")
  file(WRITE "${out}.new" "${code}")
  configure_file("${out}.new" "${out}" COPYONLY)
  file(REMOVE "${out}.new")
endfunction()

if(CMAKE_SCRIPT_MODE_FILE STREQUAL CMAKE_CURRENT_LIST_FILE)
  if(NOT LEXICON_DIR OR NOT LEXICON_OUT)
    message(FATAL_ERROR "usage: cmake -DLEXICON_DIR=lexicons -DLEXICON_OUT=tables.h -P generate_lexicons.cmake")
  endif()
  storyline_generate_lexicons("${LEXICON_DIR}" "${LEXICON_OUT}")
endif()
