#include "vision/DeviceLoop.h"

#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdint>
#include <system_error>
#include <utility>

namespace vax {

namespace {

// Lets stop() recognise a call from inside a callback, where joining would deadlock.
thread_local const DeviceLoop* t_currentLoop = nullptr;

int pollTimeout(std::optional<std::chrono::milliseconds> wait) {
    if (!wait) {
        return -1;
    }
    return int(std::clamp<std::chrono::milliseconds::rep>(wait->count(), 0, INT_MAX));
}

}  // namespace

const char* toString(ScannerState state) {
    switch (state) {
        case ScannerState::Ok:
            return "ok";
        case ScannerState::Missing:
            return "missing";
        case ScannerState::Error:
            return "error";
    }
    return "unknown";
}

DeviceFault faultFromErrno(int error, const std::string& what) {
    const bool absent = error == ENOENT || error == ENODEV || error == ENXIO || error == EIO;
    return DeviceFault{absent ? ScannerState::Missing : ScannerState::Error,
                       what + ": " + std::generic_category().message(error)};
}

DeviceLoop::DeviceLoop(std::string name, DeviceHandler& handler, RetryOptions retry,
                       StateCallback onState)
    : m_name(std::move(name)), m_handler(handler), m_retry(retry), m_onState(std::move(onState)) {}

DeviceLoop::~DeviceLoop() {
    stop();
}

Status DeviceLoop::start() {
    std::lock_guard control(m_control);
    if (m_thread.joinable()) {
        if (!m_stopping) {
            return Error{m_name + ": scanner is already running"};
        }
        m_thread.join();  // a callback asked to stop; finish that first
    }
    const int wake = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (wake < 0) {
        return Error{m_name + ": cannot create eventfd: " + std::generic_category().message(errno)};
    }
    m_wakeFd.reset(wake);
    m_stopping = false;
    try {
        m_thread = std::thread([this] { run(); });
    } catch (const std::system_error& e) {
        m_wakeFd.reset();
        return Error{m_name + ": cannot start reader thread: " + e.what()};
    }
    m_running = true;
    return okStatus();
}

void DeviceLoop::stop() {
    if (t_currentLoop == this) {
        requestStop();
        return;
    }
    std::lock_guard control(m_control);
    if (!m_thread.joinable()) {
        return;
    }
    requestStop();
    m_thread.join();
    m_wakeFd.reset();
    m_running = false;
}

void DeviceLoop::requestStop() {
    m_stopping = true;
    const std::uint64_t one = 1;
    // Cannot fail in a way that matters: the counter only saturates after 2^64-1 stops.
    [[maybe_unused]] const ssize_t written = ::write(m_wakeFd.get(), &one, sizeof one);
}

ScannerState DeviceLoop::state() const {
    std::lock_guard lock(m_stateMutex);
    return m_state;
}

std::string DeviceLoop::message() const {
    std::lock_guard lock(m_stateMutex);
    return m_message;
}

// runs on the reader thread
void DeviceLoop::run() {
    t_currentLoop = this;
    std::chrono::milliseconds delay = m_retry.initial;
    const auto backOff = [&] {
        const bool stopped = waitForStop(delay);
        delay = std::min(delay * 2, m_retry.max);
        return !stopped;
    };
    while (!m_stopping) {
        auto opened = m_handler.openDevice();
        if (!opened) {
            report(opened.error().state, opened.error().message);
            if (!backOff()) {
                break;
            }
            continue;
        }
        const UniqueFd device = std::move(opened).value();
        report(ScannerState::Ok, m_name + ": connected");
        delay = m_retry.initial;
        const std::optional<DeviceFault> lost = readSession(device.get());
        if (!lost) {
            break;  // stopped
        }
        report(lost->state, lost->message);
        if (!backOff()) {
            break;
        }
    }
    t_currentLoop = nullptr;
}

// runs on the reader thread; returns nullopt when stopped
std::optional<DeviceFault> DeviceLoop::readSession(int fd) {
    pollfd fds[2] = {{fd, POLLIN, 0}, {m_wakeFd.get(), POLLIN, 0}};
    while (!m_stopping) {
        const int ready = ::poll(fds, 2, pollTimeout(m_handler.idleIn()));
        if (ready < 0) {
            if (errno == EINTR) {
                continue;
            }
            return faultFromErrno(errno, m_name + ": poll failed");
        }
        if (fds[1].revents != 0) {
            return std::nullopt;
        }
        if (ready == 0) {
            m_handler.idle();
            continue;
        }
        const short events = fds[0].revents;
        if (events & POLLNVAL) {
            return DeviceFault{ScannerState::Error, m_name + ": descriptor became invalid"};
        }
        if (auto fault = m_handler.readAvailable(fd)) {
            return fault;
        }
        // A hang-up without data that the read did not turn into a fault would otherwise
        // make poll() return at once forever.
        if ((events & (POLLHUP | POLLERR)) && !(events & POLLIN)) {
            return DeviceFault{ScannerState::Missing, m_name + ": device hung up"};
        }
    }
    return std::nullopt;
}

// runs on the reader thread; true when a stop was requested
bool DeviceLoop::waitForStop(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    pollfd wake{m_wakeFd.get(), POLLIN, 0};
    while (!m_stopping) {
        const auto left = std::chrono::ceil<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            return false;
        }
        const int ready = ::poll(&wake, 1, pollTimeout(left));
        if (ready < 0 && errno != EINTR) {
            return m_stopping;  // cannot wait: give up the wait rather than spin
        }
    }
    return true;
}

// runs on the reader thread
void DeviceLoop::report(ScannerState state, const std::string& message) {
    {
        std::lock_guard lock(m_stateMutex);
        if (state == m_state && message == m_message) {
            return;  // a device that stays absent is reported once, not at every retry
        }
        m_state = state;
        m_message = message;
    }
    if (m_onState) {
        m_onState(state, message);
    }
}

}  // namespace vax
