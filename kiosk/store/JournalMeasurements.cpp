// The temperature part of the journal: every measurement with its raw values, so that a
// disputed reading can be traced back to what the sensor said.
#include "store/JournalMeasurements.h"

namespace vax {

namespace {

std::optional<MeasurementOutcome> outcomeFromString(std::string_view text) {
    for (const auto outcome : {MeasurementOutcome::Normal, MeasurementOutcome::Fever,
                               MeasurementOutcome::MeasureAgain, MeasurementOutcome::SensorError}) {
        if (toString(outcome) == text) {
            return outcome;
        }
    }
    return std::nullopt;
}

std::optional<double> optionalReal(const Statement& row, int column) {
    return row.isNull(column) ? std::nullopt : std::optional<double>(row.real(column));
}

}  // namespace

Result<std::int64_t> JournalMeasurements::recordMeasurement(const MeasurementRecord& r) {
    const TemperatureMeasurement& m = r.measurement;
    auto insert = m_db.prepare(
        "INSERT INTO temperature_measurements (at_ms, day, sensor_id, emissivity, attempt,"
        " recheck, outcome, body_c, raw_object_c, ambient_c, offset_c, ambient_correction_c,"
        " samples_taken, samples_used, spread_c, elapsed_ms, detail)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    if (!insert) {
        return insert.error();
    }
    insert->bind(1, r.atMs)
        .bind(2, r.day)
        .bind(3, r.sensorId)
        .bind(4, r.emissivity)
        .bind(5, r.attempt)
        .bind(6, r.recheck ? 1 : 0)
        .bind(7, toString(m.outcome))
        .bind(8, m.bodyC)
        .bind(9, m.rawObjectC)
        .bind(10, m.ambientC)
        .bind(11, m.offsetC)
        .bind(12, m.ambientCorrectionC)
        .bind(13, m.samplesTaken)
        .bind(14, m.samplesUsed)
        .bind(15, m.spreadC)
        .bind(16, std::int64_t(m.elapsed.count()))
        .bind(17, m.detail);
    if (auto st = insert->run(); !st) {
        return st.error();
    }
    return m_db.lastInsertId();
}

Result<std::vector<StoredMeasurement>> JournalMeasurements::measurementsOf(std::int64_t visitId) {
    std::vector<StoredMeasurement> found;
    std::optional<std::string> corrupt;
    auto st = m_db.query(
        "SELECT t.id, t.at_ms, t.day, t.sensor_id, t.emissivity, t.attempt, t.recheck,"
        " t.outcome, t.body_c, t.raw_object_c, t.ambient_c, t.offset_c, t.ambient_correction_c,"
        " t.samples_taken, t.samples_used, t.spread_c, t.elapsed_ms, t.detail"
        " FROM visit_measurements v JOIN temperature_measurements t ON t.id = v.measurement_id"
        " WHERE v.visit_id = ? ORDER BY t.at_ms, t.id",
        [&](Statement& s) { s.bind(1, visitId); },
        [&](const Statement& row) {
            StoredMeasurement stored;
            stored.id = row.int64(0);
            MeasurementRecord& r = stored.record;
            r.atMs = row.int64(1);
            r.day = row.text(2);
            r.sensorId = row.text(3);
            r.emissivity = optionalReal(row, 4);
            r.attempt = static_cast<int>(row.int64(5));
            r.recheck = row.int64(6) != 0;
            const auto outcome = outcomeFromString(row.text(7));
            if (!outcome) {
                corrupt = std::string(row.text(7));
                return;
            }
            TemperatureMeasurement& m = r.measurement;
            m.outcome = *outcome;
            m.bodyC = optionalReal(row, 8);
            m.rawObjectC = optionalReal(row, 9);
            m.ambientC = optionalReal(row, 10);
            m.offsetC = row.real(11);
            m.ambientCorrectionC = row.real(12);
            m.samplesTaken = static_cast<int>(row.int64(13));
            m.samplesUsed = static_cast<int>(row.int64(14));
            m.spreadC = row.real(15);
            m.elapsed = std::chrono::milliseconds{row.int64(16)};
            m.detail = row.text(17);
            found.push_back(std::move(stored));
        });
    if (!st) {
        return st.error();
    }
    if (corrupt) {
        return Error{"a temperature measurement of visit " + std::to_string(visitId) +
                     " has an unknown outcome \"" + *corrupt + "\""};
    }
    return found;
}

}  // namespace vax
