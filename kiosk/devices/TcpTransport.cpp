#include "devices/TcpTransport.h"

#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <memory>

#include "devices/FdIo.h"

namespace vax {

namespace {

using Clock = std::chrono::steady_clock;

struct AddrInfoDeleter {
    void operator()(addrinfo* list) const noexcept { ::freeaddrinfo(list); }
};
using AddrInfoList = std::unique_ptr<addrinfo, AddrInfoDeleter>;

}  // namespace

TcpTransport::TcpTransport(std::string uri, std::string host, std::uint16_t port,
                           PrinterTransportOptions options)
    : m_uri(std::move(uri)), m_host(std::move(host)), m_port(port), m_options(std::move(options)) {}

std::string TcpTransport::where() const {
    return "printer at " + m_uri;
}

Status TcpTransport::connectNow() {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_NUMERICSERV;
    addrinfo* found = nullptr;
    // Name lookup blocks without a timeout of ours; printers are usually configured by address.
    const int rc = ::getaddrinfo(m_host.c_str(), std::to_string(m_port).c_str(), &hints, &found);
    if (rc != 0) {
        return Error{"cannot resolve host '" + m_host + "': " + ::gai_strerror(rc)};
    }
    const AddrInfoList list(found);
    std::string failure = "no address";
    for (const addrinfo* a = list.get(); a != nullptr; a = a->ai_next) {
        UniqueFd fd(
            ::socket(a->ai_family, a->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, a->ai_protocol));
        if (!fd) {
            failure = "socket: " + fdio::errorText(errno);
            continue;
        }
        if (::connect(fd.get(), a->ai_addr, a->ai_addrlen) != 0) {
            if (errno != EINPROGRESS) {
                failure = fdio::errorText(errno);
                continue;
            }
            pollfd p{fd.get(), POLLOUT, 0};
            int ready = 0;
            do {
                ready = ::poll(&p, 1, int(m_options.connectTimeout.count()));
            } while (ready < 0 && errno == EINTR);
            if (ready == 0) {
                failure =
                    "no answer within " + std::to_string(m_options.connectTimeout.count()) + " ms";
                continue;
            }
            int error = 0;
            socklen_t length = sizeof error;
            if (ready < 0 || ::getsockopt(fd.get(), SOL_SOCKET, SO_ERROR, &error, &length) != 0) {
                failure = fdio::errorText(errno);
                continue;
            }
            if (error != 0) {
                failure = fdio::errorText(error);
                continue;
            }
        }
        // Status requests are three bytes: send them at once, not after the previous ACK.
        const int on = 1;
        ::setsockopt(fd.get(), IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
        ::setsockopt(fd.get(), SOL_SOCKET, SO_KEEPALIVE, &on, sizeof on);
        m_socket = std::move(fd);
        return okStatus();
    }
    return Error{failure};
}

Status TcpTransport::ensureConnected() {
    if (m_socket) {
        return okStatus();
    }
    const Clock::time_point now = Clock::now();
    if (now < m_nextAttempt) {
        const auto wait =
            std::chrono::duration_cast<std::chrono::milliseconds>(m_nextAttempt - now);
        return Error{where() + " offline (" + m_lastError + "); next connection attempt in " +
                     std::to_string(wait.count()) + " ms / 打印机离线"};
    }
    if (Status connected = connectNow(); !connected) {
        m_lastError = connected.error().message;
        m_backoff = m_backoff.count() == 0 ? m_options.reconnectBackoff
                                           : std::min(m_backoff * 2, m_options.reconnectBackoffMax);
        m_nextAttempt = now + m_backoff;
        return Error{where() + " offline: cannot connect: " + m_lastError + " / 打印机离线"};
    }
    m_backoff = std::chrono::milliseconds{0};
    m_nextAttempt = {};
    return okStatus();
}

Status TcpTransport::ensureLive() {
    if (m_socket && !fdio::drainInput(m_socket.get(), true)) {
        // Closed since the last job (printer restarted): connect afresh, no backoff yet.
        m_socket.reset();
    }
    return ensureConnected();
}

Result<std::optional<PrinterStatus>> TcpTransport::queryStatus() {
    if (Status live = ensureLive(); !live) {
        return live.error();
    }
    Result<std::optional<PrinterStatus>> status =
        fdio::queryStatus(m_socket.get(), m_options.statusTimeout, true);
    if (!status) {
        m_socket.reset();
        return Error{where() + ": " + status.error().message};
    }
    return status;
}

Status TcpTransport::send(std::string_view /*jobName*/, std::span<const std::uint8_t> data) {
    if (Status live = ensureLive(); !live) {
        return live;
    }
    if (Status sent = fdio::writeAll(m_socket.get(), data, m_options.ioTimeout, true); !sent) {
        m_socket.reset();
        return Error{where() + ": " + sent.error().message};
    }
    return okStatus();
}

}  // namespace vax
