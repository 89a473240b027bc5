import QtQuick
import QtTest
import VaxKiosk

// The vaccination station's screens (StationRole: scanning, then the outcome) on the real
// StationFlow over a scripted worker (backends.siteBackend(): the slip, the pack, the binding
// and the printer answer as each test sets them). Codes are fed as the camera feeds them; the
// worker answers over queued connections, so its answers are awaited with tryCompare.

// TestCase itself is invisible: the screens under test are made children of this item.
Item {
    id: root
    width: 1280
    height: 800

    TestCase {
        id: tc
        name: "Station"
        when: windowShown

        Component {
            id: roleComponent
            StationRole { anchors.fill: parent }
        }

        // Only their kind matters here: the fake answers for slip and pack alike.
        readonly property string slip: "VK1:SLIP.A007"
        readonly property string otherSlip: "VK1:SLIP.A008"
        readonly property string pack: "86123450000000054321"
        readonly property string otherPack: "86123450000000054322"
        property var fake: null
        property var flow: null
        property var role: null
        property var boundAnswer: null  // the fake's default: bound and printed

        function init() {
            fake = backends.siteBackend()
            boundAnswer = fake.bindAnswer
            flow = backends.stationFlow(fake)
            verify(flow)
            role = createTemporaryObject(roleComponent, root, {
                flow: flow, camera: backends.camera()
            })
            verify(role)
            fake.open()
            tryCompare(flow, "ready", true)
        }

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
        function bindOnce() {
            flow.acceptCode(slip)
            tryCompare(flow, "slipState", "read")
            flow.acceptCode(pack)
            tryCompare(flow, "state", StationFlow.Bound)
        }
        function bindOnceRefused() {
            flow.acceptCode(slip)
            tryCompare(flow, "slipState", "read")
            flow.acceptCode(pack)
            tryCompare(flow, "state", StationFlow.Refused)
        }

        function test_waitsForTheSlipFirst() {
            verify(shows("stationTitle"))
            compare(text("stationTitle"), "Scan the person's queue slip")
            compare(text("slipDetail"), "Waiting for the slip")
            compare(text("packDetail"), "Waiting for the vaccine code")
            verify(!item("startOverButton").visible)
            verify(!item("reprintButton").visible)
        }

        function test_setupErrorSaysCallTheTechnician() {
            const broken = backends.siteBackend()
            const fresh = backends.stationFlow(broken)
            const page = createTemporaryObject(roleComponent, root, {
                flow: fresh, camera: backends.camera()
            })
            compare(findChild(page.item, "stationTitle").text, "Starting…")
            broken.open("site keys missing")
            tryCompare(findChild(page.item, "stationTitle"), "text",
                       "This station cannot record doses: call the technician")
        }

        function test_slipThenPackBindsAndPrints() {
            flow.acceptCode(slip)
            compare(text("slipDetail"), "Checking…")
            tryCompare(item("slipDetail"), "text", "A007   ID 1101**********1234")
            compare(text("stationTitle"), "Now scan the vaccine pack")
            verify(item("startOverButton").visible)

            flow.acceptCode(pack)
            tryCompare(flow, "state", StationFlow.Bound)
            verify(shows("outcomeTitle"))
            compare(text("outcomeTitle"), "Bound: dose 1")
            compare(text("ticketPrinting"), "The dose ticket is printing: give it to the person.")
            compare(text("outcomePerson"), "1101**********1234")
            compare(text("outcomeVaccine"), "Demo vaccine, lot L2301")
            verify(!item("refusalAction").visible)
            compare(fake.calls, ["readSlip", "bind"])  // the pack is checked by the binding
        }

        function test_packFirstThenSlip() {
            flow.acceptCode(pack)
            tryCompare(flow, "packState", "read")
            compare(text("packDetail"), "Demo vaccine\nLot L2301   Expires 2031-12-31")
            compare(text("stationTitle"), "Now scan the person's queue slip")
            flow.acceptCode(slip)
            tryCompare(flow, "state", StationFlow.Bound)
            compare(fake.calls, ["readPack", "readSlip", "bind"])
        }

        function test_wrongKindOfCodeIsExplained() {
            flow.acceptCode("https://hc.example.gov.cn/v/DEMO0000001")  // a health code
            compare(text("scanProblem"), "⚠ That is not a queue slip or a vaccine code.")
            verify(item("scanProblem").visible)
            compare(fake.calls, [])  // nothing to ask the worker

            fake.slipAnswer = { valid: false, problem: "dose_ticket", reason: "a dose ticket" }
            flow.acceptCode(slip)
            tryCompare(item("scanProblem"), "text",
                       "⚠ That is a dose ticket. Scan the person's queue slip.")
            compare(text("slipDetail"), "Waiting for the slip")
            compare(flow.state, StationFlow.Scan)  // not a refusal: just the wrong paper
        }

        function test_secondSlipIsRefusedWhileOneIsRead() {
            flow.acceptCode(slip)
            tryCompare(flow, "slipState", "read")
            flow.acceptCode(otherSlip)
            compare(text("scanProblem"),
                    "⚠ A slip is already read. Scan the vaccine pack, or start over.")
        }

        function test_reusedCodeIsRefusedWithWhereAndWhen() {
            fake.bindAnswer = {
                bound: false, refusal: "reused_code",
                reason: "trace code already bound to visit 3",
                product: "Demo vaccine", lot: "L2301",
                earlier: [{ visitId: 3, at: "2024-05-01 09:12", station: "station-2" }]
            }
            bindOnceRefused()
            compare(text("outcomeTitle"), "Refused: this vaccine code was already used")
            compare(text("refusalAction"),
                    "Do not use this pack. Scan another pack for the same person.")
            compare(text("earlierUse"), "2024-05-01 09:12 at station-2 (visit 3)")
            compare(text("refusalReason"), "Detail: trace code already bound to visit 3")
            compare(text("outcomePerson"), "1101**********1234")  // from the slip
            verify(!item("ticketPrinting").visible)
            verify(!item("reprintButton").visible)

            // The pack is dropped, the slip kept: a replacement pack binds at once.
            compare(flow.slipState, "read")
            compare(flow.packState, "none")
            fake.bindAnswer = boundAnswer
            flow.acceptCode(otherPack)
            tryCompare(flow, "state", StationFlow.Bound)
            compare(text("outcomeTitle"), "Bound: dose 1")
        }

        function test_expiredPackIsRefusedBeforeTheSlip() {
            fake.packAnswer = {
                valid: false, problem: "expired", reason: "expired pack (2024-01-31): do not use",
                product: "Demo vaccine", lot: "L1999", expiry: "2024-01-31"
            }
            flow.acceptCode(pack)
            tryCompare(flow, "state", StationFlow.Refused)
            compare(text("outcomeTitle"), "Refused: expired pack")
            compare(text("refusalAction"),
                    "Do not use this pack. Scan another pack for the same person.")
            compare(text("refusalReason"), "Detail: expired pack (2024-01-31): do not use")
            compare(fake.calls, ["readPack"])
        }

        function test_forgedSlipIsRefused() {
            fake.slipAnswer = { valid: false, problem: "forged", reason: "unknown signing key" }
            flow.acceptCode(slip)
            tryCompare(flow, "state", StationFlow.Refused)
            compare(text("outcomeTitle"), "Refused: the slip is not genuine")
            compare(text("refusalAction"),
                    "Do not vaccinate. Send the person to the registration desk.")
            compare(text("nextHint"), "Scan a replacement to try again.")
        }

        function test_printerFailureAsksForAReprint() {
            fake.bindAnswer = Object.assign(boundAnswer,
                                            { printed: false, printError: "printer offline" })
            bindOnce()
            compare(text("ticketPrinting"),
                    "✗ Printer problem: the dose is recorded. Reprint the ticket.")
            compare(text("printError"), "Detail: printer offline")
            compare(text("reprintButton"), "Reprint ticket")
            press("reprintButton")
            tryCompare(item("reprintButton"), "text", "✓ Reprinted")
            compare(fake.calls, ["readSlip", "bind", "reprint"])
        }

        function test_failedReprintIsShownAfterNextPerson() {
            fake.reprintAnswer = { printed: false, error: "paper jam" }
            bindOnce()
            press("nextPersonButton")
            verify(shows("slipDetail"))
            compare(text("slipDetail"), "Waiting for the slip")
            verify(item("reprintButton").visible)  // the last dose can still be reprinted
            press("reprintButton")
            tryCompare(item("reprintState"), "text", "✗ Reprint failed: paper jam")
        }

        function test_nextPersonForgetsThePerson() {
            bindOnce()
            press("nextPersonButton")
            compare(flow.state, StationFlow.Scan)
            compare(flow.maskedId, "")
            compare(flow.slipState, "none")
            compare(flow.packState, "none")
            compare(text("stationTitle"), "Scan the person's queue slip")
        }

        function test_aPackAfterTheBindingAsksForNextPerson() {
            bindOnce()
            flow.acceptCode(otherPack)
            compare(flow.scanProblem, "already_bound")
            compare(flow.state, StationFlow.Bound)  // the outcome stays until next person
        }
    }
}
