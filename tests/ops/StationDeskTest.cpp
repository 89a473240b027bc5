// The station and the exit over a real journal file, real site keys and a PNG printer.
#include <gtest/gtest.h>

#include <algorithm>

#include "crypto/CodeSigner.h"
#include "ops/OpsFixture.h"
#include "ops/TicketPrinting.h"

namespace vax {
namespace {

using namespace vax::test;
using Kind = StationRefusal::Kind;
using Verdict = ExitCheck::Verdict;

// The last journal event of a visit.
std::string lastEventKind(Journal& journal, std::int64_t visitId) {
    auto events = journal.visits().events(visitId);
    return events && !events->empty() ? events->back().kind : "";
}

class StationDeskTest : public OpsTest {
protected:
    // A dose ticket signed with the site's key for any visit and trace code.
    std::string signedTicket(std::int64_t visitId, const std::string& traceCode) {
        DoseTicket ticket;
        ticket.visitId = visitId;
        ticket.traceCode = traceCode;
        ticket.productCode = "INACT-A";
        ticket.station = "station-1";
        ticket.vaccinatedAtUnix = at(10).unixMs / 1000;
        ticket.observationEndsAtUnix = at(40).unixMs / 1000;
        return CodeSigner::create(m_keys, m_config.site.id)->sign(ticket).value();
    }
};

TEST_F(StationDeskTest, BindSignsATicketThatTheTrustListVerifies) {
    auto bound = bind(calledSlip(1), kPack);
    ASSERT_TRUE(bound) << bound.error().message;
    EXPECT_EQ(bound->bound.visitId, 1);
    EXPECT_EQ(bound->bound.doseNumber, 1);
    EXPECT_EQ(bound->bound.observationEndsAtMs, at(40).unixMs);
    EXPECT_EQ(bound->pack.product->code, "INACT-A");
    EXPECT_EQ(bound->pack.traceCode, kPack);
    EXPECT_EQ(bound->maskedId.size(), 18u);
    EXPECT_NE(bound->maskedId.find("****"), std::string::npos);
    EXPECT_EQ(bound->ticket.qrText, bound->bound.ticket);
    EXPECT_EQ(bound->ticket.maskedId, bound->maskedId);
    EXPECT_FALSE(bound->ticket.reprint);

    auto verified = loadTrust(m_config)->verify(bound->bound.ticket, m_config.site.id);
    ASSERT_TRUE(verified) << verified.error().message;
    const auto* ticket = std::get_if<DoseTicket>(&verified->body);
    ASSERT_NE(ticket, nullptr);
    EXPECT_EQ(ticket->visitId, 1);
    EXPECT_EQ(ticket->traceCode, kPack);
    EXPECT_EQ(m_journal->visits().visit(1)->stage, Stage::Observing);
}

TEST_F(StationDeskTest, AlteredOrForeignSlipsAreRefusedAndNothingIsRecorded) {
    const std::string slip = calledSlip(1);
    std::string altered = slip;
    altered[altered.size() / 2] = altered[altered.size() / 2] == 'A' ? 'B' : 'A';
    auto refused = bind(altered, kPack);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, Kind::Slip);
    EXPECT_EQ(refused.error().message.rfind("queue slip refused: ", 0), 0u)
        << refused.error().message;

    // Signed by someone else's key under our site id: a forgery.
    const SiteKeys forger = SiteKeys::generate();
    const auto person = m_journal->visits().personOf(1);
    const auto forged =
        issueSlip(m_config, forger, *m_journal->visits().visit(1), *person, kNineAm);
    auto foreign = bind(*forged, kPack);
    ASSERT_FALSE(foreign);
    EXPECT_EQ(foreign.error().kind, Kind::Slip);
    EXPECT_NE(foreign.error().message.find("does not trust"), std::string::npos)
        << foreign.error().message;

    EXPECT_EQ(lastEventKind(*m_journal, 1), "called");
    EXPECT_FALSE(m_journal->doses().doseRecord(1));
}

TEST_F(StationDeskTest, TheWrongKindOfCodeIsNamed) {
    const std::string slip = calledSlip(1);
    auto ticketAsSlip = bind(signedTicket(1, kPack), kPack);
    ASSERT_FALSE(ticketAsSlip);
    EXPECT_EQ(ticketAsSlip.error().message,
              "queue slip refused: this is a dose ticket, not a queue slip");

    auto slipAsVaccine = bind(slip, slip);
    ASSERT_FALSE(slipAsVaccine);
    EXPECT_EQ(slipAsVaccine.error().kind, Kind::VaccineCode);
    EXPECT_EQ(slipAsVaccine.error().message, "vaccine code refused: not a vaccine pack code");

    auto unknown = bind(slip, "89999990000000012345");
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().kind, Kind::VaccineCode);
    EXPECT_NE(unknown.error().message.find("catalogue"), std::string::npos);
    EXPECT_EQ(lastEventKind(*m_journal, 1), "called");
}

TEST_F(StationDeskTest, AnExpiredPackIsRefusedAndTheRefusalJournaled) {
    const std::string slip = calledSlip(1);
    auto expired = bind(slip, "(01)02001234000017(17)251231(10)L1(21)S1");
    ASSERT_FALSE(expired);
    EXPECT_EQ(expired.error().kind, Kind::Binding);
    EXPECT_EQ(expired.error().message.rfind("binding refused: expired pack (2025-12-31)", 0), 0u)
        << expired.error().message;
    EXPECT_EQ(lastEventKind(*m_journal, 1), "binding_refused");
    EXPECT_EQ(m_journal->visits().visit(1)->stage, Stage::Called);
    EXPECT_TRUE(bind(slip, "(01)02001234000017(17)271231(10)L1(21)S1"));
}

TEST_F(StationDeskTest, AReusedTraceCodeRaisesTheAlarmWithTheEarlierBinding) {
    ASSERT_TRUE(bind(calledSlip(1), kPack));
    auto alarm = bind(calledSlip(2), kPack, 12);
    ASSERT_FALSE(alarm);
    EXPECT_EQ(alarm.error().kind, Kind::Binding);
    EXPECT_EQ(alarm.error().message.rfind("binding refused: ALARM", 0), 0u)
        << alarm.error().message;
    EXPECT_EQ(alarm.error().reason.rfind("ALARM", 0), 0u);
    ASSERT_EQ(alarm.error().earlier.size(), 1u);
    EXPECT_EQ(alarm.error().earlier[0].visitId, 1);
    EXPECT_EQ(alarm.error().earlier[0].vaccinatedAtMs, at(10).unixMs);
    EXPECT_EQ(alarm.error().earlier[0].station, "station-1");
    EXPECT_EQ(m_journal->visits().visit(2)->stage, Stage::Called);
}

TEST_F(StationDeskTest, TheExitCountsTheObservationTimeAndRecordsTheLeavingOnce) {
    const std::string ticket = bind(calledSlip(1), kPack)->bound.ticket;

    const ExitCheck skewed = checkExit(m_config, *m_journal, ticket, at(5).unixMs);
    EXPECT_EQ(skewed.verdict, Verdict::ClockSkew);  // five minutes before the injection

    const ExitCheck early = checkExit(m_config, *m_journal, ticket, at(25).unixMs);
    EXPECT_EQ(early.verdict, Verdict::MinutesLeft);
    EXPECT_EQ(early.minutesLeft, 15);
    EXPECT_EQ(early.visitId, 1);
    EXPECT_EQ(early.observationEndsAtMs, at(40).unixMs);
    EXPECT_EQ(lastEventKind(*m_journal, 1), "exit_too_early");

    const ExitCheck leave = checkExit(m_config, *m_journal, ticket, at(41).unixMs);
    EXPECT_EQ(leave.verdict, Verdict::MayLeave);
    EXPECT_FALSE(leave.alreadyLeft);
    EXPECT_EQ(m_journal->visits().visit(1)->stage, Stage::Exited);

    const ExitCheck again = checkExit(m_config, *m_journal, ticket, at(45).unixMs);
    EXPECT_EQ(again.verdict, Verdict::MayLeave);
    EXPECT_TRUE(again.alreadyLeft);
    auto events = m_journal->visits().events(1);
    EXPECT_EQ(std::count_if(events->begin(), events->end(),
                            [](const JournalEvent& e) { return e.kind == "exited"; }),
              1);
}

TEST_F(StationDeskTest, TheExitRefusesForgedUnknownAndMismatchedTickets) {
    const std::string slip = calledSlip(1);
    const std::string ticket = bind(slip, kPack)->bound.ticket;

    std::string forged = ticket;
    forged[forged.size() - 3] = forged[forged.size() - 3] == 'A' ? 'B' : 'A';
    const ExitCheck altered = checkExit(m_config, *m_journal, forged, at(41).unixMs);
    EXPECT_EQ(altered.verdict, Verdict::NotValid);
    EXPECT_EQ(altered.reason.rfind("dose ticket refused: ", 0), 0u) << altered.reason;

    const ExitCheck wrongKind = checkExit(m_config, *m_journal, slip, at(41).unixMs);
    EXPECT_EQ(wrongKind.verdict, Verdict::NotValid);
    EXPECT_EQ(wrongKind.reason, "dose ticket refused: this is a queue slip, not a dose ticket");

    const ExitCheck unknown =
        checkExit(m_config, *m_journal, signedTicket(999, kPack), at(41).unixMs);
    EXPECT_EQ(unknown.verdict, Verdict::NotValid);
    EXPECT_NE(unknown.reason.find("no dose is recorded for visit 999"), std::string::npos)
        << unknown.reason;

    const ExitCheck mismatch =
        checkExit(m_config, *m_journal, signedTicket(1, "86123450000000099999"), at(41).unixMs);
    EXPECT_EQ(mismatch.verdict, Verdict::NotValid);
    EXPECT_NE(mismatch.reason.find("does not match"), std::string::npos) << mismatch.reason;

    EXPECT_EQ(m_journal->visits().visit(1)->stage,
              Stage::Observing);  // none of them let anyone out
}

TEST_F(StationDeskTest, AReprintCarriesTheSameSignedTextAndPrints) {
    const std::string ticket = bind(calledSlip(1), kPack)->bound.ticket;

    auto unknown = reprintView(m_config, *m_journal, 99);
    ASSERT_FALSE(unknown);
    EXPECT_NE(unknown.error().message.find("visit 99"), std::string::npos);

    auto view = reprintView(m_config, *m_journal, 1);
    ASSERT_TRUE(view) << view.error().message;
    EXPECT_TRUE(view->reprint);
    EXPECT_EQ(view->qrText, ticket);
    EXPECT_EQ(view->productName, m_config.policy.findProduct("INACT-A")->name);
    EXPECT_EQ(view->station, "station-1");

    const auto printer = m_dir / "printer";
    std::filesystem::create_directory(printer);
    const PrintOutcome printed = printTicket("png:" + printer.string(), "generic-80-native-qr",
                                             "dose-1", doseTicketDocument(*view));
    EXPECT_TRUE(printed.printed) << printed.error;
    EXPECT_GT(std::filesystem::file_size(printer / "dose-1.png"), 1000u);
}

}  // namespace
}  // namespace vax
