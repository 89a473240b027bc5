// [[staff]]: who may open the staff console, with PIN hashes only.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "TestPaths.h"
#include "config/KioskConfig.h"

namespace vax {
namespace {

// Three lines, so whatever is appended starts on line 4.
const std::string kSite = "[site]\nid = \"T-1\"\nname = \"Test\"\n";
const std::string kHash =
    "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$"
    "aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g";

std::string staff(const std::string& id, const std::string& extra = "") {
    return "[[staff]]\nid = \"" + id + "\"\nname = \"Nurse " + id + "\"\npin_hash = \"" + kHash +
           "\"\n" + extra;
}

std::string errorOf(const std::string& text) {
    const auto result = parseKioskConfig(text, "k.toml", "/etc/vaxkiosk");
    return result ? "<no error>" : result.error().message;
}

TEST(StaffConfig, MembersAreReadInOrder) {
    const auto config = parseKioskConfig(kSite + staff("nurse-01") + staff("dr_02"), "k.toml", "/");
    ASSERT_TRUE(config) << config.error().message;
    ASSERT_EQ(config->staff.size(), 2u);
    EXPECT_EQ(config->staff[0].id, "nurse-01");
    EXPECT_EQ(config->staff[0].name, "Nurse nurse-01");
    EXPECT_EQ(config->staff[0].pinHash, kHash);
    EXPECT_EQ(config->staff[1].id, "dr_02");
    EXPECT_TRUE(parseKioskConfig(kSite, "k.toml", "/")->staff.empty());
}

TEST(StaffConfig, ErrorsNameTheLineAndKey) {
    EXPECT_EQ(errorOf(kSite + "[[staff]]\nid = \"n1\"\nname = \"N\"\n"),
              "k.toml:4: staff[0].pin_hash: missing required key");
    EXPECT_EQ(errorOf(kSite + "[[staff]]\nname = \"N\"\npin_hash = \"" + kHash + "\"\n"),
              "k.toml:4: staff[0].id: missing required key");
    EXPECT_EQ(errorOf(kSite + staff("nurse 1")),
              "k.toml:5: staff[0].id: must be 1 to 32 characters of A-Z, a-z, 0-9, '_' or '-', "
              "got \"nurse 1\"");
    EXPECT_EQ(
        errorOf(kSite + "[[staff]]\nid = \"n1\"\nname = \" \"\npin_hash = \"" + kHash + "\"\n"),
        "k.toml:6: staff[0].name: must not be empty");
    EXPECT_EQ(errorOf(kSite + staff("n1") + staff("n2") + staff("n1")),
              "k.toml:13: staff[2].id: duplicate staff id \"n1\"");
    EXPECT_EQ(errorOf(kSite + staff("n1", "pin = \"1234\"\n")),
              "k.toml:8: staff[0].pin: unknown key (allowed here: id, name, pin_hash)");
    EXPECT_EQ(errorOf(kSite + "[staff]\nid = \"n1\"\n"),
              "k.toml:4: staff: expected an array of tables ([[staff]]), got a table");
}

TEST(StaffConfig, APinInPlaceOfItsHashIsRefusedWithoutEchoingIt) {
    const std::string message =
        errorOf(kSite + "[[staff]]\nid = \"n1\"\nname = \"N\"\npin_hash = \"738291\"\n");
    EXPECT_EQ(message.rfind("k.toml:7: staff[0].pin_hash: must be an Argon2id hash", 0), 0u)
        << message;
    EXPECT_NE(message.find("vaxctl staff hash-pin"), std::string::npos);
    EXPECT_EQ(message.find("738291"), std::string::npos);
    EXPECT_NE(errorOf(kSite + "[[staff]]\nid = \"n1\"\nname = \"N\"\npin_hash = \"$argon2i$x\"\n"),
              "<no error>");
}

// The example documents a block, commented out; uncommented, it must load.
TEST(StaffConfig, TheExamplesCommentedBlockLoads) {
    const std::filesystem::path example =
        std::filesystem::path(test::kSourceDir) / "config" / "kiosk.example.toml";
    std::ifstream in(example);
    std::string text{std::istreambuf_iterator<char>(in), {}};
    const auto plain = parseKioskConfig(text, "kiosk.example.toml", "/");
    ASSERT_TRUE(plain) << plain.error().message;
    EXPECT_TRUE(plain->staff.empty());  // nobody may sign in until the site adds its staff

    const std::string block = "# [[staff]]\n# id = ";
    const auto at = text.find(block);
    ASSERT_NE(at, std::string::npos);
    for (std::size_t line = at; line < text.size() && text.compare(line, 2, "# ") == 0;) {
        text.erase(line, 2);
        const auto end = text.find('\n', line);
        line = end == std::string::npos ? text.size() : end + 1;
    }
    const auto config = parseKioskConfig(text, "kiosk.example.toml", "/");
    ASSERT_TRUE(config) << config.error().message;
    ASSERT_EQ(config->staff.size(), 1u);
    EXPECT_EQ(config->staff[0].id, "nurse-01");
    EXPECT_EQ(config->staff[0].pinHash.rfind("$argon2id$v=19$", 0), 0u);
}

}  // namespace
}  // namespace vax
