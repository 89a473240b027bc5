#pragma once

// Serial devices for tests: a pseudo-terminal standing in for a USB-serial device, and a
// symlink that can be re-pointed at a new one, as a /dev/serial/by-id name follows a replug.

#include <poll.h>
#include <pty.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <array>
#include <chrono>
#include <filesystem>
#include <string>
#include <string_view>
#include <thread>

#include "sys/UniqueFd.h"

namespace vax::test {

/// A real pseudo-terminal: the test writes to the master as a device's firmware would, the
/// driver under test opens the slave. unplug() hangs the slave up like a pulled cable. The
/// test keeps a slave descriptor of its own only to ask how many bytes the driver could read.
struct Pty {
    UniqueFd master;
    UniqueFd slave;
    std::string slavePath;

    static Pty open() {
        int master = -1;
        int slave = -1;
        if (::openpty(&master, &slave, nullptr, nullptr, nullptr) != 0) {
            ADD_FAILURE() << "openpty failed: " << errno;
            return {};
        }
        Pty pty{UniqueFd(master), UniqueFd(slave), {}};
        std::array<char, 128> name{};
        if (::ttyname_r(pty.slave.get(), name.data(), name.size()) != 0) {
            ADD_FAILURE() << "ttyname_r failed";
        }
        pty.slavePath = name.data();
        return pty;
    }

    void write(std::string_view bytes) const {
        while (!bytes.empty()) {
            const ssize_t n = ::write(master.get(), bytes.data(), bytes.size());
            ASSERT_GT(n, 0) << "write to pty master failed: " << errno;
            bytes.remove_prefix(std::size_t(n));
        }
    }

    // The pty moves written bytes to the slave's input asynchronously; tests about what is
    // "already buffered" wait until the driver could read all of them.
    void waitBuffered(std::size_t count) const {
        const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(2);
        int have = 0;
        while (std::chrono::steady_clock::now() < until) {
            ASSERT_EQ(::ioctl(slave.get(), FIONREAD, &have), 0);
            if (std::size_t(have) >= count) {
                return;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        FAIL() << "only " << have << " of " << count << " bytes reached the slave";
    }

    // What the driver wrote to the port, up to `count` bytes or two seconds.
    std::string readFromDriver(std::size_t count) const {
        std::string got;
        const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(2);
        while (got.size() < count && std::chrono::steady_clock::now() < until) {
            pollfd p{master.get(), POLLIN, 0};
            if (::poll(&p, 1, 50) <= 0) {
                continue;
            }
            std::array<char, 256> bytes;
            const ssize_t n = ::read(master.get(), bytes.data(), bytes.size());
            if (n > 0) {
                got.append(bytes.data(), std::size_t(n));
            }
        }
        return got;
    }

    void unplug() {
        slave.reset();
        master.reset();
    }
};

/// A stable path to a pty slave that a test re-points atomically: the driver never sees the
/// path missing because of the test, only because the test made it so.
inline void pointLinkAt(const std::filesystem::path& link, const std::string& target) {
    const auto temp = link.parent_path() / (link.filename().string() + ".tmp");
    std::filesystem::create_symlink(target, temp);
    std::filesystem::rename(temp, link);
}

}  // namespace vax::test
