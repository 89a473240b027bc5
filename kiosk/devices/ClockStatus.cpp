#include "devices/ClockStatus.h"

#include <sys/stat.h>
#include <sys/timex.h>

#include <ctime>

namespace vax {

ClockStatus readClockStatus(const std::filesystem::path& marker) {
    ClockStatus status;
    timex tx{};
    const int state = ::adjtimex(&tx);
    if (state != -1) {
        status.synchronized = state != TIME_ERROR && (tx.status & STA_UNSYNC) == 0;
        status.maxErrorUs = tx.maxerror;
    }
    struct stat st {};
    if (::stat(marker.c_str(), &st) == 0) {
        status.lastSyncMs = std::int64_t(st.st_mtim.tv_sec) * 1000 + st.st_mtim.tv_nsec / 1'000'000;
    }
    if (status.lastSyncMs) {
        const std::time_t t = std::time_t(*status.lastSyncMs / 1000);
        std::tm local{};
        localtime_r(&t, &local);
        char when[32];
        std::strftime(when, sizeof when, "%Y-%m-%d %H:%M", &local);
        status.message = std::string("clock last synchronized ") + when +
                         (status.synchronized ? "" : " (now drifting: check the network)");
    } else {
        status.message = status.synchronized
                             ? "clock synchronized (time of the last sync unknown)"
                             : "clock never synchronized on this device: check NTP before "
                               "trusting exit times";
    }
    return status;
}

}  // namespace vax
