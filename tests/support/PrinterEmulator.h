#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace vax::test {

/// What the emulated printer reports.
enum class EmulatedState { Ready, PaperOut, PaperNearEnd, CoverOpen, Offline, CutterError };

/// A network receipt printer on 127.0.0.1 for tests: accepts raw TCP connections (as on port
/// 9100), keeps every job byte, and answers the real-time status requests DLE EOT 1..4 from a
/// settable state. As a real printer does, it takes DLE EOT n as a request wherever it appears
/// in the stream; those bytes are not kept as job data. Serves on its own thread.
class PrinterEmulator {
public:
    PrinterEmulator() = default;
    /// Stops serving.
    ~PrinterEmulator();
    PrinterEmulator(const PrinterEmulator&) = delete;
    PrinterEmulator& operator=(const PrinterEmulator&) = delete;

    /// Listens on 127.0.0.1:`port` (0: a free port, see port()). False with a message on
    /// stderr when the port cannot be had.
    bool start(std::uint16_t port = 0);
    /// Closes the listener and every connection (as a printer switched off) and joins.
    void stop();
    /// The port listened on (kept after stop(), to restart on it).
    std::uint16_t port() const { return m_port; }

    /// The state status replies report from now on.
    void setState(EmulatedState state);
    /// Switches to `state` once `bytes` more job bytes have arrived (paper running out
    /// in the middle of a ticket).
    void switchStateAfter(std::size_t bytes, EmulatedState state);
    /// Whether status requests are answered (false: a printer that keeps silent).
    void setAnswersStatus(bool answers);

    /// The job bytes received so far, status requests taken out.
    std::vector<std::uint8_t> received() const;
    /// Forgets the bytes received so far.
    void clearReceived();
    /// Status requests answered so far.
    std::size_t statusRequests() const;
    /// Connections accepted so far.
    std::size_t connections() const;
    /// Waits until at least `count` job bytes have arrived; false on timeout.
    bool waitForBytes(std::size_t count, std::chrono::milliseconds timeout) const;

    /// The reply a printer in `state` gives to DLE EOT `n`.
    static std::uint8_t replyFor(EmulatedState state, int n);

private:
    struct Client {
        int fd = -1;
        int held = 0;  // bytes of a possible DLE EOT n held back: 0, 1 (DLE) or 2 (DLE EOT)
    };

    void serve();
    // Handles bytes from one client; returns false when the client must be dropped.
    bool take(Client& client, const std::uint8_t* data, std::size_t size);
    void keep(std::uint8_t byte);

    mutable std::mutex m_mutex;
    mutable std::condition_variable m_changed;
    std::vector<std::uint8_t> m_received;
    EmulatedState m_state = EmulatedState::Ready;
    std::optional<std::pair<std::size_t, EmulatedState>> m_switch;
    bool m_answers = true;
    std::size_t m_statusRequests = 0;
    std::size_t m_connections = 0;

    std::uint16_t m_port = 0;
    int m_listener = -1;
    int m_wake[2] = {-1, -1};
    std::thread m_thread;
};

}  // namespace vax::test
