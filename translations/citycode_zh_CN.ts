<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>citycode::client::AccountPage</name>
    <message>
        <location filename="../client/src/screens/account/AccountPage.cpp" line="+23"/>
        <source>My account</source>
        <translation>我的账号</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Display name:</source>
        <translation>显示名称：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Platform:</source>
        <translation>平台：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scope:</source>
        <translation>范围：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Change password…</source>
        <translation>修改密码(&amp;C)…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>All platforms (main platform)</source>
        <translation>所有平台（主平台）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This sub-platform only</source>
        <translation>仅本子平台</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Password changed. Your other sessions were signed out.</source>
        <translation>密码已修改。您的其他会话已退出登录。</translation>
    </message>
</context>
<context>
    <name>citycode::client::ApiClient</name>
    <message>
        <location filename="../client/src/api/ApiClient.cpp" line="+120"/>
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
    <name>citycode::client::AppDialog</name>
    <message>
        <location filename="../client/src/screens/apps/AppDialog.cpp" line="+15"/>
        <source>New app</source>
        <translation>新增应用</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit app</source>
        <translation>修改应用</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Organisation:</source>
        <translation>所属单位(&amp;O)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Industry:</source>
        <translation>行业(&amp;I)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Description:</source>
        <translation>描述(&amp;D)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>De&amp;veloper:</source>
        <translation>开发者(&amp;V)：</translation>
    </message>
</context>
<context>
    <name>citycode::client::AppModel</name>
    <message>
        <location filename="../client/src/models/AppModel.cpp" line="+14"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>AppCode</source>
        <translation>AppCode</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Organisation</source>
        <translation>所属单位</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
</context>
<context>
    <name>citycode::client::AppPermissionModel</name>
    <message>
        <location filename="../client/src/models/AppPermissionModel.cpp" line="+35"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>App</source>
        <translation>应用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>App code</source>
        <translation>应用编码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>May generate codes</source>
        <translation>允许生码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>May scan codes</source>
        <translation>允许扫码</translation>
    </message>
</context>
<context>
    <name>citycode::client::AppPermissionsPage</name>
    <message>
        <location filename="../client/src/screens/permissions/AppPermissionsPage.cpp" line="+19"/>
        <source>App permissions</source>
        <translation>应用生码扫码权限</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>App name:</source>
        <translation>应用名称：</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>You may look at the permissions but not change them.</source>
        <translation>您可以查看权限，但无权修改。</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Permissions of app %1 saved; they hold from its next request.</source>
        <translation>应用 %1 的权限已保存，自其下一次请求起生效。</translation>
    </message>
</context>
<context>
    <name>citycode::client::Application</name>
    <message>
        <location filename="../client/src/app/Application.cpp" line="+38"/>
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
        <location line="+30"/>
        <source>No translation for &quot;%1&quot;; using %2.</source>
        <translation>没有“%1”的翻译；改用%2。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;%1&quot; is not a server address; expected something like %2.</source>
        <translation>“%1”不是服务器地址；应类似于 %2。</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Cannot write the screenshot to %1</source>
        <translation>无法将截图写入 %1</translation>
    </message>
</context>
<context>
    <name>citycode::client::AppsPage</name>
    <message>
        <location filename="../client/src/screens/apps/AppsPage.cpp" line="+26"/>
        <source>Apps</source>
        <translation>应用管理</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Created:</source>
        <translation>创建时间：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID:</source>
        <translation>ID：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Platform:</source>
        <translation>平台：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Industry:</source>
        <translation>行业：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;New app…</source>
        <translation>新增应用(&amp;N)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit…</source>
        <translation>修改(&amp;E)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Detail</source>
        <translation>详情(&amp;D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E&amp;nable</source>
        <translation>启用(&amp;N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>D&amp;isable</source>
        <translation>停用(&amp;I)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Disable the selected apps? They can no longer issue or verify codes.</source>
        <translation>停用所选应用？停用后它们不能再生成或核验码。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Rotate secret…</source>
        <translation>重置密钥(&amp;R)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>De&amp;lete</source>
        <translation>删除(&amp;L)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete the selected apps with their developers and services? Only disabled apps can be deleted. This cannot be undone.</source>
        <translation>删除所选应用及其开发者和服务？只能删除已停用的应用。此操作不可撤销。</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>App saved.</source>
        <translation>应用已保存。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>App &quot;%1&quot; created.</source>
        <translation>应用“%1”已创建。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Credentials of %1</source>
        <translation>%1 的凭据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The app signs its requests with this AppSecret. It is shown only now; store it safely. If it is lost, rotate it.</source>
        <translation>应用用此 AppSecret 对请求签名。它只显示这一次，请妥善保存；如果丢失，请重置密钥。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+42"/>
        <source>AppCode:</source>
        <translation>AppCode：</translation>
    </message>
    <message>
        <location line="-41"/>
        <location line="+42"/>
        <source>AppSecret:</source>
        <translation>AppSecret：</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>Rotate the AppSecret of &quot;%1&quot;? The current secret stops working at once.</source>
        <translation>重置“%1”的 AppSecret？当前密钥将立即失效。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The AppSecret of &quot;%1&quot; was rotated.</source>
        <translation>“%1”的 AppSecret 已重置。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New AppSecret of %1</source>
        <translation>%1 的新 AppSecret</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The previous secret no longer works. This one is shown only now.</source>
        <translation>原密钥已失效。新密钥只显示这一次。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Developer</source>
        <translation>开发者</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 (number %2)</source>
        <translation>%1（编号 %2）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Secret changed</source>
        <translation>密钥更新时间</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Linked code rules</source>
        <translation>关联码规则</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>App %1</source>
        <translation>应用 %1</translation>
    </message>
</context>
<context>
    <name>citycode::client::ChangePasswordDialog</name>
    <message>
        <location filename="../client/src/screens/account/ChangePasswordDialog.cpp" line="+18"/>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>You signed in with a one-time password. Choose your own password to continue.</source>
        <translation>您使用一次性密码登录。请设置自己的密码后继续。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Current password:</source>
        <translation>当前密码(&amp;C)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New password:</source>
        <translation>新密码(&amp;N)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Repeat new password:</source>
        <translation>重复新密码(&amp;R)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>At least 10 characters with three of: upper-case letters, lower-case letters, digits, other characters; not containing the user name.</source>
        <translation>至少 10 个字符，包含大写字母、小写字母、数字、其他字符中的三类；不得包含用户名。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The new password must differ from the current one.</source>
        <translation>新密码不能与当前密码相同。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The two new passwords differ.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The current password is wrong.</source>
        <translation>当前密码错误。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server refused the new password: %1</source>
        <translation>服务器拒绝了新密码：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>The password needs at least %n character(s).</source>
        <translation>
            <numerusform>密码至少需要 %n 个字符。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>The password may have at most %n character(s).</source>
        <translation>
            <numerusform>密码最多 %n 个字符。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The password needs at least three of: upper-case letters, lower-case letters, digits, other characters.</source>
        <translation>密码需包含大写字母、小写字母、数字、其他字符中的至少三类。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The password must not contain the user name.</source>
        <translation>密码不得包含用户名。</translation>
    </message>
</context>
<context>
    <name>citycode::client::CodeCategoriesPage</name>
    <message>
        <location filename="../client/src/screens/categories/CodeCategoriesPage.cpp" line="+24"/>
        <source>Code categories</source>
        <translation>码分类</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+24"/>
        <source>Code:</source>
        <translation>编码：</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>Parent ID:</source>
        <translation>上级 ID：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;New category…</source>
        <translation>新增分类(&amp;N)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit…</source>
        <translation>修改(&amp;E)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Detail</source>
        <translation>详情(&amp;D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>De&amp;lete</source>
        <translation>删除(&amp;L)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete the selected categories? This cannot be undone.</source>
        <translation>删除所选分类？此操作不可撤销。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Edit code category</source>
        <translation>修改码分类</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New code category</source>
        <translation>新增码分类</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Code:</source>
        <translation>编码(&amp;C)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>letters, digits, underscore and hyphen only</source>
        <translation>只能包含字母、数字、下划线和连字符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Parent ID:</source>
        <translation>上级 ID(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+5"/>
        <source>a number</source>
        <translation>请填写数字</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;osition:</source>
        <translation>排序(&amp;O)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Status:</source>
        <translation>状态(&amp;S)：</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Category &quot;%1&quot; saved.</source>
        <translation>分类“%1”已保存。</translation>
    </message>
</context>
<context>
    <name>citycode::client::CodeCategoryModel</name>
    <message>
        <location filename="../client/src/models/CodeCategoryModel.cpp" line="+14"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Parent ID</source>
        <translation>上级 ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Position</source>
        <translation>排序</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
</context>
<context>
    <name>citycode::client::CodeEngineText</name>
    <message>
        <location filename="../client/src/models/CodeEngineText.cpp" line="+16"/>
        <source>Personal code</source>
        <translation>个人码</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enterprise code</source>
        <translation>企业码</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Payment code</source>
        <translation>支付码</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Health code</source>
        <translation>健康码</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Object code</source>
        <translation>物品码</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Dynamic</source>
        <translation>动态码</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Static</source>
        <translation>静态码</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not published</source>
        <translation>未发布</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Published</source>
        <translation>已发布</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Number</source>
        <translation>数值</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Integer</source>
        <translation>整数</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Date and time</source>
        <translation>日期时间</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Yes/no</source>
        <translation>是/否</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Registered</source>
        <translation>已登记</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Applied</source>
        <translation>已申领</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Disabled</source>
        <translation>停用</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lost</source>
        <translation>已挂失</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Replaced</source>
        <translation>已换码</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recycled</source>
        <translation>已回收</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancelled</source>
        <translation>已注销</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Register</source>
        <translation>登记</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Apply</source>
        <translation>申领</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Report lost</source>
        <translation>挂失</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Change information</source>
        <translation>信息变更</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recycle</source>
        <translation>回收</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Replace</source>
        <translation>换码</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel code</source>
        <translation>注销</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Person</source>
        <translation>个人</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Object</source>
        <translation>物品</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Place</source>
        <translation>场所</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Signing</source>
        <translation>签名</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>MAC</source>
        <translation>消息认证码</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Trust-list anchor</source>
        <translation>信任列表根密钥</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Current</source>
        <translation>当前</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Retired</source>
        <translation>已退役</translation>
    </message>
</context>
<context>
    <name>citycode::client::CodeFieldEditor</name>
    <message>
        <location filename="../client/src/screens/codespecs/CodeFieldEditor.cpp" line="+79"/>
        <source>&amp;Add field</source>
        <translation>添加字段(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Remove field</source>
        <translation>删除字段(&amp;R)</translation>
    </message>
</context>
<context>
    <name>citycode::client::CodeFieldModel</name>
    <message>
        <location filename="../client/src/models/CodeFieldModel.cpp" line="+75"/>
        <source>Field %1 has no name.</source>
        <translation>第 %1 个字段没有名称。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The name of field %1 is longer than %2 characters.</source>
        <translation>第 %1 个字段的名称超过 %2 个字符。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The field name &quot;%1&quot; is used twice.</source>
        <translation>字段名“%1”重复。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Field &quot;%1&quot; has no valid type.</source>
        <translation>字段“%1”的类型无效。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The length of field &quot;%1&quot; must be between 1 and %2.</source>
        <translation>字段“%1”的长度必须在 1 到 %2 之间。</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>Field name</source>
        <translation>字段名</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Length</source>
        <translation>长度</translation>
    </message>
</context>
<context>
    <name>citycode::client::CodeImageReader</name>
    <message>
        <location filename="../client/src/screens/verifier/CodeImageReader.cpp" line="+26"/>
        <source>The image is empty.</source>
        <translation>图像为空。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>No QR code was found in the image.</source>
        <translation>图像中没有找到二维码。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 is not an image this console can read (%2).</source>
        <translation>%1 不是本控制台能读取的图像（%2）。</translation>
    </message>
</context>
<context>
    <name>citycode::client::CodeRuleDetailDialog</name>
    <message>
        <location filename="../client/src/screens/coderules/CodeRuleDetailDialog.cpp" line="+35"/>
        <source>Code rule %1</source>
        <translation>码规则 %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;New version…</source>
        <translation>新建版本(&amp;N)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit version…</source>
        <translation>修改版本(&amp;E)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E&amp;nable</source>
        <translation>启用(&amp;N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>D&amp;isable</source>
        <translation>停用(&amp;I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Push to pool</source>
        <translation>推送到码池(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Compare two…</source>
        <translation>对比两个版本(&amp;C)…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Version %1 enabled.</source>
        <translation>版本 %1 已启用。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Version %1 disabled.</source>
        <translation>版本 %1 已停用。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The rule and all its versions were pushed to the platform&apos;s pool.</source>
        <translation>码规则及其全部版本已推送到平台码池。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Versions:</source>
        <translation>版本：</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2, %3; applies to %4; spec: %5.&lt;br&gt;%6, %7, %8; latest version %9.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2，%3；适用平台：%4；码规范：%5。&lt;br&gt;%6，%7，%8；最新版本 %9。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>in the pool</source>
        <translation>已在码池</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not in the pool</source>
        <translation>不在码池</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Version %1 saved.</source>
        <translation>版本 %1 已保存。</translation>
    </message>
</context>
<context>
    <name>citycode::client::CodeRuleModel</name>
    <message>
        <location filename="../client/src/models/CodeRuleModel.cpp" line="+20"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Form</source>
        <translation>码形式</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Code type</source>
        <translation>码类型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Applicable platform</source>
        <translation>适用平台</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Code spec</source>
        <translation>码规范</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Published</source>
        <translation>已发布</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In pool</source>
        <translation>在码池</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Latest version</source>
        <translation>最新版本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
</context>
<context>
    <name>citycode::client::CodeRuleVersionModel</name>
    <message>
        <location filename="../client/src/models/CodeRuleVersionModel.cpp" line="+20"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pushed</source>
        <translation>已推送</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Validity (s)</source>
        <translation>有效期(秒)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
</context>
<context>
    <name>citycode::client::CodeRuleWizard</name>
    <message>
        <location filename="../client/src/screens/coderules/CodeRuleWizard.cpp" line="+88"/>
        <source>New code rule</source>
        <translation>新增码规则</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Edit code rule &quot;%1&quot;</source>
        <translation>修改码规则“%1”</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New version of &quot;%1&quot;</source>
        <translation>“%1”的新版本</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Edit version %1 of &quot;%2&quot;</source>
        <translation>修改“%2”的版本 %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Basic information</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name the rule, its code form and type and where it applies.</source>
        <translation>填写规则名称、码形式、码类型和适用范围。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The basic information of a published rule cannot change.</source>
        <translation>已发布规则的基本信息不能修改。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+173"/>
        <source>(this platform)</source>
        <translation>（本平台）</translation>
    </message>
    <message>
        <location line="-171"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code &amp;form:</source>
        <translation>码形式(&amp;F)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code &amp;type:</source>
        <translation>码类型(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Issuing unit:</source>
        <translation>发码单位(&amp;I)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In&amp;dustry:</source>
        <translation>所属行业(&amp;D)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applicable &amp;platform:</source>
        <translation>适用平台(&amp;P)：</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Function configuration</source>
        <translation>功能配置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How long a code is valid, how often it refreshes and where it leads.</source>
        <translation>码的有效期、刷新频率和跳转地址。</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+5"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Refuse screenshots of the code</source>
        <translation>禁止截屏</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Apps may cache the code offline</source>
        <translation>允许应用离线缓存码</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Validity:</source>
        <translation>有效期(&amp;V)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Refresh every:</source>
        <translation>刷新间隔(&amp;R)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Jump address:</source>
        <translation>跳转地址(&amp;J)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Callback address:</source>
        <translation>回调地址(&amp;C)：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Code spec fields</source>
        <translation>码规范字段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose an enabled code spec; its fields are copied here and may be changed.</source>
        <translation>选择一个已启用的码规范，其字段会复制到这里，可以修改。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(choose a spec)</source>
        <translation>（请选择码规范）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Code &amp;spec:</source>
        <translation>码规范(&amp;S)：</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Extension fields</source>
        <translation>扩展字段</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fields the code carries beyond its spec (may be empty).</source>
        <translation>码规范之外码中携带的字段（可为空）。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Data-collection fields</source>
        <translation>数据采集字段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What a scanner sends back to the data receiving address when it scans a code (may be empty).</source>
        <translation>扫码终端扫码时回传到数据接收地址的字段（可为空）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt; &amp;Back</source>
        <translation>&lt; 上一步(&amp;B)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Next &gt;</source>
        <translation>下一步(&amp;N) &gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Step %1 of %2: %3</source>
        <translation>第 %1 步，共 %2 步：%3</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>The rule needs a name.</source>
        <translation>请填写规则名称。</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>The name may have at most %n character(s).</source>
        <translation>
            <numerusform>名称最多 %n 个字符。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>The issuing unit may have at most %n character(s).</source>
        <translation>
            <numerusform>发码单位最多 %n 个字符。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&quot;%1&quot; is not an http or https address.</source>
        <translation>“%1”不是 http 或 https 地址。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A code must refresh before it expires: the refresh interval is longer than the validity.</source>
        <translation>码必须在过期前刷新：刷新间隔长于有效期。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choose a code spec.</source>
        <translation>请选择码规范。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The rule needs at least one spec field.</source>
        <translation>规则至少需要一个码规范字段。</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>citycode::client::CodeRulesPage</name>
    <message>
        <location filename="../client/src/screens/coderules/CodeRulesPage.cpp" line="+23"/>
        <source>Code rules</source>
        <translation>码规则</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Created:</source>
        <translation>创建时间：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Platform ID:</source>
        <translation>平台 ID：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Industry:</source>
        <translation>行业：</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Industry ID:</source>
        <translation>行业 ID：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Code type:</source>
        <translation>码类型：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Published:</source>
        <translation>发布状态：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;New rule…</source>
        <translation>新增规则(&amp;N)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit…</source>
        <translation>修改(&amp;E)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Versions…</source>
        <translation>版本(&amp;V)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Publish</source>
        <translation>发布(&amp;P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Publish the selected rules? Their basic information cannot change afterwards.</source>
        <translation>发布所选规则？发布后基本信息不能再修改。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E&amp;nable</source>
        <translation>启用(&amp;N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>D&amp;isable</source>
        <translation>停用(&amp;I)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Disable the selected rules? Apps stop issuing their codes at once.</source>
        <translation>停用所选规则？应用将立即停止发放这些规则的码。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>P&amp;ush</source>
        <translation>推送(&amp;U)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The selected rules were pushed to their platforms&apos; pools.</source>
        <translation>所选规则已推送到各自平台的码池。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Remove from pool</source>
        <translation>移出码池(&amp;R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove the selected (disabled) rules from their platforms&apos; pools?</source>
        <translation>将所选（已停用）规则移出其平台码池？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>De&amp;lete</source>
        <translation>删除(&amp;L)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete the selected rules with all their versions? This cannot be undone.</source>
        <translation>删除所选规则及其全部版本？此操作不可撤销。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>App &amp;permissions…</source>
        <translation>应用权限(&amp;P)…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Code rule &quot;%1&quot; created.</source>
        <translation>码规则“%1”已创建。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Code rule saved.</source>
        <translation>码规则已保存。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version %1 created; push the rule so that apps can use it.</source>
        <translation>已创建版本 %1；推送规则后应用才能使用。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Generate and scan permissions of apps</source>
        <translation>应用的生码扫码权限</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
</context>
<context>
    <name>citycode::client::CodeSpecDialog</name>
    <message>
        <location filename="../client/src/screens/codespecs/CodeSpecDialog.cpp" line="+12"/>
        <source>New code spec</source>
        <translation>新增码规范</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit code spec</source>
        <translation>修改码规范</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Fields of the code content:</source>
        <translation>码内容字段：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A code spec needs at least one field.</source>
        <translation>码规范至少需要一个字段。</translation>
    </message>
</context>
<context>
    <name>citycode::client::CodeSpecModel</name>
    <message>
        <location filename="../client/src/models/CodeSpecModel.cpp" line="+19"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fields</source>
        <translation>字段</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message numerus="yes">
        <location line="+51"/>
        <source>%n field(s)</source>
        <translation>
            <numerusform>%n 个字段</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>citycode::client::CodeSpecsPage</name>
    <message>
        <location filename="../client/src/screens/codespecs/CodeSpecsPage.cpp" line="+13"/>
        <source>Code specs</source>
        <translation>码规范</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Created:</source>
        <translation>创建时间：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;New spec…</source>
        <translation>新增规范(&amp;N)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit…</source>
        <translation>修改(&amp;E)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Detail</source>
        <translation>详情(&amp;D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E&amp;nable</source>
        <translation>启用(&amp;N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>D&amp;isable</source>
        <translation>停用(&amp;I)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Disable the selected specs? New rules cannot choose them then.</source>
        <translation>停用所选规范？停用后新规则不能再选用。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>De&amp;lete</source>
        <translation>删除(&amp;L)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete the selected specs? This cannot be undone.</source>
        <translation>删除所选规范？此操作不可撤销。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Code spec &quot;%1&quot; saved.</source>
        <translation>码规范“%1”已保存。</translation>
    </message>
</context>
<context>
    <name>citycode::client::CodeStyle</name>
    <message>
        <location filename="../client/src/screens/designer/CodeStyle.cpp" line="+105"/>
        <source>The style field &quot;%1&quot; has a value that is not allowed.</source>
        <translation>样式字段“%1”的值不允许。</translation>
    </message>
</context>
<context>
    <name>citycode::client::CodeSubjectDialog</name>
    <message>
        <location filename="../client/src/screens/codesubjects/CodeSubjectDialog.cpp" line="+21"/>
        <source>New code subject</source>
        <translation>新增码主体</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit code subject</source>
        <translation>修改码主体</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Type:</source>
        <translation>类型(&amp;T)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Identifier:</source>
        <translation>标识(&amp;I)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+22"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>&amp;Category:</source>
        <translation>码分类(&amp;C)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Description:</source>
        <translation>描述(&amp;D)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Status:</source>
        <translation>状态(&amp;S)：</translation>
    </message>
</context>
<context>
    <name>citycode::client::CodeSubjectModel</name>
    <message>
        <location filename="../client/src/models/CodeSubjectModel.cpp" line="+16"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Identifier</source>
        <translation>标识</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Category</source>
        <translation>码分类</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
</context>
<context>
    <name>citycode::client::CodeSubjectsPage</name>
    <message>
        <location filename="../client/src/screens/codesubjects/CodeSubjectsPage.cpp" line="+24"/>
        <source>Code subjects</source>
        <translation>码对象主体</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Created:</source>
        <translation>创建时间：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Identifier:</source>
        <translation>标识：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;New subject…</source>
        <translation>新增主体(&amp;N)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit…</source>
        <translation>修改(&amp;E)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Detail</source>
        <translation>详情(&amp;D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>De&amp;lete</source>
        <translation>删除(&amp;L)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete the selected subjects? This cannot be undone.</source>
        <translation>删除所选主体？此操作无法撤销。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Subject &quot;%1&quot; saved.</source>
        <translation>主体“%1”已保存。</translation>
    </message>
</context>
<context>
    <name>citycode::client::DeveloperModel</name>
    <message>
        <location filename="../client/src/models/DeveloperModel.cpp" line="+14"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>App</source>
        <translation>应用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Secret changed</source>
        <translation>密钥更新时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
</context>
<context>
    <name>citycode::client::DevelopersPage</name>
    <message>
        <location filename="../client/src/screens/developers/DevelopersPage.cpp" line="+19"/>
        <source>Developers</source>
        <translation>开发者管理</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Created:</source>
        <translation>创建时间：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number:</source>
        <translation>编号：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>App ID:</source>
        <translation>应用 ID：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Rename…</source>
        <translation>重命名(&amp;R)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Detail</source>
        <translation>详情(&amp;D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>R&amp;otate secret…</source>
        <translation>重置密钥(&amp;O)…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Rename developer</source>
        <translation>重命名开发者</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Developer saved.</source>
        <translation>开发者已保存。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Rotate the AppSecret of &quot;%1&quot;? The current secret stops working at once.</source>
        <translation>重置“%1”的 AppSecret？当前密钥将立即失效。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The AppSecret of &quot;%1&quot; was rotated.</source>
        <translation>“%1”的 AppSecret 已重置。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New AppSecret of %1</source>
        <translation>%1 的新 AppSecret</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The previous secret no longer works. This one is shown only now.</source>
        <translation>原密钥已失效。新密钥只显示这一次。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AppCode:</source>
        <translation>AppCode：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AppSecret:</source>
        <translation>AppSecret：</translation>
    </message>
</context>
<context>
    <name>citycode::client::DictionaryEntriesPage</name>
    <message>
        <location filename="../client/src/screens/referencedata/DictionaryEntriesPage.cpp" line="+29"/>
        <source>Entries of %1 (%2)</source>
        <translation>%1（%2）的字典项</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Code:</source>
        <translation>编码：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;New…</source>
        <translation>新增(&amp;N)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit…</source>
        <translation>修改(&amp;E)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E&amp;nable</source>
        <translation>启用(&amp;N)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>D&amp;isable</source>
        <translation>停用(&amp;I)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>De&amp;lete</source>
        <translation>删除(&amp;L)</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Delete the %n selected entries? This cannot be undone.</source>
        <translation>
            <numerusform>删除选中的 %n 个字典项？此操作不可撤销。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deleted.</source>
        <translation>已删除。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Dictionary entries</source>
        <translation>字典项</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>New dictionary entry</source>
        <translation>新增字典项</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit dictionary entry</source>
        <translation>修改字典项</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Code:</source>
        <translation>编码(&amp;C)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Label:</source>
        <translation>标签(&amp;L)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Position:</source>
        <translation>排序(&amp;P)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>citycode::client::DictionaryEntryModel</name>
    <message>
        <location filename="../client/src/models/DictionaryEntryModel.cpp" line="+14"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Position</source>
        <translation>排序</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
</context>
<context>
    <name>citycode::client::DisplayText</name>
    <message>
        <location filename="../client/src/models/DisplayText.cpp" line="+27"/>
        <source>Enabled</source>
        <translation>启用</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Disabled</source>
        <translation>停用</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pending</source>
        <translation>待审核</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Approved</source>
        <translation>已通过</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Main platform</source>
        <translation>主平台</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sub-platform</source>
        <translation>子平台</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>citycode::client::FilterBar</name>
    <message>
        <location filename="../client/src/widgets/FilterBar.cpp" line="+43"/>
        <source>&amp;Search</source>
        <translation>查询(&amp;S)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Reset</source>
        <translation>重置(&amp;R)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Any time</source>
        <translation>不限时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom range</source>
        <translation>自定义时间段</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>From:</source>
        <translation>从：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To:</source>
        <translation>到：</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
</context>
<context>
    <name>citycode::client::FormDialog</name>
    <message>
        <location filename="../client/src/widgets/FormDialog.cpp" line="+148"/>
        <source>%1 is required.</source>
        <translation>请填写%1。</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%1 may have at most %n character(s).</source>
        <translation>
            <numerusform>%1最多 %n 个字符。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>citycode::client::KeyModel</name>
    <message>
        <location filename="../client/src/models/KeyModel.cpp" line="+19"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Key ID</source>
        <translation>密钥 ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Algorithm</source>
        <translation>算法</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Valid from</source>
        <translation>生效时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Valid until</source>
        <translation>失效时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
</context>
<context>
    <name>citycode::client::KeysPage</name>
    <message>
        <location filename="../client/src/screens/keys/KeysPage.cpp" line="+24"/>
        <source>Code keys</source>
        <translation>密钥管理</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Purpose:</source>
        <translation>用途：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Platform ID:</source>
        <translation>平台 ID：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Rotate…</source>
        <translation>轮换(&amp;R)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Detail</source>
        <translation>详情(&amp;D)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Key %2 (%1) is now current; the old one verifies until its overlap ends.</source>
        <translation>密钥 %2（%1）现为当前密钥；旧密钥在重叠期结束前仍可验码。</translation>
    </message>
</context>
<context>
    <name>citycode::client::ListExporter</name>
    <message>
        <location filename="../client/src/widgets/ListExporter.cpp" line="+46"/>
        <source>Fetching the records…</source>
        <translation>正在获取记录…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message numerus="yes">
        <location line="+34"/>
        <source>Fetched %1 of %n record(s)…</source>
        <translation>
            <numerusform>已获取 %1 / %n 条记录…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>Exported %n record(s) to %1</source>
        <translation>
            <numerusform>已将 %n 条记录导出到 %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+18"/>
        <location line="+40"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>Cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
</context>
<context>
    <name>citycode::client::ListPage</name>
    <message>
        <location filename="../client/src/widgets/ListPage.cpp" line="+56"/>
        <source>E&amp;xport</source>
        <translation>导出(&amp;X)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CSV (.csv)…</source>
        <translation>CSV 文件 (.csv)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Excel workbook (.xlsx)…</source>
        <translation>Excel 工作簿 (.xlsx)…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>First</source>
        <translation>首页</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Previous</source>
        <translation>上一页</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next</source>
        <translation>下一页</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last</source>
        <translation>末页</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n per page</source>
        <translation>
            <numerusform>每页 %n 条</numerusform>
        </translation>
    </message>
    <message>
        <location line="+178"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message numerus="yes">
        <location line="+45"/>
        <source>Page %1 of %2, %n record(s)</source>
        <translation>
            <numerusform>第 %1 / %2 页，共 %n 条</numerusform>
        </translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Please confirm</source>
        <translation>请确认</translation>
    </message>
    <message numerus="yes">
        <location line="+42"/>
        <source>%n record(s) changed.</source>
        <translation>
            <numerusform>已修改 %n 条记录。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>citycode::client::LocalStore</name>
    <message>
        <location filename="../client/src/app/LocalStore.cpp" line="+81"/>
        <source>Cannot create the folder for %1.</source>
        <translation>无法为 %1 创建文件夹。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>%1 was written by a newer console (schema %2, this console knows %3).</source>
        <translation>%1 由较新版本的控制台写入（结构版本 %2，本控制台只支持到 %3）。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot upgrade %1 to schema %2: %3</source>
        <translation>无法将 %1 升级到结构版本 %2：%3</translation>
    </message>
</context>
<context>
    <name>citycode::client::LoginDialog</name>
    <message>
        <location filename="../client/src/screens/login/LoginDialog.cpp" line="+176"/>
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
        <source>C&amp;aptcha:</source>
        <translation>验证码(&amp;A)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New image</source>
        <translation>换一张(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show another captcha image</source>
        <translation>显示另一张验证码图片</translation>
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
        <location line="+1"/>
        <source>&amp;Offline verifier…</source>
        <translation>离线验码(&amp;O)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verify emergency codes against the saved trust list, without signing in</source>
        <translation>无需登录，按已保存的信任列表核验应急码</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Offline verifier — CityCode Admin Console</source>
        <translation>离线验码 — CityCode 城市码 管理控制台</translation>
    </message>
    <message>
        <location line="+77"/>
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
    <message>
        <location line="+19"/>
        <location line="+11"/>
        <source>No image</source>
        <translation>无图片</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Signing in as %1…</source>
        <translation>正在以 %1 登录…</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Choose a new password to finish signing in.</source>
        <translation>请设置新密码以完成登录。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The password must be changed at the first sign-in; you are not signed in.</source>
        <translation>首次登录必须修改密码；您尚未登录。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Signed in.</source>
        <translation>已登录。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Too many failed sign-ins: signing in is slowed down. Try again in %n second(s).</source>
        <translation>
            <numerusform>登录失败次数过多，登录已被限速。请在 %n 秒后重试。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The platform of this account is disabled; ask the main platform&apos;s administrator.</source>
        <translation>此账号所属平台已停用；请联系主平台管理员。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This account is disabled; ask an administrator.</source>
        <translation>此账号已停用；请联系管理员。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The captcha answer is wrong or expired; type the characters of the new image.</source>
        <translation>验证码错误或已过期；请输入新图片中的字符。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the user name, the password and the captcha.</source>
        <translation>请输入用户名、密码和验证码。</translation>
    </message>
</context>
<context>
    <name>citycode::client::MainWindow</name>
    <message>
        <location filename="../client/src/screens/main/MainWindow.cpp" line="+152"/>
        <source>Basic management</source>
        <translation>基础管理</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Code engine</source>
        <translation>码引擎</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>System management</source>
        <translation>系统管理</translation>
    </message>
    <message>
        <location line="+52"/>
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
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
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
        <location line="+13"/>
        <source>all platforms</source>
        <translation>所有平台</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>this platform only</source>
        <translation>仅本平台</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Operator: %1    Platform: %2    Scope: %3</source>
        <translation>操作员：%1    平台：%2    范围：%3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Welcome, %1.
You manage %2 (%3).
Choose a section on the left.</source>
        <translation>欢迎，%1。
您管理的是 %2（%3）。
请在左侧选择功能。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Welcome to the CityCode admin console.
Choose a section on the left.</source>
        <translation>欢迎使用 CityCode 城市码管理控制台。
请在左侧选择一个栏目。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server: %1</source>
        <translation>服务器：%1</translation>
    </message>
    <message>
        <location line="+49"/>
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
    <message>
        <location line="+35"/>
        <source>Session ended — sign in again</source>
        <translation>会话已结束 — 请重新登录</translation>
    </message>
</context>
<context>
    <name>citycode::client::MenusPage</name>
    <message>
        <location filename="../client/src/screens/menus/MenusPage.cpp" line="+108"/>
        <source>Menus</source>
        <translation>菜单管理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New menu…</source>
        <translation>新增菜单(&amp;N)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New &amp;child…</source>
        <translation>新增下级(&amp;C)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit…</source>
        <translation>修改(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>De&amp;lete</source>
        <translation>删除(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Permission key</source>
        <translation>权限标识</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Position</source>
        <translation>排序</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Path</source>
        <translation>路径</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location line="+40"/>
        <location line="+58"/>
        <source>Button</source>
        <translation>按钮</translation>
    </message>
    <message>
        <location line="-57"/>
        <location line="+57"/>
        <source>Menu</source>
        <translation>菜单</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>New menu</source>
        <translation>新增菜单</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit menu</source>
        <translation>修改菜单</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(top level)</source>
        <translation>（顶级）</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Parent:</source>
        <translation>上级菜单(&amp;P)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Permission &amp;key:</source>
        <translation>权限标识(&amp;K)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>letters, digits, &apos;:&apos;, &apos;_&apos; and &apos;-&apos;</source>
        <translation>字母、数字、“:”、“_”和“-”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Type:</source>
        <translation>类型(&amp;T)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>P&amp;osition:</source>
        <translation>排序(&amp;O)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pat&amp;h:</source>
        <translation>路径(&amp;H)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Status:</source>
        <translation>状态(&amp;S)：</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Delete menu</source>
        <translation>删除菜单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the menu &quot;%1&quot; (%2)? Roles lose this permission.</source>
        <translation>删除菜单“%1”（%2）？角色将失去此权限。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Deleted.</source>
        <translation>已删除。</translation>
    </message>
</context>
<context>
    <name>citycode::client::NewCodeStyleDialog</name>
    <message>
        <location filename="../client/src/screens/designer/NewCodeStyleDialog.cpp" line="+9"/>
        <source>New code style</source>
        <translation>新增码样式</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Code &amp;type:</source>
        <translation>码类型(&amp;T)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Platform:</source>
        <translation>平台(&amp;P)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Activate now (retires the type&apos;s active style)</source>
        <translation>立即启用(&amp;A)（停用该类型原先启用的样式）</translation>
    </message>
</context>
<context>
    <name>citycode::client::NumberingRuleModel</name>
    <message>
        <location filename="../client/src/models/NumberingRuleModel.cpp" line="+14"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prefix</source>
        <translation>前缀</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Date part</source>
        <translation>日期部分</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sequence digits</source>
        <translation>序号位数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>citycode::client::NumberingRulesPage</name>
    <message>
        <location filename="../client/src/screens/categories/NumberingRulesPage.cpp" line="+23"/>
        <source>Numbering rules</source>
        <translation>编号规则</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+24"/>
        <source>Prefix:</source>
        <translation>前缀：</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>&amp;New rule…</source>
        <translation>新增规则(&amp;N)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit…</source>
        <translation>修改(&amp;E)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Allocate numbers…</source>
        <translation>生成编号(&amp;A)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>De&amp;lete</source>
        <translation>删除(&amp;L)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete the selected numbering rules? This cannot be undone.</source>
        <translation>删除所选编号规则？此操作不可撤销。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Edit numbering rule</source>
        <translation>修改编号规则</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New numbering rule</source>
        <translation>新增编号规则</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Date part:</source>
        <translation>日期部分：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sequence digits:</source>
        <translation>序号位数：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Prefix:</source>
        <translation>前缀(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>letters only</source>
        <translation>只能包含字母</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Date part:</source>
        <translation>日期部分(&amp;D)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Sequence digits:</source>
        <translation>序号位数(&amp;S)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a number</source>
        <translation>请填写数字</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;tatus:</source>
        <translation>状态(&amp;T)：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Numbering rule &quot;%1&quot; saved.</source>
        <translation>编号规则“%1”已保存。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Allocate numbers</source>
        <translation>生成编号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>How many numbers:</source>
        <translation>编号数量：</translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>%n number(s) allocated: %1</source>
        <translation>
            <numerusform>已生成 %n 个编号：%1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>citycode::client::OfflineVerifierPage</name>
    <message>
        <location filename="../client/src/screens/verifier/OfflineVerifierPage.cpp" line="+146"/>
        <source>Trust list</source>
        <translation>信任列表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open anchor key…</source>
        <translation>打开锚定公钥…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The public key of the platform&apos;s trust-list signer (PEM), obtained from the platform operator.</source>
        <translation>平台信任列表签名者的公钥（PEM），向平台运营方索取。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open trust list…</source>
        <translation>打开信任列表…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Download from server</source>
        <translation>从服务器下载</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code</source>
        <translation>码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paste the code text (CC1:…) here, or open a photo of the code.</source>
        <translation>在此粘贴码文本（CC1:…），或打开码的照片。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open image…</source>
        <translation>打开图像…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Open the anchor key first: a trust list is only used when its signer is pinned.</source>
        <translation>请先打开锚定公钥：只有签名者已锚定的信任列表才会被使用。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The trust list is signed by another key than the anchor: it is not used.</source>
        <translation>信任列表的签名密钥不是锚定公钥，不予使用。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The trust list&apos;s signature does not match: it was altered.</source>
        <translation>信任列表的签名不符：内容已被篡改。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The file is too large to be a trust list.</source>
        <translation>文件过大，不是信任列表。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This is not a valid trust list (%1).</source>
        <translation>这不是有效的信任列表（%1）。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The anchor must be a signature key.</source>
        <translation>锚定公钥必须是签名密钥。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This is not a public key in PEM form.</source>
        <translation>这不是 PEM 格式的公钥。</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Anchor key %1 (%2)</source>
        <translation>锚定公钥 %1（%2）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No anchor key: open the trust-list signer&apos;s public key.</source>
        <translation>没有锚定公钥：请打开信任列表签名者的公钥。</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>List no. %1 from %2 with %n key(s); expires %3.</source>
        <translation>
            <numerusform>第 %1 号列表，签发方 %2，共 %n 个密钥；%3 到期。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 The list has expired: update it.</source>
        <translation>%1 列表已过期，请更新。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No trust list: open one or download it from the server.</source>
        <translation>没有信任列表：请打开文件或从服务器下载。</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>VALID</source>
        <translation>有效</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>INVALID</source>
        <translation>无效</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CANNOT VERIFY</source>
        <translation>无法验证</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Paste a code or open an image of one.</source>
        <translation>请粘贴码文本或打开码的图像。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There is no trust list to verify against.</source>
        <translation>没有可用于验证的信任列表。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The code is genuine: signed by a key of the trust list and within its validity.</source>
        <translation>码为真：由信任列表中的密钥签发，且在有效期内。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This is not a CityCode code, or it is damaged.</source>
        <translation>这不是城市码，或码已损坏。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The trust list has expired: update it before verifying codes.</source>
        <translation>信任列表已过期：请先更新再验证。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This code is sealed with a server key: only the server can verify it.</source>
        <translation>此码由服务器密钥封装，只能由服务器验证。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The code was signed by a key that is not in the trust list.</source>
        <translation>签发此码的密钥不在信任列表中。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The code names another algorithm than the trust list gives for its key.</source>
        <translation>码声明的算法与信任列表中该密钥的算法不一致。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The code was issued outside the validity period of its signing key.</source>
        <translation>码的签发时间不在其签名密钥的有效期内。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The signature does not match: the code was forged or altered.</source>
        <translation>签名不符：码被伪造或篡改。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The code was issued in the future: check this computer&apos;s clock.</source>
        <translation>码的签发时间在未来：请检查本机时钟。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The code has expired.</source>
        <translation>码已过期。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Key: %1 (%2)</source>
        <translation>密钥：%1（%2）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Signer: %1</source>
        <translation>签发者：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rule %1, version %2</source>
        <translation>码规则 %1，版本 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issued %1, expires %2</source>
        <translation>签发于 %1，%2 到期</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Detail: %1</source>
        <translation>详情：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open the anchor key</source>
        <translation>打开锚定公钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Public keys (*.pem *.pub);;All files (*)</source>
        <translation>公钥 (*.pem *.pub);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Open a trust list</source>
        <translation>打开信任列表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trust lists (*.json);;All files (*)</source>
        <translation>信任列表 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Open an image of a code</source>
        <translation>打开码的图像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images (*.png *.jpg *.jpeg *.bmp)</source>
        <translation>图像 (*.png *.jpg *.jpeg *.bmp)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Downloading the anchor key…</source>
        <translation>正在下载锚定公钥…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Downloading the trust list…</source>
        <translation>正在下载信任列表…</translation>
    </message>
</context>
<context>
    <name>citycode::client::OnboardingModel</name>
    <message>
        <location filename="../client/src/models/OnboardingModel.cpp" line="+14"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>App name</source>
        <translation>应用名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Organisation</source>
        <translation>所属单位</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Review remark</source>
        <translation>审核意见</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reviewed</source>
        <translation>审核时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Submitted</source>
        <translation>提交时间</translation>
    </message>
</context>
<context>
    <name>citycode::client::OnboardingPage</name>
    <message>
        <location filename="../client/src/screens/onboarding/OnboardingPage.cpp" line="+24"/>
        <source>App onboarding</source>
        <translation>接入管理</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Submitted:</source>
        <translation>提交时间：</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+53"/>
        <source>App name:</source>
        <translation>应用名称：</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>ID:</source>
        <translation>ID：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Contact phone:</source>
        <translation>联系电话：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Apply…</source>
        <translation>提交申请(&amp;A)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Detail</source>
        <translation>详情(&amp;D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A&amp;pprove…</source>
        <translation>通过(&amp;P)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re&amp;ject…</source>
        <translation>驳回(&amp;J)…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Apply for an app</source>
        <translation>应用接入申请</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;App name:</source>
        <translation>应用名称(&amp;A)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Organisation:</source>
        <translation>所属单位(&amp;O)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Contact:</source>
        <translation>联系人(&amp;C)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact &amp;phone:</source>
        <translation>联系电话(&amp;P)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a mainland mobile number of 11 digits</source>
        <translation>11 位中国大陆手机号码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Description:</source>
        <translation>描述(&amp;D)：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Application submitted.</source>
        <translation>申请已提交。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Approve %1</source>
        <translation>通过 %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reject %1</source>
        <translation>驳回 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Organisation:</source>
        <translation>所属单位：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Approving creates the app with its developer; its AppSecret is shown once.</source>
        <translation>通过后将创建应用及其开发者；其 AppSecret 只显示一次。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Remark:</source>
        <translation>意见(&amp;R)：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Give the reason for the rejection.</source>
        <translation>请填写驳回原因。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Application of %1 rejected.</source>
        <translation>%1 的申请已驳回。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Application of %1 approved.</source>
        <translation>%1 的申请已通过。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Credentials of %1</source>
        <translation>%1 的凭据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The app signs its requests with this AppSecret. It is shown only now; store it safely. If it is lost, rotate it.</source>
        <translation>应用用此 AppSecret 对请求签名。它只显示这一次，请妥善保存；如果丢失，请重置密钥。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>AppCode:</source>
        <translation>AppCode：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AppSecret:</source>
        <translation>AppSecret：</translation>
    </message>
</context>
<context>
    <name>citycode::client::OperationLogModel</name>
    <message>
        <location filename="../client/src/models/OperationLogModel.cpp" line="+16"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Platform ID</source>
        <translation>平台 ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Target type</source>
        <translation>对象类型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Target ID</source>
        <translation>对象 ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Request ID</source>
        <translation>请求 ID</translation>
    </message>
</context>
<context>
    <name>citycode::client::OperationLogPage</name>
    <message>
        <location filename="../client/src/screens/logs/OperationLogPage.cpp" line="+10"/>
        <source>Operation log</source>
        <translation>操作日志</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Time:</source>
        <translation>时间：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operator:</source>
        <translation>操作员：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action:</source>
        <translation>操作：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target type:</source>
        <translation>对象类型：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID:</source>
        <translation>ID：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result:</source>
        <translation>结果：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Detail</source>
        <translation>详情(&amp;D)</translation>
    </message>
</context>
<context>
    <name>citycode::client::OperatorDialog</name>
    <message>
        <location filename="../client/src/screens/operators/OperatorDialog.cpp" line="+22"/>
        <source>New operator</source>
        <translation>新增操作员</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit operator</source>
        <translation>修改操作员</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>3 to 32 letters, digits, dots, underscores or hyphens</source>
        <translation>3 到 32 个字母、数字、点、下划线或连字符</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Display name:</source>
        <translation>显示名称(&amp;D)：</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Roles:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
</context>
<context>
    <name>citycode::client::OperatorModel</name>
    <message>
        <location filename="../client/src/models/OperatorModel.cpp" line="+16"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Must change password</source>
        <translation>须修改密码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
</context>
<context>
    <name>citycode::client::OperatorsPage</name>
    <message>
        <location filename="../client/src/screens/operators/OperatorsPage.cpp" line="+20"/>
        <source>Operators</source>
        <translation>操作员管理</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Created:</source>
        <translation>创建时间：</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+71"/>
        <location line="+47"/>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <location line="-117"/>
        <source>Display name:</source>
        <translation>显示名称：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID:</source>
        <translation>ID：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;New operator…</source>
        <translation>新增操作员(&amp;N)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit…</source>
        <translation>修改(&amp;E)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Detail</source>
        <translation>详情(&amp;D)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>E&amp;nable</source>
        <translation>启用(&amp;N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>D&amp;isable</source>
        <translation>停用(&amp;I)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Disable the selected operators? Their sessions end at once.</source>
        <translation>停用所选操作员？他们的会话将立即结束。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reset password…</source>
        <translation>重置密码(&amp;R)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>De&amp;lete</source>
        <translation>删除(&amp;L)</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Delete the %n selected operator(s)? This cannot be undone.</source>
        <translation>
            <numerusform>删除所选的 %n 个操作员？此操作不可撤销。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Operators deleted.</source>
        <translation>操作员已删除。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Operator saved.</source>
        <translation>操作员已保存。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Operator %1 created.</source>
        <translation>操作员 %1 已创建。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+47"/>
        <source>One-time password of %1</source>
        <translation>%1 的一次性密码</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>Give this password to the operator; it must be changed at the first sign-in. It is shown only now.</source>
        <translation>请将此密码交给该操作员；首次登录时必须修改。它只显示这一次。</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+47"/>
        <source>One-time password:</source>
        <translation>一次性密码：</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Reset the password of %1? The current password stops working.</source>
        <translation>重置 %1 的密码？当前密码将失效。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Give this password to the operator; it must be changed at the next sign-in. It is shown only now.</source>
        <translation>请将此密码交给该操作员；下次登录时必须修改。它只显示这一次。</translation>
    </message>
</context>
<context>
    <name>citycode::client::PageCatalog</name>
    <message>
        <location filename="../client/src/screens/main/PageCatalog.cpp" line="+50"/>
        <source>My account</source>
        <translation>我的账号</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Platforms</source>
        <translation>平台管理</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Apps</source>
        <translation>应用管理</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Developers</source>
        <translation>开发者管理</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>App onboarding</source>
        <translation>接入管理</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Regions</source>
        <translation>区域管理</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Industries</source>
        <translation>行业管理</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Operators</source>
        <translation>操作员管理</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Roles</source>
        <translation>角色管理</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dictionaries</source>
        <translation>字典管理</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Menus</source>
        <translation>菜单管理</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Operation log</source>
        <translation>操作日志</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Code styles</source>
        <translation>码样式</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Code specs</source>
        <translation>码规范</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Code rules</source>
        <translation>码规则</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scanner terminals</source>
        <translation>扫码终端</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Code keys</source>
        <translation>密钥管理</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Static codes</source>
        <translation>静态码</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Code categories</source>
        <translation>码分类</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Numbering rules</source>
        <translation>编号规则</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Code subjects</source>
        <translation>码对象主体</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>System settings</source>
        <translation>系统设置</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Offline verifier</source>
        <translation>离线验码</translation>
    </message>
</context>
<context>
    <name>citycode::client::PlatformDialog</name>
    <message>
        <location filename="../client/src/screens/platforms/PlatformDialog.cpp" line="+18"/>
        <source>New sub-platform</source>
        <translation>新增子平台</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit platform</source>
        <translation>修改平台</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Service address:</source>
        <translation>服务地址(&amp;S)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>enter an http:// or https:// address</source>
        <translation>请输入 http:// 或 https:// 地址</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Administrator user name:</source>
        <translation>管理员用户名(&amp;A)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>3 to 32 letters, digits, dots, underscores or hyphens</source>
        <translation>3 到 32 个字母、数字、点、下划线或连字符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The sub-platform&apos;s administrator is created with it and receives a one-time password that must be changed at the first sign-in.</source>
        <translation>子平台的管理员随子平台一起创建，并获得一次性密码，首次登录时必须修改。</translation>
    </message>
</context>
<context>
    <name>citycode::client::PlatformModel</name>
    <message>
        <location filename="../client/src/models/PlatformModel.cpp" line="+16"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Service address</source>
        <translation>服务地址</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
</context>
<context>
    <name>citycode::client::PlatformsPage</name>
    <message>
        <location filename="../client/src/screens/platforms/PlatformsPage.cpp" line="+19"/>
        <source>Platforms</source>
        <translation>平台管理</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Created:</source>
        <translation>创建时间：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID:</source>
        <translation>ID：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;New sub-platform…</source>
        <translation>新增子平台(&amp;N)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit…</source>
        <translation>修改(&amp;E)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Detail</source>
        <translation>详情(&amp;D)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>E&amp;nable</source>
        <translation>启用(&amp;N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>D&amp;isable</source>
        <translation>停用(&amp;I)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Disable the selected platforms? Their apps are disabled with them.</source>
        <translation>停用所选平台？其下的应用将一并停用。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>De&amp;lete</source>
        <translation>删除(&amp;L)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete the selected platforms with their operators and roles? This cannot be undone.</source>
        <translation>删除所选平台及其操作员和角色？此操作不可撤销。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Sub-platform &quot;%1&quot; created.</source>
        <translation>子平台“%1”已创建。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Administrator of %1</source>
        <translation>%1 的管理员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The administrator of the new sub-platform signs in with this one-time password and must change it then. It is shown only now.</source>
        <translation>新子平台的管理员用此一次性密码登录，并须在登录时修改。它只显示这一次。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One-time password:</source>
        <translation>一次性密码：</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Platform saved.</source>
        <translation>平台已保存。</translation>
    </message>
</context>
<context>
    <name>citycode::client::ReferenceDataModel</name>
    <message>
        <location filename="../client/src/models/ReferenceDataModel.cpp" line="+14"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
</context>
<context>
    <name>citycode::client::ReferenceDataPage</name>
    <message>
        <location filename="../client/src/screens/referencedata/ReferenceDataPage.cpp" line="+24"/>
        <source>Regions</source>
        <translation>区域管理</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Industries</source>
        <translation>行业管理</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dictionaries</source>
        <translation>字典管理</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Created:</source>
        <translation>创建时间：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code:</source>
        <translation>编码：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID:</source>
        <translation>ID：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>En&amp;tries…</source>
        <translation>字典项(&amp;T)…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;New…</source>
        <translation>新增(&amp;N)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit…</source>
        <translation>修改(&amp;E)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E&amp;nable</source>
        <translation>启用(&amp;N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>D&amp;isable</source>
        <translation>停用(&amp;I)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>De&amp;lete</source>
        <translation>删除(&amp;L)</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Delete the %n selected record(s)? This cannot be undone.</source>
        <translation>
            <numerusform>删除所选的 %n 条记录？此操作不可撤销。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deleted.</source>
        <translation>已删除。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>New entry</source>
        <translation>新增条目</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit entry</source>
        <translation>修改条目</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Code:</source>
        <translation>编码(&amp;C)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Description:</source>
        <translation>描述(&amp;D)：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Parent region:</source>
        <translation>上级区域(&amp;P)：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>(top level)</source>
        <translation>（顶级）</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>citycode::client::RoleDialog</name>
    <message>
        <location filename="../client/src/screens/roles/RoleDialog.cpp" line="+22"/>
        <source>New role</source>
        <translation>新增角色</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit role</source>
        <translation>修改角色</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Code:</source>
        <translation>编码(&amp;C)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>letters, digits and _ . : - only</source>
        <translation>只能包含字母、数字和 _ . : -</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Description:</source>
        <translation>描述(&amp;D)：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Permission</source>
        <translation>权限</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Key</source>
        <translation>权限标识</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Permissions:</source>
        <translation>权限(&amp;P)：</translation>
    </message>
</context>
<context>
    <name>citycode::client::RoleModel</name>
    <message>
        <location filename="../client/src/models/RoleModel.cpp" line="+16"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Built-in</source>
        <translation>内置</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
</context>
<context>
    <name>citycode::client::RolesPage</name>
    <message>
        <location filename="../client/src/screens/roles/RolesPage.cpp" line="+18"/>
        <source>Roles</source>
        <translation>角色管理</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Created:</source>
        <translation>创建时间：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code:</source>
        <translation>编码：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID:</source>
        <translation>ID：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;New role…</source>
        <translation>新增角色(&amp;N)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit…</source>
        <translation>修改(&amp;E)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Detail</source>
        <translation>详情(&amp;D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>De&amp;lete</source>
        <translation>删除(&amp;L)</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Delete the %n selected role(s)? This cannot be undone.</source>
        <translation>
            <numerusform>删除所选的 %n 个角色？此操作不可撤销。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Roles deleted.</source>
        <translation>角色已删除。</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Role saved.</source>
        <translation>角色已保存。</translation>
    </message>
</context>
<context>
    <name>citycode::client::RotateKeyDialog</name>
    <message>
        <location filename="../client/src/screens/keys/RotateKeyDialog.cpp" line="+12"/>
        <source>Rotate key</source>
        <translation>轮换密钥</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Platform:</source>
        <translation>平台(&amp;P)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>P&amp;urpose:</source>
        <translation>用途(&amp;U)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Algorithm:</source>
        <translation>算法(&amp;A)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SM2 with SM3</source>
        <translation>SM2（SM3 摘要）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ECDSA P-256</source>
        <translation>ECDSA P-256</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Overlap (seconds):</source>
        <translation>重叠期（秒）(&amp;O)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a whole number of seconds</source>
        <translation>请填写整数秒</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The overlap must be between %1 and %2 seconds, so codes sealed with the old key keep verifying.</source>
        <translation>重叠期必须在 %1 到 %2 秒之间，以便旧密钥签发的码仍能验证。</translation>
    </message>
</context>
<context>
    <name>citycode::client::RuleDiffDialog</name>
    <message>
        <location filename="../client/src/screens/coderules/RuleDiffDialog.cpp" line="+32"/>
        <source>%1, length %2</source>
        <translation>%1，长度 %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Validity (s)</source>
        <translation>有效期(秒)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refresh interval (s)</source>
        <translation>刷新间隔(秒)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Jump address</source>
        <translation>跳转地址</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Callback address</source>
        <translation>回调地址</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refuse screenshots</source>
        <translation>禁止截屏</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Offline cache</source>
        <translation>离线缓存</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Spec field</source>
        <translation>规范字段</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Extension field</source>
        <translation>扩展字段</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Collection field</source>
        <translation>采集字段</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Compare versions %1 and %2</source>
        <translation>对比版本 %1 和 %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <location line="+129"/>
        <source>%1 &quot;%2&quot;</source>
        <translation>%1“%2”</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The two versions are identical.</source>
        <translation>两个版本完全相同。</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n difference(s): changed rows are yellow, added green, removed red.</source>
        <translation>
            <numerusform>共 %n 处差异：修改的行为黄色，新增为绿色，删除为红色。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>citycode::client::SecretDialog</name>
    <message>
        <location filename="../client/src/widgets/SecretDialog.cpp" line="+45"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
</context>
<context>
    <name>citycode::client::SettingsPage</name>
    <message>
        <location filename="../client/src/screens/settings/SettingsPage.cpp" line="+32"/>
        <source>System settings</source>
        <translation>系统设置</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+11"/>
        <location line="+9"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>SM2 with SM3</source>
        <translation>SM2（SM3 摘要）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ECDSA P-256</source>
        <translation>ECDSA P-256</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Default code &amp;refresh interval:</source>
        <translation>默认码刷新间隔(&amp;R)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Data receiving address:</source>
        <translation>数据接收地址(&amp;D)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Signing algorithm of new keys:</source>
        <translation>新密钥签名算法(&amp;S)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key &amp;overlap after rotation:</source>
        <translation>轮换后密钥重叠期(&amp;O)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rotate keys &amp;every:</source>
        <translation>密钥轮换周期(&amp;E)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Trust list valid for:</source>
        <translation>信任列表有效期(&amp;T)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re&amp;vert</source>
        <translation>还原(&amp;V)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>The data receiving address must be an http or https address.</source>
        <translation>数据接收地址必须是 http 或 https 地址。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nothing changed.</source>
        <translation>没有修改。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Settings saved.</source>
        <translation>设置已保存。</translation>
    </message>
</context>
<context>
    <name>citycode::client::StaticCodeDetailDialog</name>
    <message>
        <location filename="../client/src/screens/staticcodes/StaticCodeDetailDialog.cpp" line="+35"/>
        <source>Static code %1</source>
        <translation>静态码 %1</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>History:</source>
        <translation>历史记录：</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2&lt;br&gt;Category: %3; subject: %4 (%5); app: %6&lt;br&gt;Created %7, updated %8</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2&lt;br&gt;分类：%3；主体：%4（%5）；应用：%6&lt;br&gt;创建于 %7，更新于 %8</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;br&gt;Replaced by %1</source>
        <translation>&lt;br&gt;已被 %1 替换</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;br&gt;Replaces %1</source>
        <translation>&lt;br&gt;替换了 %1</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>&amp;Category:</source>
        <translation>分类(&amp;C)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Description:</source>
        <translation>描述(&amp;D)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Information changed.</source>
        <translation>信息已变更。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 code %2 (now %3 → %4). Reason (optional):</source>
        <translation>%1 码 %2（%3 → %4）。原因（可选）：</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1: done.</source>
        <translation>%1：已完成。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Replaced by the new code %1.</source>
        <translation>已换为新码 %1。</translation>
    </message>
</context>
<context>
    <name>citycode::client::StaticCodeHistoryModel</name>
    <message>
        <location filename="../client/src/models/StaticCodeHistoryModel.cpp" line="+19"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Operation</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From</source>
        <translation>原状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>To</source>
        <translation>新状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>citycode::client::StaticCodeModel</name>
    <message>
        <location filename="../client/src/models/StaticCodeModel.cpp" line="+19"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Code number</source>
        <translation>码编号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Subject type</source>
        <translation>主体类型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Subject</source>
        <translation>主体</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>App</source>
        <translation>应用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
</context>
<context>
    <name>citycode::client::StaticCodesPage</name>
    <message>
        <location filename="../client/src/screens/staticcodes/StaticCodesPage.cpp" line="+17"/>
        <source>Static codes</source>
        <translation>静态码</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Created:</source>
        <translation>创建时间：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code number:</source>
        <translation>码编号：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category:</source>
        <translation>分类：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Subject type:</source>
        <translation>主体类型：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Register…</source>
        <translation>登记(&amp;R)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Detail and operations…</source>
        <translation>详情与操作(&amp;D)…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Register static code</source>
        <translation>登记静态码</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Code &amp;number:</source>
        <translation>码编号(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>letters, digits and hyphens only</source>
        <translation>只能包含字母、数字和连字符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(assigned by the server)</source>
        <translation>（由服务器分配）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Category:</source>
        <translation>分类(&amp;C)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject &amp;type:</source>
        <translation>主体类型(&amp;T)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Subject &amp;name:</source>
        <translation>主体名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;ID number / credit code:</source>
        <translation>证件号/信用代码(&amp;I)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Phone:</source>
        <translation>电话(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>digits only</source>
        <translation>只能包含数字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;App ID:</source>
        <translation>应用 ID(&amp;A)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a number</source>
        <translation>请填写数字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Description:</source>
        <translation>描述(&amp;D)：</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Static code %1 registered.</source>
        <translation>静态码 %1 已登记。</translation>
    </message>
</context>
<context>
    <name>citycode::client::StyleDesignerPage</name>
    <message>
        <location filename="../client/src/screens/designer/StyleDesignerPage.cpp" line="+131"/>
        <source>Foreground colour</source>
        <translation>前景色</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Background colour</source>
        <translation>背景色</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Caption colour</source>
        <translation>说明文字颜色</translation>
    </message>
    <message>
        <location line="+218"/>
        <source>Symbol</source>
        <translation>码图</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Symbology:</source>
        <translation>码制：</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+277"/>
        <source>QR Code</source>
        <translation>QR 码</translation>
    </message>
    <message>
        <location line="-276"/>
        <source>Grid Matrix (GB/T 27766)</source>
        <translation>网格矩阵码（GB/T 27766）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Error correction:</source>
        <translation>纠错等级：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L (about 7 %)</source>
        <translation>L（约 7%）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>M (about 15 %)</source>
        <translation>M（约 15%）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Q (about 25 %)</source>
        <translation>Q（约 25%）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>H (about 30 %)</source>
        <translation>H（约 30%）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quiet zone:</source>
        <translation>静区：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> modules</source>
        <translation> 个模块</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Module size:</source>
        <translation>模块尺寸：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pixels per module in the image the server issues (at least 3).</source>
        <translation>服务器生成的图像中每个模块的像素数（至少 3）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print size:</source>
        <translation>打印尺寸：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> mm</source>
        <translation> 毫米</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Side of the printed code, quiet zone included (at least 3 cm).</source>
        <translation>打印出的码边长，含静区（至少 3 厘米）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Colours</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Foreground:</source>
        <translation>前景色：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Background:</source>
        <translation>背景色：</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+10"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Logo and caption</source>
        <translation>图标与说明文字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose logo…</source>
        <translation>选择图标…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove logo</source>
        <translation>移除图标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logo area:</source>
        <translation>图标面积：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Caption:</source>
        <translation>说明文字：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text printed under the code</source>
        <translation>印在码下方的文字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Caption colour:</source>
        <translation>文字颜色：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Styles on the server</source>
        <translation>服务器上的码样式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save to server</source>
        <translation>保存到服务器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as new…</source>
        <translation>另存为新样式…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activate</source>
        <translation>启用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sample payload</source>
        <translation>示例内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New sample code</source>
        <translation>生成新示例码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Load style…</source>
        <translation>载入样式…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save style…</source>
        <translation>保存样式…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export PNG…</source>
        <translation>导出 PNG…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export SVG…</source>
        <translation>导出 SVG…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>At level %1 a logo may cover at most %2 % of the code.</source>
        <translation>纠错等级 %1 下，图标最多可覆盖码面积的 %2%。</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Contrast ratio: %1:1 (at least 3:1)</source>
        <translation>对比度：%1:1（至少 3:1）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>QR version %1</source>
        <translation>QR 码版本 %1</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Grid Matrix, %n layer(s)</source>
        <translation>
            <numerusform>网格矩阵码，%n 层</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, %2 × %2 modules; image %3 × %4 px; shown at %5 mm (screen %6 dpi)</source>
        <translation>%1，%2 × %2 模块；图像 %3 × %4 像素；按 %5 毫米显示（屏幕 %6 dpi）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No code to show.</source>
        <translation>没有可显示的码。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No problems: the server issues this code as shown.</source>
        <translation>没有问题：服务器将按所示样式生成此码。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Warnings:</source>
        <translation>警告：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The server would refuse this style:</source>
        <translation>服务器将拒绝此样式：</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>%1 (%2, %3, %4 level %5)</source>
        <translation>%1（%2，%3，%4 纠错等级 %5）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>inactive</source>
        <translation>未启用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grid Matrix</source>
        <translation>网格矩阵码</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Opened the style &quot;%1&quot;.</source>
        <translation>已打开样式“%1”。</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+24"/>
        <location line="+197"/>
        <location line="+11"/>
        <source>Fix the style first: the server would not issue this code.</source>
        <translation>请先修正样式：服务器不会按此样式生成码。</translation>
    </message>
    <message>
        <location line="-221"/>
        <source>Saved the style on the server.</source>
        <translation>样式已保存到服务器。</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Created the style &quot;%1&quot;; it is now the active %2 style.</source>
        <translation>已创建样式“%1”，现为%2的启用样式。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Created the style &quot;%1&quot; (inactive).</source>
        <translation>已创建样式“%1”（未启用）。</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Activated the style &quot;%1&quot;: it is now the active %2 style.</source>
        <translation>已启用样式“%1”，现为%2的启用样式。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activated the style &quot;%1&quot; for %2; &quot;%3&quot; is no longer active.</source>
        <translation>已为%2启用样式“%1”，“%3”不再启用。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Delete the style &quot;%1&quot;? It is the active style of its code type: codes of that type are then issued in the standard look.</source>
        <translation>删除样式“%1”？它是所属码类型正在启用的样式：删除后该类型的码以标准样式签发。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete the style &quot;%1&quot;?</source>
        <translation>删除样式“%1”？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Please confirm</source>
        <translation>请确认</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Deleted the style &quot;%1&quot;.</source>
        <translation>已删除样式“%1”。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Choose a logo</source>
        <translation>选择图标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.svg)</source>
        <translation>图像 (*.png *.jpg *.jpeg *.bmp *.svg)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 is not an image.</source>
        <translation>%1 不是图像。</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>The style is not a JSON object.</source>
        <translation>样式不是 JSON 对象。</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Load a code style</source>
        <translation>载入码样式</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+17"/>
        <source>Code styles (*.json)</source>
        <translation>码样式 (*.json)</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Loaded %1.</source>
        <translation>已载入 %1。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save the code style</source>
        <translation>保存码样式</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+12"/>
        <location line="+12"/>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Export PNG</source>
        <translation>导出 PNG</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Export SVG</source>
        <translation>导出 SVG</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SVG images (*.svg)</source>
        <translation>SVG 图像 (*.svg)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Print the code</source>
        <translation>打印码</translation>
    </message>
</context>
<context>
    <name>citycode::client::StyledCode</name>
    <message numerus="yes">
        <location filename="../client/src/screens/designer/StyledCode.cpp" line="+89"/>
        <source>A module is %n pixel(s) wide; scanners need at least 3 (002 §6.2).</source>
        <translation>
            <numerusform>模块宽度仅 %n 像素；扫码设备至少需要 3 像素（002 §6.2）。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The foreground must be darker than the background: not every scanner reads inverted codes.</source>
        <translation>前景色必须比背景色深：并非所有扫码设备都能识读反色码。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The contrast ratio is %1:1; at least 3:1 is needed.</source>
        <translation>对比度为 %1:1；至少需要 3:1。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The quiet zone is %1 modules; this symbology needs at least %2.</source>
        <translation>静区为 %1 个模块；此码制至少需要 %2 个。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The logo covers %1 % of the code; level %2 allows at most %3 %.</source>
        <translation>图标覆盖码面积的 %1%；纠错等级 %2 最多允许 %3%。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The logo is not an image this console can read.</source>
        <translation>图标不是本控制台能读取的图像。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>There is no payload to encode.</source>
        <translation>没有要编码的内容。</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>The payload (%n byte(s)) does not fit in the largest symbol at level %1; choose a lower error-correction level or a shorter payload.</source>
        <translation>
            <numerusform>内容（%n 字节）超出纠错等级 %1 下最大码图的容量；请选择较低的纠错等级或缩短内容。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The symbol could not be encoded: %1</source>
        <translation>无法编码：%1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The server would refuse this style: %1</source>
        <translation>服务器将拒绝此样式：%1</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The symbol could not be drawn: %1</source>
        <translation>无法绘制码图：%1</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>At %1 mm a module is only %2 pixels on this screen; print larger to check it by eye.</source>
        <translation>按 %1 毫米显示时，一个模块在本屏幕上只有 %2 像素；请打印更大尺寸以便目视检查。</translation>
    </message>
</context>
<context>
    <name>citycode::client::TerminalDialog</name>
    <message>
        <location filename="../client/src/screens/terminals/TerminalDialog.cpp" line="+22"/>
        <source>Register terminal</source>
        <translation>注册终端</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit terminal</source>
        <translation>修改终端</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Terminal ID:</source>
        <translation>终端编号(&amp;T)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>letters, digits, dot, underscore and hyphen only</source>
        <translation>只能包含字母、数字、点、下划线和连字符</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Terminal ID:</source>
        <translation>终端编号：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Location:</source>
        <translation>位置(&amp;L)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Public key (PEM):</source>
        <translation>公钥（PEM）(&amp;P)：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Read key from &amp;file…</source>
        <translation>从文件读取公钥(&amp;F)…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The terminal&apos;s public key is required.</source>
        <translation>请提供终端公钥。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The public key must be PEM text from &quot;%1&quot; to &quot;%2&quot;.</source>
        <translation>公钥必须是从“%1”到“%2”的 PEM 文本。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 holds no PEM public key.</source>
        <translation>%1 中没有 PEM 公钥。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Terminal public key</source>
        <translation>终端公钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PEM files (*.pem *.pub *.txt);;All files (*)</source>
        <translation>PEM 文件 (*.pem *.pub *.txt);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>citycode::client::TerminalModel</name>
    <message>
        <location filename="../client/src/models/TerminalModel.cpp" line="+19"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Terminal ID</source>
        <translation>终端编号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Key algorithm</source>
        <translation>密钥算法</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
</context>
<context>
    <name>citycode::client::TerminalsPage</name>
    <message>
        <location filename="../client/src/screens/terminals/TerminalsPage.cpp" line="+13"/>
        <source>Scanner terminals</source>
        <translation>扫码终端</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Registered:</source>
        <translation>注册时间：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Terminal ID:</source>
        <translation>终端编号：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Register…</source>
        <translation>注册(&amp;R)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit…</source>
        <translation>修改(&amp;E)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Detail</source>
        <translation>详情(&amp;D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E&amp;nable</source>
        <translation>启用(&amp;N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>D&amp;isable</source>
        <translation>停用(&amp;I)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Disable the selected terminals? Their scans are refused from now on.</source>
        <translation>停用所选终端？此后其扫码请求将被拒绝。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>De&amp;lete</source>
        <translation>删除(&amp;L)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete the selected terminals? This cannot be undone.</source>
        <translation>删除所选终端？此操作不可撤销。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Terminal &quot;%1&quot; saved.</source>
        <translation>终端“%1”已保存。</translation>
    </message>
</context>
</TS>
