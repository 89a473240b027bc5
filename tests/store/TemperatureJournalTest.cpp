#include <gtest/gtest.h>

#include "store/Journal.h"
#include "support/CheckIns.h"
#include "support/TempDir.h"

namespace vax {
namespace {

class TemperatureJournalTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto opened = Journal::open(m_dir / "kiosk.db");
        ASSERT_TRUE(opened) << opened.error().message;
        m_journal.emplace(std::move(opened).value());
    }

    Journal& journal() { return *m_journal; }

    static MeasurementRecord normalReading(int attempt, double body) {
        MeasurementRecord r;
        r.atMs = 1'795'000'000'000 + attempt * 2000;
        r.day = "2026-11-25";
        r.sensorId = "mlx90614:/dev/i2c-1:0x5a";
        r.emissivity = 0.98;
        r.attempt = attempt;
        r.recheck = attempt > 1;
        TemperatureMeasurement& m = r.measurement;
        m.outcome = MeasurementOutcome::Normal;
        m.bodyC = body;
        m.rawObjectC = body - 0.7;
        m.ambientC = 19.5;
        m.offsetC = 0.5;
        m.ambientCorrectionC = 0.2;
        m.samplesTaken = 7;
        m.samplesUsed = 5;
        m.spreadC = 0.15;
        m.elapsed = std::chrono::milliseconds{620};
        m.detail = "normal";
        return r;
    }

    test::TempDir m_dir;
    PersonVault m_vault{SiteKeys::generate()};
    std::optional<Journal> m_journal;
};

TEST_F(TemperatureJournalTest, MeasurementsAreLinkedToTheirVisitWithEveryRawValue) {
    const auto first = journal().measurements().recordMeasurement(normalReading(1, 37.05));
    const auto second = journal().measurements().recordMeasurement(normalReading(2, 36.85));
    ASSERT_TRUE(first && second);
    CheckInRecord checkIn = test::makeCheckIn(m_vault, 1, Outcome::Proceed);
    checkIn.temperatureC = 36.85;
    checkIn.measurementIds = {*first, *second};
    const auto visit = journal().visits().checkIn(checkIn);
    ASSERT_TRUE(visit) << visit.error().message;

    const auto stored = journal().measurements().measurementsOf(visit->visitId);
    ASSERT_TRUE(stored) << stored.error().message;
    ASSERT_EQ(stored->size(), 2u);
    const MeasurementRecord& r = (*stored)[1].record;
    EXPECT_EQ((*stored)[1].id, *second);
    EXPECT_EQ(r.sensorId, "mlx90614:/dev/i2c-1:0x5a");
    EXPECT_DOUBLE_EQ(*r.emissivity, 0.98);
    EXPECT_EQ(r.attempt, 2);
    EXPECT_TRUE(r.recheck);
    EXPECT_EQ(r.measurement.outcome, MeasurementOutcome::Normal);
    EXPECT_DOUBLE_EQ(*r.measurement.bodyC, 36.85);
    EXPECT_DOUBLE_EQ(*r.measurement.rawObjectC, 36.15);
    EXPECT_DOUBLE_EQ(*r.measurement.ambientC, 19.5);
    EXPECT_DOUBLE_EQ(r.measurement.offsetC, 0.5);
    EXPECT_DOUBLE_EQ(r.measurement.ambientCorrectionC, 0.2);
    EXPECT_EQ(r.measurement.samplesUsed, 5);
    EXPECT_EQ(r.measurement.elapsed.count(), 620);
}

TEST_F(TemperatureJournalTest, ASensorErrorIsJournaledWithoutValues) {
    MeasurementRecord r = normalReading(1, 0);
    r.emissivity.reset();
    r.measurement = TemperatureMeasurement{};
    r.measurement.detail = "sensor error: PEC mismatch";
    const auto id = journal().measurements().recordMeasurement(r);
    ASSERT_TRUE(id);
    CheckInRecord checkIn = test::makeCheckIn(m_vault, 2, Outcome::StaffReview);
    checkIn.temperatureC.reset();
    checkIn.measurementIds = {*id};
    const auto visit = journal().visits().checkIn(checkIn);
    ASSERT_TRUE(visit);
    const auto stored = journal().measurements().measurementsOf(visit->visitId);
    ASSERT_TRUE(stored && stored->size() == 1);
    EXPECT_EQ(stored->front().record.measurement.outcome, MeasurementOutcome::SensorError);
    EXPECT_FALSE(stored->front().record.measurement.bodyC);
    EXPECT_FALSE(stored->front().record.emissivity);
    EXPECT_EQ(stored->front().record.measurement.detail, "sensor error: PEC mismatch");
}

TEST_F(TemperatureJournalTest, MeasurementsAreAppendOnly) {
    const auto id = journal().measurements().recordMeasurement(normalReading(1, 36.6));
    ASSERT_TRUE(id);
    EXPECT_FALSE(journal().database().exec("UPDATE temperature_measurements SET body_c = 36.0"));
    EXPECT_FALSE(journal().database().exec("DELETE FROM temperature_measurements"));
}

TEST_F(TemperatureJournalTest, ACheckInNamingAnUnknownMeasurementChangesNothing) {
    CheckInRecord checkIn = test::makeCheckIn(m_vault, 3, Outcome::Proceed);
    checkIn.measurementIds = {4242};
    const auto visit = journal().visits().checkIn(checkIn);
    ASSERT_FALSE(visit);
    EXPECT_NE(visit.error().message.find("4242"), std::string::npos);
    auto count = journal().database().prepare("SELECT count(*) FROM visits");
    ASSERT_TRUE(count && count->step().value());
    EXPECT_EQ(count->int64(0), 0);
}

}  // namespace
}  // namespace vax
