#include "vision/HidScanner.h"

#include <fcntl.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>
#include <utility>

namespace vax {

HidScanner::HidScanner(HidScannerOptions options, CodeCallback onCode, StateCallback onState)
    : m_options(std::move(options)),
      m_onCode(std::move(onCode)),
      m_decoder(m_options.decoder),
      m_loop(m_options.path, *this, m_options.retry, std::move(onState)) {}

HidScanner::~HidScanner() {
    stop();
}

Status HidScanner::start() {
    return m_loop.start();
}

void HidScanner::stop() {
    m_loop.stop();
}

KeyDecoderStats HidScanner::stats() const {
    std::lock_guard lock(m_statsMutex);
    return m_stats;
}

// runs on the reader thread
Result<UniqueFd, DeviceFault> HidScanner::openDevice() {
    const std::string& path = m_options.path;
    UniqueFd fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC));
    if (!fd) {
        const int error = errno;
        DeviceFault fault = faultFromErrno(error, "cannot open scanner " + path);
        if (error == EACCES || error == EPERM) {
            fault.message += " (the kiosk user needs read access: 'input' group or a udev rule)";
        }
        return fault;
    }
    if (m_options.grab && ::ioctl(fd.get(), EVIOCGRAB, 1) != 0) {
        const int error = errno;
        std::string message = "cannot grab scanner " + path + ": ";
        if (error == EBUSY) {
            message += "another program has grabbed it";
        } else if (error == ENOTTY || error == EINVAL) {
            message += "not an input event device (use /dev/input/by-id/...-event-kbd)";
        } else {
            message += std::generic_category().message(error);
        }
        // Without the grab every scan would also be typed into the kiosk UI.
        return DeviceFault{error == ENODEV ? ScannerState::Missing : ScannerState::Error, message};
    }
    if (m_options.grab) {
        // Monotonic event times keep the inter-key timeout immune to wall-clock changes.
        // Best effort: an old kernel keeps realtime stamps, which still work.
        int clock = CLOCK_MONOTONIC;
        ::ioctl(fd.get(), EVIOCSCLOCKID, &clock);
    }
    m_decoder.reset();  // keys held when the device went away are not held any more
    m_buffered = 0;
    return fd;
}

// runs on the reader thread
std::optional<DeviceFault> HidScanner::readAvailable(int fd) {
    const ssize_t got = ::read(fd, m_buffer.data() + m_buffered, m_buffer.size() - m_buffered);
    if (got == 0) {
        return DeviceFault{ScannerState::Missing, m_options.path + ": scanner disconnected"};
    }
    if (got < 0) {
        if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) {
            return std::nullopt;
        }
        if (errno == ENODEV) {
            return DeviceFault{ScannerState::Missing, m_options.path + ": scanner unplugged"};
        }
        return faultFromErrno(errno, "cannot read scanner " + m_options.path);
    }
    m_buffered += std::size_t(got);

    // evdev returns whole events; a pipe in tests may split one, so the remainder waits.
    const std::size_t whole = m_buffered / sizeof(input_event) * sizeof(input_event);
    for (std::size_t offset = 0; offset < whole; offset += sizeof(input_event)) {
        input_event event;
        std::memcpy(&event, m_buffer.data() + offset, sizeof event);
        if (auto text = m_decoder.feed(event)) {
            publishStats();  // before the callback, so that it sees counters with this code
            if (m_onCode) {
                m_onCode(ScannedCode{std::move(*text), "keyboard", m_options.path,
                                     std::chrono::steady_clock::now()});
            }
        }
    }
    std::memmove(m_buffer.data(), m_buffer.data() + whole, m_buffered - whole);
    m_buffered -= whole;
    publishStats();
    return std::nullopt;
}

void HidScanner::publishStats() {
    std::lock_guard lock(m_statsMutex);
    m_stats = m_decoder.stats();
}

}  // namespace vax
