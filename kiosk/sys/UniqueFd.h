#pragma once

#include <unistd.h>

#include <utility>

namespace vax {

/// Move-only owner of a POSIX file descriptor (device file, socket, pipe end); closes it on
/// destruction.
class UniqueFd {
public:
    UniqueFd() noexcept = default;
    /// Takes ownership of `fd` (a negative value means "none").
    explicit UniqueFd(int fd) noexcept : m_fd(fd) {}

    UniqueFd(UniqueFd&& other) noexcept : m_fd(other.release()) {}
    UniqueFd& operator=(UniqueFd&& other) noexcept {
        if (this != &other) {
            reset(other.release());
        }
        return *this;
    }
    UniqueFd(const UniqueFd&) = delete;
    UniqueFd& operator=(const UniqueFd&) = delete;
    ~UniqueFd() { reset(); }

    /// The descriptor, still owned; -1 when empty.
    int get() const noexcept { return m_fd; }
    /// True when a descriptor is held.
    explicit operator bool() const noexcept { return m_fd >= 0; }

    /// Gives up ownership without closing; returns the descriptor.
    int release() noexcept { return std::exchange(m_fd, -1); }

    /// Closes the held descriptor (if any) and takes `fd` instead.
    void reset(int fd = -1) noexcept {
        const int old = std::exchange(m_fd, fd);
        if (old >= 0) {
            // Not retried on EINTR: Linux has released the descriptor already, and a retry
            // could close one that another thread just opened.
            ::close(old);
        }
    }

private:
    int m_fd = -1;
};

}  // namespace vax
