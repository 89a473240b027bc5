#include "vision/SerialScanner.h"

#include "sys/RawSerial.h"

#include <fcntl.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <optional>
#include <string_view>
#include <utility>

namespace vax {

SerialScanner::SerialScanner(SerialScannerOptions options, CodeCallback onCode,
                             StateCallback onState)
    : m_options(std::move(options)),
      m_onCode(std::move(onCode)),
      m_lines(m_options.terminators, m_options.maxLength),
      m_loop(m_options.path, *this, m_options.retry, std::move(onState)) {}

SerialScanner::~SerialScanner() {
    stop();
}

Status SerialScanner::start() {
    if (!termiosSpeed(m_options.baud)) {
        return Error{m_options.path + ": unsupported baud rate " + std::to_string(m_options.baud)};
    }
    if (m_options.terminators.empty() && !m_options.emitOnIdle) {
        return Error{m_options.path +
                     ": no line terminator and idle emit off: nothing would "
                     "ever end a code"};
    }
    if (m_options.maxLength == 0 || (m_options.emitOnIdle && m_options.idleTimeout.count() <= 0)) {
        return Error{m_options.path + ": maxLength and idleTimeout must be positive"};
    }
    return m_loop.start();
}

void SerialScanner::stop() {
    m_loop.stop();
}

SerialScannerStats SerialScanner::stats() const {
    std::lock_guard lock(m_statsMutex);
    return m_stats;
}

// runs on the reader thread
Result<UniqueFd, DeviceFault> SerialScanner::openDevice() {
    const std::string& path = m_options.path;
    // O_NOCTTY: a scanner must never become the kiosk's controlling terminal.
    UniqueFd fd(::open(path.c_str(), O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC));
    if (!fd) {
        const int error = errno;
        DeviceFault fault = faultFromErrno(error, "cannot open scanner " + path);
        if (error == EACCES || error == EPERM) {
            fault.message += " (the kiosk user needs the 'dialout' group)";
        } else if (error == EBUSY) {
            fault.message += " (another program has it open exclusively)";
        }
        return fault;
    }
    if (!::isatty(fd.get())) {
        return DeviceFault{ScannerState::Error, path + " is not a serial port"};
    }
    // Keeps other openers out while we read, e.g. ModemManager probing ttyACM ports with AT
    // commands. Best effort: reading works without it.
    ::ioctl(fd.get(), TIOCEXCL);

    if (!configureRaw8N1(fd.get(), *termiosSpeed(m_options.baud))) {  // baud checked in start()
        return faultFromErrno(errno, "cannot configure " + path);
    }

    m_lines.reset();
    return fd;
}

// runs on the reader thread
std::optional<DeviceFault> SerialScanner::readAvailable(int fd) {
    std::array<char, 4096> bytes;
    const ssize_t got = ::read(fd, bytes.data(), bytes.size());
    if (got == 0) {
        // A tty reads 0 only once hung up: the USB device or the pty master went away.
        return DeviceFault{ScannerState::Missing, m_options.path + ": scanner disconnected"};
    }
    if (got < 0) {
        if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) {
            return std::nullopt;
        }
        return faultFromErrno(errno, "cannot read scanner " + m_options.path);
    }
    m_lastByte = std::chrono::steady_clock::now();
    for (ssize_t i = 0; i < got; ++i) {
        emit(m_lines.take(bytes[std::size_t(i)]));
    }
    publishStats();
    return std::nullopt;
}

// runs on the reader thread
std::optional<std::chrono::milliseconds> SerialScanner::idleIn() {
    if (!m_options.emitOnIdle || !m_lines.midLine()) {
        return std::nullopt;
    }
    const auto left = std::chrono::ceil<std::chrono::milliseconds>(
        m_lastByte + m_options.idleTimeout - std::chrono::steady_clock::now());
    return std::max(left, std::chrono::milliseconds(0));
}

// runs on the reader thread
void SerialScanner::idle() {
    if (std::chrono::steady_clock::now() - m_lastByte >= m_options.idleTimeout) {
        emit(m_lines.endByIdle());
        publishStats();
    }
}

void SerialScanner::emit(std::optional<std::string> code) {
    if (!code) {
        return;
    }
    publishStats();  // before the callback, so that it sees counters that include this code
    if (m_onCode) {
        m_onCode(ScannedCode{std::move(*code), "serial", m_options.path,
                             std::chrono::steady_clock::now()});
    }
}

void SerialScanner::publishStats() {
    std::lock_guard lock(m_statsMutex);
    m_stats = m_lines.stats();
}

}  // namespace vax
