#include "devices/TemperatureReader.h"

#include <gtest/gtest.h>

#include <thread>

#include "devices/OpenThermometer.h"
#include "devices/SimulatedThermometer.h"

namespace vax {
namespace {

using std::chrono::milliseconds;
using Clock = std::chrono::steady_clock;

std::unique_ptr<Thermometer> simulated(std::vector<std::string> steps, bool loop = true) {
    SimulatedOptions options;
    options.rateHz = 10;
    options.loop = loop;
    auto made = SimulatedThermometer::fromSteps(std::move(steps), options);
    EXPECT_TRUE(made) << (made ? "" : made.error().message);
    return std::move(made).value();
}

TEST(TakeMeasurement, StableReadingsAt10HzGiveTheMedianWithinAboutHalfASecond) {
    auto sensor = simulated({"36.4/24.0", "36.5/24.0", "36.6/24.0", "36.5/24.0", "36.5/24.0"});
    const auto start = Clock::now();
    const auto taken = takeMeasurement(*sensor, MeasurementSettings{}, TemperaturePolicy{});
    const auto took = Clock::now() - start;
    ASSERT_TRUE(taken);
    EXPECT_EQ(taken->measurement.outcome, MeasurementOutcome::Normal);
    EXPECT_DOUBLE_EQ(*taken->measurement.bodyC, 36.5);
    EXPECT_DOUBLE_EQ(*taken->measurement.ambientC, 24.0);
    EXPECT_EQ(taken->sensorId, "simulated:simulated");
    EXPECT_TRUE(taken->emissivity);
    EXPECT_GE(took, milliseconds{350}) << "five samples at 10 Hz cannot come faster";
}

TEST(TakeMeasurement, GarbageFromTheSensorIsASensorError) {
    auto sensor = simulated({"36.5", "garbage", "36.5"});
    const auto taken = takeMeasurement(*sensor, MeasurementSettings{}, TemperaturePolicy{});
    ASSERT_TRUE(taken);
    EXPECT_EQ(taken->measurement.outcome, MeasurementOutcome::SensorError);
    EXPECT_NE(taken->measurement.detail.find("garbage"), std::string::npos)
        << taken->measurement.detail;
}

TEST(TakeMeasurement, ASilentSensorIsASensorErrorAfterTheSilenceLimit) {
    auto sensor = simulated({"silent"});
    MeasurementSettings settings;
    settings.silenceLimit = milliseconds{600};
    const auto start = Clock::now();
    const auto taken = takeMeasurement(*sensor, settings, TemperaturePolicy{});
    ASSERT_TRUE(taken);
    EXPECT_EQ(taken->measurement.outcome, MeasurementOutcome::SensorError);
    EXPECT_GE(Clock::now() - start, milliseconds{600});
}

TEST(TakeMeasurement, AWalkAwayCancelsWithoutAResult) {
    auto sensor = simulated({"silent"});
    std::atomic<bool> cancel{false};
    std::thread walker([&] {
        std::this_thread::sleep_for(milliseconds{300});
        cancel = true;
    });
    const auto start = Clock::now();
    const auto taken =
        takeMeasurement(*sensor, MeasurementSettings{}, TemperaturePolicy{}, {}, &cancel);
    walker.join();
    EXPECT_FALSE(taken);
    EXPECT_LT(Clock::now() - start, milliseconds{1500});
}

TEST(RunTemperatureCheck, NearTheThresholdMeasuresOnceMoreAndReportsEach) {
    auto sensor = simulated({"37.1"});
    std::vector<SensorMeasurement> seen;
    const auto check =
        runTemperatureCheck(*sensor, MeasurementSettings{}, TemperaturePolicy{},
                            [&](const SensorMeasurement& m, const TemperatureCheck&) {
                                seen.push_back(m);
                                return true;
                            });
    ASSERT_TRUE(check);
    EXPECT_EQ(seen.size(), 2u);
    EXPECT_EQ(check->measurements().size(), 2u);
    EXPECT_DOUBLE_EQ(*check->input().celsius, 37.1);
}

TEST(RunTemperatureCheck, NeverStableTwiceGoesToStaffReview) {
    auto sensor = simulated({"34.0", "36.0", "35.0", "37.0"});
    const auto check =
        runTemperatureCheck(*sensor, MeasurementSettings{}, TemperaturePolicy{}, nullptr);
    ASSERT_TRUE(check);
    EXPECT_EQ(check->measurements().size(), 2u);
    EXPECT_TRUE(check->input().unstable);
}

TEST(OpenThermometer, BuildsEachConfiguredKind) {
    ThermometerConfig config;
    EXPECT_FALSE(openThermometer(config));
    config.kind = ThermometerKind::Simulated;
    config.readings = {"36.5"};
    auto sim = openThermometer(config);
    ASSERT_TRUE(sim) << sim.error().message;
    EXPECT_EQ((*sim)->sensorId(), "simulated:simulated");
    config.kind = ThermometerKind::Mlx90614;
    config.i2cBus = "/dev/i2c-77";
    auto mlx = openThermometer(config);
    ASSERT_TRUE(mlx);
    EXPECT_EQ((*mlx)->sensorId(), "mlx90614:/dev/i2c-77:0x5a");
    const auto read = (*mlx)->read(milliseconds{100});
    ASSERT_FALSE(read);
    EXPECT_EQ(read.error().kind, SensorFault::Kind::Missing);
    config.kind = ThermometerKind::Serial;
    config.port = "/dev/ttyUSB-none";
    config.lineFormat = "T=[0-9.]+";
    const auto serial = openThermometer(config);
    ASSERT_FALSE(serial);
    EXPECT_NE(serial.error().message.find("thermometer: "), std::string::npos);
}

}  // namespace
}  // namespace vax
