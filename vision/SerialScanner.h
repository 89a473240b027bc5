#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>

#include "core/Result.h"
#include "vision/DeviceLoop.h"
#include "vision/SerialLineAssembler.h"

namespace vax {

/// Settings for SerialScanner.
struct SerialScannerOptions {
    /// The scanner's tty, e.g. /dev/ttyACM0, or better a stable /dev/serial/by-id/... name.
    std::string path;
    /// Line speed; 8 data bits, no parity, 1 stop bit, no flow control.
    unsigned baud = 9600;
    /// Any of these bytes ends a line. CRLF gives an empty second line, which is ignored.
    std::string terminators = "\r\n";
    /// Lines longer than this many bytes are discarded.
    std::size_t maxLength = 4096;
    /// Emit a partial line once no byte has come for idleTimeout (for scanners configured
    /// without a suffix).
    bool emitOnIdle = true;
    std::chrono::milliseconds idleTimeout{200};
    RetryOptions retry;
};

/// A barcode scanner in serial mode (USB CDC-ACM or a USB-serial adapter), read on a reader
/// thread. Each line is passed to the code callback with format "serial" and the path as
/// source; GS and other control bytes inside a line are kept. A port that disappears is
/// reported as Missing and reopened with backoff until it is back or stop() is called.
class SerialScanner : private DeviceHandler {
public:
    /// Does not open anything yet; see start(). Callbacks run on the reader thread.
    SerialScanner(SerialScannerOptions options, CodeCallback onCode, StateCallback onState = {});
    /// Stops and joins the reader thread.
    ~SerialScanner() override;
    SerialScanner(const SerialScanner&) = delete;
    SerialScanner& operator=(const SerialScanner&) = delete;

    /// Checks the options and starts the reader thread; an error for a baud rate the system
    /// does not support, no terminator while emitOnIdle is off, or when already running.
    Status start();
    /// Stops reading and closes the port; returns promptly. Safe from any thread.
    void stop();
    /// The last state reported (Missing before the first open).
    ScannerState state() const { return m_loop.state(); }
    /// The message that came with state().
    std::string stateMessage() const { return m_loop.message(); }
    /// Counters, as of the last read.
    SerialScannerStats stats() const;

private:
    // DeviceHandler; all run on the reader thread
    Result<UniqueFd, DeviceFault> openDevice() override;
    std::optional<DeviceFault> readAvailable(int fd) override;
    std::optional<std::chrono::milliseconds> idleIn() override;
    void idle() override;

    void emit(std::optional<std::string> code);
    void publishStats();

    const SerialScannerOptions m_options;
    const CodeCallback m_onCode;

    // Reader thread only.
    SerialLineAssembler m_lines;
    std::chrono::steady_clock::time_point m_lastByte;

    mutable std::mutex m_statsMutex;
    SerialScannerStats m_stats;  // copy of m_lines.stats() for other threads

    DeviceLoop m_loop;  // last: its thread is joined before the members above go away
};

}  // namespace vax
