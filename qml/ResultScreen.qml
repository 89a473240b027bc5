import QtQuick
import QtQuick.Layouts
import QtQuick.Window
import VaxKiosk

// Step 5: the decision, shown only after the journal holds it. A queued person sees the
// queue number as large as the screen allows.
Item {
    id: page
    required property EntryFlow flow
    required property Language language
    readonly property real mm: Theme.mm
    readonly property var outcome: page.flow.resultReady ? page.flow.result.outcome : ""

    ColumnLayout {
        anchors.fill: parent
        spacing: 4 * page.mm

        ScreenTitle {
            objectName: "resultOutcome"
            Layout.fillWidth: true
            text: {
                if (!page.flow.resultReady)
                    return qsTr("One moment please…")
                // One visit a person a day: a repeated check-in gets the day's visit back.
                if (page.flow.result.returned) {
                    switch (page.outcome) {
                    case "proceed":
                        return qsTr("You already have %1 today").arg(page.flow.result.queueNumber)
                    case "staff_review":
                        return qsTr("You already checked in today: staff will assist you")
                    case "defer":
                        return qsTr("You were deferred today: please ask staff")
                    }
                }
                switch (page.outcome) {
                case "proceed": return qsTr("Your queue number")
                case "staff_review": return qsTr("Please wait: staff will assist you")
                case "defer": return qsTr("No vaccination today")
                default: return qsTr("Something went wrong. Please ask staff.")
                }
            }
        }
        Text {
            objectName: "queueNumber"
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: page.outcome === "proceed"
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
            fontSizeMode: Text.Fit
            minimumPixelSize: Theme.px(30)
            font.pixelSize: Theme.px(70)
            font.bold: true
            color: Theme.primary
            text: page.flow.result.queueNumber
        }
        Text {
            objectName: "peopleAhead"
            Layout.fillWidth: true
            visible: page.outcome === "proceed" && page.flow.result.peopleAhead >= 0
            horizontalAlignment: Text.AlignHCenter
            font.pixelSize: Theme.px(10)
            color: Theme.ink
            text: qsTr("People ahead of you: %1").arg(page.flow.result.peopleAhead)
        }
        Text {
            // The site server could not be reached: the number is this kiosk's own reserved
            // one, valid at the desks as any other; staff see why the screen says so.
            objectName: "offlineNumber"
            Layout.fillWidth: true
            visible: page.flow.result.offline && page.flow.result.queueNumber !== ""
            horizontalAlignment: Text.AlignHCenter
            font.pixelSize: Theme.px(6)
            color: Theme.inkSoft
            text: qsTr("Offline number: this kiosk could not reach the site server")
        }
        Text {
            objectName: "resultInstruction"
            Layout.fillWidth: true
            visible: page.outcome === "proceed"
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.px(11)
            font.bold: true
            color: Theme.ink
            text: qsTr("Please go to registration desk %1").arg(page.flow.result.desk)
        }
        // The signed slip: printed, or staff hand it out (the check-in stands either way).
        Text {
            objectName: "slipPrinting"
            Layout.fillWidth: true
            visible: page.flow.resultReady && page.flow.result.queueNumber !== ""
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.px(8)
            color: page.flow.result.printed ? Theme.inkSoft : Theme.bad
            text: page.flow.result.printed
                  ? qsTr("Your ticket is printing: please take your ticket.")
                  : qsTr("Printer problem: staff will give you your slip.")
        }
        Text {
            objectName: "resultReasons"
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: page.outcome === "staff_review" || page.outcome === "defer"
            wrapMode: Text.WordWrap
            fontSizeMode: Text.Fit
            minimumPixelSize: Theme.px(5)
            font.pixelSize: Theme.px(8)
            color: Theme.inkSoft
            text: (page.language.code === "zh" ? page.flow.result.reasonsZh
                                               : page.flow.result.reasonsEn).join("\n")
        }
        BigButton {
            objectName: "doneButton"
            Layout.alignment: Qt.AlignHCenter
            Layout.preferredWidth: parent.width * 0.4
            visible: page.flow.resultReady
            text: qsTr("Done")
            onClicked: page.flow.restart()
        }
    }
}
