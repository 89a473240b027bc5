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
