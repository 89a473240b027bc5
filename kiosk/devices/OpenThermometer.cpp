#include "devices/OpenThermometer.h"

#include "devices/I2cBus.h"
#include "devices/Mlx90614.h"
#include "devices/SerialThermometer.h"
#include "devices/SimulatedThermometer.h"

namespace vax {

namespace {

// Up-casts a driver's factory result.
template <class Driver>
Result<std::unique_ptr<Thermometer>> asThermometer(Result<std::unique_ptr<Driver>> made) {
    if (!made) {
        return Error{"thermometer: " + made.error().message};
    }
    return std::unique_ptr<Thermometer>(std::move(made).value());
}

}  // namespace

Result<std::unique_ptr<Thermometer>> openThermometer(const ThermometerConfig& config) {
    switch (config.kind) {
        case ThermometerKind::None:
            return Error{"no thermometer is configured ([devices.thermometer])"};
        case ThermometerKind::Mlx90614: {
            Mlx90614Options options;
            options.busPath = config.i2cBus;
            options.address = static_cast<std::uint8_t>(config.i2cAddress);
            options.adjustRegister0F = config.adjustRegister0F;
            return std::unique_ptr<Thermometer>(std::make_unique<Mlx90614Thermometer>(
                std::make_unique<LinuxI2cBus>(config.i2cBus), options));
        }
        case ThermometerKind::Serial: {
            SerialThermometerOptions options;
            options.path = config.port;
            options.baud = config.baud;
            options.lineFormat = config.lineFormat;
            options.ambientFormat = config.ambientFormat;
            options.unit =
                config.fahrenheit ? TemperatureUnit::Fahrenheit : TemperatureUnit::Celsius;
            options.pollCommand = config.pollCommand;
            return asThermometer(SerialThermometer::create(options));
        }
        case ThermometerKind::Simulated: {
            SimulatedOptions options;
            options.rateHz = config.rateHz;
            if (!config.script.empty()) {
                options.id = config.script.filename().string();
                return asThermometer(SimulatedThermometer::fromFile(config.script, options));
            }
            return asThermometer(SimulatedThermometer::fromSteps(config.readings, options));
        }
    }
    return Error{"thermometer: unknown kind"};
}

}  // namespace vax
