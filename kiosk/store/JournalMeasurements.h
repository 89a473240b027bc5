#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/Result.h"
#include "core/TemperatureMeasurement.h"
#include "store/Sqlite.h"

namespace vax {

/// One temperature measurement to journal, taken before the check-in it may lead to.
struct MeasurementRecord {
    std::int64_t atMs = 0;
    std::string day;  ///< local date, YYYY-MM-DD
    std::string sensorId;
    std::optional<double> emissivity;  ///< as read from the sensor, when it can tell
    int attempt = 1;                   ///< 1 for the first measurement of a person
    bool recheck = false;              ///< the automatic recheck near the threshold
    TemperatureMeasurement measurement;
};

/// A journaled measurement.
struct StoredMeasurement {
    std::int64_t id = 0;
    MeasurementRecord record;
};

/// The journal's temperature measurements, each with its raw values and corrections.
class JournalMeasurements {
public:
    explicit JournalMeasurements(Database& db) : m_db(db) {}

    /// Journals a temperature measurement with its raw values and corrections, before the
    /// screen shows its result. Returns its id for CheckInRecord::measurementIds.
    Result<std::int64_t> recordMeasurement(const MeasurementRecord& record);
    /// The measurements linked to a visit, oldest first.
    Result<std::vector<StoredMeasurement>> measurementsOf(std::int64_t visitId);

private:
    Database& m_db;
};

}  // namespace vax
