#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/Decision.h"
#include "core/Policy.h"

namespace vax {

/// How raw IR readings become one body temperature. Loaded from `[temperature]` in the
/// kiosk's TOML file; the defaults follow the site's protocol.
struct MeasurementSettings {
    /// Forehead-to-body offset added to the skin reading (forehead skin reads lower).
    double bodyOffsetC = 0.0;
    /// Ambient compensation: body += ambientCoefficient * (ambientReferenceC - ambient).
    /// A cold entrance cools the forehead; 0 turns compensation off.
    double ambientCoefficient = 0.0;
    double ambientReferenceC = 25.0;
    /// Samples count as stable when their spread (max - min) is at most this.
    double stableSpreadC = 0.2;
    /// A run of this many stable samples ends the measurement early.
    int stableSamples = 5;
    /// Longest a measurement takes samples.
    std::chrono::milliseconds window{1500};
    /// No good sample for this long: the sensor has failed.
    std::chrono::milliseconds silenceLimit{2000};
    /// A normal reading this close below the fever threshold is measured once more.
    double recheckBandC = 0.3;
};

/// What one measurement concluded.
enum class MeasurementOutcome {
    Normal,
    Fever,         ///< at or above the fever threshold
    MeasureAgain,  ///< out of the plausible range, or never stable
    SensorError,   ///< silent too long, bad frames, or the sensor flagged its reading
};

/// "normal", "fever", "measure-again" or "sensor-error".
std::string_view toString(MeasurementOutcome outcome);

/// One measurement with everything needed to trace a disputed reading.
struct TemperatureMeasurement {
    MeasurementOutcome outcome = MeasurementOutcome::SensorError;
    std::optional<double> bodyC;       ///< after corrections; none for a sensor error
    std::optional<double> rawObjectC;  ///< median of the stable object readings
    std::optional<double> ambientC;    ///< median ambient over the same samples
    double offsetC = 0;                ///< forehead-to-body offset applied
    double ambientCorrectionC = 0;     ///< ambient compensation applied
    int samplesTaken = 0;              ///< good samples received
    int samplesUsed = 0;               ///< the stable run the median came from
    double spreadC = 0;                ///< spread of that run
    std::chrono::milliseconds elapsed{0};
    std::string detail;  ///< why, for staff and the journal (English)
};

/// Collects the samples of one measurement and decides when it is done. Pure: the caller
/// feeds samples and faults with their time since the measurement began (presence seen).
class MeasurementSession {
public:
    MeasurementSession(MeasurementSettings settings, TemperaturePolicy policy);

    /// A good raw sample at `at`.
    void addSample(std::chrono::milliseconds at, double objectC, std::optional<double> ambientC);
    /// A read that failed in a way no retry within this measurement can mend (bad frame,
    /// sensor flag, device gone): ends the measurement as a sensor error.
    void addFault(std::chrono::milliseconds at, std::string message);

    /// The result once the measurement is over at `now`, else nullopt. A read that gave
    /// nothing in time needs no call: only silence past the limit counts, judged here.
    std::optional<TemperatureMeasurement> result(std::chrono::milliseconds now) const;

private:
    struct Sample {
        std::chrono::milliseconds at;
        double objectC;
        std::optional<double> ambientC;
    };

    std::optional<TemperatureMeasurement> finish(std::chrono::milliseconds now,
                                                 bool windowOver) const;
    TemperatureMeasurement fromRun(std::size_t begin, std::size_t end,
                                   std::chrono::milliseconds now) const;
    std::size_t stableTailLength() const;

    MeasurementSettings m_settings;
    TemperaturePolicy m_policy;
    std::vector<Sample> m_samples;
    std::chrono::milliseconds m_lastGood{0};
    std::optional<std::string> m_fault;
    std::chrono::milliseconds m_faultAt{0};
};

/// What the kiosk does next in the entry's temperature step.
enum class TemperatureStep {
    Measure,  ///< take a (first or second) measurement
    Done,     ///< input() holds the result for the decision
};

/// The entry's temperature procedure over one or two measurements: a reading within the
/// recheck band below the threshold is measured once more by itself; "measure again" asks
/// the person once more; a second "measure again" or any sensor error goes to staff review,
/// never to a pass.
class TemperatureCheck {
public:
    TemperatureCheck(MeasurementSettings settings, TemperaturePolicy policy);

    /// Records a finished measurement and returns what to do next.
    TemperatureStep record(const TemperatureMeasurement& measurement);
    /// The next step (Measure before the first measurement).
    TemperatureStep next() const { return m_next; }
    /// True when the next measurement is the automatic recheck near the threshold.
    bool recheckNearThreshold() const { return m_recheck; }
    /// True when the measurement recorded last was that recheck (for the journal).
    bool lastWasRecheck() const { return m_lastWasRecheck; }
    /// Every measurement taken, in order.
    const std::vector<TemperatureMeasurement>& measurements() const { return m_taken; }
    /// The result handed to the decision; only meaningful once next() is Done.
    TemperatureInput input() const { return m_input; }

private:
    MeasurementSettings m_settings;
    TemperaturePolicy m_policy;
    std::vector<TemperatureMeasurement> m_taken;
    TemperatureStep m_next = TemperatureStep::Measure;
    bool m_recheck = false;
    bool m_recheckDone = false;
    bool m_lastWasRecheck = false;
    TemperatureInput m_input = TemperatureInput::sensorError();
};

}  // namespace vax
