// A child process records check-ins and is killed with SIGKILL at random moments. After
// every kill the file must open, pass integrity_check, and hold every check-in that the
// child reported as committed.
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <random>
#include <thread>
#include <vector>

#include "store/Journal.h"
#include "support/CheckIns.h"
#include "support/TempDir.h"

namespace vax {
namespace {

constexpr int kKills = 200;

// Runs in the child: check in people until killed; after each commit, report the visit id.
[[noreturn]] void recordUntilKilled(const std::filesystem::path& db, const SiteKeys& keys,
                                    int firstSerial, int reportFd) {
    auto journal = Journal::open(db);
    if (!journal) {
        _exit(3);
    }
    const PersonVault vault(keys);
    for (int serial = firstSerial;; ++serial) {
        const Outcome outcome = serial % 3 == 0 ? Outcome::StaffReview : Outcome::Proceed;
        auto state = journal->visits().checkIn(test::makeCheckIn(vault, serial, outcome));
        if (!state) {
            _exit(4);
        }
        const std::int64_t id = state->visitId;
        if (::write(reportFd, &id, sizeof id) != sizeof id) {
            _exit(5);
        }
    }
}

std::vector<std::int64_t> readReported(int fd) {
    std::vector<std::int64_t> ids;
    std::int64_t id = 0;
    while (::read(fd, &id, sizeof id) == sizeof id) {
        ids.push_back(id);
    }
    return ids;
}

TEST(CrashTest, KilledWriterNeverLosesACommittedCheckIn) {
    test::TempDir dir;
    const auto db = dir / "crash.db";
    const SiteKeys keys = SiteKeys::generate();
    std::mt19937 rng(20261125);
    std::uniform_int_distribution<int> delayUs(0, 40'000);
    std::size_t reportedTotal = 0;

    for (int round = 0; round < kKills; ++round) {
        int fds[2];
        ASSERT_EQ(::pipe(fds), 0);
        const pid_t child = ::fork();
        ASSERT_GE(child, 0);
        if (child == 0) {
            ::close(fds[0]);
            recordUntilKilled(db, keys, round * 10'000, fds[1]);
        }
        ::close(fds[1]);
        // Odd rounds wait for the first commit, so the kill lands while check-ins are being
        // written even where start-up is slow (sanitizers); even rounds may land anywhere,
        // opening and migrating included.
        std::vector<std::int64_t> reported;
        if (round % 2 == 1) {
            pollfd pfd{fds[0], POLLIN, 0};
            std::int64_t first = 0;
            if (::poll(&pfd, 1, 10'000) == 1 &&
                ::read(fds[0], &first, sizeof first) == sizeof first) {
                reported.push_back(first);
            }
        }
        std::this_thread::sleep_for(std::chrono::microseconds(delayUs(rng)));
        ::kill(child, SIGKILL);
        int status = 0;
        ::waitpid(child, &status, 0);
        ASSERT_TRUE(WIFSIGNALED(status)) << "round " << round << ": child exited with "
                                         << WEXITSTATUS(status) << " before the kill";
        for (std::int64_t id : readReported(fds[0])) {
            reported.push_back(id);
        }
        ::close(fds[0]);
        reportedTotal += reported.size();

        auto journal = Journal::open(db);
        ASSERT_TRUE(journal) << "round " << round << ": " << journal.error().message;
        auto check = journal->database().prepare("PRAGMA integrity_check");
        ASSERT_TRUE(check && check->step().value());
        ASSERT_EQ(check->text(0), "ok") << "round " << round;
        for (std::int64_t id : reported) {
            auto visit = journal->visits().visit(id);
            ASSERT_TRUE(visit) << "round " << round << ": visit " << id << " lost";
            ASSERT_GE(visit->lastEventSeq, 1);
            ASSERT_EQ(journal->visits().replayedStage(id).value(), visit->stage);
        }
    }
    // Kills landed while work was going on, not only before the first commit.
    EXPECT_GT(reportedTotal, std::size_t(kKills / 2));
}

}  // namespace
}  // namespace vax
