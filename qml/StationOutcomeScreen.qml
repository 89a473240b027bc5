import QtQuick
import QtQuick.Layouts
import VaxKiosk

// The station's answer: the dose is recorded (and its ticket printing), or the refusal with
// what to do and, for a vaccine code used before, where and when. Mark, words and colour all
// say the same.
Item {
    id: page
    required property StationFlow flow
    readonly property real mm: Theme.mm
    readonly property var result: page.flow.result
    readonly property bool bound: page.result.bound
    // The mark beside the title on a landscape screen, above it on a portrait one; there the
    // hint takes its own line over the buttons.
    readonly property bool portrait: page.height > page.width

    function refusalTitle() {
        switch (page.result.refusal) {
        case "reused_code": return qsTr("Refused: this vaccine code was already used")
        case "expired": return qsTr("Refused: expired pack")
        case "vaccine_code": return qsTr("Refused: not a vaccine of this site's catalogue")
        case "forged_slip": return qsTr("Refused: the slip is not genuine")
        case "slip": return qsTr("Refused: the slip cannot be used")
        case "setup": return qsTr("This station cannot record doses: call the technician")
        default: return qsTr("Refused: the dose cannot be recorded")
        }
    }
    function refusalAction() {
        switch (page.result.refusal) {
        case "reused_code":
        case "expired":
        case "vaccine_code": return qsTr("Do not use this pack. Scan another pack for the same person.")
        case "forged_slip":
        case "slip": return qsTr("Do not vaccinate. Send the person to the registration desk.")
        case "setup": return qsTr("Do not vaccinate until the station works again.")
        default: return qsTr("Do not vaccinate. Check the visit with the registration desk.")
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 3 * page.mm

        GridLayout {
            Layout.fillHeight: false
            Layout.fillWidth: true
            columns: page.portrait ? 1 : 2
            rowSpacing: 3 * page.mm
            columnSpacing: 6 * page.mm
            Rectangle {
                objectName: "outcomeMark"
                Layout.alignment: Qt.AlignHCenter | Qt.AlignVCenter
                implicitWidth: Math.round(30 * page.mm)
                implicitHeight: implicitWidth
                radius: width / 2
                color: page.bound ? Theme.ok : Theme.bad
                Text {
                    anchors.centerIn: parent
                    color: Theme.onDark
                    font.pixelSize: Theme.px(18)
                    font.bold: true
                    text: page.bound ? "✓" : "✗"
                }
            }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 1 * page.mm
                ScreenTitle {
                    objectName: "outcomeTitle"
                    Layout.fillWidth: true
                    horizontalAlignment: page.portrait ? Text.AlignHCenter : Text.AlignLeft
                    color: page.bound ? Theme.ok : Theme.bad
                    text: page.bound ? qsTr("Bound: dose %1").arg(page.result.doseNumber)
                                     : page.refusalTitle()
                }
                Text {
                    objectName: "refusalAction"
                    Layout.fillWidth: true
                    visible: !page.bound
                    horizontalAlignment: page.portrait ? Text.AlignHCenter : Text.AlignLeft
                    wrapMode: Text.WordWrap
                    font.pixelSize: Theme.px(8)
                    font.bold: true
                    color: Theme.ink
                    text: page.refusalAction()
                }
                Text {
                    objectName: "ticketPrinting"
                    Layout.fillWidth: true
                    visible: page.bound
                    horizontalAlignment: page.portrait ? Text.AlignHCenter : Text.AlignLeft
                    wrapMode: Text.WordWrap
                    font.pixelSize: Theme.px(8)
                    font.bold: true
                    color: page.result.printed ? Theme.ink : Theme.bad
                    text: page.result.printed
                          ? qsTr("The dose ticket is printing: give it to the person.")
                          : qsTr("✗ Printer problem: the dose is recorded. Reprint the ticket.")
                }
            }
        }

        // What was scanned: the person (masked) and the pack.
        GridLayout {
            Layout.fillHeight: false
            Layout.fillWidth: true
            Layout.topMargin: 2 * page.mm
            columns: 2
            columnSpacing: 6 * page.mm
            rowSpacing: 2 * page.mm

            Text {
                visible: page.result.maskedId !== ""
                text: qsTr("Person")
                font.pixelSize: Theme.px(7)
                color: Theme.inkSoft
            }
            Text {
                objectName: "outcomePerson"
                Layout.fillWidth: true
                visible: page.result.maskedId !== ""
                text: page.result.maskedId
                font.pixelSize: Theme.px(8)
                font.bold: true
                color: Theme.ink
                elide: Text.ElideRight
            }
            Text {
                visible: page.result.product !== ""
                text: qsTr("Vaccine")
                font.pixelSize: Theme.px(7)
                color: Theme.inkSoft
            }
            Text {
                objectName: "outcomeVaccine"
                Layout.fillWidth: true
                visible: page.result.product !== ""
                text: page.result.lot !== "" ? qsTr("%1, lot %2").arg(page.result.product).arg(page.result.lot)
                                             : page.result.product
                font.pixelSize: Theme.px(7)
                color: Theme.ink
                wrapMode: Text.WordWrap
            }
            Text {
                visible: page.bound
                text: qsTr("Observation")
                font.pixelSize: Theme.px(7)
                color: Theme.inkSoft
            }
            Text {
                objectName: "observationEnds"
                Layout.fillWidth: true
                visible: page.bound
                text: qsTr("until %1").arg(page.result.observationEndsAt)
                font.pixelSize: Theme.px(7)
                color: Theme.ink
            }
        }

        // One dose, one code: where this code was bound before.
        Rectangle {
            Layout.fillWidth: true
            visible: page.result.earlier.length > 0
            implicitHeight: earlierColumn.implicitHeight + 4 * page.mm
            radius: 2 * page.mm
            color: Theme.background
            border.width: Math.round(0.8 * page.mm)
            border.color: Theme.bad
            ColumnLayout {
                id: earlierColumn
                anchors { left: parent.left; right: parent.right; top: parent.top; margins: 2 * page.mm }
                spacing: 1 * page.mm
                Text {
                    Layout.fillWidth: true
                    text: qsTr("This code was already bound:")
                    font.pixelSize: Theme.px(6)
                    font.bold: true
                    color: Theme.bad
                }
                Repeater {
                    model: page.result.earlier
                    Text {
                        required property var modelData
                        objectName: "earlierUse"
                        Layout.fillWidth: true
                        text: qsTr("%1 at %2 (visit %3)").arg(modelData.at).arg(modelData.station)
                                                         .arg(modelData.visitId)
                        font.pixelSize: Theme.px(6)
                        color: Theme.ink
                        wrapMode: Text.WordWrap
                    }
                }
            }
        }
        Text {
            objectName: "refusalReason"
            Layout.fillWidth: true
            visible: !page.bound && page.result.reason !== ""
            text: qsTr("Detail: %1").arg(page.result.reason)
            font.pixelSize: Theme.px(5)
            color: Theme.inkSoft
            wrapMode: Text.WordWrap
        }
        Text {
            objectName: "printError"
            Layout.fillWidth: true
            visible: page.bound && !page.result.printed && page.result.printError !== ""
            text: qsTr("Detail: %1").arg(page.result.printError)
            font.pixelSize: Theme.px(5)
            color: Theme.inkSoft
            wrapMode: Text.WordWrap
        }

        Item { Layout.fillHeight: true }

        GridLayout {
            Layout.fillHeight: false
            Layout.fillWidth: true
            columns: page.portrait ? 2 : 3
            rowSpacing: 3 * page.mm
            columnSpacing: 6 * page.mm
            Text {
                objectName: "nextHint"
                Layout.fillWidth: true
                Layout.columnSpan: page.portrait ? 2 : 1
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.px(6)
                color: Theme.inkSoft
                text: page.bound ? qsTr("Scanning the next slip also starts the next person.")
                                 : qsTr("Scan a replacement to try again.")
            }
            BigButton {
                objectName: "reprintButton"
                Layout.fillWidth: page.portrait
                visible: page.bound
                tone: Theme.neutral
                font.pixelSize: Theme.px(8)
                enabled: page.flow.reprintState !== "printing"
                text: page.flow.reprintState === "printed" ? qsTr("✓ Reprinted") : qsTr("Reprint ticket")
                onClicked: page.flow.reprintLast()
            }
            BigButton {
                objectName: "nextPersonButton"
                Layout.fillWidth: page.portrait
                Layout.columnSpan: page.portrait && !page.bound ? 2 : 1
                Layout.preferredWidth: page.portrait ? implicitWidth : page.width * 0.3
                text: qsTr("Next person")
                onClicked: page.flow.nextPerson()
            }
        }
    }
}
