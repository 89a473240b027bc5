# vaxnet_tests: HTTP client against a real server on loopback (plain and TLS with a CA made at
# test time), JWS/JWKS verification, health-code checks, the outbox, FHIR records against the
# official R4 schema (doses bound through the station and the journal). Included from
# tests/CMakeLists.txt inside if(NOT VAX_CORE_ONLY).
vax_test_binary(vaxnet_tests
  ${CMAKE_CURRENT_LIST_DIR}/FhirSchemaTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/HealthCodeTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/HttpClientTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/JwsTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/OfflineHealthCodeTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/OutboxDrainTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/UpstreamServerTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/../support/TestCertificates.cpp
)
target_include_directories(vaxnet_tests PRIVATE ${CMAKE_CURRENT_LIST_DIR}/..)
target_link_libraries(vaxnet_tests PRIVATE
  vax::net vax::sync vax::ops vax::upstream OpenSSL::Crypto OpenSSL::SSL PkgConfig::sodium Threads::Threads)
# The reference server's command line parses and prints its usage.
add_test(NAME vaxupstream_help COMMAND vaxupstream --help)
