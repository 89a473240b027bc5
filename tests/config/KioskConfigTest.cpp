#include "config/KioskConfig.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "TestPaths.h"

namespace vax {
namespace {

namespace fs = std::filesystem;

// From the configured source folder, not __FILE__: ccache may compile with relative paths.
const fs::path kExample = fs::path(test::kSourceDir) / "config/kiosk.example.toml";

// Three lines, so whatever is appended starts on line 4.
const std::string kSite = "[site]\nid = \"T-1\"\nname = \"Test\"\n";
// Lines 4-7 of a product lacking series_doses; cases append from line 8.
const std::string kProductHead =
    "[[product]]\ncode = \"P1\"\nname = \"Vaccine\"\nmanufacturer = \"Maker\"\n";

Result<KioskConfig> parse(const std::string& text) {
    return parseKioskConfig(text, "k.toml", "/etc/vaxkiosk");
}

std::string errorOf(const std::string& text) {
    const auto result = parse(text);
    return result ? "<no error>" : result.error().message;
}

std::string readText(const fs::path& path) {
    std::ifstream in(path);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// A fresh folder per test for files read through loadKioskConfig.
class KioskConfigFileTest : public ::testing::Test {
protected:
    void SetUp() override {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        m_dir = fs::path(::testing::TempDir()) / ("kioskconfig-" + std::string(info->name()));
        fs::remove_all(m_dir);
        fs::create_directories(m_dir);
    }
    void TearDown() override { fs::remove_all(m_dir); }

    fs::path write(const std::string& name, const std::string& text) {
        const fs::path path = m_dir / name;
        std::ofstream(path) << text;
        return path;
    }

    fs::path m_dir;
};

TEST(KioskConfigTest, ExampleLoadsWithExpectedValues) {
    const auto result = loadKioskConfig(kExample);
    ASSERT_TRUE(result) << result.error().message;
    const KioskConfig& config = *result;

    EXPECT_EQ(config.site.id, "BJ-XC-017");
    EXPECT_NE(config.site.name.find("社区卫生服务中心"), std::string::npos);
    EXPECT_EQ(config.site.role, Role::Entry);
    EXPECT_EQ(config.site.keyFile, kExample.parent_path() / "site.key");

    // The example documents the defaults, apart from the doctor review age.
    const Policy defaults;
    const Policy& policy = config.policy;
    EXPECT_EQ(policy.requireHealthCode, defaults.requireHealthCode);
    EXPECT_DOUBLE_EQ(policy.temperature.feverThresholdC, defaults.temperature.feverThresholdC);
    EXPECT_DOUBLE_EQ(policy.temperature.validMinC, defaults.temperature.validMinC);
    EXPECT_DOUBLE_EQ(policy.temperature.validMaxC, defaults.temperature.validMaxC);
    EXPECT_EQ(policy.observationMinutes, defaults.observationMinutes);
    EXPECT_EQ(policy.age.minAge, defaults.age.minAge);
    EXPECT_FALSE(policy.age.maxAge);
    EXPECT_EQ(policy.age.doctorReviewFromAge, 60);
    EXPECT_EQ(policy.questionActions, Policy::defaultQuestionActions());

    ASSERT_EQ(policy.products.size(), 3u);
    const Product* inactivated = policy.findProduct("INACT-A");
    ASSERT_NE(inactivated, nullptr);
    EXPECT_FALSE(inactivated->name.empty());
    EXPECT_FALSE(inactivated->manufacturer.empty());
    EXPECT_EQ(inactivated->tracePrefixes, std::vector<std::string>{"8612345"});
    EXPECT_EQ(inactivated->gtins, std::vector<std::string>{"02001234000017"});
    EXPECT_EQ(inactivated->seriesDoses, 2);
    EXPECT_EQ(inactivated->minIntervalDays, 21);
    EXPECT_EQ(inactivated->maxIntervalDays, 56);
    EXPECT_EQ(inactivated->boosterMinDays, 180);
    EXPECT_EQ(inactivated->dosesPerPack, 1);

    const Product* recombinant = policy.findProduct("RECOMB-C");
    ASSERT_NE(recombinant, nullptr);
    EXPECT_EQ(recombinant->seriesDoses, 3);
    EXPECT_EQ(recombinant->minIntervalDays, 28);
    EXPECT_EQ(recombinant->maxIntervalDays, 90);
    EXPECT_FALSE(recombinant->boosterMinDays);
    EXPECT_EQ(recombinant->dosesPerPack, 1);

    const Product& vial = policy.products[2];
    EXPECT_EQ(vial.code, "VECTOR-M");
    EXPECT_EQ(vial.seriesDoses, 1);
    EXPECT_EQ(vial.minIntervalDays, 0);
    EXPECT_EQ(vial.dosesPerPack, 2);

    ASSERT_EQ(policy.campaignSteps.size(), 3u);
    ASSERT_NE(policy.stepForAge(18), nullptr);
    EXPECT_EQ(policy.stepForAge(18)->id, "adults");
    EXPECT_EQ(policy.stepForAge(59)->id, "adults");
    EXPECT_TRUE(policy.stepForAge(59)->open);
    EXPECT_EQ(policy.stepForAge(60)->id, "seniors");
    EXPECT_FALSE(policy.stepForAge(60)->maxAge);
    EXPECT_EQ(policy.stepForAge(101)->id, "seniors");
    EXPECT_EQ(policy.stepForAge(3)->id, "minors");
    EXPECT_FALSE(policy.stepForAge(17)->open);
    EXPECT_EQ(policy.stepForAge(2), nullptr);
}

TEST(KioskConfigTest, ExampleListsEveryQuestionExplicitly) {
    const std::string text = readText(kExample);
    for (const auto& item : questionnaire()) {
        const std::string line = "\n" + std::string(item.id) + " = \"" +
                                 std::string(toString(item.defaultAction)) + "\"\n";
        EXPECT_NE(text.find(line), std::string::npos) << item.id;
    }
}

TEST(KioskConfigTest, MinimalConfigGetsDefaults) {
    const auto result = parse(kSite);
    ASSERT_TRUE(result) << result.error().message;
    EXPECT_EQ(result->site.id, "T-1");
    EXPECT_EQ(result->site.name, "Test");
    EXPECT_EQ(result->site.role, Role::Entry);
    EXPECT_EQ(result->site.keyFile, fs::path("/etc/vaxkiosk/site.key"));

    const Policy defaults;
    const Policy& policy = result->policy;
    EXPECT_TRUE(policy.requireHealthCode);
    EXPECT_DOUBLE_EQ(policy.temperature.feverThresholdC, defaults.temperature.feverThresholdC);
    EXPECT_DOUBLE_EQ(policy.temperature.validMinC, defaults.temperature.validMinC);
    EXPECT_DOUBLE_EQ(policy.temperature.validMaxC, defaults.temperature.validMaxC);
    EXPECT_EQ(policy.observationMinutes, 30);
    EXPECT_EQ(policy.age.minAge, 18);
    EXPECT_FALSE(policy.age.maxAge);
    EXPECT_FALSE(policy.age.doctorReviewFromAge);
    EXPECT_EQ(policy.questionActions, Policy::defaultQuestionActions());
    EXPECT_TRUE(policy.products.empty());
    EXPECT_TRUE(policy.campaignSteps.empty());
}

TEST(KioskConfigTest, ReadsEveryPolicyKey) {
    const auto result = parse(kSite +
                              "role = \"console\"\n"
                              "[policy]\n"
                              "require_health_code = false\n"
                              "fever_threshold_c = 37\n"  // an integer is fine for a float
                              "valid_min_c = 32.5\n"
                              "valid_max_c = 42.5\n"
                              "observation_minutes = 15\n"
                              "min_age = 3\n"
                              "max_age = 80\n"
                              "doctor_review_from_age = 65\n"
                              "[questionnaire]\n"
                              "lymphoma = \"defer\"\n"
                              "severe_allergy = \"doctor_review\"\n");
    ASSERT_TRUE(result) << result.error().message;
    const Policy& policy = result->policy;
    EXPECT_EQ(result->site.role, Role::Console);
    EXPECT_FALSE(policy.requireHealthCode);
    EXPECT_DOUBLE_EQ(policy.temperature.feverThresholdC, 37.0);
    EXPECT_DOUBLE_EQ(policy.temperature.validMinC, 32.5);
    EXPECT_DOUBLE_EQ(policy.temperature.validMaxC, 42.5);
    EXPECT_EQ(policy.observationMinutes, 15);
    EXPECT_EQ(policy.age.minAge, 3);
    EXPECT_EQ(policy.age.maxAge, 80);
    EXPECT_EQ(policy.age.doctorReviewFromAge, 65);

    auto expected = Policy::defaultQuestionActions();
    expected[*questionIndex("lymphoma")] = ItemAction::Defer;
    expected[*questionIndex("severe_allergy")] = ItemAction::DoctorReview;
    EXPECT_EQ(policy.questionActions, expected);
}

TEST(KioskConfigTest, SingleDoseProductMayStateZeroIntervals) {
    const auto result = parse(kSite + kProductHead +
                              "series_doses = 1\nmin_interval_days = 0\nmax_interval_days = 0\n");
    ASSERT_TRUE(result) << result.error().message;
    ASSERT_EQ(result->policy.products.size(), 1u);
    EXPECT_EQ(result->policy.products[0].seriesDoses, 1);
    EXPECT_EQ(result->policy.products[0].dosesPerPack, 1);
    EXPECT_FALSE(result->policy.products[0].boosterMinDays);
}

TEST(KioskConfigTest, RoleNames) {
    EXPECT_EQ(toString(Role::Entry), "entry");
    EXPECT_EQ(toString(Role::Station), "station");
    EXPECT_EQ(toString(Role::Exit), "exit");
    EXPECT_EQ(toString(Role::Console), "console");
    EXPECT_EQ(toString(Role::Board), "board");
    EXPECT_EQ(toString(Role::Callboard), "callboard");
    const std::string server =
        "[site_server]\nurl = \"postgresql://dev@127.0.0.1/site\"\nsslmode = \"disable\"\n";
    for (const auto role :
         {Role::Entry, Role::Station, Role::Exit, Role::Console, Role::Board, Role::Callboard}) {
        const auto result =
            parse(kSite + "role = \"" + std::string(toString(role)) + "\"\n" + server);
        ASSERT_TRUE(result) << result.error().message;
        EXPECT_EQ(result->site.role, role);
    }
}

TEST(KioskConfigTest, WallScreensNeedTheSiteServerAndOnlyTheCallScreenSpeaks) {
    EXPECT_EQ(errorOf(kSite + "role = \"board\"\n"),
              "k.toml:4: site.role: board shows the site server's state: it needs a "
              "[site_server]");
    EXPECT_EQ(errorOf(kSite + "role = \"callboard\"\n"),
              "k.toml:4: site.role: callboard shows the site server's state: it needs a "
              "[site_server]");
    EXPECT_EQ(errorOf(kSite + "[devices]\ncall_voice = \"cmn\"\n"),
              "k.toml:5: devices.call_voice: spoken calls are for the callboard role, this "
              "device is entry");
    EXPECT_EQ(errorOf(kSite + "role = \"callboard\"\n[devices]\ncall_voice = \"cmn; rm\"\n"),
              "k.toml:6: devices.call_voice: must be an espeak-ng voice such as \"cmn\", got "
              "\"cmn; rm\"");
    const auto speaking = parse(kSite +
                                "role = \"callboard\"\n[devices]\ncall_voice = \"cmn\"\n"
                                "[site_server]\nurl = \"postgresql://dev@127.0.0.1/site\"\n"
                                "sslmode = \"disable\"\n");
    ASSERT_TRUE(speaking) << speaking.error().message;
    EXPECT_EQ(speaking->devices.callVoice, "cmn");
}

TEST(KioskConfigTest, ExactMessages) {
    EXPECT_EQ(errorOf(""), "k.toml:1: site: missing required table");
    EXPECT_EQ(errorOf("# kiosk\n\n[site]\nname = \"x\"\n"),
              "k.toml:3: site.id: missing required key");
    EXPECT_EQ(errorOf(kSite + "[policy]\nobservation_minutes = 0\n"),
              "k.toml:5: policy.observation_minutes: must be between 1 and 240, got 0");
    EXPECT_EQ(errorOf(kSite + "[policy]\nmin_age = 30\nmax_age = 20\n"),
              "k.toml:6: policy.max_age: must be at least min_age (30), got 20");
    EXPECT_EQ(errorOf(kSite + "[policy]\nfever_threshold_c = 34.5\n"),
              "k.toml:5: policy.fever_threshold_c: must be between 35 and 42, got 34.5");
    EXPECT_EQ(errorOf(kSite + kProductHead),
              "k.toml:4: product[0].series_doses: missing required key");
    EXPECT_EQ(errorOf(kSite + kProductHead +
                      "series_doses = 2\nmin_interval_days = 21\n"
                      "max_interval_days = 14\n"),
              "k.toml:10: product[0].max_interval_days: must be at least min_interval_days (21), "
              "got 14");
}

struct Case {
    std::string text;
    std::string prefix;    ///< "<source>:<line>: <key>: "
    std::string fragment;  ///< part of what is wrong
};

void expectFailures(const std::vector<Case>& cases) {
    for (const auto& c : cases) {
        SCOPED_TRACE(c.text);
        const std::string message = errorOf(c.text);
        EXPECT_EQ(message.rfind(c.prefix, 0), 0u) << message;
        EXPECT_NE(message.find(c.fragment), std::string::npos) << message;
    }
}

TEST(KioskConfigTest, SiteRules) {
    expectFailures({
        {"[site]\nid = \"bad id!\"\nname = \"x\"\n", "k.toml:2: site.id: ",
         "must be 1 to 32 characters of A-Z, a-z, 0-9, '_' or '-', got \"bad id!\""},
        {"[site]\nid = \"" + std::string(33, 'A') + "\"\nname = \"x\"\n",
         "k.toml:2: site.id: ", "must be 1 to 32"},
        {"[site]\nid = \"\"\nname = \"x\"\n", "k.toml:2: site.id: ", "must be 1 to 32"},
        {"[site]\nid = \"A\"\nname = \"  \"\n", "k.toml:3: site.name: ", "must not be empty"},
        {"[site]\nid = \"A\"\n", "k.toml:1: site.name: ", "missing required key"},
        {kSite + "role = \"kitchen\"\n", "k.toml:4: site.role: ",
         "must be one of entry, station, exit, console, board, callboard, got \"kitchen\""},
        {kSite + "key_file = \"\"\n", "k.toml:4: site.key_file: ", "must not be empty"},
        {"site = \"BJ\"\n", "k.toml:1: site: ", "expected a table, got a string"},
        {"[[site]]\nid = \"A\"\nname = \"x\"\n",
         "k.toml:1: site: ", "expected a table, got an array"},
    });
}

TEST(KioskConfigTest, PolicyRules) {
    const std::string p = kSite + "[policy]\n";  // keys from line 5
    expectFailures({
        {p + "fever_threshold_c = 42.5\n",
         "k.toml:5: policy.fever_threshold_c: ", "must be between 35 and 42, got 42.5"},
        {p + "fever_threshold_c = nan\n",
         "k.toml:5: policy.fever_threshold_c: ", "must be between 35 and 42"},
        {p + "fever_threshold_c = 41.0\nvalid_max_c = 40.0\n",
         "k.toml:5: policy.fever_threshold_c: ",
         "fever_threshold_c (41) must lie within valid_min_c..valid_max_c (30..40)"},
        {p + "valid_min_c = 38\n", "k.toml:5: policy.valid_min_c: ", "must lie within"},
        {p + "valid_max_c = 36.5\n", "k.toml:5: policy.valid_max_c: ", "must lie within"},
        {p + "valid_min_c = 19.9\n",
         "k.toml:5: policy.valid_min_c: ", "must be between 20 and 40, got 19.9"},
        {p + "valid_max_c = 45.5\n",
         "k.toml:5: policy.valid_max_c: ", "must be between 20 and 45, got 45.5"},
        {p + "valid_min_c = 38.0\nvalid_max_c = 36.0\n",
         "k.toml:6: policy.valid_max_c: ", "valid_max_c (36) must be above valid_min_c (38)"},
        {p + "valid_min_c = 36.0\nvalid_max_c = 36.0\n",
         "k.toml:6: policy.valid_max_c: ", "must be above valid_min_c"},
        {p + "observation_minutes = 241\n",
         "k.toml:5: policy.observation_minutes: ", "must be between 1 and 240, got 241"},
        {p + "min_age = -1\n", "k.toml:5: policy.min_age: ", "must be between 0 and 120, got -1"},
        {p + "min_age = 121\n", "k.toml:5: policy.min_age: ", "must be between 0 and 120"},
        {p + "max_age = 151\n", "k.toml:5: policy.max_age: ", "must be between 0 and 150"},
        {p + "max_age = 17\n",
         "k.toml:5: policy.max_age: ", "must be at least min_age (18), got 17"},
        {p + "\n\ndoctor_review_from_age = 10\n",
         "k.toml:7: policy.doctor_review_from_age: ", "must be at least min_age (18), got 10"},
        {p + "require_health_code = \"yes\"\n",
         "k.toml:5: policy.require_health_code: ", "expected a boolean, got a string"},
        {p + "fever_threshold_c = \"37.3\"\n",
         "k.toml:5: policy.fever_threshold_c: ", "expected a float, got a string"},
        {p + "min_age = 18.5\n", "k.toml:5: policy.min_age: ", "expected an integer, got a float"},
        {kSite + "policy = 1\n", "k.toml:4: site.policy: ", "unknown key"},
        {"policy = 1\n" + kSite, "k.toml:1: policy: ", "expected a table, got an integer"},
    });
}

TEST(KioskConfigTest, QuestionnaireRules) {
    const std::string q = kSite + "[questionnaire]\n";
    expectFailures({
        {q + "severe_allergy = \"maybe\"\n", "k.toml:5: questionnaire.severe_allergy: ",
         "must be \"defer\" or \"doctor_review\", got \"maybe\""},
        {q + "lymphoma = true\n",
         "k.toml:5: questionnaire.lymphoma: ", "expected a string, got a boolean"},
        {q + "lymphoma = \"defer\"\nheadache = \"defer\"\n", "k.toml:6: questionnaire.headache: ",
         "unknown key (allowed here: severe_allergy, acute_illness, fever_infection, "
         "neurological, immunodeficiency, lymphoma, leukaemia_autoimmune, severe_chronic, "
         "tumour_immunosuppressed)"},
    });
}

TEST(KioskConfigTest, ProductRules) {
    const std::string h = kSite + kProductHead;  // further keys from line 8
    const std::string two = h + "series_doses = 2\n";
    const std::string one = h + "series_doses = 1\n";  // further keys from line 9
    expectFailures({
        {kSite + "[[product]]\ncode = \"P 1\"\n",
         "k.toml:5: product[0].code: ", "must be 1 to 32 characters"},
        {kSite + "[[product]]\nname = \"V\"\n",
         "k.toml:4: product[0].code: ", "missing required key"},
        {kSite + "[[product]]\ncode = \"P1\"\nname = \"\"\n",
         "k.toml:6: product[0].name: ", "must not be empty"},
        {kSite + "[[product]]\ncode = \"P1\"\nname = \"V\"\n",
         "k.toml:4: product[0].manufacturer: ", "missing required key"},
        {h + "series_doses = 0\n",
         "k.toml:8: product[0].series_doses: ", "must be between 1 and 5, got 0"},
        {h + "series_doses = 6\n", "k.toml:8: product[0].series_doses: ", "between 1 and 5"},
        {h + "series_doses = \"2\"\n",
         "k.toml:8: product[0].series_doses: ", "expected an integer, got a string"},
        {two, "k.toml:4: product[0].min_interval_days: ", "missing required key"},
        {two + "min_interval_days = 0\n",
         "k.toml:9: product[0].min_interval_days: ", "must be between 1 and 365, got 0"},
        {two + "min_interval_days = 366\n",
         "k.toml:9: product[0].min_interval_days: ", "must be between 1 and 365"},
        {two + "min_interval_days = 21\n",
         "k.toml:4: product[0].max_interval_days: ", "missing required key"},
        {two + "min_interval_days = 21\nmax_interval_days = 3651\n",
         "k.toml:10: product[0].max_interval_days: ", "must be between 1 and 3650"},
        {one + "min_interval_days = 21\n", "k.toml:9: product[0].min_interval_days: ",
         "must be 0 or absent when series_doses is 1, got 21"},
        {one + "max_interval_days = 5\n",
         "k.toml:9: product[0].max_interval_days: ", "must be 0 or absent when series_doses is 1"},
        {one + "booster_min_days = 0\n",
         "k.toml:9: product[0].booster_min_days: ", "must be between 1 and 3650"},
        {one + "doses_per_pack = 21\n",
         "k.toml:9: product[0].doses_per_pack: ", "must be between 1 and 20, got 21"},
        {one + "doses_per_pack = 0\n",
         "k.toml:9: product[0].doses_per_pack: ", "must be between 1 and 20"},
        {one + "trace_prefixes = [\"861234\"]\n",
         "k.toml:9: product[0].trace_prefixes[0]: ", "must be exactly 7 digits, got \"861234\""},
        {one + "trace_prefixes = [\n  \"8612345\",\n  \"86123a5\",\n]\n",
         "k.toml:11: product[0].trace_prefixes[1]: ", "must be exactly 7 digits"},
        {one + "trace_prefixes = \"8612345\"\n",
         "k.toml:9: product[0].trace_prefixes: ", "expected an array, got a string"},
        {one + "gtins = [\"0200123400001\"]\n",
         "k.toml:9: product[0].gtins[0]: ", "must be exactly 14 digits"},
        {one + "gtins = [2001234000017]\n",
         "k.toml:9: product[0].gtins[0]: ", "expected a string, got an integer"},
        {"product = 3\n" + kSite,
         "k.toml:1: product: ", "expected an array of tables ([[product]]), got an integer"},
        {"[product]\ncode = \"P1\"\n" + kSite,
         "k.toml:1: product: ", "expected an array of tables ([[product]]), got a table"},
    });
}

TEST(KioskConfigTest, BadGtinCheckDigit) {
    EXPECT_EQ(errorOf(kSite + kProductHead +
                      "series_doses = 1\n"
                      "gtins = [\"02001234000017\", \"02001234000018\"]\n"),
              "k.toml:9: product[0].gtins[1]: GTIN \"02001234000018\" has a wrong check digit "
              "(expected 7)");
    // The same codes with their right check digits are accepted.
    const auto result = parse(kSite + kProductHead +
                              "series_doses = 1\n"
                              "gtins = [\"02001234000024\", \"12001234000038\"]\n");
    ASSERT_TRUE(result) << result.error().message;
    EXPECT_EQ(result->policy.products[0].gtins.size(), 2u);
}

TEST(KioskConfigTest, DuplicateProductCode) {
    const std::string product = kProductHead + "series_doses = 1\n";  // 5 lines
    EXPECT_EQ(errorOf(kSite + product + "\n" + product),
              "k.toml:11: product[1].code: duplicate product code \"P1\"");
}

TEST(KioskConfigTest, TraceCodesMustNotBeShared) {
    const std::string first =
        "[[product]]\ncode = \"A\"\nname = \"a\"\nmanufacturer = \"m\"\n"
        "series_doses = 1\ntrace_prefixes = [\"8612345\"]\n"
        "gtins = [\"02001234000017\"]\n";  // lines 4-10
    const std::string second =
        "[[product]]\ncode = \"B\"\nname = \"b\"\nmanufacturer = \"m\"\n"
        "series_doses = 1\n";  // lines 11-15
    EXPECT_EQ(errorOf(kSite + first + second + "trace_prefixes = [\"8600000\", \"8612345\"]\n"),
              "k.toml:16: product[1].trace_prefixes[1]: trace prefix \"8612345\" is already "
              "used by product \"A\"");
    EXPECT_EQ(errorOf(kSite + first + second + "gtins = [\"02001234000017\"]\n"),
              "k.toml:16: product[1].gtins[0]: GTIN \"02001234000017\" is already used by "
              "product \"A\"");
}

TEST(KioskConfigTest, CampaignStepRules) {
    const std::string s = kSite + "[[campaign_step]]\nid = \"a\"\nname = \"A\"\n";  // from line 7
    expectFailures({
        {s, "k.toml:4: campaign_step[0].min_age: ", "missing required key"},
        {kSite + "[[campaign_step]]\nname = \"A\"\nmin_age = 1\n",
         "k.toml:4: campaign_step[0].id: ", "missing required key"},
        {s + "min_age = 151\n", "k.toml:7: campaign_step[0].min_age: ", "between 0 and 150"},
        {s + "min_age = 60\nmax_age = 59\n",
         "k.toml:8: campaign_step[0].max_age: ", "must be at least min_age (60), got 59"},
        {s + "min_age = 60\nopen = 1\n",
         "k.toml:8: campaign_step[0].open: ", "expected a boolean, got an integer"},
        {s + "min_age = 1\n[[campaign_step]]\nid = \"a\"\nname = \"B\"\nmin_age = 5\n",
         "k.toml:9: campaign_step[1].id: ", "duplicate campaign step id \"a\""},
        {"campaign_step = []\nextra = 1\n" + kSite, "k.toml:2: extra: ", "unknown key"},
    });
}

TEST(KioskConfigTest, OverlappingCampaignSteps) {
    const std::string adults =
        "[[campaign_step]]\nid = \"adults\"\nname = \"A\"\nmin_age = 18\nmax_age = 59\n";
    EXPECT_EQ(
        errorOf(kSite + adults + "[[campaign_step]]\nid = \"late\"\nname = \"L\"\nmin_age = 50\n"),
        "k.toml:9: campaign_step[1]: age band 50+ of step \"late\" overlaps step \"adults\" "
        "(18-59)");
    EXPECT_EQ(
        errorOf(kSite + adults +
                "[[campaign_step]]\nid = \"young\"\nname = \"Y\"\nmin_age = 3\nmax_age = 18\n"),
        "k.toml:9: campaign_step[1]: age band 3-18 of step \"young\" overlaps step "
        "\"adults\" (18-59)");
    EXPECT_EQ(
        errorOf(kSite + "[[campaign_step]]\nid = \"all\"\nname = \"All\"\nmin_age = 0\n" + adults),
        "k.toml:8: campaign_step[1]: age band 18-59 of step \"adults\" overlaps step "
        "\"all\" (0+)");
    // Bands that touch without sharing an age are fine.
    const auto result =
        parse(kSite + adults + "[[campaign_step]]\nid = \"old\"\nname = \"O\"\nmin_age = 60\n");
    ASSERT_TRUE(result) << result.error().message;
    EXPECT_EQ(result->policy.campaignSteps.size(), 2u);
}

TEST(KioskConfigTest, UnknownKeys) {
    EXPECT_EQ(errorOf("colour = \"red\"\n" + kSite),
              "k.toml:1: colour: unknown key (allowed here: site, policy, questionnaire, product, "
              "campaign_step, devices, scanning, temperature, network, site_server, staff)");
    EXPECT_EQ(
        errorOf(kSite + "\n[printer]\nport = 1\n"),
        "k.toml:5: printer: unknown key (allowed here: site, policy, questionnaire, "
        "product, campaign_step, devices, scanning, temperature, network, site_server, staff)");
    EXPECT_EQ(errorOf(kSite + "[policy]\nmin_age = 18\nfever = 37.5\n"),
              "k.toml:6: policy.fever: unknown key (allowed here: require_health_code, "
              "fever_threshold_c, valid_min_c, valid_max_c, observation_minutes, min_age, "
              "max_age, doctor_review_from_age)");
    EXPECT_EQ(errorOf(kSite + kProductHead + "series_doses = 1\ncolour = \"red\"\n"),
              "k.toml:9: product[0].colour: unknown key (allowed here: code, name, manufacturer, "
              "trace_prefixes, gtins, series_doses, min_interval_days, max_interval_days, "
              "booster_min_days, doses_per_pack)");
    EXPECT_EQ(
        errorOf(kSite + "ip = \"10.0.0.1\"\n"),
        "k.toml:4: site.ip: unknown key (allowed here: id, name, role, key_file, trust_file)");
    EXPECT_EQ(errorOf(kSite + "[policy.extra]\nx = 1\n"),
              "k.toml:4: policy.extra: unknown key (allowed here: require_health_code, "
              "fever_threshold_c, valid_min_c, valid_max_c, observation_minutes, min_age, "
              "max_age, doctor_review_from_age)");
    EXPECT_EQ(errorOf(kSite + "[[campaign_step]]\nid = \"a\"\nname = \"A\"\nmin_age = 1\nto = 2\n"),
              "k.toml:8: campaign_step[0].to: unknown key (allowed here: id, name, min_age, "
              "max_age, open)");
}

TEST(KioskConfigTest, WrongType) {
    EXPECT_EQ(errorOf(kSite + "[policy]\nmin_age = \"18\"\n"),
              "k.toml:5: policy.min_age: expected an integer, got a string");
    EXPECT_EQ(errorOf("[site]\nid = 17\nname = \"x\"\n"),
              "k.toml:2: site.id: expected a string, got an integer");
    EXPECT_EQ(errorOf(kSite + "[policy]\nobservation_minutes = 1979-05-27\n"),
              "k.toml:5: policy.observation_minutes: expected an integer, got a date");
}

TEST(KioskConfigTest, ExampleDevicesAndScanning) {
    const auto result = loadKioskConfig(kExample);
    ASSERT_TRUE(result) << result.error().message;

    const DeviceConfig& devices = result->devices;
    EXPECT_EQ(devices.camera, "camera:0");
    EXPECT_EQ(devices.cameraWidth, 1280);
    EXPECT_EQ(devices.cameraHeight, 720);
    EXPECT_DOUBLE_EQ(devices.cameraFps, 30.0);
    EXPECT_EQ(devices.hidScanner, "");  // commented out in the example
    EXPECT_EQ(devices.serialScanner, "");
    EXPECT_EQ(devices.serialBaud, 9600u);

    const ScanningConfig& scanning = result->scanning;
    EXPECT_FALSE(scanning.formats);  // the role decides
    EXPECT_EQ(scanning.confirmWindowMs, 500);
    EXPECT_EQ(scanning.debounceMs, 3000);
    EXPECT_EQ(scanning.rules.healthCodeUrlPrefixes,
              std::vector<std::string>{"https://hc.example.gov.cn/v/"});
    EXPECT_EQ(scanning.rules.eIdPrefixes, std::vector<std::string>{"EID:"});
    EXPECT_EQ(scanning.rules.ticketPrefix, "VK1:");
    ASSERT_EQ(scanning.rules.healthCodeTokens.size(), 1u);
    const TokenPattern& token = scanning.rules.healthCodeTokens[0];
    EXPECT_EQ(token.prefix, "HC1:");
    EXPECT_EQ(token.minLength, 16u);
    EXPECT_EQ(token.maxLength, 64u);
    EXPECT_EQ(token.alphabet, TokenPattern::Alphabet::Base64Url);
}

TEST(KioskConfigTest, ExampleDocumentsTheCommentedOutDeviceKeys) {
    const std::string text = readText(kExample);
    for (const std::string line :
         {"\n# hid_scanner = \"/dev/input/", "\n# serial_scanner = \"/dev/",
          "\n# serial_baud = 9600\n", "\n# formats = \"qr,pdf417,datamatrix\"\n"}) {
        EXPECT_NE(text.find(line), std::string::npos) << line;
    }
}

TEST(KioskConfigTest, DevicesAndScanningDefaultWhenAbsent) {
    const auto result = parse(kSite);
    ASSERT_TRUE(result) << result.error().message;
    const DeviceConfig& devices = result->devices;
    EXPECT_EQ(devices.camera, "");
    EXPECT_EQ(devices.cameraWidth, 1280);
    EXPECT_EQ(devices.cameraHeight, 720);
    EXPECT_DOUBLE_EQ(devices.cameraFps, 30.0);
    EXPECT_EQ(devices.hidScanner, "");
    EXPECT_EQ(devices.serialScanner, "");
    EXPECT_EQ(devices.serialBaud, 9600u);

    const ScanningConfig& scanning = result->scanning;
    EXPECT_FALSE(scanning.formats);
    EXPECT_EQ(scanning.confirmWindowMs, 500);
    EXPECT_EQ(scanning.debounceMs, 3000);
    EXPECT_TRUE(scanning.rules.healthCodeUrlPrefixes.empty());
    EXPECT_TRUE(scanning.rules.healthCodeTokens.empty());
    EXPECT_TRUE(scanning.rules.eIdPrefixes.empty());
    EXPECT_EQ(scanning.rules.ticketPrefix, "VK1:");

    // Empty tables change nothing either.
    const auto empty = parse(kSite + "[devices]\n[scanning]\n");
    ASSERT_TRUE(empty) << empty.error().message;
    EXPECT_EQ(empty->devices.camera, "");
    EXPECT_FALSE(empty->scanning.formats);
    EXPECT_EQ(empty->scanning.rules.ticketPrefix, "VK1:");
}

TEST(KioskConfigTest, ReadsEveryDevicesAndScanningKey) {
    const auto result = parse(kSite +
                              "[devices]\n"
                              "camera = \"demo/queue.mp4\"\n"
                              "camera_width = 640\n"
                              "camera_height = 480\n"
                              "camera_fps = 29.97\n"
                              "hid_scanner = \"/dev/input/event3\"\n"
                              "serial_scanner = \"/dev/ttyUSB1\"\n"
                              "serial_baud = 115200\n"
                              "[scanning]\n"
                              "formats = \"QR,code128,Aztec\"\n"
                              "confirm_window_ms = 50\n"
                              "debounce_ms = 0\n"
                              "health_code_url_prefixes = [\"https://a.example/v/\", "
                              "\"https://b.example\"]\n"
                              "eid_prefixes = [\"EID:\", \"CTID-\"]\n"
                              "ticket_prefix = \"SITE7:T:\"\n"
                              "[[scanning.health_code_token]]\n"
                              "min_length = 18\n"
                              "max_length = 18\n"
                              "alphabet = \"digits\"\n"
                              "[[scanning.health_code_token]]\n"
                              "prefix = \"\"\n"
                              "min_length = 1\n"
                              "max_length = 4096\n");
    ASSERT_TRUE(result) << result.error().message;
    const DeviceConfig& devices = result->devices;
    EXPECT_EQ(devices.camera, "demo/queue.mp4");
    EXPECT_EQ(devices.cameraWidth, 640);
    EXPECT_EQ(devices.cameraHeight, 480);
    EXPECT_DOUBLE_EQ(devices.cameraFps, 29.97);
    EXPECT_EQ(devices.hidScanner, "/dev/input/event3");
    EXPECT_EQ(devices.serialScanner, "/dev/ttyUSB1");
    EXPECT_EQ(devices.serialBaud, 115200u);

    const ScanningConfig& scanning = result->scanning;
    ASSERT_TRUE(scanning.formats);
    EXPECT_EQ(*scanning.formats,
              (FormatSet{CodeFormat::QRCode, CodeFormat::Code128, CodeFormat::Aztec}));
    EXPECT_EQ(scanning.confirmWindowMs, 50);
    EXPECT_EQ(scanning.debounceMs, 0);
    EXPECT_EQ(scanning.rules.healthCodeUrlPrefixes,
              (std::vector<std::string>{"https://a.example/v/", "https://b.example"}));
    EXPECT_EQ(scanning.rules.eIdPrefixes, (std::vector<std::string>{"EID:", "CTID-"}));
    EXPECT_EQ(scanning.rules.ticketPrefix, "SITE7:T:");
    ASSERT_EQ(scanning.rules.healthCodeTokens.size(), 2u);
    const TokenPattern& digits = scanning.rules.healthCodeTokens[0];
    EXPECT_EQ(digits.prefix, "");
    EXPECT_EQ(digits.minLength, 18u);
    EXPECT_EQ(digits.maxLength, 18u);
    EXPECT_EQ(digits.alphabet, TokenPattern::Alphabet::Digits);
    const TokenPattern& any = scanning.rules.healthCodeTokens[1];
    EXPECT_EQ(any.minLength, 1u);
    EXPECT_EQ(any.maxLength, 4096u);
    EXPECT_EQ(any.alphabet, TokenPattern::Alphabet::Alnum);  // the default
}

TEST(KioskConfigTest, EveryBaudRateIsAccepted) {
    for (const unsigned baud :
         {1200u, 2400u, 4800u, 9600u, 19200u, 38400u, 57600u, 115200u, 230400u, 460800u, 921600u}) {
        const auto result =
            parse(kSite + "[devices]\nserial_baud = " + std::to_string(baud) + "\n");
        ASSERT_TRUE(result) << result.error().message;
        EXPECT_EQ(result->devices.serialBaud, baud);
    }
}

TEST(KioskConfigTest, DevicesRules) {
    const std::string d = kSite + "[devices]\n";  // keys from line 5
    expectFailures({
        {d + "camera = \"\"\n", "k.toml:5: devices.camera: ", "must not be empty"},
        {d + "camera = \" \"\n", "k.toml:5: devices.camera: ", "must not be empty"},
        {d + "camera = \"camera:\"\n",
         "k.toml:5: devices.camera: ", "needs a device after \"camera:\""},
        // Too long for an int: refused here, not thrown by the camera thread at start-up.
        {d + "camera = \"camera:99999999999\"\n",
         "k.toml:5: devices.camera: ", "\"99999999999\" is not a camera number"},
        {d + "camera = 0\n", "k.toml:5: devices.camera: ", "expected a string, got an integer"},
        {d + "camera_width = 159\n",
         "k.toml:5: devices.camera_width: ", "must be between 160 and 4096, got 159"},
        {d + "camera_width = 4097\n",
         "k.toml:5: devices.camera_width: ", "must be between 160 and 4096, got 4097"},
        {d + "camera_width = 1280.0\n",
         "k.toml:5: devices.camera_width: ", "expected an integer, got a float"},
        {d + "camera_height = 119\n",
         "k.toml:5: devices.camera_height: ", "must be between 120 and 4096, got 119"},
        {d + "camera_height = 4097\n",
         "k.toml:5: devices.camera_height: ", "must be between 120 and 4096"},
        {d + "camera_height = \"720\"\n",
         "k.toml:5: devices.camera_height: ", "expected an integer, got a string"},
        {d + "camera_fps = 0.5\n",
         "k.toml:5: devices.camera_fps: ", "must be between 1 and 120, got 0.5"},
        {d + "camera_fps = 121\n",
         "k.toml:5: devices.camera_fps: ", "must be between 1 and 120, got 121"},
        {d + "camera_fps = nan\n", "k.toml:5: devices.camera_fps: ", "must be between 1 and 120"},
        {d + "camera_fps = \"30\"\n",
         "k.toml:5: devices.camera_fps: ", "expected a float, got a string"},
        {d + "hid_scanner = \"\"\n", "k.toml:5: devices.hid_scanner: ", "must not be empty"},
        {d + "hid_scanner = \"/dev/hidraw0\"\n", "k.toml:5: devices.hid_scanner: ",
         "must be a device under \"/dev/input/\", got \"/dev/hidraw0\""},
        {d + "hid_scanner = \"/dev/input/\"\n",
         "k.toml:5: devices.hid_scanner: ", "must be a device under \"/dev/input/\""},
        {d + "hid_scanner = [\"/dev/input/event3\"]\n",
         "k.toml:5: devices.hid_scanner: ", "expected a string, got an array"},
        {d + "serial_scanner = \"\"\n", "k.toml:5: devices.serial_scanner: ", "must not be empty"},
        {d + "serial_scanner = \"ttyACM0\"\n",
         "k.toml:5: devices.serial_scanner: ", "must be a device under \"/dev/\", got \"ttyACM0\""},
        {d + "serial_scanner = \"COM3\"\n",
         "k.toml:5: devices.serial_scanner: ", "must be a device under \"/dev/\""},
        {d + "serial_baud = 9601\n", "k.toml:5: devices.serial_baud: ",
         "must be one of 1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400, 460800, "
         "921600, got 9601"},
        {d + "serial_baud = -9600\n", "k.toml:5: devices.serial_baud: ", "got -9600"},
        {d + "serial_baud = \"9600\"\n",
         "k.toml:5: devices.serial_baud: ", "expected an integer, got a string"},
        {d + "camera_width = 640\n\nserial_baud = 0\n",
         "k.toml:7: devices.serial_baud: ", "must be one of"},
        {"devices = \"camera:0\"\n" + kSite,
         "k.toml:1: devices: ", "expected a table, got a string"},
        {kSite + "[[devices]]\ncamera = \"camera:0\"\n",
         "k.toml:4: devices: ", "expected a table, got an array"},
    });
}

TEST(KioskConfigTest, ScanningRules) {
    const std::string s = kSite + "[scanning]\n";  // keys from line 5
    const std::string known = "known: qr, microqr, pdf417, datamatrix, code128, aztec";
    expectFailures({
        {s + "formats = \"qr,barcode\"\n", "k.toml:5: scanning.formats: ",
         "unknown format \"barcode\" in \"qr,barcode\" (" + known + ")"},
        {s + "formats = \"qr, pdf417\"\n", "k.toml:5: scanning.formats: ",
         "unknown format \" pdf417\" in \"qr, pdf417\" (" + known +
             "; separate names with commas only)"},
        {s + "formats = \"qr,\"\n", "k.toml:5: scanning.formats: ", "unknown format \"\""},
        {s + "formats = \"\"\n",
         "k.toml:5: scanning.formats: ", "must list at least one format (" + known + ")"},
        {s + "formats = [\"qr\"]\n",
         "k.toml:5: scanning.formats: ", "expected a string, got an array"},
        {s + "confirm_window_ms = 49\n",
         "k.toml:5: scanning.confirm_window_ms: ", "must be between 50 and 5000, got 49"},
        {s + "confirm_window_ms = 5001\n",
         "k.toml:5: scanning.confirm_window_ms: ", "must be between 50 and 5000, got 5001"},
        {s + "confirm_window_ms = 0.5\n",
         "k.toml:5: scanning.confirm_window_ms: ", "expected an integer, got a float"},
        {s + "debounce_ms = -1\n",
         "k.toml:5: scanning.debounce_ms: ", "must be between 0 and 60000, got -1"},
        {s + "debounce_ms = 60001\n",
         "k.toml:5: scanning.debounce_ms: ", "must be between 0 and 60000, got 60001"},
        {s + "health_code_url_prefixes = [\"http://hc.example.gov.cn/v/\"]\n",
         "k.toml:5: scanning.health_code_url_prefixes[0]: ",
         "must start with \"https://\", got \"http://hc.example.gov.cn/v/\" (use https"},
        {s + "health_code_url_prefixes = [\"https://a.example/\", \"hc.example.gov.cn/v/\"]\n",
         "k.toml:5: scanning.health_code_url_prefixes[1]: ",
         "must start with \"https://\", got \"hc.example.gov.cn/v/\""},
        {s + "health_code_url_prefixes = [\"\"]\n",
         "k.toml:5: scanning.health_code_url_prefixes[0]: ", "must start with \"https://\""},
        {s + "health_code_url_prefixes = [\"https://\"]\n",
         "k.toml:5: scanning.health_code_url_prefixes[0]: ",
         "must name a host after \"https://\", got \"https://\""},
        {s + "health_code_url_prefixes = [\n  \"https://a.example/\",\n  \"https://a.example/" +
             std::string(183, 'x') + "\",\n]\n",
         "k.toml:7: scanning.health_code_url_prefixes[1]: ",
         "must be at most 200 characters, got 201"},
        {s + "health_code_url_prefixes = \"https://a.example/\"\n",
         "k.toml:5: scanning.health_code_url_prefixes: ", "expected an array, got a string"},
        {s + "health_code_url_prefixes = [42]\n",
         "k.toml:5: scanning.health_code_url_prefixes[0]: ", "expected a string, got an integer"},
        {s + "eid_prefixes = [\"EID:\", \"\"]\n",
         "k.toml:5: scanning.eid_prefixes[1]: ", "must not be empty"},
        {s + "eid_prefixes = [\"" + std::string(33, 'E') + "\"]\n",
         "k.toml:5: scanning.eid_prefixes[0]: ", "must be at most 32 characters, got 33"},
        {s + "eid_prefixes = \"EID:\"\n",
         "k.toml:5: scanning.eid_prefixes: ", "expected an array, got a string"},
        {s + "ticket_prefix = \"\"\n", "k.toml:5: scanning.ticket_prefix: ",
         "must be 1 to 16 characters of A-Z, 0-9 or ':', got \"\""},
        {s + "ticket_prefix = \"vk1:\"\n",
         "k.toml:5: scanning.ticket_prefix: ", "A-Z, 0-9 or ':', got \"vk1:\""},
        {s + "ticket_prefix = \"VK-1:\"\n", "k.toml:5: scanning.ticket_prefix: ", "got \"VK-1:\""},
        {s + "ticket_prefix = \"" + std::string(17, 'T') + "\"\n",
         "k.toml:5: scanning.ticket_prefix: ", "must be 1 to 16 characters"},
        {s + "ticket_prefix = 1\n",
         "k.toml:5: scanning.ticket_prefix: ", "expected a string, got an integer"},
        {"scanning = 1\n" + kSite, "k.toml:1: scanning: ", "expected a table, got an integer"},
    });
    // The longest allowed values pass.
    const auto longest =
        parse(s + "health_code_url_prefixes = [\"https://a.example/" + std::string(182, 'x') +
              "\"]\neid_prefixes = [\"" + std::string(32, 'E') + "\"]\nticket_prefix = \"" +
              std::string(16, 'T') + "\"\n");
    ASSERT_TRUE(longest) << longest.error().message;
    EXPECT_EQ(longest->scanning.rules.healthCodeUrlPrefixes[0].size(), 200u);
}

TEST(KioskConfigTest, HealthCodeTokenRules) {
    const std::string t = kSite + "[[scanning.health_code_token]]\n";      // keys from line 5
    const std::string lengths = t + "min_length = 16\nmax_length = 64\n";  // from line 7
    expectFailures({
        {t + "max_length = 64\n",
         "k.toml:4: scanning.health_code_token[0].min_length: ", "missing required key"},
        {t + "min_length = 16\n",
         "k.toml:4: scanning.health_code_token[0].max_length: ", "missing required key"},
        {t + "min_length = 0\nmax_length = 64\n",
         "k.toml:5: scanning.health_code_token[0].min_length: ",
         "must be between 1 and 4096, got 0"},
        {t + "min_length = 16\nmax_length = 4097\n",
         "k.toml:6: scanning.health_code_token[0].max_length: ",
         "must be between 1 and 4096, got 4097"},
        {t + "min_length = 16\nmax_length = 15\n",
         "k.toml:6: scanning.health_code_token[0].max_length: ",
         "must be at least min_length (16), got 15"},
        {t + "max_length = 8\nmin_length = 9\n",
         "k.toml:5: scanning.health_code_token[0].max_length: ",
         "must be at least min_length (9), got 8"},
        {t + "min_length = \"16\"\nmax_length = 64\n",
         "k.toml:5: scanning.health_code_token[0].min_length: ",
         "expected an integer, got a string"},
        {lengths + "alphabet = \"hex\"\n", "k.toml:7: scanning.health_code_token[0].alphabet: ",
         "must be one of digits, alnum, base64url, got \"hex\""},
        {lengths + "alphabet = \"Digits\"\n",
         "k.toml:7: scanning.health_code_token[0].alphabet: ", "got \"Digits\""},
        {lengths + "prefix = 1\n",
         "k.toml:7: scanning.health_code_token[0].prefix: ", "expected a string, got an integer"},
        {lengths + "[[scanning.health_code_token]]\nmin_length = 5\nmax_length = 4\n",
         "k.toml:9: scanning.health_code_token[1].max_length: ",
         "must be at least min_length (5), got 4"},
        {kSite + "[scanning]\nhealth_code_token = 3\n", "k.toml:5: scanning.health_code_token: ",
         "expected an array of tables ([[scanning.health_code_token]]), got an integer"},
        {kSite + "[scanning.health_code_token]\nmin_length = 1\n",
         "k.toml:4: scanning.health_code_token: ",
         "expected an array of tables ([[scanning.health_code_token]]), got a table"},
        {kSite + "[scanning]\nhealth_code_token = [1]\n",
         "k.toml:5: scanning.health_code_token[0]: ", "expected a table, got an integer"},
    });
}

TEST(KioskConfigTest, DevicesAndScanningExactMessages) {
    EXPECT_EQ(errorOf(kSite + "[devices]\ncamera_fps = 240\n"),
              "k.toml:5: devices.camera_fps: must be between 1 and 120, got 240");
    EXPECT_EQ(
        errorOf(kSite + "[scanning]\nhealth_code_url_prefixes = [\"http://hc.example/v/\"]\n"),
        "k.toml:5: scanning.health_code_url_prefixes[0]: must start with \"https://\", got "
        "\"http://hc.example/v/\" (use https: health codes must not travel in clear text)");
    EXPECT_EQ(errorOf(kSite + "[[scanning.health_code_token]]\nprefix = \"HC1:\"\n"
                              "min_length = 64\nmax_length = 16\n"),
              "k.toml:7: scanning.health_code_token[0].max_length: must be at least min_length "
              "(64), got 16");
}

TEST(KioskConfigTest, UnknownKeysInDevicesAndScanning) {
    EXPECT_EQ(errorOf(kSite + "[devices]\ncamera = \"camera:0\"\nmicrophone = \"hw:0\"\n"),
              "k.toml:6: devices.microphone: unknown key (allowed here: camera, camera_width, "
              "camera_height, camera_fps, hid_scanner, serial_scanner, serial_baud, printer, "
              "printer_profile, thermometer, call_voice)");
    EXPECT_EQ(errorOf(kSite + "[scanning]\ndebounce_ms = 100\ndebounce = 100\n"),
              "k.toml:6: scanning.debounce: unknown key (allowed here: formats, "
              "confirm_window_ms, debounce_ms, health_code_url_prefixes, eid_prefixes, "
              "ticket_prefix, health_code_token)");
    EXPECT_EQ(errorOf(kSite + "[[scanning.health_code_token]]\nmin_length = 1\nmax_length = 2\n"
                              "charset = \"digits\"\n"),
              "k.toml:7: scanning.health_code_token[0].charset: unknown key (allowed here: "
              "prefix, min_length, max_length, alphabet)");
    // A sub-table where none belongs is an unknown key too.
    EXPECT_EQ(errorOf(kSite + "[devices.camera2]\nwidth = 1\n"),
              "k.toml:4: devices.camera2: unknown key (allowed here: camera, camera_width, "
              "camera_height, camera_fps, hid_scanner, serial_scanner, serial_baud, printer, "
              "printer_profile, thermometer, call_voice)");
}

TEST(KioskConfigTest, SyntaxErrorShowsLineAndColumn) {
    const std::string message = errorOf(kSite + "[policy]\nmin_age = = 3\n");
    EXPECT_EQ(message.rfind("k.toml:5:11: ", 0), 0u) << message;
    EXPECT_GT(message.size(), std::string("k.toml:5:11: ").size());

    const std::string unclosed = errorOf(kSite + "name2 = \"open\n");
    EXPECT_EQ(unclosed.rfind("k.toml:4:", 0), 0u) << unclosed;
}

// Found by kiosk_config_fuzz: Debian's toml++ asserted (and aborted a Debug or Debian-built
// kiosk) on these table headers; they are parse errors like any other.
TEST(KioskConfigTest, MalformedTableHeadersAreErrorsNotAborts) {
    for (const std::string header : {"[;", "[[[", "[;s-CY-001\"\nnaite]", "[ ;]", "[[;]]"}) {
        SCOPED_TRACE(header);
        const std::string message = errorOf(kSite + header + "\n");
        EXPECT_EQ(message.rfind("k.toml:4:", 0), 0u) << message;
    }
}

TEST_F(KioskConfigFileTest, MissingFile) {
    const fs::path path = m_dir / "absent.toml";
    const auto result = loadKioskConfig(path);
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().message, path.string() + ": cannot open: No such file or directory");
}

TEST_F(KioskConfigFileTest, DirectoryIsNotAFile) {
    const auto result = loadKioskConfig(m_dir);
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().message.rfind(m_dir.string() + ": ", 0), 0u);
    EXPECT_NE(result.error().message.find("Is a directory"), std::string::npos)
        << result.error().message;
}

TEST_F(KioskConfigFileTest, EmptyFile) {
    const fs::path path = write("kiosk.toml", "");
    const auto result = loadKioskConfig(path);
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().message, path.string() + ":1: site: missing required table");
}

TEST_F(KioskConfigFileTest, ErrorsNameTheFile) {
    const fs::path path = write("kiosk.toml", kSite + "[policy]\nmin_age = 200\n");
    const auto result = loadKioskConfig(path);
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().message,
              path.string() + ":5: policy.min_age: must be between 0 and 120, got 200");
}

TEST_F(KioskConfigFileTest, RelativeKeyFileIsTakenFromTheConfigFolder) {
    const auto byDefault = loadKioskConfig(write("default.toml", kSite));
    ASSERT_TRUE(byDefault) << byDefault.error().message;
    EXPECT_EQ(byDefault->site.keyFile, m_dir / "site.key");

    const auto relative =
        loadKioskConfig(write("relative.toml", kSite + "key_file = \"secrets/kiosk.key\"\n"));
    ASSERT_TRUE(relative) << relative.error().message;
    EXPECT_EQ(relative->site.keyFile, m_dir / "secrets/kiosk.key");

    const auto absolute = loadKioskConfig(
        write("absolute.toml", kSite + "key_file = \"/var/lib/vaxkiosk/site.key\"\n"));
    ASSERT_TRUE(absolute) << absolute.error().message;
    EXPECT_EQ(absolute->site.keyFile, fs::path("/var/lib/vaxkiosk/site.key"));
}

TEST(KioskConfigTest, RelativeKeyFileWithParseBaseDir) {
    const auto result =
        parseKioskConfig(kSite + "key_file = \"keys/site.key\"\n", "k.toml", "/opt/kiosk/etc");
    ASSERT_TRUE(result) << result.error().message;
    EXPECT_EQ(result->site.keyFile, fs::path("/opt/kiosk/etc/keys/site.key"));
}

}  // namespace
TEST(KioskConfigTrust, TrustFileIsResolvedAgainstTheConfigFolder) {
    const std::string text =
        "[site]\nid = \"S1\"\nname = \"Site\"\ntrust_file = \"keys/trust.txt\"\n";
    auto config = parseKioskConfig(text, "k.toml", "/etc/vaxkiosk");
    ASSERT_TRUE(config) << config.error().message;
    EXPECT_EQ(config->site.trustFile, std::filesystem::path("/etc/vaxkiosk/keys/trust.txt"));
    auto none = parseKioskConfig("[site]\nid = \"S1\"\nname = \"Site\"\n", "k.toml", "/x");
    ASSERT_TRUE(none);
    EXPECT_TRUE(none->site.trustFile.empty());
}

TEST(KioskConfigPrinter, PrinterUriAndProfileAreReadAndBadUrisNamed) {
    const std::string site = "[site]\nid = \"S1\"\nname = \"Site\"\n[devices]\n";
    auto ok = parseKioskConfig(site +
                                   "printer = \"tcp://10.1.2.3:9100\"\n"
                                   "printer_profile = \"generic-58-raster\"\n",
                               "k.toml", "/x");
    ASSERT_TRUE(ok) << ok.error().message;
    EXPECT_EQ(ok->devices.printer, "tcp://10.1.2.3:9100");
    EXPECT_EQ(ok->devices.printerProfile, "generic-58-raster");
    auto defaults = parseKioskConfig(site, "k.toml", "/x");
    ASSERT_TRUE(defaults);
    EXPECT_TRUE(defaults->devices.printer.empty());
    EXPECT_EQ(defaults->devices.printerProfile, "generic-80-native-qr");
    auto bad = parseKioskConfig(site + "printer = \"lpt1\"\n", "k.toml", "/x");
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().message.rfind("k.toml:5: devices.printer: must be", 0), 0u)
        << bad.error().message;
}

}  // namespace vax
