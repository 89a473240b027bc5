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
    readonly property real mm: Math.max(Screen.pixelDensity, 3.78)
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
            minimumPixelSize: Math.round(30 * page.mm)
            font.pixelSize: Math.round(70 * page.mm)
            font.bold: true
            color: "#0d47a1"
            text: page.flow.result.queueNumber
        }
        Text {
            objectName: "resultInstruction"
            Layout.fillWidth: true
            visible: page.outcome === "proceed"
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            font.pixelSize: Math.round(11 * page.mm)
            font.bold: true
            color: "#102a43"
            text: qsTr("Please go to registration desk %1").arg(page.flow.result.desk)
        }
        Text {
            objectName: "resultReasons"
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: page.outcome === "staff_review" || page.outcome === "defer"
            wrapMode: Text.WordWrap
            fontSizeMode: Text.Fit
            minimumPixelSize: Math.round(5 * page.mm)
            font.pixelSize: Math.round(8 * page.mm)
            color: "#334e68"
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
