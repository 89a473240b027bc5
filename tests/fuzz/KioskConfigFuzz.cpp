// libFuzzer target for the kiosk's TOML config: the file is edited by hand on site, so reading
// it may not crash on any text, and a config it accepts must hold every value within the
// documented ranges (config/kiosk.example.toml).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "FuzzRequire.h"
#include "config/KioskConfig.h"

namespace {

using namespace vax;

using fuzz::require;

bool within(double value, double low, double high) {
    return value >= low && value <= high;
}

void checkPolicy(const Policy& policy) {
    const TemperaturePolicy& t = policy.temperature;
    require(within(t.validMinC, 20, 40) && within(t.validMaxC, 20, 45));
    require(within(t.feverThresholdC, 35, 42));
    require(t.validMaxC > t.validMinC && within(t.feverThresholdC, t.validMinC, t.validMaxC));
    require(within(policy.observationMinutes, 1, 240));
    const AgePolicy& age = policy.age;
    require(within(age.minAge, 0, 120));
    for (const auto& bound : {age.maxAge, age.doctorReviewFromAge}) {
        require(!bound || (*bound >= age.minAge && *bound <= 150));
    }
    for (const Product& product : policy.products) {
        require(within(product.seriesDoses, 1, 5) && within(product.dosesPerPack, 1, 20));
        require(!product.boosterMinDays || within(*product.boosterMinDays, 1, 3650));
    }
    for (const CampaignStep& step : policy.campaignSteps) {
        require(within(step.minAge, 0, 150));
        require(!step.maxAge || within(*step.maxAge, 0, 150));
    }
}

void checkConfig(const KioskConfig& config) {
    require(!config.site.id.empty() && !config.site.name.empty());
    checkPolicy(config.policy);
    const DeviceConfig& devices = config.devices;
    require(within(devices.cameraWidth, 160, 4096) && within(devices.cameraHeight, 120, 4096));
    require(within(devices.cameraFps, 1, 120));
    const ThermometerConfig& thermometer = devices.thermometer;
    require(within(thermometer.i2cAddress, 0x08, 0x77));
    require(!thermometer.emissivity || within(*thermometer.emissivity, 0.1, 1.0));
    require(within(thermometer.rateHz, 0.5, 100));
    require(within(config.scanning.confirmWindowMs, 50, 5000));
    require(within(config.scanning.debounceMs, 0, 60000));
    for (const TokenPattern& token : config.scanning.rules.healthCodeTokens) {
        require(token.minLength >= 1 && token.maxLength >= token.minLength);
    }
    const MeasurementSettings& m = config.measurement;
    require(within(m.bodyOffsetC, -3, 3) && within(m.ambientCoefficient, 0, 0.5));
    require(within(m.ambientReferenceC, 0, 40) && within(m.stableSpreadC, 0.05, 1.0));
    require(within(m.stableSamples, 3, 50) && within(double(m.window.count()), 300, 10000));
    require(within(double(m.silenceLimit.count()), 500, 10000));
    require(within(m.recheckBandC, 0, 1));
    const NetworkConfig& network = config.network;
    require(within(network.offlineMaxAgeSeconds, 30, 3600));
    require(within(network.statusMaxAgeHours, 1, 168));
    require(within(network.uploadBatch, 1, 5000));
    for (const StaffMember& member : config.staff) {
        require(!member.id.empty() && !member.pinHash.empty());
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    // Relative paths resolve against this folder; nothing is opened while parsing.
    const auto config = parseKioskConfig(text, "fuzz.toml", "/nonexistent");
    if (!config) {
        // Errors name the document so a person can find the line.
        require(config.error().message.rfind("fuzz.toml", 0) == 0);
        return 0;
    }
    checkConfig(*config);
    return 0;
}
