// vaxctl as scripts use it: separate processes over one database file, JSON on stdout,
// one line on stderr and exit status 2 for bad input.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>
#include <sstream>

#include "TestPaths.h"
#include "cli/VaxctlFixture.h"
#include "ops/DemoCodes.h"
#include "support/TempDir.h"
#include "vision/SyntheticFrames.h"

namespace vax {
namespace {

using namespace vax::test;

TEST_F(VaxctlTest, KeysInitCreatesAPrivateFileOnce) {
    const CmdRun first = vaxctl({"keys", "init"});
    ASSERT_EQ(first.status, 0) << first.err;
    struct stat st {};
    ASSERT_EQ(::stat((m_dir / "site.key").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    const CmdRun again = vaxctl({"keys", "init"});
    EXPECT_EQ(again.status, 2);
    EXPECT_NE(again.err.find("never overwritten"), std::string::npos);
}

TEST_F(VaxctlTest, ProceedPrintsTheDecisionAndQueueNumberWithTheIdMasked) {
    ASSERT_EQ(vaxctl({"keys", "init"}).status, 0);
    const CmdRun run = checkIn(kAdult, "36.6");
    ASSERT_EQ(run.status, 0) << run.err;
    const json out = run.parsed();
    EXPECT_EQ(out["decision"]["outcome"], "proceed");
    EXPECT_EQ(out["queue_number"], "A001");
    EXPECT_EQ(out["stage"], "waiting");
    EXPECT_EQ(out["person"], "1101**********1234");
    EXPECT_EQ(run.out.find(kAdult), std::string::npos);
    EXPECT_EQ(checkIn(kAdult2, "36.4").parsed()["queue_number"], "B001");
}

TEST_F(VaxctlTest, FeverAndTooEarlyADoseAreDeferredWithReasons) {
    ASSERT_EQ(vaxctl({"keys", "init"}).status, 0);
    const json fever = checkIn(kAdult, "37.3").parsed();
    EXPECT_EQ(fever["decision"]["outcome"], "defer");
    EXPECT_EQ(fever["decision"]["reasons"][0]["code"], "fever");
    const json early = checkIn(kAdult2, "36.5", "2026-11-10").parsed();
    EXPECT_EQ(early["decision"]["outcome"], "defer");
    EXPECT_EQ(early["decision"]["reasons"][0]["code"], "interval_too_short");
    EXPECT_EQ(checkIn(kMinor, "36.5").parsed()["decision"]["outcome"], "defer");
}

TEST_F(VaxctlTest, StaffReviewIsResolvedByAnAuditedOverride) {
    ASSERT_EQ(vaxctl({"keys", "init"}).status, 0);
    const json pending = checkIn(kSenior, "36.5").parsed();
    ASSERT_EQ(pending["decision"]["outcome"], "staff_review");
    const std::string visit = std::to_string(pending["visit"].get<int>());
    const CmdRun blocked = vaxctl({"queue", "advance", visit, "deferred"});
    EXPECT_EQ(blocked.status, 2);
    const CmdRun noReason = vaxctl({"override", visit, "--outcome", "proceed", "--staff", "dr1"});
    EXPECT_EQ(noReason.status, 2);
    const CmdRun ok = vaxctl(
        {"override", visit, "--outcome", "proceed", "--staff", "dr1", "--reason", "assessed fit"});
    ASSERT_EQ(ok.status, 0) << ok.err;
    EXPECT_EQ(ok.parsed()["stage"], "waiting");
}

TEST_F(VaxctlTest, TheFlowRunsFromCallToExitAndTheReportCountsIt) {
    ASSERT_EQ(vaxctl({"keys", "init"}).status, 0);
    const int visit = checkIn(kAdult, "36.6").parsed()["visit"];
    checkIn(kAdult2, "38.0");
    const CmdRun called =
        vaxctl({"queue", "call", "--desk", "A", "--count", "3", "--at", "2026-11-25 09:12"});
    ASSERT_EQ(called.status, 0) << called.err;
    ASSERT_EQ(called.parsed()["called"].size(), 1u);
    const std::string v = std::to_string(visit);
    for (const char* stage : {"registered", "vaccinated", "observing", "exited"}) {
        const CmdRun step = vaxctl({"queue", "advance", v, stage, "--at", "2026-11-25 09:50"});
        ASSERT_EQ(step.status, 0) << stage << ": " << step.err;
    }
    const CmdRun illegal = vaxctl({"queue", "advance", v, "observing"});
    EXPECT_EQ(illegal.status, 2);
    EXPECT_NE(illegal.err.find("exited to observing"), std::string::npos);

    const json shown = vaxctl({"visit", v}).parsed();
    EXPECT_EQ(shown["replayed_stage"], "exited");
    EXPECT_EQ(shown["events"].size(), 7u);

    const CmdRun csv = vaxctl({"report", "--date", "2026-11-25", "--format", "csv"});
    ASSERT_EQ(csv.status, 0) << csv.err;
    EXPECT_NE(csv.out.find("day,check_ins,2\n"), std::string::npos) << csv.out;
    EXPECT_NE(csv.out.find("day,fevers,1\n"), std::string::npos);
    EXPECT_NE(csv.out.find("deferral_reason,fever,1\n"), std::string::npos);
    EXPECT_NE(csv.out.find("stage,exited,1\n"), std::string::npos);
    EXPECT_NE(csv.out.find("queue_wait_s,median,720.0\n"), std::string::npos);
}

TEST_F(VaxctlTest, BadInputExitsTwoWithOneLineAndWritesNothing) {
    const CmdRun badId = checkIn("110105198503121235", "36.6");
    EXPECT_EQ(badId.status, 2);
    EXPECT_EQ(std::count(badId.err.begin(), badId.err.end(), '\n'), 1);
    EXPECT_EQ(badId.err.find("110105198503121235"), std::string::npos);  // never echoed
    EXPECT_FALSE(std::filesystem::exists(m_dir / "kiosk.db"));

    ASSERT_EQ(vaxctl({"keys", "init"}).status, 0);
    ASSERT_EQ(checkIn(kAdult, "36.6").status, 0);
    const int before = visitCount();
    EXPECT_EQ(before, 1);
    EXPECT_EQ(checkIn(kAdult2, "warm").status, 2);
    EXPECT_EQ(checkIn(kAdult2, "36.6", "2026-13-01").status, 2);
    EXPECT_EQ(checkIn(kAdult2, "36.6", "2026-12-01").status, 2);  // after today
    EXPECT_EQ(vaxctl({"checkin", "--id", kAdult2, "--temp", "36.6", "--answers", "n,n"}).status, 2);
    EXPECT_EQ(vaxctl({"checkin", "--id", kAdult2, "--temp", "36.6", "--answers",
                      "n,n,n,n,n,n,n,n,n", "--health", "blue"})
                  .status,
              2);
    EXPECT_EQ(vaxctl({"queue", "call", "--desk", "AB"}).status, 2);
    EXPECT_EQ(vaxctl({"report", "--format", "xml"}).status, 2);
    EXPECT_EQ(vaxctl({"no-such-command"}).status, 2);
    EXPECT_EQ(visitCount(), before);
}

TEST_F(VaxctlTest, BrokenConfigOrMissingKeysFailWithAClearMessage) {
    const CmdRun noKeys = checkIn(kAdult, "36.6");
    EXPECT_EQ(noKeys.status, 1);
    EXPECT_NE(noKeys.err.find("vaxctl keys init"), std::string::npos);

    std::ofstream(m_dir / "kiosk.toml", std::ios::app) << "\n[policy2]\nx = 1\n";
    const CmdRun broken = checkIn(kAdult, "36.6");
    EXPECT_EQ(broken.status, 1);
    EXPECT_NE(broken.err.find("kiosk.toml:"), std::string::npos) << broken.err;
    EXPECT_NE(broken.err.find("policy2"), std::string::npos) << broken.err;
}

TEST_F(VaxctlTest, CheckInIssuesASignedSlipThatVerifies) {
    ASSERT_EQ(vaxctl({"keys", "init"}).status, 0);
    const json checkin = checkIn(kAdult, "36.6").parsed();
    ASSERT_TRUE(checkin["slip"].is_string()) << checkin.dump();
    const std::string slip = checkin["slip"];
    EXPECT_EQ(slip.rfind("VK1:", 0), 0u);
    const CmdRun verify = vaxctl({"ticket", "verify", slip});
    ASSERT_EQ(verify.status, 0) << verify.err;
    const json v = verify.parsed();
    EXPECT_EQ(v["valid"], true);
    EXPECT_EQ(v["kind"], "queue_slip");
    EXPECT_EQ(v["queue_number"], "A001");
    EXPECT_EQ(v["person"], "1101**********1234");
    EXPECT_EQ(v["site"], "BJ-XC-017");
    EXPECT_EQ(slip.find(kAdult), std::string::npos);
    // A deferred resident gets no slip.
    EXPECT_FALSE(checkIn(kAdult2, "38.1").parsed().contains("slip"));
}

TEST_F(VaxctlTest, AlteredOrForeignSlipsAreRefusedWithTheReason) {
    ASSERT_EQ(vaxctl({"keys", "init"}).status, 0);
    std::string slip = checkIn(kAdult, "36.6").parsed()["slip"];
    std::string altered = slip;
    altered[altered.size() / 2] = altered[altered.size() / 2] == 'A' ? 'B' : 'A';
    const CmdRun refused = vaxctl({"ticket", "verify", altered});
    EXPECT_EQ(refused.status, 2);
    EXPECT_EQ(refused.parsed()["valid"], false);
    EXPECT_EQ(vaxctl({"ticket", "verify", "VK1:"}).status, 2);
    EXPECT_EQ(vaxctl({"ticket", "verify", "hello"}).parsed()["reason"], "malformed");
}

TEST_F(VaxctlTest, RotationKeepsEarlierSlipsValidAndTheTrustListCarriesBothKeys) {
    ASSERT_EQ(vaxctl({"keys", "init"}).status, 0);
    const std::string before = checkIn(kAdult, "36.6").parsed()["slip"];
    const CmdRun rotated = vaxctl({"keys", "rotate"});
    ASSERT_EQ(rotated.status, 0) << rotated.err;
    EXPECT_TRUE(rotated.parsed()["previous_key"].is_number());
    EXPECT_EQ(vaxctl({"ticket", "verify", before}).status, 0);

    // An exit device with only the exported public keys verifies too.
    ASSERT_EQ(vaxctl({"keys", "export-public", "--out", (m_dir / "trust.txt").string()}).status, 0);
    std::string config = slurp(m_dir / "kiosk.toml");
    const auto at = config.find("key_file = \"site.key\"");
    ASSERT_NE(at, std::string::npos);
    config.replace(at, std::string("key_file = \"site.key\"").size(),
                   "key_file = \"absent.key\"\ntrust_file = \"trust.txt\"");
    std::ofstream(m_dir / "kiosk.toml", std::ios::trunc) << config;
    const CmdRun exitDevice = vaxctl({"ticket", "verify", before});
    EXPECT_EQ(exitDevice.status, 0) << exitDevice.err;
    const std::string trust = slurp(m_dir / "trust.txt");
    EXPECT_EQ(std::count(trust.begin(), trust.end(), '\n'), 3);  // comment, current, previous
    EXPECT_EQ(trust.find("seal"), std::string::npos);            // public halves only
}

// One person, one dose, one code, through separate processes as the station and the exit use
// them.

TEST_F(StationFlowTest, BindPrintsASignedTicketAndTheExitCountsTheObservationTime) {
    const CmdRun bound = bind(calledSlip(kAdult), kPack);
    ASSERT_EQ(bound.status, 0) << bound.err;
    const json b = bound.parsed();
    EXPECT_EQ(b["dose_number"], 1);
    EXPECT_EQ(b["product"], "INACT-A");
    const std::string ticket = b["ticket"];
    const json verified = vaxctl({"ticket", "verify", ticket}).parsed();
    EXPECT_EQ(verified["kind"], "dose_ticket");
    EXPECT_EQ(verified["trace_code"], kPack);

    const json early = vaxctl({"exit", ticket, "--at", "2026-11-25 09:25"}).parsed();
    EXPECT_EQ(early["verdict"], "minutes_left");
    EXPECT_EQ(early["minutes_left"], 15);
    EXPECT_TRUE(early["clock"]["message"].is_string());  // staff see the clock's state
    const json leave = vaxctl({"exit", ticket, "--at", "2026-11-25 09:41"}).parsed();
    EXPECT_EQ(leave["verdict"], "may_leave");
    EXPECT_EQ(leave["already_left"], false);
    EXPECT_EQ(vaxctl({"exit", ticket, "--at", "2026-11-25 09:45"}).parsed()["already_left"], true);

    const CmdRun report = vaxctl({"report", "--date", "2026-11-25", "--format", "work-report"});
    ASSERT_EQ(report.status, 0) << report.err;
    EXPECT_NE(report.out.find("截至11月25日"), std::string::npos) << report.out;
    EXPECT_NE(report.out.find("共完成接种1剂次，其中第一剂次1剂次"), std::string::npos)
        << report.out;
    EXPECT_NE(report.out.find("留观1人，未发现异常反应。"), std::string::npos) << report.out;
    const CmdRun csv = vaxctl({"report", "--date", "2026-11-25", "--format", "csv"});
    EXPECT_NE(csv.out.find("observation,completed,1\n"), std::string::npos) << csv.out;

    // The same day as JSON, with the hours the staff console charts.
    const CmdRun asJson = vaxctl({"report", "--date", "2026-11-25", "--format", "json"});
    ASSERT_EQ(asJson.status, 0) << asJson.err;
    const json day = asJson.parsed();
    EXPECT_EQ(day["date"], "2026-11-25");
    EXPECT_EQ(day["doses"]["doses"], 1);
    EXPECT_EQ(day["doses"]["by_dose_number"]["1"], 1);
    EXPECT_EQ(day["doses"]["completed"], 1);
    EXPECT_EQ(day["entry"]["visits_by_stage"]["exited"], 1);
    ASSERT_EQ(day["hourly"].size(), 24u);
    int checkIns = 0, doses = 0, exits = 0;
    for (const json& hour : day["hourly"]) {
        checkIns += hour["check_ins"].get<int>();
        doses += hour["doses"].get<int>();
        exits += hour["exits"].get<int>();
    }
    EXPECT_EQ(checkIns, day["entry"]["check_ins"].get<int>());
    EXPECT_EQ(doses, 1);
    EXPECT_EQ(exits, 1);
    EXPECT_EQ(day["hourly"][9]["exits"], 1);  // left at 09:41, local time
}

// The demo's second dose: the last dose given at check-in drives the dose number bound at the
// station, the record uploaded and the work report.
TEST_F(StationFlowTest, ASecondDoseDeclaredAtCheckInIsBoundAndReportedAsDoseTwo) {
    const json checkin = checkIn(kAdult, "36.6", "2026-10-26").parsed();  // 30 days before
    ASSERT_EQ(checkin["decision"]["outcome"], "proceed") << checkin.dump();
    ASSERT_EQ(vaxctl({"queue", "call", "--desk", std::string(checkin["queue_number"]).substr(0, 1),
                      "--at", "2026-11-25 09:05"})
                  .status,
              0);
    const CmdRun bound = bind(checkin["slip"], kPack);
    ASSERT_EQ(bound.status, 0) << bound.err;
    EXPECT_EQ(bound.parsed()["dose_number"], 2);
    const CmdRun report = vaxctl({"report", "--date", "2026-11-25", "--format", "work-report"});
    EXPECT_NE(report.out.find("共完成接种1剂次，其中第二剂次1剂次"), std::string::npos)
        << report.out;
    EXPECT_EQ(report.out.find("第一剂次"), std::string::npos) << report.out;
    // Where the last dose is known from is stated, and only what a person can say is typed.
    const CmdRun certificate =
        vaxctl({"checkin", "--id", kAdult2, "--temp", "36.6", "--answers", "n,n,n,n,n,n,n,n,n",
                "--health", "green", "--last-dose", "2026-10-26", "--product", "INACT-A",
                "--prior-source", "verified_certificate"});
    EXPECT_EQ(certificate.status, 2);
    EXPECT_NE(certificate.err.find("--prior-source"), std::string::npos) << certificate.err;
}

TEST_F(StationFlowTest, ACheckInAgainTheSameDayGivesTheSameNumberBack) {
    const json first = checkIn(kAdult, "36.6").parsed();
    const json second = checkIn(kAdult, "36.6").parsed();
    EXPECT_EQ(first["returned"], false);
    EXPECT_EQ(second["returned"], true);
    EXPECT_EQ(second["queue_number"], first["queue_number"]);
    EXPECT_EQ(second["visit"], first["visit"]);
    EXPECT_EQ(visitCount(), 1);
}

TEST_F(StationFlowTest, OneDoseOneCodeRefusalsAreExplainedAndJournaled) {
    const std::string slip = calledSlip(kAdult);
    ASSERT_EQ(bind(slip, kPack).status, 0);

    const CmdRun again = bind(slip, "86123450000000099999");
    EXPECT_EQ(again.status, 2);
    EXPECT_NE(again.parsed()["reason"].get<std::string>().find("already used"), std::string::npos);

    const CmdRun alarm = bind(calledSlip(kAdult2), kPack);
    EXPECT_EQ(alarm.status, 2);
    const json a = alarm.parsed();
    EXPECT_NE(a["reason"].get<std::string>().find("ALARM"), std::string::npos);
    ASSERT_EQ(a["earlier_bindings"].size(), 1u);
    EXPECT_EQ(a["earlier_bindings"][0]["visit"], 1);

    const json shown = vaxctl({"visit", "2"}).parsed();
    EXPECT_EQ(shown["events"].back()["kind"], "binding_refused");
    EXPECT_EQ(shown["stage"], "called");  // nothing else changed
}

TEST_F(StationFlowTest, UnknownExpiredOrWrongCodesAreRefused) {
    const std::string slip = calledSlip(kAdult);
    EXPECT_EQ(bind(slip, "89999990000000012345").status, 2);  // not in the catalogue
    const CmdRun expired = bind(slip, "(01)02001234000017(17)251231(10)L1(21)S1");
    EXPECT_EQ(expired.status, 2);
    EXPECT_NE(expired.err.find("expired"), std::string::npos) << expired.err;
    EXPECT_EQ(bind(slip, "hello").status, 2);
    EXPECT_EQ(bind("VK1:garbage", kPack).status, 2);
    EXPECT_EQ(bind(slip, "(01)02001234000017(17)271231(10)L1(21)S1").status, 0);
}

TEST_F(StationFlowTest, AReactionExtendsObservationAndKeepsThePersonUntilTheDoctorDecides) {
    const std::string ticket = bind(calledSlip(kAdult), kPack).parsed()["ticket"];
    const CmdRun reaction =
        vaxctl({"reaction", "1", "--category", "allergic_rash", "--action", "antihistamine",
                "--outcome", "recovering", "--staff", "dr-01", "--at", "2026-11-25 09:30"});
    ASSERT_EQ(reaction.status, 0) << reaction.err;
    EXPECT_EQ(reaction.parsed()["stage"], "adverse_reaction");
    const CmdRun blocked = vaxctl({"exit", ticket, "--at", "2026-11-25 09:45"});
    EXPECT_EQ(blocked.status, 2);
    EXPECT_NE(blocked.err.find("adverse reaction"), std::string::npos);
    ASSERT_EQ(vaxctl({"queue", "advance", "1", "observing", "--at", "2026-11-25 09:50"}).status, 0);
    EXPECT_EQ(vaxctl({"exit", ticket, "--at", "2026-11-25 09:55"}).parsed()["verdict"],
              "minutes_left");  // extended to 10:00
    EXPECT_EQ(vaxctl({"exit", ticket, "--at", "2026-11-25 10:01"}).parsed()["verdict"],
              "may_leave");
    const CmdRun report = vaxctl({"report", "--date", "2026-11-25", "--format", "work-report"});
    EXPECT_NE(report.out.find("发现异常反应1例（过敏性皮疹1例）。"), std::string::npos)
        << report.out;
}

std::vector<json> jsonLines(const std::string& out) {
    std::vector<json> lines;
    std::istringstream in(out);
    for (std::string line; std::getline(in, line);) {
        lines.push_back(json::parse(line));
    }
    return lines;
}

TEST_F(StationFlowTest, PrintedTicketPreviewDecodesToTheSignedTicket) {
    const auto out = m_dir / "printed";
    std::filesystem::create_directory(out);
    const CmdRun bound = vaxctl({"station", "bind", "--slip", calledSlip(kAdult), "--code", kPack,
                                 "--at", "2026-11-25 09:10", "--print", "png:" + out.string()});
    ASSERT_EQ(bound.status, 0) << bound.err;
    const json b = bound.parsed();
    EXPECT_EQ(b["printed"], true) << b.dump();
    const auto lines = jsonLines(vaxctl({"scan", "--json", (out / "dose-1.png").string()}).out);
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0]["text"], b["ticket"]);
    EXPECT_EQ(lines[0]["kind"], "ticket");

    // A printer that cannot be reached never undoes the binding.
    const CmdRun offline =
        vaxctl({"station", "bind", "--slip", calledSlip(kAdult2), "--code", "86123450000000054321",
                "--at", "2026-11-25 09:12", "--print", "tcp://127.0.0.1:9"});
    ASSERT_EQ(offline.status, 0) << offline.err;
    EXPECT_EQ(offline.parsed()["printed"], false);
    EXPECT_EQ(offline.parsed()["bound"], true);
    EXPECT_EQ(vaxctl({"print", "--test", "--to", "tcp://127.0.0.1:9"}).status, 1);

    // The site's printer from the config prints without --print.
    const auto configured = m_dir / "configured";
    std::filesystem::create_directory(configured);
    std::string config = slurp(m_dir / "kiosk.toml");
    const auto devices = config.find("[devices]\n");
    ASSERT_NE(devices, std::string::npos);
    config.insert(devices + 10, "printer = \"png:" + configured.string() + "\"\n");
    std::ofstream(m_dir / "kiosk.toml", std::ios::trunc) << config;
    const CmdRun viaConfig = vaxctl({"station", "bind", "--slip", calledSlip("420102199710240357"),
                                     "--code", "86123450000000077777", "--at", "2026-11-25 09:20"});
    ASSERT_EQ(viaConfig.status, 0) << viaConfig.err;
    EXPECT_EQ(viaConfig.parsed()["printed"], true);
    EXPECT_TRUE(std::filesystem::exists(configured / "dose-3.png"));

    // Staff recover: the ticket reprints from the record, same signed text, marked reprint.
    const auto again = m_dir / "again";
    std::filesystem::create_directory(again);
    const CmdRun reprint = vaxctl({"reprint", "2", "--to", "png:" + again.string()});
    ASSERT_EQ(reprint.status, 0) << reprint.err;
    EXPECT_EQ(reprint.parsed()["ticket"], offline.parsed()["ticket"]);
    const auto reprinted =
        jsonLines(vaxctl({"scan", "--json", (again / "dose-2.png").string()}).out);
    ASSERT_EQ(reprinted.size(), 1u);
    EXPECT_EQ(reprinted[0]["text"], offline.parsed()["ticket"]);
    EXPECT_EQ(vaxctl({"reprint", "99", "--to", "png:" + again.string()}).status, 2);
}

TEST_F(VaxctlTest, ScanPrintsOneJsonLinePerCodeWithItsKindAndMasksIdNumbers) {
    const auto images = m_dir / "images";
    std::filesystem::create_directory(images);
    cv::imwrite((images / "a-health.png").string(),
                renderCode("https://hc.example.gov.cn/v/abc123", CodeFormat::QRCode));
    cv::imwrite((images / "b-id.png").string(), renderCode(kAdult, CodeFormat::QRCode));
    cv::imwrite((images / "c-pack.png").string(),
                renderCode("86912345678901234567", CodeFormat::DataMatrix));
    std::ofstream(images / "d-broken.png") << "not an image";

    const CmdRun run = vaxctl({"scan", "--json", "--stats", images.string()});
    ASSERT_EQ(run.status, 0) << run.err;
    const auto lines = jsonLines(run.out);
    ASSERT_EQ(lines.size(), 4u) << run.out;
    EXPECT_EQ(lines[0]["kind"], "health_code");
    EXPECT_EQ(lines[0]["format"], "QRCode");
    EXPECT_EQ(lines[0]["frame"], 0);
    EXPECT_EQ(lines[1]["kind"], "resident_id");
    EXPECT_EQ(lines[1]["text"], "1101**********1234");
    EXPECT_EQ(run.out.find(kAdult), std::string::npos);
    EXPECT_EQ(lines[2]["kind"], "trace_code");
    EXPECT_EQ(lines[2]["format"], "DataMatrix");
    EXPECT_EQ(lines[3]["stats"]["codes"], 3);
    EXPECT_EQ(lines[3]["stats"]["unreadable"], 1);
    EXPECT_NE(run.err.find("d-broken.png"), std::string::npos);
}

TEST_F(VaxctlTest, ScanReadsVideosFrameByFrameAndHonoursFormats) {
    const auto video = m_dir / "clip.avi";
    {
        cv::VideoWriter writer(video.string(), cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), 10,
                               cv::Size(640, 480));
        const cv::Mat code = renderCode("VK1:TICKET", CodeFormat::QRCode, 8);
        for (int i = 0; i < 5; ++i) {
            cv::Mat frame(480, 640, CV_8UC3, cv::Scalar::all(255));
            if (i >= 3) {
                cv::Mat bgr;
                cv::cvtColor(code, bgr, cv::COLOR_GRAY2BGR);
                bgr.copyTo(frame(cv::Rect(100, 80, bgr.cols, bgr.rows)));
            }
            writer.write(frame);
        }
    }
    const auto lines = jsonLines(vaxctl({"scan", "--json", video.string()}).out);
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0]["frame"], 3);
    EXPECT_EQ(lines[1]["frame"], 4);
    EXPECT_EQ(lines[0]["kind"], "ticket");
    EXPECT_TRUE(vaxctl({"scan", "--json", "--formats", "datamatrix", video.string()}).out.empty());
    EXPECT_EQ(vaxctl({"scan", "--formats", "ean99", video.string()}).status, 2);
}

// The demo's media, as the build makes them for vaxkiosk --demo: every picture decodes to its
// code, and the video shows the health-code link, then the e-ID (masked when printed), on the
// phone frames only.
TEST_F(VaxctlTest, DemoMediaVideoShowsTheHealthCodeThenTheId) {
    const auto media = m_dir / "media";
    const CmdRun made = vaxctl({"demo-media", "--out", media.string()});
    ASSERT_EQ(made.status, 0) << made.err;
    EXPECT_EQ(jsonLines(made.out).at(0)["files"].size(), 5u);

    const auto pictures = jsonLines(vaxctl({"scan", "--json", media.string()}).out);
    ASSERT_EQ(pictures.size(), 4u);  // a folder scan reads the images, not the video
    const auto lines =
        jsonLines(vaxctl({"scan", "--json", (media / "entry-camera.avi").string()}).out);
    ASSERT_FALSE(lines.empty());
    std::vector<std::string> kinds;
    for (const auto& line : lines) {
        const int frame = line["frame"];
        // 15 fps: nobody for 3 s, the health code for 3 s, nobody for 2 s, the e-ID for 3 s.
        const bool onPhone = (frame >= 45 && frame < 90) || (frame >= 120 && frame < 165);
        EXPECT_TRUE(onPhone) << "a code read in an empty scene, frame " << frame;
        if (kinds.empty() || kinds.back() != line["kind"]) {
            kinds.push_back(line["kind"]);
        }
        if (line["kind"] == "resident_id") {
            EXPECT_EQ(line["text"], "1101**********1234");
        } else {
            EXPECT_EQ(line["text"], std::string(kDemoOnlineHealthCode));
        }
    }
    EXPECT_EQ(kinds, (std::vector<std::string>{"health_code", "resident_id"}));
    // Most phone frames read: the demo kiosk confirms a code over a few frames.
    EXPECT_GE(lines.size(), 60u);
}

TEST_F(VaxctlTest, DemoMediaIntoAFileFailsClearly) {
    std::ofstream(m_dir / "taken") << "a file, not a folder";
    const CmdRun run = vaxctl({"demo-media", "--out", (m_dir / "taken").string()});
    EXPECT_NE(run.status, 0);
    EXPECT_NE(run.err.find("cannot create"), std::string::npos) << run.err;
}

TEST_F(VaxctlTest, ScanWithNothingReadableExitsTwo) {
    std::ofstream(m_dir / "junk.png") << "junk";
    const CmdRun run = vaxctl({"scan", (m_dir / "junk.png").string(), "/nonexistent.mp4"});
    EXPECT_EQ(run.status, 2);
    EXPECT_NE(run.err.find("nothing could be read"), std::string::npos);
}

}  // namespace
}  // namespace vax
