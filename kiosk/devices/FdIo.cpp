#include "devices/FdIo.h"

#include <errno.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>

namespace vax::fdio {

namespace {

using Clock = std::chrono::steady_clock;

// Waits for `events` on fd until `deadline`: 1 ready, 0 timed out, -1 error (errno set).
int waitFor(int fd, short events, Clock::time_point deadline) {
    for (;;) {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        pollfd p{fd, events, 0};
        const int n = ::poll(&p, 1, int(std::max<std::chrono::milliseconds::rep>(left.count(), 0)));
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return n;
        }
        // POLLHUP / POLLERR: the following read or write reports what happened.
        return 1;
    }
}

enum class ReadKind { Byte, Timeout, Closed, Failed };

struct ReadOutcome {
    ReadKind kind;
    std::uint8_t byte = 0;
    int error = 0;
};

ReadOutcome readByte(int fd, Clock::time_point deadline) {
    for (;;) {
        const int ready = waitFor(fd, POLLIN, deadline);
        if (ready < 0) {
            return {ReadKind::Failed, 0, errno};
        }
        if (ready == 0) {
            return {ReadKind::Timeout};
        }
        std::uint8_t byte = 0;
        const ssize_t n = ::read(fd, &byte, 1);
        if (n == 1) {
            return {ReadKind::Byte, byte};
        }
        if (n == 0) {
            return {ReadKind::Closed};
        }
        if (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK) {
            if (Clock::now() >= deadline) {
                return {ReadKind::Timeout};
            }
            continue;
        }
        return {ReadKind::Failed, 0, errno};
    }
}

}  // namespace

std::string errorText(int error) {
    std::array<char, 128> buffer{};
    // GNU strerror_r returns the message, which may or may not be in buffer.
    return ::strerror_r(error, buffer.data(), buffer.size());
}

Status writeAll(int fd, std::span<const std::uint8_t> data, std::chrono::milliseconds stall,
                bool socket) {
    std::size_t done = 0;
    while (done < data.size()) {
        const std::size_t left = data.size() - done;
        const ssize_t n = socket ? ::send(fd, data.data() + done, left, MSG_NOSIGNAL)
                                 : ::write(fd, data.data() + done, left);
        if (n > 0) {
            done += std::size_t(n);
            continue;
        }
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK) {
            return Error{"write failed after " + std::to_string(done) + " of " +
                         std::to_string(data.size()) + " bytes: " + errorText(errno)};
        }
        const int ready = waitFor(fd, POLLOUT, Clock::now() + stall);
        if (ready < 0) {
            return Error{"waiting to write failed: " + errorText(errno)};
        }
        if (ready == 0) {
            return Error{"the printer took no data for " + std::to_string(stall.count()) + " ms (" +
                         std::to_string(done) + " of " + std::to_string(data.size()) +
                         " bytes sent)"};
        }
    }
    return okStatus();
}

Status drainInput(int fd, bool socket) {
    std::array<std::uint8_t, 256> buffer{};
    for (;;) {
        const ssize_t n = socket ? ::recv(fd, buffer.data(), buffer.size(), MSG_DONTWAIT)
                                 : ::read(fd, buffer.data(), buffer.size());
        if (n > 0) {
            continue;
        }
        if (n == 0) {
            return socket ? Status(Error{"the printer closed the connection"}) : okStatus();
        }
        if (errno == EINTR) {
            continue;
        }
        if (errno == EAGAIN || errno == EWOULDBLOCK) {
            return okStatus();
        }
        return Error{"reading from the printer failed: " + errorText(errno)};
    }
}

Result<std::optional<PrinterStatus>> queryStatus(int fd, std::chrono::milliseconds timeout,
                                                 bool socket) {
    PrinterStatus status;
    for (const StatusRequest request : kStatusRequests) {
        const auto bytes = statusRequestBytes(request);
        if (Status sent = writeAll(fd, bytes, timeout, socket); !sent) {
            return Error{"status request failed: " + sent.error().message};
        }
        const ReadOutcome reply = readByte(fd, Clock::now() + timeout);
        switch (reply.kind) {
            case ReadKind::Byte:
                if (Status applied = status.apply(request, reply.byte); !applied) {
                    return applied.error();
                }
                break;
            case ReadKind::Timeout:
                return std::optional<PrinterStatus>{};
            case ReadKind::Closed:
                if (!socket) {
                    return std::optional<PrinterStatus>{};  // a device that never answers
                }
                return Error{"the printer closed the connection"};
            case ReadKind::Failed:
                return Error{"reading the printer status failed: " + errorText(reply.error)};
        }
    }
    return std::optional<PrinterStatus>(status);
}

}  // namespace vax::fdio
