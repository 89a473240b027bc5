#include "devices/TicketDocument.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "DevicesTestSupport.h"

namespace vax {
namespace {

using ::testing::ElementsAre;

std::vector<std::string> lines(const TicketDocument& doc) {
    std::vector<std::string> out;
    for (const TicketElement& e : doc.elements()) {
        if (const auto* t = std::get_if<TicketText>(&e)) {
            out.push_back(t->text);
        }
    }
    return out;
}

bool hasLine(const TicketDocument& doc, const std::string& text) {
    const std::vector<std::string> all = lines(doc);
    return std::find(all.begin(), all.end(), text) != all.end();
}

TEST(TicketDocumentTest, DoseTicketHasTheDetailsTheNoticeAndTheCode) {
    DoseTicketView view = test::sampleDoseTicket();
    view.observationMinutes = 45;
    const TicketDocument doc = doseTicketDocument(view);
    EXPECT_TRUE(hasLine(doc, view.siteName));
    EXPECT_TRUE(hasLine(doc, "受种者 Person: 110105********123X"));
    EXPECT_TRUE(hasLine(doc, "批号 Lot: 202111A034"));
    EXPECT_TRUE(hasLine(doc, "剂次 Dose: 第2剂 / dose 2"));
    EXPECT_TRUE(hasLine(doc, "留观至 Observe until: 2021-11-24 10:05"));
    EXPECT_TRUE(hasLine(doc, "请保留此票，留观45分钟"));
    EXPECT_TRUE(hasLine(doc, "Please keep this ticket and stay 45 minutes"));
    EXPECT_EQ(doc.qrText(), view.qrText);
    EXPECT_FALSE(doc.isReprint());
    EXPECT_TRUE(std::holds_alternative<TicketCut>(doc.elements().back()));
}

TEST(TicketDocumentTest, QueueSlipShowsTheNumberLargeAndTheDecisionInBothLanguages) {
    const QueueSlipView view = test::sampleQueueSlip();
    const TicketDocument doc = queueSlipDocument(view);
    const auto number = std::find_if(doc.elements().begin(), doc.elements().end(), [](auto& e) {
        const auto* t = std::get_if<TicketText>(&e);
        return t != nullptr && t->text == "A007";
    });
    ASSERT_NE(number, doc.elements().end());
    EXPECT_EQ(std::get<TicketText>(*number).style.size, TextSize::Double);
    EXPECT_TRUE(hasLine(doc, "结果: 请到A台登记"));
    EXPECT_TRUE(hasLine(doc, "Result: Please go to desk A"));
    EXPECT_TRUE(hasLine(doc, "时间 Time: 2021-11-24 09:12"));
    EXPECT_EQ(doc.qrText(), view.qrText);
}

TEST(TicketDocumentTest, ReprintSaysSoOnTopOnce) {
    TicketDocument doc = doseTicketDocument(test::sampleDoseTicket(true));
    ASSERT_TRUE(doc.isReprint());
    const auto& first = std::get<TicketText>(doc.elements().front());
    EXPECT_EQ(first.text, "补打 REPRINT");
    EXPECT_TRUE(first.style.bold);
    const std::size_t size = doc.elements().size();
    doc.markReprint();
    EXPECT_EQ(doc.elements().size(), size);

    TicketDocument slip = queueSlipDocument(test::sampleQueueSlip(true));
    EXPECT_TRUE(slip.isReprint());
    EXPECT_FALSE(queueSlipDocument(test::sampleQueueSlip(false)).isReprint());
}

TEST(TicketDocumentTest, TestTicketNamesTheProfile) {
    const TicketDocument doc = testTicketDocument("generic-58-raster", "2021-11-24 08:00", "TEST");
    EXPECT_TRUE(hasLine(doc, "Profile: generic-58-raster"));
    EXPECT_TRUE(hasLine(doc, "2021-11-24 08:00"));
    EXPECT_EQ(doc.qrText(), "TEST");
}

TEST(TicketDocumentTest, ElementsAreClamped) {
    TicketDocument doc;
    doc.feed(1000).feed(-3).qr("X", 99);
    EXPECT_EQ(std::get<TicketFeed>(doc.elements()[0]).lines, 255);
    EXPECT_EQ(std::get<TicketFeed>(doc.elements()[1]).lines, 0);
    EXPECT_EQ(std::get<TicketQr>(doc.elements()[2]).moduleSize, 16);
}

TEST(TicketDocumentTest, ColumnsCountChineseAsTwo) {
    EXPECT_EQ(displayColumns(""), 0);
    EXPECT_EQ(displayColumns("A007"), 4);
    EXPECT_EQ(displayColumns("中A"), 3);
    EXPECT_EQ(displayColumns("请保留此票，留观30分钟"), 22);
    EXPECT_EQ(displayColumns("\xFF"), 1);
}

TEST(TicketDocumentTest, WrapsEnglishAtSpaces) {
    EXPECT_THAT(wrapColumns("Please keep this ticket and stay 30 minutes", 32),
                ElementsAre("Please keep this ticket and stay", "30 minutes"));
    EXPECT_THAT(wrapColumns("Please keep this ticket and stay 30 minutes", 31),
                ElementsAre("Please keep this ticket and", "stay 30 minutes"));
    EXPECT_THAT(wrapColumns("short", 32), ElementsAre("short"));
    EXPECT_THAT(wrapColumns("", 32), ElementsAre(""));
    EXPECT_THAT(wrapColumns("a  b", 32), ElementsAre("a  b"));
}

TEST(TicketDocumentTest, WrapsChineseAnywhereButNotBeforeClosingPunctuation) {
    EXPECT_THAT(wrapColumns("请保留此票，留观30分钟", 10),
                ElementsAre("请保留此", "票，留观30", "分钟"));
    EXPECT_THAT(wrapColumns("接种留观票", 4), ElementsAre("接种", "留观", "票"));
}

TEST(TicketDocumentTest, CutsWordsLongerThanALine) {
    EXPECT_THAT(wrapColumns("ABCDEFGHIJ", 4), ElementsAre("ABCD", "EFGH", "IJ"));
    EXPECT_THAT(wrapColumns("Lot ABCDEFGHIJ", 4), ElementsAre("Lot", "ABCD", "EFGH", "IJ"));
}

TEST(TicketDocumentTest, EveryWrappedLineFits) {
    const std::string text =
        "受种者 Person: 110105********123X 疫苗 Vaccine: 新冠病毒灭活疫苗(Vero细胞)，"
        "批号 Lot: 202111A034。";
    for (int columns = 4; columns <= 48; ++columns) {
        std::string joined;
        for (const std::string& line : wrapColumns(text, columns)) {
            EXPECT_LE(displayColumns(line), columns) << line;
            joined += line;
        }
        std::string compact = text;
        std::erase(compact, ' ');
        std::erase(joined, ' ');
        EXPECT_EQ(joined, compact) << "columns " << columns;
    }
}

}  // namespace
}  // namespace vax
