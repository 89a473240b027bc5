#include "support/PrinterEmulator.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstring>

namespace vax::test {

PrinterEmulator::~PrinterEmulator() {
    stop();
}

std::uint8_t PrinterEmulator::replyFor(EmulatedState state, int n) {
    // Every reply has the fixed bits 0xx1xx10 = 0x12.
    std::uint8_t reply = 0x12;
    const bool offline = state == EmulatedState::PaperOut || state == EmulatedState::CoverOpen ||
                         state == EmulatedState::Offline || state == EmulatedState::CutterError;
    switch (n) {
        case 1:
            reply |= offline ? 0x08 : 0;
            break;
        case 2:
            reply |= state == EmulatedState::CoverOpen ? 0x04 : 0;
            reply |= state == EmulatedState::PaperOut ? 0x20 : 0;
            reply |= state == EmulatedState::CutterError ? 0x40 : 0;
            break;
        case 3:
            reply |= state == EmulatedState::CutterError ? 0x08 : 0;
            break;
        case 4:
            reply |= state == EmulatedState::PaperNearEnd ? 0x0C : 0;
            reply |= state == EmulatedState::PaperOut ? 0x6C : 0;
            break;
        default:
            break;
    }
    return reply;
}

bool PrinterEmulator::start(std::uint16_t port) {
    stop();
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    const int on = 1;
    // A restart on the same port must not wait for the old connections' TIME_WAIT.
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::listen(fd, 8) != 0) {
        std::fprintf(stderr, "PrinterEmulator: cannot listen on port %u: %s\n", unsigned(port),
                     std::strerror(errno));
        if (fd >= 0) {
            ::close(fd);
        }
        return false;
    }
    socklen_t length = sizeof address;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
    m_port = ntohs(address.sin_port);
    m_listener = fd;
    if (::pipe2(m_wake, O_CLOEXEC) != 0) {
        ::close(m_listener);
        m_listener = -1;
        return false;
    }
    m_thread = std::thread([this] { serve(); });
    return true;
}

void PrinterEmulator::stop() {
    if (!m_thread.joinable()) {
        return;
    }
    const char byte = 0;
    [[maybe_unused]] const ssize_t n = ::write(m_wake[1], &byte, 1);
    m_thread.join();
    ::close(m_wake[0]);
    ::close(m_wake[1]);
    m_wake[0] = m_wake[1] = -1;
}

void PrinterEmulator::setState(EmulatedState state) {
    const std::lock_guard lock(m_mutex);
    m_state = state;
    m_switch.reset();
}

void PrinterEmulator::switchStateAfter(std::size_t bytes, EmulatedState state) {
    const std::lock_guard lock(m_mutex);
    m_switch = std::make_pair(m_received.size() + bytes, state);
}

void PrinterEmulator::setAnswersStatus(bool answers) {
    const std::lock_guard lock(m_mutex);
    m_answers = answers;
}

std::vector<std::uint8_t> PrinterEmulator::received() const {
    const std::lock_guard lock(m_mutex);
    return m_received;
}

void PrinterEmulator::clearReceived() {
    const std::lock_guard lock(m_mutex);
    m_received.clear();
}

std::size_t PrinterEmulator::statusRequests() const {
    const std::lock_guard lock(m_mutex);
    return m_statusRequests;
}

std::size_t PrinterEmulator::connections() const {
    const std::lock_guard lock(m_mutex);
    return m_connections;
}

bool PrinterEmulator::waitForBytes(std::size_t count, std::chrono::milliseconds timeout) const {
    std::unique_lock lock(m_mutex);
    return m_changed.wait_for(lock, timeout, [&] { return m_received.size() >= count; });
}

// Called with m_mutex held.
void PrinterEmulator::keep(std::uint8_t byte) {
    m_received.push_back(byte);
    if (m_switch && m_received.size() >= m_switch->first) {
        m_state = m_switch->second;
        m_switch.reset();
    }
}

bool PrinterEmulator::take(Client& client, const std::uint8_t* data, std::size_t size) {
    std::vector<std::uint8_t> replies;
    {
        const std::lock_guard lock(m_mutex);
        for (std::size_t i = 0; i < size; ++i) {
            const std::uint8_t b = data[i];
            if (client.held == 2 && b >= 1 && b <= 4) {
                client.held = 0;
                ++m_statusRequests;
                if (m_answers) {
                    replies.push_back(replyFor(m_state, b));
                }
                continue;
            }
            if (client.held == 1 && b == 0x04) {
                client.held = 2;
                continue;
            }
            // Not a status request after all: the held bytes were data.
            if (client.held >= 1) {
                keep(0x10);
            }
            if (client.held == 2) {
                keep(0x04);
            }
            client.held = 0;
            if (b == 0x10) {
                client.held = 1;
            } else {
                keep(b);
            }
        }
    }
    m_changed.notify_all();
    if (!replies.empty() && ::send(client.fd, replies.data(), replies.size(), MSG_NOSIGNAL) !=
                                ssize_t(replies.size())) {
        return false;
    }
    return true;
}

void PrinterEmulator::serve() {
    std::vector<Client> clients;
    for (;;) {
        std::vector<pollfd> fds{{m_wake[0], POLLIN, 0}, {m_listener, POLLIN, 0}};
        for (const Client& c : clients) {
            fds.push_back({c.fd, POLLIN, 0});
        }
        if (::poll(fds.data(), fds.size(), -1) < 0) {
            if (errno == EINTR) {
                continue;
            }
            break;
        }
        if (fds[0].revents != 0) {
            break;
        }
        if (fds[1].revents != 0) {
            const int fd = ::accept4(m_listener, nullptr, nullptr, SOCK_CLOEXEC);
            if (fd >= 0) {
                clients.push_back({fd, 0});
                const std::lock_guard lock(m_mutex);
                ++m_connections;
            }
        }
        for (std::size_t k = 2; k < fds.size(); ++k) {
            if (fds[k].revents == 0) {
                continue;
            }
            Client& client = clients[k - 2];
            std::array<std::uint8_t, 4096> buffer{};
            const ssize_t n = ::recv(client.fd, buffer.data(), buffer.size(), 0);
            if (n > 0 && take(client, buffer.data(), std::size_t(n))) {
                continue;
            }
            if (n < 0 && errno == EINTR) {
                continue;
            }
            {
                // Bytes held back as a possible status request were data after all.
                const std::lock_guard lock(m_mutex);
                if (client.held >= 1) {
                    keep(0x10);
                }
                if (client.held == 2) {
                    keep(0x04);
                }
            }
            ::close(client.fd);
            client.fd = -1;
        }
        std::erase_if(clients, [](const Client& c) { return c.fd < 0; });
    }
    for (const Client& c : clients) {
        ::close(c.fd);
    }
    ::close(m_listener);
    m_listener = -1;
}

}  // namespace vax::test
