// The demo's morning at the entry, replayed into the journal so the station and the exit
// have someone to serve: the same journal calls and signed codes as the real devices make.
#include "DemoSeed.h"

#include <algorithm>
#include <ctime>
#include <utility>

#include "core/Decision.h"
#include "core/ResidentId.h"
#include "crypto/SiteKeys.h"
#include "ops/CheckIns.h"
#include "ops/Slips.h"
#include "ops/StationDesk.h"
#include "store/Journal.h"

namespace vax::app {

namespace {

// Fictional residents of working age (valid check digits): they all proceed at entry.
constexpr const char* kResidents[] = {"110105198503121234", "110101199705050015",
                                      "31011519920718004X"};
constexpr std::int64_t kMinuteMs = 60'000;

// A pack code of the catalogue's first product with a trace prefix, new for each run (a pack
// bound in an earlier run of a kept demo journal would raise the one-code alarm).
Result<std::string> packCode(const KioskConfig& config, std::int64_t nowMs, int serial) {
    for (const Product& product : config.policy.products) {
        if (!product.tracePrefixes.empty()) {
            std::string digits = std::to_string(nowMs / 1000 % 10'000'000'000) +
                                 std::to_string(1000 + serial).substr(1);
            digits.insert(0, 13 - std::min<std::size_t>(digits.size(), 13), '0');
            return product.tracePrefixes.front() + digits;
        }
    }
    return Error{"the demo catalogue has no product with a trace prefix"};
}

}  // namespace

Result<DemoSeed> seedDemoJournal(const KioskConfig& config,
                                 const std::filesystem::path& databasePath, std::int64_t nowMs) {
    DemoSeed seed;
    const Role role = config.site.role;
    // A console binds doses as the station does: it gets the station's people and packs.
    const bool binds = role == Role::Station || role == Role::Console;
    if (!binds && role != Role::Exit) {
        return seed;
    }
    auto keys = SiteKeys::load(config.site.keyFile);
    if (!keys) {
        return keys.error();
    }
    auto journal = Journal::open(databasePath);
    if (!journal) {
        return journal.error();
    }
    // Checked in and called an hour and a half ago.
    const SiteTime morning = localSiteTime(nowMs - 90 * kMinuteMs);
    for (const char* number : kResidents) {
        auto slip = checkInForDemo(config, *keys, *journal, number, morning);
        if (!slip) {
            return slip.error();
        }
        seed.slips.push_back(*slip);
    }
    for (int i = 0; i < 3; ++i) {
        auto pack = packCode(config, nowMs, i);
        if (!pack) {
            return pack.error();
        }
        seed.packs.push_back(*pack);
    }
    if (binds) {
        // First person bound; the same pack for the second raises the alarm, a new pack binds;
        // the third person.
        const std::pair<const std::string*, bool> order[] = {
            {&seed.slips[0], false}, {&seed.packs[0], true}, {&seed.slips[1], false},
            {&seed.packs[0], true},  {&seed.packs[1], true}, {&seed.slips[2], false},
            {&seed.packs[2], true}};
        for (const auto& [text, isPack] : order) {
            seed.shots.push_back(
                DemoShot{*text, isPack ? CodeFormat::Code128 : CodeFormat::QRCode});
        }
        return seed;
    }
    // The exit: vaccinated 40 (may leave), 10 (20 minutes left) and 60 minutes ago (overdue).
    const std::int64_t minutesAgo[] = {40, 10, 60};
    for (int i = 0; i < 3; ++i) {
        const SiteTime at = localSiteTime(nowMs - minutesAgo[i] * kMinuteMs);
        auto bound = bindAtStation(config, *keys, *journal, seed.slips[std::size_t(i)],
                                   seed.packs[std::size_t(i)], "station-demo", at);
        if (!bound) {
            return Error{"demo binding: " + bound.error().message};
        }
        seed.tickets.push_back(bound->bound.ticket);
    }
    // The overdue person's ticket is not shown: staff find them on the list.
    for (std::size_t i = 0; i < 2; ++i) {
        seed.shots.push_back(DemoShot{seed.tickets[i], CodeFormat::QRCode});
    }
    return seed;
}

SiteTime localSiteTime(std::int64_t unixMs) {
    const std::time_t t = std::time_t(unixMs / 1000);
    std::tm local{};
    localtime_r(&t, &local);
    return {unixMs, *CivilDate::fromYmd(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday)};
}

Result<std::string> checkInForDemo(const KioskConfig& config, const SiteKeys& keys,
                                   Journal& journal, const std::string& number, SiteTime at) {
    auto id = ResidentId::parse(number, at.date);
    if (!id) {
        return Error{"demo resident " + number + ": " + std::string(describe(id.error()))};
    }
    const CheckInFacts facts{HealthCodeStatus::Green,
                             TemperatureInput::reading(36.5),
                             Answers{},
                             id->birthDate(),
                             std::nullopt,
                             at.date};
    auto recorded = recordCheckIn(config, keys, journal, *id, facts, at, {{}, "signature"});
    if (!recorded) {
        return recorded.error();
    }
    const VisitState& visit = recorded->visit;
    if (!visit.queueNumber) {
        return Error{"demo resident " + number + " was not queued"};
    }
    // Called at once: the station binds called (or registered) visits only.
    if (auto called =
            journal.visits().callNext(at.date.iso(), visit.queueNumber->desk, 100, at.unixMs);
        !called) {
        return called.error();
    }
    return issueSlip(config, keys, visit, recorded->person, at.unixMs);
}

}  // namespace vax::app
