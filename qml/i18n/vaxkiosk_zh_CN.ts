<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CameraPreview</name>
    <message>
        <location filename="../CameraPreview.qml" line="9"/>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../CameraPreview.qml" line="87"/>
        <source>✓ Read</source>
        <translation>✓ 已读取</translation>
    </message>
    <message>
        <location filename="../CameraPreview.qml" line="88"/>
        <source>Reading the code…</source>
        <translation>正在识别…</translation>
    </message>
</context>
<context>
    <name>ExitRole</name>
    <message>
        <location filename="../ExitRole.qml" line="32"/>
        <source>Hold your ticket under the camera</source>
        <translation>请将小票放在摄像头下</translation>
    </message>
    <message>
        <location filename="../ExitRole.qml" line="43"/>
        <source>Please scan your dose ticket</source>
        <translation>请扫描您的接种小票</translation>
    </message>
    <message>
        <location filename="../ExitRole.qml" line="53"/>
        <source>Checking…</source>
        <translation>正在核验…</translation>
    </message>
    <message>
        <location filename="../ExitRole.qml" line="54"/>
        <source>The ticket from the vaccination station says when you may leave.</source>
        <translation>接种台打印的小票会告诉您何时可以离开。</translation>
    </message>
    <message>
        <location filename="../ExitRole.qml" line="65"/>
        <source>This exit is out of service. Please see staff.</source>
        <translation>本出口暂停服务，请联系工作人员。</translation>
    </message>
    <message>
        <location filename="../ExitRole.qml" line="66"/>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <location filename="../ExitRole.qml" line="81"/>
        <source>⚠ In observation: %1 (%2 overdue)</source>
        <translation>⚠ 留观中：%1 人（%2 人超时）</translation>
    </message>
    <message>
        <location filename="../ExitRole.qml" line="83"/>
        <source>In observation: %1</source>
        <translation>留观中：%1 人</translation>
    </message>
</context>
<context>
    <name>ExitVerdict</name>
    <message>
        <location filename="../ExitVerdict.qml" line="24"/>
        <source>You may leave</source>
        <translation>您可以离开了</translation>
    </message>
    <message>
        <location filename="../ExitVerdict.qml" line="25"/>
        <source>%1 minutes left</source>
        <translation>还需留观 %1 分钟</translation>
    </message>
    <message>
        <location filename="../ExitVerdict.qml" line="26"/>
        <source>Please see staff</source>
        <translation>请联系工作人员</translation>
    </message>
    <message>
        <location filename="../ExitVerdict.qml" line="27"/>
        <source>Not valid</source>
        <translation>无效</translation>
    </message>
    <message>
        <location filename="../ExitVerdict.qml" line="33"/>
        <source>This ticket was already scanned out.</source>
        <translation>此小票已扫码离开过。</translation>
    </message>
    <message>
        <location filename="../ExitVerdict.qml" line="34"/>
        <source>Your observation time is over. Take care!</source>
        <translation>留观时间已满，请慢走！</translation>
    </message>
    <message>
        <location filename="../ExitVerdict.qml" line="35"/>
        <source>Please stay in the observation area until %1.</source>
        <translation>请在留观区停留至 %1。</translation>
    </message>
    <message>
        <location filename="../ExitVerdict.qml" line="36"/>
        <source>The ticket&apos;s time does not match this device&apos;s clock.</source>
        <translation>小票时间与本机时钟不一致。</translation>
    </message>
    <message>
        <location filename="../ExitVerdict.qml" line="39"/>
        <source>This is not a dose ticket. Please scan the ticket from the vaccination station.</source>
        <translation>这不是接种小票。请扫描接种台打印的小票。</translation>
    </message>
    <message>
        <location filename="../ExitVerdict.qml" line="40"/>
        <source>This is the queue slip. Please scan the dose ticket from the vaccination station.</source>
        <translation>这是排队小票。请扫描接种台打印的接种小票。</translation>
    </message>
    <message>
        <location filename="../ExitVerdict.qml" line="41"/>
        <source>This ticket cannot be verified. Please see staff.</source>
        <translation>无法验证此小票，请联系工作人员。</translation>
    </message>
    <message>
        <location filename="../ExitVerdict.qml" line="42"/>
        <source>This ticket is from another vaccination site. Please see staff.</source>
        <translation>此小票来自其他接种点，请联系工作人员。</translation>
    </message>
    <message>
        <location filename="../ExitVerdict.qml" line="43"/>
        <source>The ticket could not be read. Please try again or see staff.</source>
        <translation>无法读取小票，请重试或联系工作人员。</translation>
    </message>
    <message>
        <location filename="../ExitVerdict.qml" line="44"/>
        <source>No dose is recorded for this ticket. Please see staff.</source>
        <translation>此小票没有接种记录，请联系工作人员。</translation>
    </message>
    <message>
        <location filename="../ExitVerdict.qml" line="45"/>
        <source>A doctor decides when you may leave. Please see staff.</source>
        <translation>由医生决定您何时可以离开，请联系工作人员。</translation>
    </message>
    <message>
        <location filename="../ExitVerdict.qml" line="46"/>
        <source>Please see staff.</source>
        <translation>请联系工作人员。</translation>
    </message>
    <message>
        <location filename="../ExitVerdict.qml" line="136"/>
        <source>For staff: %1</source>
        <translation>供工作人员参考：%1</translation>
    </message>
    <message>
        <location filename="../ExitVerdict.qml" line="145"/>
        <source>Tap the screen to continue</source>
        <translation>轻触屏幕继续</translation>
    </message>
</context>
<context>
    <name>HourlyChart</name>
    <message>
        <location filename="../HourlyChart.qml" line="32"/>
        <source>Check-ins</source>
        <translation>签到</translation>
    </message>
    <message>
        <location filename="../HourlyChart.qml" line="33"/>
        <source>Doses</source>
        <translation>接种</translation>
    </message>
    <message>
        <location filename="../HourlyChart.qml" line="34"/>
        <source>Exits</source>
        <translation>离场</translation>
    </message>
    <message>
        <location filename="../HourlyChart.qml" line="46"/>
        <source>Per hour</source>
        <translation>每小时</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../Main.qml" line="1"/>
        <source>Observation board</source>
        <translation>留观屏</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="1"/>
        <source>Call screen</source>
        <translation>叫号屏</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="21"/>
        <source>VaxKiosk</source>
        <translation>疫苗接种自助机</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="104"/>
        <source>Vaccination station</source>
        <translation>接种台</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="105"/>
        <source>Observation exit</source>
        <translation>留观出口</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="106"/>
        <source>Staff console</source>
        <translation>工作人员控制台</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="118"/>
        <source>Staff</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="124"/>
        <source>Normal text</source>
        <translation>正常字号</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="124"/>
        <source>Larger text</source>
        <translation>大字号</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="130"/>
        <source>High contrast</source>
        <translation>高对比度</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="151"/>
        <source>Demo: tickets are written to %1</source>
        <translation>演示：小票保存在 %1</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="217"/>
        <source>This device&apos;s role is not available yet.</source>
        <translation>本设备的角色暂不可用。</translation>
    </message>
    <message>
        <source>VaxKiosk entry check</source>
        <translation type="vanished">疫苗接种入口自助预检</translation>
    </message>
</context>
<context>
    <name>ObservationList</name>
    <message>
        <location filename="../ObservationList.qml" line="42"/>
        <source>In observation: %1</source>
        <translation>留观人数：%1</translation>
    </message>
    <message>
        <location filename="../ObservationList.qml" line="53"/>
        <source>Not updated: %1</source>
        <translation>未更新：%1</translation>
    </message>
    <message>
        <location filename="../ObservationList.qml" line="54"/>
        <source>Updated %1</source>
        <translation>更新于 %1</translation>
    </message>
    <message>
        <location filename="../ObservationList.qml" line="66"/>
        <source>Person</source>
        <translation>受种者</translation>
    </message>
    <message>
        <location filename="../ObservationList.qml" line="67"/>
        <source>Ends at</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <location filename="../ObservationList.qml" line="68"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../ObservationList.qml" line="120"/>
        <source>⚠ Overdue: not scanned out</source>
        <translation>⚠ 超时未离开</translation>
    </message>
    <message>
        <location filename="../ObservationList.qml" line="121"/>
        <source>✚ Under care (reaction)</source>
        <translation>✚ 不良反应处置中</translation>
    </message>
    <message>
        <location filename="../ObservationList.qml" line="122"/>
        <source>%1 min left</source>
        <translation>还剩 %1 分钟</translation>
    </message>
    <message>
        <location filename="../ObservationList.qml" line="123"/>
        <source>✓ May leave</source>
        <translation>✓ 可以离开</translation>
    </message>
    <message>
        <location filename="../ObservationList.qml" line="135"/>
        <source>Nobody is in observation.</source>
        <translation>目前无人留观。</translation>
    </message>
    <message>
        <location filename="../ObservationList.qml" line="147"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../ObservationList.qml" line="155"/>
        <source>Back to scanning</source>
        <translation>返回扫码</translation>
    </message>
</context>
<context>
    <name>QuestionScreen</name>
    <message>
        <location filename="../QuestionScreen.qml" line="22"/>
        <source>Question %1 of %2</source>
        <translation>第 %1 题，共 %2 题</translation>
    </message>
    <message>
        <location filename="../QuestionScreen.qml" line="45"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../QuestionScreen.qml" line="53"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../QuestionScreen.qml" line="62"/>
        <source>Not sure</source>
        <translation>不确定</translation>
    </message>
    <message>
        <location filename="../QuestionScreen.qml" line="73"/>
        <source>Back</source>
        <translation>上一题</translation>
    </message>
</context>
<context>
    <name>ResultScreen</name>
    <message>
        <location filename="../ResultScreen.qml" line="1"/>
        <source>Offline number: this kiosk could not reach the site server</source>
        <translation>离线取号：本机暂时无法连接现场服务器</translation>
    </message>
    <message>
        <location filename="../ResultScreen.qml" line="88"/>
        <source>Your ticket is printing: please take your ticket.</source>
        <translation>正在打印排队小票，请取走您的小票。</translation>
    </message>
    <message>
        <location filename="../ResultScreen.qml" line="89"/>
        <source>Printer problem: staff will give you your slip.</source>
        <translation>打印机故障：工作人员会为您提供排队小票。</translation>
    </message>
    <message>
        <location filename="../ResultScreen.qml" line="24"/>
        <source>One moment please…</source>
        <translation>请稍候……</translation>
    </message>
    <message>
        <location filename="../ResultScreen.qml" line="29"/>
        <source>You already have %1 today</source>
        <translation>您今天已取号 %1</translation>
    </message>
    <message>
        <location filename="../ResultScreen.qml" line="31"/>
        <source>You already checked in today: staff will assist you</source>
        <translation>您今天已登记，请稍候，工作人员将协助您</translation>
    </message>
    <message>
        <location filename="../ResultScreen.qml" line="33"/>
        <source>You were deferred today: please ask staff</source>
        <translation>您今日已暂缓接种，如有疑问请咨询工作人员</translation>
    </message>
    <message>
        <location filename="../ResultScreen.qml" line="37"/>
        <source>Your queue number</source>
        <translation>您的排队号</translation>
    </message>
    <message>
        <location filename="../ResultScreen.qml" line="38"/>
        <source>Please wait: staff will assist you</source>
        <translation>请稍候，工作人员将为您核实</translation>
    </message>
    <message>
        <location filename="../ResultScreen.qml" line="39"/>
        <source>No vaccination today</source>
        <translation>今天暂不接种</translation>
    </message>
    <message>
        <location filename="../ResultScreen.qml" line="40"/>
        <source>Something went wrong. Please ask staff.</source>
        <translation>系统出现问题，请联系工作人员。</translation>
    </message>
    <message>
        <location filename="../ResultScreen.qml" line="65"/>
        <source>People ahead of you: %1</source>
        <translation>前方等待 %1 人</translation>
    </message>
    <message>
        <location filename="../ResultScreen.qml" line="76"/>
        <source>Please go to registration desk %1</source>
        <translation>请到 %1 台登记</translation>
    </message>
    <message>
        <location filename="../ResultScreen.qml" line="109"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>ScannedScreen</name>
    <message>
        <location filename="../ScannedScreen.qml" line="16"/>
        <source>Green code</source>
        <translation>绿码</translation>
    </message>
    <message>
        <location filename="../ScannedScreen.qml" line="17"/>
        <source>Yellow code</source>
        <translation>黄码</translation>
    </message>
    <message>
        <location filename="../ScannedScreen.qml" line="18"/>
        <source>Red code</source>
        <translation>红码</translation>
    </message>
    <message>
        <location filename="../ScannedScreen.qml" line="19"/>
        <source>Checking…</source>
        <translation>正在核验……</translation>
    </message>
    <message>
        <location filename="../ScannedScreen.qml" line="20"/>
        <source>Could not be checked</source>
        <translation>无法核验</translation>
    </message>
    <message>
        <location filename="../ScannedScreen.qml" line="21"/>
        <source>Please show your health code</source>
        <translation>请出示健康码</translation>
    </message>
    <message>
        <location filename="../ScannedScreen.qml" line="62"/>
        <source>Health code</source>
        <translation>健康码</translation>
    </message>
    <message>
        <location filename="../ScannedScreen.qml" line="85"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../ScannedScreen.qml" line="97"/>
        <source>Please show your electronic ID</source>
        <translation>请出示电子身份证</translation>
    </message>
    <message>
        <location filename="../ScannedScreen.qml" line="108"/>
        <source>This code is not a health code or an ID. Please show another one.</source>
        <translation>此码不是健康码或身份证，请出示其他码。</translation>
    </message>
    <message>
        <location filename="../ScannedScreen.qml" line="121"/>
        <source>Start over</source>
        <translation>重新开始</translation>
    </message>
    <message>
        <location filename="../ScannedScreen.qml" line="129"/>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
</context>
<context>
    <name>StaffCare</name>
    <message>
        <location filename="../StaffCare.qml" line="17"/>
        <source>Fainting</source>
        <translation>晕厥</translation>
    </message>
    <message>
        <location filename="../StaffCare.qml" line="18"/>
        <source>Allergic rash</source>
        <translation>过敏性皮疹</translation>
    </message>
    <message>
        <location filename="../StaffCare.qml" line="19"/>
        <source>Angioedema</source>
        <translation>血管性水肿</translation>
    </message>
    <message>
        <location filename="../StaffCare.qml" line="20"/>
        <source>Laryngeal oedema</source>
        <translation>喉头水肿</translation>
    </message>
    <message>
        <location filename="../StaffCare.qml" line="21"/>
        <source>Allergic purpura</source>
        <translation>过敏性紫癜</translation>
    </message>
    <message>
        <location filename="../StaffCare.qml" line="22"/>
        <source>Febrile convulsion</source>
        <translation>热性惊厥</translation>
    </message>
    <message>
        <location filename="../StaffCare.qml" line="23"/>
        <source>Local infection</source>
        <translation>局部感染</translation>
    </message>
    <message>
        <location filename="../StaffCare.qml" line="24"/>
        <source>Myocarditis</source>
        <translation>心肌炎</translation>
    </message>
    <message>
        <location filename="../StaffCare.qml" line="25"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../StaffCare.qml" line="34"/>
        <source>Visit number</source>
        <translation>就诊编号</translation>
    </message>
    <message>
        <location filename="../StaffCare.qml" line="53"/>
        <source>Reprint ticket</source>
        <translation>补打凭条</translation>
    </message>
    <message>
        <location filename="../StaffCare.qml" line="61"/>
        <source>Adverse reaction</source>
        <translation>不良反应</translation>
    </message>
    <message>
        <location filename="../StaffCare.qml" line="87"/>
        <source>What was done (e.g. lying down, doctor called)</source>
        <translation>处理措施（如平卧、已呼叫医生）</translation>
    </message>
    <message>
        <location filename="../StaffCare.qml" line="96"/>
        <source>Record reaction, extend observation 30 min</source>
        <translation>记录不良反应，留观延长30分钟</translation>
    </message>
</context>
<context>
    <name>StaffDevices</name>
    <message>
        <location filename="../StaffDevices.qml" line="20"/>
        <source>working</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../StaffDevices.qml" line="21"/>
        <source>not working</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../StaffDevices.qml" line="22"/>
        <source>not in use</source>
        <translation>未使用</translation>
    </message>
    <message>
        <location filename="../StaffDevices.qml" line="23"/>
        <source>not known yet</source>
        <translation>尚未获知</translation>
    </message>
    <message>
        <location filename="../StaffDevices.qml" line="24"/>
        <source>needs attention</source>
        <translation>需要注意</translation>
    </message>
    <message>
        <location filename="../StaffDevices.qml" line="25"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../StaffDevices.qml" line="33"/>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <location filename="../StaffDevices.qml" line="34"/>
        <source>no records service configured</source>
        <translation>未配置记录上传服务</translation>
    </message>
    <message>
        <location filename="../StaffDevices.qml" line="36"/>
        <source>Records to upload</source>
        <translation>待上传记录</translation>
    </message>
    <message>
        <location filename="../StaffDevices.qml" line="38"/>
        <source>%1 waiting, %2 refused</source>
        <translation>%1 条待上传，%2 条被拒</translation>
    </message>
    <message>
        <location filename="../StaffDevices.qml" line="39"/>
        <source>Trust list age</source>
        <translation>信任列表更新时间</translation>
    </message>
    <message>
        <location filename="../StaffDevices.qml" line="41"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message numerus="yes">
        <location filename="../StaffDevices.qml" line="41"/>
        <source>%n hours</source>
        <translation>
            <numerusform>%n 小时</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../StaffDevices.qml" line="42"/>
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <location filename="../StaffDevices.qml" line="44"/>
        <source>Thermometer</source>
        <translation>测温仪</translation>
    </message>
    <message>
        <location filename="../StaffDevices.qml" line="46"/>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../StaffDevices.qml" line="48"/>
        <source>Clock</source>
        <translation>时钟</translation>
    </message>
</context>
<context>
    <name>StaffFigures</name>
    <message>
        <location filename="../StaffFigures.qml" line="25"/>
        <source>Check-ins</source>
        <translation>签到</translation>
    </message>
    <message>
        <location filename="../StaffFigures.qml" line="26"/>
        <source>Doses</source>
        <translation>接种</translation>
    </message>
    <message>
        <location filename="../StaffFigures.qml" line="27"/>
        <source>Fevers</source>
        <translation>发热</translation>
    </message>
    <message>
        <location filename="../StaffFigures.qml" line="28"/>
        <source>Deferred</source>
        <translation>暂缓接种</translation>
    </message>
    <message>
        <location filename="../StaffFigures.qml" line="29"/>
        <source>Sent to staff</source>
        <translation>转人工</translation>
    </message>
    <message>
        <location filename="../StaffFigures.qml" line="30"/>
        <source>Adverse reactions</source>
        <translation>不良反应</translation>
    </message>
    <message>
        <location filename="../StaffFigures.qml" line="31"/>
        <source>Left early</source>
        <translation>提前离开</translation>
    </message>
    <message>
        <location filename="../StaffFigures.qml" line="32"/>
        <source>Overdue in observation</source>
        <translation>留观超时</translation>
    </message>
</context>
<context>
    <name>StaffLogin</name>
    <message>
        <location filename="../StaffLogin.qml" line="40"/>
        <source>Who are you?</source>
        <translation>请选择您的姓名</translation>
    </message>
    <message>
        <location filename="../StaffLogin.qml" line="49"/>
        <source>No staff are configured on this kiosk ([[staff]] in the config).</source>
        <translation>本机未配置工作人员（配置文件中的 [[staff]]）。</translation>
    </message>
    <message>
        <location filename="../StaffLogin.qml" line="85"/>
        <source>PIN</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../StaffLogin.qml" line="97"/>
        <source>Locked after 5 wrong PINs. Try again in %1:%2.</source>
        <translation>密码错误5次，已锁定。请在 %1:%2 后重试。</translation>
    </message>
    <message numerus="yes">
        <location filename="../StaffLogin.qml" line="104"/>
        <source>✕ Wrong PIN. %n tries left.</source>
        <translation>
            <numerusform>✕ 密码错误，还可尝试 %n 次。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../StaffLogin.qml" line="105"/>
        <source>✕ The journal cannot record sign-ins. Call the technician.</source>
        <translation>✕ 日志无法记录登录，请联系技术人员。</translation>
    </message>
    <message>
        <location filename="../StaffLogin.qml" line="106"/>
        <source>✕ The console is not ready yet. Try again in a moment.</source>
        <translation>✕ 控制台尚未就绪，请稍后再试。</translation>
    </message>
    <message>
        <location filename="../StaffLogin.qml" line="108"/>
        <source>Checking…</source>
        <translation>正在核验…</translation>
    </message>
    <message>
        <location filename="../StaffLogin.qml" line="109"/>
        <source>Choose your name first.</source>
        <translation>请先选择您的姓名。</translation>
    </message>
    <message>
        <location filename="../StaffLogin.qml" line="110"/>
        <source>Type your PIN.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <location filename="../StaffLogin.qml" line="120"/>
        <source>Demo: the PIN is %1</source>
        <translation>演示：密码为 %1</translation>
    </message>
    <message>
        <location filename="../StaffLogin.qml" line="138"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
</context>
<context>
    <name>StaffManualId</name>
    <message>
        <location filename="../StaffManualId.qml" line="21"/>
        <source>Resident&apos;s ID number</source>
        <translation>居民身份证号</translation>
    </message>
    <message>
        <location filename="../StaffManualId.qml" line="37"/>
        <source>18 characters</source>
        <translation>18位</translation>
    </message>
    <message>
        <location filename="../StaffManualId.qml" line="66"/>
        <source>✓ Valid number: %1</source>
        <translation>✓ 号码有效：%1</translation>
    </message>
    <message>
        <location filename="../StaffManualId.qml" line="67"/>
        <source>%1 of 18 characters</source>
        <translation>已输入 %1 位，共 18 位</translation>
    </message>
    <message>
        <location filename="../StaffManualId.qml" line="70"/>
        <source>✕ The last character does not match: a typing mistake?</source>
        <translation>✕ 校验位不符，是否输错？</translation>
    </message>
    <message>
        <location filename="../StaffManualId.qml" line="71"/>
        <source>✕ Only digits, and X as the last character</source>
        <translation>✕ 只能输入数字，最后一位可以是 X</translation>
    </message>
    <message>
        <location filename="../StaffManualId.qml" line="72"/>
        <source>✕ The birth date in the number does not exist</source>
        <translation>✕ 号码中的出生日期不存在</translation>
    </message>
    <message>
        <location filename="../StaffManualId.qml" line="73"/>
        <source>✕ The birth date in the number is in the future</source>
        <translation>✕ 号码中的出生日期晚于今天</translation>
    </message>
    <message>
        <location filename="../StaffManualId.qml" line="74"/>
        <source>✕ The region code is not valid</source>
        <translation>✕ 地区代码无效</translation>
    </message>
    <message>
        <location filename="../StaffManualId.qml" line="75"/>
        <source>✕ The sequence number is not valid</source>
        <translation>✕ 顺序码无效</translation>
    </message>
    <message>
        <location filename="../StaffManualId.qml" line="76"/>
        <source>✕ Not a valid ID number</source>
        <translation>✕ 不是有效的身份证号</translation>
    </message>
    <message>
        <location filename="../StaffManualId.qml" line="78"/>
        <source>Type the number from the ID card.</source>
        <translation>请按身份证输入号码。</translation>
    </message>
    <message>
        <location filename="../StaffManualId.qml" line="47"/>
        <source>Use for the resident</source>
        <translation>用于该居民</translation>
    </message>
</context>
<context>
    <name>StaffPages</name>
    <message>
        <location filename="../StaffPages.qml" line="27"/>
        <source>✕ Not done: %1</source>
        <translation>✕ 未完成：%1</translation>
    </message>
    <message>
        <location filename="../StaffPages.qml" line="28"/>
        <source>Printer problem: %1</source>
        <translation>打印机故障：%1</translation>
    </message>
    <message>
        <location filename="../StaffPages.qml" line="31"/>
        <source>✓ Visit %1 queued as %2.</source>
        <translation>✓ 就诊 %1 已排队，号码 %2。</translation>
    </message>
    <message>
        <location filename="../StaffPages.qml" line="32"/>
        <source>✓ Visit %1 deferred.</source>
        <translation>✓ 就诊 %1 已暂缓。</translation>
    </message>
    <message>
        <location filename="../StaffPages.qml" line="34"/>
        <source>✓ Desk %1 calls: %2</source>
        <translation>✓ %1 台叫号：%2</translation>
    </message>
    <message>
        <location filename="../StaffPages.qml" line="35"/>
        <source>Nobody is waiting for desk %1.</source>
        <translation>%1 台无人等候。</translation>
    </message>
    <message>
        <location filename="../StaffPages.qml" line="36"/>
        <source>✓ Ticket of visit %1 reprinted.</source>
        <translation>✓ 就诊 %1 的凭条已补打。</translation>
    </message>
    <message>
        <location filename="../StaffPages.qml" line="37"/>
        <source>✓ Reaction recorded for visit %1; observation extended.</source>
        <translation>✓ 已记录就诊 %1 的不良反应，留观已延长。</translation>
    </message>
    <message>
        <location filename="../StaffPages.qml" line="54"/>
        <source>Decisions</source>
        <translation>人工审核</translation>
    </message>
    <message>
        <location filename="../StaffPages.qml" line="55"/>
        <source>Type an ID</source>
        <translation>手动输入证件</translation>
    </message>
    <message>
        <location filename="../StaffPages.qml" line="56"/>
        <source>Call next</source>
        <translation>叫号</translation>
    </message>
    <message>
        <location filename="../StaffPages.qml" line="57"/>
        <source>Reprint / reaction</source>
        <translation>补打 / 不良反应</translation>
    </message>
    <message>
        <location filename="../StaffPages.qml" line="58"/>
        <source>Today</source>
        <translation>今日统计</translation>
    </message>
    <message>
        <location filename="../StaffPages.qml" line="59"/>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../StaffPages.qml" line="60"/>
        <source>Station</source>
        <translation>接种台</translation>
    </message>
</context>
<context>
    <name>StaffQueue</name>
    <message>
        <location filename="../StaffQueue.qml" line="19"/>
        <source>Call the next people to a desk</source>
        <translation>叫下一批到登记台</translation>
    </message>
    <message>
        <location filename="../StaffQueue.qml" line="30"/>
        <source>Desk %1</source>
        <translation>%1 台</translation>
    </message>
    <message numerus="yes">
        <location filename="../StaffQueue.qml" line="53"/>
        <source>%n people</source>
        <translation>
            <numerusform>%n 人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../StaffQueue.qml" line="69"/>
        <source>Call %n to desk %1</source>
        <translation>
            <numerusform>叫 %n 人到 %1 台</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StaffReviews</name>
    <message>
        <location filename="../StaffReviews.qml" line="22"/>
        <source>Fever</source>
        <translation>发热</translation>
    </message>
    <message>
        <location filename="../StaffReviews.qml" line="23"/>
        <source>Health code not checked</source>
        <translation>健康码未核验</translation>
    </message>
    <message>
        <location filename="../StaffReviews.qml" line="24"/>
        <source>Health code service unavailable</source>
        <translation>健康码服务不可用</translation>
    </message>
    <message>
        <location filename="../StaffReviews.qml" line="25"/>
        <source>Yellow health code</source>
        <translation>黄码</translation>
    </message>
    <message>
        <location filename="../StaffReviews.qml" line="26"/>
        <source>Red health code</source>
        <translation>红码</translation>
    </message>
    <message>
        <location filename="../StaffReviews.qml" line="27"/>
        <source>Health code of another person</source>
        <translation>健康码与本人不符</translation>
    </message>
    <message>
        <location filename="../StaffReviews.qml" line="28"/>
        <source>Thermometer could not measure</source>
        <translation>测温仪无法测量</translation>
    </message>
    <message>
        <location filename="../StaffReviews.qml" line="29"/>
        <source>Implausible temperature</source>
        <translation>体温读数异常</translation>
    </message>
    <message>
        <location filename="../StaffReviews.qml" line="30"/>
        <source>Contraindication</source>
        <translation>禁忌症</translation>
    </message>
    <message>
        <location filename="../StaffReviews.qml" line="31"/>
        <source>Doctor must assess an answer</source>
        <translation>需医生评估的回答</translation>
    </message>
    <message>
        <location filename="../StaffReviews.qml" line="32"/>
        <source>Unsure about a question</source>
        <translation>有问题回答“不确定”</translation>
    </message>
    <message>
        <location filename="../StaffReviews.qml" line="33"/>
        <source>Too soon after the last dose</source>
        <translation>距上一剂间隔过短</translation>
    </message>
    <message>
        <location filename="../StaffReviews.qml" line="34"/>
        <source>Already vaccinated today</source>
        <translation>今日已接种</translation>
    </message>
    <message>
        <location filename="../StaffReviews.qml" line="35"/>
        <source>Site server offline, no number left</source>
        <translation>现场服务器离线，本机号码已用完</translation>
    </message>
    <message>
        <location filename="../StaffReviews.qml" line="40"/>
        <source>Doctor assessed the resident</source>
        <translation>医生已评估</translation>
    </message>
    <message>
        <location filename="../StaffReviews.qml" line="41"/>
        <source>Health code checked by hand</source>
        <translation>已人工核验健康码</translation>
    </message>
    <message>
        <location filename="../StaffReviews.qml" line="42"/>
        <source>Temperature measured again: normal</source>
        <translation>复测体温正常</translation>
    </message>
    <message>
        <location filename="../StaffReviews.qml" line="43"/>
        <source>Identity checked by hand</source>
        <translation>已人工核验身份</translation>
    </message>
    <message>
        <location filename="../StaffReviews.qml" line="44"/>
        <source>Resident declines today</source>
        <translation>居民今日放弃接种</translation>
    </message>
    <message>
        <location filename="../StaffReviews.qml" line="45"/>
        <source>Other (explain below)</source>
        <translation>其他（请在下方说明）</translation>
    </message>
    <message>
        <location filename="../StaffReviews.qml" line="59"/>
        <source>Waiting for a decision: %1</source>
        <translation>待审核：%1 人</translation>
    </message>
    <message>
        <location filename="../StaffReviews.qml" line="86"/>
        <source>Visit %1 · %2 · %3</source>
        <translation>就诊 %1 · %2 · %3</translation>
    </message>
    <message>
        <location filename="../StaffReviews.qml" line="112"/>
        <source>Reason for visit %1</source>
        <translation>就诊 %1 的处理理由</translation>
    </message>
    <message>
        <location filename="../StaffReviews.qml" line="113"/>
        <source>Choose a visit on the left</source>
        <translation>请在左侧选择一位</translation>
    </message>
    <message>
        <location filename="../StaffReviews.qml" line="113"/>
        <source>Choose a visit above</source>
        <translation>请在上方选择一位</translation>
    </message>
    <message>
        <location filename="../StaffReviews.qml" line="133"/>
        <source>Your words (required for &quot;Other&quot;)</source>
        <translation>补充说明（选“其他”时必填）</translation>
    </message>
    <message>
        <location filename="../StaffReviews.qml" line="145"/>
        <source>✓ Queue</source>
        <translation>✓ 排队</translation>
    </message>
    <message>
        <location filename="../StaffReviews.qml" line="154"/>
        <source>✕ Defer</source>
        <translation>✕ 暂缓</translation>
    </message>
</context>
<context>
    <name>StaffScreen</name>
    <message>
        <location filename="../StaffScreen.qml" line="48"/>
        <source>STAFF</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <location filename="../StaffScreen.qml" line="60"/>
        <source>Signed in: %1</source>
        <translation>已登录：%1</translation>
    </message>
    <message>
        <location filename="../StaffScreen.qml" line="61"/>
        <source>Sign in to continue</source>
        <translation>请登录</translation>
    </message>
    <message>
        <location filename="../StaffScreen.qml" line="71"/>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../StaffScreen.qml" line="77"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>StationOutcomeScreen</name>
    <message>
        <location filename="../StationOutcomeScreen.qml" line="20"/>
        <source>Refused: this vaccine code was already used</source>
        <translation>拒绝：该疫苗追溯码已使用过</translation>
    </message>
    <message>
        <location filename="../StationOutcomeScreen.qml" line="21"/>
        <source>Refused: expired pack</source>
        <translation>拒绝：疫苗已过期</translation>
    </message>
    <message>
        <location filename="../StationOutcomeScreen.qml" line="22"/>
        <source>Refused: not a vaccine of this site&apos;s catalogue</source>
        <translation>拒绝：不是本接种点目录中的疫苗</translation>
    </message>
    <message>
        <location filename="../StationOutcomeScreen.qml" line="23"/>
        <source>Refused: the slip is not genuine</source>
        <translation>拒绝：小票不是本接种点签发的真票</translation>
    </message>
    <message>
        <location filename="../StationOutcomeScreen.qml" line="24"/>
        <source>Refused: the slip cannot be used</source>
        <translation>拒绝：该小票不能使用</translation>
    </message>
    <message>
        <location filename="../StationOutcomeScreen.qml" line="25"/>
        <source>This station cannot record doses: call the technician</source>
        <translation>本接种台无法记录接种：请联系技术人员</translation>
    </message>
    <message>
        <location filename="../StationOutcomeScreen.qml" line="26"/>
        <source>Refused: the dose cannot be recorded</source>
        <translation>拒绝：无法记录本次接种</translation>
    </message>
    <message>
        <location filename="../StationOutcomeScreen.qml" line="33"/>
        <source>Do not use this pack. Scan another pack for the same person.</source>
        <translation>请勿使用此支疫苗，为同一受种者扫描另一支。</translation>
    </message>
    <message>
        <location filename="../StationOutcomeScreen.qml" line="35"/>
        <source>Do not vaccinate. Send the person to the registration desk.</source>
        <translation>请勿接种。请受种者到登记台。</translation>
    </message>
    <message>
        <location filename="../StationOutcomeScreen.qml" line="36"/>
        <source>Do not vaccinate until the station works again.</source>
        <translation>接种台恢复正常前请勿接种。</translation>
    </message>
    <message>
        <location filename="../StationOutcomeScreen.qml" line="37"/>
        <source>Do not vaccinate. Check the visit with the registration desk.</source>
        <translation>请勿接种。请与登记台核实。</translation>
    </message>
    <message>
        <location filename="../StationOutcomeScreen.qml" line="74"/>
        <source>Bound: dose %1</source>
        <translation>已绑定：第 %1 剂</translation>
    </message>
    <message>
        <location filename="../StationOutcomeScreen.qml" line="98"/>
        <source>The dose ticket is printing: give it to the person.</source>
        <translation>正在打印接种小票，请交给受种者。</translation>
    </message>
    <message>
        <location filename="../StationOutcomeScreen.qml" line="99"/>
        <source>✗ Printer problem: the dose is recorded. Reprint the ticket.</source>
        <translation>✗ 打印机故障：接种已记录。请补打小票。</translation>
    </message>
    <message>
        <location filename="../StationOutcomeScreen.qml" line="115"/>
        <source>Person</source>
        <translation>受种者</translation>
    </message>
    <message>
        <location filename="../StationOutcomeScreen.qml" line="131"/>
        <source>Vaccine</source>
        <translation>疫苗</translation>
    </message>
    <message>
        <location filename="../StationOutcomeScreen.qml" line="139"/>
        <source>%1, lot %2</source>
        <translation>%1，批号 %2</translation>
    </message>
    <message>
        <location filename="../StationOutcomeScreen.qml" line="147"/>
        <source>Observation</source>
        <translation>留观</translation>
    </message>
    <message>
        <location filename="../StationOutcomeScreen.qml" line="155"/>
        <source>until %1</source>
        <translation>至 %1</translation>
    </message>
    <message>
        <location filename="../StationOutcomeScreen.qml" line="176"/>
        <source>This code was already bound:</source>
        <translation>该追溯码已绑定过：</translation>
    </message>
    <message>
        <location filename="../StationOutcomeScreen.qml" line="187"/>
        <source>%1 at %2 (visit %3)</source>
        <translation>%1，%2（就诊号 %3）</translation>
    </message>
    <message>
        <location filename="../StationOutcomeScreen.qml" line="200"/>
        <location filename="../StationOutcomeScreen.qml" line="209"/>
        <source>Detail: %1</source>
        <translation>详情：%1</translation>
    </message>
    <message>
        <location filename="../StationOutcomeScreen.qml" line="230"/>
        <source>Scanning the next slip also starts the next person.</source>
        <translation>扫描下一张排队小票也会开始下一位。</translation>
    </message>
    <message>
        <location filename="../StationOutcomeScreen.qml" line="231"/>
        <source>Scan a replacement to try again.</source>
        <translation>扫描替换的条码即可重试。</translation>
    </message>
    <message>
        <location filename="../StationOutcomeScreen.qml" line="240"/>
        <source>✓ Reprinted</source>
        <translation>✓ 已补打</translation>
    </message>
    <message>
        <location filename="../StationOutcomeScreen.qml" line="240"/>
        <source>Reprint ticket</source>
        <translation>补打小票</translation>
    </message>
    <message>
        <location filename="../StationOutcomeScreen.qml" line="248"/>
        <source>Next person</source>
        <translation>下一位</translation>
    </message>
</context>
<context>
    <name>StationScanScreen</name>
    <message>
        <location filename="../StationScanScreen.qml" line="80"/>
        <location filename="../StationScanScreen.qml" line="87"/>
        <source>Checking…</source>
        <translation>正在核验…</translation>
    </message>
    <message>
        <location filename="../StationScanScreen.qml" line="81"/>
        <source>%1   ID %2</source>
        <translation>%1   证件号 %2</translation>
    </message>
    <message>
        <location filename="../StationScanScreen.qml" line="82"/>
        <source>Waiting for the slip</source>
        <translation>等待扫描小票</translation>
    </message>
    <message>
        <location filename="../StationScanScreen.qml" line="91"/>
        <source>Lot %1</source>
        <translation>批号 %1</translation>
    </message>
    <message>
        <location filename="../StationScanScreen.qml" line="93"/>
        <source>Expires %1</source>
        <translation>有效期至 %1</translation>
    </message>
    <message>
        <location filename="../StationScanScreen.qml" line="96"/>
        <source>Waiting for the vaccine code</source>
        <translation>等待扫描疫苗追溯码</translation>
    </message>
    <message>
        <location filename="../StationScanScreen.qml" line="101"/>
        <source>This station cannot record doses: call the technician</source>
        <translation>本接种台无法记录接种：请联系技术人员</translation>
    </message>
    <message>
        <location filename="../StationScanScreen.qml" line="102"/>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <location filename="../StationScanScreen.qml" line="104"/>
        <source>Recording the dose…</source>
        <translation>正在记录接种…</translation>
    </message>
    <message>
        <location filename="../StationScanScreen.qml" line="106"/>
        <source>Now scan the vaccine pack</source>
        <translation>请扫描疫苗追溯码</translation>
    </message>
    <message>
        <location filename="../StationScanScreen.qml" line="108"/>
        <source>Now scan the person&apos;s queue slip</source>
        <translation>请接着扫描受种者的排队小票</translation>
    </message>
    <message>
        <location filename="../StationScanScreen.qml" line="109"/>
        <source>Scan the person&apos;s queue slip</source>
        <translation>请扫描受种者的排队小票</translation>
    </message>
    <message>
        <location filename="../StationScanScreen.qml" line="113"/>
        <source>That is not a queue slip or a vaccine code.</source>
        <translation>这不是排队小票，也不是疫苗追溯码。</translation>
    </message>
    <message>
        <location filename="../StationScanScreen.qml" line="114"/>
        <source>That is a dose ticket. Scan the person&apos;s queue slip.</source>
        <translation>这是接种小票。请扫描受种者的排队小票。</translation>
    </message>
    <message>
        <location filename="../StationScanScreen.qml" line="115"/>
        <source>A slip is already read. Scan the vaccine pack, or start over.</source>
        <translation>已读取一张排队小票。请扫描疫苗追溯码，或重新开始。</translation>
    </message>
    <message>
        <location filename="../StationScanScreen.qml" line="116"/>
        <source>This dose is already recorded. Tap “Next person” first.</source>
        <translation>本剂次已记录。请先点“下一位”。</translation>
    </message>
    <message>
        <location filename="../StationScanScreen.qml" line="135"/>
        <source>Hold the code under the camera</source>
        <translation>请将条码放在摄像头下</translation>
    </message>
    <message>
        <location filename="../StationScanScreen.qml" line="156"/>
        <source>Reprinting the last ticket…</source>
        <translation>正在补打上一张小票…</translation>
    </message>
    <message>
        <location filename="../StationScanScreen.qml" line="157"/>
        <source>✓ The last ticket was printed again.</source>
        <translation>✓ 上一张小票已补打。</translation>
    </message>
    <message>
        <location filename="../StationScanScreen.qml" line="158"/>
        <source>✗ Reprint failed: %1</source>
        <translation>✗ 补打失败：%1</translation>
    </message>
    <message>
        <location filename="../StationScanScreen.qml" line="173"/>
        <source>Start over</source>
        <translation>重新开始</translation>
    </message>
    <message>
        <location filename="../StationScanScreen.qml" line="182"/>
        <source>Reprint last ticket</source>
        <translation>补打上一张小票</translation>
    </message>
    <message>
        <location filename="../StationScanScreen.qml" line="208"/>
        <source>Queue slip</source>
        <translation>排队小票</translation>
    </message>
    <message>
        <location filename="../StationScanScreen.qml" line="217"/>
        <source>Vaccine pack code</source>
        <translation>疫苗追溯码</translation>
    </message>
    <message>
        <location filename="../StationScanScreen.qml" line="247"/>
        <source>Slip first, then the vaccine pack: the dose is recorded and its ticket printed as soon as both are read.</source>
        <translation>先扫排队小票，再扫疫苗追溯码：两者都读取后即记录接种并打印接种小票。</translation>
    </message>
</context>
<context>
    <name>StatusStrip</name>
    <message>
        <location filename="../StatusStrip.qml" line="1"/>
        <source>Site server</source>
        <translation>现场服务器</translation>
    </message>
    <message>
        <location filename="../StatusStrip.qml" line="1"/>
        <source>%1 alarm(s)</source>
        <translation>%1 条警报</translation>
    </message>
    <message>
        <location filename="../StatusStrip.qml" line="1"/>
        <source>%1 to send</source>
        <translation>%1 条待传</translation>
    </message>
    <message>
        <location filename="../StatusStrip.qml" line="1"/>
        <source>Offline: working alone</source>
        <translation>离线：单机工作</translation>
    </message>
    <message>
        <location filename="../StatusStrip.qml" line="64"/>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../StatusStrip.qml" line="65"/>
        <source>Paper low</source>
        <translation>纸将用完</translation>
    </message>
    <message>
        <location filename="../StatusStrip.qml" line="66"/>
        <source>Check</source>
        <translation>请检查</translation>
    </message>
    <message>
        <location filename="../StatusStrip.qml" line="67"/>
        <source>Not working</source>
        <translation>不可用</translation>
    </message>
    <message>
        <location filename="../StatusStrip.qml" line="68"/>
        <location filename="../StatusStrip.qml" line="140"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../StatusStrip.qml" line="69"/>
        <location filename="../StatusStrip.qml" line="93"/>
        <source>Not known yet</source>
        <translation>尚未获知</translation>
    </message>
    <message>
        <location filename="../StatusStrip.qml" line="80"/>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <location filename="../StatusStrip.qml" line="90"/>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../StatusStrip.qml" line="91"/>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../StatusStrip.qml" line="92"/>
        <source>Not set up</source>
        <translation>未配置</translation>
    </message>
    <message>
        <location filename="../StatusStrip.qml" line="99"/>
        <source>Uploads</source>
        <translation>上传</translation>
    </message>
    <message>
        <location filename="../StatusStrip.qml" line="106"/>
        <source>%1 refused</source>
        <translation>%1 条被拒</translation>
    </message>
    <message>
        <location filename="../StatusStrip.qml" line="104"/>
        <source>%1 refused, %2 waiting</source>
        <translation>%1 条被拒，%2 条待传</translation>
    </message>
    <message>
        <location filename="../StatusStrip.qml" line="107"/>
        <source>%1 waiting</source>
        <translation>%1 条待传</translation>
    </message>
    <message>
        <location filename="../StatusStrip.qml" line="108"/>
        <source>All sent</source>
        <translation>已全部上传</translation>
    </message>
    <message>
        <location filename="../StatusStrip.qml" line="112"/>
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <location filename="../StatusStrip.qml" line="118"/>
        <source>Thermometer</source>
        <translation>测温仪</translation>
    </message>
    <message>
        <location filename="../StatusStrip.qml" line="124"/>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../StatusStrip.qml" line="130"/>
        <source>Clock</source>
        <translation>时钟</translation>
    </message>
    <message>
        <location filename="../StatusStrip.qml" line="132"/>
        <source>Synced</source>
        <translation>已同步</translation>
    </message>
    <message>
        <location filename="../StatusStrip.qml" line="132"/>
        <source>Not synced</source>
        <translation>未同步</translation>
    </message>
    <message>
        <location filename="../StatusStrip.qml" line="136"/>
        <source>Trust list</source>
        <translation>信任列表</translation>
    </message>
    <message>
        <location filename="../StatusStrip.qml" line="141"/>
        <source>%1 h old</source>
        <translation>%1 小时前更新</translation>
    </message>
    <message>
        <location filename="../StatusStrip.qml" line="142"/>
        <source>%1 days old</source>
        <translation>%1 天前更新</translation>
    </message>
</context>
<context>
    <name>TemperatureScreen</name>
    <message>
        <location filename="../TemperatureScreen.qml" line="22"/>
        <source>Once more, please stay still</source>
        <translation>请再测一次，保持不动</translation>
    </message>
    <message>
        <location filename="../TemperatureScreen.qml" line="23"/>
        <source>Temperature taken</source>
        <translation>测温完成</translation>
    </message>
    <message>
        <location filename="../TemperatureScreen.qml" line="24"/>
        <source>The thermometer could not measure you. Staff will help you.</source>
        <translation>未能测得体温，工作人员将为您测量。</translation>
    </message>
    <message>
        <location filename="../TemperatureScreen.qml" line="25"/>
        <source>Please face the thermometer and stay still</source>
        <translation>请面向测温仪，保持不动</translation>
    </message>
    <message>
        <location filename="../TemperatureScreen.qml" line="47"/>
        <source>Measuring…</source>
        <translation>正在测温……</translation>
    </message>
</context>
<context>
    <name>WelcomeScreen</name>
    <message>
        <source>Reading the code…</source>
        <translation type="vanished">正在识别……</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation type="vanished">摄像头</translation>
    </message>
    <message>
        <location filename="../WelcomeScreen.qml" line="38"/>
        <source>Please show your health code</source>
        <translation>请出示健康码</translation>
    </message>
    <message>
        <location filename="../WelcomeScreen.qml" line="47"/>
        <source>Hold your phone&apos;s health code, then your electronic ID, in front of the camera.</source>
        <translation>请将手机上的健康码对准摄像头，然后出示电子身份证。</translation>
    </message>
    <message>
        <location filename="../WelcomeScreen.qml" line="58"/>
        <source>This kiosk is out of service. Please ask staff.</source>
        <translation>本机暂停服务，请联系工作人员。</translation>
    </message>
    <message>
        <location filename="../WelcomeScreen.qml" line="59"/>
        <source>Starting…</source>
        <translation>正在启动……</translation>
    </message>
</context>
<context>
    <name>CallboardRole</name>
    <message>
        <location filename="../CallboardRole.qml" line="1"/>
        <source>Registration desk %1</source>
        <translation>%1 登记台</translation>
    </message>
    <message>
        <location filename="../CallboardRole.qml" line="1"/>
        <source>No number called yet</source>
        <translation>尚未叫号</translation>
    </message>
    <message>
        <location filename="../CallboardRole.qml" line="1"/>
        <source>Called again: %1</source>
        <translation>重呼：%1</translation>
    </message>
    <message>
        <location filename="../CallboardRole.qml" line="1"/>
        <source>Waiting: %1</source>
        <translation>等候 %1 人</translation>
    </message>
    <message>
        <location filename="../CallboardRole.qml" line="1"/>
        <source>Missed: %1</source>
        <translation>过号：%1</translation>
    </message>
    <message>
        <location filename="../CallboardRole.qml" line="1"/>
        <source>Updated %1</source>
        <translation>更新于 %1</translation>
    </message>
    <message>
        <location filename="../CallboardRole.qml" line="1"/>
        <source>Site server not reachable: the calls shown may be old (%1)</source>
        <translation>无法连接现场服务器，显示的叫号可能不是最新（%1）</translation>
    </message>
</context>
<context>
    <name>BoardRole</name>
    <message>
        <location filename="../BoardRole.qml" line="1"/>
        <source>In observation: %1 · overdue: %2 · under care: %3</source>
        <translation>留观中 %1 人 · 超时 %2 人 · 处置中 %3 人</translation>
    </message>
    <message>
        <location filename="../BoardRole.qml" line="1"/>
        <source>May leave</source>
        <translation>可离开</translation>
    </message>
    <message>
        <location filename="../BoardRole.qml" line="1"/>
        <source>Under care: adverse reaction</source>
        <translation>不良反应处置中</translation>
    </message>
    <message>
        <location filename="../BoardRole.qml" line="1"/>
        <source>Overdue: not scanned out</source>
        <translation>超时：未扫码离开</translation>
    </message>
    <message>
        <location filename="../BoardRole.qml" line="1"/>
        <source>Code not yet confirmed</source>
        <translation>追溯码待现场核验</translation>
    </message>
    <message>
        <location filename="../BoardRole.qml" line="1"/>
        <source>Updated %1</source>
        <translation>更新于 %1</translation>
    </message>
    <message>
        <location filename="../BoardRole.qml" line="1"/>
        <source>Site server not reachable: this list may be old (%1)</source>
        <translation>无法连接现场服务器，名单可能不是最新（%1）</translation>
    </message>
</context>
</TS>
