#include "ops/JournaledTemperature.h"

#include <optional>

namespace vax {

Result<JournaledCheck> runJournaledTemperatureCheck(
    Thermometer& thermometer, const KioskConfig& config, Journal& journal, std::int64_t atMs,
    const std::string& day, const std::function<bool(const SensorMeasurement&)>& shown,
    const std::atomic<bool>* cancel) {
    JournaledCheck out;
    std::optional<Error> journalError;
    const auto check = runTemperatureCheck(
        thermometer, config.measurement, config.policy.temperature,
        [&](const SensorMeasurement& taken, const TemperatureCheck& progress) {
            const MeasurementRecord record{atMs,
                                           day,
                                           taken.sensorId,
                                           taken.emissivity,
                                           int(progress.measurements().size()),
                                           progress.lastWasRecheck(),
                                           taken.measurement};
            auto id = journal.measurements().recordMeasurement(record);
            if (!id) {
                journalError = id.error();
                return false;
            }
            out.measurementIds.push_back(*id);
            return shown(taken);
        },
        {}, cancel);
    if (journalError) {
        return Error{"temperature measurement not recorded: " + journalError->message};
    }
    if (!check) {
        return Error{"the temperature measurement was cancelled"};
    }
    out.input = check->input();
    return out;
}

}  // namespace vax
