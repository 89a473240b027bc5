# The screens' logic under Qt Quick Test (tst_*.qml here): real VaxKiosk screens with test
# backends injected by QmlTestSetup.cpp (a real StaffConsole over a temporary demo site; the
# real entry, station and exit flows over scripted workers, FakeEntryBackend / FakeSiteBackend).
# Included from tests/CMakeLists.txt when the app is built (VAX_APP).
find_package(Qt6 6.4 REQUIRED COMPONENTS Quick QuickTest)
add_executable(vaxkiosk_qmltests
  ${CMAKE_CURRENT_LIST_DIR}/FakeEntryBackend.cpp
  ${CMAKE_CURRENT_LIST_DIR}/FakeEntryBackend.h
  ${CMAKE_CURRENT_LIST_DIR}/FakeSiteBackend.cpp
  ${CMAKE_CURRENT_LIST_DIR}/FakeSiteBackend.h
  ${CMAKE_CURRENT_LIST_DIR}/QmlTestSetup.cpp
  ${CMAKE_CURRENT_LIST_DIR}/TestBackends.cpp
  ${CMAKE_CURRENT_LIST_DIR}/TestBackends.h
)
set_target_properties(vaxkiosk_qmltests PROPERTIES AUTOMOC ON)
# StaffWorker.h needs the config, crypto, ops and store headers.
target_link_libraries(vaxkiosk_qmltests PRIVATE vaxkioskui vaxkioskuiplugin Qt6::QuickTest
                                                vax::config vax::crypto vax::ops vax::store)
target_include_directories(vaxkiosk_qmltests PRIVATE ${CMAKE_CURRENT_LIST_DIR}/..)
target_compile_definitions(vaxkiosk_qmltests
  PRIVATE QUICK_TEST_SOURCE_DIR="${CMAKE_CURRENT_LIST_DIR}")
vax_warnings(vaxkiosk_qmltests)
# One CTest test for all files; the log names each failing TestCase function.
add_test(NAME vaxkiosk_qmltests COMMAND vaxkiosk_qmltests)
set_tests_properties(vaxkiosk_qmltests PROPERTIES
  LABELS vaxkiosk_qmltests
  ENVIRONMENT QT_QPA_PLATFORM=offscreen
  TIMEOUT 300)
