#pragma once

#include <chrono>
#include <string>

namespace vax {

/// A code read by any input: the camera pipeline, a USB HID scanner or a serial scanner.
/// Every source feeds the same "new code" output, so the business action does not care.
struct ScannedCode {
    std::string text;    ///< decoded text (UTF-8; GS1 separators as '\x1d')
    std::string format;  ///< "QRCode", "DataMatrix", ... or "keyboard" / "serial" when unknown
    std::string source;  ///< device or file it came from, e.g. "/dev/ttyACM0"
    std::chrono::steady_clock::time_point at;  ///< when it was read
};

}  // namespace vax
