function(wflint_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
                                           -Wno-sign-conversion -Wnon-virtual-dtor)
  # GCC 12 reports -Wrestrict on ordinary std::string concatenation once it is inlined at -O2
  # (GCC bug 105329): false positives only, which later GCC releases no longer emit.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(${target} PRIVATE -Wno-restrict)
  endif()
  # Under the sanitizers GCC 12's -Wmaybe-uninitialized flags std::variant and std::function moves
  # in instrumented code that are initialized; the release build keeps the warning.
  if(WFLINT_SANITIZE AND CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_compile_options(${target} PRIVATE -Wno-maybe-uninitialized)
  endif()
  if(WFLINT_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
