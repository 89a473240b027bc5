#pragma once

// The ops tests' site: the example config, fresh site keys in a key file, a real journal file.

#include <gtest/gtest.h>

#include <filesystem>
#include <optional>
#include <string>

#include "TestPaths.h"
#include "config/KioskConfig.h"
#include "crypto/PersonVault.h"
#include "crypto/SiteKeys.h"
#include "ops/Slips.h"
#include "ops/StationDesk.h"
#include "store/Journal.h"
#include "support/CheckIns.h"
#include "support/TempDir.h"

namespace vax::test {

inline constexpr const char* kDay = "2026-11-25";
inline constexpr std::int64_t kNineAm = 1'795'568'400'000;  // 2026-11-25 09:00 in UTC+8
inline constexpr std::int64_t kMinute = 60'000;
inline constexpr const char* kPack = "86123450000000012345";  // INACT-A in the example catalogue

class OpsTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto config =
            loadKioskConfig(std::filesystem::path(kSourceDir) / "config" / "kiosk.example.toml");
        ASSERT_TRUE(config) << config.error().message;
        m_config = std::move(config).value();
        m_config.site.keyFile = m_dir / "site.key";
        ASSERT_TRUE(m_keys.saveNew(m_config.site.keyFile));
        openJournal();
    }

    void openJournal() {
        m_journal.reset();
        auto journal = Journal::open(m_dir / "kiosk.db");
        ASSERT_TRUE(journal) << journal.error().message;
        m_journal.emplace(std::move(journal).value());
    }

    static SiteTime at(int minutesAfterNine) {
        return SiteTime{kNineAm + minutesAfterNine * kMinute, *CivilDate::parseIso(kDay)};
    }

    // Checks in resident `serial` at 09:00 and calls them to registration; the signed slip.
    std::string calledSlip(int serial) {
        const PersonVault vault(m_keys);
        auto visit = m_journal->visits().checkIn(
            makeCheckIn(vault, serial, Outcome::Proceed, kDay, kNineAm));
        EXPECT_TRUE(visit && visit->queueNumber);
        EXPECT_TRUE(
            m_journal->visits().callNext(kDay, visit->queueNumber->desk, 10, kNineAm + kMinute));
        auto person = m_journal->visits().personOf(visit->visitId);
        auto slip = issueSlip(m_config, m_keys, *visit, *person, kNineAm);
        EXPECT_TRUE(slip);
        return slip ? *slip : std::string();
    }

    Result<StationBinding, StationRefusal> bind(const std::string& slip, const std::string& code,
                                                int minutesAfterNine = 10) {
        return bindAtStation(m_config, m_keys, *m_journal, slip, code, "station-1",
                             at(minutesAfterNine));
    }

    TempDir m_dir;
    SiteKeys m_keys = SiteKeys::generate();
    KioskConfig m_config;
    std::optional<Journal> m_journal;
};

}  // namespace vax::test
