// Every FHIR resource the kiosk uploads is valid against the official FHIR R4 JSON Schema
// (../shared/data/fhir/fhir.schema.json): doses bound at the station over a real journal,
// taken from the outbox as the upload drain takes them, built as the uploader builds them.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <optional>

#include "TestPaths.h"
#include "net/JsonSchema.h"
#include "net/UploadRecord.h"
#include "ops/OpsFixture.h"
#include "sync/JournalSync.h"

namespace vax {
namespace {

using nlohmann::json;
using namespace vax::test;
using Clock = std::chrono::steady_clock;

constexpr const char* kImmunization = "#/definitions/Immunization";
constexpr const char* kBundle = "#/definitions/Bundle";
// The example catalogue's INACT-A as a GS1 element string: GTIN, expiry, lot, serial.
constexpr const char* kGs1Pack = "(01)02001234000017(17)271231(10)L2027A(21)S0001";

double millisSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// FHIR JSON (R4 json.html): no element is an empty string, array or object. The schema states
// it for strings only (their patterns need a character), so the rest is checked here.
void collectEmpty(const json& value, const std::string& pointer, std::vector<std::string>& out) {
    if ((value.is_string() && value.get_ref<const std::string&>().empty()) ||
        ((value.is_array() || value.is_object()) && value.empty())) {
        out.push_back(pointer);
        return;
    }
    if (value.is_object()) {
        for (const auto& [key, member] : value.items()) {
            collectEmpty(member, pointer + "/" + key, out);
        }
    } else if (value.is_array()) {
        for (std::size_t i = 0; i < value.size(); ++i) {
            collectEmpty(value[i], pointer + "/" + std::to_string(i), out);
        }
    }
}

std::vector<std::string> emptyValues(const json& value) {
    std::vector<std::string> out;
    collectEmpty(value, "", out);
    return out;
}

class FhirSchemaTest : public OpsTest {
protected:
    // The 3.4 MB schema is read and compiled once for the whole binary.
    static void SetUpTestSuite() {
        const auto file = std::filesystem::path(kSharedDataDir) / "fhir" / "fhir.schema.json";
        if (!std::filesystem::exists(file)) {
            return;
        }
        const auto start = Clock::now();
        auto schema = JsonSchema::load(file);
        ASSERT_TRUE(schema) << schema.error().message;
        const double readMs = millisSince(start);
        // The first check compiles the definition; an empty object only starts it.
        auto compileStart = Clock::now();
        ASSERT_TRUE(schema->violations(json::object(), kImmunization));
        const double immunizationMs = millisSince(compileStart);
        compileStart = Clock::now();
        ASSERT_TRUE(schema->violations(json::object(), kBundle));
        const double bundleMs = millisSince(compileStart);
        std::cout << "[ timing   ] FHIR R4 schema: read and parse " << readMs
                  << " ms, compile Immunization " << immunizationMs << " ms, compile Bundle "
                  << bundleMs << " ms\n";
        s_schema = new JsonSchema(std::move(schema).value());
    }

    static void TearDownTestSuite() {
        delete s_schema;
        s_schema = nullptr;
    }

    void SetUp() override {
        if (s_schema == nullptr) {
            GTEST_SKIP() << "no FHIR R4 schema at " << kSharedDataDir
                         << "/fhir/fhir.schema.json (the shared data is absent)";
        }
        OpsTest::SetUp();
    }

    static const JsonSchema& schema() { return *s_schema; }

    // Resident `serial` checked in and called on `day` at 09:00, bound at 09:10 to `code`.
    std::int64_t vaccinate(int serial, const std::string& code, const char* day = kDay) {
        const CivilDate date = *CivilDate::parseIso(day);
        const std::int64_t nine =
            kNineAm + (date.daysSinceEpoch() - CivilDate::parseIso(kDay)->daysSinceEpoch()) * 24 *
                          60 * kMinute;
        const PersonVault vault(m_keys);
        auto visit =
            m_journal->visits().checkIn(makeCheckIn(vault, serial, Outcome::Proceed, day, nine));
        EXPECT_TRUE(visit && visit->queueNumber);
        if (!visit || !visit->queueNumber) {
            return 0;
        }
        EXPECT_TRUE(
            m_journal->visits().callNext(day, visit->queueNumber->desk, 10, nine + kMinute));
        auto slip = issueSlip(m_config, m_keys, *visit,
                              *m_journal->visits().personOf(visit->visitId), nine);
        EXPECT_TRUE(slip);
        auto bound = bindAtStation(m_config, m_keys, *m_journal, *slip, code, "station-1",
                                   SiteTime{nine + 10 * kMinute, date});
        EXPECT_TRUE(bound) << (bound ? "" : bound.error().message);
        return visit->visitId;
    }

    void reactionOf(std::int64_t visitId) {
        ReactionRecord reaction;
        reaction.visitId = visitId;
        reaction.category = ReactionCategory::AllergicRash;
        reaction.onsetAtMs = kNineAm + 25 * kMinute;
        reaction.action = "antihistamine";
        reaction.outcome = "recovered";
        reaction.staff = "nurse-1";
        reaction.atMs = kNineAm + 27 * kMinute;
        ASSERT_TRUE(m_journal->reactions().recordReaction(reaction));
    }

    // The immunizations waiting in the outbox, as the upload drain gets them.
    std::vector<UploadRecord> immunizations() {
        JournalOutboxQueue queue(*m_journal, m_config.site.id, "entry-1");
        auto pending = queue.pending(1000);
        EXPECT_TRUE(pending) << (pending ? "" : pending.error().message);
        std::vector<UploadRecord> out;
        for (UploadRecord& record : pending ? *pending : std::vector<UploadRecord>{}) {
            if (record.kind == UploadRecord::Kind::Immunization) {
                out.push_back(std::move(record));
            }
        }
        return out;
    }

    // As makeUploader sets it up from the config.
    UploadContext context() const {
        return UploadContext{m_config.site.id, m_config.site.name, "entry-1",
                             &m_config.policy.products};
    }

    // The one immunization of `visitId`, as uploaded.
    json immunizationOf(std::int64_t visitId) {
        for (const UploadRecord& record : immunizations()) {
            if (record.visitId == visitId) {
                return fhirImmunization(record, context());
            }
        }
        ADD_FAILURE() << "no immunization of visit " << visitId << " in the outbox";
        return json::object();
    }

    static void expectValid(const json& resource, const char* definition) {
        auto found = schema().violations(resource, definition);
        ASSERT_TRUE(found) << found.error().message;
        EXPECT_TRUE(found->empty()) << definition << ": " << describeViolations(*found) << "\n"
                                    << resource.dump(2);
        const auto empty = emptyValues(resource);
        EXPECT_TRUE(empty.empty()) << "empty values at " << ::testing::PrintToString(empty);
    }

    static inline JsonSchema* s_schema = nullptr;
};

TEST_F(FhirSchemaTest, ADoseFromA20DigitTraceCodeHasNoLotOrExpiryAndIsValid) {
    const json resource = immunizationOf(vaccinate(1, kPack));
    expectValid(resource, kImmunization);
    EXPECT_FALSE(resource.contains("lotNumber")) << "a 20-digit trace code names no lot";
    EXPECT_FALSE(resource.contains("expirationDate"));
    EXPECT_FALSE(resource.contains("reaction"));
    EXPECT_EQ(resource["note"][0]["text"], std::string("trace code ") + kPack);
    EXPECT_EQ(resource["protocolApplied"][0]["doseNumberPositiveInt"], 1);
}

TEST_F(FhirSchemaTest, ADoseFromAGs1PackHasItsLotAndExpiryAndIsValid) {
    const json resource = immunizationOf(vaccinate(1, kGs1Pack));
    expectValid(resource, kImmunization);
    EXPECT_EQ(resource["lotNumber"], "L2027A");
    EXPECT_EQ(resource["expirationDate"], "2027-12-31");
    EXPECT_EQ(resource["vaccineCode"]["coding"][0]["code"], "INACT-A");
}

TEST_F(FhirSchemaTest, ReactionsRecordedBeforeTheUploadAreValid) {
    const std::int64_t visit = vaccinate(1, kGs1Pack);
    reactionOf(visit);
    const json resource = immunizationOf(visit);
    expectValid(resource, kImmunization);
    ASSERT_EQ(resource["reaction"].size(), 1u);
    EXPECT_EQ(resource["reaction"][0]["detail"]["display"], "allergic_rash");
    EXPECT_EQ(resource["reaction"][0]["date"], rfc3339Utc(kNineAm + 25 * kMinute));
}

TEST_F(FhirSchemaTest, TheSecondDoseOfASeriesIsValid) {
    vaccinate(1, kPack);
    const std::int64_t second = vaccinate(1, "86123450000000054321", "2026-12-23");  // 28 days on
    const json resource = immunizationOf(second);
    expectValid(resource, kImmunization);
    // The schema's positiveInt pattern binds strings only; a number is checked here.
    const json& dose = resource["protocolApplied"][0]["doseNumberPositiveInt"];
    ASSERT_TRUE(dose.is_number_integer()) << dose;
    EXPECT_EQ(dose, 2);
}

TEST_F(FhirSchemaTest, ATransactionBundleOfSeveralIsValid) {
    vaccinate(1, kPack);
    reactionOf(vaccinate(2, kGs1Pack));
    vaccinate(3, "(01)02001234000024(17)280630(10)RC-7(21)S0002");  // RECOMB-C
    vaccinate(1, "86123450000000054321", "2026-12-23");
    const auto records = immunizations();
    ASSERT_EQ(records.size(), 4u);
    const json bundle = fhirTransaction(records, context());
    expectValid(bundle, kBundle);
    for (const json& entry : bundle["entry"]) {
        expectValid(entry["resource"], kImmunization);
    }

    // What one upload costs: the bundle the drain sends, and one resource of it.
    constexpr int kRounds = 20;
    std::vector<double> bundleMs;
    std::vector<double> resourceMs;
    for (int i = 0; i < kRounds; ++i) {
        auto start = Clock::now();
        ASSERT_TRUE(schema().validate(bundle, kBundle));
        bundleMs.push_back(millisSince(start));
        start = Clock::now();
        ASSERT_TRUE(schema().validate(bundle["entry"][0]["resource"], kImmunization));
        resourceMs.push_back(millisSince(start));
    }
    std::sort(bundleMs.begin(), bundleMs.end());
    std::sort(resourceMs.begin(), resourceMs.end());
    std::cout << "[ timing   ] validate a Bundle of 4: median " << bundleMs[kRounds / 2]
              << " ms; one Immunization: median " << resourceMs[kRounds / 2] << " ms\n";
}

TEST_F(FhirSchemaTest, FactsWithGapsGiveNoEmptyElements) {
    // A record the journal could not fill out: no lot, station, person reference, masked ID,
    // trace code or reactions, a product outside the catalogue and an unnamed site.
    UploadRecord record;
    record.outboxId = 7;
    record.kind = UploadRecord::Kind::Immunization;
    record.key = "BJ-XC-017/entry-1/immunization/7";
    record.visitId = 3;
    record.facts = json{{"product", "UNKNOWN-X"},
                        {"lot", ""},
                        {"expiry", nullptr},
                        {"trace_code", ""},
                        {"station", ""},
                        {"person_ref", "ab12"},
                        {"masked_id", ""},
                        {"dose_number", 1},
                        {"vaccinated_at_ms", 0},
                        {"reactions", json::array({{{"category", ""}, {"onset_at_ms", 0}}})}};
    const UploadContext bare{"BJ-XC-017", "", "entry-1", nullptr};
    const json resource = fhirImmunization(record, bare);
    expectValid(resource, kImmunization);
    EXPECT_FALSE(resource.contains("note"));
    EXPECT_FALSE(resource.contains("performer"));
    EXPECT_FALSE(resource["location"].contains("display"));
    expectValid(fhirTransaction({record}, bare), kBundle);
}

TEST_F(FhirSchemaTest, TheValidatorRejectsBrokenResources) {
    const json good = immunizationOf(vaccinate(1, kGs1Pack));
    ASSERT_TRUE(schema().validate(good, kImmunization));

    const auto problemsOf = [](const json& resource, const char* definition) {
        auto found = schema().violations(resource, definition);
        EXPECT_TRUE(found) << found.error().message;
        return found ? *found : std::vector<SchemaViolation>{};
    };
    const auto names = [](const std::vector<SchemaViolation>& found, const std::string& pointer) {
        return std::any_of(found.begin(), found.end(),
                           [&](const SchemaViolation& v) { return v.pointer == pointer; });
    };

    json emptyLot = good;
    emptyLot["lotNumber"] = "";
    const auto lot = problemsOf(emptyLot, kImmunization);
    EXPECT_TRUE(names(lot, "/lotNumber")) << describeViolations(lot);

    json badDate = good;
    badDate["expirationDate"] = "2027-12-31T00:00:00Z";  // a date, not a dateTime
    EXPECT_TRUE(names(problemsOf(badDate, kImmunization), "/expirationDate"));

    json unknownMember = good;
    unknownMember["lot"] = "L2027A";
    EXPECT_FALSE(problemsOf(unknownMember, kImmunization).empty());

    json noPatient = good;
    noPatient.erase("patient");
    EXPECT_FALSE(problemsOf(noPatient, kImmunization).empty());

    json wrongType = good;
    wrongType["primarySource"] = "true";
    EXPECT_TRUE(names(problemsOf(wrongType, kImmunization), "/primarySource"));

    UploadRecord record = immunizations().front();
    json bundle = fhirTransaction({record}, context());
    ASSERT_TRUE(schema().validate(bundle, kBundle));
    bundle["entry"][0]["resource"]["lotNumber"] = "";
    const Status broken = schema().validate(bundle, kBundle);
    ASSERT_FALSE(broken);
    EXPECT_NE(broken.error().message.find("/entry/0/resource"), std::string::npos)
        << broken.error().message;

    // The check beside the schema catches what the schema does not state.
    json emptyArray = good;
    emptyArray["reaction"] = json::array();
    EXPECT_TRUE(problemsOf(emptyArray, kImmunization).empty()) << "the schema allows it";
    EXPECT_EQ(emptyValues(emptyArray), std::vector<std::string>{"/reaction"});
}

}  // namespace
}  // namespace vax
