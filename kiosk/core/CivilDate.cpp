#include "core/CivilDate.h"

#include <cstdio>

namespace vax {

namespace {

std::optional<int> parseDigits(std::string_view text) {
    if (text.empty()) {
        return std::nullopt;
    }
    int value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
        value = value * 10 + (c - '0');
    }
    return value;
}

}  // namespace

std::optional<CivilDate> CivilDate::fromYmd(int year, int month, int day) {
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) {
        return std::nullopt;
    }
    const std::chrono::year_month_day ymd{std::chrono::year{year},
                                          std::chrono::month{unsigned(month)},
                                          std::chrono::day{unsigned(day)}};
    if (!ymd.ok()) {
        return std::nullopt;
    }
    return CivilDate(ymd);
}

std::optional<CivilDate> CivilDate::parseIso(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return std::nullopt;
    }
    const auto y = parseDigits(text.substr(0, 4));
    const auto m = parseDigits(text.substr(5, 2));
    const auto d = parseDigits(text.substr(8, 2));
    if (!y || !m || !d) {
        return std::nullopt;
    }
    return fromYmd(*y, *m, *d);
}

std::optional<CivilDate> CivilDate::parseCompact(std::string_view text) {
    if (text.size() != 8) {
        return std::nullopt;
    }
    const auto y = parseDigits(text.substr(0, 4));
    const auto m = parseDigits(text.substr(4, 2));
    const auto d = parseDigits(text.substr(6, 2));
    if (!y || !m || !d) {
        return std::nullopt;
    }
    return fromYmd(*y, *m, *d);
}

CivilDate CivilDate::fromDaysSinceEpoch(int days) {
    return CivilDate(std::chrono::year_month_day{std::chrono::sys_days{std::chrono::days{days}}});
}

int CivilDate::daysSinceEpoch() const {
    return int(std::chrono::sys_days{m_ymd}.time_since_epoch().count());
}

std::string CivilDate::iso() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year(), month(), day());
    return buf;
}

int daysBetween(CivilDate from, CivilDate to) {
    return to.daysSinceEpoch() - from.daysSinceEpoch();
}

int ageOn(CivilDate birth, CivilDate on) {
    int age = on.year() - birth.year();
    // Compare (month, day); a 29 Feb birthday is not reached on 28 Feb, so it falls on 1 Mar.
    if (on.month() < birth.month() || (on.month() == birth.month() && on.day() < birth.day())) {
        --age;
    }
    return age;
}

}  // namespace vax
