// vaxctl devices test | thermometer: probe the configured devices as staff would at opening
// time, read the thermometer, and write the MLX90614's emissivity.
#include <sys/stat.h>

#include <chrono>
#include <memory>
#include <thread>

#include "cli/Commands.h"
#include "cli/JsonOutput.h"
#include "devices/I2cBus.h"
#include "devices/Mlx90614.h"
#include "devices/OpenThermometer.h"
#include "devices/PrinterHealth.h"
#include "devices/PrinterProfile.h"
#include "devices/PrinterTransport.h"
#include "devices/TemperatureReader.h"
#include "vision/FrameSource.h"

namespace vax::cli {

namespace {

using nlohmann::json;
using std::chrono::milliseconds;

json healthJson(const std::string& device, const DeviceHealth& health) {
    return json{{"device", device}, {"state", toString(health.state)}, {"message", health.message}};
}

// The camera delivers a frame within a few seconds, or it is missing.
json probeCamera(const DeviceConfig& devices) {
    FileOptions files;
    files.realTime = false;
    auto source = openFrameSource(devices.camera, files);
    if (!source) {
        return healthJson("camera", {DeviceState::Missing, source.error().message});
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(3);
    while (std::chrono::steady_clock::now() < deadline) {
        if (auto frame = (*source)->next()) {
            json out = healthJson("camera", {DeviceState::Ok, (*source)->name()});
            out["frame"] = {{"width", frame->image.cols}, {"height", frame->image.rows}};
            return out;
        }
        const SourceStatus status = (*source)->status();
        if (status.state == SourceState::Failed || status.state == SourceState::Ended) {
            return healthJson("camera", toDeviceHealth(status));
        }
    }
    return healthJson("camera", toDeviceHealth((*source)->status()));
}

// Three reads: a thermometer that answers once and then fails is not ok.
json probeThermometer(const KioskConfig& config) {
    auto thermometer = openThermometer(config.devices.thermometer);
    if (!thermometer) {
        return healthJson("thermometer", {DeviceState::Missing, thermometer.error().message});
    }
    Thermometer& t = **thermometer;
    json readings = json::array();
    std::string lastFault;
    for (int i = 0; i < 3; ++i) {
        auto sample = t.read(milliseconds{1000});
        if (sample) {
            readings.push_back(
                {{"object_c", sample->objectC},
                 {"ambient_c", sample->ambientC ? json(*sample->ambientC) : json()}});
        } else {
            lastFault = std::string(toString(sample.error().kind)) + ": " + sample.error().message;
        }
    }
    DeviceHealth health = t.health();
    if (readings.size() < 3 && health.ok()) {
        health = {DeviceState::Degraded, lastFault};
    }
    json out = healthJson("thermometer", health);
    out["sensor"] = t.sensorId();
    out["readings"] = readings;
    if (const auto e = t.emissivity()) {
        out["emissivity"] = *e;
        const auto& wanted = config.devices.thermometer.emissivity;
        if (wanted && std::abs(*wanted - *e) > 0.005) {
            out["state"] = toString(DeviceState::Degraded);
            out["message"] = "emissivity is " + std::to_string(*e) + ", the config asks for " +
                             std::to_string(*wanted) +
                             ": run 'vaxctl devices thermometer --set-emissivity'";
        }
    }
    return out;
}

json probePrinter(const KioskConfig& config, bool printTest) {
    auto transport = openPrinter(config.devices.printer);
    if (!transport) {
        return healthJson("printer", {DeviceState::Missing, transport.error().message});
    }
    const DeviceHealth health =
        printerHealth((*transport)->queryStatus(), (*transport)->reportsStatus());
    json out = healthJson("printer", health);
    out["uri"] = config.devices.printer;
    if (printTest && health.state != DeviceState::Missing) {
        const std::int64_t nowMs = now().unixMs;
        addPrintOutcome(out, printTicket(config.devices.printer, config.devices.printerProfile,
                                         "test-" + std::to_string(nowMs),
                                         testTicketDocument(config.devices.printerProfile,
                                                            localTimeText(nowMs), "VK1:TEST")));
        if (!out["printed"].get<bool>()) {
            out["state"] = toString(DeviceState::Missing);
            out["message"] = out["print_error"];
        }
    }
    return out;
}

// A scanner's node is there and is a character device we may open.
json probeScannerNode(const std::string& device, const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        return healthJson(device, {DeviceState::Missing, path + " is not there"});
    }
    if (!S_ISCHR(st.st_mode)) {
        return healthJson(device, {DeviceState::Missing, path + " is not a device"});
    }
    if (::access(path.c_str(), R_OK) != 0) {
        return healthJson(
            device, {DeviceState::Missing, path + " cannot be read: is the kiosk user in its group "
                                                  "(packaging/udev/60-vaxkiosk.rules)?"});
    }
    return healthJson(device, {DeviceState::Ok, path});
}

struct TestOptions {
    bool noPrint = false;
};

int test(const TestOptions& o, const Paths& paths) {
    auto config = loadConfigOrReport(paths);
    if (!config) {
        return kExitFailure;
    }
    const DeviceConfig& d = config->devices;
    json devices = json::array();
    if (!d.camera.empty()) {
        devices.push_back(probeCamera(d));
    }
    if (d.thermometer.kind != ThermometerKind::None) {
        devices.push_back(probeThermometer(*config));
    }
    if (!d.printer.empty()) {
        devices.push_back(probePrinter(*config, !o.noPrint));
    }
    if (!d.hidScanner.empty()) {
        devices.push_back(probeScannerNode("hid_scanner", d.hidScanner));
    }
    if (!d.serialScanner.empty()) {
        devices.push_back(probeScannerNode("serial_scanner", d.serialScanner));
    }
    bool allOk = true;
    for (const json& device : devices) {
        allOk = allOk && device["state"] == "ok";
    }
    printJson(json{{"devices", devices}, {"all_ok", allOk}});
    return allOk ? kExitOk : kExitFailure;
}

struct ThermometerOptions {
    int reads = 0;
    bool measure = false;
    std::optional<double> setEmissivity;
};

int writeEmissivity(const ThermometerConfig& config, double emissivity) {
    if (config.kind != ThermometerKind::Mlx90614) {
        return fail(kExitBadInput, "--set-emissivity needs an MLX90614 thermometer (this one is " +
                                       std::string(toString(config.kind)) + ")");
    }
    if (emissivity < Mlx90614Thermometer::kMinEmissivity ||
        emissivity > Mlx90614Thermometer::kMaxEmissivity) {
        return fail(kExitBadInput, "--set-emissivity must be within 0.1-1.0");
    }
    Mlx90614Options options;
    options.busPath = config.i2cBus;
    options.address = static_cast<std::uint8_t>(config.i2cAddress);
    options.adjustRegister0F = config.adjustRegister0F;
    Mlx90614Thermometer sensor(std::make_unique<LinuxI2cBus>(config.i2cBus), options);
    const std::optional<double> before = sensor.emissivity();
    if (auto st = sensor.setEmissivity(emissivity); !st) {
        return fail(kExitFailure, "emissivity not written: " + st.error().message);
    }
    printJson(json{{"sensor", sensor.sensorId()},
                   {"emissivity_before", before ? json(*before) : json()},
                   {"emissivity", emissivity},
                   {"note", "power-cycle the sensor for the new value to take effect"}});
    return kExitOk;
}

int thermometer(const ThermometerOptions& o, const Paths& paths) {
    if (o.reads < 0 || o.reads > 1000) {
        return fail(kExitBadInput, "--read must be within 0-1000");
    }
    auto config = loadConfigOrReport(paths);
    if (!config) {
        return kExitFailure;
    }
    if (o.setEmissivity) {
        return writeEmissivity(config->devices.thermometer, *o.setEmissivity);
    }
    auto opened = openThermometer(config->devices.thermometer);
    if (!opened) {
        return fail(kExitFailure, opened.error().message);
    }
    Thermometer& t = **opened;
    json out{{"sensor", t.sensorId()}};
    json samples = json::array();
    for (int i = 0; i < o.reads; ++i) {
        auto sample = t.read(milliseconds{1000});
        samples.push_back(
            sample ? json{{"object_c", sample->objectC},
                          {"ambient_c", sample->ambientC ? json(*sample->ambientC) : json()}}
                   : json{{"fault", toString(sample.error().kind)},
                          {"message", sample.error().message}});
    }
    out["reads"] = samples;
    if (o.measure) {
        const auto taken = takeMeasurement(t, config->measurement, config->policy.temperature);
        if (taken) {
            out["measurement"] = measurementJson(taken->measurement);
        }
    }
    const auto e = t.emissivity();
    out["emissivity"] = e ? json(*e) : json();
    out["state"] = toString(t.health().state);
    out["message"] = t.health().message;
    printJson(out);
    return t.health().ok() ? kExitOk : kExitFailure;
}

}  // namespace

void addDevicesCommands(CLI::App& app, const Paths& paths, int& status) {
    CLI::App* devices = app.add_subcommand("devices", "Probe and set up the attached devices");
    devices->require_subcommand(1);

    auto t = std::make_shared<TestOptions>();
    CLI::App* testCmd = devices->add_subcommand(
        "test", "Probe every configured device; exit 0 only when all are ok");
    testCmd->add_flag("--no-print", t->noPrint, "Ask the printer's status only, print nothing");
    testCmd->callback([t, &paths, &status] { status = test(*t, paths); });

    auto th = std::make_shared<ThermometerOptions>();
    CLI::App* thermo =
        devices->add_subcommand("thermometer", "Read the thermometer, or set its emissivity");
    thermo->add_option("--read", th->reads, "Raw reads to take and print (default 0)");
    thermo->add_flag("--measure", th->measure, "Take one measurement as the entry check does");
    thermo->add_option("--set-emissivity", th->setEmissivity,
                       "Write this emissivity (0.1-1.0) to an MLX90614's EEPROM");
    thermo->callback([th, &paths, &status] { status = thermometer(*th, paths); });
}

}  // namespace vax::cli
