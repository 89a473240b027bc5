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

/// Where the kiosk learned of a person's earlier doses; journaled with the check-in, since
/// the dose number given at the station rests on it.
enum class PriorDoseSource {
    Declared,             ///< the resident said so
    StaffConfirmed,       ///< staff saw a paper record or the vaccination booklet
    VerifiedCertificate,  ///< a signed certificate whose signature was verified
    Registry,             ///< the region's immunization registry answered
};

/// Stable key of a source, e.g. "staff_confirmed".
std::string_view toString(PriorDoseSource source);
std::optional<PriorDoseSource> priorDoseSourceFromString(std::string_view text);

/// The doses the person already had, as far as known.
struct PriorDoses {
    CivilDate lastDoseDate;
    std::string productCode;
    int dosesReceived = 1;  ///< of this product, including the last one
    PriorDoseSource source = PriorDoseSource::Declared;
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
    /// A dose was already recorded for this person today: a second one is for staff to judge.
    bool vaccinatedToday = false;
    /// The site server cannot be reached and this kiosk has no number of its own left to
    /// give: the person waits for staff rather than get a number another kiosk may give too.
    bool noQueueNumber = false;
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
    AlreadyVaccinatedToday,
    NoQueueNumberOffline,
};

/// The last reason code: loops over every code and the report's bit mask end here, so a new
/// code goes before it or moves it.
inline constexpr ReasonCode kLastReasonCode = ReasonCode::NoQueueNumberOffline;

/// Stable snake_case key of a reason code, e.g. "fever".
std::string_view toString(ReasonCode code);
/// The reason code of a stored key; nullopt for a key this build does not know.
std::optional<ReasonCode> reasonCodeFromString(std::string_view key);

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

/// The reasons the interval since `prior` gives on `today` (too short, too long, series
/// complete, booster too early, ...); empty when the next dose is due. The entry decision
/// and the station's binding share it.
std::vector<Reason> intervalReasons(const PriorDoses& prior, CivilDate today, const Policy& policy);

/// Decides proceed / staff review / defer. Pure and total: every input gives a decision.
Decision decideCheckIn(const CheckInFacts& facts, const Policy& policy);

}  // namespace vax
