#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "core/Result.h"
#include "sys/UniqueFd.h"
#include "vision/ScannedCode.h"

namespace vax {

/// Health of a scanner device, as shown to staff.
enum class ScannerState {
    Ok,       ///< open and reading
    Missing,  ///< not there (unplugged, not yet plugged in); retried with backoff
    Error,    ///< there but unusable (permissions, grabbed elsewhere, wrong kind); retried
};

/// "ok", "missing" or "error".
const char* toString(ScannerState state);

/// Receives each code read; called on the scanner's reader thread and must not throw.
using CodeCallback = std::function<void(const ScannedCode&)>;
/// Receives each change of state with a message fit for staff; called on the reader thread
/// and must not throw.
using StateCallback = std::function<void(ScannerState, const std::string& message)>;

/// Why a device could not be opened or stopped being readable.
struct DeviceFault {
    ScannerState state = ScannerState::Error;
    std::string message;
};

/// A fault for a failed system call: `what` plus the errno text. Errors meaning "the device
/// is not there" (ENOENT, ENODEV, ENXIO, EIO) give Missing, anything else Error.
DeviceFault faultFromErrno(int error, const std::string& what);

/// How long to wait before reopening a lost or absent device.
struct RetryOptions {
    std::chrono::milliseconds initial{250};  ///< first wait; doubled after each failure
    std::chrono::milliseconds max{5000};     ///< the wait never grows beyond this
};

/// The device-specific half of a scanner. Every function runs on the reader thread.
class DeviceHandler {
public:
    virtual ~DeviceHandler() = default;

    /// Opens and configures the device for non-blocking reads.
    virtual Result<UniqueFd, DeviceFault> openDevice() = 0;
    /// Reads what is available (the fd polled readable or hung up). A fault ends the session;
    /// the loop then closes the device and reopens it with backoff.
    virtual std::optional<DeviceFault> readAvailable(int fd) = 0;
    /// How long the loop may wait for input before calling idle(); nullopt waits forever.
    virtual std::optional<std::chrono::milliseconds> idleIn() { return std::nullopt; }
    /// Called when the wait given by idleIn() passed without input.
    virtual void idle() {}
};

/// Runs a DeviceHandler on its own thread: open, poll and read until stopped, report each
/// change of state, and reopen with exponential backoff whenever the device is lost. Shared
/// by HidScanner and SerialScanner.
///
/// Declare it as the last member of its owner so that it is destroyed (and its thread
/// joined) before the handler's other members.
class DeviceLoop {
public:
    /// `name` (the device path) prefixes messages; `handler` must outlive this object.
    DeviceLoop(std::string name, DeviceHandler& handler, RetryOptions retry, StateCallback onState);
    /// Stops and joins the reader thread.
    ~DeviceLoop();
    DeviceLoop(const DeviceLoop&) = delete;
    DeviceLoop& operator=(const DeviceLoop&) = delete;

    /// Starts the reader thread; an error if it is running or cannot be started. A device
    /// that is absent is not an error here: it is reported as Missing and retried.
    Status start();
    /// Asks the reader thread to finish and joins it; returns promptly even while it waits
    /// for input or for the next reopen. From a callback (the reader thread itself) it only
    /// asks, and the owner's next stop() or destructor joins.
    void stop();
    /// True between start() and stop().
    bool running() const { return m_running; }
    /// The last state reported (Missing, "not started" before the first open).
    ScannerState state() const;
    /// The message that came with state().
    std::string message() const;

private:
    void run();  // runs on the reader thread
    std::optional<DeviceFault> readSession(int fd);
    bool waitForStop(std::chrono::milliseconds timeout);
    void report(ScannerState state, const std::string& message);
    void requestStop();

    const std::string m_name;
    DeviceHandler& m_handler;
    const RetryOptions m_retry;
    const StateCallback m_onState;

    std::mutex m_control;  // serialises start() and stop(); guards m_thread
    std::thread m_thread;
    UniqueFd m_wakeFd;  // eventfd written by stop() to interrupt poll(); lives while running
    std::atomic<bool> m_stopping{false};
    std::atomic<bool> m_running{false};

    mutable std::mutex m_stateMutex;  // guards m_state and m_message
    ScannerState m_state = ScannerState::Missing;
    std::string m_message = "not started";
};

}  // namespace vax
