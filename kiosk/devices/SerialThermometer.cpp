#include "devices/SerialThermometer.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <climits>
#include <utility>

#include "devices/FdIo.h"
#include "sys/RawSerial.h"

namespace vax {

namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// Errors after which the port is gone rather than broken: unplugged, or the node removed.
bool isLossError(int error) {
    return error == EIO || error == ENODEV || error == ENXIO || error == ENOENT ||
           error == ENOTDIR || error == EPIPE;
}

SensorFault faultFromErrno(int error, const std::string& what) {
    return SensorFault{isLossError(error) ? SensorFault::Kind::Missing : SensorFault::Kind::Io,
                       what + ": " + fdio::errorText(error)};
}

std::string millisText(milliseconds ms) {
    return std::to_string(ms.count()) + " ms";
}

int pollMillis(Clock::time_point deadline) {
    const auto left = std::chrono::ceil<milliseconds>(deadline - Clock::now()).count();
    return int(std::clamp<milliseconds::rep>(left, 0, INT_MAX));
}

}  // namespace

Result<std::unique_ptr<SerialThermometer>> SerialThermometer::create(
    SerialThermometerOptions options) {
    if (options.path.empty()) {
        return Error{"serial thermometer: path is empty; set it to the thermometer's tty"};
    }
    if (!termiosSpeed(options.baud)) {
        return Error{"serial thermometer: baud " + std::to_string(options.baud) +
                     " is not a rate the serial port supports (e.g. 9600, 19200, 115200)"};
    }
    if (options.reopenInitial.count() <= 0 || options.reopenMax < options.reopenInitial) {
        return Error{
            "serial thermometer: reopenInitial must be positive and reopenMax at least as long"};
    }
    Result<ThermometerLineParser> lines = ThermometerLineParser::create(
        options.lineFormat, options.ambientFormat, options.unit, options.maxLineLength);
    if (!lines) {
        return std::move(lines).error();
    }
    return std::unique_ptr<SerialThermometer>(
        new SerialThermometer(std::move(options), std::move(*lines)));
}

SerialThermometer::SerialThermometer(SerialThermometerOptions options, ThermometerLineParser lines)
    : m_options(std::move(options)),
      m_lines(std::move(lines)),
      m_backoff(m_options.reopenInitial, m_options.reopenMax) {}

SerialThermometer::~SerialThermometer() {
    closePort();
}

std::string SerialThermometer::sensorId() const {
    return "serial:" + m_options.path;
}

std::optional<double> SerialThermometer::emissivity() {
    return std::nullopt;
}

DeviceHealth SerialThermometer::health() const {
    return m_health;
}

Result<ThermometerSample, SensorFault> SerialThermometer::read(milliseconds timeout) {
    const Clock::time_point start = Clock::now();
    timeout = std::max(timeout, milliseconds(0));
    const Clock::time_point deadline = start + timeout;

    if (m_fd) {
        switch (checkPath()) {
            case PathCheck::Gone:
                return lose(SensorFault{SensorFault::Kind::Missing,
                                        m_options.path + " vanished (thermometer unplugged)"});
            case PathCheck::Changed:
                // A replug that came back under the same name before we noticed the loss:
                // follow the name at once, this is not a failure.
                closePort();
                break;
            case PathCheck::Same:
                break;
        }
    }
    if (!m_fd) {
        if (!m_backoff.ready(start)) {
            SensorFault fault = m_lost.value_or(
                SensorFault{SensorFault::Kind::Missing, m_options.path + " is not open"});
            const auto wait = std::chrono::ceil<milliseconds>(m_backoff.nextAttempt() - start);
            fault.message += "; retrying in " + millisText(wait);
            return fail(std::move(fault));
        }
        if (std::optional<SensorFault> fault = openPort()) {
            return lose(std::move(*fault));
        }
    }

    if (!m_options.pollCommand.empty()) {
        // An answer to an earlier request that came too late would pass for this one.
        ThermometerLineScan stale;
        if (std::optional<SensorFault> fault = drain(stale, false)) {
            return lose(std::move(*fault));
        }
        m_lines.reset();
        if (std::optional<SensorFault> fault = writePollCommand(deadline)) {
            return fault->kind == SensorFault::Kind::Silent ? fail(std::move(*fault))
                                                            : lose(std::move(*fault));
        }
    }

    ThermometerLineScan scan;
    bool hungUp = false;
    for (;;) {
        // Everything already buffered first: a streaming sensor's older lines are stale, so
        // only the newest reading among them counts.
        if (std::optional<SensorFault> fault = drain(scan, hungUp)) {
            return lose(std::move(*fault));
        }
        if (scan.newest) {
            return succeed(*scan.newest);
        }
        if (Clock::now() >= deadline) {
            break;
        }
        pollfd p{m_fd.get(), POLLIN, 0};
        const int ready = ::poll(&p, 1, pollMillis(deadline));
        if (ready < 0 && errno != EINTR) {
            return lose(faultFromErrno(errno, "cannot wait for " + m_options.path));
        }
        hungUp = ready > 0 && (p.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0;
    }

    if (scan.garbage) {
        return fail(SensorFault{SensorFault::Kind::Garbage, std::move(*scan.garbage)});
    }
    // A device whose node went away may just go quiet instead of hanging up.
    if (checkPath() == PathCheck::Gone) {
        return lose(SensorFault{SensorFault::Kind::Missing,
                                m_options.path + " vanished (thermometer unplugged)"});
    }
    return fail(SensorFault{SensorFault::Kind::Silent, "no reading from " + m_options.path +
                                                           " within " + millisText(timeout)});
}

std::optional<SensorFault> SerialThermometer::openPort() {
    const std::string& path = m_options.path;
    // O_NOCTTY: a thermometer must never become the kiosk's controlling terminal.
    UniqueFd fd(::open(path.c_str(), O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC));
    if (!fd) {
        const int error = errno;
        SensorFault fault = faultFromErrno(error, "cannot open thermometer " + path);
        if (error == EACCES || error == EPERM) {
            fault.message += " (the kiosk user needs the 'dialout' group)";
        } else if (error == EBUSY) {
            fault.message += " (another program has it open exclusively)";
        }
        return fault;
    }
    struct stat info {};
    if (!::isatty(fd.get()) || ::fstat(fd.get(), &info) != 0) {
        return SensorFault{SensorFault::Kind::Io, path + " is not a serial port"};
    }
    // Keeps other openers out while we read, e.g. ModemManager probing ttyUSB ports with AT
    // commands that would land in our lines. Best effort: reading works without it.
    ::ioctl(fd.get(), TIOCEXCL);

    if (!configureRaw8N1(fd.get(), *termiosSpeed(m_options.baud))) {  // baud checked in create()
        return faultFromErrno(errno, "cannot configure " + path);
    }

    m_fd = std::move(fd);
    m_device = info.st_rdev;
    m_lines.reset();
    return std::nullopt;
}

void SerialThermometer::closePort() {
    if (m_fd) {
        // The exclusive flag belongs to the tty, not to our descriptor: left set, it would
        // refuse our own reopen of a port that is still there.
        ::ioctl(m_fd.get(), TIOCNXCL);
    }
    m_fd.reset();
    m_lines.reset();
}

SerialThermometer::PathCheck SerialThermometer::checkPath() const {
    struct stat info {};
    if (::stat(m_options.path.c_str(), &info) != 0) {
        // Only a missing node means unplugged; any other stat failure proves nothing.
        return errno == ENOENT || errno == ENOTDIR ? PathCheck::Gone : PathCheck::Same;
    }
    return info.st_rdev == m_device ? PathCheck::Same : PathCheck::Changed;
}

std::optional<SensorFault> SerialThermometer::drain(ThermometerLineScan& scan, bool hungUp) {
    std::array<char, 1024> bytes;
    for (;;) {
        const ssize_t got = ::read(m_fd.get(), bytes.data(), bytes.size());
        if (got > 0) {
            m_lines.take(std::string_view(bytes.data(), std::size_t(got)), scan);
            continue;
        }
        if (got == 0) {
            // A tty reads 0 only once hung up: the USB device or the pty master went away.
            return SensorFault{SensorFault::Kind::Missing,
                               m_options.path + " hung up (thermometer unplugged)"};
        }
        if (errno == EINTR) {
            continue;
        }
        if (errno == EAGAIN || errno == EWOULDBLOCK) {
            if (hungUp) {
                return SensorFault{SensorFault::Kind::Missing,
                                   m_options.path + " hung up (thermometer unplugged)"};
            }
            return std::nullopt;
        }
        return faultFromErrno(errno, "cannot read " + m_options.path);
    }
}

std::optional<SensorFault> SerialThermometer::writePollCommand(Clock::time_point deadline) {
    std::string_view rest = m_options.pollCommand;
    while (!rest.empty()) {
        const ssize_t put = ::write(m_fd.get(), rest.data(), rest.size());
        if (put > 0) {
            rest.remove_prefix(std::size_t(put));
            continue;
        }
        if (put < 0 && errno == EINTR) {
            continue;
        }
        if (put < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            pollfd p{m_fd.get(), POLLOUT, 0};
            const int ready = ::poll(&p, 1, pollMillis(deadline));
            if (ready == 0) {
                return SensorFault{SensorFault::Kind::Silent,
                                   m_options.path + " took no poll command within the timeout"};
            }
            if (ready < 0 && errno != EINTR) {
                return faultFromErrno(errno, "cannot wait to write " + m_options.path);
            }
            continue;
        }
        return faultFromErrno(put < 0 ? errno : EIO,
                              "cannot send the poll command to " + m_options.path);
    }
    return std::nullopt;
}

Result<ThermometerSample, SensorFault> SerialThermometer::lose(SensorFault fault) {
    closePort();
    m_backoff.failed();
    m_lost = fault;
    return fail(std::move(fault));
}

Result<ThermometerSample, SensorFault> SerialThermometer::fail(SensorFault fault) {
    m_health = healthAfter(fault);
    return fault;
}

Result<ThermometerSample, SensorFault> SerialThermometer::succeed(ThermometerSample sample) {
    m_backoff.succeeded();
    m_lost.reset();
    m_health = {DeviceState::Ok, "reading from " + m_options.path};
    return sample;
}

}  // namespace vax
