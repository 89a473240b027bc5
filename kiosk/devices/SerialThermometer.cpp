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
#include <charconv>
#include <climits>
#include <cmath>
#include <utility>

#include "devices/FdIo.h"
#include "sys/RawSerial.h"

namespace vax {

namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// What a body thermometer can plausibly report; anything else is line noise that happened
// to match the format.
constexpr double kMinCelsius = -50;
constexpr double kMaxCelsius = 150;
// How much of a bad line a fault message quotes.
constexpr std::size_t kQuoteLength = 40;
// std::regex matches recursively, so the line length must stay bounded.
constexpr std::size_t kLongestLineLimit = 65536;

// Errors after which the port is gone rather than broken: unplugged, or the node removed.
bool isLossError(int error) {
    return error == EIO || error == ENODEV || error == ENXIO || error == ENOENT ||
           error == ENOTDIR || error == EPIPE;
}

SensorFault faultFromErrno(int error, const std::string& what) {
    return SensorFault{isLossError(error) ? SensorFault::Kind::Missing : SensorFault::Kind::Io,
                       what + ": " + fdio::errorText(error)};
}

// The start of a bad line for a message: control bytes and non-ASCII (line noise at a wrong
// baud rate) would garble logs, so they show as '?'.
std::string quote(std::string_view line) {
    std::string text(line.substr(0, kQuoteLength));
    for (char& c : text) {
        if (c < 0x20 || c > 0x7e) {
            c = '?';
        }
    }
    return text;
}

std::string millisText(milliseconds ms) {
    return std::to_string(ms.count()) + " ms";
}

int pollMillis(Clock::time_point deadline) {
    const auto left = std::chrono::ceil<milliseconds>(deadline - Clock::now()).count();
    return int(std::clamp<milliseconds::rep>(left, 0, INT_MAX));
}

Result<std::regex> compileFormat(const std::string& pattern, const char* option) {
    std::regex regex;
    try {
        regex.assign(pattern, std::regex::ECMAScript);
    } catch (const std::regex_error& e) {
        return Error{std::string("serial thermometer: ") + option + " \"" + pattern +
                     "\" is not a valid regular expression (" + e.what() + ")"};
    }
    if (regex.mark_count() != 1) {
        return Error{std::string("serial thermometer: ") + option + " \"" + pattern + "\" has " +
                     std::to_string(regex.mark_count()) +
                     " capture groups; it needs exactly one, around the temperature "
                     "(use (?:...) for other groups)"};
    }
    return regex;
}

}  // namespace

// The outcome of the lines seen during one read().
struct SerialThermometer::LineScan {
    std::optional<ThermometerSample> newest;  // the last line that gave a reading
    std::optional<std::string> garbage;       // why the last bad line was bad
};

Result<std::unique_ptr<SerialThermometer>> SerialThermometer::create(
    SerialThermometerOptions options) {
    if (options.path.empty()) {
        return Error{"serial thermometer: path is empty; set it to the thermometer's tty"};
    }
    if (!termiosSpeed(options.baud)) {
        return Error{"serial thermometer: baud " + std::to_string(options.baud) +
                     " is not a rate the serial port supports (e.g. 9600, 19200, 115200)"};
    }
    if (options.maxLineLength == 0 || options.maxLineLength > kLongestLineLimit) {
        return Error{"serial thermometer: maxLineLength must be 1.." +
                     std::to_string(kLongestLineLimit)};
    }
    if (options.reopenInitial.count() <= 0 || options.reopenMax < options.reopenInitial) {
        return Error{
            "serial thermometer: reopenInitial must be positive and reopenMax at least as long"};
    }
    Result<std::regex> line = compileFormat(options.lineFormat, "lineFormat");
    if (!line) {
        return std::move(line).error();
    }
    std::optional<std::regex> ambient;
    if (!options.ambientFormat.empty()) {
        Result<std::regex> compiled = compileFormat(options.ambientFormat, "ambientFormat");
        if (!compiled) {
            return std::move(compiled).error();
        }
        ambient = std::move(*compiled);
    }
    return std::unique_ptr<SerialThermometer>(
        new SerialThermometer(std::move(options), std::move(*line), std::move(ambient)));
}

SerialThermometer::SerialThermometer(SerialThermometerOptions options, std::regex line,
                                     std::optional<std::regex> ambient)
    : m_options(std::move(options)),
      m_lineFormat(std::move(line)),
      m_ambientFormat(std::move(ambient)),
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
        LineScan stale;
        if (std::optional<SensorFault> fault = drain(stale, false)) {
            return lose(std::move(*fault));
        }
        m_partial.clear();
        m_discarding = false;
        if (std::optional<SensorFault> fault = writePollCommand(deadline)) {
            return fault->kind == SensorFault::Kind::Silent ? fail(std::move(*fault))
                                                            : lose(std::move(*fault));
        }
    }

    LineScan scan;
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
    m_partial.clear();
    m_discarding = false;
    return std::nullopt;
}

void SerialThermometer::closePort() {
    if (m_fd) {
        // The exclusive flag belongs to the tty, not to our descriptor: left set, it would
        // refuse our own reopen of a port that is still there.
        ::ioctl(m_fd.get(), TIOCNXCL);
    }
    m_fd.reset();
    m_partial.clear();
    m_discarding = false;
}

SerialThermometer::PathCheck SerialThermometer::checkPath() const {
    struct stat info {};
    if (::stat(m_options.path.c_str(), &info) != 0) {
        // Only a missing node means unplugged; any other stat failure proves nothing.
        return errno == ENOENT || errno == ENOTDIR ? PathCheck::Gone : PathCheck::Same;
    }
    return info.st_rdev == m_device ? PathCheck::Same : PathCheck::Changed;
}

std::optional<SensorFault> SerialThermometer::drain(LineScan& scan, bool hungUp) {
    std::array<char, 1024> bytes;
    for (;;) {
        const ssize_t got = ::read(m_fd.get(), bytes.data(), bytes.size());
        if (got > 0) {
            takeBytes(std::string_view(bytes.data(), std::size_t(got)), scan);
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

void SerialThermometer::takeBytes(std::string_view bytes, LineScan& scan) {
    for (const char byte : bytes) {
        if (byte == '\n') {
            if (m_discarding) {
                m_discarding = false;  // the overlong line ends here; the next one counts
                continue;
            }
            std::string_view line = m_partial;
            if (!line.empty() && line.back() == '\r') {
                line.remove_suffix(1);
            }
            judgeLine(line, scan);
            m_partial.clear();
            continue;
        }
        if (m_discarding) {
            continue;
        }
        m_partial.push_back(byte);
        // One byte of slack for the '\r' of a CRLF; judgeLine() checks the exact length.
        if (m_partial.size() > m_options.maxLineLength + 1) {
            scan.garbage = "line longer than " + std::to_string(m_options.maxLineLength) +
                           " bytes discarded: " + quote(m_partial);
            m_partial.clear();
            m_discarding = true;
        }
    }
}

void SerialThermometer::judgeLine(std::string_view line, LineScan& scan) const {
    if (line.empty()) {
        return;  // blank lines between readings carry nothing, good or bad
    }
    if (line.size() > m_options.maxLineLength) {
        scan.garbage = "line longer than " + std::to_string(m_options.maxLineLength) +
                       " bytes discarded: " + quote(line);
        return;
    }
    std::match_results<std::string_view::const_iterator> match;
    if (!std::regex_search(line.begin(), line.end(), match, m_lineFormat) || !match[1].matched) {
        scan.garbage = "line did not match " + m_options.lineFormat + ": " + quote(line);
        return;
    }
    Result<double> object = celsiusFrom(std::string_view(match[1].first, match[1].second));
    if (!object) {
        scan.garbage = object.error().message + " in line: " + quote(line);
        return;
    }
    ThermometerSample sample;
    sample.objectC = *object;
    if (m_ambientFormat && std::regex_search(line.begin(), line.end(), match, *m_ambientFormat) &&
        match[1].matched) {
        Result<double> ambient = celsiusFrom(std::string_view(match[1].first, match[1].second));
        if (!ambient) {
            scan.garbage = "ambient " + ambient.error().message + " in line: " + quote(line);
            return;
        }
        sample.ambientC = *ambient;
    }
    scan.newest = sample;
}

Result<double> SerialThermometer::celsiusFrom(std::string_view text) const {
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
        return Error{"value \"" + quote(text) + "\" is not a number"};
    }
    if (m_options.unit == TemperatureUnit::Fahrenheit) {
        value = (value - 32.0) * 5.0 / 9.0;
    }
    if (value < kMinCelsius || value > kMaxCelsius) {
        const char* unit = m_options.unit == TemperatureUnit::Fahrenheit ? " F" : " C";
        return Error{"value " + quote(text) + unit + " is outside -50..150 C"};
    }
    return value;
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
