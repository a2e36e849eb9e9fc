# ctest TranslationsCoverTheSources: runs lupdate over the console's sources into a copy of a .ts
# file and fails when that finds a string the file does not have (it would show untranslated:
# TestTranslations only checks the entries the file already holds) or an entry whose string is
# gone from the sources. The fix is the build target update_translations, then translating.
#   cmake -D LUPDATE=... -D SOURCES=dir -D TS=file -D WORK=dir -P CheckTranslations.cmake
foreach(variable LUPDATE SOURCES TS WORK)
    if(NOT DEFINED ${variable})
        message(FATAL_ERROR "CheckTranslations.cmake needs -D ${variable}=...")
    endif()
endforeach()
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
get_filename_component(name "${TS}" NAME)
configure_file("${TS}" "${WORK}/${name}" COPYONLY)
execute_process(COMMAND "${LUPDATE}" -recursive "${SOURCES}" -ts "${WORK}/${name}"
    OUTPUT_VARIABLE output ERROR_VARIABLE errors RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "lupdate failed (${result}):\n${output}${errors}")
endif()
string(REGEX MATCH "\\(([0-9]+) new and" found "${output}${errors}")
if(NOT found)
    message(FATAL_ERROR "cannot read lupdate's summary:\n${output}${errors}")
endif()
set(new "${CMAKE_MATCH_1}")
file(READ "${WORK}/${name}" updated)
string(REGEX MATCHALL "type=\"vanished\"" vanished "${updated}")
list(LENGTH vanished vanishedCount)
if(NOT new EQUAL 0 OR NOT vanishedCount EQUAL 0)
    message(FATAL_ERROR "${name} is behind the sources: ${new} new string(s), ${vanishedCount} gone. "
                        "Build the target update_translations and translate the new entries.\n${output}")
endif()
message(STATUS "${name}: every string of the sources is in it, none is left over")
