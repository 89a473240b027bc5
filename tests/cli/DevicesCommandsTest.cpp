#include <gtest/gtest.h>

#include <opencv2/imgcodecs.hpp>

#include "cli/VaxctlFixture.h"
#include "vision/SyntheticFrames.h"

namespace vax {
namespace {

using namespace vax::test;
using nlohmann::json;

// --- devices: probing, the thermometer, and check-in with a measured temperature ---

class DevicesTest : public VaxctlTest {
protected:
    // Replaces the first occurrence of `from` in the copied config.
    void editConfig(const std::string& from, const std::string& to) {
        const auto path = m_dir / "kiosk.toml";
        std::string text = slurp(path);
        const auto at = text.find(from);
        ASSERT_NE(at, std::string::npos) << from;
        text.replace(at, from.size(), to);
        std::ofstream(path) << text;
    }

    void useThermometerReadings(const std::string& readings) {
        editConfig(
            "readings = [\"36.4/24.0\", \"36.5/24.0\", \"36.5/24.0\", \"36.6/24.0\", "
            "\"36.5/24.0\", \"36.5/24.0\"]",
            "readings = " + readings);
    }
};

TEST_F(DevicesTest, TestProbesEveryConfiguredDeviceAndPrintsATestTicket) {
    const auto frames = m_dir / "camera";
    const auto tickets = m_dir / "tickets";
    std::filesystem::create_directories(frames);
    std::filesystem::create_directories(tickets);
    cv::imwrite((frames / "f0001.png").string(), vax::syntheticFace({640, 480}));
    editConfig("camera = \"camera:0\"", "camera = \"" + frames.string() + "\"");
    editConfig("# printer = \"tcp://printer.local:9100\"",
               "printer = \"png:" + tickets.string() + "\"");

    const CmdRun run = vaxctl({"devices", "test"});
    ASSERT_EQ(run.status, 0) << run.out << run.err;
    const json out = run.parsed();
    EXPECT_TRUE(out["all_ok"].get<bool>());
    ASSERT_EQ(out["devices"].size(), 3u);
    EXPECT_EQ(out["devices"][0]["device"], "camera");
    EXPECT_EQ(out["devices"][0]["frame"]["width"], 640);
    EXPECT_EQ(out["devices"][1]["device"], "thermometer");
    EXPECT_EQ(out["devices"][1]["readings"].size(), 3u);
    EXPECT_EQ(out["devices"][1]["sensor"], "simulated:simulated");
    EXPECT_EQ(out["devices"][2]["device"], "printer");
    EXPECT_TRUE(out["devices"][2]["printed"].get<bool>());
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(tickets), {}), 1);

    EXPECT_EQ(vaxctl({"devices", "test", "--no-print"}).status, 0);
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(tickets), {}), 1)
        << "--no-print prints nothing";
}

TEST_F(DevicesTest, TestFailsAndSaysWhyWhenDevicesAreGone) {
    editConfig("camera = \"camera:0\"", "camera = \"" + (m_dir / "no-such-folder").string() + "\"");
    useThermometerReadings("[\"missing\"]");
    editConfig("# printer = \"tcp://printer.local:9100\"", "printer = \"tcp://127.0.0.1:9\"");
    const CmdRun run = vaxctl({"devices", "test"});
    EXPECT_EQ(run.status, 1) << run.out << run.err;
    const json out = run.parsed();
    EXPECT_FALSE(out["all_ok"].get<bool>());
    for (const json& device : out["devices"]) {
        EXPECT_EQ(device["state"], "missing") << device.dump();
        EXPECT_FALSE(device["message"].get<std::string>().empty());
    }
}

TEST_F(DevicesTest, ThermometerReadsAndMeasuresAndOnlyAnMlx90614TakesAnEmissivity) {
    const CmdRun read = vaxctl({"devices", "thermometer", "--read", "2", "--measure"});
    ASSERT_EQ(read.status, 0) << read.err;
    const json out = read.parsed();
    EXPECT_EQ(out["reads"].size(), 2u);
    EXPECT_EQ(out["measurement"]["result"], "normal");
    EXPECT_DOUBLE_EQ(out["measurement"]["body_c"].get<double>(), 36.5);

    const CmdRun simulated = vaxctl({"devices", "thermometer", "--set-emissivity", "0.98"});
    EXPECT_EQ(simulated.status, 2);
    EXPECT_NE(simulated.err.find("needs an MLX90614"), std::string::npos) << simulated.err;

    editConfig("type = \"simulated\"", "type = \"mlx90614\"\ni2c_bus = \"/dev/i2c-99\"");
    const CmdRun absent = vaxctl({"devices", "thermometer", "--set-emissivity", "0.98"});
    EXPECT_EQ(absent.status, 1);
    EXPECT_NE(absent.err.find("emissivity not written"), std::string::npos) << absent.err;
    EXPECT_EQ(vaxctl({"devices", "thermometer", "--set-emissivity", "1.5"}).status, 2);
}

TEST_F(DevicesTest, CheckInMeasuresTwiceNearTheThresholdAndJournalsBoth) {
    ASSERT_EQ(vaxctl({"keys", "init"}).status, 0);
    useThermometerReadings("[\"37.1/23.0\"]");
    const CmdRun run =
        vaxctl({"checkin", "--id", kAdult, "--measure", "--answers", "n,n,n,n,n,n,n,n,n",
                "--health", "green", "--at", "2026-11-25 09:00"});
    ASSERT_EQ(run.status, 0) << run.err;
    const json out = run.parsed();
    EXPECT_EQ(out["decision"]["outcome"], "proceed");
    EXPECT_DOUBLE_EQ(out["temperature"]["celsius"].get<double>(), 37.1);
    ASSERT_EQ(out["temperature"]["measurements"].size(), 2u);

    const CmdRun visit = vaxctl({"visit", std::to_string(out["visit"].get<int>())});
    ASSERT_EQ(visit.status, 0) << visit.err;
    const json measured = visit.parsed()["temperature_measurements"];
    ASSERT_EQ(measured.size(), 2u);
    EXPECT_EQ(measured[0]["attempt"], 1);
    EXPECT_FALSE(measured[0]["recheck"].get<bool>());
    EXPECT_TRUE(measured[1]["recheck"].get<bool>());
    EXPECT_DOUBLE_EQ(measured[1]["raw_object_c"].get<double>(), 37.1);
    EXPECT_DOUBLE_EQ(measured[1]["ambient_c"].get<double>(), 23.0);
    EXPECT_EQ(measured[1]["sensor"], "simulated:simulated");
}

TEST_F(DevicesTest, CheckInWithAFailingSensorGoesToStaffReviewNeverAPass) {
    ASSERT_EQ(vaxctl({"keys", "init"}).status, 0);
    useThermometerReadings("[\"36.5\", \"flag\"]");
    const CmdRun run =
        vaxctl({"checkin", "--id", kAdult, "--measure", "--answers", "n,n,n,n,n,n,n,n,n",
                "--health", "green", "--at", "2026-11-25 09:00"});
    ASSERT_EQ(run.status, 0) << run.err;
    const json out = run.parsed();
    EXPECT_EQ(out["decision"]["outcome"], "staff_review");
    EXPECT_EQ(out["decision"]["reasons"][0]["code"], "temperature_sensor_error");
    EXPECT_EQ(out["temperature"]["measurements"][0]["result"], "sensor-error");
    EXPECT_EQ(vaxctl({"checkin", "--id", kAdult2, "--measure", "--temp", "36.5", "--answers",
                      "n,n,n,n,n,n,n,n,n"})
                  .status,
              2)
        << "--temp and --measure exclude each other";
}

}  // namespace
}  // namespace vax
