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

}  // namespace vax
