#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/DeviceHealth.h"
#include "core/Result.h"
#include "devices/Thermometer.h"

namespace vax {

/// Settings for SimulatedThermometer.
struct SimulatedOptions {
    /// Samples per second (0.001..100000): each read() waits for the next sample time on the
    /// steady clock, so the pace is that of a real sensor.
    double rateHz = 10;
    /// After the last step start again from the first; false: repeat the last step forever.
    bool loop = true;
    /// Shown in sensorId() as "simulated:<id>".
    std::string id = "simulated";
};

/// A thermometer that plays a script, for the demo and for tests of the code above the
/// drivers. Each step answers one read():
///   "36.5"       object 36.5 C, ambient 25.0 C
///   "36.5/22.0"  object / ambient, Celsius
///   "silent"     the read waits its full timeout, then a Silent fault
///   "garbage"    a Garbage fault, as from a bad line
///   "flag"       a SensorFlag fault
///   "missing"    a Missing fault, as from an unplugged sensor
/// Temperatures must lie in -50..150 C, as the real drivers accept. Not thread-safe.
class SimulatedThermometer final : public Thermometer {
public:
    /// A thermometer playing `steps`; an error "step N: what" for a step that does not parse,
    /// or for no steps or a rate out of range.
    static Result<std::unique_ptr<SimulatedThermometer>> fromSteps(std::vector<std::string> steps,
                                                                   SimulatedOptions options = {});
    /// A thermometer playing the script in `path`: one step a line, '#' starts a comment, blank
    /// lines are ignored. Errors read "file:line: what".
    static Result<std::unique_ptr<SimulatedThermometer>> fromFile(const std::filesystem::path& path,
                                                                  SimulatedOptions options = {});

    /// Waits for the next sample time (at most `timeout`), then plays the current step.
    Result<ThermometerSample, SensorFault> read(std::chrono::milliseconds timeout) override;
    /// "simulated:<id>".
    std::string sensorId() const override;
    /// 0.98, the nominal emissivity of skin that real sensors are set to.
    std::optional<double> emissivity() override;
    /// Ok after a reading, Degraded after Garbage or a flag, Missing after Silent or Missing.
    DeviceHealth health() const override;

private:
    struct Step {
        enum class Kind { Reading, Silent, Garbage, SensorFlag, Missing };
        Kind kind = Kind::Reading;
        ThermometerSample sample;
    };
    using Clock = std::chrono::steady_clock;

    SimulatedThermometer(std::vector<Step> steps, SimulatedOptions options);
    static Result<Step> parseStep(std::string_view text);
    static Result<std::unique_ptr<SimulatedThermometer>> make(std::vector<Step> steps,
                                                              SimulatedOptions options);
    void advance();
    Result<ThermometerSample, SensorFault> fail(SensorFault fault);

    const std::vector<Step> m_steps;
    const SimulatedOptions m_options;
    const Clock::duration m_period;
    std::size_t m_index = 0;
    Clock::time_point m_nextSample{};  // the epoch: the first sample is there at once
    DeviceHealth m_health;
};

}  // namespace vax
