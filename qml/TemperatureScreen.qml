import QtQuick
import QtQuick.Layouts
import QtQuick.Window
import VaxKiosk

// Step 3: the forehead thermometer. The reading is shown only once it is in the journal.
Item {
    id: page
    required property EntryFlow flow
    readonly property real mm: Theme.mm

    ColumnLayout {
        anchors.fill: parent
        spacing: 6 * page.mm

        Item { Layout.fillHeight: true }
        ScreenTitle {
            objectName: "temperatureTitle"
            Layout.fillWidth: true
            text: {
                switch (page.flow.temperatureState) {
                case "again": return qsTr("Once more, please stay still")
                case "done": return qsTr("Temperature taken")
                case "error": return qsTr("The thermometer could not measure you. Staff will help you.")
                default: return qsTr("Please face the thermometer and stay still")
                }
            }
        }
        Text {
            objectName: "temperatureValue"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            visible: page.flow.temperatureText.length > 0
            font.pixelSize: Theme.px(40)
            font.bold: true
            color: Theme.primary
            text: page.flow.temperatureText + " °C"
        }
        Text {
            objectName: "temperatureHint"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            visible: page.flow.temperatureState === "measuring" || page.flow.temperatureState === "again"
            font.pixelSize: Theme.px(8)
            color: Theme.inkSoft
            text: qsTr("Measuring…")
        }
        Item { Layout.fillHeight: true }
    }
}
