#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/Decision.h"
#include "core/Report.h"
#include "core/VisitStage.h"

using namespace vax;

namespace {

VisitSummary visit(Outcome decision, Stage stage) {
    VisitSummary v;
    v.decision = decision;
    v.stage = stage;
    v.age = 35;
    return v;
}

VisitSummary waited(std::int64_t queuedAtMs, std::int64_t calledAtMs) {
    VisitSummary v = visit(Outcome::Proceed, Stage::Called);
    v.queuedAtMs = queuedAtMs;
    v.calledAtMs = calledAtMs;
    return v;
}

DayReport build(const std::vector<VisitSummary>& visits, std::string date = "2026-11-25") {
    DayReportBuilder builder(std::move(date));
    for (const auto& v : visits) {
        builder.add(v);
    }
    return builder.finish();
}

std::map<std::string, int> bandCheckIns(const DayReport& report) {
    std::map<std::string, int> counts;
    for (const auto& band : report.ageBands) {
        counts[band.label] = band.checkIns;
    }
    return counts;
}

const AgeBandFigures* band(const DayReport& report, const std::string& label) {
    for (const auto& b : report.ageBands) {
        if (b.label == label) {
            return &b;
        }
    }
    return nullptr;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// --- counts ------------------------------------------------------------------------------

TEST(DayReport, CountsByEntryDecision) {
    const DayReport r = build({
        visit(Outcome::Proceed, Stage::Waiting),
        visit(Outcome::Proceed, Stage::Exited),
        visit(Outcome::Proceed, Stage::Observing),
        visit(Outcome::StaffReview, Stage::CheckedIn),
        visit(Outcome::StaffReview, Stage::Waiting),
        visit(Outcome::Defer, Stage::Deferred),
    });
    EXPECT_EQ(r.date, "2026-11-25");
    EXPECT_EQ(r.checkIns, 6);
    EXPECT_EQ(r.proceeds, 3);
    EXPECT_EQ(r.staffReviews, 2);
    EXPECT_EQ(r.deferrals, 1);
}

TEST(DayReport, CountsFevers) {
    VisitSummary feverish = visit(Outcome::Defer, Stage::Deferred);
    feverish.fever = true;
    const DayReport r = build({feverish, feverish, visit(Outcome::Proceed, Stage::Waiting)});
    EXPECT_EQ(r.fevers, 2);
}

TEST(DayReport, DeferredInTheEndIncludesStaffDecisions) {
    VisitSummary byStaff = visit(Outcome::StaffReview, Stage::Deferred);
    byStaff.deferredByStaff = true;
    VisitSummary byStaffAfterProceed = visit(Outcome::Proceed, Stage::Deferred);
    byStaffAfterProceed.deferredByStaff = true;
    VisitSummary atEntry = visit(Outcome::Defer, Stage::Deferred);
    atEntry.reasonMask = reasonBit(ReasonCode::HealthCodeRed);
    // A staff override that let a deferred person in is not deferred in the end.
    VisitSummary overridden = visit(Outcome::Defer, Stage::Waiting);
    overridden.reasonMask = reasonBit(ReasonCode::HealthCodeRed);

    const DayReport r = build({byStaff, byStaffAfterProceed, atEntry, overridden,
                               visit(Outcome::Proceed, Stage::Exited)});
    EXPECT_EQ(r.deferrals, 2);
    EXPECT_EQ(r.deferredInTheEnd, 3);
    const std::map<std::string, int> expected{{"staff_decision", 2}, {"health_code_red", 2}};
    EXPECT_EQ(r.deferralsByReason, expected);
}

TEST(DayReport, DeferralsByReasonCountOnlyDeferDecisions) {
    VisitSummary feverAndUnsure = visit(Outcome::Defer, Stage::Deferred);
    feverAndUnsure.reasonMask =
        reasonBit(ReasonCode::Fever) | reasonBit(ReasonCode::ContraindicationUnsure);
    VisitSummary feverAndRed = visit(Outcome::Defer, Stage::Deferred);
    feverAndRed.reasonMask = reasonBit(ReasonCode::Fever) | reasonBit(ReasonCode::HealthCodeRed);
    VisitSummary booster = visit(Outcome::Defer, Stage::CheckedIn);
    booster.reasonMask = reasonBit(ReasonCode::BoosterTooEarly);
    VisitSummary first = visit(Outcome::Defer, Stage::Deferred);
    first.reasonMask = reasonBit(ReasonCode::HealthCodeNotChecked);
    // Staff reviews with reasons are not deferrals.
    VisitSummary staff = visit(Outcome::StaffReview, Stage::Waiting);
    staff.reasonMask =
        reasonBit(ReasonCode::ContraindicationUnsure) | reasonBit(ReasonCode::IntervalTooLong);

    const DayReport r = build({feverAndUnsure, feverAndRed, booster, first, staff});
    const std::map<std::string, int> expected{
        {"fever", 2},
        {"contraindication_unsure", 1},
        {"health_code_red", 1},
        {"booster_too_early", 1},
        {"health_code_not_checked", 1},
    };
    EXPECT_EQ(r.deferralsByReason, expected);
}

TEST(DayReport, DeferralKeysAreReasonCodeStrings) {
    const std::vector<ReasonCode> codes{
        ReasonCode::HealthCodeNotChecked, ReasonCode::ContraindicationDefer,
        ReasonCode::CampaignStepNotOpen,  ReasonCode::SeriesCompleteNoBooster,
        ReasonCode::BoosterTooEarly,
    };
    std::vector<VisitSummary> visits;
    std::map<std::string, int> expected;
    for (const auto code : codes) {
        VisitSummary v = visit(Outcome::Defer, Stage::Deferred);
        v.reasonMask = reasonBit(code);
        visits.push_back(v);
        expected[std::string(toString(code))] = 1;
    }
    EXPECT_EQ(build(visits).deferralsByReason, expected);
}

TEST(DayReport, ReasonMaskFromReasons) {
    const std::vector<Reason> reasons{
        {ReasonCode::Fever, Outcome::Defer, "38.0", "en", "zh"},
        {ReasonCode::ContraindicationUnsure, Outcome::StaffReview, "lymphoma", "en", "zh"},
        {ReasonCode::ContraindicationUnsure, Outcome::StaffReview, "neurological", "en", "zh"},
    };
    EXPECT_EQ(reasonMask(reasons), (1u << 6) | (1u << 9));
    EXPECT_EQ(reasonMask({}), 0u);
    EXPECT_EQ(reasonBit(ReasonCode::HealthCodeNotChecked), 1u);
    EXPECT_EQ(reasonBit(ReasonCode::BoosterTooEarly), 1u << 20);
}

// --- age bands ---------------------------------------------------------------------------

TEST(DayReport, AgeBandLabelsInOrder) {
    const DayReport r = build({});
    std::vector<std::string> labels;
    std::vector<int> starts;
    for (const auto& b : r.ageBands) {
        labels.push_back(b.label);
        starts.push_back(b.minAge);
    }
    EXPECT_EQ(labels, (std::vector<std::string>{"<18", "18-29", "30-39", "40-49", "50-59", "60-69",
                                                "70-79", "80+"}));
    EXPECT_EQ(starts, (std::vector<int>{0, 18, 30, 40, 50, 60, 70, 80}));
}

TEST(DayReport, AgesLandInTheirBands) {
    std::vector<VisitSummary> visits;
    for (const int age : {17, 18, 29, 30, 59, 60, 79, 80, 95}) {
        VisitSummary v = visit(Outcome::Proceed, Stage::Waiting);
        v.age = age;
        visits.push_back(v);
    }
    const std::map<std::string, int> expected{
        {"<18", 1},   {"18-29", 2}, {"30-39", 1}, {"40-49", 0},
        {"50-59", 1}, {"60-69", 1}, {"70-79", 1}, {"80+", 2},
    };
    EXPECT_EQ(bandCheckIns(build(visits)), expected);
}

TEST(DayReport, AgeBandProceedsAndDeferrals) {
    VisitSummary young = visit(Outcome::Defer, Stage::Deferred);
    young.age = 17;
    VisitSummary adultProceed = visit(Outcome::Proceed, Stage::Exited);
    adultProceed.age = 25;
    VisitSummary adultStaffDeferred = visit(Outcome::StaffReview, Stage::Deferred);
    adultStaffDeferred.age = 20;
    adultStaffDeferred.deferredByStaff = true;
    VisitSummary adultReview = visit(Outcome::StaffReview, Stage::Waiting);
    adultReview.age = 29;

    const DayReport r = build({young, adultProceed, adultStaffDeferred, adultReview});
    const auto* under18 = band(r, "<18");
    const auto* adults = band(r, "18-29");
    ASSERT_NE(under18, nullptr);
    ASSERT_NE(adults, nullptr);
    EXPECT_EQ(under18->checkIns, 1);
    EXPECT_EQ(under18->proceeds, 0);
    EXPECT_EQ(under18->deferrals, 1);
    EXPECT_EQ(adults->checkIns, 3);
    EXPECT_EQ(adults->proceeds, 1);
    EXPECT_EQ(adults->deferrals, 1);
}

// --- campaign steps and stages -----------------------------------------------------------

TEST(DayReport, CampaignStepCountsWithEmptyKeyForNone) {
    VisitSummary a = visit(Outcome::Proceed, Stage::Waiting);
    a.campaignStep = "adults";
    VisitSummary e = visit(Outcome::StaffReview, Stage::Waiting);
    e.campaignStep = "elderly";
    VisitSummary none = visit(Outcome::Defer, Stage::Deferred);
    const DayReport r = build({a, a, e, none});
    const std::map<std::string, int> expected{{"adults", 2}, {"elderly", 1}, {"", 1}};
    EXPECT_EQ(r.checkInsByCampaignStep, expected);
}

TEST(DayReport, CountsVisitsByCurrentStage) {
    const DayReport r = build({
        visit(Outcome::Proceed, Stage::Waiting),
        visit(Outcome::Proceed, Stage::Waiting),
        visit(Outcome::Proceed, Stage::Observing),
        visit(Outcome::Proceed, Stage::AdverseReaction),
        visit(Outcome::Proceed, Stage::LeftEarly),
        visit(Outcome::StaffReview, Stage::CheckedIn),
        visit(Outcome::Defer, Stage::Deferred),
    });
    std::array<int, kStageCount> expected{};
    expected[std::size_t(Stage::Waiting)] = 2;
    expected[std::size_t(Stage::Observing)] = 1;
    expected[std::size_t(Stage::AdverseReaction)] = 1;
    expected[std::size_t(Stage::LeftEarly)] = 1;
    expected[std::size_t(Stage::CheckedIn)] = 1;
    expected[std::size_t(Stage::Deferred)] = 1;
    EXPECT_EQ(r.byStage, expected);
}

// --- queue wait --------------------------------------------------------------------------

TEST(DayReport, WaitFigures) {
    // Eleven waits of 10..110 s, added out of order; queued at different times of day.
    std::vector<VisitSummary> visits;
    for (const int seconds : {70, 10, 110, 50, 30, 90, 20, 100, 40, 80, 60}) {
        const std::int64_t queued = 1'000'000 + std::int64_t(seconds) * 7'000;
        visits.push_back(waited(queued, queued + std::int64_t(seconds) * 1000));
    }
    // Not called yet, or called without a known queue time: not counted.
    VisitSummary notCalled = visit(Outcome::Proceed, Stage::Waiting);
    notCalled.queuedAtMs = 5'000;
    visits.push_back(notCalled);
    VisitSummary noQueueTime = visit(Outcome::Proceed, Stage::Called);
    noQueueTime.calledAtMs = 9'000'000;
    visits.push_back(noQueueTime);

    const DayReport r = build(visits);
    EXPECT_EQ(r.wait.called, 11);
    EXPECT_DOUBLE_EQ(r.wait.medianS, 60.0);
    EXPECT_DOUBLE_EQ(r.wait.p90S, 100.0);
    EXPECT_DOUBLE_EQ(r.wait.maxS, 110.0);
}

TEST(DayReport, WaitKeepsMilliseconds) {
    const DayReport r = build({waited(0, 1'500), waited(10'000, 12'250), waited(0, 750)});
    EXPECT_EQ(r.wait.called, 3);
    EXPECT_DOUBLE_EQ(r.wait.medianS, 1.5);
    EXPECT_DOUBLE_EQ(r.wait.maxS, 2.25);
}

TEST(DayReport, EvenCountInterpolatesTheMedian) {
    const DayReport r = build({waited(0, 10'000), waited(0, 20'000)});
    EXPECT_DOUBLE_EQ(r.wait.medianS, 15.0);
    EXPECT_DOUBLE_EQ(r.wait.p90S, 19.0);
}

TEST(DayReport, SingleWait) {
    const DayReport r = build({waited(1'000, 43'000)});
    EXPECT_EQ(r.wait.called, 1);
    EXPECT_DOUBLE_EQ(r.wait.medianS, 42.0);
    EXPECT_DOUBLE_EQ(r.wait.p90S, 42.0);
    EXPECT_DOUBLE_EQ(r.wait.maxS, 42.0);
}

TEST(DayReport, EmptyReport) {
    const DayReport r = build({}, "2026-12-01");
    EXPECT_EQ(r.date, "2026-12-01");
    EXPECT_EQ(r.checkIns, 0);
    EXPECT_EQ(r.proceeds, 0);
    EXPECT_EQ(r.staffReviews, 0);
    EXPECT_EQ(r.deferrals, 0);
    EXPECT_EQ(r.fevers, 0);
    EXPECT_EQ(r.deferredInTheEnd, 0);
    EXPECT_TRUE(r.deferralsByReason.empty());
    EXPECT_TRUE(r.checkInsByCampaignStep.empty());
    EXPECT_EQ(r.ageBands.size(), 8u);
    for (const auto& b : r.ageBands) {
        EXPECT_EQ(b.checkIns, 0) << b.label;
    }
    EXPECT_EQ(r.byStage, (std::array<int, kStageCount>{}));
    EXPECT_EQ(r.wait.called, 0);
    EXPECT_EQ(r.wait.medianS, 0.0);
    EXPECT_EQ(r.wait.p90S, 0.0);
    EXPECT_EQ(r.wait.maxS, 0.0);
}

// --- formatting --------------------------------------------------------------------------

DayReport sampleReport() {
    VisitSummary fever = visit(Outcome::Defer, Stage::Deferred);
    fever.fever = true;
    fever.reasonMask = reasonBit(ReasonCode::Fever);
    fever.age = 45;
    VisitSummary adult = waited(0, 60'000);
    adult.stage = Stage::Exited;
    adult.campaignStep = "adults";
    VisitSummary review = visit(Outcome::StaffReview, Stage::CheckedIn);
    review.campaignStep = "adults";
    return build({fever, adult, review});
}

TEST(FormatReportCsv, HeaderAndDayRows) {
    const std::string csv = formatReportCsv(sampleReport());
    EXPECT_EQ(csv.substr(0, csv.find('\n')), "section,key,value");
    EXPECT_TRUE(contains(csv, "\nday,date,2026-11-25\n")) << csv;
    EXPECT_TRUE(contains(csv, "\nday,check_ins,3\n")) << csv;
    EXPECT_TRUE(contains(csv, "\nday,proceeds,1\n")) << csv;
    EXPECT_TRUE(contains(csv, "\nday,staff_reviews,1\n")) << csv;
    EXPECT_TRUE(contains(csv, "\nday,deferrals,1\n")) << csv;
    EXPECT_TRUE(contains(csv, "\nday,deferred_in_the_end,1\n")) << csv;
    EXPECT_TRUE(contains(csv, "\nday,fevers,1\n")) << csv;
}

TEST(FormatReportCsv, DetailRows) {
    const std::string csv = formatReportCsv(sampleReport());
    EXPECT_TRUE(contains(csv, "\ndeferral_reason,fever,1\n")) << csv;
    EXPECT_TRUE(contains(csv, "\nage_band_check_ins,30-39,2\n")) << csv;
    EXPECT_TRUE(contains(csv, "\nage_band_check_ins,40-49,1\n")) << csv;
    EXPECT_TRUE(contains(csv, "\nage_band_check_ins,80+,0\n")) << csv;
    EXPECT_TRUE(contains(csv, "\ncampaign_step_check_ins,adults,2\n")) << csv;
    EXPECT_TRUE(contains(csv, "\ncampaign_step_check_ins,none,1\n")) << csv;
    EXPECT_TRUE(contains(csv, "\nstage,exited,1\n")) << csv;
    EXPECT_TRUE(contains(csv, "\nstage,waiting,0\n")) << csv;
    EXPECT_TRUE(contains(csv, "\nqueue_wait_s,called,1\n")) << csv;
    EXPECT_TRUE(contains(csv, "\nqueue_wait_s,median,60.0\n")) << csv;
    EXPECT_TRUE(contains(csv, "\nqueue_wait_s,max,60.0\n")) << csv;
}

TEST(FormatReportCsv, EveryRowHasThreeColumns) {
    const std::string csv = formatReportCsv(sampleReport());
    ASSERT_FALSE(csv.empty());
    EXPECT_EQ(csv.back(), '\n');
    std::size_t start = 0;
    int rows = 0;
    while (start < csv.size()) {
        const std::size_t end = csv.find('\n', start);
        const std::string line = csv.substr(start, end - start);
        EXPECT_EQ(std::count(line.begin(), line.end(), ','), 2) << line;
        ++rows;
        start = end + 1;
    }
    // header + 7 day rows + 1 reason + 8*3 bands + 2 steps + 10 stages + 4 wait rows
    EXPECT_EQ(rows, 1 + 7 + 1 + 24 + 2 + 10 + 4);
}

TEST(FormatReportText, ContainsDateAndCounts) {
    const std::string text = formatReportText(sampleReport());
    EXPECT_TRUE(contains(text, "2026-11-25")) << text;
    EXPECT_TRUE(contains(text, "check-ins            3")) << text;
    EXPECT_TRUE(contains(text, "deferred at entry    1")) << text;
    EXPECT_TRUE(contains(text, "fevers               1")) << text;
    EXPECT_TRUE(contains(text, "fever  1")) << text;
    EXPECT_TRUE(contains(text, "(none)  1")) << text;
    EXPECT_TRUE(contains(text, "adults  2")) << text;
    EXPECT_TRUE(contains(text, "median 60.0")) << text;
}

TEST(FormatReportText, EmptyReportStillNamesTheDay) {
    const std::string text = formatReportText(build({}, "2027-01-02"));
    EXPECT_TRUE(contains(text, "2027-01-02")) << text;
    EXPECT_TRUE(contains(text, "check-ins            0")) << text;
}

}  // namespace
