<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>citycode::client::ApiClient</name>
    <message>
        <location filename="../client/src/api/ApiClient.cpp" line="+113"/>
        <source>The server at %1 reports status &quot;%2&quot; (database &quot;%3&quot;)</source>
        <translation>位于 %1 的服务器报告状态“%2”（数据库“%3”）</translation>
    </message>
</context>
<context>
    <name>citycode::client::ApiError</name>
    <message>
        <location filename="../client/src/api/ApiError.cpp" line="+12"/>
        <source>Cannot reach the server at %1: connection refused</source>
        <translation>无法连接到服务器 %1：连接被拒绝</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot reach the server at %1: host not found</source>
        <translation>无法连接到服务器 %1：找不到主机</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>The server at %1 did not answer within %n second(s)</source>
        <translation>
            <numerusform>位于 %1 的服务器在 %n 秒内没有应答</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server at %1 closed the connection without answering</source>
        <translation>位于 %1 的服务器未应答就关闭了连接</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Secure (TLS) connection to %1 failed: %2</source>
        <translation>与 %1 的安全连接（TLS）失败：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server at %1 did not answer with JSON; is it a CityCode server?</source>
        <translation>位于 %1 的服务器没有返回 JSON；它是 CityCode 服务器吗？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server at %1 answered, but not as a CityCode server does</source>
        <translation>位于 %1 的服务器有应答，但不像 CityCode 服务器的应答</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Server error (HTTP %1, %2): %3 (request id %4)</source>
        <translation>服务器错误（HTTP %1，%2）：%3（请求编号 %4）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Server error (HTTP %1, %2): %3</source>
        <translation>服务器错误（HTTP %1，%2）：%3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server at %1 answered HTTP %2 (request id %3)</source>
        <translation>位于 %1 的服务器返回 HTTP %2（请求编号 %3）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server at %1 answered HTTP %2</source>
        <translation>位于 %1 的服务器返回 HTTP %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot reach the server at %1: %2</source>
        <translation>无法连接到服务器 %1：%2</translation>
    </message>
</context>
<context>
    <name>citycode::client::Application</name>
    <message>
        <location filename="../client/src/app/Application.cpp" line="+33"/>
        <source>CityCode admin console: manages the codes of a CityCode server.</source>
        <translation>CityCode 城市码管理控制台：管理 CityCode 服务器上的城市码。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connect to the server at &lt;url&gt; instead of the saved address.</source>
        <translation>连接位于 &lt;url&gt; 的服务器，而不是已保存的地址。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Use &lt;language&gt; for this session: %1.</source>
        <translation>本次会话使用 &lt;语言&gt;：%1。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save a screenshot to &lt;file&gt; and exit.</source>
        <translation>将截图保存到 &lt;文件&gt; 后退出。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>No translation for &quot;%1&quot;; using %2.</source>
        <translation>没有“%1”的翻译；改用%2。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;%1&quot; is not a server address; expected something like %2.</source>
        <translation>“%1”不是服务器地址；应类似于 %2。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server at %1 is reachable. Signing in becomes available with the server&apos;s authentication; no session was opened.</source>
        <translation>位于 %1 的服务器可以连接。登录功能将在服务器提供身份验证后开放；本次未建立会话。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cannot write the screenshot to %1</source>
        <translation>无法将截图写入 %1</translation>
    </message>
</context>
<context>
    <name>citycode::client::LoginDialog</name>
    <message>
        <location filename="../client/src/screens/login/LoginDialog.cpp" line="+139"/>
        <source>Sign in — CityCode Admin Console</source>
        <translation>登录 — CityCode 城市码 管理控制台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CityCode Admin Console</source>
        <translation>CityCode 城市码 管理控制台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in to manage your city&apos;s codes.</source>
        <translation>登录以管理您所在城市的城市码。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Server address:</source>
        <translation>服务器地址(&amp;S)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Check connection</source>
        <translation>检查连接(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask the server whether it is running and its database is available</source>
        <translation>询问服务器是否正在运行、数据库是否可用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Username:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign &amp;in</source>
        <translation>登录(&amp;I)</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Enter the server&apos;s address, for example %1</source>
        <translation>请输入服务器地址，例如 %1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Checking the connection to %1…</source>
        <translation>正在检查与 %1 的连接…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Connected to CityCode server %1 (database ok)</source>
        <translation>已连接到 CityCode 服务器 %1（数据库正常）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connected to CityCode server %1, but its database reports &quot;%2&quot;</source>
        <translation>已连接到 CityCode 服务器 %1，但其数据库状态为“%2”</translation>
    </message>
</context>
<context>
    <name>citycode::client::MainWindow</name>
    <message>
        <location filename="../client/src/screens/main/MainWindow.cpp" line="+100"/>
        <source>CityCode Admin Console</source>
        <translation>CityCode 城市码 管理控制台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About CityCode Admin Console</source>
        <translation>关于 CityCode 城市码 管理控制台(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Welcome to the CityCode admin console.
Choose a section on the left.</source>
        <translation>欢迎使用 CityCode 城市码管理控制台。
请在左侧选择一个栏目。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server: %1</source>
        <translation>服务器：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not checked yet</source>
        <translation>尚未检查</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connected (server %1)</source>
        <translation>已连接（服务器 %1）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>About CityCode Admin Console</source>
        <translation>关于 CityCode 城市码 管理控制台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CityCode Admin Console %1
Manages the codes of a CityCode server.</source>
        <translation>CityCode 城市码 管理控制台 %1
管理 CityCode 服务器上的城市码。</translation>
    </message>
</context>
</TS>
