# The kiosk app, driven without a display (QT_QPA_PLATFORM=offscreen): the screenshot walk
# through the entry flow and the demo camera read end to end. Included from
# tests/CMakeLists.txt when the app is built (VAX_APP). The walk's PNGs land in
# <build>/tests/app-screens/ for people to look at.
find_package(Qt6 6.4 REQUIRED COMPONENTS Quick)
add_executable(vaxkiosk_tests ${CMAKE_CURRENT_LIST_DIR}/ScreenWalkTest.cpp)
target_link_libraries(vaxkiosk_tests PRIVATE vaxkioskui vaxkioskuiplugin GTest::gtest)
target_compile_definitions(vaxkiosk_tests
  PRIVATE VAX_SCREENSHOT_DIR="${CMAKE_CURRENT_BINARY_DIR}/app-screens")
vax_warnings(vaxkiosk_tests)
gtest_discover_tests(vaxkiosk_tests DISCOVERY_TIMEOUT 60
                     PROPERTIES LABELS vaxkiosk_tests ENVIRONMENT QT_QPA_PLATFORM=offscreen)
