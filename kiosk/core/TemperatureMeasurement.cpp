#include "core/TemperatureMeasurement.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace vax {

namespace {

using std::chrono::milliseconds;

// The longest measurement procedure: a retry after "measure again" plus the recheck near
// the threshold. More would keep a resident standing at the sensor.
constexpr std::size_t kMaxMeasurements = 3;

// A run shorter than this gives no median worth trusting, even when the window is over.
constexpr std::size_t kMinRunAtWindowEnd = 3;

long hundredths(double c) {
    return std::lround(c * 100.0);
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

std::string twoDecimals(double c) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", c);
    return buffer;
}

}  // namespace

std::string_view toString(MeasurementOutcome outcome) {
    switch (outcome) {
        case MeasurementOutcome::Normal:
            return "normal";
        case MeasurementOutcome::Fever:
            return "fever";
        case MeasurementOutcome::MeasureAgain:
            return "measure-again";
        case MeasurementOutcome::SensorError:
            return "sensor-error";
    }
    return "sensor-error";
}

MeasurementSession::MeasurementSession(MeasurementSettings settings, TemperaturePolicy policy)
    : m_settings(settings), m_policy(policy) {}

void MeasurementSession::addSample(milliseconds at, double objectC,
                                   std::optional<double> ambientC) {
    if (!std::isfinite(objectC) || (ambientC && !std::isfinite(*ambientC))) {
        addFault(at, "the sensor sent a value that is not a number");
        return;
    }
    m_samples.push_back({at, objectC, ambientC});
    m_lastGood = std::max(m_lastGood, at);
}

void MeasurementSession::addFault(milliseconds at, std::string message) {
    if (!m_fault) {  // the first fault is the one to trace
        m_fault = std::move(message);
        m_faultAt = at;
    }
}

std::optional<TemperatureMeasurement> MeasurementSession::result(milliseconds now) const {
    return finish(now, now >= m_settings.window);
}

std::size_t MeasurementSession::stableTailLength() const {
    std::size_t length = 0;
    double low = 0;
    double high = 0;
    for (auto it = m_samples.rbegin(); it != m_samples.rend(); ++it) {
        const double lowIf = length == 0 ? it->objectC : std::min(low, it->objectC);
        const double highIf = length == 0 ? it->objectC : std::max(high, it->objectC);
        if (hundredths(highIf - lowIf) > hundredths(m_settings.stableSpreadC)) {
            break;
        }
        low = lowIf;
        high = highIf;
        ++length;
    }
    return length;
}

std::optional<TemperatureMeasurement> MeasurementSession::finish(milliseconds now,
                                                                 bool windowOver) const {
    if (m_fault) {
        TemperatureMeasurement m;
        m.outcome = MeasurementOutcome::SensorError;
        m.samplesTaken = static_cast<int>(m_samples.size());
        m.elapsed = m_faultAt;
        m.detail = "sensor error: " + *m_fault;
        return m;
    }
    const std::size_t tail = stableTailLength();
    if (tail >= static_cast<std::size_t>(std::max(1, m_settings.stableSamples))) {
        return fromRun(m_samples.size() - tail, m_samples.size(), m_samples.back().at);
    }
    if (now - m_lastGood > m_settings.silenceLimit) {
        TemperatureMeasurement m;
        m.outcome = MeasurementOutcome::SensorError;
        m.samplesTaken = static_cast<int>(m_samples.size());
        m.elapsed = now;
        m.detail =
            "sensor error: no reading for " + std::to_string((now - m_lastGood).count()) + " ms";
        return m;
    }
    if (!windowOver || m_samples.empty()) {
        return std::nullopt;  // no sample yet: wait until the silence limit decides
    }
    // The window is over: use the longest stable run, if it is long enough.
    std::size_t bestBegin = 0;
    std::size_t bestLength = 0;
    for (std::size_t begin = 0; begin < m_samples.size(); ++begin) {
        double low = m_samples[begin].objectC;
        double high = low;
        std::size_t end = begin + 1;
        for (; end < m_samples.size(); ++end) {
            const double value = m_samples[end].objectC;
            if (hundredths(std::max(high, value) - std::min(low, value)) >
                hundredths(m_settings.stableSpreadC)) {
                break;
            }
            low = std::min(low, value);
            high = std::max(high, value);
        }
        if (end - begin > bestLength) {
            bestBegin = begin;
            bestLength = end - begin;
        }
    }
    if (bestLength >= kMinRunAtWindowEnd) {
        return fromRun(bestBegin, bestBegin + bestLength, now);
    }
    TemperatureMeasurement m;
    m.outcome = MeasurementOutcome::MeasureAgain;
    m.samplesTaken = static_cast<int>(m_samples.size());
    m.elapsed = now;
    m.detail = "never stable: " + std::to_string(m_samples.size()) +
               " readings, no 3 in a row within " + twoDecimals(m_settings.stableSpreadC) + " C";
    return m;
}

TemperatureMeasurement MeasurementSession::fromRun(std::size_t begin, std::size_t end,
                                                   milliseconds now) const {
    std::vector<double> objects;
    std::vector<double> ambients;
    for (std::size_t i = begin; i < end; ++i) {
        objects.push_back(m_samples[i].objectC);
        if (m_samples[i].ambientC) {
            ambients.push_back(*m_samples[i].ambientC);
        }
    }
    TemperatureMeasurement m;
    m.samplesTaken = static_cast<int>(m_samples.size());
    m.samplesUsed = static_cast<int>(objects.size());
    m.spreadC = static_cast<double>(hundredths(*std::max_element(objects.begin(), objects.end()) -
                                               *std::min_element(objects.begin(), objects.end()))) /
                100.0;
    m.rawObjectC = median(objects);
    if (!ambients.empty()) {
        m.ambientC = median(ambients);
        m.ambientCorrectionC =
            m_settings.ambientCoefficient * (m_settings.ambientReferenceC - *m.ambientC);
    }
    m.offsetC = m_settings.bodyOffsetC;
    const double body = *m.rawObjectC + m.offsetC + m.ambientCorrectionC;
    m.bodyC = static_cast<double>(hundredths(body)) / 100.0;
    m.elapsed = now;
    if (hundredths(*m.bodyC) < hundredths(m_policy.validMinC) ||
        hundredths(*m.bodyC) > hundredths(m_policy.validMaxC)) {
        m.outcome = MeasurementOutcome::MeasureAgain;
        m.detail = "out of range: " + twoDecimals(*m.bodyC) + " C outside " +
                   twoDecimals(m_policy.validMinC) + "-" + twoDecimals(m_policy.validMaxC) + " C";
    } else if (hundredths(*m.bodyC) >= hundredths(m_policy.feverThresholdC)) {
        m.outcome = MeasurementOutcome::Fever;
        m.detail = "fever: " + twoDecimals(*m.bodyC) + " C";
    } else {
        m.outcome = MeasurementOutcome::Normal;
        m.detail = "normal: " + twoDecimals(*m.bodyC) + " C";
    }
    m.detail += " (median of " + std::to_string(m.samplesUsed) + ", spread " +
                twoDecimals(m.spreadC) + " C)";
    return m;
}

TemperatureCheck::TemperatureCheck(MeasurementSettings settings, TemperaturePolicy policy)
    : m_settings(settings), m_policy(policy) {}

TemperatureStep TemperatureCheck::record(const TemperatureMeasurement& measurement) {
    if (m_next == TemperatureStep::Done) {
        return m_next;
    }
    m_taken.push_back(measurement);
    m_lastWasRecheck = m_recheck;
    m_recheck = false;
    const bool mayMeasureAgain = m_taken.size() < kMaxMeasurements;
    switch (measurement.outcome) {
        case MeasurementOutcome::SensorError:
            m_input = TemperatureInput::sensorError();
            m_next = TemperatureStep::Done;
            break;
        case MeasurementOutcome::Fever:
            m_input = TemperatureInput::reading(*measurement.bodyC);
            m_next = TemperatureStep::Done;
            break;
        case MeasurementOutcome::Normal: {
            const bool nearThreshold =
                hundredths(*measurement.bodyC) >=
                hundredths(m_policy.feverThresholdC - m_settings.recheckBandC);
            if (nearThreshold && !m_recheckDone && mayMeasureAgain) {
                m_recheck = true;
                m_recheckDone = true;
                m_next = TemperatureStep::Measure;
            } else {
                m_input = TemperatureInput::reading(*measurement.bodyC);
                m_next = TemperatureStep::Done;
            }
            break;
        }
        case MeasurementOutcome::MeasureAgain: {
            const auto tries = std::count_if(m_taken.begin(), m_taken.end(), [](const auto& m) {
                return m.outcome == MeasurementOutcome::MeasureAgain;
            });
            if (tries < 2 && mayMeasureAgain) {
                m_next = TemperatureStep::Measure;
            } else {
                // An out-of-range value goes to the decision as it is (staff review there);
                // a reading that never settled has no value to give.
                m_input = measurement.bodyC ? TemperatureInput::reading(*measurement.bodyC)
                                            : TemperatureInput::noStableReading();
                m_next = TemperatureStep::Done;
            }
            break;
        }
    }
    return m_next;
}

}  // namespace vax
