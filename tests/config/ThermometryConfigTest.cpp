#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "TestPaths.h"
#include "config/KioskConfig.h"

namespace vax {
namespace {

const std::string kSite = "[site]\nid = \"T-1\"\nname = \"Test\"\n";

Result<KioskConfig> parse(const std::string& text) {
    return parseKioskConfig(text, "k.toml", "/etc/vaxkiosk");
}

std::string errorOf(const std::string& text) {
    const auto result = parse(text);
    return result ? "<no error>" : result.error().message;
}

TEST(ThermometryConfig, NoThermometerAndDefaultMeasurementWhenAbsent) {
    const auto config = parse(kSite);
    ASSERT_TRUE(config) << config.error().message;
    EXPECT_EQ(config->devices.thermometer.kind, ThermometerKind::None);
    EXPECT_DOUBLE_EQ(config->measurement.stableSpreadC, 0.2);
    EXPECT_EQ(config->measurement.window.count(), 1500);
    EXPECT_EQ(config->measurement.silenceLimit.count(), 2000);
    EXPECT_DOUBLE_EQ(config->measurement.recheckBandC, 0.3);
}

TEST(ThermometryConfig, ReadsAnMlx90614) {
    const auto config = parse(kSite +
                              "[devices.thermometer]\ntype = \"mlx90614\"\n"
                              "i2c_bus = \"/dev/i2c-3\"\ni2c_address = 0x5B\n"
                              "adjust_register_0f = true\nemissivity = 0.98\n");
    ASSERT_TRUE(config) << config.error().message;
    const auto& t = config->devices.thermometer;
    EXPECT_EQ(t.kind, ThermometerKind::Mlx90614);
    EXPECT_EQ(t.i2cBus, "/dev/i2c-3");
    EXPECT_EQ(t.i2cAddress, 0x5B);
    EXPECT_TRUE(t.adjustRegister0F);
    EXPECT_DOUBLE_EQ(*t.emissivity, 0.98);
}

TEST(ThermometryConfig, ReadsASerialThermometer) {
    const auto config = parse(kSite +
                              "[devices.thermometer]\ntype = \"serial\"\n"
                              "port = \"/dev/ttyUSB1\"\nbaud = 115200\n"
                              "line_format = 'TEMP:\\s*([0-9.]+)F'\nunit = \"F\"\n"
                              "ambient_format = 'AMB:([0-9.]+)'\npoll_command = \"M\\r\\n\"\n");
    ASSERT_TRUE(config) << config.error().message;
    const auto& t = config->devices.thermometer;
    EXPECT_EQ(t.kind, ThermometerKind::Serial);
    EXPECT_EQ(t.port, "/dev/ttyUSB1");
    EXPECT_EQ(t.baud, 115200u);
    EXPECT_EQ(t.lineFormat, "TEMP:\\s*([0-9.]+)F");
    EXPECT_TRUE(t.fahrenheit);
    EXPECT_EQ(t.ambientFormat, "AMB:([0-9.]+)");
    EXPECT_EQ(t.pollCommand, "M\r\n");
}

TEST(ThermometryConfig, ReadsASimulatedThermometerWithAScriptBesideTheFile) {
    const auto config = parse(kSite +
                              "[devices.thermometer]\ntype = \"simulated\"\n"
                              "readings = [\"36.5\", \"36.6/22.5\", \"silent\"]\n"
                              "script = \"readings.txt\"\nrate_hz = 5\n");
    ASSERT_TRUE(config) << config.error().message;
    const auto& t = config->devices.thermometer;
    EXPECT_EQ(t.kind, ThermometerKind::Simulated);
    EXPECT_EQ(t.readings, (std::vector<std::string>{"36.5", "36.6/22.5", "silent"}));
    EXPECT_EQ(t.script, std::filesystem::path("/etc/vaxkiosk/readings.txt"));
    EXPECT_DOUBLE_EQ(t.rateHz, 5);
}

TEST(ThermometryConfig, ReadsEveryMeasurementKey) {
    const auto config = parse(kSite +
                              "[temperature]\nbody_offset_c = 0.7\nambient_coefficient = 0.05\n"
                              "ambient_reference_c = 24\nstable_spread_c = 0.15\n"
                              "stable_samples = 6\nwindow_ms = 2000\nsilence_limit_ms = 2500\n"
                              "recheck_band_c = 0.2\n");
    ASSERT_TRUE(config) << config.error().message;
    const auto& m = config->measurement;
    EXPECT_DOUBLE_EQ(m.bodyOffsetC, 0.7);
    EXPECT_DOUBLE_EQ(m.ambientCoefficient, 0.05);
    EXPECT_DOUBLE_EQ(m.ambientReferenceC, 24);
    EXPECT_DOUBLE_EQ(m.stableSpreadC, 0.15);
    EXPECT_EQ(m.stableSamples, 6);
    EXPECT_EQ(m.window.count(), 2000);
    EXPECT_EQ(m.silenceLimit.count(), 2500);
    EXPECT_DOUBLE_EQ(m.recheckBandC, 0.2);
}

TEST(ThermometryConfig, BadValuesNameTheLineAndKey) {
    const std::string head = kSite + "[devices.thermometer]\n";  // thermometer keys on line 5
    struct Case {
        std::string body;
        std::string expected;
    };
    const std::vector<Case> cases{
        {"type = \"ir\"\n",
         "k.toml:5: devices.thermometer.type: must be one of mlx90614, serial, simulated, got "
         "\"ir\""},
        {"type = \"mlx90614\"\ni2c_bus = \"/dev/ttyS0\"\n",
         "k.toml:6: devices.thermometer.i2c_bus: must be /dev/i2c-N, got \"/dev/ttyS0\""},
        {"type = \"mlx90614\"\ni2c_address = 0x80\n", "k.toml:6: devices.thermometer.i2c_address"},
        {"type = \"mlx90614\"\nemissivity = 1.2\n", "k.toml:6: devices.thermometer.emissivity"},
        {"type = \"serial\"\n", "k.toml:4: devices.thermometer.port: "},
        {"type = \"serial\"\nport = \"/dev/ttyUSB0\"\nline_format = \"T=[0-9.]+\"\n",
         "k.toml:7: devices.thermometer.line_format: must have exactly one capture group (the "
         "number), got 0"},
        {"type = \"serial\"\nport = \"/dev/ttyUSB0\"\nline_format = \"T=([0-9.]+\"\n",
         "k.toml:7: devices.thermometer.line_format: is not a valid regular expression"},
        {"type = \"serial\"\nport = \"/dev/ttyUSB0\"\nunit = \"K\"\n",
         "k.toml:7: devices.thermometer.unit: must be \"C\" or \"F\", got \"K\""},
        {"type = \"serial\"\nport = \"/dev/ttyUSB0\"\nbaud = 14400\n",
         "k.toml:7: devices.thermometer.baud: must be one of 1200"},
        {"type = \"simulated\"\n",
         "k.toml:4: devices.thermometer.readings: a simulated thermometer needs \"readings\" or "
         "\"script\""},
        {"type = \"simulated\"\nreadings = [\"36.5\", \"hot\"]\n",
         "k.toml:6: devices.thermometer.readings[1]: must be a reading"},
        {"type = \"simulated\"\nreadings = []\n",
         "k.toml:6: devices.thermometer.readings: must list at least one step"},
        {"type = \"simulated\"\nreadings = [\"36.5\"]\nvoltage = 5\n",
         "k.toml:7: devices.thermometer.voltage: unknown key"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.body);
        const std::string message = errorOf(head + c.body);
        EXPECT_EQ(message.rfind(c.expected, 0), 0u) << c.expected << "\n" << message;
    }
    EXPECT_NE(
        errorOf(kSite + "[temperature]\nwindow_ms = 100\n").find("k.toml:5: temperature.window_ms"),
        std::string::npos);
    EXPECT_NE(
        errorOf(kSite + "[temperature]\nstable_samples = 2\n").find("temperature.stable_samples"),
        std::string::npos);
}

TEST(ThermometryConfig, TheExampleConfiguresTheDemoThermometerAndDocumentsTheOthers) {
    const auto config =
        loadKioskConfig(std::filesystem::path(test::kSourceDir) / "config" / "kiosk.example.toml");
    ASSERT_TRUE(config) << config.error().message;
    EXPECT_EQ(config->devices.thermometer.kind, ThermometerKind::Simulated);
    EXPECT_FALSE(config->devices.thermometer.readings.empty());
}

}  // namespace
}  // namespace vax
