import QtQuick
import QtQuick.Layouts
import VaxKiosk

// The exit's answer, as large as the screen allows: a mark, a word and a colour that all say
// the same (green ✓ may leave, amber clock face minutes left, red ✗ not valid, amber ! see staff).
// A tap, or the flow's timeout, goes back to scanning.
Rectangle {
    id: verdict
    required property ExitFlow flow
    readonly property real mm: Theme.mm
    readonly property var result: verdict.flow.result
    readonly property string kind: verdict.result.verdict
    readonly property bool amber: kind === "minutes_left" || kind === "clock_skew"
    readonly property color ink: amber && !Theme.highContrast ? Theme.ink : Theme.onDark
    // A portrait screen has the height for a larger mark.
    readonly property bool portrait: verdict.height > verdict.width

    radius: 3 * mm
    color: kind === "may_leave" ? Theme.ok : amber ? Theme.warn : Theme.bad

    function title() {
        switch (verdict.kind) {
        case "may_leave": return qsTr("You may leave")
        case "minutes_left": return qsTr("%1 minutes left").arg(verdict.result.minutesLeft)
        case "clock_skew": return qsTr("Please see staff")
        default: return qsTr("Not valid")
        }
    }
    function detail() {
        switch (verdict.kind) {
        case "may_leave":
            return verdict.result.alreadyLeft ? qsTr("This ticket was already scanned out.")
                                              : qsTr("Your observation time is over. Take care!")
        case "minutes_left": return qsTr("Please stay in the observation area until %1.").arg(verdict.result.endsAt)
        case "clock_skew": return qsTr("The ticket's time does not match this device's clock.")
        }
        switch (verdict.result.problem) {
        case "not_ticket": return qsTr("This is not a dose ticket. Please scan the ticket from the vaccination station.")
        case "queue_slip": return qsTr("This is the queue slip. Please scan the dose ticket from the vaccination station.")
        case "forged": return qsTr("This ticket cannot be verified. Please see staff.")
        case "other_site": return qsTr("This ticket is from another vaccination site. Please see staff.")
        case "unreadable": return qsTr("The ticket could not be read. Please try again or see staff.")
        case "no_dose": return qsTr("No dose is recorded for this ticket. Please see staff.")
        case "reaction": return qsTr("A doctor decides when you may leave. Please see staff.")
        default: return qsTr("Please see staff.")
        }
    }

    TapHandler { onTapped: verdict.flow.dismiss() }

    ColumnLayout {
        anchors { fill: parent; margins: 8 * verdict.mm }
        spacing: 4 * verdict.mm

        Item { Layout.fillHeight: true }
        Rectangle {
            Layout.alignment: Qt.AlignHCenter
            implicitWidth: Math.round(Math.min(verdict.height * 0.3, verdict.width * 0.6,
                                               (verdict.portrait ? 80 : 50) * verdict.mm))
            implicitHeight: implicitWidth
            radius: width / 2
            color: "transparent"
            border.width: Math.round(2 * verdict.mm)
            border.color: verdict.ink
            Text {
                objectName: "verdictMark"
                anchors.centerIn: parent
                color: verdict.ink
                font.pixelSize: Math.round(parent.height * 0.6)
                font.bold: true
                text: verdict.kind === "may_leave" ? "✓"
                      : verdict.kind === "minutes_left" ? ""
                      : verdict.kind === "clock_skew" ? "!" : "✗"
            }
            // Minutes left: a clock face's two hands (no font has to hold a clock glyph).
            Item {
                objectName: "verdictClock"
                anchors.fill: parent
                visible: verdict.kind === "minutes_left"
                Rectangle {
                    width: Math.round(2.5 * verdict.mm)
                    height: parent.height * 0.34
                    radius: width / 2
                    color: verdict.ink
                    x: (parent.width - width) / 2
                    y: parent.height / 2 - height + width / 2
                }
                Rectangle {
                    width: parent.width * 0.26
                    height: Math.round(2.5 * verdict.mm)
                    radius: height / 2
                    color: verdict.ink
                    x: parent.width / 2 - height / 2
                    y: (parent.height - height) / 2
                }
            }
        }
        // The title's width at the full size, to shrink it onto one line where that is needed.
        TextMetrics {
            id: titleMetrics
            font.pixelSize: Theme.px(24)
            font.bold: true
            text: verdict.title()
        }
        Text {
            objectName: "verdictTitle"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            // As large as fits on one line, never under half size (then it wraps). Sized here
            // rather than by fontSizeMode, which kept the height of the full-size wrapped text.
            font.pixelSize: Math.max(Theme.px(12), Math.min(Theme.px(24),
                Math.floor(Theme.px(24) * (width - 2) / Math.max(1, titleMetrics.advanceWidth))))
            font.bold: true
            color: verdict.ink
            text: verdict.title()
        }
        Text {
            objectName: "verdictDetail"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.px(9)
            color: verdict.ink
            text: verdict.detail()
        }
        Text {
            objectName: "verdictReason"
            Layout.fillWidth: true
            visible: verdict.kind === "not_valid" && verdict.result.reason !== ""
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.px(5)
            color: verdict.ink
            text: qsTr("For staff: %1").arg(verdict.result.reason)
        }
        Item { Layout.fillHeight: true }
        Text {
            objectName: "verdictTap"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            font.pixelSize: Theme.px(6)
            color: verdict.ink
            text: qsTr("Tap the screen to continue")
        }
    }
}
