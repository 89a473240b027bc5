pragma Singleton
import QtQuick

// One place for sizes and colours, so the large-text and high-contrast modes reach every
// screen. Sizes are in millimetres of the real screen (touch targets stay >= 15 mm whatever
// the pixel density); text sizes grow by textScale in the large-text mode.
QtObject {
    id: theme
    // Some offscreen and virtual screens report no density: assume 96 dpi there.
    readonly property real mm: Math.max(Qt.application.screens.length > 0
                                        ? Qt.application.screens[0].pixelDensity : 0, 3.78)
    property bool largeText: false
    property bool highContrast: false
    readonly property real textScale: largeText ? 1.3 : 1.0

    // The smallest touch target the guideline allows, and ours.
    readonly property real minTouchMm: 15
    readonly property real touch: Math.round(22 * mm)

    /// A text size of `size` millimetre-units, grown in the large-text mode.
    function px(size) { return Math.round(size * mm * textScale) }

    // Resident screens: calm blue on light grey. High contrast: black on white, saturated marks.
    readonly property color background: highContrast ? "#ffffff" : "#f4f7fa"
    readonly property color ink: highContrast ? "#000000" : "#102a43"
    readonly property color inkSoft: highContrast ? "#000000" : "#334e68"
    readonly property color inkFaint: highContrast ? "#1a1a1a" : "#607d8b"
    readonly property color primary: highContrast ? "#002171" : "#0d47a1"
    readonly property color action: highContrast ? "#002171" : "#1565c0"
    readonly property color actionLight: highContrast ? "#002171" : "#1e88e5"
    readonly property color ok: highContrast ? "#004d00" : "#2e7d32"
    readonly property color warn: highContrast ? "#8a4b00" : "#f9a825"
    readonly property color bad: highContrast ? "#8b0000" : "#b71c1c"
    readonly property color neutral: highContrast ? "#000000" : "#546e7a"
    readonly property color disabled: "#9e9e9e"
    readonly property color onDark: "#ffffff"
    readonly property color cameraBand: highContrast ? "#000000" : "#cc263238"

    // Staff screens: an unmistakable band and header, whatever the mode.
    readonly property color staffBand: "#4a148c"
    readonly property color staffSurface: highContrast ? "#ffffff" : "#f3e5f5"
}
