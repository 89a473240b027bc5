import QtQuick
import QtQuick.Layouts
import QtQuick.Window
import VaxKiosk

// Step 4: the contraindication questions, one per screen, with three large answers.
Item {
    id: page
    required property EntryFlow flow
    required property Language language
    readonly property real mm: Theme.mm

    ColumnLayout {
        anchors.fill: parent
        spacing: 5 * page.mm

        Text {
            objectName: "questionProgress"
            Layout.fillWidth: true
            font.pixelSize: Theme.px(7)
            color: Theme.inkSoft
            text: qsTr("Question %1 of %2").arg(page.flow.questionIndex + 1).arg(page.flow.questionCount)
        }
        Text {
            objectName: "questionText"
            Layout.fillWidth: true
            Layout.fillHeight: true
            wrapMode: Text.WordWrap
            verticalAlignment: Text.AlignVCenter
            fontSizeMode: Text.Fit
            minimumPixelSize: Theme.px(7)
            font.pixelSize: Theme.px(12)
            font.bold: true
            color: Theme.ink
            text: page.language.code === "zh" ? page.flow.questionZh : page.flow.questionEn
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: 5 * page.mm
            BigButton {
                objectName: "answerYes"
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                implicitHeight: Math.round(30 * page.mm)
                text: qsTr("Yes")
                onClicked: page.flow.answer(1)
            }
            BigButton {
                objectName: "answerNo"
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                implicitHeight: Math.round(30 * page.mm)
                text: qsTr("No")
                onClicked: page.flow.answer(0)
            }
            BigButton {
                objectName: "answerUnsure"
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                implicitHeight: Math.round(30 * page.mm)
                tone: "#5e35b1"
                text: qsTr("Not sure")
                onClicked: page.flow.answer(2)
            }
        }
        // Always laid out, shown from question 2 on: the answers never move between questions,
        // so a resident taps where the buttons were a moment ago.
        BigButton {
            objectName: "previousButton"
            enabled: page.flow.questionIndex > 0
            opacity: enabled ? 1 : 0
            tone: Theme.neutral
            text: qsTr("Back")
            onClicked: page.flow.previousQuestion()
        }
    }
}
