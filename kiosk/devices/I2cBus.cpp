#include "devices/I2cBus.h"

#include <fcntl.h>
#include <linux/i2c-dev.h>
#include <linux/i2c.h>
#include <sys/ioctl.h>

#include <array>
#include <cerrno>
#include <cstdio>
#include <utility>

#include "devices/FdIo.h"

namespace vax {

namespace {

// The kernel refuses longer I2C_RDWR messages (EINVAL); refusing them here says why.
constexpr std::size_t kMaxMessageLength = 8192;

constexpr std::array<std::uint8_t, 256> makeCrc8Table() {
    std::array<std::uint8_t, 256> table{};
    for (unsigned i = 0; i < 256; ++i) {
        unsigned crc = i;
        for (int bit = 0; bit < 8; ++bit) {
            crc = (crc & 0x80u) != 0 ? (crc << 1) ^ 0x07u : crc << 1;
        }
        table[i] = std::uint8_t(crc & 0xFFu);
    }
    return table;
}

constexpr std::array<std::uint8_t, 256> kCrc8Table = makeCrc8Table();

std::string hexByte(unsigned value) {
    std::array<char, 8> text{};
    std::snprintf(text.data(), text.size(), "0x%02x", value & 0xFFu);
    return text.data();
}

}  // namespace

const char* toString(I2cError::Kind kind) {
    switch (kind) {
        case I2cError::Kind::Nack:
            return "nack";
        case I2cError::Kind::Timeout:
            return "timeout";
        case I2cError::Kind::Missing:
            return "missing";
        case I2cError::Kind::Io:
            return "io";
    }
    return "io";
}

I2cError i2cErrorFromErrno(int error, const std::string& what) {
    I2cError result{I2cError::Kind::Io, what + ": " + fdio::errorText(error)};
    switch (error) {
        // Bus drivers differ in how they report an address nobody acknowledged: most use
        // EREMOTEIO, some (i801, several USB adapters) ENXIO.
        case EREMOTEIO:
        case ENXIO:
            result.kind = I2cError::Kind::Nack;
            break;
        case ETIMEDOUT:
            result.kind = I2cError::Kind::Timeout;
            break;
        // ENODEV/ENOENT: the adapter is gone (unbound, node removed). USB-I2C adapters answer
        // EIO or ESHUTDOWN on a descriptor that outlived the unplug.
        case ENOENT:
        case ENODEV:
        case EIO:
        case ESHUTDOWN:
            result.kind = I2cError::Kind::Missing;
            break;
        case ENOTTY:
            result.message += " (not an I2C adapter: check the configured path)";
            break;
        case EACCES:
        case EPERM:
            result.message +=
                " (the kiosk user needs the 'i2c' group or a udev rule granting access to "
                "/dev/i2c-*)";
            break;
        case EOPNOTSUPP:
            result.message += " (the adapter does not support this kind of transfer)";
            break;
        default:
            break;
    }
    return result;
}

std::uint8_t smbusPec(std::span<const std::uint8_t> bytes) {
    std::uint8_t crc = 0;
    for (const std::uint8_t byte : bytes) {
        crc = kCrc8Table[std::uint8_t(crc ^ byte)];
    }
    return crc;
}

LinuxI2cBus::LinuxI2cBus(std::string path) : m_path(std::move(path)) {}

I2cStatus LinuxI2cBus::ensureOpen() {
    if (m_fd) {
        return Unit{};
    }
    UniqueFd fd(::open(m_path.c_str(), O_RDWR | O_CLOEXEC));
    if (!fd) {
        const int error = errno;
        I2cError failure = i2cErrorFromErrno(error, "cannot open " + m_path);
        if (error == ENXIO) {
            // At open() ENXIO means a node without an adapter behind it, not a NACK.
            failure.kind = I2cError::Kind::Missing;
        }
        return failure;
    }
    // Asking for the adapter's functions tells an I2C adapter from any other file, and an
    // SMBus-only controller (it cannot do I2C_RDWR) from one that can.
    unsigned long functions = 0;
    if (::ioctl(fd.get(), I2C_FUNCS, &functions) != 0) {
        return i2cErrorFromErrno(errno, m_path + ": cannot query the I2C adapter");
    }
    if ((functions & I2C_FUNC_I2C) == 0) {
        return I2cError{I2cError::Kind::Io,
                        m_path +
                            ": the adapter only does SMBus transfers, not the combined I2C "
                            "transfers (I2C_RDWR) this driver needs"};
    }
    m_fd = std::move(fd);
    return Unit{};
}

I2cStatus LinuxI2cBus::transfer(std::uint8_t address, std::span<const std::uint8_t> write,
                                std::span<std::uint8_t> readBuffer) {
    if (address > 0x7F) {
        return I2cError{I2cError::Kind::Io,
                        m_path + ": " + hexByte(address) + " is not a 7-bit I2C address"};
    }
    if (write.size() > kMaxMessageLength || readBuffer.size() > kMaxMessageLength) {
        return I2cError{I2cError::Kind::Io, m_path + ": transfer longer than " +
                                                std::to_string(kMaxMessageLength) + " bytes"};
    }
    if (write.empty() && readBuffer.empty()) {
        return Unit{};
    }
    if (I2cStatus open = ensureOpen(); !open) {
        return open;
    }
    // i2c_msg::buf is not const; a copy keeps the caller's bytes untouched whatever happens.
    std::vector<std::uint8_t> out(write.begin(), write.end());
    std::array<i2c_msg, 2> messages{};
    std::uint32_t count = 0;
    if (!out.empty()) {
        i2c_msg& m = messages[count++];
        m.addr = address;
        m.flags = 0;
        m.len = std::uint16_t(out.size());
        m.buf = out.data();
    }
    if (!readBuffer.empty()) {
        i2c_msg& m = messages[count++];
        m.addr = address;
        m.flags = I2C_M_RD;
        m.len = std::uint16_t(readBuffer.size());
        m.buf = readBuffer.data();
    }
    // Both messages in one ioctl: the adapter puts a repeated start between them, so no other
    // master can address the device between the command byte and the read.
    i2c_rdwr_ioctl_data data{};
    data.msgs = messages.data();
    data.nmsgs = count;
    const int done = ::ioctl(m_fd.get(), I2C_RDWR, &data);
    if (done < 0) {
        I2cError failure =
            i2cErrorFromErrno(errno, "transfer with " + hexByte(address) + " on " + m_path);
        if (failure.kind == I2cError::Kind::Missing) {
            m_fd.reset();  // a replugged adapter is a new device: reopen the node next time
        }
        return failure;
    }
    if (std::uint32_t(done) != count) {
        return I2cError{I2cError::Kind::Io, "transfer with " + hexByte(address) + " on " + m_path +
                                                ": only " + std::to_string(done) + " of " +
                                                std::to_string(count) + " messages done"};
    }
    return Unit{};
}

Result<std::vector<std::uint8_t>, I2cError> LinuxI2cBus::writeRead(
    std::uint8_t address, std::span<const std::uint8_t> write, std::size_t readLength) {
    if (readLength > kMaxMessageLength) {
        return I2cError{I2cError::Kind::Io, m_path + ": transfer longer than " +
                                                std::to_string(kMaxMessageLength) + " bytes"};
    }
    std::vector<std::uint8_t> reply(readLength);
    if (I2cStatus done = transfer(address, write, reply); !done) {
        return std::move(done).error();
    }
    return reply;
}

I2cStatus LinuxI2cBus::write(std::uint8_t address, std::span<const std::uint8_t> bytes) {
    return transfer(address, bytes, {});
}

}  // namespace vax
