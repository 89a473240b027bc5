# vaxsite_tests: the site server's queue, bindings and schema against a real PostgreSQL 15
# cluster that the fixture starts on loopback (tests skip, saying why, without its binaries).
# Included from tests/CMakeLists.txt inside if(NOT VAX_CORE_ONLY).
vax_test_binary(vaxsite_tests
  ${CMAKE_CURRENT_LIST_DIR}/SiteSchemaTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/SiteQueueTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/SiteBindingsTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/SiteBoardTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/CallBoardFeedTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/SiteReplayTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/SiteReportTest.cpp
  # last: it turns TLS and passwords on for the process's cluster
  ${CMAKE_CURRENT_LIST_DIR}/PgConnectionTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/SiteFixture.h
  ${PROJECT_SOURCE_DIR}/tests/support/PgCluster.cpp
  ${PROJECT_SOURCE_DIR}/tests/support/TestCertificates.cpp
)
target_link_libraries(vaxsite_tests PRIVATE vax::site OpenSSL::Crypto nlohmann_json::nlohmann_json)
