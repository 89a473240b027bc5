#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/DeviceHealth.h"
#include "core/Result.h"
#include "devices/ReopenBackoff.h"
#include "devices/Thermometer.h"
#include "devices/ThermometerLineParser.h"
#include "sys/UniqueFd.h"

namespace vax {

/// Settings for SerialThermometer.
struct SerialThermometerOptions {
    /// The thermometer's tty, e.g. /dev/ttyUSB0, or better a stable /dev/serial/by-id/... name.
    std::string path;
    /// Line speed; 8 data bits, no parity, 1 stop bit, no flow control.
    unsigned baud = 9600;
    /// ECMAScript regex searched in each line; its one capture group is the object temperature.
    std::string lineFormat = "T=([0-9.]+)";
    /// Optional regex with one capture group for the ambient temperature in the same line;
    /// empty: the sensor sends none. A line without it still gives the object temperature.
    std::string ambientFormat;
    /// Unit of both values; Fahrenheit is converted to Celsius.
    TemperatureUnit unit = TemperatureUnit::Celsius;
    /// Bytes written before each read, for thermometers that answer on request; empty: the
    /// thermometer streams lines by itself.
    std::string pollCommand;
    /// Longer lines (without the line end) are discarded as garbage.
    std::size_t maxLineLength = 256;
    /// Wait before the first reopen after the port is lost; doubles up to reopenMax.
    std::chrono::milliseconds reopenInitial{250};
    std::chrono::milliseconds reopenMax{5000};
};

/// An IR thermometer that sends text lines over a serial port (USB CDC-ACM or a USB-serial
/// adapter), e.g. "T=36.5\r\n". The port is opened on the first read(); when it hangs up or
/// its path goes away it is closed and reopened with backoff. Not thread-safe: one reader.
class SerialThermometer final : public Thermometer {
public:
    /// Checks the options without opening anything: the path is set, the baud rate is one
    /// termios supports, each regex compiles and has exactly one capture group, the lengths
    /// and backoff times are positive. The error names the option at fault.
    static Result<std::unique_ptr<SerialThermometer>> create(SerialThermometerOptions options);

    /// Closes the port.
    ~SerialThermometer() override;
    SerialThermometer(const SerialThermometer&) = delete;
    SerialThermometer& operator=(const SerialThermometer&) = delete;

    /// Returns the newest matching line already received, else waits up to `timeout` for the
    /// next one. Lines that do not match give Garbage, no line at all Silent; a lost port gives
    /// Missing, and Missing at once while the reopen backoff runs.
    Result<ThermometerSample, SensorFault> read(std::chrono::milliseconds timeout) override;
    /// "serial:<path>".
    std::string sensorId() const override;
    /// Always nullopt: a line protocol does not tell the emissivity.
    std::optional<double> emissivity() override;
    /// Ok after a reading, Degraded after Garbage (the port works, the data does not),
    /// Missing after Silent or a lost port, with the reason as message.
    DeviceHealth health() const override;
    /// The options the driver was created with.
    const SerialThermometerOptions& options() const { return m_options; }

private:
    enum class PathCheck { Same, Gone, Changed };

    SerialThermometer(SerialThermometerOptions options, ThermometerLineParser lines);

    std::optional<SensorFault> openPort();
    void closePort();
    PathCheck checkPath() const;
    std::optional<SensorFault> drain(ThermometerLineScan& scan, bool hungUp);
    std::optional<SensorFault> writePollCommand(std::chrono::steady_clock::time_point deadline);

    Result<ThermometerSample, SensorFault> lose(SensorFault fault);
    Result<ThermometerSample, SensorFault> fail(SensorFault fault);
    Result<ThermometerSample, SensorFault> succeed(ThermometerSample sample);

    const SerialThermometerOptions m_options;
    ThermometerLineParser m_lines;  // the bytes read so far, split and judged

    UniqueFd m_fd;
    dev_t m_device = 0;  // the open port's device number, to notice a replug under the path
    ReopenBackoff m_backoff;
    std::optional<SensorFault> m_lost;  // why the port is closed, repeated while backing off
    DeviceHealth m_health;
};

}  // namespace vax
