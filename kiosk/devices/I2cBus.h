#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/Result.h"
#include "sys/UniqueFd.h"

namespace vax {

/// Why an I2C transfer failed.
struct I2cError {
    enum class Kind {
        Nack,     ///< no device answered at the address (EREMOTEIO, ENXIO)
        Timeout,  ///< the adapter gave up waiting (ETIMEDOUT), e.g. a device holding SCL low
        Missing,  ///< the bus node is absent or went away (ENOENT, ENODEV, EIO after an unplug)
        Io,       ///< anything else: not an I2C adapter, no permission, SMBus-only adapter
    };
    Kind kind = Kind::Io;
    std::string message;  ///< for staff and logs
};

/// "nack", "timeout", "missing" or "io".
const char* toString(I2cError::Kind kind);

/// The I2cError for errno value `error` after `what` failed ("cannot open /dev/i2c-1"), with a
/// hint for the causes staff can fix (permissions, a path that is not an I2C adapter).
I2cError i2cErrorFromErrno(int error, const std::string& what);

/// SMBus packet error code: CRC-8 with polynomial x^8+x^2+x+1 (0x07), initial value 0, no
/// reflection, over every byte of the frame including the address bytes.
std::uint8_t smbusPec(std::span<const std::uint8_t> bytes);

using I2cStatus = Result<Unit, I2cError>;

/// An I2C bus master. Addresses are 7-bit. Not thread-safe: one user.
class I2cBus {
public:
    virtual ~I2cBus() = default;

    /// Writes `write` to the device at `address`, then, after a repeated start (no stop in
    /// between), reads `readLength` bytes from it. Returns the bytes read.
    virtual Result<std::vector<std::uint8_t>, I2cError> writeRead(
        std::uint8_t address, std::span<const std::uint8_t> write, std::size_t readLength) = 0;
    /// Writes `bytes` to the device at `address` in one transfer ended by a stop.
    virtual I2cStatus write(std::uint8_t address, std::span<const std::uint8_t> bytes) = 0;
};

/// A Linux I2C adapter through its i2c-dev node (/dev/i2c-N), using the I2C_RDWR ioctl. The
/// node is opened on first use; after the bus went missing (USB-I2C adapter unplugged) the
/// descriptor is closed, and the next call opens the node again.
class LinuxI2cBus final : public I2cBus {
public:
    /// Does not open `path` yet.
    explicit LinuxI2cBus(std::string path);

    Result<std::vector<std::uint8_t>, I2cError> writeRead(std::uint8_t address,
                                                          std::span<const std::uint8_t> write,
                                                          std::size_t readLength) override;
    I2cStatus write(std::uint8_t address, std::span<const std::uint8_t> bytes) override;

    /// The device node, e.g. "/dev/i2c-1".
    const std::string& path() const { return m_path; }
    /// True while the node is open.
    bool isOpen() const { return bool(m_fd); }

private:
    I2cStatus ensureOpen();
    // One I2C_RDWR transaction of a write and/or a read message; a read fills `readBuffer`.
    I2cStatus transfer(std::uint8_t address, std::span<const std::uint8_t> write,
                       std::span<std::uint8_t> readBuffer);

    std::string m_path;
    UniqueFd m_fd;
};

}  // namespace vax
