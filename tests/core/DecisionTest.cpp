#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <limits>
#include <map>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/CivilDate.h"
#include "core/Decision.h"
#include "core/Policy.h"
#include "core/Questionnaire.h"

namespace vax {
// Readable failure messages; static so the other test files may have their own.
[[maybe_unused]] static void PrintTo(ReasonCode code, std::ostream* os) {
    *os << toString(code);
}
[[maybe_unused]] static void PrintTo(Outcome outcome, std::ostream* os) {
    *os << toString(outcome);
}
}  // namespace vax

using namespace vax;

namespace {

constexpr ReasonCode kAllReasonCodes[] = {
    ReasonCode::HealthCodeNotChecked,
    ReasonCode::HealthCodeUnavailable,
    ReasonCode::HealthCodeYellow,
    ReasonCode::HealthCodeRed,
    ReasonCode::TemperatureSensorError,
    ReasonCode::TemperatureImplausible,
    ReasonCode::Fever,
    ReasonCode::ContraindicationDefer,
    ReasonCode::ContraindicationDoctorReview,
    ReasonCode::ContraindicationUnsure,
    ReasonCode::UnderMinimumAge,
    ReasonCode::OverMaximumAge,
    ReasonCode::DoctorReviewForAge,
    ReasonCode::NoCampaignStepForAge,
    ReasonCode::CampaignStepNotOpen,
    ReasonCode::UnknownProduct,
    ReasonCode::LastDoseInFuture,
    ReasonCode::IntervalTooShort,
    ReasonCode::IntervalTooLong,
    ReasonCode::SeriesCompleteNoBooster,
    ReasonCode::BoosterTooEarly,
    ReasonCode::HealthCodeHolderMismatch,
    ReasonCode::AlreadyVaccinatedToday,
    ReasonCode::NoQueueNumberOffline,
};

// What each reason alone leads to, written independently of the library.
Outcome expectedOutcomeOf(ReasonCode code) {
    switch (code) {
        case ReasonCode::HealthCodeYellow:
        case ReasonCode::HealthCodeRed:
        case ReasonCode::Fever:
        case ReasonCode::ContraindicationDefer:
        case ReasonCode::UnderMinimumAge:
        case ReasonCode::OverMaximumAge:
        case ReasonCode::NoCampaignStepForAge:
        case ReasonCode::CampaignStepNotOpen:
        case ReasonCode::IntervalTooShort:
        case ReasonCode::SeriesCompleteNoBooster:
        case ReasonCode::BoosterTooEarly:
            return Outcome::Defer;
        case ReasonCode::HealthCodeNotChecked:
        case ReasonCode::HealthCodeUnavailable:
        case ReasonCode::HealthCodeHolderMismatch:
        case ReasonCode::AlreadyVaccinatedToday:
        case ReasonCode::NoQueueNumberOffline:
        case ReasonCode::TemperatureSensorError:
        case ReasonCode::TemperatureImplausible:
        case ReasonCode::ContraindicationDoctorReview:
        case ReasonCode::ContraindicationUnsure:
        case ReasonCode::DoctorReviewForAge:
        case ReasonCode::UnknownProduct:
        case ReasonCode::LastDoseInFuture:
        case ReasonCode::IntervalTooLong:
            return Outcome::StaffReview;
    }
    return Outcome::Proceed;
}

CivilDate date(int year, int month, int day) {
    const auto result = CivilDate::fromYmd(year, month, day);
    EXPECT_TRUE(result.has_value()) << year << "-" << month << "-" << day;
    return result.value_or(CivilDate::fromDaysSinceEpoch(0));
}

CivilDate today() {
    return date(2026, 11, 25);
}

// Question indexes, looked up by id so that a reordering of the questionnaire shows up here.
std::size_t question(std::string_view id) {
    const auto index = questionIndex(id);
    EXPECT_TRUE(index.has_value()) << id;
    return index.value_or(0);
}

Answers allNo() {
    Answers answers{};
    answers.fill(Answer::No);
    return answers;
}

// Baseline: everything fine, 35 years old, first dose.
CheckInFacts baselineFacts() {
    return CheckInFacts{
        HealthCodeStatus::Green,
        TemperatureInput::reading(36.5),
        allNo(),
        date(1991, 11, 25),
        std::nullopt,
        today(),
    };
}

Policy baselinePolicy() {
    Policy policy;
    policy.age.doctorReviewFromAge = 60;

    Product inact;
    inact.code = "INACT";
    inact.name = "Inactivated vaccine";
    inact.seriesDoses = 2;
    inact.minIntervalDays = 21;
    inact.maxIntervalDays = 56;
    inact.boosterMinDays = 180;
    policy.products.push_back(inact);

    Product one;
    one.code = "ONE";
    one.name = "Single-dose vaccine";
    one.seriesDoses = 1;
    one.boosterMinDays = std::nullopt;
    policy.products.push_back(one);

    policy.campaignSteps.push_back({"adults", "Adults", 18, 59, true});
    policy.campaignSteps.push_back({"elderly", "Elderly", 60, std::nullopt, true});
    policy.campaignSteps.push_back({"minors", "Minors", 3, 17, false});
    return policy;
}

using Change = std::function<void(CheckInFacts&, Policy&)>;

struct DecisionCase {
    std::string name;  // also the test name: letters, digits and '_' only
    Change change;
    Outcome outcome = Outcome::Proceed;
    std::multiset<ReasonCode> reasons;  // exact, with repeats
    std::vector<std::pair<ReasonCode, std::string>> details;
    bool fever = false;
    std::optional<std::string> step = std::string("adults");
    std::optional<int> age;

    DecisionCase withDetail(ReasonCode code, std::string detail) const {
        DecisionCase copy = *this;
        copy.details.emplace_back(code, std::move(detail));
        return copy;
    }
    DecisionCase withFever() const {
        DecisionCase copy = *this;
        copy.fever = true;
        return copy;
    }
    DecisionCase withStep(std::optional<std::string> id) const {
        DecisionCase copy = *this;
        copy.step = std::move(id);
        return copy;
    }
    DecisionCase withAge(int years) const {
        DecisionCase copy = *this;
        copy.age = years;
        return copy;
    }
};

// Names the case instead of dumping its bytes into the test list.
[[maybe_unused]] void PrintTo(const DecisionCase& c, std::ostream* os) {
    *os << c.name;
}

DecisionCase make(std::string name, Change change, Outcome outcome,
                  std::multiset<ReasonCode> reasons) {
    DecisionCase c;
    c.name = std::move(name);
    c.change = std::move(change);
    c.outcome = outcome;
    c.reasons = std::move(reasons);
    return c;
}

Change healthCode(HealthCodeStatus status, bool required = true) {
    return [=](CheckInFacts& f, Policy& p) {
        f.healthCode = status;
        p.requireHealthCode = required;
    };
}

Change temperature(double celsius) {
    return [=](CheckInFacts& f, Policy&) { f.temperature = TemperatureInput::reading(celsius); };
}

Change answer(std::string_view id, Answer a) {
    const std::string key(id);
    return [=](CheckInFacts& f, Policy&) { f.answers[question(key)] = a; };
}

Change bornOn(int year, int month, int day) {
    return [=](CheckInFacts& f, Policy&) { f.birthDate = date(year, month, day); };
}

Change priorDose(int daysAgo, std::string product, int dosesReceived) {
    return [=](CheckInFacts& f, Policy&) {
        f.priorDoses = PriorDoses{today().plusDays(-daysAgo), product, dosesReceived};
    };
}

Change both(Change a, Change b) {
    return [=](CheckInFacts& f, Policy& p) {
        a(f, p);
        b(f, p);
    };
}

using R = ReasonCode;
constexpr Outcome kProceed = Outcome::Proceed;
constexpr Outcome kStaff = Outcome::StaffReview;
constexpr Outcome kDefer = Outcome::Defer;

std::vector<DecisionCase> decisionCases() {
    using HC = HealthCodeStatus;
    const auto none = [](CheckInFacts&, Policy&) {};
    std::vector<DecisionCase> cases;
    auto add = [&cases](DecisionCase c) { cases.push_back(std::move(c)); };

    // --- baseline --------------------------------------------------------------------------
    add(make("Baseline_Proceeds", none, kProceed, {}).withAge(35));

    // --- health code -----------------------------------------------------------------------
    add(make("HealthCode_Green", healthCode(HC::Green), kProceed, {}));
    add(make("HealthCode_Yellow", healthCode(HC::Yellow), kDefer, {R::HealthCodeYellow}));
    add(make("HealthCode_Red", healthCode(HC::Red), kDefer, {R::HealthCodeRed}));
    add(make("HealthCode_NotChecked", healthCode(HC::NotChecked), kStaff,
             {R::HealthCodeNotChecked}));
    add(make("HealthCode_Unavailable", healthCode(HC::Unavailable), kStaff,
             {R::HealthCodeUnavailable}));
    add(make("HealthCode_GreenButHeldBySomeoneElse",
             [](CheckInFacts& f, Policy&) { f.healthCodeHolderMismatch = true; }, kStaff,
             {R::HealthCodeHolderMismatch}));
    add(make("Dose_AlreadyVaccinatedToday",
             [](CheckInFacts& f, Policy&) { f.vaccinatedToday = true; }, kStaff,
             {R::AlreadyVaccinatedToday}));
    add(make("Queue_NoNumberWhileTheSiteIsOffline",
             [](CheckInFacts& f, Policy&) { f.noQueueNumber = true; }, kStaff,
             {R::NoQueueNumberOffline}));
    add(make("HealthCode_NotCheckedNotRequired", healthCode(HC::NotChecked, false), kProceed, {}));
    add(make("HealthCode_UnavailableNotRequired", healthCode(HC::Unavailable, false), kProceed,
             {}));
    // Not requiring a checked code does not excuse a yellow or red one.
    add(make("HealthCode_YellowNotRequired", healthCode(HC::Yellow, false), kDefer,
             {R::HealthCodeYellow}));
    add(make("HealthCode_RedNotRequired", healthCode(HC::Red, false), kDefer, {R::HealthCodeRed}));

    // --- temperature -----------------------------------------------------------------------
    add(make("Temp_37_2", temperature(37.2), kProceed, {}));
    add(make("Temp_37_3", temperature(37.3), kDefer, {R::Fever})
            .withFever()
            .withDetail(R::Fever, "37.3"));
    // A sensor's 37.29999999 is 37.3 in hundredths.
    add(make("Temp_37_29999999", temperature(37.29999999), kDefer, {R::Fever})
            .withFever()
            .withDetail(R::Fever, "37.3"));
    // 37.25 * 100 = 3725 < 3730: below the threshold, no fever.
    add(make("Temp_37_25", temperature(37.25), kProceed, {}));
    // 37.294 rounds to 3729 hundredths: no fever.
    add(make("Temp_37_294", temperature(37.294), kProceed, {}));
    add(make("Temp_SensorError",
             [](CheckInFacts& f, Policy&) { f.temperature = TemperatureInput::sensorError(); },
             kStaff, {R::TemperatureSensorError}));
    add(make("Temp_29_9", temperature(29.9), kStaff, {R::TemperatureImplausible})
            .withDetail(R::TemperatureImplausible, "29.9"));
    add(make("Temp_43_1", temperature(43.1), kStaff, {R::TemperatureImplausible})
            .withDetail(R::TemperatureImplausible, "43.1"));
    add(make("Temp_30_0", temperature(30.0), kProceed, {}));
    add(make("Temp_43_0", temperature(43.0), kDefer, {R::Fever})
            .withFever()
            .withDetail(R::Fever, "43.0"));
    add(make("Temp_NaN", temperature(std::numeric_limits<double>::quiet_NaN()), kStaff,
             {R::TemperatureImplausible}));
    add(make("Temp_Infinity", temperature(std::numeric_limits<double>::infinity()), kStaff,
             {R::TemperatureImplausible}));
    // The thresholds come from the policy.
    add(make("Temp_CustomThresholdBelow",
             both(temperature(37.4),
                  [](CheckInFacts&, Policy& p) { p.temperature.feverThresholdC = 37.5; }),
             kProceed, {}));
    add(make("Temp_CustomThresholdAt",
             both(temperature(37.5),
                  [](CheckInFacts&, Policy& p) { p.temperature.feverThresholdC = 37.5; }),
             kDefer, {R::Fever})
            .withFever());
    add(make(
        "Temp_CustomValidRange",
        both(temperature(33.0), [](CheckInFacts&, Policy& p) { p.temperature.validMinC = 34.0; }),
        kStaff, {R::TemperatureImplausible}));

    // --- questionnaire ---------------------------------------------------------------------
    add(make("Answer_YesSevereAllergy", answer("severe_allergy", Answer::Yes), kDefer,
             {R::ContraindicationDefer})
            .withDetail(R::ContraindicationDefer, "severe_allergy"));
    add(make("Answer_YesTumour", answer("tumour_immunosuppressed", Answer::Yes), kDefer,
             {R::ContraindicationDefer})
            .withDetail(R::ContraindicationDefer, "tumour_immunosuppressed"));
    add(make("Answer_YesNeurological", answer("neurological", Answer::Yes), kStaff,
             {R::ContraindicationDoctorReview})
            .withDetail(R::ContraindicationDoctorReview, "neurological"));
    add(make("Answer_YesSevereChronic", answer("severe_chronic", Answer::Yes), kStaff,
             {R::ContraindicationDoctorReview})
            .withDetail(R::ContraindicationDoctorReview, "severe_chronic"));
    add(make("Answer_UnsureLymphoma", answer("lymphoma", Answer::Unsure), kStaff,
             {R::ContraindicationUnsure})
            .withDetail(R::ContraindicationUnsure, "lymphoma"));
    // Unsure about a defer item is still only a staff review.
    add(make("Answer_UnsureSevereAllergy", answer("severe_allergy", Answer::Unsure), kStaff,
             {R::ContraindicationUnsure})
            .withDetail(R::ContraindicationUnsure, "severe_allergy"));
    add(make("Answer_RemapNeurologicalToDefer",
             both(answer("neurological", Answer::Yes),
                  [](CheckInFacts&, Policy& p) {
                      p.questionActions[question("neurological")] = ItemAction::Defer;
                  }),
             kDefer, {R::ContraindicationDefer})
            .withDetail(R::ContraindicationDefer, "neurological"));
    add(make("Answer_RemapSevereAllergyToDoctorReview",
             both(answer("severe_allergy", Answer::Yes),
                  [](CheckInFacts&, Policy& p) {
                      p.questionActions[question("severe_allergy")] = ItemAction::DoctorReview;
                  }),
             kStaff, {R::ContraindicationDoctorReview})
            .withDetail(R::ContraindicationDoctorReview, "severe_allergy"));
    add(make("Answer_RemapAllToDeferAllNo",
             [](CheckInFacts&, Policy& p) { p.questionActions.fill(ItemAction::Defer); }, kProceed,
             {}));
    add(make("Answer_MultipleYes",
             both(both(answer("severe_allergy", Answer::Yes), answer("acute_illness", Answer::Yes)),
                  answer("immunodeficiency", Answer::Yes)),
             kDefer,
             {R::ContraindicationDefer, R::ContraindicationDefer, R::ContraindicationDoctorReview})
            .withDetail(R::ContraindicationDefer, "severe_allergy")
            .withDetail(R::ContraindicationDefer, "acute_illness")
            .withDetail(R::ContraindicationDoctorReview, "immunodeficiency"));
    {
        std::multiset<ReasonCode> nineUnsure;
        for (std::size_t i = 0; i < kQuestionCount; ++i) {
            nineUnsure.insert(R::ContraindicationUnsure);
        }
        add(make(
                "Answer_AllUnsure",
                [](CheckInFacts& f, Policy&) { f.answers.fill(Answer::Unsure); }, kStaff,
                nineUnsure)
                .withDetail(R::ContraindicationUnsure, "severe_allergy")
                .withDetail(R::ContraindicationUnsure, "tumour_immunosuppressed"));
    }

    // --- age and campaign steps ------------------------------------------------------------
    add(make("Age_18thBirthdayToday", bornOn(2008, 11, 25), kProceed, {}).withAge(18));
    // 17: below the site minimum, and the minors step is closed, so both reasons appear.
    add(make("Age_DayBefore18thBirthday", bornOn(2008, 11, 26), kDefer,
             {R::UnderMinimumAge, R::CampaignStepNotOpen})
            .withAge(17)
            .withStep("minors")
            .withDetail(R::UnderMinimumAge, "17")
            .withDetail(R::CampaignStepNotOpen, "minors"));
    add(make("Age_60thBirthdayToday", bornOn(1966, 11, 25), kStaff, {R::DoctorReviewForAge})
            .withAge(60)
            .withStep("elderly")
            .withDetail(R::DoctorReviewForAge, "60"));
    add(make("Age_DayBefore60thBirthday", bornOn(1966, 11, 26), kProceed, {}).withAge(59));
    add(make("Age_ElderlyWithoutDoctorReviewRule",
             both(bornOn(1950, 1, 1),
                  [](CheckInFacts&, Policy& p) { p.age.doctorReviewFromAge = std::nullopt; }),
             kProceed, {})
            .withAge(76)
            .withStep("elderly"));
    add(make("Age_AtMaximum",
             both(bornOn(1946, 11, 25), [](CheckInFacts&, Policy& p) { p.age.maxAge = 80; }),
             kStaff, {R::DoctorReviewForAge})
            .withAge(80)
            .withStep("elderly"));
    add(make("Age_DayBefore81stBirthday",
             both(bornOn(1945, 11, 26), [](CheckInFacts&, Policy& p) { p.age.maxAge = 80; }),
             kStaff, {R::DoctorReviewForAge})
            .withAge(80)
            .withStep("elderly"));
    add(make("Age_OneYearOverMaximum",
             both(bornOn(1945, 11, 25), [](CheckInFacts&, Policy& p) { p.age.maxAge = 80; }),
             kDefer, {R::OverMaximumAge, R::DoctorReviewForAge})
            .withAge(81)
            .withStep("elderly")
            .withDetail(R::OverMaximumAge, "81"));
    add(make("Age_NoCampaignSteps", [](CheckInFacts&, Policy& p) { p.campaignSteps.clear(); },
             kProceed, {})
            .withStep(std::nullopt));
    add(make("Age_NoCampaignStepsUnderMinimum",
             both(bornOn(2008, 11, 26), [](CheckInFacts&, Policy& p) { p.campaignSteps.clear(); }),
             kDefer, {R::UnderMinimumAge})
            .withAge(17)
            .withStep(std::nullopt));
    // Age 2 is below the minors band (3-17) and below the site minimum.
    add(make("Age_InNoBandToddler", bornOn(2024, 11, 25), kDefer,
             {R::UnderMinimumAge, R::NoCampaignStepForAge})
            .withAge(2)
            .withStep(std::nullopt)
            .withDetail(R::NoCampaignStepForAge, "2"));
    // A gap between bands: adults only up to 49, elderly from 60.
    add(make("Age_InBandGap",
             both(bornOn(1971, 1, 1),
                  [](CheckInFacts&, Policy& p) { p.campaignSteps[0].maxAge = 49; }),
             kDefer, {R::NoCampaignStepForAge})
            .withAge(55)
            .withStep(std::nullopt)
            .withDetail(R::NoCampaignStepForAge, "55"));
    add(make("Age_StepClosed", [](CheckInFacts&, Policy& p) { p.campaignSteps[0].open = false; },
             kDefer, {R::CampaignStepNotOpen})
            .withStep("adults")
            .withDetail(R::CampaignStepNotOpen, "adults"));
    add(make("Age_SiteMinimumLoweredMinorsOpen",
             both(bornOn(2010, 6, 1),
                  [](CheckInFacts&, Policy& p) {
                      p.age.minAge = 3;
                      p.campaignSteps[2].open = true;
                  }),
             kProceed, {})
            .withAge(16)
            .withStep("minors"));
    // A 29 February birthday is reached on 1 March in a common year.
    add(make("Age_LeapDayBirthday28Feb",
             both(bornOn(2008, 2, 29),
                  [](CheckInFacts& f, Policy&) { f.today = date(2026, 2, 28); }),
             kDefer, {R::UnderMinimumAge, R::CampaignStepNotOpen})
            .withAge(17)
            .withStep("minors"));
    add(make(
            "Age_LeapDayBirthday1Mar",
            both(bornOn(2008, 2, 29), [](CheckInFacts& f, Policy&) { f.today = date(2026, 3, 1); }),
            kProceed, {})
            .withAge(18));

    // --- dose interval ---------------------------------------------------------------------
    add(make("Interval_Dose2Day0", priorDose(0, "INACT", 1), kDefer, {R::IntervalTooShort})
            .withDetail(R::IntervalTooShort, "0"));
    add(make("Interval_Dose2Day20", priorDose(20, "INACT", 1), kDefer, {R::IntervalTooShort})
            .withDetail(R::IntervalTooShort, "20"));
    add(make("Interval_Dose2Day21", priorDose(21, "INACT", 1), kProceed, {}));
    add(make("Interval_Dose2Day56", priorDose(56, "INACT", 1), kProceed, {}));
    add(make("Interval_Dose2Day57", priorDose(57, "INACT", 1), kStaff, {R::IntervalTooLong})
            .withDetail(R::IntervalTooLong, "57"));
    add(make("Interval_BoosterDay179", priorDose(179, "INACT", 2), kDefer, {R::BoosterTooEarly})
            .withDetail(R::BoosterTooEarly, "179"));
    add(make("Interval_BoosterDay180", priorDose(180, "INACT", 2), kProceed, {}));
    add(make("Interval_SecondBoosterDay400", priorDose(400, "INACT", 3), kProceed, {}));
    add(make("Interval_SeriesCompleteNoBooster", priorDose(400, "ONE", 1), kDefer,
             {R::SeriesCompleteNoBooster})
            .withDetail(R::SeriesCompleteNoBooster, "ONE"));
    add(make("Interval_UnknownProduct", priorDose(30, "XYZ", 1), kStaff, {R::UnknownProduct})
            .withDetail(R::UnknownProduct, "XYZ"));
    add(make("Interval_ProductCodeIsCaseSensitive", priorDose(30, "inact", 1), kStaff,
             {R::UnknownProduct}));
    add(make("Interval_LastDoseInFuture", priorDose(-1, "INACT", 1), kStaff, {R::LastDoseInFuture})
            .withDetail(R::LastDoseInFuture, "2026-11-26"));
    add(make("Interval_LastDoseInFutureSeriesComplete", priorDose(-30, "ONE", 1), kStaff,
             {R::LastDoseInFuture}));

    // --- most severe outcome wins, every reason listed --------------------------------------
    add(make("Combined_FeverAndUnsure", both(temperature(38.0), answer("lymphoma", Answer::Unsure)),
             kDefer, {R::Fever, R::ContraindicationUnsure})
            .withFever());
    add(make(
        "Combined_TwoStaffReviews",
        both(healthCode(HC::NotChecked),
             [](CheckInFacts& f, Policy&) { f.temperature = TemperatureInput::sensorError(); }),
        kStaff, {R::HealthCodeNotChecked, R::TemperatureSensorError}));
    add(make("Combined_YellowAndIntervalTooLong",
             both(healthCode(HC::Yellow), priorDose(60, "INACT", 1)), kDefer,
             {R::HealthCodeYellow, R::IntervalTooLong}));
    add(make("Combined_StaffReviewAndProceedItems",
             both(healthCode(HC::Unavailable), priorDose(30, "INACT", 1)), kStaff,
             {R::HealthCodeUnavailable}));
    add(make("Combined_Everything",
             [](CheckInFacts& f, Policy& p) {
                 f.healthCode = HealthCodeStatus::Red;
                 f.temperature = TemperatureInput::reading(39.1);
                 f.answers[question("acute_illness")] = Answer::Yes;
                 f.answers[question("lymphoma")] = Answer::Yes;
                 f.answers[question("severe_chronic")] = Answer::Unsure;
                 f.birthDate = date(1940, 1, 1);
                 p.age.maxAge = 80;
                 f.priorDoses = PriorDoses{today().plusDays(-10), "INACT", 1};
             },
             kDefer,
             {R::HealthCodeRed, R::Fever, R::ContraindicationDefer, R::ContraindicationDoctorReview,
              R::ContraindicationUnsure, R::OverMaximumAge, R::DoctorReviewForAge,
              R::IntervalTooShort})
            .withFever()
            .withAge(86)
            .withStep("elderly")
            .withDetail(R::Fever, "39.1")
            .withDetail(R::IntervalTooShort, "10"));
    return cases;
}

Decision run(const DecisionCase& c) {
    CheckInFacts facts = baselineFacts();
    Policy policy = baselinePolicy();
    c.change(facts, policy);
    return decideCheckIn(facts, policy);
}

std::multiset<ReasonCode> codesOf(const Decision& decision) {
    std::multiset<ReasonCode> codes;
    for (const auto& reason : decision.reasons) {
        codes.insert(reason.code);
    }
    return codes;
}

class DecideCheckInTest : public ::testing::TestWithParam<DecisionCase> {};

TEST_P(DecideCheckInTest, OutcomeAndReasons) {
    const DecisionCase& c = GetParam();
    SCOPED_TRACE(c.name);
    const Decision decision = run(c);

    EXPECT_EQ(decision.outcome, c.outcome);
    EXPECT_EQ(codesOf(decision), c.reasons);
    EXPECT_EQ(decision.fever, c.fever);
    EXPECT_EQ(decision.campaignStepId, c.step);
    if (c.age) {
        EXPECT_EQ(decision.age, *c.age);
    }
    for (const auto& reason : decision.reasons) {
        EXPECT_EQ(reason.outcome, expectedOutcomeOf(reason.code)) << toString(reason.code);
        EXPECT_TRUE(decision.has(reason.code));
    }
    for (const auto& [code, detail] : c.details) {
        bool found = false;
        for (const auto& reason : decision.reasons) {
            found = found || (reason.code == code && reason.detail == detail);
        }
        EXPECT_TRUE(found) << "no reason " << toString(code) << " with detail '" << detail << "'";
    }
}

INSTANTIATE_TEST_SUITE_P(Table, DecideCheckInTest, ::testing::ValuesIn(decisionCases()),
                         [](const ::testing::TestParamInfo<DecisionCase>& param) {
                             return param.param.name;
                         });

// --- properties over the whole table -----------------------------------------------------

TEST(DecideCheckInTable, CaseNamesAreUnique) {
    std::set<std::string> names;
    for (const auto& c : decisionCases()) {
        EXPECT_TRUE(names.insert(c.name).second) << c.name;
    }
}

TEST(DecideCheckInTable, EveryReasonCodeIsProducedAndHasBothTexts) {
    std::set<ReasonCode> seen;
    for (const auto& c : decisionCases()) {
        SCOPED_TRACE(c.name);
        for (const auto& reason : run(c).reasons) {
            seen.insert(reason.code);
            EXPECT_FALSE(reason.en.empty()) << toString(reason.code);
            EXPECT_FALSE(reason.zh.empty()) << toString(reason.code);
            EXPECT_NE(reason.en, reason.zh) << toString(reason.code);
        }
    }
    for (const auto code : kAllReasonCodes) {
        EXPECT_TRUE(seen.count(code)) << "no case produces " << toString(code);
    }
}

TEST(DecideCheckInTable, OutcomeIsTheMostSevereReason) {
    for (const auto& c : decisionCases()) {
        SCOPED_TRACE(c.name);
        const Decision decision = run(c);
        bool anyDefer = false;
        bool anyStaff = false;
        for (const auto& reason : decision.reasons) {
            anyDefer = anyDefer || reason.outcome == Outcome::Defer;
            anyStaff = anyStaff || reason.outcome == Outcome::StaffReview;
        }
        const Outcome expected =
            anyDefer ? Outcome::Defer : (anyStaff ? Outcome::StaffReview : Outcome::Proceed);
        EXPECT_EQ(decision.outcome, expected);
        EXPECT_EQ(decision.reasons.empty(), decision.outcome == Outcome::Proceed);
    }
}

// --- details of single reasons ------------------------------------------------------------

TEST(DecideCheckIn, AnswerReasonsFollowQuestionnaireOrderWithIdsAsDetail) {
    CheckInFacts facts = baselineFacts();
    facts.answers.fill(Answer::Yes);
    const Decision decision = decideCheckIn(facts, baselinePolicy());
    ASSERT_EQ(decision.reasons.size(), kQuestionCount);
    for (std::size_t i = 0; i < kQuestionCount; ++i) {
        EXPECT_EQ(decision.reasons[i].detail, std::string(questionnaire()[i].id));
        EXPECT_EQ(decision.reasons[i].code, questionnaire()[i].defaultAction == ItemAction::Defer
                                                ? ReasonCode::ContraindicationDefer
                                                : ReasonCode::ContraindicationDoctorReview);
    }
}

TEST(DecideCheckIn, FeverTextShowsTheReadingWithOneDecimal) {
    CheckInFacts facts = baselineFacts();
    facts.temperature = TemperatureInput::reading(38.46);
    const Decision decision = decideCheckIn(facts, baselinePolicy());
    ASSERT_EQ(decision.reasons.size(), 1u);
    EXPECT_EQ(decision.reasons[0].detail, "38.5");
    EXPECT_NE(decision.reasons[0].en.find("38.5"), std::string::npos);
    EXPECT_NE(decision.reasons[0].zh.find("38.5"), std::string::npos);
}

TEST(DecideCheckIn, HasIsFalseForAbsentReasons) {
    const Decision decision = decideCheckIn(baselineFacts(), baselinePolicy());
    for (const auto code : kAllReasonCodes) {
        EXPECT_FALSE(decision.has(code)) << toString(code);
    }
}

// --- string forms -------------------------------------------------------------------------

TEST(DecisionStrings, ReasonCodeKeysAreDistinctAndNonEmpty) {
    std::set<std::string> keys;
    for (const auto code : kAllReasonCodes) {
        const std::string key(toString(code));
        EXPECT_FALSE(key.empty());
        EXPECT_NE(key, "unknown");
        EXPECT_TRUE(keys.insert(key).second) << "duplicate key " << key;
    }
    EXPECT_EQ(keys.size(), std::size(kAllReasonCodes));
    EXPECT_EQ(toString(ReasonCode::Fever), "fever");
    EXPECT_EQ(toString(ReasonCode::ContraindicationDefer), "contraindication");
}

TEST(DecisionStrings, OutcomeKeys) {
    EXPECT_EQ(toString(Outcome::Proceed), "proceed");
    EXPECT_EQ(toString(Outcome::StaffReview), "staff_review");
    EXPECT_EQ(toString(Outcome::Defer), "defer");
}

TEST(DecisionStrings, HealthCodeStatusRoundTrips) {
    const std::map<HealthCodeStatus, std::string> expected{
        {HealthCodeStatus::NotChecked, "not_checked"},
        {HealthCodeStatus::Unavailable, "unavailable"},
        {HealthCodeStatus::Green, "green"},
        {HealthCodeStatus::Yellow, "yellow"},
        {HealthCodeStatus::Red, "red"},
    };
    for (const auto& [status, text] : expected) {
        EXPECT_EQ(toString(status), text);
        const auto parsed = healthCodeStatusFromString(text);
        ASSERT_TRUE(parsed.has_value()) << text;
        EXPECT_EQ(*parsed, status) << text;
    }
    EXPECT_FALSE(healthCodeStatusFromString("").has_value());
    EXPECT_FALSE(healthCodeStatusFromString("GREEN").has_value());
    EXPECT_FALSE(healthCodeStatusFromString("green ").has_value());
    EXPECT_FALSE(healthCodeStatusFromString("orange").has_value());
}

// --- parseAnswers -------------------------------------------------------------------------

TEST(ParseAnswers, ParsesShortForms) {
    const auto answers = parseAnswers("n,n,y,n,n,n,n,n,u");
    ASSERT_TRUE(answers.ok()) << answers.error().message;
    Answers expected = allNo();
    expected[2] = Answer::Yes;
    expected[8] = Answer::Unsure;
    EXPECT_EQ(*answers, expected);
}

TEST(ParseAnswers, IsCaseInsensitive) {
    const auto answers = parseAnswers("N,Y,U,n,y,u,No,YES,Unsure");
    ASSERT_TRUE(answers.ok()) << answers.error().message;
    const Answers expected{Answer::No,     Answer::Yes, Answer::Unsure, Answer::No,    Answer::Yes,
                           Answer::Unsure, Answer::No,  Answer::Yes,    Answer::Unsure};
    EXPECT_EQ(*answers, expected);
}

TEST(ParseAnswers, ParsesLongForms) {
    const auto answers = parseAnswers("yes,no,unsure,no,no,no,no,no,yes");
    ASSERT_TRUE(answers.ok()) << answers.error().message;
    Answers expected = allNo();
    expected[0] = Answer::Yes;
    expected[2] = Answer::Unsure;
    expected[8] = Answer::Yes;
    EXPECT_EQ(*answers, expected);
}

TEST(ParseAnswers, RejectsTooFew) {
    const auto answers = parseAnswers("n,n,n,n,n,n,n,n");
    ASSERT_FALSE(answers.ok());
    EXPECT_NE(answers.error().message.find("expected 9"), std::string::npos)
        << answers.error().message;
    EXPECT_NE(answers.error().message.find('8'), std::string::npos) << answers.error().message;
}

TEST(ParseAnswers, RejectsTooMany) {
    const auto answers = parseAnswers("n,n,n,n,n,n,n,n,n,n");
    ASSERT_FALSE(answers.ok());
    EXPECT_NE(answers.error().message.find("expected 9"), std::string::npos)
        << answers.error().message;
}

TEST(ParseAnswers, RejectsTrailingComma) {
    const auto answers = parseAnswers("n,n,n,n,n,n,n,n,n,");
    ASSERT_FALSE(answers.ok());
    EXPECT_FALSE(answers.error().message.empty());
}

TEST(ParseAnswers, RejectsBadWordNamingItsPosition) {
    const auto answers = parseAnswers("n,n,n,maybe,n,n,n,n,n");
    ASSERT_FALSE(answers.ok());
    EXPECT_NE(answers.error().message.find('4'), std::string::npos) << answers.error().message;
}

TEST(ParseAnswers, RejectsSpacesAndEmptyItems) {
    EXPECT_FALSE(parseAnswers("n, n,n,n,n,n,n,n,n").ok());
    EXPECT_FALSE(parseAnswers("n,,n,n,n,n,n,n,n").ok());
}

TEST(ParseAnswers, RejectsEmptyString) {
    const auto answers = parseAnswers("");
    ASSERT_FALSE(answers.ok());
    EXPECT_FALSE(answers.error().message.empty());
}

}  // namespace

namespace vax {
namespace {

TEST(DecisionHolderTest, ABorrowedGreenCodeGoesToStaffReview) {
    CheckInFacts facts{HealthCodeStatus::Green,
                       TemperatureInput::reading(36.5),
                       Answers{},
                       *CivilDate::fromYmd(1980, 1, 1),
                       std::nullopt,
                       *CivilDate::fromYmd(2026, 11, 25)};
    EXPECT_EQ(decideCheckIn(facts, Policy{}).outcome, Outcome::Proceed);
    facts.healthCodeHolderMismatch = true;
    const Decision d = decideCheckIn(facts, Policy{});
    EXPECT_EQ(d.outcome, Outcome::StaffReview);
    EXPECT_TRUE(d.has(ReasonCode::HealthCodeHolderMismatch));
    EXPECT_EQ(toString(ReasonCode::HealthCodeHolderMismatch), "health_code_holder_mismatch");
}

}  // namespace
}  // namespace vax
