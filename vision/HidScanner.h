#pragma once

#include <linux/input.h>

#include <array>
#include <cstddef>
#include <mutex>
#include <string>

#include "core/Result.h"
#include "vision/DeviceLoop.h"
#include "vision/KeyDecoder.h"

namespace vax {

/// Settings for HidScanner.
struct HidScannerOptions {
    /// The scanner's evdev node; prefer the stable /dev/input/by-id/usb-...-event-kbd name.
    std::string path;
    /// Take the device for ourselves (EVIOCGRAB) so its keystrokes never reach the UI. Only
    /// real evdev nodes can be grabbed; tests on pipes turn this off.
    bool grab = true;
    KeyDecoderOptions decoder;
    RetryOptions retry;
};

/// A USB HID scanner in keyboard-wedge mode, read from its evdev node on a reader thread.
/// Each code (ended by the scanner's Enter suffix) is passed to the code callback with
/// format "keyboard" and the device path as source. An unplugged scanner is reported as
/// Missing and reopened with backoff until it is back or stop() is called.
class HidScanner : private DeviceHandler {
public:
    /// Does not open anything yet; see start(). Callbacks run on the reader thread.
    HidScanner(HidScannerOptions options, CodeCallback onCode, StateCallback onState = {});
    /// Stops and joins the reader thread.
    ~HidScanner() override;
    HidScanner(const HidScanner&) = delete;
    HidScanner& operator=(const HidScanner&) = delete;

    /// Starts the reader thread; an error only if it is running already or cannot start.
    Status start();
    /// Stops reading and releases the device; returns promptly. Safe from any thread.
    void stop();
    /// The last state reported (Missing before the first open).
    ScannerState state() const { return m_loop.state(); }
    /// The message that came with state().
    std::string stateMessage() const { return m_loop.message(); }
    /// The decoder's counters, as of the last read.
    KeyDecoderStats stats() const;

private:
    // DeviceHandler; all run on the reader thread
    Result<UniqueFd, DeviceFault> openDevice() override;
    std::optional<DeviceFault> readAvailable(int fd) override;
    void publishStats();

    const HidScannerOptions m_options;
    const CodeCallback m_onCode;

    // Reader thread only.
    KeyDecoder m_decoder;
    std::array<unsigned char, 64 * sizeof(input_event)> m_buffer{};
    std::size_t m_buffered = 0;  // bytes of an incomplete event kept for the next read

    mutable std::mutex m_statsMutex;
    KeyDecoderStats m_stats;

    DeviceLoop m_loop;  // last: its thread is joined before the members above go away
};

}  // namespace vax
