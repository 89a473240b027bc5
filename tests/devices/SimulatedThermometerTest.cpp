#include "devices/SimulatedThermometer.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "support/TempDir.h"

namespace vax {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;
using Kind = SensorFault::Kind;

// Fast enough that sequence tests do not wait on the sensor's pace.
SimulatedOptions fast(bool loop = true) {
    SimulatedOptions o;
    o.rateHz = 1000;
    o.loop = loop;
    return o;
}

std::unique_ptr<SimulatedThermometer> make(std::vector<std::string> steps,
                                           SimulatedOptions options) {
    auto created = SimulatedThermometer::fromSteps(std::move(steps), std::move(options));
    EXPECT_TRUE(created) << created.error().message;
    return created ? std::move(*created) : nullptr;
}

TEST(SimulatedThermometerTest, StepsPlayInOrderIncludingFaults) {
    auto thermometer = make({"36.5", "36.6/22.0", "garbage", "flag", "missing", "silent"}, fast());
    ASSERT_TRUE(thermometer);
    EXPECT_EQ(thermometer->health().state, DeviceState::Missing);  // before the first read

    auto got = thermometer->read(1s);
    ASSERT_TRUE(got);
    EXPECT_DOUBLE_EQ(got->objectC, 36.5);
    EXPECT_EQ(got->ambientC, 25.0);
    EXPECT_EQ(thermometer->health().state, DeviceState::Ok);

    got = thermometer->read(1s);
    ASSERT_TRUE(got);
    EXPECT_DOUBLE_EQ(got->objectC, 36.6);
    EXPECT_EQ(got->ambientC, 22.0);

    got = thermometer->read(1s);
    ASSERT_FALSE(got);
    EXPECT_EQ(got.error().kind, Kind::Garbage);
    EXPECT_EQ(thermometer->health().state, DeviceState::Degraded);

    got = thermometer->read(1s);
    ASSERT_FALSE(got);
    EXPECT_EQ(got.error().kind, Kind::SensorFlag);
    EXPECT_EQ(thermometer->health().state, DeviceState::Degraded);

    got = thermometer->read(1s);
    ASSERT_FALSE(got);
    EXPECT_EQ(got.error().kind, Kind::Missing);
    EXPECT_EQ(thermometer->health().state, DeviceState::Missing);

    const auto before = Clock::now();
    got = thermometer->read(150ms);
    EXPECT_GE(Clock::now() - before, 150ms);  // a silent sensor lets the whole timeout pass
    ASSERT_FALSE(got);
    EXPECT_EQ(got.error().kind, Kind::Silent);
    EXPECT_EQ(thermometer->health().state, DeviceState::Missing);
    EXPECT_NE(thermometer->health().message.find("step 6"), std::string::npos)
        << thermometer->health().message;

    got = thermometer->read(1s);  // looped back to the start
    ASSERT_TRUE(got);
    EXPECT_DOUBLE_EQ(got->objectC, 36.5);
    EXPECT_EQ(thermometer->health().state, DeviceState::Ok);
}

TEST(SimulatedThermometerTest, LoopStartsAgainAndHoldRepeatsTheLastStep) {
    const auto objects = [](SimulatedThermometer& thermometer, int count) {
        std::vector<double> values;
        for (int i = 0; i < count; ++i) {
            const auto got = thermometer.read(1s);
            values.push_back(got ? got->objectC : -1000);
        }
        return values;
    };
    auto looping = make({"36.1", "36.2"}, fast(true));
    ASSERT_TRUE(looping);
    EXPECT_EQ(objects(*looping, 5), (std::vector<double>{36.1, 36.2, 36.1, 36.2, 36.1}));

    auto holding = make({"36.1", "36.2"}, fast(false));
    ASSERT_TRUE(holding);
    EXPECT_EQ(objects(*holding, 5), (std::vector<double>{36.1, 36.2, 36.2, 36.2, 36.2}));
}

TEST(SimulatedThermometerTest, ReadsArePacedByTheSampleRate) {
    SimulatedOptions o;
    o.rateHz = 10;
    auto thermometer = make({"36.5"}, o);
    ASSERT_TRUE(thermometer);
    const auto before = Clock::now();
    for (int i = 0; i < 10; ++i) {
        ASSERT_TRUE(thermometer->read(1s));
    }
    // Ten samples at 10 Hz span nine periods after the first; only a lower bound is safe
    // on a loaded machine.
    EXPECT_GE(Clock::now() - before, 850ms);
}

TEST(SimulatedThermometerTest, TimeoutShorterThanTheSamplePeriodIsSilent) {
    SimulatedOptions o;
    o.rateHz = 2;  // a sample every 500 ms
    auto thermometer = make({"36.5", "36.6"}, o);
    ASSERT_TRUE(thermometer);
    ASSERT_TRUE(thermometer->read(1s));  // the first sample is there at once

    auto got = thermometer->read(50ms);
    ASSERT_FALSE(got);
    EXPECT_EQ(got.error().kind, Kind::Silent);

    got = thermometer->read(1s);  // the step was not used up by the silent read
    ASSERT_TRUE(got);
    EXPECT_DOUBLE_EQ(got->objectC, 36.6);
}

TEST(SimulatedThermometerTest, BadStepsAreRefusedWithTheirNumber) {
    const auto errorOf = [](std::vector<std::string> steps, SimulatedOptions o = {}) {
        auto created = SimulatedThermometer::fromSteps(std::move(steps), std::move(o));
        return created ? std::string() : created.error().message;
    };
    EXPECT_NE(errorOf({"36.5", "hot"}).find("step 2: unknown step \"hot\""), std::string::npos)
        << errorOf({"36.5", "hot"});
    EXPECT_NE(errorOf({"36.5x"}).find("step 1: \"36.5x\" is not a temperature"), std::string::npos)
        << errorOf({"36.5x"});
    EXPECT_NE(errorOf({"36.5/abc"}).find("step 1: ambient"), std::string::npos);
    EXPECT_NE(errorOf({"36.5", "200"}).find("step 2: temperature 200 is outside"),
              std::string::npos);
    EXPECT_NE(errorOf({}).find("no steps"), std::string::npos);
    SimulatedOptions o;
    o.rateHz = 0;
    EXPECT_NE(errorOf({"36.5"}, o).find("rateHz"), std::string::npos);
    EXPECT_EQ(errorOf({" 36.5 ", "-5/-10.5", "silent", "garbage", "flag", "missing"}), "");
}

TEST(SimulatedThermometerTest, ScriptFileIgnoresCommentsAndBlankLines) {
    test::TempDir dir;
    const auto path = dir / "fever.txt";
    std::ofstream(path) << "# a visitor with a fever, then the sensor is unplugged\n"
                           "\n"
                           "36.5/21.0   # first reading\n"
                           "   \n"
                           "38.9\n"
                           "missing\n";
    auto created = SimulatedThermometer::fromFile(path, fast(false));
    ASSERT_TRUE(created) << created.error().message;
    SimulatedThermometer& thermometer = **created;

    auto got = thermometer.read(1s);
    ASSERT_TRUE(got);
    EXPECT_DOUBLE_EQ(got->objectC, 36.5);
    EXPECT_EQ(got->ambientC, 21.0);
    got = thermometer.read(1s);
    ASSERT_TRUE(got);
    EXPECT_DOUBLE_EQ(got->objectC, 38.9);
    got = thermometer.read(1s);
    ASSERT_FALSE(got);
    EXPECT_EQ(got.error().kind, Kind::Missing);
}

TEST(SimulatedThermometerTest, ScriptFileErrorsNameFileAndLine) {
    test::TempDir dir;
    const auto path = dir / "bad.txt";
    std::ofstream(path) << "# header\n"
                           "36.5\n"
                           "\n"
                           "36.6 / warm\n";
    auto created = SimulatedThermometer::fromFile(path);
    ASSERT_FALSE(created);
    EXPECT_EQ(created.error().message.rfind(path.string() + ":4: ambient", 0), 0u)
        << created.error().message;

    const auto empty = dir / "empty.txt";
    std::ofstream(empty) << "# nothing here\n\n";
    created = SimulatedThermometer::fromFile(empty);
    ASSERT_FALSE(created);
    EXPECT_NE(created.error().message.find("no steps"), std::string::npos);

    created = SimulatedThermometer::fromFile(dir / "absent.txt");
    ASSERT_FALSE(created);
    EXPECT_NE(created.error().message.find("absent.txt: cannot open"), std::string::npos)
        << created.error().message;
}

TEST(SimulatedThermometerTest, IdentifiesItselfWithNominalEmissivity) {
    SimulatedOptions o = fast();
    o.id = "demo";
    auto thermometer = make({"36.5"}, o);
    ASSERT_TRUE(thermometer);
    EXPECT_EQ(thermometer->sensorId(), "simulated:demo");
    EXPECT_EQ(thermometer->emissivity(), 0.98);
}

}  // namespace
}  // namespace vax
