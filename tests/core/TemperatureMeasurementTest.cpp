#include "core/TemperatureMeasurement.h"

#include <gtest/gtest.h>

#include <cmath>

namespace vax {
namespace {

using std::chrono::milliseconds;

// Feeds `values` at 10 Hz (100 ms apart) from 100 ms on; stops when the session is done.
std::optional<TemperatureMeasurement> feed(MeasurementSession& session,
                                           const std::vector<double>& values,
                                           std::optional<double> ambient = 25.0) {
    milliseconds at{0};
    for (double value : values) {
        at += milliseconds{100};
        session.addSample(at, value, ambient);
        if (auto result = session.result(at)) {
            return result;
        }
    }
    return session.result(at);
}

MeasurementSession session(MeasurementSettings settings = {}) {
    return MeasurementSession(settings, TemperaturePolicy{});
}

TEST(MeasurementSession, FiveStableSamplesEndEarlyWithTheirMedian) {
    auto s = session();
    const auto m = feed(s, {36.4, 36.5, 36.6, 36.5, 36.5, 36.9});
    ASSERT_TRUE(m);
    EXPECT_EQ(m->outcome, MeasurementOutcome::Normal);
    EXPECT_DOUBLE_EQ(*m->bodyC, 36.5);
    EXPECT_EQ(m->samplesUsed, 5);
    EXPECT_EQ(m->elapsed, milliseconds{500});
    EXPECT_NEAR(m->spreadC, 0.2, 1e-9);
}

TEST(MeasurementSession, SpreadJustOverTheLimitIsNotStable) {
    auto s = session();
    const auto m = feed(s, {36.40, 36.61, 36.40, 36.61, 36.40});
    EXPECT_FALSE(m) << "a spread of 0.21 C must not count as stable";
}

TEST(MeasurementSession, WindowEndTakesTheLongestStableRun) {
    auto s = session();
    // Person moves in, settles for 4 samples, moves again: the 4 give the result at 1.5 s.
    std::vector<double> values{33.0, 34.5, 36.3, 36.4, 36.3, 36.4, 35.0, 36.0,
                               34.0, 36.8, 35.5, 36.9, 34.2, 36.1, 35.0};
    const auto m = feed(s, values);
    ASSERT_TRUE(m);
    EXPECT_EQ(m->outcome, MeasurementOutcome::Normal);
    EXPECT_EQ(m->samplesUsed, 4);
    EXPECT_DOUBLE_EQ(*m->bodyC, 36.35);
    EXPECT_EQ(m->elapsed, milliseconds{1500});
}

TEST(MeasurementSession, NeverStableAsksToMeasureAgain) {
    auto s = session();
    const auto m = feed(s, {34.0, 36.0, 35.0, 37.0, 34.5, 36.5, 35.5, 37.5, 34.0, 36.0, 35.0, 37.0,
                            34.5, 36.5, 35.5});
    ASSERT_TRUE(m);
    EXPECT_EQ(m->outcome, MeasurementOutcome::MeasureAgain);
    EXPECT_FALSE(m->bodyC);
    EXPECT_NE(m->detail.find("never stable"), std::string::npos);
}

TEST(MeasurementSession, FeverAtTheThresholdExactly) {
    auto s = session();
    const auto m = feed(s, {37.3, 37.3, 37.3, 37.3, 37.3});
    ASSERT_TRUE(m);
    EXPECT_EQ(m->outcome, MeasurementOutcome::Fever);
    auto below = session();
    EXPECT_EQ(feed(below, {37.2, 37.2, 37.2, 37.2, 37.2})->outcome, MeasurementOutcome::Normal);
}

TEST(MeasurementSession, OutOfRangeReadingsAskToMeasureAgain) {
    auto cold = session();
    const auto m = feed(cold, {29.9, 29.9, 29.9, 29.9, 29.9});
    ASSERT_TRUE(m);
    EXPECT_EQ(m->outcome, MeasurementOutcome::MeasureAgain);
    EXPECT_NE(m->detail.find("out of range"), std::string::npos);
    auto hot = session();
    EXPECT_EQ(feed(hot, {43.1, 43.1, 43.1, 43.1, 43.1})->outcome, MeasurementOutcome::MeasureAgain);
    auto edge = session();
    EXPECT_EQ(feed(edge, {30.0, 30.0, 30.0, 30.0, 30.0})->outcome, MeasurementOutcome::Normal);
}

TEST(MeasurementSession, OffsetAndAmbientCompensationAreAppliedAndRecorded) {
    MeasurementSettings settings;
    settings.bodyOffsetC = 0.8;
    settings.ambientCoefficient = 0.05;
    settings.ambientReferenceC = 25.0;
    auto s = session(settings);
    const auto m = feed(s, {35.6, 35.6, 35.6, 35.6, 35.6}, 15.0);
    ASSERT_TRUE(m);
    EXPECT_DOUBLE_EQ(*m->rawObjectC, 35.6);
    EXPECT_DOUBLE_EQ(*m->ambientC, 15.0);
    EXPECT_DOUBLE_EQ(m->offsetC, 0.8);
    EXPECT_DOUBLE_EQ(m->ambientCorrectionC, 0.5);
    EXPECT_DOUBLE_EQ(*m->bodyC, 36.9);
}

TEST(MeasurementSession, SilenceBeyondTheLimitIsASensorError) {
    auto s = session();
    EXPECT_FALSE(s.result(milliseconds{1000}));
    EXPECT_FALSE(s.result(milliseconds{2000})) << "2.0 s of silence is still within the limit";
    const auto m = s.result(milliseconds{2001});
    ASSERT_TRUE(m);
    EXPECT_EQ(m->outcome, MeasurementOutcome::SensorError);
    EXPECT_NE(m->detail.find("no reading"), std::string::npos);
}

TEST(MeasurementSession, SilenceAfterUnstableSamplesCountsFromTheLastGoodOne) {
    auto s = session();
    s.addSample(milliseconds{100}, 36.0, std::nullopt);
    s.addSample(milliseconds{200}, 36.9, std::nullopt);
    EXPECT_EQ(s.result(milliseconds{1600})->outcome, MeasurementOutcome::MeasureAgain)
        << "at the window's end two unstable samples ask to measure again";
}

TEST(MeasurementSession, AFaultEndsItAsASensorErrorWithTheMessage) {
    auto s = session();
    s.addSample(milliseconds{100}, 36.5, 25.0);
    s.addFault(milliseconds{200}, "PEC mismatch");
    const auto m = s.result(milliseconds{200});
    ASSERT_TRUE(m);
    EXPECT_EQ(m->outcome, MeasurementOutcome::SensorError);
    EXPECT_FALSE(m->bodyC);
    EXPECT_NE(m->detail.find("PEC mismatch"), std::string::npos);
}

TEST(MeasurementSession, NotANumberIsAFault) {
    auto s = session();
    s.addSample(milliseconds{100}, std::nan("1"), 25.0);
    EXPECT_EQ(s.result(milliseconds{100})->outcome, MeasurementOutcome::SensorError);
}

TemperatureMeasurement measured(MeasurementOutcome outcome, std::optional<double> body) {
    TemperatureMeasurement m;
    m.outcome = outcome;
    m.bodyC = body;
    return m;
}

// The entry decision for an adult with a green code and this temperature result.
Decision decideWith(TemperatureInput temperature) {
    const CivilDate today = *CivilDate::fromYmd(2026, 11, 25);
    CheckInFacts facts{HealthCodeStatus::Green,         temperature,  Answers{},
                       *CivilDate::fromYmd(1980, 1, 1), std::nullopt, today};
    return decideCheckIn(facts, Policy{});
}

TemperatureCheck check() {
    return TemperatureCheck(MeasurementSettings{}, TemperaturePolicy{});
}

TEST(TemperatureCheck, ANormalReadingIsDoneAtOnce) {
    auto c = check();
    EXPECT_EQ(c.next(), TemperatureStep::Measure);
    EXPECT_EQ(c.record(measured(MeasurementOutcome::Normal, 36.5)), TemperatureStep::Done);
    EXPECT_DOUBLE_EQ(*c.input().celsius, 36.5);
}

TEST(TemperatureCheck, WithinTheRecheckBandIsMeasuredOnceMore) {
    auto c = check();
    EXPECT_EQ(c.record(measured(MeasurementOutcome::Normal, 37.0)), TemperatureStep::Measure);
    EXPECT_TRUE(c.recheckNearThreshold());
    EXPECT_EQ(c.record(measured(MeasurementOutcome::Normal, 37.1)), TemperatureStep::Done)
        << "only one automatic recheck";
    EXPECT_DOUBLE_EQ(*c.input().celsius, 37.1);
    EXPECT_EQ(c.measurements().size(), 2u);
}

TEST(TemperatureCheck, RecheckBandEdges) {
    auto justBelow = check();
    EXPECT_EQ(justBelow.record(measured(MeasurementOutcome::Normal, 36.99)), TemperatureStep::Done);
    auto atEdge = check();
    EXPECT_EQ(atEdge.record(measured(MeasurementOutcome::Normal, 37.0)), TemperatureStep::Measure);
}

TEST(TemperatureCheck, ARecheckThatShowsFeverGivesFever) {
    auto c = check();
    c.record(measured(MeasurementOutcome::Normal, 37.2));
    EXPECT_EQ(c.record(measured(MeasurementOutcome::Fever, 37.4)), TemperatureStep::Done);
    EXPECT_DOUBLE_EQ(*c.input().celsius, 37.4);
}

TEST(TemperatureCheck, SensorErrorGoesToStaffReviewNeverAPass) {
    auto c = check();
    EXPECT_EQ(c.record(measured(MeasurementOutcome::SensorError, std::nullopt)),
              TemperatureStep::Done);
    EXPECT_FALSE(c.input().celsius);
    const Decision d = decideWith(c.input());
    EXPECT_EQ(d.outcome, Outcome::StaffReview);
    EXPECT_TRUE(d.has(ReasonCode::TemperatureSensorError));
}

TEST(TemperatureCheck, SecondMeasureAgainGoesToStaffReview) {
    auto c = check();
    EXPECT_EQ(c.record(measured(MeasurementOutcome::MeasureAgain, std::nullopt)),
              TemperatureStep::Measure);
    EXPECT_EQ(c.record(measured(MeasurementOutcome::MeasureAgain, std::nullopt)),
              TemperatureStep::Done);
    EXPECT_TRUE(c.input().unstable);
    const Decision d = decideWith(c.input());
    EXPECT_EQ(d.outcome, Outcome::StaffReview);
    EXPECT_TRUE(d.has(ReasonCode::TemperatureImplausible));
}

TEST(TemperatureCheck, OutOfRangeTwiceHandsTheValueToTheDecision) {
    auto c = check();
    c.record(measured(MeasurementOutcome::MeasureAgain, 29.0));
    EXPECT_EQ(c.record(measured(MeasurementOutcome::MeasureAgain, 28.5)), TemperatureStep::Done);
    EXPECT_DOUBLE_EQ(*c.input().celsius, 28.5);
}

TEST(TemperatureCheck, TheRecheckIsMarkedWhicheverMeasurementItIs) {
    auto c = check();
    c.record(measured(MeasurementOutcome::MeasureAgain, std::nullopt));
    EXPECT_FALSE(c.lastWasRecheck());
    c.record(measured(MeasurementOutcome::Normal, 37.1));
    EXPECT_FALSE(c.lastWasRecheck()) << "the retry after 'measure again' is no recheck";
    c.record(measured(MeasurementOutcome::Normal, 37.0));
    EXPECT_TRUE(c.lastWasRecheck()) << "the third measurement is the recheck here";
}

TEST(TemperatureCheck, AtMostThreeMeasurements) {
    auto c = check();
    c.record(measured(MeasurementOutcome::MeasureAgain, std::nullopt));
    c.record(measured(MeasurementOutcome::Normal, 37.1));
    EXPECT_EQ(c.next(), TemperatureStep::Measure);
    EXPECT_EQ(c.record(measured(MeasurementOutcome::Normal, 37.0)), TemperatureStep::Done);
    EXPECT_EQ(c.record(measured(MeasurementOutcome::Normal, 36.0)), TemperatureStep::Done);
    EXPECT_EQ(c.measurements().size(), 3u);
}

}  // namespace
}  // namespace vax
