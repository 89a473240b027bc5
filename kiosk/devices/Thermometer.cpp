#include "devices/Thermometer.h"

namespace vax {

const char* toString(SensorFault::Kind kind) {
    switch (kind) {
        case SensorFault::Kind::Silent:
            return "silent";
        case SensorFault::Kind::Garbage:
            return "garbage";
        case SensorFault::Kind::SensorFlag:
            return "sensor-flag";
        case SensorFault::Kind::Missing:
            return "missing";
        case SensorFault::Kind::Io:
            return "io";
    }
    return "io";
}

DeviceHealth healthAfter(const SensorFault& fault) {
    switch (fault.kind) {
        case SensorFault::Kind::Garbage:
        case SensorFault::Kind::SensorFlag:
            return {DeviceState::Degraded, "answers, but the data is bad: " + fault.message};
        case SensorFault::Kind::Silent:
        case SensorFault::Kind::Missing:
        case SensorFault::Kind::Io:
            break;
    }
    return {DeviceState::Missing, fault.message};
}

}  // namespace vax
