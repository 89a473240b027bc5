# The kiosk app, driven without a display (QT_QPA_PLATFORM=offscreen): the screenshot walk
# through the entry flow and the demo camera read end to end. Included from
# tests/CMakeLists.txt when the app is built (VAX_APP). The walk's PNGs land in
# <build>/tests/app-screens/ for people to look at.
find_package(Qt6 6.4 REQUIRED COMPONENTS Quick)
add_executable(vaxkiosk_tests ${CMAKE_CURRENT_LIST_DIR}/ScreenWalkTest.cpp)
target_link_libraries(vaxkiosk_tests PRIVATE vaxkioskui vaxkioskuiplugin GTest::gtest)
# The outbox pump against the reference upstream on loopback, the status board and strip, the
# demo's upstream process, the slip printed at entry (decoded back from its PNG).
target_sources(vaxkiosk_tests PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/AppTestSupport.h
  ${CMAKE_CURRENT_LIST_DIR}/DemoKioskTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/EntryWorkerTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/SlotGuardTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/StaffSignInTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/OutboxPumpTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/StatusBoardTest.cpp
)
# The station and exit roles on the demo site: binding, refusals, the printed dose ticket, exit
# verdicts and the observation list, with their screenshots.
target_sources(vaxkiosk_tests PRIVATE ${CMAKE_CURRENT_LIST_DIR}/StationExitWalkTest.cpp)
# The wall screens (call screen, observation board) on the site server's test cluster.
target_sources(vaxkiosk_tests PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/WallScreenTest.cpp
  ${PROJECT_SOURCE_DIR}/tests/support/PgCluster.cpp)
target_link_libraries(vaxkiosk_tests PRIVATE vax::site)
# The staff console: PIN and lockout, decisions, calls, typed IDs, figures, idle logout.
target_sources(vaxkiosk_tests PRIVATE ${CMAKE_CURRENT_LIST_DIR}/StaffConsoleTest.cpp)
target_include_directories(vaxkiosk_tests PRIVATE ${CMAKE_CURRENT_LIST_DIR}/..)
target_link_libraries(vaxkiosk_tests PRIVATE vax::store vax::crypto vax::ops vax::config
                                             vax::upstream)
add_dependencies(vaxkiosk_tests vaxupstream vaxkiosk_demo_media)
target_compile_definitions(vaxkiosk_tests
  PRIVATE VAX_SCREENSHOT_DIR="${CMAKE_CURRENT_BINARY_DIR}/app-screens")
vax_warnings(vaxkiosk_tests)
gtest_discover_tests(vaxkiosk_tests DISCOVERY_TIMEOUT 60
                     PROPERTIES LABELS vaxkiosk_tests ENVIRONMENT QT_QPA_PLATFORM=offscreen)
