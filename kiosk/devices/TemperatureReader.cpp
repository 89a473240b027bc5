#include "devices/TemperatureReader.h"

#include <thread>

namespace vax {

namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

milliseconds since(Clock::time_point start) {
    return std::chrono::duration_cast<milliseconds>(Clock::now() - start);
}

bool cancelled(const std::atomic<bool>* cancel) {
    return cancel != nullptr && cancel->load();
}

}  // namespace

std::optional<SensorMeasurement> takeMeasurement(Thermometer& thermometer,
                                                 const MeasurementSettings& settings,
                                                 const TemperaturePolicy& policy, ReadPacing pacing,
                                                 const std::atomic<bool>* cancel) {
    MeasurementSession session(settings, policy);
    const Clock::time_point start = Clock::now();
    for (;;) {
        if (cancelled(cancel)) {
            return std::nullopt;
        }
        const Clock::time_point readAt = Clock::now();
        auto sample = thermometer.read(pacing.readTimeout);
        const milliseconds at = since(start);
        if (sample) {
            session.addSample(at, sample->objectC, sample->ambientC);
        } else if (sample.error().kind != SensorFault::Kind::Silent) {
            session.addFault(
                at, std::string(toString(sample.error().kind)) + ": " + sample.error().message);
        }
        if (auto result = session.result(at)) {
            return SensorMeasurement{*result, thermometer.sensorId(), thermometer.emissivity()};
        }
        const Clock::time_point next = readAt + pacing.minInterval;
        if (Clock::now() < next) {
            std::this_thread::sleep_until(next);
        }
    }
}

std::optional<TemperatureCheck> runTemperatureCheck(
    Thermometer& thermometer, const MeasurementSettings& settings, const TemperaturePolicy& policy,
    const std::function<bool(const SensorMeasurement&, const TemperatureCheck&)>& measured,
    ReadPacing pacing, const std::atomic<bool>* cancel) {
    TemperatureCheck check(settings, policy);
    while (check.next() == TemperatureStep::Measure) {
        auto taken = takeMeasurement(thermometer, settings, policy, pacing, cancel);
        if (!taken) {
            return std::nullopt;
        }
        check.record(taken->measurement);
        if (measured && !measured(*taken, check)) {
            return std::nullopt;
        }
    }
    return check;
}

}  // namespace vax
