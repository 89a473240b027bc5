#include "devices/ClockStatus.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>

#include "support/TempDir.h"

namespace vax {
namespace {

TEST(ClockStatus, TheMarkerFileTellsWhenTheClockWasLastSynchronized) {
    test::TempDir dir;
    std::ofstream(dir / "synchronized") << "";
    timespec times[2] = {{1'795'600'000, 0}, {1'795'600'000, 0}};
    ASSERT_EQ(::utimensat(AT_FDCWD, (dir / "synchronized").c_str(), times, 0), 0);
    const ClockStatus status = readClockStatus(dir / "synchronized");
    ASSERT_TRUE(status.lastSyncMs);
    EXPECT_EQ(*status.lastSyncMs, 1'795'600'000'000);
    EXPECT_NE(status.message.find("last synchronized"), std::string::npos);
}

TEST(ClockStatus, WithoutAMarkerStaffAreToldTheTimeIsUnknown) {
    const ClockStatus status = readClockStatus("/nonexistent/synchronized");
    EXPECT_FALSE(status.lastSyncMs);
    EXPECT_FALSE(status.message.empty());
    EXPECT_EQ(status.message.find("last synchronized 2"), std::string::npos);
}

}  // namespace
}  // namespace vax
