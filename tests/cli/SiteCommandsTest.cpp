// Several devices of one site, each a vaxctl with its own journal and config as a site would
// install them, sharing the site keys and a site server on the fixture's PostgreSQL cluster.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <thread>

#include "VaxctlFixture.h"
#include "site/SiteFixture.h"

namespace vax::test {
namespace {

// Every command runs at the machine's now: the site tops up a kiosk's offline numbers for
// today, as its pump does.

// A valid mainland ID number (GB 11643 check character) for resident `n` of the test.
std::string residentId(int n) {
    const int seq = n % 999 + 1;  // 001-999: 000 is no sequence code
    const std::string body = "11010519850312" + std::to_string(seq / 100) +
                             std::to_string(seq / 10 % 10) + std::to_string(seq % 10);
    static const int kWeights[] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; ++i) {
        sum += (body[std::size_t(i)] - '0') * kWeights[i];
    }
    return body + "10X98765432"[sum % 11];
}

// One device: its folder, config and journal.
struct Device {
    std::filesystem::path dir;
    std::string id;
};

class SiteDevicesTest : public SiteDbTest {
protected:
    void SetUp() override {
        SiteDbTest::SetUp();
        if (IsSkipped() || HasFailure()) {
            return;
        }
        // The devices log in as the device role `vaxctl site init` grants, as on a real site.
        m_cluster->psql(m_database,
                        "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname ="
                        " 'vaxdevice') THEN CREATE ROLE vaxdevice LOGIN; END IF; END $$;");
        PgConnection owner = connection();
        ASSERT_TRUE(migrateSiteSchema(owner, "vaxdevice"));
        // The site's keys, made once and copied to every device, as a site installs them.
        m_devices.push_back(make("entry-1", "entry"));
        ASSERT_EQ(run(m_devices[0], {"keys", "init"}).status, 0);
        for (const auto& [id, role] : {std::pair{"entry-2", "entry"},
                                       {"entry-3", "entry"},
                                       {"entry-4", "entry"},
                                       {"console-1", "console"}}) {
            m_devices.push_back(make(id, role));
            std::filesystem::copy_file(m_devices[0].dir / "site.key",
                                       m_devices.back().dir / "site.key");
        }
    }

    Device make(const std::string& id, const std::string& role) {
        const std::filesystem::path dir = m_root / id;
        std::filesystem::create_directories(dir);
        std::string config = slurp(std::filesystem::path(kSourceDir) / "config/kiosk.example.toml");
        const auto roleAt = config.find("role = \"entry\"");
        config.replace(roleAt, std::string("role = \"entry\"").size(), "role = \"" + role + "\"");
        config += "\n[site_server]\nurl = \"" + m_cluster->uri(m_database, "vaxdevice") +
                  "\"\nsslmode = \"disable\"\noffline_numbers = 4\n";
        std::ofstream(dir / "kiosk.toml") << config;
        Device device{dir, id};
        // Each device names itself to the site; the example's [network] has device_id.
        std::string text = slurp(dir / "kiosk.toml");
        const auto at = text.find("device_id = ");
        EXPECT_NE(at, std::string::npos);
        text.replace(at, text.find('\n', at) - at, "device_id = \"" + id + "\"");
        std::ofstream(dir / "kiosk.toml", std::ios::trunc) << text;
        return device;
    }

    CmdRun run(const Device& d, std::vector<std::string> args) {
        return runVaxctl(d.dir, std::move(args));
    }

    CmdRun checkIn(const Device& d, const std::string& id) {
        return run(d, {"checkin", "--id", id, "--temp", "36.6", "--answers", "n,n,n,n,n,n,n,n,n",
                       "--health", "green"});
    }

    test::TempDir m_root;
    std::vector<Device> m_devices;
};

TEST_F(SiteDevicesTest, TwoEntryKiosksNeverGiveTheSameNumber) {
    // Measured before the site server: A001 A001 B001 B001 A002 A002.
    std::vector<std::string> numbers;
    for (int i = 0; i < 6; ++i) {
        const CmdRun r = checkIn(m_devices[std::size_t(i % 2)], residentId(i));
        ASSERT_EQ(r.status, 0) << r.err;
        const json out = r.parsed();
        EXPECT_EQ(out["numbered_by"], "site");
        numbers.push_back(out["queue_number"]);
    }
    EXPECT_EQ(std::set<std::string>(numbers.begin(), numbers.end()).size(), 6u)
        << json(numbers).dump();
    // The same person at the other kiosk while the visit is open: the same number back.
    const CmdRun again = checkIn(m_devices[1], residentId(0));
    ASSERT_EQ(again.status, 0) << again.err;
    EXPECT_EQ(again.parsed()["queue_number"], numbers[0]);
    EXPECT_EQ(again.parsed()["returned"], true);
}

TEST_F(SiteDevicesTest, FourKioskProcessesCheckingInAtOnceGiveDistinctNumbers) {
    constexpr int kEach = 25;
    std::vector<std::vector<std::string>> given(4);
    std::vector<std::thread> kiosks;
    for (int k = 0; k < 4; ++k) {
        kiosks.emplace_back([&, k] {
            for (int i = 0; i < kEach; ++i) {
                const CmdRun r =
                    checkIn(m_devices[std::size_t(k)], residentId(100 + k * kEach + i));
                if (r.status == 0) {
                    given[std::size_t(k)].push_back(r.parsed()["queue_number"]);
                }
            }
        });
    }
    for (auto& t : kiosks) {
        t.join();
    }
    std::set<std::string> all;
    for (const auto& one : given) {
        EXPECT_EQ(one.size(), std::size_t(kEach));
        all.insert(one.begin(), one.end());
    }
    EXPECT_EQ(all.size(), std::size_t(4 * kEach));
}

TEST_F(SiteDevicesTest, OfflineAKioskGivesItsReservedNumbersAndTheSiteLearnsThemLater) {
    const Device& kiosk = m_devices[0];
    ASSERT_EQ(checkIn(kiosk, residentId(1)).status, 0);
    const CmdRun synced = run(kiosk, {"site", "sync"});
    ASSERT_EQ(synced.status, 0) << synced.err;
    EXPECT_EQ(synced.parsed()["offline_numbers_reserved"], 2);  // a block per desk
    ASSERT_EQ(checkIn(m_devices[1], residentId(2)).status, 0);  // online numbers go on past them

    m_cluster->killImmediately();
    std::set<std::string> offline;
    for (int i = 10; i < 18; ++i) {
        const CmdRun r = checkIn(kiosk, residentId(i));
        ASSERT_EQ(r.status, 0) << r.err;
        const json out = r.parsed();
        EXPECT_EQ(out["numbered_by"], "block") << out.dump();
        EXPECT_EQ(out["offline"], true);
        offline.insert(out["queue_number"].get<std::string>());
    }
    EXPECT_EQ(offline.size(), 8u);
    // The blocks are used up: the next resident waits for staff, never for a number that
    // another kiosk may give too.
    const json waits = checkIn(kiosk, residentId(19)).parsed();
    EXPECT_EQ(waits["decision"]["outcome"], "staff_review") << waits.dump();
    EXPECT_EQ(waits["decision"]["reasons"][0]["code"], "no_queue_number_offline");
    const CmdRun down = run(kiosk, {"site", "sync"});
    EXPECT_EQ(down.status, 1);

    m_cluster->start();
    const CmdRun back = run(kiosk, {"site", "sync"});
    ASSERT_EQ(back.status, 0) << back.err;
    EXPECT_EQ(back.parsed()["conflicts"], 0);
    const json queue = run(m_devices[4], {"queue", "status"}).parsed();
    EXPECT_EQ(queue["scope"], "site");
    EXPECT_EQ(queue["desks"]["A"]["waiting"].get<int>() + queue["desks"]["B"]["waiting"].get<int>(),
              10)
        << queue.dump();
    // A second sync stores nothing twice.
    const json twice = run(kiosk, {"site", "sync"}).parsed();
    EXPECT_EQ(twice["stored"], 0);
}

TEST_F(SiteDevicesTest, TheSiteReportIsIncompleteUntilEveryJournalIsThere) {
    for (int i = 0; i < 3; ++i) {
        ASSERT_EQ(checkIn(m_devices[std::size_t(i)], residentId(40 + i)).status, 0);
    }
    ASSERT_EQ(run(m_devices[0], {"site", "sync"}).status, 0);
    ASSERT_EQ(run(m_devices[1], {"site", "sync"}).status, 0);
    // entry-3 took a number from the site but has not sent its journal: the site names it.
    const json partial = run(m_devices[4], {"report", "--site", "--format", "json"}).parsed();
    EXPECT_EQ(partial["scope"], "site");
    EXPECT_EQ(partial["complete"], false);
    EXPECT_EQ(partial["entry"]["check_ins"], 2) << partial.dump();
    ASSERT_EQ(partial["devices_behind"].size(), 1u) << partial.dump();
    EXPECT_EQ(partial["devices_behind"][0]["device"], "entry-3");
    EXPECT_EQ(partial["devices_behind"][0]["unsent_numbers"], 1);
    const CmdRun partialText = run(m_devices[4], {"report", "--site"});
    EXPECT_NE(partialText.out.find("INCOMPLETE: device entry-3 (entry): 1 numbers given since"),
              std::string::npos)
        << partialText.out;

    ASSERT_EQ(run(m_devices[2], {"site", "sync"}).status, 0);
    const json full = run(m_devices[4], {"report", "--site", "--format", "json"}).parsed();
    EXPECT_EQ(full["complete"], true) << full.dump();
    EXPECT_EQ(full["entry"]["check_ins"], 3);
    const CmdRun text = run(m_devices[4], {"report", "--site"});
    EXPECT_EQ(text.out.find("INCOMPLETE"), std::string::npos) << text.out;
}

TEST_F(SiteDevicesTest, ConsolesCallRecallAndSkipAtTheSite) {
    for (int i = 0; i < 4; ++i) {
        ASSERT_EQ(checkIn(m_devices[std::size_t(i % 2)], residentId(60 + i)).status, 0);
    }
    const json called =
        run(m_devices[4], {"queue", "call", "--desk", "A", "--count", "2"}).parsed();
    EXPECT_EQ(called["scope"], "site");
    ASSERT_EQ(called["called"].size(), 2u) << called.dump();
    EXPECT_EQ(called["called"][0]["queue_number"], "A001");
    const json skipped = run(m_devices[4], {"queue", "skip", "A001"}).parsed();
    EXPECT_EQ(skipped["state"], "skipped");
    const json recalled = run(m_devices[4], {"queue", "recall", "A001"}).parsed();
    EXPECT_EQ(recalled["state"], "recalled");
    EXPECT_EQ(recalled["calls"], 2);
    EXPECT_EQ(run(m_devices[4], {"queue", "recall", "Z9x"}).status, 2);
}

TEST_F(SiteDevicesTest, SiteConflictsListsNothingOnACleanSite) {
    const CmdRun r = run(m_devices[4], {"site", "conflicts"});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.parsed()["open"], 0);
}

}  // namespace
}  // namespace vax::test
