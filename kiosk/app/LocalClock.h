#pragma once

#include <chrono>
#include <cstdint>
#include <ctime>

#include "core/CivilDate.h"

namespace vax::app {

/// A moment as the journal records it: Unix milliseconds and the local calendar day.
struct LocalMoment {
    std::int64_t unixMs = 0;
    CivilDate date = *CivilDate::fromYmd(1970, 1, 1);
};

/// Now, in the machine's time zone (the site's day is local, as in vaxctl).
inline LocalMoment localNow() {
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                        std::chrono::system_clock::now().time_since_epoch())
                        .count();
    const std::time_t t = std::time_t(ms / 1000);
    std::tm local{};
    localtime_r(&t, &local);
    return {ms, *CivilDate::fromYmd(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday)};
}

}  // namespace vax::app
