# vaxsync_tests: the journal's outbox and replay cache as vaxnet sees them, over a real journal
# file in a temp dir, drained to the reference upstream on loopback. Included from
# tests/CMakeLists.txt inside if(NOT VAX_CORE_ONLY).
vax_test_binary(vaxsync_tests
  ${CMAKE_CURRENT_LIST_DIR}/JournalDrainTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/JournalOutboxQueueTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/JournalReplayCacheTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/SyncFixture.h
)
target_link_libraries(vaxsync_tests PRIVATE vax::sync vax::crypto vax::upstream)
