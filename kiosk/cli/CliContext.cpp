#include "cli/CliContext.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <iostream>

namespace vax::cli {

Paths Paths::defaults() {
    const char* db = std::getenv("VAXKIOSK_DB");
    const char* config = std::getenv("VAXKIOSK_CONFIG");
    return {db ? db : "/var/lib/vaxkiosk/kiosk.db", config ? config : "/etc/vaxkiosk/kiosk.toml"};
}

namespace {

LocalTime fromTimeT(std::time_t t, std::int64_t ms) {
    std::tm local{};
    localtime_r(&t, &local);
    return {ms, *CivilDate::fromYmd(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday)};
}

}  // namespace

LocalTime now() {
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                        std::chrono::system_clock::now().time_since_epoch())
                        .count();
    return fromTimeT(std::time_t(ms / 1000), ms);
}

std::optional<LocalTime> parseLocalTime(const std::string& text) {
    if (text.size() != 16 || (text[10] != ' ' && text[10] != 'T') || text[13] != ':') {
        return std::nullopt;
    }
    const auto date = CivilDate::parseIso(text.substr(0, 10));
    int hour = 0;
    int minute = 0;
    char tail = 0;
    if (!date || std::sscanf(text.c_str() + 11, "%2d:%2d%c", &hour, &minute, &tail) != 2 ||
        hour > 23 || minute > 59 || hour < 0 || minute < 0) {
        return std::nullopt;
    }
    std::tm local{};
    local.tm_year = date->year() - 1900;
    local.tm_mon = date->month() - 1;
    local.tm_mday = date->day();
    local.tm_hour = hour;
    local.tm_min = minute;
    local.tm_isdst = -1;
    const std::time_t t = std::mktime(&local);
    if (t == std::time_t(-1)) {
        return std::nullopt;
    }
    return LocalTime{std::int64_t(t) * 1000, *date};
}

std::optional<LocalTime> atOrNow(const std::string& at) {
    return at.empty() ? std::optional(now()) : parseLocalTime(at);
}

int fail(int status, const std::string& message) {
    std::cerr << "vaxctl: " << message << "\n";
    return status;
}

std::optional<KioskConfig> loadConfigOrReport(const Paths& paths) {
    auto config = loadKioskConfig(paths.config);
    if (!config) {
        fail(kExitFailure, config.error().message);
        return std::nullopt;
    }
    return std::move(config).value();
}

std::optional<Journal> openJournalOrReport(const Paths& paths) {
    auto journal = Journal::open(paths.db);
    if (!journal) {
        fail(kExitFailure, journal.error().message);
        return std::nullopt;
    }
    return std::move(journal).value();
}

}  // namespace vax::cli
