# vax_warnings(target): the warning set every target of ours builds with.
function(vax_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
                                           -Wno-sign-conversion)
  if(VAX_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
