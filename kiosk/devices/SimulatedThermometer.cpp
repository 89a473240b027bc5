#include "devices/SimulatedThermometer.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <thread>
#include <utility>

#include "core/Ascii.h"

namespace vax {

namespace {

// The range the real drivers accept: a script cannot produce what no sensor would deliver.
constexpr double kMinCelsius = -50;
constexpr double kMaxCelsius = 150;
constexpr double kDefaultAmbientC = 25.0;
constexpr double kNominalEmissivity = 0.98;
constexpr double kMinRateHz = 0.001;
constexpr double kMaxRateHz = 100000;

Result<double> parseCelsius(std::string_view text) {
    text = ascii::trimmed(text);
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size() ||
        !std::isfinite(value)) {
        return Error{"\"" + std::string(text) + "\" is not a temperature"};
    }
    if (value < kMinCelsius || value > kMaxCelsius) {
        return Error{"temperature " + std::string(text) + " is outside -50..150 C"};
    }
    return value;
}

std::string stepNumber(std::size_t index) {
    return "step " + std::to_string(index + 1);
}

}  // namespace

Result<std::unique_ptr<SimulatedThermometer>> SimulatedThermometer::fromSteps(
    std::vector<std::string> steps, SimulatedOptions options) {
    std::vector<Step> parsed;
    parsed.reserve(steps.size());
    for (std::size_t i = 0; i < steps.size(); ++i) {
        Result<Step> step = parseStep(steps[i]);
        if (!step) {
            return Error{stepNumber(i) + ": " + step.error().message};
        }
        parsed.push_back(*step);
    }
    return make(std::move(parsed), std::move(options));
}

Result<std::unique_ptr<SimulatedThermometer>> SimulatedThermometer::fromFile(
    const std::filesystem::path& path, SimulatedOptions options) {
    std::ifstream in(path);
    if (!in) {
        return Error{path.string() + ": cannot open the thermometer script"};
    }
    std::vector<Step> parsed;
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        std::string_view text = line;
        text = text.substr(0, text.find('#'));
        if (ascii::trimmed(text).empty()) {
            continue;
        }
        Result<Step> step = parseStep(text);
        if (!step) {
            return Error{path.string() + ":" + std::to_string(number) + ": " +
                         step.error().message};
        }
        parsed.push_back(*step);
    }
    if (in.bad()) {
        return Error{path.string() + ": cannot read the thermometer script"};
    }
    if (parsed.empty()) {
        return Error{path.string() + ": the script has no steps"};
    }
    return make(std::move(parsed), std::move(options));
}

Result<std::unique_ptr<SimulatedThermometer>> SimulatedThermometer::make(std::vector<Step> steps,
                                                                         SimulatedOptions options) {
    if (steps.empty()) {
        return Error{"simulated thermometer: no steps"};
    }
    // Written so that NaN, which fails every comparison, is refused too; the bounds keep the
    // period representable on the steady clock.
    if (!(options.rateHz >= kMinRateHz && options.rateHz <= kMaxRateHz)) {
        return Error{"simulated thermometer: rateHz must be 0.001..100000"};
    }
    return std::unique_ptr<SimulatedThermometer>(
        new SimulatedThermometer(std::move(steps), std::move(options)));
}

SimulatedThermometer::SimulatedThermometer(std::vector<Step> steps, SimulatedOptions options)
    : m_steps(std::move(steps)),
      m_options(std::move(options)),
      m_period(std::chrono::duration_cast<Clock::duration>(
          std::chrono::duration<double>(1.0 / m_options.rateHz))) {}

Result<SimulatedThermometer::Step> SimulatedThermometer::parseStep(std::string_view text) {
    text = ascii::trimmed(text);
    Step step;
    if (text == "silent") {
        step.kind = Step::Kind::Silent;
    } else if (text == "garbage") {
        step.kind = Step::Kind::Garbage;
    } else if (text == "flag") {
        step.kind = Step::Kind::SensorFlag;
    } else if (text == "missing") {
        step.kind = Step::Kind::Missing;
    } else if (text.empty() || !(ascii::isDigit(text.front()) || text.front() == '-')) {
        return Error{"unknown step \"" + std::string(text) +
                     "\": expected a temperature (36.5 or 36.5/22.0) or silent, garbage, flag, "
                     "missing"};
    } else {
        const std::size_t slash = text.find('/');
        Result<double> object = parseCelsius(text.substr(0, slash));
        if (!object) {
            return object.error();
        }
        step.sample.objectC = *object;
        step.sample.ambientC = kDefaultAmbientC;
        if (slash != std::string_view::npos) {
            Result<double> ambient = parseCelsius(text.substr(slash + 1));
            if (!ambient) {
                return Error{"ambient " + ambient.error().message};
            }
            step.sample.ambientC = *ambient;
        }
    }
    return step;
}

Result<ThermometerSample, SensorFault> SimulatedThermometer::read(
    std::chrono::milliseconds timeout) {
    timeout = std::max(timeout, std::chrono::milliseconds(0));
    const Clock::time_point start = Clock::now();
    const Step step = m_steps[m_index];
    const std::string where = " (" + stepNumber(m_index) + " of the script)";

    if (step.kind == Step::Kind::Silent) {
        std::this_thread::sleep_until(start + timeout);
        advance();
        return fail(
            SensorFault{SensorFault::Kind::Silent,
                        "no reading within " + std::to_string(timeout.count()) + " ms" + where});
    }
    // A reader that comes late finds a sample waiting; the sensor's clock then runs on from
    // that sample, so a slow reader never gets a burst of back-to-back samples.
    const Clock::time_point sampleAt = std::max(m_nextSample, start);
    if (sampleAt > start + timeout) {
        // The step stays for the next read: no sample was taken.
        std::this_thread::sleep_until(start + timeout);
        return fail(SensorFault{SensorFault::Kind::Silent,
                                "no reading within " + std::to_string(timeout.count()) +
                                    " ms (the sensor delivers " + std::to_string(m_options.rateHz) +
                                    " samples a second)"});
    }
    std::this_thread::sleep_until(sampleAt);
    m_nextSample = sampleAt + m_period;
    advance();

    switch (step.kind) {
        case Step::Kind::Reading:
            m_health = {DeviceState::Ok, "reading (" + sensorId() + ")"};
            return step.sample;
        case Step::Kind::Garbage:
            return fail(SensorFault{SensorFault::Kind::Garbage, "scripted garbage" + where});
        case Step::Kind::SensorFlag:
            return fail(SensorFault{SensorFault::Kind::SensorFlag,
                                    "the sensor flagged the reading as invalid" + where});
        case Step::Kind::Missing:
            return fail(SensorFault{SensorFault::Kind::Missing, "sensor unplugged" + where});
        case Step::Kind::Silent:
            break;  // handled above
    }
    return fail(SensorFault{SensorFault::Kind::Io, "unknown step" + where});
}

std::string SimulatedThermometer::sensorId() const {
    return "simulated:" + m_options.id;
}

std::optional<double> SimulatedThermometer::emissivity() {
    return kNominalEmissivity;
}

DeviceHealth SimulatedThermometer::health() const {
    return m_health;
}

void SimulatedThermometer::advance() {
    if (m_index + 1 < m_steps.size()) {
        ++m_index;
    } else if (m_options.loop) {
        m_index = 0;
    }
}

Result<ThermometerSample, SensorFault> SimulatedThermometer::fail(SensorFault fault) {
    m_health = healthAfter(fault);
    return fault;
}

}  // namespace vax
