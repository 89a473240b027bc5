# vaxdevices_tests: ticket layout, ESC/POS round trip through an interpreter and ZXing,
# previews, transports and the printer emulator. Included from tests/CMakeLists.txt where
# OpenCV and ZXing are available (inside if(NOT VAX_CORE_ONLY)).
vax_test_binary(vaxdevices_tests
  ${CMAKE_CURRENT_LIST_DIR}/ClockStatusTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/EscPosRendererTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/Mlx90614Test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/PrinterProfileTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/PrinterStatusTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/PrinterTransportTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/RoundTripTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/SerialThermometerTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/SimulatedThermometerTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/TemperatureReaderTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/TicketDocumentTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/TicketPrinterTest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/../support/EscPosInterpreter.cpp
  ${CMAKE_CURRENT_LIST_DIR}/../support/PrinterEmulator.cpp
)
# "support/..." headers resolve from the tests folder wherever this file is included from.
target_include_directories(vaxdevices_tests PRIVATE ${CMAKE_CURRENT_LIST_DIR}/..)
target_link_libraries(vaxdevices_tests PRIVATE
  vax::devices ZXing::ZXing opencv_imgproc opencv_imgcodecs Threads::Threads util)
