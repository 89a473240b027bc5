#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/CivilDate.h"
#include "core/Policy.h"
#include "core/Questionnaire.h"

namespace vax {

/// Status of the resident's health code, as far as the kiosk could learn it.
enum class HealthCodeStatus {
    NotChecked,   ///< no code shown or not checked
    Unavailable,  ///< service offline, timed out or answered nonsense
    Green,
    Yellow,
    Red,
};

std::string_view toString(HealthCodeStatus status);
std::optional<HealthCodeStatus> healthCodeStatusFromString(std::string_view text);

/// A body temperature result handed to the decision: a reading, the sensor failed, or no
/// stable reading came after the person was measured twice.
struct TemperatureInput {
    std::optional<double> celsius;  ///< empty: sensor error, or unstable
    bool unstable = false;          ///< no stable reading after two measurements

    static TemperatureInput reading(double c) { return {c, false}; }
    static TemperatureInput sensorError() { return {std::nullopt, false}; }
    static TemperatureInput noStableReading() { return {std::nullopt, true}; }
};

/// The doses the person already had, as far as known.
struct PriorDoses {
    CivilDate lastDoseDate;
    std::string productCode;
    int dosesReceived = 1;  ///< of this product, including the last one
};

/// Everything the entry decision depends on. No clock: `today` is an input.
struct CheckInFacts {
    HealthCodeStatus healthCode = HealthCodeStatus::NotChecked;
    TemperatureInput temperature;
    Answers answers{};
    CivilDate birthDate;
    std::optional<PriorDoses> priorDoses;
    CivilDate today;
    /// The health code names someone else than the ID shown (the service's masked ID does
    /// not fit the resident's number): a borrowed code is never a pass.
    bool healthCodeHolderMismatch = false;
};

enum class Outcome {
    Proceed,      ///< queue the person
    StaffReview,  ///< staff or a doctor must decide
    Defer,        ///< not today
};

std::string_view toString(Outcome outcome);

/// Why a decision is not a plain "proceed". Codes are stable: the journal and report use them.
enum class ReasonCode {
    HealthCodeNotChecked,
    HealthCodeUnavailable,
    HealthCodeYellow,
    HealthCodeRed,
    TemperatureSensorError,
    TemperatureImplausible,
    Fever,
    ContraindicationDefer,
    ContraindicationDoctorReview,
    ContraindicationUnsure,
    UnderMinimumAge,
    OverMaximumAge,
    DoctorReviewForAge,
    NoCampaignStepForAge,
    CampaignStepNotOpen,
    UnknownProduct,
    LastDoseInFuture,
    IntervalTooShort,
    IntervalTooLong,
    SeriesCompleteNoBooster,
    BoosterTooEarly,
    HealthCodeHolderMismatch,
};

/// Stable snake_case key of a reason code, e.g. "fever".
std::string_view toString(ReasonCode code);

struct Reason {
    ReasonCode code;
    Outcome outcome;     ///< what this reason alone leads to
    std::string detail;  ///< e.g. the question id, or the interval in days
    std::string en;      ///< for staff and the resident
    std::string zh;
};

/// The entry decision: the most severe outcome among all reasons, with every reason listed.
struct Decision {
    Outcome outcome = Outcome::Proceed;
    std::vector<Reason> reasons;
    int age = 0;
    std::optional<std::string> campaignStepId;
    bool fever = false;

    bool has(ReasonCode code) const;
};

/// Decides proceed / staff review / defer. Pure and total: every input gives a decision.
Decision decideCheckIn(const CheckInFacts& facts, const Policy& policy);

}  // namespace vax
