import QtQuick
import QtTest
import VaxKiosk

// The observation exit's screens (ExitRole: scanning, ExitVerdict, ObservationList) on the
// real ExitFlow over a scripted worker (backends.siteBackend(): the exit verdict and the
// observation list as each test sets them). Tickets are fed as the camera feeds them; the
// worker answers over queued connections, so its answers are awaited with tryCompare.

// TestCase itself is invisible: the screens under test are made children of this item.
Item {
    id: root
    width: 1280
    height: 800

    TestCase {
        id: tc
        name: "Exit"
        when: windowShown

        Component {
            id: roleComponent
            ExitRole { anchors.fill: parent }
        }

        // Only its kind matters here: the fake answers for any ticket.
        readonly property string ticket: "VK1:TICKET.0001"
        property var fake: null
        property var flow: null
        property var role: null

        function init() {
            fake = backends.siteBackend()
            flow = backends.exitFlow(fake)
            verify(flow)
            role = createTemporaryObject(roleComponent, root, {
                flow: flow, camera: backends.camera()
            })
            verify(role)
            fake.open()
            tryCompare(flow, "ready", true)
        }

        function item(name) {
            const found = findChild(role, name)
            verify(found, "no " + name)
            return found
        }
        function text(name) { return item(name).text }
        function verdictShown() { return item("verdictTitle").visible }
        function scan(answer) {
            fake.exitAnswer = answer
            flow.acceptCode(ticket)
            tryCompare(flow, "state", ExitFlow.Result)
            verify(verdictShown())
        }

        function test_asksForTheTicket() {
            compare(text("exitTitle"), "Please scan your dose ticket")
            verify(!verdictShown())
            verify(!item("setupError").visible)
        }

        function test_mayLeave() {
            scan({ verdict: "may_leave", endsAt: "10:30" })
            compare(text("verdictTitle"), "You may leave")
            compare(text("verdictDetail"), "Your observation time is over. Take care!")
            compare(text("verdictMark"), "✓")
            verify(!item("verdictReason").visible)
            verify(fake.calls.indexOf("checkExit") >= 0)
        }

        function test_mayLeaveAgainSaysAlreadyScannedOut() {
            scan({ verdict: "may_leave", alreadyLeft: true })
            compare(text("verdictDetail"), "This ticket was already scanned out.")
        }

        function test_minutesLeft() {
            scan({ verdict: "minutes_left", minutesLeft: 12, endsAt: "10:42" })
            compare(text("verdictTitle"), "12 minutes left")
            compare(text("verdictDetail"), "Please stay in the observation area until 10:42.")
            verify(item("verdictClock").visible)
            compare(text("verdictMark"), "")
        }

        function test_notValidSaysWhyForStaff() {
            scan({ verdict: "not_valid", problem: "forged", reason: "bad signature" })
            compare(text("verdictTitle"), "Not valid")
            compare(text("verdictDetail"), "This ticket cannot be verified. Please see staff.")
            compare(text("verdictMark"), "✗")
            verify(item("verdictReason").visible)
            compare(text("verdictReason"), "For staff: bad signature")
        }

        function test_queueSlipIsNotATicket() {
            scan({ verdict: "not_valid", problem: "queue_slip" })
            compare(text("verdictDetail"),
                    "This is the queue slip. Please scan the dose ticket from the vaccination station.")
        }

        function test_clockSkewSendsToStaff() {
            scan({ verdict: "clock_skew", reason: "ticket from the future" })
            compare(text("verdictTitle"), "Please see staff")
            compare(text("verdictDetail"), "The ticket's time does not match this device's clock.")
            compare(text("verdictMark"), "!")
            verify(!item("verdictReason").visible)  // the reason is for not-valid tickets
        }

        // Not one of the site's codes: answered at once, without the worker.
        function test_otherCodeIsNotATicket() {
            flow.acceptCode("https://hc.example.gov.cn/v/DEMO0000001")
            compare(flow.state, ExitFlow.Result)
            compare(text("verdictTitle"), "Not valid")
            compare(text("verdictDetail"),
                    "This is not a dose ticket. Please scan the ticket from the vaccination station.")
            compare(fake.calls, [])
        }

        function test_tapReturnsToScanning() {
            scan({ verdict: "may_leave" })
            mouseClick(item("verdictTitle"))
            compare(flow.state, ExitFlow.Scan)
            verify(!verdictShown())
        }

        function test_verdictTimesOut() {
            scan({ verdict: "minutes_left", minutesLeft: 3, endsAt: "10:03" })
            // Shortened once the verdict is seen (the running timer restarts with it), so a slow
            // machine cannot dismiss it before the test looks.
            flow.resultTimeoutMs = 200
            tryCompare(flow, "state", ExitFlow.Scan, 3000)
            verify(!verdictShown())
        }

        function test_observationListMarksTheOverdue() {
            fake.observation = [
                { visitId: 1, maskedId: "3201**********0021", minutesLeft: -40, overdue: true },
                { visitId: 2, maskedId: "1101**********1234", minutesLeft: 12 },
                { visitId: 3, maskedId: "4401**********5678", minutesLeft: 5, reaction: true }
            ]
            mouseClick(item("observationButton"))
            tryCompare(item("observationTitle"), "text", "In observation: 3")
            verify(item("observationRows").visible)
            verify(!item("observationEmpty").visible)
            verify(text("observationUpdated").startsWith("Updated "), text("observationUpdated"))

            const rows = item("observationRows")
            tryCompare(rows, "count", 3)
            const overdue = findChild(rows, "overdueFlag")
            verify(overdue, "the overdue person is not marked")
            compare(overdue.text, "⚠ Overdue: not scanned out")
            const statuses = []
            const delegates = rows.contentItem.children
            for (let i = 0; i < delegates.length; ++i) {
                const status = findChild(delegates[i], "rowStatus")
                if (status)
                    statuses.push(status.text)
            }
            compare(statuses.sort(), ["12 min left", "✚ Under care (reaction)"])

            // Back on the scan page, the button counts the overdue.
            mouseClick(item("backToScanButton"))
            verify(item("observationButton").visible)
            compare(text("observationButton"), "⚠ In observation: 3 (1 overdue)")
        }

        function test_observationListEmptyAndUnreadable() {
            mouseClick(item("observationButton"))
            tryVerify(() => fake.calls.indexOf("listObservation") >= 0)
            tryVerify(() => item("observationEmpty").visible)
            compare(text("observationEmpty"), "Nobody is in observation.")

            fake.observationError = "journal locked"
            mouseClick(item("refreshButton"))
            tryCompare(item("observationUpdated"), "text", "Not updated: journal locked")
        }
    }
}
