#pragma once

#include <chrono>
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace vax {

/// A calendar date without time zone (proleptic Gregorian), as printed on IDs and forms.
class CivilDate {
public:
    /// Builds a date from its parts; nullopt when the day does not exist (e.g. 2023-02-29).
    static std::optional<CivilDate> fromYmd(int year, int month, int day);
    /// Parses "YYYY-MM-DD" exactly; nullopt for anything else or an impossible date.
    static std::optional<CivilDate> parseIso(std::string_view text);
    /// Parses "YYYYMMDD" exactly, as in a resident ID number.
    static std::optional<CivilDate> parseCompact(std::string_view text);
    /// The date that is `days` days after 1970-01-01.
    static CivilDate fromDaysSinceEpoch(int days);

    int year() const { return int(m_ymd.year()); }
    int month() const { return int(unsigned(m_ymd.month())); }
    int day() const { return int(unsigned(m_ymd.day())); }
    int daysSinceEpoch() const;
    /// "YYYY-MM-DD".
    std::string iso() const;
    CivilDate plusDays(int days) const { return fromDaysSinceEpoch(daysSinceEpoch() + days); }

    friend bool operator==(const CivilDate&, const CivilDate&) = default;
    friend auto operator<=>(const CivilDate& a, const CivilDate& b) { return a.m_ymd <=> b.m_ymd; }

private:
    explicit CivilDate(std::chrono::year_month_day ymd) : m_ymd(ymd) {}
    std::chrono::year_month_day m_ymd;
};

/// Days from `from` to `to` (positive when `to` is later).
int daysBetween(CivilDate from, CivilDate to);

/// Completed years of age on `on`. A 29 February birthday counts as reached on 1 March in
/// years without that day. Negative when `on` is before `birth`.
int ageOn(CivilDate birth, CivilDate on);

}  // namespace vax
