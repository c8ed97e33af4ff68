# Flags every CryoSR target shares, carried by one INTERFACE target (qBittorrent's habit).
add_library(cryosr_flags INTERFACE)
target_compile_options(cryosr_flags INTERFACE -Wall -Wextra -Wpedantic)
# CI builds with warnings as errors (.ci/run sets CRYOSR_WERROR for the scripts); a new compiler's new
# warning does not stop someone else's build.
option(CRYOSR_WERROR "Treat compiler warnings as errors" OFF)
if(CRYOSR_WERROR)
  target_compile_options(cryosr_flags INTERFACE -Werror)
endif()
# Qt's `slots`/`signals` macros break LibTorch headers; use Q_SLOTS/Q_SIGNALS/Q_EMIT everywhere.
target_compile_definitions(cryosr_flags INTERFACE QT_NO_KEYWORDS
  CRYOSR_VERSION="${PROJECT_VERSION}")
if(CRYOSR_SANITIZE)
  target_compile_options(cryosr_flags INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
    -fno-sanitize-recover=undefined)
  target_link_options(cryosr_flags INTERFACE -fsanitize=address,undefined)
  # Executables keep every library loaded to the end, so that LeakSanitizer can see what unloaded Qt
  # plugins and Mesa drivers held (keeplibrariesloaded.cpp says why).
  add_library(cryosr_keep_libraries_loaded OBJECT ${CMAKE_CURRENT_LIST_DIR}/keeplibrariesloaded.cpp)
  set(executable "$<STREQUAL:$<TARGET_PROPERTY:TYPE>,EXECUTABLE>")
  target_link_libraries(cryosr_flags INTERFACE "$<${executable}:$<TARGET_OBJECTS:cryosr_keep_libraries_loaded>>")
  target_link_options(cryosr_flags INTERFACE "$<${executable}:LINKER:--export-dynamic-symbol=dlclose>")
endif()
if(CRYOSR_FUZZ) # coverage for libFuzzer's guidance in everything the harnesses call, and the sanitizers
  target_compile_options(cryosr_flags INTERFACE -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
    -fno-sanitize-recover=undefined)
  target_link_options(cryosr_flags INTERFACE -fsanitize=address,undefined)
endif()
