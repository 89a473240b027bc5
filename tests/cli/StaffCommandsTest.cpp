// vaxctl staff: PIN hashes made from standard input, and the config's staff list.
#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "cli/VaxctlFixture.h"

namespace vax {
namespace {

using namespace vax::test;

TEST_F(VaxctlTest, HashPinReadsThePinFromStdinAndPrintsASaltedHash) {
    const std::string pin = "482913\n";
    const CmdRun first = vaxctl({"staff", "hash-pin"}, &pin);
    ASSERT_EQ(first.status, 0) << first.err;
    const std::string hash = first.parsed()["pin_hash"];
    EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u) << hash;
    EXPECT_EQ(first.out.find("482913"), std::string::npos);
    EXPECT_NE(vaxctl({"staff", "hash-pin"}, &pin).parsed()["pin_hash"], hash);  // salted

    const std::string malformed = "48a9\n";
    const CmdRun bad = vaxctl({"staff", "hash-pin"}, &malformed);
    EXPECT_EQ(bad.status, 2);
    EXPECT_EQ(bad.err, "vaxctl: a PIN is 4 to 8 digits (0-9)\n");
    const std::string nothing;
    EXPECT_EQ(vaxctl({"staff", "hash-pin"}, &nothing).status, 2);

    // The hash goes into the config as is; the list shows who, never the hash.
    std::ofstream(m_dir / "kiosk.toml", std::ios::app)
        << "\n[[staff]]\nid = \"nurse-01\"\nname = \"Nurse Wang\"\npin_hash = \"" << hash << "\"\n";
    const CmdRun list = vaxctl({"staff", "list"});
    ASSERT_EQ(list.status, 0) << list.err;
    EXPECT_EQ(list.parsed(), json::parse(R"({"staff":[{"id":"nurse-01","name":"Nurse Wang"}]})"));
}

}  // namespace
}  // namespace vax
