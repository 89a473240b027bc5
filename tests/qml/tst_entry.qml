import QtQuick
import QtTest
import VaxKiosk

// The entry kiosk's screens (EntryRole and its five steps) on the real EntryFlow over a
// scripted worker (backends.entryBackend(): health code, thermometer, queue number, printer
// and journal as each test sets them; the decision is the core's). Codes are fed as the
// camera feeds them, buttons pressed with the mouse; the worker answers over queued
// connections, so its answers are awaited with tryCompare.

// TestCase itself is invisible: the screens under test are made children of this item.
Item {
    id: root
    width: 1280
    height: 800

    TestCase {
        id: tc
        name: "Entry"
        when: windowShown

        Component {
            id: roleComponent
            EntryRole { anchors.fill: parent }
        }

        // The demo site's codes (KioskDemo): an online health code and the resident's e-ID.
        readonly property string healthCode: "https://hc.example.gov.cn/v/DEMO0000001"
        readonly property string eId: "EID:110105198503121234"
        property var fake: null
        property var flow: null
        property var role: null

        function init() {
            fake = backends.entryBackend()
            flow = backends.entryFlow(fake)
            verify(flow)
            role = createTemporaryObject(roleComponent, root, {
                flow: flow, camera: backends.camera(), language: backends.language()
            })
            verify(role)
            fake.open()
            tryCompare(flow, "ready", true)
        }

        function cleanup() {
            backends.language().code = "en"
        }

        // The loaded screen shows the item of this name.
        function shows(name) { return findChild(role.item, name) !== null }
        function item(name) {
            const found = findChild(role.item, name)
            verify(found, "no " + name + " on this screen")
            return found
        }
        function text(name) { return item(name).text }
        function press(name) {
            const button = item(name)
            verify(button.visible && button.enabled, name + " cannot be pressed")
            mouseClick(button)
        }

        function scanBoth() {
            flow.acceptCode(healthCode)
            flow.acceptCode(eId)
            tryCompare(flow, "canProceed", true)
        }
        function toQuestions() {
            scanBoth()
            press("nextButton")
            tryCompare(flow, "state", EntryFlow.Questions, 5000)  // after 1.5 s on the reading
        }
        // One button per question, in order: "answerNo", "answerYes" or "answerUnsure".
        function answer(buttons) {
            for (const name of buttons)
                press(name)
        }
        function allNo() { return Array(flow.questionCount).fill("answerNo") }

        function test_notReadyUntilTheWorkerOpens() {
            const fresh = backends.entryFlow(backends.entryBackend())
            const page = createTemporaryObject(roleComponent, root, {
                flow: fresh, camera: backends.camera(), language: backends.language()
            })
            compare(findChild(page.item, "setupError").text, "Starting…")
            verify(findChild(page.item, "setupError").visible)
            // A resident already showing both codes still cannot go on.
            fresh.acceptCode(healthCode)
            fresh.acceptCode(eId)
            verify(!findChild(page.item, "nextButton").enabled)
        }

        function test_outOfServiceWhenTheWorkerCannotOpen() {
            const broken = backends.entryBackend()
            const fresh = backends.entryFlow(broken)
            const page = createTemporaryObject(roleComponent, root, {
                flow: fresh, camera: backends.camera(), language: backends.language()
            })
            broken.open("journal missing")
            tryCompare(fresh, "setupError", "journal missing")
            compare(findChild(page.item, "setupError").text,
                    "This kiosk is out of service. Please ask staff.")
        }

        function test_welcomeAsksForTheHealthCode() {
            verify(shows("welcomeTitle"))
            compare(text("welcomeTitle"), "Please show your health code")
            verify(!item("setupError").visible)
        }

        function test_scannedCodesShowTheCheckedCodeAndTheMaskedId() {
            flow.acceptCode(healthCode)
            verify(shows("scannedHealthCode"))
            compare(text("scannedHealthCode"), "Checking…")
            tryCompare(item("scannedHealthCode"), "text", "Green code")
            compare(text("scannedId"), "Please show your electronic ID")
            verify(!item("nextButton").enabled)

            flow.acceptCode(eId)
            compare(text("scannedId"), flow.maskedId)
            verify(text("scannedId").startsWith("1101"), text("scannedId"))
            verify(text("scannedId").indexOf("19850312") < 0, "the ID number shown unmasked")
            verify(item("nextButton").enabled)
            compare(fake.calls, ["checkHealthCode"])
        }

        function test_aRedCodeIsShownAsRed() {
            fake.healthCode = "red"
            flow.acceptCode(healthCode)
            tryCompare(item("scannedHealthCode"), "text", "Red code")
        }

        function test_wrongKindOfCodeIsExplained() {
            flow.acceptCode("VK1:AAAA.BBBB")  // a ticket of the site, not for the entry
            verify(shows("scanProblem"))
            verify(item("scanProblem").visible)
            compare(text("scanProblem"),
                    "This code is not a health code or an ID. Please show another one.")
            verify(!item("nextButton").enabled)
            // The next good code takes the message away.
            flow.acceptCode(eId)
            verify(!item("scanProblem").visible)
        }

        function test_startOverForgetsTheCodes() {
            scanBoth()
            press("startOverButton")
            verify(shows("welcomeTitle"))
            compare(flow.maskedId, "")
            compare(flow.healthCode, "none")
        }

        // After idleTimeoutMs (30 s in the kiosk) without a touch: back to welcome, nothing kept.
        function test_idleReturnsToWelcomeAndForgets() {
            scanBoth()
            verify(shows("scannedId"))
            // Shortened once the codes are in: a slow machine must not time out mid-scan.
            flow.idleTimeoutMs = 300
            flow.noteActivity()
            tryVerify(() => shows("welcomeTitle"), 3000)
            compare(flow.state, EntryFlow.Welcome)
            compare(flow.maskedId, "")
            compare(flow.healthCode, "none")
            verify(!flow.canProceed)
            verify(fake.calls.indexOf("cancelTemperature") >= 0)
        }

        function test_idleDuringTheQuestionsForgetsTheAnswers() {
            toQuestions()
            answer(["answerNo", "answerYes"])
            flow.idleTimeoutMs = 300
            flow.noteActivity()  // the new timeout counts from the last touch
            tryVerify(() => shows("welcomeTitle"), 3000)
            compare(flow.questionIndex, 0)
            compare(flow.temperatureText, "")
            compare(flow.maskedId, "")
        }

        function test_temperatureScreenFollowsTheMeasurement() {
            fake.holdTemperature = true
            fake.measureTwice = true
            fake.temperature = 36.4
            scanBoth()
            press("nextButton")
            verify(shows("temperatureTitle"))
            compare(text("temperatureTitle"), "Please face the thermometer and stay still")
            verify(item("temperatureHint").visible)
            tryCompare(item("temperatureTitle"), "text", "Once more, please stay still")
            verify(!item("temperatureValue").visible)

            fake.finishTemperature()
            tryCompare(item("temperatureTitle"), "text", "Temperature taken")
            compare(text("temperatureValue"), "36.4 °C")
            verify(!item("temperatureHint").visible)
            tryVerify(() => shows("questionText"), 5000)
        }

        function test_thermometerFailureGoesToStaff() {
            fake.thermometerFails = true
            scanBoth()
            press("nextButton")
            tryCompare(item("temperatureTitle"), "text",
                       "The thermometer could not measure you. Staff will help you.")
            tryCompare(flow, "state", EntryFlow.Questions, 5000)
            answer(allNo())
            tryCompare(flow, "resultReady", true)
            compare(text("resultOutcome"), "Please wait: staff will assist you")
        }

        function test_questionsOneByOneWithBack() {
            toQuestions()
            compare(text("questionProgress"), "Question 1 of 9")
            compare(text("questionText"), flow.questionEn)
            verify(text("questionText").startsWith("Are you severely allergic"))
            verify(!item("previousButton").enabled && item("previousButton").opacity === 0)
            press("answerNo")
            compare(text("questionProgress"), "Question 2 of 9")
            verify(item("previousButton").enabled && item("previousButton").opacity === 1)
            press("previousButton")
            compare(text("questionProgress"), "Question 1 of 9")
        }

        function test_questionsInChinese() {
            toQuestions()
            backends.language().code = "zh"
            compare(text("questionText"), flow.questionZh)
            verify(text("questionText") !== flow.questionEn)
        }

        function test_allNoGivesAQueueNumberAndASlip() {
            fake.queueNumber = "B012"
            toQuestions()
            answer(allNo())
            verify(shows("resultOutcome"))
            compare(text("resultOutcome"), "One moment please…")
            verify(!item("doneButton").visible)
            tryCompare(flow, "resultReady", true)
            compare(text("resultOutcome"), "Your queue number")
            compare(text("queueNumber"), "B012")
            compare(text("resultInstruction"), "Please go to registration desk B")
            compare(text("slipPrinting"), "Your ticket is printing: please take your ticket.")
            verify(!item("resultReasons").visible)
            compare(fake.lastAnswers, Array(9).fill(0))

            press("doneButton")
            verify(shows("welcomeTitle"))
            compare(flow.maskedId, "")
        }

        function test_notSureSendsToStaff() {
            toQuestions()
            answer(["answerNo", "answerNo", "answerNo", "answerUnsure"])
            answer(Array(5).fill("answerNo"))
            tryCompare(flow, "resultReady", true)
            compare(fake.lastAnswers, [0, 0, 0, 2, 0, 0, 0, 0, 0])
            compare(text("resultOutcome"), "Please wait: staff will assist you")
            verify(!item("queueNumber").visible)
            verify(!item("slipPrinting").visible)
            verify(item("resultReasons").visible)
            verify(text("resultReasons").startsWith("Not sure about: Do you or your family"),
                   text("resultReasons"))
        }

        function test_feverDefers() {
            fake.temperature = 38.4
            toQuestions()
            answer(allNo())
            tryCompare(flow, "resultReady", true)
            compare(text("resultOutcome"), "No vaccination today")
            compare(text("resultReasons"),
                    "Body temperature 38.4 C is a fever: vaccination is deferred.")
            verify(!item("queueNumber").visible)
        }

        function test_aContraindicationDefers() {
            toQuestions()
            answer(["answerYes"].concat(Array(8).fill("answerNo")))
            tryCompare(flow, "resultReady", true)
            compare(text("resultOutcome"), "No vaccination today")
            verify(text("resultReasons").indexOf("severely allergic") >= 0, text("resultReasons"))
        }

        function test_printerFailureIsShownOnTheResult() {
            fake.printError = "printer out of paper"
            toQuestions()
            answer(allNo())
            tryCompare(flow, "resultReady", true)
            compare(text("queueNumber"), "A007")  // the check-in stands
            compare(text("slipPrinting"), "Printer problem: staff will give you your slip.")
            verify(Qt.colorEqual(item("slipPrinting").color, Theme.bad))
        }

        function test_unrecordedCheckInSendsToStaff() {
            fake.journalError = "disk full"
            toQuestions()
            answer(allNo())
            tryCompare(flow, "resultReady", true)
            compare(text("resultOutcome"), "Something went wrong. Please ask staff.")
            verify(!item("queueNumber").visible)
            verify(!item("slipPrinting").visible)
        }
    }
}
