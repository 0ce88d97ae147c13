<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>Actions</name>
    <message>
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <source>新建口头纠正、纠正违法通知书或检察建议书</source>
        <translation>New oral correction, rectification notice or procuratorial suggestion</translation>
    </message>
</context>
<context>
    <name>ActiveDialog</name>
    <message>
        <source>{name}（{username}）</source>
        <translation>{name} ({username})</translation>
    </message>
    <message>
        <source>停用用户</source>
        <translation>Deactivate user</translation>
    </message>
    <message>
        <source>停用 {who}？</source>
        <translation>Deactivate {who}?</translation>
    </message>
    <message>
        <source>停用</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <source>停用后该用户不能再登录（所有电脑，同步后生效）；其录入和签发的记录照旧保留并显示其姓名。可随时重新启用。</source>
        <translation>A deactivated user can no longer sign in (on every computer, once synced); the records they entered or signed stay and keep their name. They can be reactivated at any time.</translation>
    </message>
    <message>
        <source>启用用户</source>
        <translation>Reactivate user</translation>
    </message>
    <message>
        <source>重新启用 {who}？</source>
        <translation>Reactivate {who}?</translation>
    </message>
    <message>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>启用后该用户可以用原密码登录（本机没有其密码的，先用“设置本机密码…”设置）。</source>
        <translation>Once reactivated the user signs in with their old password (if this computer has no password for them, set one first with &quot;Set password here…&quot;).</translation>
    </message>
</context>
<context>
    <name>Agenda</name>
    <message>
        <source>周一</source>
        <translation>Mon</translation>
    </message>
    <message>
        <source>周二</source>
        <translation>Tue</translation>
    </message>
    <message>
        <source>周三</source>
        <translation>Wed</translation>
    </message>
    <message>
        <source>周四</source>
        <translation>Thu</translation>
    </message>
    <message>
        <source>周五</source>
        <translation>Fri</translation>
    </message>
    <message>
        <source>周六</source>
        <translation>Sat</translation>
    </message>
    <message>
        <source>周日</source>
        <translation>Sun</translation>
    </message>
    <message>
        <source>逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>临近</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <source>待办</source>
        <translation>To do</translation>
    </message>
    <message>
        <source>提示</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>逾期{n}天</source>
        <translation>{n} d overdue</translation>
    </message>
    <message>
        <source>今天到期</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>余{n}天</source>
        <translation>{n} d left</translation>
    </message>
    <message>
        <source> · 日期可能变动（节假日安排未定）</source>
        <translation> · the date may move (holiday schedule not yet known)</translation>
    </message>
    <message>
        <source>到期日</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>对象</source>
        <translation>Concerning</translation>
    </message>
    <message>
        <source>剩余</source>
        <translation>Left</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>监室</source>
        <translation>Cell</translation>
    </message>
    <message>
        <source>届满日</source>
        <translation>Expires</translation>
    </message>
    <message>
        <source>{name}（{cell}）：{stage}期限 {due} 届满，{left}
{basis}</source>
        <translation>{name} ({cell}): {stage} period expires on {due}, {left}
{basis}</translation>
    </message>
</context>
<context>
    <name>AgendaDetailDialog</name>
    <message>
        <source>在押人员</source>
        <translation>Detainees</translation>
    </message>
    <message>
        <source>纠正与建议</source>
        <translation>Corrections</translation>
    </message>
    <message>
        <source>检察官信箱</source>
        <translation>Procurator&apos;s mailbox</translation>
    </message>
    <message>
        <source>个别谈话</source>
        <translation>Individual talks</translation>
    </message>
    <message>
        <source>巡视检察</source>
        <translation>Patrol inspection</translation>
    </message>
    <message>
        <source>工作提示详情</source>
        <translation>Agenda item</translation>
    </message>
    <message>
        <source>对象：</source>
        <translation>Concerning:</translation>
    </message>
    <message>
        <source>到期日：</source>
        <translation>Due:</translation>
    </message>
    <message>
        <source>{date}（{weekday}）</source>
        <translation>{date} ({weekday})</translation>
    </message>
    <message>
        <source>剩余：</source>
        <translation>Left:</translation>
    </message>
    <message>
        <source>注意：</source>
        <translation>Note:</translation>
    </message>
    <message>
        <source>该日期可能变动：所涉年份的节假日安排尚未公布或录入，公布后请重新核对。</source>
        <translation>This date may move: the year&apos;s holiday schedule has not been published or entered yet; check again once it is.</translation>
    </message>
    <message>
        <source>规则：</source>
        <translation>Rule:</translation>
    </message>
    <message>
        <source>法律依据：</source>
        <translation>Legal basis:</translation>
    </message>
    <message>
        <source>计算说明</source>
        <translation>How it was counted</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>转到“{page}”页</source>
        <translation>Go to {page}</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>驻所检察 — 数据库口令</source>
        <translation>Inspector — database passphrase</translation>
    </message>
    <message>
        <source>本机没有可用的系统密钥环，数据库由口令保护。
请输入数据库口令：</source>
        <translation>This computer has no system keyring; the database is protected by a passphrase.
Enter the database passphrase:</translation>
    </message>
    <message>
        <source>请再输入一次：</source>
        <translation>Enter it again:</translation>
    </message>
    <message>
        <source>无法打开数据库</source>
        <translation>Cannot open the database</translation>
    </message>
    <message>
        <source>尚未建立数据库</source>
        <translation>No database yet</translation>
    </message>
    <message>
        <source>数据目录 {path} 中还没有数据库。

请先在命令行运行 inspector init 建立本检察室的数据库，或运行 inspector demo 生成演示数据，然后再打开本程序。</source>
        <translation>The data folder {path} has no database yet.

Run inspector init on the command line to set up the station&apos;s database, or inspector demo for demo data, then open this program again.</translation>
    </message>
    <message>
        <source>口令不正确，无法解密数据库。请重新输入（还可以再试 {n} 次）。</source>
        <translation>Wrong passphrase: the database cannot be decrypted. Enter it again ({n} tries left).</translation>
    </message>
    <message>
        <source>口令不正确，已连续 {n} 次输入错误。</source>
        <translation>Wrong passphrase, {n} times in a row.</translation>
    </message>
</context>
<context>
    <name>AttachmentPanel</name>
    <message>
        <source>文件名</source>
        <translation>File name</translation>
    </message>
    <message>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Caption</translation>
    </message>
    <message>
        <source>添加时间</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>保存后可添加附件</source>
        <translation>Attachments can be added once the record is saved</translation>
    </message>
    <message>
        <source>图片和 PDF (*.png *.jpg *.jpeg *.gif *.bmp *.tif *.tiff *.webp *.heic *.pdf);;图片 (*.png *.jpg *.jpeg *.gif *.bmp *.tif *.tiff *.webp *.heic);;PDF 文件 (*.pdf);;所有文件 (*)</source>
        <translation>Images and PDF (*.png *.jpg *.jpeg *.gif *.bmp *.tif *.tiff *.webp *.heic *.pdf);;Images (*.png *.jpg *.jpeg *.gif *.bmp *.tif *.tiff *.webp *.heic);;PDF files (*.pdf);;All files (*)</translation>
    </message>
    <message>
        <source>附件列表</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>暂无附件。可添加扫描件、照片或 PDF（每个不超过 50 MB）。</source>
        <translation>No attachments. Add scans, photos or PDFs (up to 50 MB each).</translation>
    </message>
    <message>
        <source>添加附件…</source>
        <translation>Add attachment…</translation>
    </message>
    <message>
        <source>从磁盘选择扫描件、照片或 PDF</source>
        <translation>Choose scans, photos or PDFs on disk</translation>
    </message>
    <message>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>用本机的默认程序打开（Enter）</source>
        <translation>Open with this computer&apos;s default program (Enter)</translation>
    </message>
    <message>
        <source>另存为…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <source>把附件另存到磁盘上</source>
        <translation>Save a copy of the attachment on disk</translation>
    </message>
    <message>
        <source>修改说明</source>
        <translation>Edit caption</translation>
    </message>
    <message>
        <source>修改所选附件的说明（F2）</source>
        <translation>Edit the selected attachment&apos;s caption (F2)</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>删除所选附件（Delete），之后可撤销</source>
        <translation>Delete the selected attachment (Delete); it can be undone</translation>
    </message>
    <message>
        <source>正在读取附件…</source>
        <translation>Reading attachments…</translation>
    </message>
    <message>
        <source>{who} 添加于 {when}</source>
        <translation>Added by {who} at {when}</translation>
    </message>
    <message>
        <source>添加于 {when}</source>
        <translation>Added at {when}</translation>
    </message>
    <message>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <source>（未同步到本机）</source>
        <translation> (not synced to this computer)</translation>
    </message>
    <message>
        <source>内容还没有从办公室同步到本机：联网同步后才能打开。</source>
        <translation>The content has not been synced from the office yet: sync while online to open it.</translation>
    </message>
    <message>
        <source>添加附件</source>
        <translation>Add attachments</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>正在添加 {names}…</source>
        <translation>Adding {names}…</translation>
    </message>
    <message>
        <source>已添加 {n} 个附件</source>
        <translation>{n} attachment(s) added</translation>
    </message>
    <message>
        <source>正在打开 {name}…</source>
        <translation>Opening {name}…</translation>
    </message>
    <message>
        <source>本机没有能打开「{name}」的程序。可用“另存为…”保存后用其他程序打开。</source>
        <translation>No program on this computer opens &quot;{name}&quot;. Save a copy (Save as…) and open it with another program.</translation>
    </message>
    <message>
        <source>{type} 文件 (*{suffix});;</source>
        <translation>{type} files (*{suffix});;</translation>
    </message>
    <message>
        <source>另存为</source>
        <translation>Save as</translation>
    </message>
    <message>
        <source>所有文件 (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>已保存到 {path}</source>
        <translation>Saved to {path}</translation>
    </message>
    <message>
        <source>正在保存说明…</source>
        <translation>Saving the caption…</translation>
    </message>
    <message>
        <source>说明已保存</source>
        <translation>Caption saved</translation>
    </message>
    <message>
        <source>删除附件「{name}」？删除后{n}秒内可撤销。</source>
        <translation>Delete the attachment &quot;{name}&quot;? It can be undone for {n} seconds.</translation>
    </message>
    <message>
        <source>正在删除…</source>
        <translation>Deleting…</translation>
    </message>
    <message>
        <source>已删除附件「{name}」</source>
        <translation>Attachment &quot;{name}&quot; deleted</translation>
    </message>
    <message>
        <source>正在恢复…</source>
        <translation>Restoring…</translation>
    </message>
    <message>
        <source>{n} 字节</source>
        <translation>{n} bytes</translation>
    </message>
</context>
<context>
    <name>BackupSection</name>
    <message>
        <source>保存备份</source>
        <translation>Save backup</translation>
    </message>
    <message>
        <source>选择备份文件</source>
        <translation>Choose a backup file</translation>
    </message>
    <message>
        <source>备份与恢复</source>
        <translation>Backup and restore</translation>
    </message>
    <message>
        <source>备份文件中的数据库仍是加密的，只有本机的密钥或数据库恢复码能打开</source>
        <translation>The database in a backup file stays encrypted: only this laptop&apos;s key or the database recovery code opens it</translation>
    </message>
    <message>
        <source>立即备份…</source>
        <translation>Back up now…</translation>
    </message>
    <message>
        <source>把本机数据库（加密）和密钥记录保存为一个备份文件</source>
        <translation>Save this laptop&apos;s database (encrypted) and its key record as one backup file</translation>
    </message>
    <message>
        <source>从备份恢复…</source>
        <translation>Restore from backup…</translation>
    </message>
    <message>
        <source>用备份文件替换本机数据库；原数据库移到 backups 文件夹保留</source>
        <translation>Replace this laptop&apos;s database with a backup file; the current database is kept in the backups folder</translation>
    </message>
    <message>
        <source>每日自动备份保留</source>
        <translation>Daily backups kept:</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>份</source>
        <translation>copies</translation>
    </message>
    <message>
        <source>每天第一次打开数据库时，在数据目录的 backups 文件夹中自动保存一份；可保留 {a} 至 {b} 份</source>
        <translation>A copy is saved in the data folder&apos;s backups folder when the database is first opened each day; {a} to {b} copies can be kept</translation>
    </message>
    <message>
        <source>最近一次每日备份：{date}</source>
        <translation>Last daily backup: {date}</translation>
    </message>
    <message>
        <source>还没有每日备份（每天第一次打开数据库时生成）</source>
        <translation>No daily backup yet (one is made when the database is first opened each day)</translation>
    </message>
    <message>
        <source>已保存：每日自动备份保留 {n} 份</source>
        <translation>Saved: {n} daily backups are kept</translation>
    </message>
    <message>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>已备份：{path}（{size}）</source>
        <translation>Backed up: {path} ({size})</translation>
    </message>
    <message>
        <source>正在备份到 {path}…</source>
        <translation>Backing up to {path}…</translation>
    </message>
    <message>
        <source>正在读取备份文件…</source>
        <translation>Reading the backup file…</translation>
    </message>
</context>
<context>
    <name>ChildRowsEditor</name>
    <message>
        <source>口头纠正</source>
        <translation>Oral correction</translation>
    </message>
    <message>
        <source>制发纠正违法通知书</source>
        <translation>Issue a rectification notice</translation>
    </message>
    <message>
        <source>制发检察建议书</source>
        <translation>Issue a procuratorial suggestion</translation>
    </message>
    <message>
        <source>据此制发</source>
        <translation>Raise…</translation>
    </message>
    <message>
        <source>请先保存：问题保存后，才能据此制发口头纠正、纠正违法通知书或检察建议书</source>
        <translation>Save first: once the finding is saved, an oral correction, rectification notice or procuratorial suggestion can be raised from it</translation>
    </message>
    <message>
        <source>通知书</source>
        <translation>Notice</translation>
    </message>
    <message>
        <source>建议书</source>
        <translation>Suggestion</translation>
    </message>
    <message>
        <source>{kind}（{state}）</source>
        <translation>{kind} ({state})</translation>
    </message>
    <message>
        <source>{kind}（草稿）</source>
        <translation>{kind} (draft)</translation>
    </message>
    <message>
        <source>{kind}{number}</source>
        <translation>{kind} {number}</translation>
    </message>
    <message>
        <source>{kind} {number}（{state}）</source>
        <translation>{kind} {number} ({state})</translation>
    </message>
    <message>
        <source>（无{title}。按 Ctrl+Enter 或点“{add}”添加）</source>
        <translation>(No {title}. Press Ctrl+Enter or click &quot;{add}&quot;)</translation>
    </message>
    <message>
        <source>＋ {add}（Ctrl+Enter）</source>
        <translation>+ {add} (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>删除这一行（保存后生效）</source>
        <translation>Delete this row (takes effect when saved)</translation>
    </message>
    <message>
        <source>请填写{label}</source>
        <translation>{label} is required</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>已据此问题制发：{names}。点击打开（{keys}）</source>
        <translation>Raised from this finding: {names}. Click to open ({keys})</translation>
    </message>
    <message>
        <source>已制发：{names}</source>
        <translation>Raised: {names}</translation>
    </message>
    <message>
        <source>打开{what}</source>
        <translation>Open {what}</translation>
    </message>
    <message>
        <source>正在读取这个问题已制发的纠正…</source>
        <translation>Reading what this finding was raised as…</translation>
    </message>
    <message>
        <source>以这个问题为据，新建口头纠正、纠正违法通知书或检察建议书（内容已预先填好）（{keys}）</source>
        <translation>New oral correction, rectification notice or procuratorial suggestion based on this finding (prefilled) ({keys})</translation>
    </message>
</context>
<context>
    <name>ChoiceEditor</name>
    <message>
        <source>（未选择）</source>
        <translation>(not chosen)</translation>
    </message>
    <message>
        <source>请选择</source>
        <translation>Choose…</translation>
    </message>
</context>
<context>
    <name>ColumnChoices</name>
    <message>
        <source>第 {n} 行</source>
        <translation>Line {n}</translation>
    </message>
    <message>
        <source>（第 {n} 列，无列名）</source>
        <translation>(column {n}, no header)</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>处理同步冲突 — {what}</source>
        <translation>Sync conflict — {what}</translation>
    </message>
    <message>
        <source>这条记录在本机和办公室都被修改过（{when}发现）。下面标出的 {n} 项两边不同，请逐项选择保留哪一边；保存后将作为一次新的修改，在下次同步时上传。</source>
        <translation>This record was changed both here and at the office (found {when}). The {n} fields marked below differ: choose which side to keep for each; saving makes a new change, uploaded at the next sync.</translation>
    </message>
    <message>
        <source>{situation}。保存将保留本机的内容并在下次同步时重新上传；如果办公室拒收的原因是内容不符合要求，请先修改这条记录。</source>
        <translation>{situation}. Saving keeps this computer&apos;s content and uploads it again at the next sync; if the office refused it because the content is invalid, correct the record first.</translation>
    </message>
    <message>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>本机</source>
        <translation>This computer</translation>
    </message>
    <message>
        <source>办公室</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>全部选本机</source>
        <translation>All from this computer</translation>
    </message>
    <message>
        <source>全部选办公室</source>
        <translation>All from the office</translation>
    </message>
    <message>
        <source>保存选择</source>
        <translation>Save choices</translation>
    </message>
    <message>
        <source>保留本机版本并重新上传</source>
        <translation>Keep this computer&apos;s version and upload again</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
</context>
<context>
    <name>Conflicts</name>
    <message>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>数据不符合要求</source>
        <translation>invalid data</translation>
    </message>
    <message>
        <source>办公室拒收：{error}</source>
        <translation>Refused by the office: {error}</translation>
    </message>
    <message>
        <source>办公室没有这条记录</source>
        <translation>The office does not have this record</translation>
    </message>
    <message>
        <source>两边都修改过</source>
        <translation>Changed on both sides</translation>
    </message>
    <message>
        <source>记录类型</source>
        <translation>Record type</translation>
    </message>
    <message>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>情况</source>
        <translation>Situation</translation>
    </message>
    <message>
        <source>不同之处</source>
        <translation>Differences</translation>
    </message>
    <message>
        <source>发现时间</source>
        <translation>Found at</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>{m}月{d}日</source>
        <translation>{m}/{d}</translation>
    </message>
    <message>
        <source>{y}年{m}月{d}日</source>
        <translation>{y}-{m:02d}-{d:02d}</translation>
    </message>
    <message>
        <source>工作台</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>本周巡视</source>
        <translation>Patrols this week</translation>
    </message>
    <message>
        <source>本周谈话</source>
        <translation>Talks this week</translation>
    </message>
    <message>
        <source>本周信箱开启</source>
        <translation>Mailbox openings this week</translation>
    </message>
    <message>
        <source>新收押谈话</source>
        <translation>New admission talks</translation>
    </message>
    <message>
        <source>在押人员</source>
        <translation>Detainees</translation>
    </message>
    <message>
        <source>目前在所人数</source>
        <translation>Currently in custody</translation>
    </message>
    <message>
        <source>工作提示</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>查看计算说明和法律依据…</source>
        <translation>How it was counted and the legal basis…</translation>
    </message>
    <message>
        <source>目前没有逾期、临近或近期到期的事项。</source>
        <translation>Nothing overdue, due soon or coming up.</translation>
    </message>
    <message>
        <source>双击或按回车办理；按 Alt+回车 或右键查看计算说明和法律依据</source>
        <translation>Double-click or Enter to act; Alt+Enter or right-click for how it was counted and the legal basis</translation>
    </message>
    <message>
        <source>七日内羁押期限届满</source>
        <translation>Custody expiring within 7 days</translation>
    </message>
    <message>
        <source>待回复文书</source>
        <translation>Documents awaiting a reply</translation>
    </message>
    <message>
        <source>文号</source>
        <translation>Document no.</translation>
    </message>
    <message>
        <source>回复期限</source>
        <translation>Reply due</translation>
    </message>
    <message>
        <source>剩余天数</source>
        <translation>Days left</translation>
    </message>
    <message>
        <source>今天 {today}（{weekday}） · 本周 {start}（周一）至 {end}（周日）</source>
        <translation>Today {today} ({weekday}) · this week {start} (Mon) to {end} (Sun)</translation>
    </message>
    <message>
        <source>{n} 待办</source>
        <translation>{n} to do</translation>
    </message>
    <message>
        <source>{n} 人已逾期</source>
        <translation>{n} overdue</translation>
    </message>
    <message>
        <source>最早 {d} 到期</source>
        <translation>first due {d}</translation>
    </message>
    <message>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <source>{who}：{why}</source>
        <translation>{who}: {why}</translation>
    </message>
    <message>
        <source>新收押人员均已谈话</source>
        <translation>Every new admission has been talked to</translation>
    </message>
    <message>
        <source>人</source>
        <translation>people</translation>
    </message>
    <message>
        <source>次</source>
        <translation>times</translation>
    </message>
    <message>
        <source>已达标（每周不少于 {m} {u}）</source>
        <translation>Target met (at least {m} {u} a week)</translation>
    </message>
    <message>
        <source>还差 {n} {u}（每周不少于 {m} {u}）</source>
        <translation>{n} {u} short (at least {m} {u} a week)</translation>
    </message>
    <message>
        <source>逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>临近</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <source>待办</source>
        <translation>To do</translation>
    </message>
    <message>
        <source>提示</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>暂无</source>
        <translation>None</translation>
    </message>
    <message>
        <source>共 {n} 人（显示最早 {k} 人）</source>
        <translation>{n} people (the first {k} shown)</translation>
    </message>
    <message>
        <source>共 {n} 人</source>
        <translation>{n} people</translation>
    </message>
    <message>
        <source>共 {n} 份</source>
        <translation>{n} documents</translation>
    </message>
</context>
<context>
    <name>Deleter</name>
    <message>
        <source>{kind}「{what}」</source>
        <translation>{kind} &quot;{what}&quot;</translation>
    </message>
    <message>
        <source>这条{kind}</source>
        <translation>this {kind}</translation>
    </message>
    <message>
        <source>删除{what}？删除后{n}秒内可在状态栏撤销。</source>
        <translation>Delete {what}? It can be undone in the status bar for {n} seconds.</translation>
    </message>
    <message>
        <source>已删除{what}</source>
        <translation>Deleted {what}</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>DetaineePage</name>
    <message>
        <source>中止计算</source>
        <translation>Suspended</translation>
    </message>
    <message>
        <source>不计算</source>
        <translation>Not counted</translation>
    </message>
    <message>
        <source>超期{n}天</source>
        <translation>{n} days over</translation>
    </message>
    <message>
        <source>未超期</source>
        <translation>Not over</translation>
    </message>
    <message>
        <source>{event}：{stage}</source>
        <translation>{event}: {stage}</translation>
    </message>
    <message>
        <source>{date}（{weekday}）</source>
        <translation>{date} ({weekday})</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>事件与诉讼环节</source>
        <translation>Event and stage</translation>
    </message>
    <message>
        <source>届满日</source>
        <translation>Expires</translation>
    </message>
    <message>
        <source>期限情况</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>事件登记的法律依据：{b}</source>
        <translation>Legal basis entered with the event: {b}</translation>
    </message>
    <message>
        <source>保密</source>
        <translation>Confidential</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>摘要</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>写信人（谈话人）身份保密：看守所版本和通知书中不显示姓名</source>
        <translation>The writer&apos;s (interviewee&apos;s) identity is confidential: no name in the centre&apos;s copy or in notices</translation>
    </message>
    <message>
        <source>按 Enter 或双击打开</source>
        <translation>Enter or double-click to open</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>出生日期</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>民族</source>
        <translation>Ethnicity</translation>
    </message>
    <message>
        <source>监区监室</source>
        <translation>Block and cell</translation>
    </message>
    <message>
        <source>入所时间</source>
        <translation>Admitted at</translation>
    </message>
    <message>
        <source>办案机关</source>
        <translation>Case authority</translation>
    </message>
    <message>
        <source>案号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <source>涉嫌罪名</source>
        <translation>Charges</translation>
    </message>
    <message>
        <source>法律身份</source>
        <translation>Legal status</translation>
    </message>
    <message>
        <source>诉讼环节</source>
        <translation>Procedural stage</translation>
    </message>
    <message>
        <source>刑期</source>
        <translation>Sentence</translation>
    </message>
    <message>
        <source>出所</source>
        <translation>Discharge</translation>
    </message>
    <message>
        <source>在押人员详情</source>
        <translation>Detainee</translation>
    </message>
    <message>
        <source>在押人员</source>
        <translation>Detainee</translation>
    </message>
    <message>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>修改在押人员登记和羁押期限事件</source>
        <translation>Edit the detainee&apos;s registration and custody events</translation>
    </message>
    <message>
        <source>新建谈话</source>
        <translation>New talk</translation>
    </message>
    <message>
        <source>与该在押人员的个别谈话</source>
        <translation>An individual talk with this detainee</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>关闭（Esc）</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <source>基本情况</source>
        <translation>Particulars</translation>
    </message>
    <message>
        <source>显示</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>显示完整身份证号</source>
        <translation>Show the whole ID number</translation>
    </message>
    <message>
        <source>当前羁押期限</source>
        <translation>Current custody deadline</translation>
    </message>
    <message>
        <source>计算说明</source>
        <translation>How it was counted</translation>
    </message>
    <message>
        <source>显示规则引擎的完整计算过程</source>
        <translation>Show the rules engine&apos;s whole calculation</translation>
    </message>
    <message>
        <source>诉讼环节与羁押期限</source>
        <translation>Stages and custody deadlines</translation>
    </message>
    <message>
        <source>相关记录</source>
        <translation>Related records</translation>
    </message>
    <message>
        <source>暂无与该在押人员相关的记录</source>
        <translation>No records about this detainee yet</translation>
    </message>
    <message>
        <source>正在读取…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <source>读取失败：按 F5 重试，或关闭后重新打开。</source>
        <translation>Reading failed: press F5 to retry, or close and open again.</translation>
    </message>
    <message>
        <source>在押人员详情 — {name}</source>
        <translation>Detainee — {name}</translation>
    </message>
    <message>
        <source>在押</source>
        <translation>In custody</translation>
    </message>
    <message>
        <source>已出所</source>
        <translation>Discharged</translation>
    </message>
    <message>
        <source>{cell}监室</source>
        <translation>Cell {cell}</translation>
    </message>
    <message>
        <source>{d}入所</source>
        <translation>admitted {d}</translation>
    </message>
    <message>
        <source>当前用户不能录入或修改记录</source>
        <translation>The signed-in user may not enter or change records</translation>
    </message>
    <message>
        <source>（自{d}）</source>
        <translation> (since {d})</translation>
    </message>
    <message>
        <source>刑期止日{d}</source>
        <translation>sentence ends {d}</translation>
    </message>
    <message>
        <source>诉讼环节与羁押期限（{n}）</source>
        <translation>Stages and custody deadlines ({n})</translation>
    </message>
    <message>
        <source>相关记录（{n}）</source>
        <translation>Related records ({n})</translation>
    </message>
    <message>
        <source>期限中止计算</source>
        <translation>Deadline suspended</translation>
    </message>
    <message>
        <source>不计算羁押期限</source>
        <translation>No custody deadline</translation>
    </message>
    <message>
        <source>届满日 {d}</source>
        <translation>Expires {d}</translation>
    </message>
    <message>
        <source>隐藏</source>
        <translation>Hide</translation>
    </message>
</context>
<context>
    <name>DetaineePicker</name>
    <message>
        <source>输入姓名、身份证号的一部分或监室号查找</source>
        <translation>Type part of a name or ID number, or a cell number</translation>
    </message>
    <message>
        <source>没有找到“{query}”：请检查姓名、身份证号或监室号</source>
        <translation>Nothing found for &quot;{query}&quot;: check the name, ID number or cell number</translation>
    </message>
    <message>
        <source>请从查找结果中选定一人（输入后按↓选择，回车确定）</source>
        <translation>Choose a person from the results (type, then ↓ to choose and Enter)</translation>
    </message>
</context>
<context>
    <name>DocumentPage</name>
    <message>
        <source>纠正违法通知书</source>
        <translation>Rectification notice</translation>
    </message>
    <message>
        <source>检察建议书</source>
        <translation>Procuratorial suggestion</translation>
    </message>
    <message>
        <source>口头纠正意见</source>
        <translation>Oral correction</translation>
    </message>
    <message>
        <source>待检察官签发</source>
        <translation>Awaiting a procurator&apos;s signature</translation>
    </message>
    <message>
        <source>逾期 {n} 天</source>
        <translation>{n} days overdue</translation>
    </message>
    <message>
        <source>今天到期</source>
        <translation>Due today</translation>
    </message>
    <message>
        <source>还有 {n} 天</source>
        <translation>{n} days left</translation>
    </message>
    <message>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>修改草稿的内容（签发后不能再修改）</source>
        <translation>Change the draft (no changes once signed)</translation>
    </message>
    <message>
        <source>预览和打印</source>
        <translation>Preview and print</translation>
    </message>
    <message>
        <source>文书内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>制发原因：</source>
        <translation>Reason for issuing:</translation>
    </message>
    <message>
        <source>发现经过：</source>
        <translation>How it was found:</translation>
    </message>
    <message>
        <source>违法事实：</source>
        <translation>Facts of the violation:</translation>
    </message>
    <message>
        <source>查明事实：</source>
        <translation>Facts established:</translation>
    </message>
    <message>
        <source>违反规定：</source>
        <translation>Provisions violated:</translation>
    </message>
    <message>
        <source>纠正依据：</source>
        <translation>Basis for correction:</translation>
    </message>
    <message>
        <source>纠正要求：</source>
        <translation>Corrections required:</translation>
    </message>
    <message>
        <source>存在问题：</source>
        <translation>Problems:</translation>
    </message>
    <message>
        <source>原因分析：</source>
        <translation>Causes:</translation>
    </message>
    <message>
        <source>法律依据：</source>
        <translation>Legal basis:</translation>
    </message>
    <message>
        <source>检察建议：</source>
        <translation>Suggestions:</translation>
    </message>
    <message>
        <source>回复期限：</source>
        <translation>Reply period:</translation>
    </message>
    <message>
        <source>办理情况</source>
        <translation>Handling</translation>
    </message>
    <message>
        <source>批准签发：</source>
        <translation>Approved and signed:</translation>
    </message>
    <message>
        <source>送达：</source>
        <translation>Served:</translation>
    </message>
    <message>
        <source>回复截止：</source>
        <translation>Reply due:</translation>
    </message>
    <message>
        <source>督促：</source>
        <translation>Urged:</translation>
    </message>
    <message>
        <source>回复：</source>
        <translation>Reply:</translation>
    </message>
    <message>
        <source>整改情况：</source>
        <translation>Rectification:</translation>
    </message>
    <message>
        <source>上报：</source>
        <translation>Reported upward:</translation>
    </message>
    <message>
        <source>尚未签发。</source>
        <translation>Not signed yet.</translation>
    </message>
    <message>
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>主送：{who}&#x3000;·&#x3000;发文机关：{issuer}</source>
        <translation>To: {who} · From: {issuer}</translation>
    </message>
    <message>
        <source>收到通知书后 {n} 日内书面回复</source>
        <translation>Written reply within {n} days of receipt</translation>
    </message>
    <message>
        <source>收到建议书后 {n} 个月内书面回复</source>
        <translation>Written reply within {n} months of receipt</translation>
    </message>
    <message>
        <source>{who}&#x3000;{on} 签发</source>
        <translation>{who}, signed {on}</translation>
    </message>
    <message>
        <source>{on}&#x3000;{how}&#x3000;签收人：{who}</source>
        <translation>{on} · {how} · received by {who}</translation>
    </message>
    <message>
        <source>已采纳并整改</source>
        <translation>Adopted and rectified</translation>
    </message>
    <message>
        <source>未采纳或未整改</source>
        <translation>Not adopted or not rectified</translation>
    </message>
    <message>
        <source>{on} 报请{to}</source>
        <translation>{on}, reported to {to}</translation>
    </message>
    <message>
        <source>上一级人民检察院</source>
        <translation>the higher procuratorate</translation>
    </message>
    <message>
        <source>已撤回，未签发。</source>
        <translation>Withdrawn, never signed.</translation>
    </message>
    <message>
        <source>草稿，尚未签发。</source>
        <translation>Draft, not signed yet.</translation>
    </message>
    <message>
        <source>由口头纠正意见升级</source>
        <translation>Escalated from an oral correction</translation>
    </message>
    <message>
        <source>{on} 提出口头纠正意见，跟踪期限 {due}，未纠正。
{facts}</source>
        <translation>Oral correction raised {on}, follow-up due {due}, not corrected.
{facts}</translation>
    </message>
    <message>
        <source>打开口头纠正意见</source>
        <translation>Open the oral correction</translation>
    </message>
    <message>
        <source>签发须经检察长决定，由检察官在本程序中登记；检察官助理和书记员不能签发。</source>
        <translation>Signing needs the chief procurator&apos;s decision and is recorded here by a procurator; assistants and clerks cannot sign.</translation>
    </message>
</context>
<context>
    <name>Documents</name>
    <message>
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>{year}年{month}月</source>
        <translation>{year}-{month:02d}</translation>
    </message>
    <message>
        <source>无法预览</source>
        <translation>Cannot preview</translation>
    </message>
    <message>
        <source>本机缺少 PDF 预览组件（QtPdf），无法在程序内预览和打印。
请重新安装本程序；在此之前可用命令 inspector pdf 导出 PDF 后打印。</source>
        <translation>This computer lacks the PDF preview component (QtPdf), so documents cannot be previewed or printed here.
Reinstall the program; meanwhile, export a PDF with inspector pdf and print it.</translation>
    </message>
</context>
<context>
    <name>DutyPage</name>
    <message>
        <source>（空）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>一</source>
        <translation>Mo</translation>
    </message>
    <message>
        <source>二</source>
        <translation>Tu</translation>
    </message>
    <message>
        <source>三</source>
        <translation>We</translation>
    </message>
    <message>
        <source>四</source>
        <translation>Th</translation>
    </message>
    <message>
        <source>五</source>
        <translation>Fr</translation>
    </message>
    <message>
        <source>六</source>
        <translation>Sa</translation>
    </message>
    <message>
        <source>日</source>
        <translation>Su</translation>
    </message>
    <message>
        <source>休</source>
        <translation>H</translation>
    </message>
    <message>
        <source>班</source>
        <translation>WD</translation>
    </message>
    <message>
        <source>在</source>
        <translation>S</translation>
    </message>
    <message>
        <source>值</source>
        <translation>D</translation>
    </message>
    <message>
        <source>假</source>
        <translation>L</translation>
    </message>
    <message>
        <source>外</source>
        <translation>O</translation>
    </message>
    <message>
        <source>{m}月{d}日（{w}）</source>
        <translation>{d}/{m} ({w})</translation>
    </message>
    <message>
        <source>{y}年{m}月</source>
        <translation>{m}/{y}</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>计划</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>实到</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>本月计划在岗、值班的天数</source>
        <translation>Days planned on site or on duty this month</translation>
    </message>
    <message>
        <source>本月签到的天数（截至今天）</source>
        <translation>Days signed in this month (up to today)</translation>
    </message>
    <message>
        <source>在岗人数</source>
        <translation>On site</translation>
    </message>
    <message>
        <source>{name}（停用）</source>
        <translation>{name} (inactive)</translation>
    </message>
    <message>
        <source>计划在岗{p}天，签到{a}天，计划未签到{m}天，计划外签到{u}天</source>
        <translation>Planned on site {p} days, signed in {a} days, planned but not signed in {m} days, signed in unplanned {u} days</translation>
    </message>
    <message>
        <source>不计入在岗人数</source>
        <translation>Not counted towards the staff on site</translation>
    </message>
    <message>
        <source>计划：{s}</source>
        <translation>Plan: {s}</translation>
    </message>
    <message>
        <source>签到：{t}</source>
        <translation>Signed in: {t}</translation>
    </message>
    <message>
        <source>未签到</source>
        <translation>Not signed in</translation>
    </message>
    <message>
        <source>值班与在岗</source>
        <translation>Duty roster</translation>
    </message>
    <message>
        <source>上个月（PgUp）</source>
        <translation>Previous month (PgUp)</translation>
    </message>
    <message>
        <source>yyyy年M月</source>
        <translation>MMMM yyyy</translation>
    </message>
    <message>
        <source>下个月（PgDn）</source>
        <translation>Next month (PgDn)</translation>
    </message>
    <message>
        <source>本月</source>
        <translation>This month</translation>
    </message>
    <message>
        <source>回到本月</source>
        <translation>Back to this month</translation>
    </message>
    <message>
        <source>从上周复制</source>
        <translation>Copy last week</translation>
    </message>
    <message>
        <source>把上一周的安排复制到所选日期所在的一周（已安排的不覆盖）</source>
        <translation>Copy the week before into the selected day&apos;s week (planned cells are kept)</translation>
    </message>
    <message>
        <source>工作日全部在岗</source>
        <translation>On site every working day</translation>
    </message>
    <message>
        <source>所选人员本月尚未安排的工作日都安排为在岗</source>
        <translation>Plan the selected people on site on every working day of the month not planned yet</translation>
    </message>
    <message>
        <source>人员名单…</source>
        <translation>Staff…</translation>
    </message>
    <message>
        <source>值班人员名单：从用户添加、排序、停用</source>
        <translation>The staff on the roster: add from the users, order, deactivate</translation>
    </message>
    <message>
        <source>打印值班表…</source>
        <translation>Print roster…</translation>
    </message>
    <message>
        <source>本月值班表：预览、打印或另存为 PDF</source>
        <translation>This month&apos;s roster: preview, print or save as PDF</translation>
    </message>
    <message>
        <source>导出 Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>本月值班表和签到记录导出为 xlsx</source>
        <translation>Export this month&apos;s roster and sign-ins as xlsx</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>关闭（Esc）</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <source>G 在岗 · B 值班 · J 请假 · W 外出 · Delete 清除 · Enter 选择 · Ctrl+Enter 签到</source>
        <translation>S on site · D on duty · L leave · O out · Delete clear · Enter choose · Ctrl+Enter sign in</translation>
    </message>
    <message>
        <source>绿色：已签到&#x3000;橙色：未签到</source>
        <translation>Green: signed in  Amber: not signed in</translation>
    </message>
    <message>
        <source>到岗—离岗</source>
        <translation>In—out</translation>
    </message>
    <message>
        <source>签到…</source>
        <translation>Sign in…</translation>
    </message>
    <message>
        <source>登记或修改所选人员当日到岗、离岗时间</source>
        <translation>Record or correct the selected person&apos;s times in and out that day</translation>
    </message>
    <message>
        <source>本人到岗</source>
        <translation>I&apos;m here</translation>
    </message>
    <message>
        <source>以现在的时间登记本人今天到岗；已到岗的登记离岗</source>
        <translation>Sign yourself in today at the present time; once in, sign out</translation>
    </message>
    <message>
        <source>删除签到</source>
        <translation>Delete sign-in</translation>
    </message>
    <message>
        <source>删除误登记的签到</source>
        <translation>Delete a sign-in entered by mistake</translation>
    </message>
    <message>
        <source>本月提示</source>
        <translation>This month</translation>
    </message>
    <message>
        <source>当前用户不能修改值班表</source>
        <translation>The signed-in user may not change the roster</translation>
    </message>
    <message>
        <source>工作日在岗不少于{n}人</source>
        <translation>At least {n} on site on working days</translation>
    </message>
    <message>
        <source>，法定节假日安排值班</source>
        <translation>, someone on duty on statutory holidays</translation>
    </message>
    <message>
        <source>，每人每月在岗{n}天</source>
        <translation>, {n} days on site per person a month</translation>
    </message>
    <message>
        <source>{note}。</source>
        <translation>{note}.</translation>
    </message>
    <message>
        <source>{name}本月实际在岗{a}天，少于{t}天。</source>
        <translation>{name} was on site {a} days this month, fewer than {t}.</translation>
    </message>
    <message>
        <source>本月提示（{n}）</source>
        <translation>This month ({n})</translation>
    </message>
    <message>
        <source>本月提示：无</source>
        <translation>This month: nothing to note</translation>
    </message>
    <message>
        <source>还没有值班人员：请在“人员名单…”中从用户名单添加。</source>
        <translation>No staff on the roster yet: add them from the users in &quot;Staff…&quot;.</translation>
    </message>
    <message>
        <source>{m}月{d}日签到</source>
        <translation>Sign-ins on {d}/{m}</translation>
    </message>
    <message>
        <source>请先在值班表中选中人员所在的行</source>
        <translation>Select the people&apos;s rows in the roster first</translation>
    </message>
    <message>
        <source>您不在值班人员名单中：请先在“人员名单…”中添加</source>
        <translation>You are not on the roster&apos;s staff list: add yourself in &quot;Staff…&quot; first</translation>
    </message>
    <message>
        <source>值班表</source>
        <translation>Duty roster</translation>
    </message>
    <message>
        <source>值班表-{key}</source>
        <translation>duty-roster-{key}</translation>
    </message>
    <message>
        <source>导出 Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>已导出：{p}</source>
        <translation>Exported: {p}</translation>
    </message>
    <message>
        <source>签到：{name} {m}月{d}日</source>
        <translation>Sign-in: {name} {d}/{m}</translation>
    </message>
    <message>
        <source>尚未离岗</source>
        <translation>Still on site</translation>
    </message>
    <message>
        <source>例如：值班、外出送达后返回</source>
        <translation>e.g. on duty, back after serving documents</translation>
    </message>
    <message>
        <source>到岗时间</source>
        <translation>Time in</translation>
    </message>
    <message>
        <source>离岗时间</source>
        <translation>Time out</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>职务</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <source>计入在岗人数</source>
        <translation>Counted on site</translation>
    </message>
    <message>
        <source>在编</source>
        <translation>On the roster</translation>
    </message>
    <message>
        <source>值班人员名单</source>
        <translation>Roster staff</translation>
    </message>
    <message>
        <source>从用户名单添加</source>
        <translation>Add from the users</translation>
    </message>
    <message>
        <source>把尚未列入的检察官、检察官助理、书记员等用户加入名单</source>
        <translation>Add every procurator, procurator&apos;s assistant, clerk … not yet on the list</translation>
    </message>
    <message>
        <source>添加人员…</source>
        <translation>Add person…</translation>
    </message>
    <message>
        <source>修改…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>上移</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>下移</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>（无账号）</source>
        <translation>(no account)</translation>
    </message>
    <message>
        <source>添加值班人员</source>
        <translation>Add to the roster staff</translation>
    </message>
    <message>
        <source>修改值班人员</source>
        <translation>Edit roster staff</translation>
    </message>
    <message>
        <source>例如：检察官、检察官助理</source>
        <translation>e.g. procurator, procurator&apos;s assistant</translation>
    </message>
    <message>
        <source>排列顺序</source>
        <translation>Order</translation>
    </message>
</context>
<context>
    <name>EditUserDialog</name>
    <message>
        <source>修改用户</source>
        <translation>Edit user</translation>
    </message>
    <message>
        <source>修改用户：{username}</source>
        <translation>Edit user: {username}</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>不能修改自己（当前登录用户）的角色</source>
        <translation>You cannot change your own role (the signed-in user)</translation>
    </message>
    <message>
        <source>请填写姓名</source>
        <translation>Enter a name</translation>
    </message>
    <message>
        <source>姓名不能超过{n}个字</source>
        <translation>The name may have at most {n} characters</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>无法完成操作</source>
        <translation>Could not complete the action</translation>
    </message>
    <message>
        <source>程序遇到意外错误（{kind}），刚才的操作没有完成，已保存的数据不受影响。

详细情况已记入日志：{path}
如果问题反复出现，请把该日志文件交给技术支持人员。</source>
        <translation>The program hit an unexpected error ({kind}); the last action was not completed. Saved data is not affected.

Details are in the log: {path}
If it happens again, give that log file to technical support.</translation>
    </message>
    <message>
        <source>程序错误</source>
        <translation>Program error</translation>
    </message>
    <message>
        <source>{role}不能{action}</source>
        <translation>{role}: may not {action}</translation>
    </message>
    <message>
        <source>：待检察官签发</source>
        <translation>: awaiting a procurator&apos;s signature</translation>
    </message>
    <message>
        <source>“{field}”中的字符“{char}”（{codepoint}）在字体{font}中没有字形，无法打印：请改用通行写法，或安装含有该字的字体</source>
        <translation>“{field}”: the character “{char}” ({codepoint}) has no glyph in the font {font} and cannot be printed: use a common form, or install a font that has it</translation>
    </message>
</context>
<context>
    <name>ExcludeDialog</name>
    <message>
        <source>排除线索</source>
        <translation>Exclude lead</translation>
    </message>
    <message>
        <source>排除理由（必填）：</source>
        <translation>Reason for excluding (required):</translation>
    </message>
    <message>
        <source>例如：核实后羁押期限计算依据已补录，不属违法</source>
        <translation>e.g. checked: the date the custody limit counts from has been recorded, no violation</translation>
    </message>
    <message>
        <source>请写明排除的理由</source>
        <translation>Give the reason for excluding</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>排除</source>
        <translation>Exclude</translation>
    </message>
</context>
<context>
    <name>FieldError</name>
    <message>
        <source>{label}为必填项</source>
        <translation>{label} is required</translation>
    </message>
    <message>
        <source>{label}不能超过{max}个字</source>
        <translation>{label} may have at most {max} characters</translation>
    </message>
    <message>
        <source>{label}应为文本</source>
        <translation>{label} must be text</translation>
    </message>
    <message>
        <source>{label}应为整数</source>
        <translation>{label} must be a whole number</translation>
    </message>
    <message>
        <source>{label}不能小于{min}</source>
        <translation>{label} must be at least {min}</translation>
    </message>
    <message>
        <source>{label}不能大于{max}</source>
        <translation>{label} must be at most {max}</translation>
    </message>
    <message>
        <source>{label}应为日期</source>
        <translation>{label} must be a date</translation>
    </message>
    <message>
        <source>{label}必须晚于{other}</source>
        <translation>{label} must be after {other}</translation>
    </message>
    <message>
        <source>{label}不能早于{other}</source>
        <translation>{label} cannot be before {other}</translation>
    </message>
    <message>
        <source>{label}不能晚于今天</source>
        <translation>{label} cannot be after today</translation>
    </message>
    <message>
        <source>{label}取值无效：{value}</source>
        <translation>{label} has an invalid value: {value}</translation>
    </message>
</context>
<context>
    <name>FormSpec</name>
    <message>
        <source>{kind}须在{parent}记录中登记：</source>
        <translation>A {kind} is registered in a {parent} record: </translation>
    </message>
    <message>
        <source>请填写这条{parent}记录，并在下方“{rows}”中逐行填写（Ctrl+Enter 添加一行）。</source>
        <translation>fill in this {parent} record and add a row for each under &quot;{rows}&quot; below (Ctrl+Enter adds a row).</translation>
    </message>
    <message>
        <source>请新建或打开一条{parent}记录，在“{rows}”中添加（Ctrl+Enter）。</source>
        <translation>create or open a {parent} record and add it under &quot;{rows}&quot; (Ctrl+Enter).</translation>
    </message>
    <message>
        <source>发现的问题</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>添加问题</source>
        <translation>Add finding</translation>
    </message>
    <message>
        <source>笔录</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>签名与保密</source>
        <translation>Signatures and confidentiality</translation>
    </message>
    <message>
        <source>信件</source>
        <translation>Letters</translation>
    </message>
    <message>
        <source>添加信件</source>
        <translation>Add letter</translation>
    </message>
    <message>
        <source>办理</source>
        <translation>Handling</translation>
    </message>
    <message>
        <source>纠正情况</source>
        <translation>Correction</translation>
    </message>
    <message>
        <source>正文</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>身份</source>
        <translation>Identity</translation>
    </message>
    <message>
        <source>羁押</source>
        <translation>Custody</translation>
    </message>
    <message>
        <source>判决与出所</source>
        <translation>Judgment and discharge</translation>
    </message>
    <message>
        <source>羁押期限事件</source>
        <translation>Custody deadline events</translation>
    </message>
    <message>
        <source>添加事件</source>
        <translation>Add event</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>LeadsPage</name>
    <message>
        <source>问题记录</source>
        <translation>Finding</translation>
    </message>
    <message>
        <source>口头纠正</source>
        <translation>Oral correction</translation>
    </message>
    <message>
        <source>纠正违法通知书</source>
        <translation>Rectification notice</translation>
    </message>
    <message>
        <source>在押人员</source>
        <translation>Detainee</translation>
    </message>
    <message>
        <source>羁押事件</source>
        <translation>Custody event</translation>
    </message>
    <message>
        <source>台账导入</source>
        <translation>Ledger import</translation>
    </message>
    <message>
        <source>发现日期</source>
        <translation>Found on</translation>
    </message>
    <message>
        <source>规则</source>
        <translation>Rule</translation>
    </message>
    <message>
        <source>线索</source>
        <translation>Lead</translation>
    </message>
    <message>
        <source>人员与记录</source>
        <translation>People and records</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>（已制发）</source>
        <translation> (raised)</translation>
    </message>
    <message>
        <source>监督线索</source>
        <translation>Supervision leads</translation>
    </message>
    <message>
        <source>规则在名册和台账中发现的问题：逐条核实，属实的据此制发纠正意见</source>
        <translation>Problems the rules found in the register and the ledgers: check each one, and raise a correction from those that hold</translation>
    </message>
    <message>
        <source>扫描</source>
        <translation>Scan</translation>
    </message>
    <message>
        <source>按全部规则扫描名册和已导入的台账，新发现的线索列为待核实</source>
        <translation>Run every rule over the register and the imported ledgers; new leads are listed as to be checked</translation>
    </message>
    <message>
        <source>规则：</source>
        <translation>Rule:</translation>
    </message>
    <message>
        <source>状态：</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>开始核实</source>
        <translation>Start checking</translation>
    </message>
    <message>
        <source>核实属实</source>
        <translation>Verified</translation>
    </message>
    <message>
        <source>排除…</source>
        <translation>Exclude…</translation>
    </message>
    <message>
        <source>据此制发</source>
        <translation>Raise from it</translation>
    </message>
    <message>
        <source>打开已制发的记录</source>
        <translation>Open what was raised</translation>
    </message>
    <message>
        <source>人员详情</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>待核实 → 核实中（已排除的线索可重新核实）</source>
        <translation>To check → checking (an excluded lead may be checked again)</translation>
    </message>
    <message>
        <source>核实中 → 已核实：问题属实</source>
        <translation>Checking → verified: the problem is real</translation>
    </message>
    <message>
        <source>排除线索，须写明理由</source>
        <translation>Exclude the lead; a reason is required</translation>
    </message>
    <message>
        <source>把已核实的线索转为问题记录、口头纠正或纠正违法通知书（预填）</source>
        <translation>Turn a verified lead into a finding, an oral correction or a rectification notice (prefilled)</translation>
    </message>
    <message>
        <source>全部规则</source>
        <translation>All rules</translation>
    </message>
    <message>
        <source>未办结</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>共 {n} 条</source>
        <translation>{n} leads</translation>
    </message>
    <message>
        <source>没有符合条件的监督线索。点击“扫描”按规则检查名册和台账。</source>
        <translation>No supervision leads match. Click “Scan” to check the register and ledgers by the rules.</translation>
    </message>
    <message>
        <source>没有符合条件的监督线索。</source>
        <translation>No supervision leads match.</translation>
    </message>
    <message>
        <source>选中一条线索查看详情</source>
        <translation>Select a lead to see it in full</translation>
    </message>
    <message>
        <source>事实</source>
        <translation>Facts</translation>
    </message>
    <message>
        <source>法律依据</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <source>线索所依据的记录</source>
        <translation>Records behind the lead</translation>
    </message>
    <message>
        <source>处理情况</source>
        <translation>Handling</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>已制发</source>
        <translation>Raised</translation>
    </message>
    <message>
        <source>重新核实</source>
        <translation>Check again</translation>
    </message>
    <message>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>线索已改为“{status}”。</source>
        <translation>The lead is now “{status}”.</translation>
    </message>
    <message>
        <source>正在制作…</source>
        <translation>Making…</translation>
    </message>
    <message>
        <source>已据此线索制作，可在打开的页面中继续编辑。</source>
        <translation>Made from the lead; go on editing in the page that opened.</translation>
    </message>
    <message>
        <source>正在扫描名册和台账…</source>
        <translation>Scanning the register and ledgers…</translation>
    </message>
    <message>
        <source>扫描完成：发现 {found} 条，其中新线索 {new} 条（已有的不重复列出）。</source>
        <translation>Scan finished: {found} found, {new} of them new (those already kept are not listed again).</translation>
    </message>
</context>
<context>
    <name>LedgerImportDialog</name>
    <message>
        <source>导入台账</source>
        <translation>Import ledger</translation>
    </message>
    <message>
        <source>尚未选择文件</source>
        <translation>No file chosen</translation>
    </message>
    <message>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>按文件名和列自动识别</source>
        <translation>Recognise from the file name and columns</translation>
    </message>
    <message>
        <source>不保存（或输入新名称保存本次列对应）</source>
        <translation>Not saved (or type a new name to keep this column mapping)</translation>
    </message>
    <message>
        <source>台账文件：</source>
        <translation>Ledger file:</translation>
    </message>
    <message>
        <source>工作表：</source>
        <translation>Sheet:</translation>
    </message>
    <message>
        <source>台账类别：</source>
        <translation>Ledger kind:</translation>
    </message>
    <message>
        <source>台账格式：</source>
        <translation>Ledger format:</translation>
    </message>
    <message>
        <source>为每一列选择它对应的字段（按列名猜测，或按所选台账格式）；不需要的列选“不读取”。生成变动报告不会改动名册，确认后才写入。</source>
        <translation>Choose the field each column holds (guessed from its header, or from the chosen ledger format); choose “Not read” for columns not needed. Making the change report does not change the register; changes are written only once confirmed.</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>生成变动报告</source>
        <translation>Make change report</translation>
    </message>
    <message>
        <source>{kind}台账，{n} 列</source>
        <translation>{kind}, {n} columns</translation>
    </message>
    <message>
        <source>选择台账文件</source>
        <translation>Choose ledger file</translation>
    </message>
    <message>
        <source>台账 (*.xlsx *.csv);;所有文件 (*)</source>
        <translation>Ledgers (*.xlsx *.csv);;All files (*)</translation>
    </message>
    <message>
        <source>正在读取 {name}…</source>
        <translation>Reading {name}…</translation>
    </message>
    <message>
        <source>{name}（{source}），共 {n} 行</source>
        <translation>{name} ({source}), {n} rows</translation>
    </message>
    <message>
        <source>台账中的列</source>
        <translation>Column in the ledger</translation>
    </message>
    <message>
        <source>读取为</source>
        <translation>Read as</translation>
    </message>
    <message>
        <source>不读取</source>
        <translation>Not read</translation>
    </message>
    <message>
        <source>请选择台账文件</source>
        <translation>Choose a ledger file</translation>
    </message>
    <message>
        <source>请为“姓名”或“身份证号”指定一列</source>
        <translation>Choose a column for “Name” or “ID number”</translation>
    </message>
    <message>
        <source>正在与名册核对…</source>
        <translation>Comparing with the register…</translation>
    </message>
    <message>
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>已取消导入：未保存变动报告，名册未作任何改动</source>
        <translation>Import cancelled: no change report kept, the register is unchanged</translation>
    </message>
</context>
<context>
    <name>LedgerPage</name>
    <message>
        <source>台账审查</source>
        <translation>Ledger review</translation>
    </message>
    <message>
        <source>导入看守所每日的入所、出所、留所服刑、换押台账，与名册核对；确认后才写入名册</source>
        <translation>Import the detention centre&apos;s daily admission, release, serving and custody-transfer ledgers and compare them with the register; nothing is written before you confirm</translation>
    </message>
    <message>
        <source>导入台账…</source>
        <translation>Import ledger…</translation>
    </message>
    <message>
        <source>读取看守所导出的台账（Excel 或 CSV），生成与名册对照的报告</source>
        <translation>Read a ledger exported by the centre (Excel or CSV) and make a report against the register</translation>
    </message>
    <message>
        <source>保存报告…</source>
        <translation>Save report…</translation>
    </message>
    <message>
        <source>还没有导入过台账。点击右上角“导入台账…”选择看守所导出的文件。</source>
        <translation>No ledger imported yet. Click “Import ledger…” at the top right and choose the file the centre exported.</translation>
    </message>
    <message>
        <source>变动 / 姓名</source>
        <translation>Change / name</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>出生日期</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>民族</source>
        <translation>Ethnicity</translation>
    </message>
    <message>
        <source>监区</source>
        <translation>Block</translation>
    </message>
    <message>
        <source>监室</source>
        <translation>Cell</translation>
    </message>
    <message>
        <source>入所时间</source>
        <translation>Admitted</translation>
    </message>
    <message>
        <source>收押凭证</source>
        <translation>Admission paper</translation>
    </message>
    <message>
        <source>办案机关</source>
        <translation>Case authority</translation>
    </message>
    <message>
        <source>涉嫌罪名</source>
        <translation>Charges</translation>
    </message>
    <message>
        <source>案号</source>
        <translation>Case number</translation>
    </message>
    <message>
        <source>法律身份</source>
        <translation>Legal status</translation>
    </message>
    <message>
        <source>诉讼环节</source>
        <translation>Procedural stage</translation>
    </message>
    <message>
        <source>本环节起始日</source>
        <translation>Stage started on</translation>
    </message>
    <message>
        <source>出所日期</source>
        <translation>Release date</translation>
    </message>
    <message>
        <source>出所方式</source>
        <translation>Release kind</translation>
    </message>
    <message>
        <source>出所凭证</source>
        <translation>Release paper</translation>
    </message>
    <message>
        <source>去向</source>
        <translation>Destination</translation>
    </message>
    <message>
        <source>刑种</source>
        <translation>Sentence kind</translation>
    </message>
    <message>
        <source>刑期</source>
        <translation>Sentence</translation>
    </message>
    <message>
        <source>刑期起日</source>
        <translation>Term starts</translation>
    </message>
    <message>
        <source>刑期止日</source>
        <translation>Term ends</translation>
    </message>
    <message>
        <source>判决生效日</source>
        <translation>Judgment effective on</translation>
    </message>
    <message>
        <source>收到执行通知书日</source>
        <translation>Execution notice received on</translation>
    </message>
    <message>
        <source>留所服刑日期</source>
        <translation>Serving in the centre from</translation>
    </message>
    <message>
        <source>换押日期</source>
        <translation>Custody transfer date</translation>
    </message>
    <message>
        <source>换押证号</source>
        <translation>Custody transfer number</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <source>新收押</source>
        <translation>New admissions</translation>
    </message>
    <message>
        <source>出所</source>
        <translation>Releases</translation>
    </message>
    <message>
        <source>转出</source>
        <translation>Transfers out</translation>
    </message>
    <message>
        <source>诉讼环节变更</source>
        <translation>Stage changes</translation>
    </message>
    <message>
        <source>换押</source>
        <translation>Custody transfers</translation>
    </message>
    <message>
        <source>留所服刑</source>
        <translation>Serving in the centre</translation>
    </message>
    <message>
        <source>仅台账有</source>
        <translation>In the ledger only</translation>
    </message>
    <message>
        <source>仅名册有</source>
        <translation>On the register only</translation>
    </message>
    <message>
        <source>无变化</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <source>无法读取</source>
        <translation>Unreadable</translation>
    </message>
    <message>
        <source>无需确认</source>
        <translation>Nothing to confirm</translation>
    </message>
    <message>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <source>无</source>
        <translation>none</translation>
    </message>
    <message>
        <source>导入时间</source>
        <translation>Imported</translation>
    </message>
    <message>
        <source>台账</source>
        <translation>Ledger</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>行数</source>
        <translation>Rows</translation>
    </message>
    <message>
        <source>变动</source>
        <translation>Changes</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>变动报告</source>
        <translation>change report</translation>
    </message>
    <message>
        <source>{file} 变动报告</source>
        <translation>{file} change report</translation>
    </message>
    <message>
        <source>把选中导入的变动报告保存为 CSV 文件（可用 Excel 打开）</source>
        <translation>Save the selected import&apos;s change report as a CSV file (opens in Excel)</translation>
    </message>
    <message>
        <source>预览和打印…</source>
        <translation>Preview and print…</translation>
    </message>
    <message>
        <source>选中导入的变动报告：预览、打印或另存为 PDF</source>
        <translation>The selected import&apos;s change report: preview, print or save as PDF</translation>
    </message>
    <message>
        <source>台账行</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>确认</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>确认选中</source>
        <translation>Confirm selected</translation>
    </message>
    <message>
        <source>把勾选的变动写入名册（一次完成，记入审计）</source>
        <translation>Write the ticked changes to the register (in one step, audited)</translation>
    </message>
    <message>
        <source>全部确认</source>
        <translation>Confirm all</translation>
    </message>
    <message>
        <source>把本次导入尚未确认的全部变动写入名册</source>
        <translation>Write every change of this import not yet confirmed to the register</translation>
    </message>
    <message>
        <source>{label}（{n}）</source>
        <translation>{label} ({n})</translation>
    </message>
    <message>
        <source>名册</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>已写入</source>
        <translation>Written</translation>
    </message>
    <message>
        <source>待确认</source>
        <translation>To confirm</translation>
    </message>
    <message>
        <source>{kind}台账 {file} · {n} 行 · {when} 导入 · {status}</source>
        <translation>{kind} {file} · {n} rows · imported {when} · {status}</translation>
    </message>
    <message>
        <source>台账第 {n} 行</source>
        <translation>ledger line {n}</translation>
    </message>
    <message>
        <source>身份证号：{id}</source>
        <translation>ID number: {id}</translation>
    </message>
    <message>
        <source>需要注意</source>
        <translation>Needs attention</translation>
    </message>
    <message>
        <source>已写入名册</source>
        <translation>Written to the register</translation>
    </message>
    <message>
        <source>确认后写入名册</source>
        <translation>Confirming writes to the register</translation>
    </message>
    <message>
        <source>羁押事件：{event}</source>
        <translation>Custody event: {event}</translation>
    </message>
    <message>
        <source>此项不写入名册，仅供核实。</source>
        <translation>This item is not written to the register; it is for checking only.</translation>
    </message>
    <message>
        <source>全部确认（{n} 项）</source>
        <translation>Confirm all ({n})</translation>
    </message>
    <message>
        <source>确认选中（{n} 项）</source>
        <translation>Confirm selected ({n})</translation>
    </message>
    <message>
        <source>勾选要写入名册的变动后点“确认选中”，或“全部确认”；确认前名册不会改变。</source>
        <translation>Tick the changes to write and click “Confirm selected”, or “Confirm all”; the register does not change before you confirm.</translation>
    </message>
    <message>
        <source>本次导入没有待确认的变动。</source>
        <translation>This import has no changes left to confirm.</translation>
    </message>
    <message>
        <source>已生成变动报告，请核对后确认写入名册。</source>
        <translation>The change report is ready: check it, then confirm the changes into the register.</translation>
    </message>
    <message>
        <source>正在写入名册…</source>
        <translation>Writing to the register…</translation>
    </message>
    <message>
        <source>已写入名册 {n} 项：{items}。</source>
        <translation>{n} items written to the register: {items}.</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>保存变动报告</source>
        <translation>Save change report</translation>
    </message>
    <message>
        <source>{stem}-变动报告.csv</source>
        <translation>{stem}-change-report.csv</translation>
    </message>
    <message>
        <source>CSV 文件 (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>变动报告已保存到 {path}</source>
        <translation>Change report saved to {path}</translation>
    </message>
</context>
<context>
    <name>LifecycleBar</name>
    <message>
        <source>（当前）</source>
        <translation> (current)</translation>
    </message>
    <message>
        <source>文书流程</source>
        <translation>Document workflow</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>切换用户</source>
        <translation>Switch user</translation>
    </message>
    <message>
        <source>{user}，请输入密码解锁</source>
        <translation>{user}, enter your password to unlock</translation>
    </message>
    <message>
        <source>正在验证…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>请输入密码</source>
        <translation>Enter the password</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>驻所检察 — {station}</source>
        <translation>Inspector — {station}</translation>
    </message>
    <message>
        <source>（演示数据）</source>
        <translation> (demo data)</translation>
    </message>
    <message>
        <source>预览和打印…</source>
        <translation>Preview and print…</translation>
    </message>
    <message>
        <source>打印台账…</source>
        <translation>Print ledger…</translation>
    </message>
    <message>
        <source>今日在押人员情况检察台账：预览、打印或另存为 PDF</source>
        <translation>Today&apos;s detainee inspection ledger: preview, print or save as PDF</translation>
    </message>
    <message>
        <source>人员详情</source>
        <translation>Detainee page</translation>
    </message>
    <message>
        <source>选中人员的诉讼环节、羁押期限和全部相关记录</source>
        <translation>The selected person&apos;s stages, custody deadlines and every related record</translation>
    </message>
    <message>
        <source>导入名册…</source>
        <translation>Import register…</translation>
    </message>
    <message>
        <source>从 Excel 或 CSV 文件导入在押人员名册：先预览，再一次导入</source>
        <translation>Import the register of detainees from an Excel or CSV file: preview first, then import in one go</translation>
    </message>
    <message>
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <source>新建{kind}（Ctrl+N）</source>
        <translation>New {kind} (Ctrl+N)</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>删除选中的记录（Delete），删除后可在状态栏撤销</source>
        <translation>Delete the selected record (Delete); it can be undone in the status bar</translation>
    </message>
    <message>
        <source>{title}（Ctrl+{n}）</source>
        <translation>{title} (Ctrl+{n})</translation>
    </message>
    <message>
        <source>驻所检察</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <source>版本 {version}</source>
        <translation>Version {version}</translation>
    </message>
    <message>
        <source>演示数据</source>
        <translation>Demo data</translation>
    </message>
    <message>
        <source>打开的是演示数据（{path}），不是本检察室的真实记录。</source>
        <translation>This is demo data ({path}), not the station&apos;s real records.</translation>
    </message>
    <message>
        <source>锁定</source>
        <translation>Lock</translation>
    </message>
    <message>
        <source>锁定窗口，离开时用（Ctrl+L）</source>
        <translation>Lock the window when you step away (Ctrl+L)</translation>
    </message>
    <message>
        <source>切换用户</source>
        <translation>Switch user</translation>
    </message>
    <message>
        <source>退出当前用户，换另一位用户登录</source>
        <translation>Sign this user out and let another sign in</translation>
    </message>
    <message>
        <source>请先在列表中选中一名在押人员</source>
        <translation>Select a detainee in the list first</translation>
    </message>
    <message>
        <source>这类记录还没有可以打开的页面</source>
        <translation>There is no page for this kind of record yet</translation>
    </message>
    <message>
        <source>请先在列表中选中要删除的记录</source>
        <translation>Select the record to delete in the list first</translation>
    </message>
    <message>
        <source>{title}（Ctrl+{n}）：{k} 份文书逾期未回复</source>
        <translation>{title} (Ctrl+{n}): {k} documents with overdue replies</translation>
    </message>
    <message>
        <source>{title}（Ctrl+{n}）：{k} 条线索待核实或核实中</source>
        <translation>{title} (Ctrl+{n}): {k} leads to check or being checked</translation>
    </message>
    <message>
        <source>{title}（Ctrl+{n}）：{k} 份台账的变动待确认</source>
        <translation>{title} (Ctrl+{n}): {k} ledger imports with changes to confirm</translation>
    </message>
    <message>
        <source>{title}（Ctrl+{n}）：{k} 条冲突待处理</source>
        <translation>{title} (Ctrl+{n}): {k} conflicts to resolve</translation>
    </message>
    <message>
        <source>自动同步未完成：{m}</source>
        <translation>Automatic sync did not finish: {m}</translation>
    </message>
    <message>
        <source>（未登录）</source>
        <translation>(not signed in)</translation>
    </message>
    <message>
        <source>从未同步</source>
        <translation>never</translation>
    </message>
    <message>
        <source>在线</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>离线</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>上次同步 {when}</source>
        <translation>Last sync {when}</translation>
    </message>
    <message>
        <source>待同步 {n} 条</source>
        <translation>{n} to sync</translation>
    </message>
</context>
<context>
    <name>NewUserDialog</name>
    <message>
        <source>新增用户</source>
        <translation>New user</translation>
    </message>
    <message>
        <source>新增</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>用户信息会同步到办公室和本检察室的其他电脑；密码只保存在本机，在其他电脑上登录需在那里另设密码。</source>
        <translation>The user is synced to the office and the station&apos;s other computers; the password stays on this computer, so signing in elsewhere needs a password set there.</translation>
    </message>
    <message>
        <source>登录时输入，如 zhangsan</source>
        <translation>Typed at sign-in, e.g. zhangsan</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>英文字母、数字和 . _ -，以字母开头；之后不能修改</source>
        <translation>Letters, digits and . _ -, starting with a letter; cannot be changed later</translation>
    </message>
    <message>
        <source>文书和记录中显示的姓名</source>
        <translation>The name shown in documents and records</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>至少8个字符</source>
        <translation>At least 8 characters</translation>
    </message>
    <message>
        <source>确认密码</source>
        <translation>Confirm password</translation>
    </message>
    <message>
        <source>再输入一遍</source>
        <translation>Type it again</translation>
    </message>
    <message>
        <source>请填写姓名</source>
        <translation>Enter a name</translation>
    </message>
    <message>
        <source>姓名不能超过{n}个字</source>
        <translation>The name may have at most {n} characters</translation>
    </message>
</context>
<context>
    <name>OptionalDateEdit</name>
    <message>
        <source>不限</source>
        <translation>Any</translation>
    </message>
    <message>
        <source>点击箭头选择日期；按 Delete 清除</source>
        <translation>Click the arrow to pick a date; Delete clears it</translation>
    </message>
</context>
<context>
    <name>OralCorrectedDialog</name>
    <message>
        <source>登记已纠正</source>
        <translation>Record as corrected</translation>
    </message>
    <message>
        <source>登记已纠正 — 口头纠正意见</source>
        <translation>Record as corrected — oral correction</translation>
    </message>
    <message>
        <source>纠正日期</source>
        <translation>Corrected on</translation>
    </message>
    <message>
        <source>核实方式</source>
        <translation>How verified</translation>
    </message>
    <message>
        <source>如何核实已纠正：实地查看、调看监控、查阅台账……</source>
        <translation>How the correction was verified: on-site inspection, CCTV, ledgers …</translation>
    </message>
    <message>
        <source>看守所已按口头纠正意见纠正的，登记纠正日期和核实方式；无需再制发纠正违法通知书。</source>
        <translation>When the centre has corrected as the oral correction asked, record the date and how it was verified; no rectification notice is needed.</translation>
    </message>
</context>
<context>
    <name>OralCorrectionPage</name>
    <message>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>口头纠正意见</source>
        <translation>Oral correction</translation>
    </message>
    <message>
        <source>提出日期：</source>
        <translation>Raised on:</translation>
    </message>
    <message>
        <source>告知对象：</source>
        <translation>Told to:</translation>
    </message>
    <message>
        <source>发现途径：</source>
        <translation>Found through:</translation>
    </message>
    <message>
        <source>违法事实：</source>
        <translation>Facts of the violation:</translation>
    </message>
    <message>
        <source>违反规定：</source>
        <translation>Provisions violated:</translation>
    </message>
    <message>
        <source>跟踪期限：</source>
        <translation>Follow-up due:</translation>
    </message>
    <message>
        <source>纠正情况：</source>
        <translation>Correction:</translation>
    </message>
    <message>
        <source>纠正违法通知书：</source>
        <translation>Rectification notice:</translation>
    </message>
    <message>
        <source>已纠正</source>
        <translation>Corrected</translation>
    </message>
    <message>
        <source>已制发纠正违法通知书</source>
        <translation>Rectification notice issued</translation>
    </message>
    <message>
        <source>逾期未纠正</source>
        <translation>Overdue, not corrected</translation>
    </message>
    <message>
        <source>跟踪中</source>
        <translation>Following up</translation>
    </message>
    <message>
        <source>{on} 当面提出</source>
        <translation>Raised in person on {on}</translation>
    </message>
    <message>
        <source>{on} 已纠正。核实方式：{how}</source>
        <translation>Corrected on {on}. Verified by: {how}</translation>
    </message>
    <message>
        <source>未纠正</source>
        <translation>Not corrected</translation>
    </message>
    <message>
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>打开纠正违法通知书</source>
        <translation>Open the rectification notice</translation>
    </message>
    <message>
        <source>制发纠正违法通知书</source>
        <translation>Issue a rectification notice</translation>
    </message>
    <message>
        <source>登记已纠正</source>
        <translation>Record as corrected</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>重设密码</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <source>设置本机密码</source>
        <translation>Set password here</translation>
    </message>
    <message>
        <source>{title}：{name}（{username}）</source>
        <translation>{title}: {name} ({username})</translation>
    </message>
    <message>
        <source>保存密码</source>
        <translation>Save password</translation>
    </message>
    <message>
        <source>新密码只在本机有效，立即生效；该用户输错密码的次数和锁定一并清除。</source>
        <translation>The new password works on this computer only, at once; the user&apos;s wrong-password count and lockout are cleared.</translation>
    </message>
    <message>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>至少8个字符</source>
        <translation>At least 8 characters</translation>
    </message>
    <message>
        <source>确认密码</source>
        <translation>Confirm password</translation>
    </message>
    <message>
        <source>再输入一遍</source>
        <translation>Type it again</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>预览 — {title}</source>
        <translation>Preview — {title}</translation>
    </message>
    <message>
        <source>正在生成 {label}…</source>
        <translation>Building {label}…</translation>
    </message>
    <message>
        <source>上一页</source>
        <translation>Previous</translation>
    </message>
    <message>
        <source>上一页（PgUp）</source>
        <translation>Previous page (PgUp)</translation>
    </message>
    <message>
        <source>转到第几页</source>
        <translation>Go to page</translation>
    </message>
    <message>
        <source>下一页</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>下一页（PgDn）</source>
        <translation>Next page (PgDn)</translation>
    </message>
    <message>
        <source>缩小</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>缩小（Ctrl+-）</source>
        <translation>Zoom out (Ctrl+-)</translation>
    </message>
    <message>
        <source>放大</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>放大（Ctrl++）</source>
        <translation>Zoom in (Ctrl++)</translation>
    </message>
    <message>
        <source>适合宽度</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <source>页面宽度与窗口一致</source>
        <translation>Page as wide as the window</translation>
    </message>
    <message>
        <source>整页</source>
        <translation>Whole page</translation>
    </message>
    <message>
        <source>整页显示在窗口内</source>
        <translation>Whole page in the window</translation>
    </message>
    <message>
        <source>看守所版本（保密来信人以代号显示）</source>
        <translation>Centre&apos;s copy (confidential writers by pseudonym)</translation>
    </message>
    <message>
        <source>交给看守所的文本中，保密来信人的姓名一律以“在押人员甲、乙……”代替</source>
        <translation>In the copy for the detention centre, confidential writers are named by pseudonyms (detainee A, B …)</translation>
    </message>
    <message>
        <source>另存为 PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>Ctrl+S</source>
        <translation>Ctrl+S</translation>
    </message>
    <message>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Ctrl+P</source>
        <translation>Ctrl+P</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>生成的 PDF 无法显示（{error}）。</source>
        <translation>The PDF built cannot be shown ({error}).</translation>
    </message>
    <message>
        <source>共 {n} 页</source>
        <translation>{n} pages</translation>
    </message>
    <message>
        <source>无法生成 {label}：

{text}</source>
        <translation>Cannot build {label}:

{text}</translation>
    </message>
    <message>
        <source>-看守所版</source>
        <translation>-centre-copy</translation>
    </message>
    <message>
        <source>另存为 PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>已保存到 {path}</source>
        <translation>Saved to {path}</translation>
    </message>
    <message>
        <source>打印 — {title}</source>
        <translation>Print — {title}</translation>
    </message>
    <message>
        <source>已取消打印</source>
        <translation>Printing cancelled</translation>
    </message>
    <message>
        <source>正在打印 {n} 页…</source>
        <translation>Printing {n} pages…</translation>
    </message>
    <message>
        <source>已发送到打印机：{n} 页</source>
        <translation>Sent to the printer: {n} pages</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <source>新建{kind}</source>
        <translation>New {kind}</translation>
    </message>
    <message>
        <source>修改{kind}</source>
        <translation>Edit {kind}</translation>
    </message>
    <message>
        <source>正在读取…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>您的修改</source>
        <translation>Your change</translation>
    </message>
    <message>
        <source>当前内容</source>
        <translation>Now</translation>
    </message>
    <message>
        <source>重新载入，保留我的修改</source>
        <translation>Reload, keep my changes</translation>
    </message>
    <message>
        <source>载入这条记录现在的版本；表中仍是您填写的内容，再次保存即以您的修改为准</source>
        <translation>Load the record as it is now; the form keeps what you typed, and saving again makes your changes count</translation>
    </message>
    <message>
        <source>改用当前内容</source>
        <translation>Take the current content</translation>
    </message>
    <message>
        <source>载入这条记录现在的版本，他人修改过的字段改为当前内容</source>
        <translation>Load the record as it is now; fields changed by others take their current content</translation>
    </message>
    <message>
        <source>读取记录时出错。</source>
        <translation>Reading the record failed.</translation>
    </message>
    <message>
        <source>{message} 请关闭此窗口后重试。</source>
        <translation>{message} Close this window and try again.</translation>
    </message>
    <message>
        <source>{refusal}：本窗口只能查看，不能保存。</source>
        <translation>{refusal}: this window is read-only.</translation>
    </message>
    <message>
        <source>附件</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>请填写{label}</source>
        <translation>{label} is required</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>正在载入当前内容…</source>
        <translation>Loading the current content…</translation>
    </message>
    <message>
        <source>记录已被他人修改：请先重新载入，再保存</source>
        <translation>Someone else changed the record: reload it before saving</translation>
    </message>
    <message>
        <source>没有修改权限</source>
        <translation>No permission to change</translation>
    </message>
    <message>
        <source>还需填写或改正：{names}</source>
        <translation>Still to fill in or correct: {names}</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>没有修改</source>
        <translation>No changes</translation>
    </message>
    <message>
        <source>按 Ctrl+S 保存</source>
        <translation>Ctrl+S saves</translation>
    </message>
    <message>
        <source>未保存：{reason}。</source>
        <translation>Not saved: {reason}.</translation>
    </message>
    <message>
        <source>未保存：{reason}</source>
        <translation>Not saved: {reason}</translation>
    </message>
    <message>
        <source>未保存（{kind}）：{reason}</source>
        <translation>Not saved ({kind}): {reason}</translation>
    </message>
    <message>
        <source>未保存：这条{kind}在您打开之后已被修改（在其他窗口或由同步带来）。下表是您填写的内容和记录现在的内容。请选择重新载入后再保存；不会覆盖他人的修改。</source>
        <translation>Not saved: this {kind} was changed after you opened it (in another window or by a sync). The table shows what you typed and what the record holds now. Reload before saving; others&apos; changes are never overwritten.</translation>
    </message>
    <message>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>已载入记录的当前内容。</source>
        <translation>The record&apos;s current content is loaded. </translation>
    </message>
    <message>
        <source>他人修改过的字段已改为当前内容，您的其他修改仍在表中。</source>
        <translation>Fields changed by others now show the current content; your other changes are still in the form. </translation>
    </message>
    <message>
        <source>表中仍是您填写的内容，</source>
        <translation>The form still holds what you typed; </translation>
    </message>
    <message>
        <source>确认无误后按 Ctrl+S 保存。</source>
        <translation>check it and press Ctrl+S to save.</translation>
    </message>
    <message>
        <source>有一份未保存完的草稿（{when}）。恢复后可继续填写。</source>
        <translation>There is an unsaved draft ({when}). Restore it to carry on.</translation>
    </message>
    <message>
        <source>恢复草稿</source>
        <translation>Restore draft</translation>
    </message>
    <message>
        <source>放弃</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>草稿已自动保存（{time}）</source>
        <translation>Draft saved automatically ({time})</translation>
    </message>
    <message>
        <source>关闭{title}</source>
        <translation>Close: {title}</translation>
    </message>
    <message>
        <source>这份记录有尚未保存的修改。</source>
        <translation>This record has unsaved changes.</translation>
    </message>
    <message>
        <source>保存草稿后，下次打开时可以恢复继续填写。</source>
        <translation>Save a draft to carry on the next time you open it.</translation>
    </message>
    <message>
        <source>保存草稿并关闭</source>
        <translation>Save draft and close</translation>
    </message>
    <message>
        <source>放弃修改</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <source>继续编辑</source>
        <translation>Keep editing</translation>
    </message>
</context>
<context>
    <name>RecordLists</name>
    <message>
        <source>（未知用户）</source>
        <translation>(unknown user)</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>时段</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>巡视区域</source>
        <translation>Areas patrolled</translation>
    </message>
    <message>
        <source>方式</source>
        <translation>Methods</translation>
    </message>
    <message>
        <source>发现问题数</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>检察人员</source>
        <translation>Procuratorial staff</translation>
    </message>
    <message>
        <source>搜索巡视区域、检察人员、发现的问题…</source>
        <translation>Search areas, staff, findings…</translation>
    </message>
    <message>
        <source>巡视检察</source>
        <translation>Patrol inspection</translation>
    </message>
    <message>
        <source>监区、监室、禁闭室、医疗室等场所的巡视检察记录</source>
        <translation>Patrol inspections of blocks, cells, confinement rooms, the clinic and other places</translation>
    </message>
    <message>
        <source>次</source>
        <translation>records</translation>
    </message>
    <message>
        <source>在押人员</source>
        <translation>Detainees</translation>
    </message>
    <message>
        <source>监室</source>
        <translation>Cell</translation>
    </message>
    <message>
        <source>谈话类型</source>
        <translation>Talk type</translation>
    </message>
    <message>
        <source>谈话人</source>
        <translation>Interviewers</translation>
    </message>
    <message>
        <source>是否反映问题</source>
        <translation>Issues raised</translation>
    </message>
    <message>
        <source>反映问题摘要</source>
        <translation>Issues raised (summary)</translation>
    </message>
    <message>
        <source>搜索在押人员、监室、谈话人、反映的问题…</source>
        <translation>Search detainees, cells, interviewers, issues…</translation>
    </message>
    <message>
        <source>谈话日期</source>
        <translation>Talk date</translation>
    </message>
    <message>
        <source>个别谈话</source>
        <translation>Individual talks</translation>
    </message>
    <message>
        <source>与在押人员个别谈话的记录</source>
        <translation>Records of individual talks with detainees</translation>
    </message>
    <message>
        <source>开启日期</source>
        <translation>Opened on</translation>
    </message>
    <message>
        <source>信箱位置</source>
        <translation>Mailbox location</translation>
    </message>
    <message>
        <source>开启人</source>
        <translation>Opened by</translation>
    </message>
    <message>
        <source>信件数</source>
        <translation>Letters</translation>
    </message>
    <message>
        <source>有价值线索</source>
        <translation>Valuable leads</translation>
    </message>
    <message>
        <source>线索摘要</source>
        <translation>Leads (summary)</translation>
    </message>
    <message>
        <source>搜索信箱位置、开启人、线索、来信事由…</source>
        <translation>Search locations, openers, leads, letter subjects…</translation>
    </message>
    <message>
        <source>情况</source>
        <translation>Situation</translation>
    </message>
    <message>
        <source>有来信</source>
        <translation>With letters</translation>
    </message>
    <message>
        <source>无来信</source>
        <translation>No letters</translation>
    </message>
    <message>
        <source>有来信待办理</source>
        <translation>Letters to handle</translation>
    </message>
    <message>
        <source>检察官信箱</source>
        <translation>Procurator&apos;s mailbox</translation>
    </message>
    <message>
        <source>检察官信箱的开启记录</source>
        <translation>Openings of the procurator&apos;s mailbox</translation>
    </message>
    <message>
        <source>口头纠正</source>
        <translation>Oral correction</translation>
    </message>
    <message>
        <source>纠正违法通知书</source>
        <translation>Notice</translation>
    </message>
    <message>
        <source>检察建议书</source>
        <translation>Suggestion</translation>
    </message>
    <message>
        <source>逾期 {n} 天</source>
        <translation>{n} d overdue</translation>
    </message>
    <message>
        <source>今天到期</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>{n} 天</source>
        <translation>{n} d</translation>
    </message>
    <message>
        <source>文号</source>
        <translation>Document no.</translation>
    </message>
    <message>
        <source>（未编号）</source>
        <translation>(no number)</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>对象</source>
        <translation>Concerning</translation>
    </message>
    <message>
        <source>事由</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>签发日期</source>
        <translation>Signed on</translation>
    </message>
    <message>
        <source>回复期限</source>
        <translation>Reply due</translation>
    </message>
    <message>
        <source>剩余天数</source>
        <translation>Days left</translation>
    </message>
    <message>
        <source>搜索文号、对象、事由…</source>
        <translation>Search numbers, addressees, subjects…</translation>
    </message>
    <message>
        <source>待回复</source>
        <translation>Awaiting reply</translation>
    </message>
    <message>
        <source>纠正与建议</source>
        <translation>Corrections</translation>
    </message>
    <message>
        <source>口头纠正意见、纠正违法通知书、检察建议书及其送达、回复和整改情况</source>
        <translation>Oral corrections, rectification notices and procuratorial suggestions, with their service, replies and rectification</translation>
    </message>
    <message>
        <source>份</source>
        <translation>documents</translation>
    </message>
    <message>
        <source>已出所 {date}</source>
        <translation>Discharged {date}</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>入所日期</source>
        <translation>Admitted on</translation>
    </message>
    <message>
        <source>诉讼阶段</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>羁押期限届满日</source>
        <translation>Custody expires</translation>
    </message>
    <message>
        <source>涉嫌罪名</source>
        <translation>Charges</translation>
    </message>
    <message>
        <source>办案机关</source>
        <translation>Case authority</translation>
    </message>
    <message>
        <source>搜索姓名、身份证号或监室…</source>
        <translation>Search name, ID number or cell…</translation>
    </message>
    <message>
        <source>在押</source>
        <translation>In custody</translation>
    </message>
    <message>
        <source>已出所</source>
        <translation>Discharged</translation>
    </message>
    <message>
        <source>目前在所的在押人员；已出所人员在状态“已出所”或“全部”中</source>
        <translation>Detainees in the centre now; those discharged are under the status &quot;Discharged&quot; or &quot;All&quot;</translation>
    </message>
    <message>
        <source>人</source>
        <translation>people</translation>
    </message>
</context>
<context>
    <name>RecordsView</name>
    <message>
        <source>正在读取…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <source>先选中一行（Ctrl+P）</source>
        <translation>Select a row first (Ctrl+P)</translation>
    </message>
    <message>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>把列表显示的行（按当前筛选和排序）导出为 Excel 文件（Ctrl+E）</source>
        <translation>Export the rows the list shows (with the current filter and order) to an Excel file (Ctrl+E)</translation>
    </message>
    <message>
        <source>搜索…</source>
        <translation>Search…</translation>
    </message>
    <message>
        <source>输入即筛选（Ctrl+F）；Esc 清除</source>
        <translation>Filters as you type (Ctrl+F); Esc clears</translation>
    </message>
    <message>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <source>清除筛选</source>
        <translation>Clear filter</translation>
    </message>
    <message>
        <source>正在查找…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <source>没有符合条件的记录</source>
        <translation>No matching records</translation>
    </message>
    <message>
        <source>暂无记录</source>
        <translation>No records yet</translation>
    </message>
    <message>
        <source>共 {n} {unit}</source>
        <translation>{n} {unit}</translation>
    </message>
    <message>
        <source>读取失败，按 F5 重试</source>
        <translation>Reading failed; press F5 to retry</translation>
    </message>
    <message>
        <source>导出为 Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>正在导出到 {file}…</source>
        <translation>Exporting to {file}…</translation>
    </message>
    <message>
        <source>已导出 {n} 行到 {path}</source>
        <translation>Exported {n} rows to {path}</translation>
    </message>
    <message>
        <source>导出失败：{reason}</source>
        <translation>Export failed: {reason}</translation>
    </message>
</context>
<context>
    <name>RecoverKeyDialog</name>
    <message>
        <source>驻所检察 — 找回数据库密钥</source>
        <translation>Inspector — Recover the database key</translation>
    </message>
    <message>
        <source>系统密钥环中没有本机数据库的密钥</source>
        <translation>The OS keyring holds no key for this laptop&apos;s database</translation>
    </message>
    <message>
        <source>建立数据库时显示过一个恢复码（8 组，每组 4 个字母或数字）。输入它即可找回密钥，把密钥放回本机的系统密钥环，然后照常登录。</source>
        <translation>A recovery code (8 groups of 4 letters or digits) was shown when the database was set up. Enter it to recover the key and put it back in this laptop&apos;s OS keyring, then sign in as usual.</translation>
    </message>
    <message>
        <source>恢复码：</source>
        <translation>Recovery code:</translation>
    </message>
    <message>
        <source>大小写、空格和连字符均可</source>
        <translation>Upper or lower case, spaces and hyphens are all fine</translation>
    </message>
    <message>
        <source>找回密钥并继续</source>
        <translation>Recover key and continue</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>请输入恢复码</source>
        <translation>Enter the recovery code</translation>
    </message>
    <message>
        <source>恢复码不正确，请核对后重新输入</source>
        <translation>The recovery code is wrong; check it and enter it again</translation>
    </message>
</context>
<context>
    <name>RecoveryCodeDialog</name>
    <message>
        <source>驻所检察 — 数据库恢复码</source>
        <translation>Inspector — Database recovery code</translation>
    </message>
    <message>
        <source>请抄下数据库恢复码</source>
        <translation>Write down the database recovery code</translation>
    </message>
    <message>
        <source>数据库的密钥保存在本机的系统密钥环中。密钥环中的密钥一旦丢失（重装系统、更换用户账户），只有用这个恢复码才能找回密钥，打开尚未同步到办公室的记录。</source>
        <translation>The database key is kept in this laptop&apos;s OS keyring. If the key is ever lost from the keyring (a reinstalled system, a new user account), only this recovery code can bring it back and open the records not yet synced to the office.</translation>
    </message>
    <message>
        <source>恢复码只显示这一次，本程序不会保存它。请抄在纸上，与电脑分开、妥善保管。</source>
        <translation>The recovery code is shown only this once and the program does not keep it. Write it on paper and keep it safe, apart from the laptop.</translation>
    </message>
    <message>
        <source>复制</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>把恢复码复制到剪贴板</source>
        <translation>Copy the recovery code to the clipboard</translation>
    </message>
    <message>
        <source>我已抄写并妥善保管恢复码</source>
        <translation>I have written down the recovery code and will keep it safe</translation>
    </message>
    <message>
        <source>继续</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>已复制；粘贴保存后请清除剪贴板</source>
        <translation>Copied; clear the clipboard once you have pasted it somewhere safe</translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <source>日志与报表</source>
        <translation>Logs and reports</translation>
    </message>
    <message>
        <source>派驻检察工作日志和月度工作情况报告</source>
        <translation>Daily work logs and monthly work reports</translation>
    </message>
    <message>
        <source>工作日志</source>
        <translation>Daily logs</translation>
    </message>
    <message>
        <source>最近一篇工作日志</source>
        <translation>Latest daily log</translation>
    </message>
    <message>
        <source>月度报告</source>
        <translation>Monthly reports</translation>
    </message>
    <message>
        <source>已保存的月度工作情况报告</source>
        <translation>Monthly work reports saved</translation>
    </message>
    <message>
        <source>预览、打印和另存为 PDF</source>
        <translation>Preview, print and save as PDF</translation>
    </message>
    <message>
        <source>预览工作日志…</source>
        <translation>Preview daily log…</translation>
    </message>
    <message>
        <source>yyyy年M月</source>
        <translation>MMMM yyyy</translation>
    </message>
    <message>
        <source>预览月度报告…</source>
        <translation>Preview monthly report…</translation>
    </message>
    <message>
        <source>编写日志…</source>
        <translation>Write log…</translation>
    </message>
    <message>
        <source>当天的日志：按当天的记录预先填好，修改后保存</source>
        <translation>The day&apos;s log, prefilled from the day&apos;s records: change it, then save</translation>
    </message>
    <message>
        <source>确认日志</source>
        <translation>Confirm log</translation>
    </message>
    <message>
        <source>确认后，日志中的统计数字以确认时为准</source>
        <translation>Once confirmed, the log&apos;s figures stay as they were then</translation>
    </message>
    <message>
        <source>编写月报…</source>
        <translation>Write report…</translation>
    </message>
    <message>
        <source>提交审核</source>
        <translation>Submit for approval</translation>
    </message>
    <message>
        <source>提交后，月报中的统计数字冻结</source>
        <translation>Once submitted, the report&apos;s figures are frozen</translation>
    </message>
    <message>
        <source>审批月报</source>
        <translation>Approve report</translation>
    </message>
    <message>
        <source>派驻检察工作日志</source>
        <translation>Daily work log</translation>
    </message>
    <message>
        <source>按当天登记的巡视、谈话、信箱、纠正等记录汇总；已确认的日志以确认时的数字为准</source>
        <translation>Summed from the day&apos;s patrols, talks, mailbox, corrections and other records; a confirmed log keeps its figures</translation>
    </message>
    <message>
        <source>月度工作情况报告</source>
        <translation>Monthly work report</translation>
    </message>
    <message>
        <source>按当月记录统计；已报送的报告打印报送时冻结的数字</source>
        <translation>Counted from the month&apos;s records; a submitted report prints the figures frozen then</translation>
    </message>
    <message>
        <source>值班与在岗…</source>
        <translation>Duty roster…</translation>
    </message>
    <message>
        <source>按月安排在岗、值班、请假、外出，登记每日签到；打印值班表或导出 Excel</source>
        <translation>Plan on site, on duty, leave and away by month, record daily sign-ins; print the roster or export to Excel</translation>
    </message>
    <message>
        <source>值班与在岗</source>
        <translation>Duty roster</translation>
    </message>
    <message>
        <source>工作日在岗人数、法定节假日值班和每人每月在岗天数；人数不足的日子在工作台提示</source>
        <translation>Staff on site on working days, duty on statutory holidays and days on site per person; short days show on the Dashboard</translation>
    </message>
    <message>
        <source>导出全部台账（xlsx）…</source>
        <translation>Export all ledgers (xlsx)…</translation>
    </message>
    <message>
        <source>写成一个 xlsx 文件，可在 Excel 或 WPS 中查看和筛选</source>
        <translation>Written as one xlsx file, to read and filter in Excel or WPS</translation>
    </message>
    <message>
        <source>每类台账一个工作表；以 = + - @ 开头的文字按文本保存，不会被当作公式执行</source>
        <translation>One sheet per ledger; a text starting with = + - @ is stored as text and never run as a formula</translation>
    </message>
    <message>
        <source>台账导出</source>
        <translation>Ledger export</translation>
    </message>
    <message>
        <source>待检察官审批</source>
        <translation>Awaiting a procurator&apos;s approval</translation>
    </message>
    <message>
        <source>全部台账-{d}</source>
        <translation>All ledgers-{d}</translation>
    </message>
    <message>
        <source>导出全部台账</source>
        <translation>Export all ledgers</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>正在导出全部台账到 {file}…</source>
        <translation>Exporting all ledgers to {file}…</translation>
    </message>
    <message>
        <source>已导出 {sheets} 类台账、共 {n} 行到 {path}</source>
        <translation>Exported {sheets} ledgers, {n} rows in all, to {path}</translation>
    </message>
    <message>
        <source>导出失败：{reason}</source>
        <translation>Export failed: {reason}</translation>
    </message>
    <message>
        <source>{d} 的工作日志已确认</source>
        <translation>Daily log of {d} confirmed</translation>
    </message>
    <message>
        <source>{y}年{m}月的月报已提交审核，统计数字已冻结</source>
        <translation>Report for {y}-{m} submitted for approval; its figures are frozen</translation>
    </message>
    <message>
        <source>{y}年{m}月的月报已审批</source>
        <translation>Report for {y}-{m} approved</translation>
    </message>
    <message>
        <source>其中已确认 {n} 篇</source>
        <translation>{n} confirmed</translation>
    </message>
    <message>
        <source>还没有工作日志</source>
        <translation>No daily logs yet</translation>
    </message>
    <message>
        <source>日志日期</source>
        <translation>Log date</translation>
    </message>
</context>
<context>
    <name>RestoreConfirmDialog</name>
    <message>
        <source>从备份恢复</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <source>用这个备份替换本机数据库？</source>
        <translation>Replace this laptop&apos;s database with this backup?</translation>
    </message>
    <message>
        <source>（备份中未记录）</source>
        <translation>(not recorded in the backup)</translation>
    </message>
    <message>
        <source>{name}（{code}）</source>
        <translation>{name} ({code})</translation>
    </message>
    <message>
        <source>{revision}（程序版本 {app}）</source>
        <translation>{revision} (program version {app})</translation>
    </message>
    <message>
        <source>文件：</source>
        <translation>File:</translation>
    </message>
    <message>
        <source>检察室：</source>
        <translation>Station:</translation>
    </message>
    <message>
        <source>备份时间：</source>
        <translation>Made at:</translation>
    </message>
    <message>
        <source>数据库版本：</source>
        <translation>Database version:</translation>
    </message>
    <message>
        <source>本机当前的数据库将被这个备份替换。当前数据库不会删除，而是移到数据目录的 backups/replaced-&lt;时间&gt; 文件夹中保留。恢复后程序回到登录窗口，请重新登录。</source>
        <translation>This laptop&apos;s current database will be replaced by this backup. It is not deleted but moved to the data folder&apos;s backups/replaced-&lt;time&gt; folder. After the restore the program returns to the sign-in window; sign in again.</translation>
    </message>
    <message>
        <source>这不是本机数据库的备份：只有它的密钥在本机的系统密钥环中（或可用口令打开）时才能恢复。</source>
        <translation>This is not a backup of this laptop&apos;s database: it can be restored only if its key is in this laptop&apos;s OS keyring (or it opens with a passphrase).</translation>
    </message>
    <message>
        <source>确认用这个备份替换本机当前的数据库</source>
        <translation>Yes, replace this laptop&apos;s current database with this backup</translation>
    </message>
    <message>
        <source>本机有 {n} 项修改尚未同步到办公室：恢复后它们不在数据库中，只留在移开保存的原数据库里。如能联网，请先取消并同步。</source>
        <translation>{n} change(s) on this laptop have not been synced to the office: after the restore they are not in the database, only in the old database kept aside. If you can get online, cancel and sync first.</translation>
    </message>
    <message>
        <source>我知道这 {n} 项未同步的修改将会丢失</source>
        <translation>I understand that these {n} unsynced change(s) will be lost</translation>
    </message>
    <message>
        <source>恢复</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>RestoreProgressDialog</name>
    <message>
        <source>驻所检察 — 从备份恢复</source>
        <translation>Inspector — Restore from backup</translation>
    </message>
    <message>
        <source>正在从备份恢复</source>
        <translation>Restoring from backup</translation>
    </message>
    <message>
        <source>正在检查并放回备份：{path}</source>
        <translation>Checking and putting back the backup: {path}</translation>
    </message>
    <message>
        <source>重新登录</source>
        <translation>Sign in again</translation>
    </message>
    <message>
        <source>已从 {when} 的备份恢复本机数据库。</source>
        <translation>This laptop&apos;s database was restored from the backup made at {when}.</translation>
    </message>
    <message>
        <source>原数据库保留在：{path}</source>
        <translation>The database it replaced is kept in: {path}</translation>
    </message>
    <message>
        <source>备份之后已同步到办公室的修改，下次同步时会从办公室取回。</source>
        <translation>Changes made after the backup that reached the office come back at the next sync.</translation>
    </message>
    <message>
        <source>恢复完成</source>
        <translation>Restore complete</translation>
    </message>
    <message>
        <source>未能恢复</source>
        <translation>Restore failed</translation>
    </message>
</context>
<context>
    <name>ReviewLinks</name>
    <message>
        <source>台账审查 {n} 份待确认</source>
        <translation>Ledger review: {n} to confirm</translation>
    </message>
    <message>
        <source>台账审查</source>
        <translation>Ledger review</translation>
    </message>
    <message>
        <source>监督线索</source>
        <translation>Supervision leads</translation>
    </message>
    <message>
        <source>监督线索 {n} 条待办</source>
        <translation>Supervision leads: {n} open</translation>
    </message>
    <message>
        <source>每日导入看守所台账并核对；按规则发现的监督线索</source>
        <translation>Import and check the centre&apos;s ledgers every day; supervision leads found by the rules</translation>
    </message>
</context>
<context>
    <name>RosterImportDialog</name>
    <message>
        <source>新增</source>
        <translation>New</translation>
    </message>
    <message>
        <source>更新</source>
        <translation>Update</translation>
    </message>
    <message>
        <source>跳过</source>
        <translation>Skip</translation>
    </message>
    <message>
        <source>无法导入</source>
        <translation>Cannot import</translation>
    </message>
    <message>
        <source>行号</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>处理</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>将更新：{fields}</source>
        <translation>Will update: {fields}</translation>
    </message>
    <message>
        <source>导入名册</source>
        <translation>Import register</translation>
    </message>
    <message>
        <source>上一步</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>从 Excel 工作簿（.xlsx，可选择工作表）或 CSV 文件（UTF-8、GBK 或 GB18030 编码，自动识别）导入在押人员名册。文件的第一行应为列名。

导入前会逐行检查（身份证号校验位、日期、选项）并显示预览；已在册的人员按身份证号识别，可以选择跳过或更新。确认后一次写入：要么全部导入，要么不改动名册。</source>
        <translation>Import the register of detainees from an Excel workbook (.xlsx, the sheet can be chosen) or a CSV file (UTF-8, GBK or GB18030, detected). The file&apos;s first row must hold the column names.

Before anything is imported every row is checked (ID number check digit, dates, choices) and shown in a preview; people already on the register are recognised by their ID number and can be skipped or updated. Once confirmed, the import is written in one go: all of it, or the register is left unchanged.</translation>
    </message>
    <message>
        <source>名册可以包含这些列（带 * 的为必填项；性别可由身份证号得出）：{fields}。
列名不必完全相同，下一步可以逐列指定；名册中没有的必填项，可以给所有行填同一个值。</source>
        <translation>The register may hold these columns (* required; the gender can come from the ID number): {fields}.
Column names need not match exactly: the next step lets you choose for each column; a required field the file lacks can be given one value for every row.</translation>
    </message>
    <message>
        <source>工作表：</source>
        <translation>Sheet:</translation>
    </message>
    <message>
        <source>为文件中的每一列选择它对应的名册字段；不需要的列选“不导入”。带 * 的字段为必填项。</source>
        <translation>Choose the register field each column of the file fills; choose “Do not import” for columns you do not need. Fields marked * are required.</translation>
    </message>
    <message>
        <source>（请选择）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <source>例如 2026-03-01</source>
        <translation>e.g. 2026-03-01</translation>
    </message>
    <message>
        <source>{field}（所有行）</source>
        <translation>{field} (every row)</translation>
    </message>
    <message>
        <source>已在册的人员（身份证号相同）：</source>
        <translation>People already on the register (same ID number):</translation>
    </message>
    <message>
        <source>更新为名册中的内容</source>
        <translation>Update from the file</translation>
    </message>
    <message>
        <source>只显示无法导入的行</source>
        <translation>Only rows that cannot be imported</translation>
    </message>
    <message>
        <source>导入在一个事务中完成：完成之前名册不会改动，取消后也不会留下任何一条。</source>
        <translation>The import is one transaction: the register does not change until it is finished, and a cancel leaves nothing behind.</translation>
    </message>
    <message>
        <source>保存报告…</source>
        <translation>Save report…</translation>
    </message>
    <message>
        <source>每一行的处理结果和原因，保存为 CSV 文件（可用 Excel 打开）</source>
        <translation>Every row&apos;s outcome and reason, saved as a CSV file (opens in Excel)</translation>
    </message>
    <message>
        <source>选择文件</source>
        <translation>Choose file</translation>
    </message>
    <message>
        <source>列对应</source>
        <translation>Columns</translation>
    </message>
    <message>
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>文件中的列对应名册的哪个字段</source>
        <translation>Which register field each column of the file fills</translation>
    </message>
    <message>
        <source>预览：每一行将如何处理</source>
        <translation>Preview: what happens to each row</translation>
    </message>
    <message>
        <source>正在导入</source>
        <translation>Importing</translation>
    </message>
    <message>
        <source>导入结果</source>
        <translation>Import result</translation>
    </message>
    <message>
        <source>取消导入</source>
        <translation>Cancel import</translation>
    </message>
    <message>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>正在写入 {done} / {total} 人…</source>
        <translation>Writing {done} / {total} people…</translation>
    </message>
    <message>
        <source>选择名册文件</source>
        <translation>Choose the register file</translation>
    </message>
    <message>
        <source>名册 (*.xlsx *.csv);;Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv);;所有文件 (*)</source>
        <translation>Registers (*.xlsx *.csv);;Excel workbooks (*.xlsx);;CSV files (*.csv);;All files (*)</translation>
    </message>
    <message>
        <source>正在读取 {name}…</source>
        <translation>Reading {name}…</translation>
    </message>
    <message>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>{name}（{source}），共 {n} 行</source>
        <translation>{name} ({source}), {n} rows</translation>
    </message>
    <message>
        <source>文件中的列</source>
        <translation>Column in the file</translation>
    </message>
    <message>
        <source>导入为</source>
        <translation>Import as</translation>
    </message>
    <message>
        <source>不导入</source>
        <translation>Do not import</translation>
    </message>
    <message>
        <source>文件中没有这些必填字段的列：{fields}。请为它们选择一列，或在下面给出所有行共用的值。</source>
        <translation>The file has no column for these required fields: {fields}. Choose a column for them, or give one value for every row below.</translation>
    </message>
    <message>
        <source>正在逐行检查…</source>
        <translation>Checking every row…</translation>
    </message>
    <message>
        <source>共 {n} 行：</source>
        <translation>{n} rows:</translation>
    </message>
    <message>
        <source>只显示无法导入的行（{n}）</source>
        <translation>Only rows that cannot be imported ({n})</translation>
    </message>
    <message>
        <source>有 {n} 行无法导入，原因见上表。可以修改名册后按“上一步”重新选择文件；或者只导入有效的行。</source>
        <translation>{n} rows cannot be imported; the table above says why. Correct the file and choose it again with “Back”, or import only the valid rows.</translation>
    </message>
    <message>
        <source>只导入有效的行（这 {n} 行不导入，在报告中列出）</source>
        <translation>Import only the valid rows (these {n} rows are left out and listed in the report)</translation>
    </message>
    <message>
        <source>没有需要新增或更新的人员</source>
        <translation>Nobody to add or update</translation>
    </message>
    <message>
        <source>有无法导入的行：修改名册后重试，或勾选“只导入有效的行”</source>
        <translation>Some rows cannot be imported: correct the file and try again, or tick “Import only the valid rows”</translation>
    </message>
    <message>
        <source>新增 {new} 人，更新 {update} 人</source>
        <translation>{new} new, {update} updated</translation>
    </message>
    <message>
        <source>名册已导入：新增 {new} 人，更新 {update} 人，跳过 {skip} 行，未导入 {rejected} 行。</source>
        <translation>Register imported: {new} new, {update} updated, {skip} rows skipped, {rejected} rows not imported.</translation>
    </message>
    <message>
        <source>已取消导入，名册未作任何改动。可以按“上一步”回到预览重新导入。</source>
        <translation>Import cancelled: the register is unchanged. “Back” returns to the preview to import again.</translation>
    </message>
    <message>
        <source>第 {line} 行 {name}：{reasons}</source>
        <translation>Row {line} {name}: {reasons}</translation>
    </message>
    <message>
        <source>（无姓名）</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <source>没有导入的行（{n}）及原因：</source>
        <translation>Rows not imported ({n}) and why:</translation>
    </message>
    <message>
        <source>所有行都已检查通过。</source>
        <translation>Every row passed the checks.</translation>
    </message>
    <message>
        <source>{stem}-导入报告.csv</source>
        <translation>{stem}-import-report.csv</translation>
    </message>
    <message>
        <source>保存导入报告</source>
        <translation>Save the import report</translation>
    </message>
    <message>
        <source>CSV 文件 (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>报告已保存到 {path}</source>
        <translation>Report saved to {path}</translation>
    </message>
</context>
<context>
    <name>SettingEditor</name>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>{a}至{b}之间的整数</source>
        <translation>A whole number from {a} to {b}</translation>
    </message>
    <message>
        <source>多项用顿号“、”分隔</source>
        <translation>Separate items with 、 or commas</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>检察室设置：保存后下次同步时发往办公室，本检察室的其他电脑随之更新</source>
        <translation>Station settings: saved settings go to the office at the next sync, and the station&apos;s other computers follow</translation>
    </message>
    <message>
        <source>本机</source>
        <translation>This computer</translation>
    </message>
    <message>
        <source>界面语言：</source>
        <translation>Language:</translation>
    </message>
    <message>
        <source>只用于这台电脑，下次登录时生效</source>
        <translation>For this computer only; applies from the next sign-in</translation>
    </message>
    <message>
        <source>查找设置项（名称、说明或键名）</source>
        <translation>Find a setting (name, explanation or key)</translation>
    </message>
    <message>
        <source>全部分组</source>
        <translation>All groups</translation>
    </message>
    <message>
        <source>分组</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>设置项</source>
        <translation>Setting</translation>
    </message>
    <message>
        <source>当前值</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>默认值</source>
        <translation>Default</translation>
    </message>
    <message>
        <source>已修改</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>请在左侧选择一个设置项</source>
        <translation>Choose a setting on the left</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>恢复默认</source>
        <translation>Reset to default</translation>
    </message>
    <message>
        <source>删除本检察室对该项的设置，改用默认值</source>
        <translation>Remove the station&apos;s own value and use the default</translation>
    </message>
    <message>
        <source>共 {n} 项，已修改 {k} 项</source>
        <translation>{n} settings, {k} changed</translation>
    </message>
    <message>
        <source>显示 {m} / {n} 项</source>
        <translation>{m} of {n} shown</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>{label}（{key}）</source>
        <translation>{label} ({key})</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>不顺延：{items}</source>
        <translation>Not extended: {items}</translation>
    </message>
    <message>
        <source>全部顺延</source>
        <translation>All extended</translation>
    </message>
    <message>
        <source>已选择；下次登录时生效（切换用户或重新打开程序）</source>
        <translation>Chosen; applies from the next sign-in (switch user or restart the program)</translation>
    </message>
    <message>
        <source>默认值：{v}</source>
        <translation>Default: {v}</translation>
    </message>
    <message>
        <source>已恢复默认值；下次同步时发往办公室</source>
        <translation>Default restored; goes to the office at the next sync</translation>
    </message>
    <message>
        <source>已保存；下次同步时发往办公室</source>
        <translation>Saved; goes to the office at the next sync</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>本检察室的简短代码，如 QXG（与办公室数据库中的代码一致）</source>
        <translation>The station&apos;s short code, e.g. QXG (as in the office database)</translation>
    </message>
    <message>
        <source>如 七星关区人民检察院驻七星关区看守所检察室</source>
        <translation>The station&apos;s official name, as on its documents</translation>
    </message>
    <message>
        <source>选填；检察建议书抄送、逐级上报时使用</source>
        <translation>Optional; used when suggestions are copied or reported upward</translation>
    </message>
    <message>
        <source>文书文号中的院代字，如“七”</source>
        <translation>The one-character procuratorate code in document numbers</translation>
    </message>
    <message>
        <source>登录本程序时输入</source>
        <translation>Typed when signing in</translation>
    </message>
    <message>
        <source>状态栏、文书中显示的姓名</source>
        <translation>The name shown in the status bar and in documents</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>至少{n}个字符</source>
        <translation>At least {n} characters</translation>
    </message>
    <message>
        <source>确认密码</source>
        <translation>Confirm password</translation>
    </message>
    <message>
        <source>放弃设置</source>
        <translation>Discard set-up</translation>
    </message>
    <message>
        <source>已填写的内容将不会保存，也不会建立数据库。确定放弃吗？</source>
        <translation>What you typed will not be kept and no database will be made. Discard it?</translation>
    </message>
    <message>
        <source>驻所检察 — 建立本检察室的数据库</source>
        <translation>Inspector — set up the station&apos;s database</translation>
    </message>
    <message>
        <source>欢迎使用驻所检察</source>
        <translation>Welcome to Inspector</translation>
    </message>
    <message>
        <source>本机还没有数据库。请填写本检察室和第一位用户的信息，点击“创建”后即可开始使用。
数据将加密保存在：{path}</source>
        <translation>This computer has no database yet. Fill in the station and its first user, then click &quot;Create&quot; to begin.
The data is kept encrypted in: {path}</translation>
    </message>
    <message>
        <source>带 &lt;span style=&quot;color:{red}&quot;&gt;*&lt;/span&gt; 的为必填项</source>
        <translation>Fields marked &lt;span style=&quot;color:{red}&quot;&gt;*&lt;/span&gt; are required</translation>
    </message>
    <message>
        <source>检察室</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>第一位用户</source>
        <translation>First user</translation>
    </message>
    <message>
        <source>创建</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>密码为必填项</source>
        <translation>A password is required</translation>
    </message>
    <message>
        <source>密码至少需要{n}个字符</source>
        <translation>The password needs at least {n} characters</translation>
    </message>
    <message>
        <source>请再输入一次密码</source>
        <translation>Type the password again</translation>
    </message>
    <message>
        <source>两次输入的密码不一致</source>
        <translation>The two passwords differ</translation>
    </message>
    <message>
        <source>数据库口令至少需要{n}个字符：请再点击“创建”，输入更长的口令</source>
        <translation>The database passphrase needs at least {n} characters: click &quot;Create&quot; again and choose a longer one</translation>
    </message>
    <message>
        <source>正在建立数据库…</source>
        <translation>Setting up the database…</translation>
    </message>
    <message>
        <source>请抄下恢复码</source>
        <translation>Write down the recovery code</translation>
    </message>
</context>
<context>
    <name>SignInWindow</name>
    <message>
        <source>驻所检察 — 登录</source>
        <translation>Inspector — sign in</translation>
    </message>
    <message>
        <source>驻所检察</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <source>正在打开数据库…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>数据库口令</source>
        <translation>Database passphrase</translation>
    </message>
    <message>
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>本机没有系统密钥环：请先输入数据库口令</source>
        <translation>This computer has no system keyring: enter the database passphrase first</translation>
    </message>
    <message>
        <source>界面语言（本机）</source>
        <translation>Language of this computer</translation>
    </message>
    <message>
        <source>演示数据：演示账户 wang，密码 {password}</source>
        <translation>Demo data: account wang, password {password}</translation>
    </message>
    <message>
        <source>本机没有可登录的用户：请管理员在本机设置用户和密码</source>
        <translation>No user can sign in on this computer: an administrator must set up a user and password here</translation>
    </message>
    <message>
        <source>无法打开数据库</source>
        <translation>Cannot open the database</translation>
    </message>
    <message>
        <source>正在打开数据库，打开后即登录…</source>
        <translation>Opening the database; you will be signed in once it is open…</translation>
    </message>
    <message>
        <source>请输入数据库口令</source>
        <translation>Enter the database passphrase</translation>
    </message>
    <message>
        <source>请选择或输入用户</source>
        <translation>Choose or type a user</translation>
    </message>
    <message>
        <source>请输入密码</source>
        <translation>Enter the password</translation>
    </message>
    <message>
        <source>正在验证…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>数据库口令不正确，无法解密数据库</source>
        <translation>Wrong database passphrase: the database cannot be decrypted</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <source>当面督促</source>
        <translation>In person</translation>
    </message>
    <message>
        <source>电话督促</source>
        <translation>By telephone</translation>
    </message>
    <message>
        <source>书面督促</source>
        <translation>In writing</translation>
    </message>
    <message>
        <source>批准人（检察长）</source>
        <translation>Approved by (chief procurator)</translation>
    </message>
    <message>
        <source>决定签发的检察长姓名</source>
        <translation>Name of the chief procurator who decided to sign</translation>
    </message>
    <message>
        <source>签发日期</source>
        <translation>Signed on</translation>
    </message>
    <message>
        <source>送达日期</source>
        <translation>Served on</translation>
    </message>
    <message>
        <source>送达方式</source>
        <translation>Service method</translation>
    </message>
    <message>
        <source>签收人</source>
        <translation>Received by</translation>
    </message>
    <message>
        <source>看守所签收人姓名</source>
        <translation>Name of the centre officer who received it</translation>
    </message>
    <message>
        <source>回复日期</source>
        <translation>Replied on</translation>
    </message>
    <message>
        <source>回复内容</source>
        <translation>Reply</translation>
    </message>
    <message>
        <source>看守所书面回复的整改情况</source>
        <translation>The rectification in the centre&apos;s written reply</translation>
    </message>
    <message>
        <source>回复扫描件</source>
        <translation>Scan of the reply</translation>
    </message>
    <message>
        <source>可选：书面回复的扫描件（PDF 或图片）</source>
        <translation>Optional: a scan of the written reply (PDF or image)</translation>
    </message>
    <message>
        <source>整改情况</source>
        <translation>Rectification</translation>
    </message>
    <message>
        <source>核实日期</source>
        <translation>Verified on</translation>
    </message>
    <message>
        <source>核实情况</source>
        <translation>Verification</translation>
    </message>
    <message>
        <source>如何核实：实地查看、调看监控、查阅台账……</source>
        <translation>How it was verified: on-site inspection, CCTV, ledgers …</translation>
    </message>
    <message>
        <source>上报日期</source>
        <translation>Reported on</translation>
    </message>
    <message>
        <source>上报单位</source>
        <translation>Reported to</translation>
    </message>
    <message>
        <source>督促日期</source>
        <translation>Urged on</translation>
    </message>
    <message>
        <source>督促方式</source>
        <translation>How urged</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>申请复查日期</source>
        <translation>Review requested on</translation>
    </message>
    <message>
        <source>维持原纠正意见</source>
        <translation>Uphold the correction</translation>
    </message>
    <message>
        <source>撤回本通知书</source>
        <translation>Withdraw this notice</translation>
    </message>
    <message>
        <source>复查决定</source>
        <translation>Review decision</translation>
    </message>
    <message>
        <source>决定日期</source>
        <translation>Decided on</translation>
    </message>
    <message>
        <source>复查结果</source>
        <translation>Review outcome</translation>
    </message>
    <message>
        <source>复查认定的事实和理由</source>
        <translation>Facts and reasons found on review</translation>
    </message>
    <message>
        <source>纠正违法通知书</source>
        <translation>Rectification notice</translation>
    </message>
    <message>
        <source>检察建议书</source>
        <translation>Procuratorial suggestion</translation>
    </message>
    <message>
        <source>{name}（草稿）</source>
        <translation>{name} (draft)</translation>
    </message>
    <message>
        <source>签发后自动取得文号；只有检察官可以签发。</source>
        <translation>A number is assigned on signing; only a procurator can sign.</translation>
    </message>
    <message>
        <source>登记送达后按回复期限自动计算回复截止日。</source>
        <translation>Once service is recorded, the reply due date follows from the reply period.</translation>
    </message>
    <message>
        <source>撤回后这份文书不再签发，仍保留在列表中（状态：已撤回）。</source>
        <translation>A withdrawn document is never signed and stays in the list (status: Withdrawn).</translation>
    </message>
    <message>
        <source>已整改：文书办结，相关问题记为已解决；部分整改或未整改：可报请上一级人民检察院。</source>
        <translation>Rectified: the document is closed and its findings resolved; partly or not rectified: it may be reported to the higher procuratorate.</translation>
    </message>
    <message>
        <source>无法读取所选文件：{e}。回复未登记。</source>
        <translation>Cannot read the chosen file: {e}. The reply was not recorded.</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <source>inspector enroll --office-url &quot;host=办公室服务器地址 dbname=数据库名&quot; --device 设备登录名</source>
        <translation>inspector enroll --office-url &quot;host=OFFICE-SERVER dbname=DATABASE&quot; --device DEVICE-LOGIN</translation>
    </message>
    <message>
        <source>{where}（设备登录名 {role}）</source>
        <translation>{where} (device login {role})</translation>
    </message>
    <message>
        <source>已取消同步。已经完成的部分都已保存，下次同步会接着进行。</source>
        <translation>Sync cancelled. What was done is kept; the next sync carries on.</translation>
    </message>
    <message>
        <source>无法连接办公室数据库：网络不可达。数据已安全保存在本机，联网后将自动同步。</source>
        <translation>Cannot reach the office database: the network is unreachable. The data is safe on this computer and will sync once online.</translation>
    </message>
    <message>
        <source>办公室数据库拒绝了本机的登录（设备密码不对、本机已被停用，或本机的密钥环中没有设备密码）。数据已安全保存在本机。请联系管理员重新发放注册口令，然后重新注册本机（inspector enroll）。</source>
        <translation>The office database refused this computer&apos;s login (wrong device password, the device was deactivated, or the keyring lacks the device password). The data is safe on this computer. Ask the administrator for a new enrolment secret, then enrol this computer again (inspector enroll).</translation>
    </message>
    <message>
        <source>版本不一致，暂不能同步：{detail}</source>
        <translation>Versions differ, cannot sync yet: {detail}</translation>
    </message>
    <message>
        <source>本机尚未在办公室数据库注册，无法同步。注册方法见本页下方。</source>
        <translation>This computer is not enrolled with the office database, so it cannot sync. How to enrol is below.</translation>
    </message>
    <message>
        <source>已重新上传本机全部 {n} 条记录。</source>
        <translation>All {n} records of this computer uploaded again.</translation>
    </message>
    <message>
        <source>号段 {block} 已被办公室发给其他设备，请管理员核对这些文号。</source>
        <translation>The number block {block} was given to another device by the office: ask the administrator to check these numbers.</translation>
    </message>
    <message>
        <source>同步完成：上传 {up} 条修改，下载 {down} 条记录。</source>
        <translation>Sync done: {up} changes uploaded, {down} records downloaded.</translation>
    </message>
    <message>
        <source>有 {n} 条记录在本机和办公室都修改过，请在下方“冲突”中逐一处理。</source>
        <translation>{n} records were changed both here and at the office: resolve each under &quot;Conflicts&quot; below.</translation>
    </message>
</context>
<context>
    <name>SyncView</name>
    <message>
        <source>自动（优先加密）</source>
        <translation>Automatic (prefer encryption)</translation>
    </message>
    <message>
        <source>必须加密</source>
        <translation>Require encryption</translation>
    </message>
    <message>
        <source>加密并验证服务器证书</source>
        <translation>Encrypt and verify the server&apos;s certificate</translation>
    </message>
    <message>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>本机与办公室数据库之间的数据同步</source>
        <translation>Syncing between this computer and the office database</translation>
    </message>
    <message>
        <source>待同步</source>
        <translation>To sync</translation>
    </message>
    <message>
        <source>本机尚未上传的修改（条）</source>
        <translation>Changes not uploaded yet</translation>
    </message>
    <message>
        <source>上次同步</source>
        <translation>Last sync</translation>
    </message>
    <message>
        <source>与办公室数据库最近一次完整同步的时间</source>
        <translation>The last complete sync with the office database</translation>
    </message>
    <message>
        <source>连接状态</source>
        <translation>Connection</translation>
    </message>
    <message>
        <source>待处理冲突</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>两边都修改过的记录</source>
        <translation>Records changed on both sides</translation>
    </message>
    <message>
        <source>立即同步</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>联网时自动同步（每 10 分钟尝试一次）</source>
        <translation>Sync automatically when online (tried every 10 minutes)</translation>
    </message>
    <message>
        <source>重新上传本机数据…</source>
        <translation>Upload this computer&apos;s data again…</translation>
    </message>
    <message>
        <source>冲突：本机和办公室都修改过的记录</source>
        <translation>Conflicts: records changed here and at the office</translation>
    </message>
    <message>
        <source>没有待处理的冲突。</source>
        <translation>No conflicts to resolve.</translation>
    </message>
    <message>
        <source>处理所选冲突…</source>
        <translation>Resolve the selected conflict…</translation>
    </message>
    <message>
        <source>本机尚未注册到办公室数据库</source>
        <translation>This computer is not enrolled with the office database</translation>
    </message>
    <message>
        <source>同步前，需要由管理员在办公室为本机建立设备登录名和一次性注册口令（inspector office add-device），然后在本机注册。可在下面填写后点“注册本机”，也可以在命令行运行：</source>
        <translation>Before syncing, an administrator makes a device login and a one-time enrolment secret for this computer at the office (inspector office add-device); then this computer is enrolled. Fill in the form below and click &quot;Enrol&quot;, or run on the command line:</translation>
    </message>
    <message>
        <source>例如 host=10.1.2.3 dbname=inspector</source>
        <translation>e.g. host=10.1.2.3 dbname=inspector</translation>
    </message>
    <message>
        <source>管理员给出的设备登录名</source>
        <translation>The device login from the administrator</translation>
    </message>
    <message>
        <source>一次性注册口令（只用一次，不会保存）</source>
        <translation>One-time enrolment secret (used once, never stored)</translation>
    </message>
    <message>
        <source>“验证服务器证书”时需要：办公室的 CA 证书文件</source>
        <translation>Needed to verify the server&apos;s certificate: the office&apos;s CA certificate file</translation>
    </message>
    <message>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>办公室数据库地址：</source>
        <translation>Office database:</translation>
    </message>
    <message>
        <source>设备登录名：</source>
        <translation>Device login:</translation>
    </message>
    <message>
        <source>注册口令：</source>
        <translation>Enrolment secret:</translation>
    </message>
    <message>
        <source>连接加密：</source>
        <translation>Encryption:</translation>
    </message>
    <message>
        <source>CA 证书：</source>
        <translation>CA certificate:</translation>
    </message>
    <message>
        <source>注册本机</source>
        <translation>Enrol</translation>
    </message>
    <message>
        <source>从未同步</source>
        <translation>Never synced</translation>
    </message>
    <message>
        <source>未注册</source>
        <translation>Not enrolled</translation>
    </message>
    <message>
        <source>在线</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>离线</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>本机</source>
        <translation>Local</translation>
    </message>
    <message>
        <source>本机名称：{name}</source>
        <translation>This computer: {name}</translation>
    </message>
    <message>
        <source>办公室数据库：{office}</source>
        <translation>Office database: {office}</translation>
    </message>
    <message>
        <source>本次打开程序后尚未同步。</source>
        <translation>Not synced since the program was opened.</translation>
    </message>
    <message>
        <source>重新上传本机数据</source>
        <translation>Upload this computer&apos;s data again</translation>
    </message>
    <message>
        <source>办公室数据库已从备份恢复或被更换。重新上传会把本机的全部记录再发送一遍：

· 办公室缺少的记录会补上，备份之后本机的修改会重新写入；
· 办公室的较新版本会下载到本机；
· 无法判断新旧的记录成为“冲突”，由您逐条决定，任何一方都不会被静默覆盖。

请先向管理员确认数据库确实已恢复。现在重新上传吗？</source>
        <translation>The office database was restored from a backup or replaced. Uploading again sends every record of this computer once more:

· records the office lacks are added, and changes made here since the backup are written again;
· newer versions at the office are downloaded here;
· records whose order cannot be told become &quot;conflicts&quot; for you to decide one by one; neither side is ever silently overwritten.

First confirm with the administrator that the database really was restored. Upload again now?</translation>
    </message>
    <message>
        <source>正在自动同步…</source>
        <translation>Syncing automatically…</translation>
    </message>
    <message>
        <source>正在连接办公室数据库…</source>
        <translation>Connecting to the office database…</translation>
    </message>
    <message>
        <source>自动同步</source>
        <translation>Automatic sync</translation>
    </message>
    <message>
        <source>上传 {accepted}/{ops} 条（冲突 {pc}，拒收 {pr}）；下载 {applied} 条（冲突 {lc}，拒收 {lr}）；用时 {s:.1f} 秒</source>
        <translation>Uploaded {accepted}/{ops} (conflicts {pc}, refused {pr}); downloaded {applied} (conflicts {lc}, refused {lr}); {s:.1f} s</translation>
    </message>
    <message>
        <source>详细情况：{detail}</source>
        <translation>Details: {detail}</translation>
    </message>
    <message>
        <source>选择办公室的 CA 证书</source>
        <translation>Choose the office&apos;s CA certificate</translation>
    </message>
    <message>
        <source>证书 (*.pem *.crt);;所有文件 (*)</source>
        <translation>Certificates (*.pem *.crt);;All files (*)</translation>
    </message>
    <message>
        <source>正在注册…</source>
        <translation>Enrolling…</translation>
    </message>
    <message>
        <source>本机已注册，可以同步了。</source>
        <translation>This computer is enrolled and can sync now.</translation>
    </message>
</context>
<context>
    <name>TextListEditor</name>
    <message>
        <source>共 {n} 项：</source>
        <translation>{n} items: </translation>
    </message>
</context>
<context>
    <name>UndoBar</name>
    <message>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>两次输入的密码不一致</source>
        <translation>The two passwords differ</translation>
    </message>
</context>
<context>
    <name>UsersEditor</name>
    <message>
        <source>{name}（已停用）</source>
        <translation>{name} (deactivated)</translation>
    </message>
</context>
<context>
    <name>UsersView</name>
    <message>
        <source>用户</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>本检察室的用户和角色；用户信息同步到办公室，密码只保存在本机</source>
        <translation>The station&apos;s users and roles; users sync to the office, passwords stay on this computer</translation>
    </message>
    <message>
        <source>新增用户…</source>
        <translation>New user…</translation>
    </message>
    <message>
        <source>重设密码…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <source>为选中的用户设置本机登录密码</source>
        <translation>Set the selected user&apos;s password on this computer</translation>
    </message>
    <message>
        <source>修改…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>修改选中用户的姓名或角色（Enter）</source>
        <translation>Change the selected user&apos;s name or role (Enter)</translation>
    </message>
    <message>
        <source>停用</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>本机密码</source>
        <translation>Password here</translation>
    </message>
    <message>
        <source>各角色可以做什么</source>
        <translation>What each role may do</translation>
    </message>
    <message>
        <source>在用</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>有</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>无</source>
        <translation>No</translation>
    </message>
    <message>
        <source>该用户在本机没有密码（例如从办公室同步而来），不能在本机登录；可用“设置本机密码…”设置</source>
        <translation>This user has no password on this computer (e.g. synced from the office) and cannot sign in here; set one with &quot;Set password here…&quot;</translation>
    </message>
    <message>
        <source>当前登录的用户</source>
        <translation>The signed-in user</translation>
    </message>
    <message>
        <source>共 {n} 人，在用 {k} 人</source>
        <translation>{n} users, {k} active</translation>
    </message>
    <message>
        <source>停用选中的用户：不能再登录，记录保留</source>
        <translation>Deactivate the selected user: no more sign-ins, records kept</translation>
    </message>
    <message>
        <source>设置本机密码…</source>
        <translation>Set password here…</translation>
    </message>
    <message>
        <source>停用…</source>
        <translation>Deactivate…</translation>
    </message>
    <message>
        <source>启用…</source>
        <translation>Reactivate…</translation>
    </message>
    <message>
        <source>不能停用自己（当前登录用户）</source>
        <translation>You cannot deactivate yourself (the signed-in user)</translation>
    </message>
    <message>
        <source>重新启用选中的用户</source>
        <translation>Reactivate the selected user</translation>
    </message>
    <message>
        <source>已新增用户 {name}（{username}），可以在本机登录</source>
        <translation>User {name} ({username}) added; they can sign in on this computer</translation>
    </message>
    <message>
        <source>已设置 {name}（{username}）在本机的新密码</source>
        <translation>New password of {name} ({username}) set on this computer</translation>
    </message>
    <message>
        <source>已保存 {name}（{username}）的修改</source>
        <translation>Changes to {name} ({username}) saved</translation>
    </message>
    <message>
        <source>已停用 {name}（{username}）</source>
        <translation>{name} ({username}) deactivated</translation>
    </message>
    <message>
        <source>已启用 {name}（{username}）</source>
        <translation>{name} ({username}) reactivated</translation>
    </message>
</context>
<context>
    <name>_CorrectionPage</name>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>正在读取…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <source>读取失败：请关闭后重新打开。</source>
        <translation>Reading failed: close and open again.</translation>
    </message>
    <message>
        <source>发现的问题</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>（未关联发现的问题）</source>
        <translation>(no linked findings)</translation>
    </message>
    <message>
        <source>已于 {on} 解决</source>
        <translation>Resolved on {on}</translation>
    </message>
    <message>
        <source>据此问题制发</source>
        <translation>Raise from this finding</translation>
    </message>
    <message>
        <source>以这个问题为据，新建口头纠正、纠正违法通知书或检察建议书（内容已预先填好）</source>
        <translation>New oral correction, rectification notice or procuratorial suggestion based on this finding (prefilled)</translation>
    </message>
    <message>
        <source>口头纠正</source>
        <translation>Oral correction</translation>
    </message>
    <message>
        <source>附件</source>
        <translation>Attachments</translation>
    </message>
</context>
<context>
    <name>_FieldsDialog</name>
    <message>
        <source>扫描件 (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;所有文件 (*)</source>
        <translation>Scans (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;All files (*)</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>清除</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>选择回复扫描件</source>
        <translation>Choose the scan of the reply</translation>
    </message>
    <message>
        <source>请填写：{f}</source>
        <translation>Still to fill in: {f}</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <source>已整改</source>
        <translation>Rectified</translation>
    </message>
    <message>
        <source>部分整改</source>
        <translation>Partly rectified</translation>
    </message>
    <message>
        <source>未整改</source>
        <translation>Not rectified</translation>
    </message>
    <message>
        <source>拘留</source>
        <translation>Detention</translation>
    </message>
    <message>
        <source>拘留（检察院自侦案件）</source>
        <translation>Detention (procuratorate&apos;s own case)</translation>
    </message>
    <message>
        <source>先行拘留（监察机关移送留置案件）</source>
        <translation>Preliminary detention (case transferred by a supervisory commission)</translation>
    </message>
    <message>
        <source>提请批准逮捕</source>
        <translation>Arrest approval requested</translation>
    </message>
    <message>
        <source>逮捕</source>
        <translation>Arrest</translation>
    </message>
    <message>
        <source>延长侦查羁押期限</source>
        <translation>Investigation custody extended</translation>
    </message>
    <message>
        <source>重新计算羁押期限</source>
        <translation>Custody period recalculated</translation>
    </message>
    <message>
        <source>精神病鉴定开始</source>
        <translation>Psychiatric assessment began</translation>
    </message>
    <message>
        <source>精神病鉴定结束</source>
        <translation>Psychiatric assessment ended</translation>
    </message>
    <message>
        <source>移送审查起诉</source>
        <translation>Transferred for prosecution review</translation>
    </message>
    <message>
        <source>延长审查起诉期限</source>
        <translation>Prosecution review extended</translation>
    </message>
    <message>
        <source>退回补充侦查</source>
        <translation>Returned for supplementary investigation</translation>
    </message>
    <message>
        <source>补充侦查后重新移送</source>
        <translation>Transferred again after supplementary investigation</translation>
    </message>
    <message>
        <source>改变管辖</source>
        <translation>Jurisdiction changed</translation>
    </message>
    <message>
        <source>提起公诉/法院受理</source>
        <translation>Indicted / accepted by the court</translation>
    </message>
    <message>
        <source>转为简易/速裁程序</source>
        <translation>Converted to summary / fast-track procedure</translation>
    </message>
    <message>
        <source>延长审限</source>
        <translation>Trial period extended</translation>
    </message>
    <message>
        <source>延期审理</source>
        <translation>Trial postponed</translation>
    </message>
    <message>
        <source>中止审理开始</source>
        <translation>Trial suspended</translation>
    </message>
    <message>
        <source>中止审理结束</source>
        <translation>Trial resumed</translation>
    </message>
    <message>
        <source>一审判决</source>
        <translation>First-instance judgment</translation>
    </message>
    <message>
        <source>上诉/抗诉</source>
        <translation>Appeal / protest</translation>
    </message>
    <message>
        <source>二审受理</source>
        <translation>Second instance accepted</translation>
    </message>
    <message>
        <source>阅卷开始</source>
        <translation>File review began</translation>
    </message>
    <message>
        <source>阅卷结束</source>
        <translation>File review ended</translation>
    </message>
    <message>
        <source>发回重审</source>
        <translation>Remanded for retrial</translation>
    </message>
    <message>
        <source>判决生效</source>
        <translation>Judgment effective</translation>
    </message>
    <message>
        <source>收到执行通知书</source>
        <translation>Execution notice received</translation>
    </message>
    <message>
        <source>交付执行</source>
        <translation>Delivered for execution</translation>
    </message>
    <message>
        <source>决定留所服刑</source>
        <translation>Decided to serve in the centre</translation>
    </message>
    <message>
        <source>换押</source>
        <translation>Custody handover</translation>
    </message>
    <message>
        <source>释放</source>
        <translation>Released</translation>
    </message>
    <message>
        <source>交付监狱执行</source>
        <translation>Deliver to prison</translation>
    </message>
    <message>
        <source>交付未成年犯管教所</source>
        <translation>Deliver to juvenile institution</translation>
    </message>
    <message>
        <source>留所服刑</source>
        <translation>Serving sentence in the centre</translation>
    </message>
    <message>
        <source>拘役在所执行</source>
        <translation>Criminal detention served in the centre</translation>
    </message>
    <message>
        <source>转押</source>
        <translation>Transferred</translation>
    </message>
    <message>
        <source>监外执行</source>
        <translation>Serving outside prison</translation>
    </message>
    <message>
        <source>取保候审/监视居住</source>
        <translation>Bail / residential surveillance</translation>
    </message>
    <message>
        <source>死亡</source>
        <translation>Death</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>已批准</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>已签发</source>
        <translation>Signed</translation>
    </message>
    <message>
        <source>已送达</source>
        <translation>Served</translation>
    </message>
    <message>
        <source>已回复</source>
        <translation>Replied</translation>
    </message>
    <message>
        <source>逾期未回复</source>
        <translation>Reply overdue</translation>
    </message>
    <message>
        <source>已督促</source>
        <translation>Urged</translation>
    </message>
    <message>
        <source>已上报</source>
        <translation>Reported upward</translation>
    </message>
    <message>
        <source>申请复查</source>
        <translation>Review requested</translation>
    </message>
    <message>
        <source>已办结</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>已撤回</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <source>在岗</source>
        <translation>On site</translation>
    </message>
    <message>
        <source>值班</source>
        <translation>On duty</translation>
    </message>
    <message>
        <source>请假</source>
        <translation>On leave</translation>
    </message>
    <message>
        <source>外出</source>
        <translation>Away</translation>
    </message>
    <message>
        <source>巡视</source>
        <translation>Patrol</translation>
    </message>
    <message>
        <source>谈话</source>
        <translation>Talk</translation>
    </message>
    <message>
        <source>信箱</source>
        <translation>Mailbox</translation>
    </message>
    <message>
        <source>调看监控</source>
        <translation>CCTV review</translation>
    </message>
    <message>
        <source>台账审查</source>
        <translation>Ledger review</translation>
    </message>
    <message>
        <source>男</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>女</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>春节</source>
        <translation>Spring Festival</translation>
    </message>
    <message>
        <source>国庆节</source>
        <translation>National Day</translation>
    </message>
    <message>
        <source>元旦</source>
        <translation>New Year&apos;s Day</translation>
    </message>
    <message>
        <source>清明节</source>
        <translation>Qingming Festival</translation>
    </message>
    <message>
        <source>劳动节</source>
        <translation>Labour Day</translation>
    </message>
    <message>
        <source>端午节</source>
        <translation>Dragon Boat Festival</translation>
    </message>
    <message>
        <source>中秋节</source>
        <translation>Mid-Autumn Festival</translation>
    </message>
    <message>
        <source>非正常死亡</source>
        <translation>Abnormal death</translation>
    </message>
    <message>
        <source>伤残</source>
        <translation>Injury or disability</translation>
    </message>
    <message>
        <source>脱逃</source>
        <translation>Escape</translation>
    </message>
    <message>
        <source>严重破坏监管秩序</source>
        <translation>Serious disruption of custody order</translation>
    </message>
    <message>
        <source>突发公共卫生事件</source>
        <translation>Public health emergency</translation>
    </message>
    <message>
        <source>自伤自残</source>
        <translation>Self-harm</translation>
    </message>
    <message>
        <source>提请批准逮捕超期</source>
        <translation>Late request for arrest approval</translation>
    </message>
    <message>
        <source>未换押</source>
        <translation>Custody handover missing</translation>
    </message>
    <message>
        <source>换押不及时</source>
        <translation>Late custody handover</translation>
    </message>
    <message>
        <source>余刑三个月以上留所服刑</source>
        <translation>Kept in the centre with over 3 months left to serve</translation>
    </message>
    <message>
        <source>交付执行超期</source>
        <translation>Delivery for execution overdue</translation>
    </message>
    <message>
        <source>羁押期限届满后出所</source>
        <translation>Released after the custody limit</translation>
    </message>
    <message>
        <source>诉讼环节无法律文书日期</source>
        <translation>Stage without a legal document date</translation>
    </message>
    <message>
        <source>出所无相应法律文书</source>
        <translation>Release without its legal document</translation>
    </message>
    <message>
        <source>待核实</source>
        <translation>To verify</translation>
    </message>
    <message>
        <source>核实中</source>
        <translation>Verifying</translation>
    </message>
    <message>
        <source>已核实</source>
        <translation>Verified</translation>
    </message>
    <message>
        <source>已排除</source>
        <translation>Ruled out</translation>
    </message>
    <message>
        <source>待确认</source>
        <translation>To confirm</translation>
    </message>
    <message>
        <source>部分确认</source>
        <translation>Partly confirmed</translation>
    </message>
    <message>
        <source>入所登记</source>
        <translation>Admissions ledger</translation>
    </message>
    <message>
        <source>出所登记</source>
        <translation>Releases ledger</translation>
    </message>
    <message>
        <source>犯罪嫌疑人</source>
        <translation>Suspect</translation>
    </message>
    <message>
        <source>被告人</source>
        <translation>Defendant</translation>
    </message>
    <message>
        <source>罪犯</source>
        <translation>Convict</translation>
    </message>
    <message>
        <source>控告</source>
        <translation>Accusation</translation>
    </message>
    <message>
        <source>举报</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>申诉</source>
        <translation>Petition</translation>
    </message>
    <message>
        <source>约见申请</source>
        <translation>Meeting request</translation>
    </message>
    <message>
        <source>咨询</source>
        <translation>Inquiry</translation>
    </message>
    <message>
        <source>已登记</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>审查中</source>
        <translation>Under review</translation>
    </message>
    <message>
        <source>已转办</source>
        <translation>Transferred</translation>
    </message>
    <message>
        <source>已答复</source>
        <translation>Answered</translation>
    </message>
    <message>
        <source>严重违法</source>
        <translation>Serious violation</translation>
    </message>
    <message>
        <source>重大事故</source>
        <translation>Major incident</translation>
    </message>
    <message>
        <source>口头纠正后未整改</source>
        <translation>Not rectified after oral correction</translation>
    </message>
    <message>
        <source>超期羁押</source>
        <translation>Custody overdue</translation>
    </message>
    <message>
        <source>实地查看</source>
        <translation>On-site inspection</translation>
    </message>
    <message>
        <source>书面审查</source>
        <translation>Document review</translation>
    </message>
    <message>
        <source>个别谈话</source>
        <translation>Individual talk</translation>
    </message>
    <message>
        <source>听取情况</source>
        <translation>Briefing</translation>
    </message>
    <message>
        <source>已提交</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>已审批</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>已退回</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>检察官</source>
        <translation>Procurator</translation>
    </message>
    <message>
        <source>检察长</source>
        <translation>Chief procurator</translation>
    </message>
    <message>
        <source>检察官助理</source>
        <translation>Procurator&apos;s assistant</translation>
    </message>
    <message>
        <source>书记员</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <source>死刑缓期执行</source>
        <translation>Death with reprieve</translation>
    </message>
    <message>
        <source>无期徒刑</source>
        <translation>Life imprisonment</translation>
    </message>
    <message>
        <source>有期徒刑</source>
        <translation>Fixed-term imprisonment</translation>
    </message>
    <message>
        <source>拘役</source>
        <translation>Criminal detention</translation>
    </message>
    <message>
        <source>管制</source>
        <translation>Public surveillance</translation>
    </message>
    <message>
        <source>缓刑</source>
        <translation>Probation</translation>
    </message>
    <message>
        <source>单处罚金</source>
        <translation>Fine only</translation>
    </message>
    <message>
        <source>免予刑事处罚</source>
        <translation>Exempted from criminal punishment</translation>
    </message>
    <message>
        <source>书面送达</source>
        <translation>Served in writing</translation>
    </message>
    <message>
        <source>宣告送达</source>
        <translation>Served by announcement</translation>
    </message>
    <message>
        <source>执法瑕疵</source>
        <translation>Procedural flaw</translation>
    </message>
    <message>
        <source>安全隐患</source>
        <translation>Safety hazard</translation>
    </message>
    <message>
        <source>轻微违法</source>
        <translation>Minor violation</translation>
    </message>
    <message>
        <source>刑事拘留</source>
        <translation>Detention</translation>
    </message>
    <message>
        <source>刑事拘留（检察院自侦案件）</source>
        <translation>Criminal detention (procuratorate&apos;s own case)</translation>
    </message>
    <message>
        <source>先行拘留（监察留置案件）</source>
        <translation>Preliminary detention (supervisory case)</translation>
    </message>
    <message>
        <source>审查逮捕</source>
        <translation>Arrest review</translation>
    </message>
    <message>
        <source>侦查羁押</source>
        <translation>Investigation custody</translation>
    </message>
    <message>
        <source>审查起诉</source>
        <translation>Prosecution review</translation>
    </message>
    <message>
        <source>一审</source>
        <translation>First instance</translation>
    </message>
    <message>
        <source>一审（简易程序）</source>
        <translation>First instance (summary procedure)</translation>
    </message>
    <message>
        <source>一审（速裁程序）</source>
        <translation>First instance (fast-track procedure)</translation>
    </message>
    <message>
        <source>二审</source>
        <translation>Second instance</translation>
    </message>
    <message>
        <source>再审</source>
        <translation>Retrial</translation>
    </message>
    <message>
        <source>判决生效待交付执行</source>
        <translation>Judgment effective, awaiting delivery</translation>
    </message>
    <message>
        <source>已出所</source>
        <translation>Discharged</translation>
    </message>
    <message>
        <source>新收押</source>
        <translation>New admission</translation>
    </message>
    <message>
        <source>约见</source>
        <translation>Requested meeting</translation>
    </message>
    <message>
        <source>有诉求人员</source>
        <translation>Person with a request</translation>
    </message>
    <message>
        <source>出所前</source>
        <translation>Before release</translation>
    </message>
    <message>
        <source>投送监狱前</source>
        <translation>Before transfer to prison</translation>
    </message>
    <message>
        <source>外伤</source>
        <translation>Injury</translation>
    </message>
    <message>
        <source>禁闭</source>
        <translation>Confinement</translation>
    </message>
    <message>
        <source>涉恶</source>
        <translation>Organised-crime related</translation>
    </message>
    <message>
        <source>日常</source>
        <translation>Routine</translation>
    </message>
    <message>
        <source>巡视中</source>
        <translation>During a patrol</translation>
    </message>
    <message>
        <source>检察室</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>检察室代码</source>
        <translation>Station code</translation>
    </message>
    <message>
        <source>检察室名称</source>
        <translation>Station name</translation>
    </message>
    <message>
        <source>派出检察院</source>
        <translation>Procuratorate</translation>
    </message>
    <message>
        <source>上一级检察院</source>
        <translation>Higher procuratorate</translation>
    </message>
    <message>
        <source>看守所名称</source>
        <translation>Detention centre</translation>
    </message>
    <message>
        <source>院代字</source>
        <translation>Procuratorate code</translation>
    </message>
    <message>
        <source>检察室设置</source>
        <translation>Station settings</translation>
    </message>
    <message>
        <source>设置项</source>
        <translation>Setting</translation>
    </message>
    <message>
        <source>用户</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>在押人员</source>
        <translation>Detainee</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>出生日期</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>民族</source>
        <translation>Ethnicity</translation>
    </message>
    <message>
        <source>监区</source>
        <translation>Block</translation>
    </message>
    <message>
        <source>监室</source>
        <translation>Cell</translation>
    </message>
    <message>
        <source>入所时间</source>
        <translation>Admitted at</translation>
    </message>
    <message>
        <source>办案机关</source>
        <translation>Case authority</translation>
    </message>
    <message>
        <source>涉嫌罪名</source>
        <translation>Charges</translation>
    </message>
    <message>
        <source>案号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <source>法律身份</source>
        <translation>Legal status</translation>
    </message>
    <message>
        <source>诉讼环节</source>
        <translation>Procedural stage</translation>
    </message>
    <message>
        <source>本环节起始日</source>
        <translation>Stage began on</translation>
    </message>
    <message>
        <source>届满通知发出日</source>
        <translation>Expiry notice sent on</translation>
    </message>
    <message>
        <source>刑种</source>
        <translation>Sentence type</translation>
    </message>
    <message>
        <source>刑期</source>
        <translation>Sentence</translation>
    </message>
    <message>
        <source>刑期（月）</source>
        <translation>Sentence (months)</translation>
    </message>
    <message>
        <source>刑期起日</source>
        <translation>Sentence begins</translation>
    </message>
    <message>
        <source>刑期止日</source>
        <translation>Sentence ends</translation>
    </message>
    <message>
        <source>判决生效日</source>
        <translation>Judgment effective on</translation>
    </message>
    <message>
        <source>收到执行通知书日</source>
        <translation>Execution notice received on</translation>
    </message>
    <message>
        <source>出所日期</source>
        <translation>Discharged on</translation>
    </message>
    <message>
        <source>出所方式</source>
        <translation>How discharged</translation>
    </message>
    <message>
        <source>羁押期限事件</source>
        <translation>Custody event</translation>
    </message>
    <message>
        <source>事件类型</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>发生日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>延长月数</source>
        <translation>Months extended</translation>
    </message>
    <message>
        <source>延长天数</source>
        <translation>Days extended</translation>
    </message>
    <message>
        <source>法律依据</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <source>决定机关</source>
        <translation>Deciding authority</translation>
    </message>
    <message>
        <source>文书编号</source>
        <translation>Decision no.</translation>
    </message>
    <message>
        <source>巡视检察</source>
        <translation>Patrol inspection</translation>
    </message>
    <message>
        <source>巡视日期</source>
        <translation>Patrol date</translation>
    </message>
    <message>
        <source>开始时间</source>
        <translation>Start time</translation>
    </message>
    <message>
        <source>结束时间</source>
        <translation>End time</translation>
    </message>
    <message>
        <source>巡视区域</source>
        <translation>Areas patrolled</translation>
    </message>
    <message>
        <source>检察方式</source>
        <translation>Methods</translation>
    </message>
    <message>
        <source>谈话时间</source>
        <translation>Talk time</translation>
    </message>
    <message>
        <source>谈话地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>谈话类型</source>
        <translation>Talk type</translation>
    </message>
    <message>
        <source>谈话人</source>
        <translation>Interviewers</translation>
    </message>
    <message>
        <source>信箱开启</source>
        <translation>Mailbox opening</translation>
    </message>
    <message>
        <source>开启时间</source>
        <translation>Opened at</translation>
    </message>
    <message>
        <source>信箱位置</source>
        <translation>Mailbox location</translation>
    </message>
    <message>
        <source>开启人</source>
        <translation>Opened by</translation>
    </message>
    <message>
        <source>信件数</source>
        <translation>Letters</translation>
    </message>
    <message>
        <source>检察官信箱来信</source>
        <translation>Letter from the procurator&apos;s mailbox</translation>
    </message>
    <message>
        <source>开箱记录</source>
        <translation>Opening record</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>事由</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>受理日期</source>
        <translation>Accepted on</translation>
    </message>
    <message>
        <source>办理状态</source>
        <translation>Handling status</translation>
    </message>
    <message>
        <source>转办单位</source>
        <translation>Transferred to</translation>
    </message>
    <message>
        <source>转办日期</source>
        <translation>Transferred on</translation>
    </message>
    <message>
        <source>答复日期</source>
        <translation>Answered on</translation>
    </message>
    <message>
        <source>律师会见检察</source>
        <translation>Lawyer meeting check</translation>
    </message>
    <message>
        <source>律师姓名</source>
        <translation>Lawyer&apos;s name</translation>
    </message>
    <message>
        <source>律师事务所</source>
        <translation>Law firm</translation>
    </message>
    <message>
        <source>提出会见时间</source>
        <translation>Meeting requested at</translation>
    </message>
    <message>
        <source>安排会见时间</source>
        <translation>Meeting arranged at</translation>
    </message>
    <message>
        <source>口头纠正</source>
        <translation>Oral correction</translation>
    </message>
    <message>
        <source>提出日期</source>
        <translation>Raised on</translation>
    </message>
    <message>
        <source>被纠正单位</source>
        <translation>Unit corrected</translation>
    </message>
    <message>
        <source>被告知人</source>
        <translation>Person informed</translation>
    </message>
    <message>
        <source>发现途径</source>
        <translation>Found through</translation>
    </message>
    <message>
        <source>违法事实</source>
        <translation>Facts of the violation</translation>
    </message>
    <message>
        <source>跟踪期限</source>
        <translation>Follow-up due</translation>
    </message>
    <message>
        <source>整改日期</source>
        <translation>Rectified on</translation>
    </message>
    <message>
        <source>纠正违法通知书</source>
        <translation>Rectification notice</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>发文机关</source>
        <translation>Issuing body</translation>
    </message>
    <message>
        <source>主送单位</source>
        <translation>Addressee</translation>
    </message>
    <message>
        <source>文号年份</source>
        <translation>Number year</translation>
    </message>
    <message>
        <source>文号序号</source>
        <translation>Number sequence</translation>
    </message>
    <message>
        <source>文号</source>
        <translation>Document no.</translation>
    </message>
    <message>
        <source>批准人</source>
        <translation>Approved by</translation>
    </message>
    <message>
        <source>批准日期</source>
        <translation>Approved on</translation>
    </message>
    <message>
        <source>签发日期</source>
        <translation>Signed on</translation>
    </message>
    <message>
        <source>送达日期</source>
        <translation>Served on</translation>
    </message>
    <message>
        <source>送达方式</source>
        <translation>Service method</translation>
    </message>
    <message>
        <source>签收人</source>
        <translation>Received by</translation>
    </message>
    <message>
        <source>回复期限</source>
        <translation>Reply due</translation>
    </message>
    <message>
        <source>回复日期</source>
        <translation>Replied on</translation>
    </message>
    <message>
        <source>制发原因</source>
        <translation>Reason for issuing</translation>
    </message>
    <message>
        <source>回复期限（日）</source>
        <translation>Reply period (days)</translation>
    </message>
    <message>
        <source>整改情况</source>
        <translation>Rectification</translation>
    </message>
    <message>
        <source>上报日期</source>
        <translation>Reported on</translation>
    </message>
    <message>
        <source>申请复查日期</source>
        <translation>Review requested on</translation>
    </message>
    <message>
        <source>复查决定日期</source>
        <translation>Review decided on</translation>
    </message>
    <message>
        <source>检察建议书</source>
        <translation>Procuratorial suggestion</translation>
    </message>
    <message>
        <source>查明事实</source>
        <translation>Facts established</translation>
    </message>
    <message>
        <source>异议期限（日）</source>
        <translation>Objection period (days)</translation>
    </message>
    <message>
        <source>回复期限（月）</source>
        <translation>Reply period (months)</translation>
    </message>
    <message>
        <source>回访日期</source>
        <translation>Follow-up visit on</translation>
    </message>
    <message>
        <source>上报单位</source>
        <translation>Reported to</translation>
    </message>
    <message>
        <source>发现问题</source>
        <translation>Finding</translation>
    </message>
    <message>
        <source>发现日期</source>
        <translation>Found on</translation>
    </message>
    <message>
        <source>问题描述</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>地点</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>严重程度</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>解决日期</source>
        <translation>Resolved on</translation>
    </message>
    <message>
        <source>事故检察</source>
        <translation>Incident check</translation>
    </message>
    <message>
        <source>事故类型</source>
        <translation>Incident type</translation>
    </message>
    <message>
        <source>发生时间</source>
        <translation>Occurred at</translation>
    </message>
    <message>
        <source>情况</source>
        <translation>Situation</translation>
    </message>
    <message>
        <source>报告检察室时间</source>
        <translation>Reported to the station at</translation>
    </message>
    <message>
        <source>到达现场时间</source>
        <translation>Arrived on the scene at</translation>
    </message>
    <message>
        <source>节前安全大检查</source>
        <translation>Pre-holiday safety inspection</translation>
    </message>
    <message>
        <source>节日</source>
        <translation>Holiday</translation>
    </message>
    <message>
        <source>年份</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>检查日期</source>
        <translation>Inspected on</translation>
    </message>
    <message>
        <source>交付执行检察</source>
        <translation>Execution delivery check</translation>
    </message>
    <message>
        <source>处理决定</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>交付日期</source>
        <translation>Delivered on</translation>
    </message>
    <message>
        <source>收押单位</source>
        <translation>Receiving institution</translation>
    </message>
    <message>
        <source>工作日志</source>
        <translation>Daily logs</translation>
    </message>
    <message>
        <source>日志日期</source>
        <translation>Log date</translation>
    </message>
    <message>
        <source>月度报告</source>
        <translation>Monthly reports</translation>
    </message>
    <message>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>落款</source>
        <translation>Signed as</translation>
    </message>
    <message>
        <source>审批人</source>
        <translation>Approved by</translation>
    </message>
    <message>
        <source>附件</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>所属记录类型</source>
        <translation>Record type</translation>
    </message>
    <message>
        <source>所属记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>内容摘要</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>文件名</source>
        <translation>File name</translation>
    </message>
    <message>
        <source>文件类型</source>
        <translation>File type</translation>
    </message>
    <message>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Caption</translation>
    </message>
    <message>
        <source>值班人员</source>
        <translation>Staff on duty</translation>
    </message>
    <message>
        <source>职务</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>排列顺序</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>值班安排</source>
        <translation>Duty plan</translation>
    </message>
    <message>
        <source>人员</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>安排</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>到岗签到</source>
        <translation>Sign-in</translation>
    </message>
    <message>
        <source>到岗时间</source>
        <translation>Arrived at</translation>
    </message>
    <message>
        <source>离岗时间</source>
        <translation>Left at</translation>
    </message>
    <message>
        <source>台账格式</source>
        <translation>Ledger format</translation>
    </message>
    <message>
        <source>格式名称</source>
        <translation>Format name</translation>
    </message>
    <message>
        <source>台账类别</source>
        <translation>Ledger kind</translation>
    </message>
    <message>
        <source>台账导入</source>
        <translation>Ledger import</translation>
    </message>
    <message>
        <source>文件摘要</source>
        <translation>File digest</translation>
    </message>
    <message>
        <source>导入时间</source>
        <translation>Imported at</translation>
    </message>
    <message>
        <source>行数</source>
        <translation>Rows</translation>
    </message>
    <message>
        <source>确认状态</source>
        <translation>Confirmation</translation>
    </message>
    <message>
        <source>监督线索</source>
        <translation>Supervision lead</translation>
    </message>
    <message>
        <source>线索规则</source>
        <translation>Lead rule</translation>
    </message>
    <message>
        <source>线索标识</source>
        <translation>Lead key</translation>
    </message>
    <message>
        <source>线索</source>
        <translation>Lead</translation>
    </message>
    <message>
        <source>线索事实</source>
        <translation>Facts of the lead</translation>
    </message>
    <message>
        <source>核实状态</source>
        <translation>Verification status</translation>
    </message>
    <message>
        <source>办结日期</source>
        <translation>Closed on</translation>
    </message>
    <message>
        <source>巡视当天的日期</source>
        <translation>The day of the patrol</translation>
    </message>
    <message>
        <source>到达监区的时间</source>
        <translation>When you arrived at the block</translation>
    </message>
    <message>
        <source>离开监区的时间</source>
        <translation>When you left the block</translation>
    </message>
    <message>
        <source>巡视的监区、监室或场所，以顿号或逗号分隔</source>
        <translation>Blocks, cells or places patrolled, separated by 、 or commas</translation>
    </message>
    <message>
        <source>实地查看、调看监控、书面审查等</source>
        <translation>On-site inspection, CCTV review, document review …</translation>
    </message>
    <message>
        <source>检察人员</source>
        <translation>Procuratorial staff</translation>
    </message>
    <message>
        <source>参加巡视的检察人员</source>
        <translation>Staff who took part in the patrol</translation>
    </message>
    <message>
        <source>情况摘要</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>巡视情况的简要记载</source>
        <translation>A short account of the patrol</translation>
    </message>
    <message>
        <source>发现问题的日期</source>
        <translation>When the problem was found</translation>
    </message>
    <message>
        <source>发现的问题：时间、地点、事实</source>
        <translation>The problem: when, where, what happened</translation>
    </message>
    <message>
        <source>监室或场所</source>
        <translation>Cell or place</translation>
    </message>
    <message>
        <source>执法瑕疵、安全隐患或违法程度</source>
        <translation>Procedural flaw, safety hazard or degree of violation</translation>
    </message>
    <message>
        <source>从哪项工作中发现</source>
        <translation>Which work it was found in</translation>
    </message>
    <message>
        <source>证据材料</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>监控录像时段、台账页码、谈话笔录等</source>
        <translation>CCTV time range, ledger pages, talk records …</translation>
    </message>
    <message>
        <source>问题解决（整改到位）的日期</source>
        <translation>When the problem was resolved (rectified)</translation>
    </message>
    <message>
        <source>谈话开始的日期和时间</source>
        <translation>Date and time the talk began</translation>
    </message>
    <message>
        <source>例如：驻所检察室谈话室</source>
        <translation>e.g. the station&apos;s interview room</translation>
    </message>
    <message>
        <source>输入姓名、身份证号的一部分或监室号查找</source>
        <translation>Type part of a name or ID number, or a cell number</translation>
    </message>
    <message>
        <source>新收押、约见、出所前等</source>
        <translation>New admission, requested meeting, before release …</translation>
    </message>
    <message>
        <source>谈话的检察人员</source>
        <translation>Staff who held the talk</translation>
    </message>
    <message>
        <source>谈话内容</source>
        <translation>Record of the talk</translation>
    </message>
    <message>
        <source>问：…… 答：……（笔录正文）</source>
        <translation>Q: … A: … (the record itself)</translation>
    </message>
    <message>
        <source>反映问题</source>
        <translation>Issues raised</translation>
    </message>
    <message>
        <source>在押人员是否反映了问题</source>
        <translation>Whether the detainee raised any issue</translation>
    </message>
    <message>
        <source>反映问题摘要</source>
        <translation>Issues raised (summary)</translation>
    </message>
    <message>
        <source>反映的问题，简要</source>
        <translation>The issues raised, in short</translation>
    </message>
    <message>
        <source>处理意见</source>
        <translation>Handling opinion</translation>
    </message>
    <message>
        <source>检察人员的处理意见（不印在在押人员签名之上）</source>
        <translation>The staff&apos;s handling opinion (not printed above the detainee&apos;s signature)</translation>
    </message>
    <message>
        <source>在押人员签名</source>
        <translation>Detainee&apos;s signature</translation>
    </message>
    <message>
        <source>在押人员已在笔录上签名</source>
        <translation>The detainee signed the record</translation>
    </message>
    <message>
        <source>捺印</source>
        <translation>Fingerprinted</translation>
    </message>
    <message>
        <source>在押人员已捺指印</source>
        <translation>The detainee left a fingerprint</translation>
    </message>
    <message>
        <source>保密</source>
        <translation>Confidential</translation>
    </message>
    <message>
        <source>谈话人身份保密：看守所版本中以代称显示</source>
        <translation>The interviewee&apos;s identity is confidential: shown by a pseudonym in the centre&apos;s copy</translation>
    </message>
    <message>
        <source>开启信箱的日期和时间</source>
        <translation>Date and time the mailbox was opened</translation>
    </message>
    <message>
        <source>例如：一监区走廊</source>
        <translation>e.g. Block 1 corridor</translation>
    </message>
    <message>
        <source>开启信箱的检察人员（应两人以上）</source>
        <translation>Staff who opened the mailbox (two or more)</translation>
    </message>
    <message>
        <source>有价值线索</source>
        <translation>Valuable leads</translation>
    </message>
    <message>
        <source>信件中是否有有价值的线索</source>
        <translation>Whether the letters hold a valuable lead</translation>
    </message>
    <message>
        <source>线索摘要</source>
        <translation>Leads (summary)</translation>
    </message>
    <message>
        <source>本次开箱的信件序号</source>
        <translation>Number of the letter in this opening</translation>
    </message>
    <message>
        <source>控告、举报、申诉、约见申请、咨询、其他</source>
        <translation>Accusation, report, petition, meeting request, inquiry, other</translation>
    </message>
    <message>
        <source>写信人</source>
        <translation>Writer</translation>
    </message>
    <message>
        <source>写信的在押人员；匿名信留空</source>
        <translation>The detainee who wrote; leave empty for an anonymous letter</translation>
    </message>
    <message>
        <source>写信人身份保密：看守所版本和通知书中不显示姓名</source>
        <translation>The writer&apos;s identity is confidential: no name in the centre&apos;s copy or in notices</translation>
    </message>
    <message>
        <source>写信人所在监区</source>
        <translation>The writer&apos;s block</translation>
    </message>
    <message>
        <source>信件反映的事项，简要</source>
        <translation>What the letter is about, in short</translation>
    </message>
    <message>
        <source>办理进度</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>办理情况</source>
        <translation>Handling</translation>
    </message>
    <message>
        <source>审查、核实、转办的情况</source>
        <translation>Review, verification and transfer</translation>
    </message>
    <message>
        <source>转办的单位</source>
        <translation>Unit transferred to</translation>
    </message>
    <message>
        <source>审查期限</source>
        <translation>Review due</translation>
    </message>
    <message>
        <source>审查期限（受理后按规定计算）</source>
        <translation>Review due (counted from acceptance as the rules say)</translation>
    </message>
    <message>
        <source>办理结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>答复写信人的日期</source>
        <translation>When the writer was answered</translation>
    </message>
    <message>
        <source>当面提出纠正意见的日期</source>
        <translation>When the correction was raised in person</translation>
    </message>
    <message>
        <source>通常是看守所</source>
        <translation>Usually the detention centre</translation>
    </message>
    <message>
        <source>当面告知的看守所负责人或民警</source>
        <translation>The centre officer or head told in person</translation>
    </message>
    <message>
        <source>违法事实：时间、地点、经过</source>
        <translation>The violation: when, where, what happened</translation>
    </message>
    <message>
        <source>违反的规定</source>
        <translation>Provisions violated</translation>
    </message>
    <message>
        <source>提出人</source>
        <translation>Raised by</translation>
    </message>
    <message>
        <source>提出纠正意见的检察人员</source>
        <translation>Staff who raised the correction</translation>
    </message>
    <message>
        <source>跟踪纠正情况的期限（提出后7日）</source>
        <translation>Follow-up due (7 days after raising it)</translation>
    </message>
    <message>
        <source>已纠正</source>
        <translation>Corrected</translation>
    </message>
    <message>
        <source>看守所已纠正</source>
        <translation>The detention centre has corrected it</translation>
    </message>
    <message>
        <source>纠正到位的日期</source>
        <translation>When it was corrected</translation>
    </message>
    <message>
        <source>核实方式</source>
        <translation>How verified</translation>
    </message>
    <message>
        <source>如何核实已纠正</source>
        <translation>How the correction was verified</translation>
    </message>
    <message>
        <source>制发纠正违法通知书的原因</source>
        <translation>Why the rectification notice is issued</translation>
    </message>
    <message>
        <source>主送单位：看守所，超期羁押时为办案机关</source>
        <translation>Addressee: the detention centre; the case authority for overdue custody</translation>
    </message>
    <message>
        <source>发文机关：派出检察院</source>
        <translation>Issuing body: the procuratorate</translation>
    </message>
    <message>
        <source>涉及的在押人员（超期羁押等）</source>
        <translation>Detainee concerned (overdue custody etc.)</translation>
    </message>
    <message>
        <source>何时、在何项工作中发现</source>
        <translation>When and in which work it was found</translation>
    </message>
    <message>
        <source>违反的法律规定</source>
        <translation>Legal provisions violated</translation>
    </message>
    <message>
        <source>纠正依据</source>
        <translation>Basis for correction</translation>
    </message>
    <message>
        <source>提出纠正的依据</source>
        <translation>The basis for requiring correction</translation>
    </message>
    <message>
        <source>纠正要求</source>
        <translation>Corrections required</translation>
    </message>
    <message>
        <source>收到通知书后回复的期限（日）</source>
        <translation>Days to reply after receiving the notice</translation>
    </message>
    <message>
        <source>案件来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>问题的来源</source>
        <translation>Where the problem came from</translation>
    </message>
    <message>
        <source>查明的事实</source>
        <translation>Facts established</translation>
    </message>
    <message>
        <source>存在问题</source>
        <translation>Problems</translation>
    </message>
    <message>
        <source>存在的问题</source>
        <translation>The problems</translation>
    </message>
    <message>
        <source>原因分析</source>
        <translation>Causes</translation>
    </message>
    <message>
        <source>提出建议的法律依据</source>
        <translation>Legal basis for the suggestion</translation>
    </message>
    <message>
        <source>检察建议</source>
        <translation>Suggestions</translation>
    </message>
    <message>
        <source>每条建议一行</source>
        <translation>One suggestion per line</translation>
    </message>
    <message>
        <source>书面回复的期限（月）</source>
        <translation>Months to reply in writing</translation>
    </message>
    <message>
        <source>提出异议的期限（日）</source>
        <translation>Days to object</translation>
    </message>
    <message>
        <source>与身份证件一致</source>
        <translation>As on the identity document</translation>
    </message>
    <message>
        <source>18位；填写后自动带出出生日期和性别</source>
        <translation>18 characters; fills in the date of birth and sex</translation>
    </message>
    <message>
        <source>例如：汉族</source>
        <translation>e.g. Han</translation>
    </message>
    <message>
        <source>监室号</source>
        <translation>Cell number</translation>
    </message>
    <message>
        <source>入所的日期和时间</source>
        <translation>Date and time of admission</translation>
    </message>
    <message>
        <source>当前办案机关</source>
        <translation>Current case authority</translation>
    </message>
    <message>
        <source>涉嫌或判决的罪名</source>
        <translation>Offences charged or convicted of</translation>
    </message>
    <message>
        <source>当前诉讼环节，决定羁押期限的计算</source>
        <translation>Current procedural stage: it decides how the custody deadline is counted</translation>
    </message>
    <message>
        <source>本环节羁押期限的起算日</source>
        <translation>The day this stage&apos;s custody period starts</translation>
    </message>
    <message>
        <source>共同犯罪或团伙</source>
        <translation>Joint crime or gang</translation>
    </message>
    <message>
        <source>共同犯罪或团伙案件</source>
        <translation>A joint-crime or gang case</translation>
    </message>
    <message>
        <source>看守所发出羁押期限即将届满通知书的日期</source>
        <translation>When the centre sent the notice that custody is about to expire</translation>
    </message>
    <message>
        <source>例如：有期徒刑一年六个月</source>
        <translation>e.g. fixed-term imprisonment of 1 year 6 months</translation>
    </message>
    <message>
        <source>留所服刑人员的刑满释放日期</source>
        <translation>Release date of a person serving in the centre</translation>
    </message>
    <message>
        <source>看守所收到执行通知书等法律文书的日期</source>
        <translation>When the centre received the execution notice and other documents</translation>
    </message>
    <message>
        <source>拘留、逮捕、延长、退补、换押等</source>
        <translation>Detention, arrest, extension, return for investigation, handover …</translation>
    </message>
    <message>
        <source>决定或发生的日期</source>
        <translation>When it was decided or happened</translation>
    </message>
    <message>
        <source>延长羁押期限的月数</source>
        <translation>Months the custody period is extended by</translation>
    </message>
    <message>
        <source>延长的天数（按日计算时）</source>
        <translation>Days extended (when counted in days)</translation>
    </message>
    <message>
        <source>例如：刑事诉讼法第一百五十八条</source>
        <translation>e.g. Criminal Procedure Law art. 158</translation>
    </message>
    <message>
        <source>作出决定的机关</source>
        <translation>The authority that decided</translation>
    </message>
    <message>
        <source>决定书文号</source>
        <translation>Number of the decision</translation>
    </message>
    <message>
        <source>当日在岗的检察人员</source>
        <translation>Staff on site that day</translation>
    </message>
    <message>
        <source>监督情况</source>
        <translation>Supervision</translation>
    </message>
    <message>
        <source>当日监督工作情况（由当日记录生成，可修改）</source>
        <translation>The day&apos;s supervision work (made from the day&apos;s records; may be changed)</translation>
    </message>
    <message>
        <source>采纳反馈</source>
        <translation>Adoption feedback</translation>
    </message>
    <message>
        <source>看守所采纳纠正意见、检察建议的情况</source>
        <translation>How the centre adopted corrections and suggestions</translation>
    </message>
    <message>
        <source>其他工作</source>
        <translation>Other work</translation>
    </message>
    <message>
        <source>“自事件当日”：逮捕3月1日+2个月=5月1日；“自次日”：=5月2日。法律未明确规定，默认按前者；本地口径不同时可修改。</source>
        <translation>&quot;From the event day&quot;: arrest on 1 March + 2 months = 1 May; &quot;from the next day&quot;: 2 May. The law does not say which; the first is the default — change it if your locality counts otherwise.</translation>
    </message>
    <message>
        <source>监督线索核实提醒天数</source>
        <translation>Days before an unverified lead is flagged</translation>
    </message>
    <message>
        <source>监督线索待核实超过这些天的，工作台以“临近”提醒；未超过的以“提示”列出。</source>
        <translation>Supervision leads awaiting verification for longer than this many days are shown on the dashboard as “Due soon”; newer ones are listed as “Note”.</translation>
    </message>
    <message>
        <source>刑事诉讼法</source>
        <translation>Criminal Procedure Law</translation>
    </message>
    <message>
        <source>人民检察院刑事诉讼规则</source>
        <translation>Criminal Procedure Rules of the People&apos;s Procuratorates</translation>
    </message>
    <message>
        <source>刑诉规则</source>
        <translation>Criminal Procedure Rules</translation>
    </message>
    <message>
        <source>人民检察院监狱检察办法</source>
        <translation>Measures for Procuratorial Supervision of Prisons</translation>
    </message>
    <message>
        <source>监狱法</source>
        <translation>Prison Law</translation>
    </message>
    <message>
        <source>最高人民法院关于适用《中华人民共和国刑事诉讼法》的解释</source>
        <translation>Supreme People&apos;s Court Interpretation of the Criminal Procedure Law</translation>
    </message>
    <message>
        <source>《刑事诉讼法》</source>
        <translation>Criminal Procedure Law</translation>
    </message>
    <message>
        <source>《人民检察院刑事诉讼规则》</source>
        <translation>Criminal Procedure Rules of the People&apos;s Procuratorates</translation>
    </message>
    <message>
        <source>《刑诉规则》</source>
        <translation>Criminal Procedure Rules</translation>
    </message>
    <message>
        <source>《人民检察院监狱检察办法》</source>
        <translation>Measures for Procuratorial Supervision of Prisons</translation>
    </message>
    <message>
        <source>《监狱法》</source>
        <translation>Prison Law</translation>
    </message>
    <message>
        <source>《最高人民法院关于适用《中华人民共和国刑事诉讼法》的解释》</source>
        <translation>Supreme People&apos;s Court Interpretation of the Criminal Procedure Law</translation>
    </message>
    <message>
        <source>中华人民共和国刑事诉讼法</source>
        <translation>Criminal Procedure Law</translation>
    </message>
    <message>
        <source>《中华人民共和国刑事诉讼法》</source>
        <translation>Criminal Procedure Law</translation>
    </message>
    <message>
        <source>中华人民共和国监狱法</source>
        <translation>Prison Law</translation>
    </message>
    <message>
        <source>《中华人民共和国监狱法》</source>
        <translation>Prison Law</translation>
    </message>
    <message>
        <source>已确认</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>管理员</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>确认后日志定稿</source>
        <translation>Once confirmed, the log is final</translation>
    </message>
    <message>
        <source>YYYY-MM</source>
        <translation>YYYY-MM</translation>
    </message>
    <message>
        <source>落款单位</source>
        <translation>Signed by (unit)</translation>
    </message>
    <message>
        <source>审批的负责人</source>
        <translation>Head who approved</translation>
    </message>
    <message>
        <source>例如：看守所书面回复扫描件</source>
        <translation>e.g. scan of the centre&apos;s written reply</translation>
    </message>
    <message>
        <source>值班表上显示的姓名</source>
        <translation>Name shown on the roster</translation>
    </message>
    <message>
        <source>对应的用户（有账号时关联，签到时据此认出本人）</source>
        <translation>The person&apos;s user account, if any (sign-in recognises them by it)</translation>
    </message>
    <message>
        <source>例如：检察官、检察官助理</source>
        <translation>e.g. procurator, procurator&apos;s assistant</translation>
    </message>
    <message>
        <source>计入在岗人数</source>
        <translation>Counts toward staffing</translation>
    </message>
    <message>
        <source>计入工作日在岗人数</source>
        <translation>Counts toward the working-day staffing minimum</translation>
    </message>
    <message>
        <source>值班表中的排列顺序，小的在前</source>
        <translation>Order on the roster, smallest first</translation>
    </message>
    <message>
        <source>在编</source>
        <translation>On staff</translation>
    </message>
    <message>
        <source>停用后不再列入值班表</source>
        <translation>No longer on the roster once set off</translation>
    </message>
    <message>
        <source>删除时间</source>
        <translation>Deleted at</translation>
    </message>
    <message>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>撰写人</source>
        <translation>Author</translation>
    </message>
    <message>
        <source>统计数字</source>
        <translation>Figures</translation>
    </message>
    <message>
        <source>检察场所</source>
        <translation>Places inspected</translation>
    </message>
    <message>
        <source>收押凭证</source>
        <translation>Admission documents</translation>
    </message>
    <message>
        <source>入所检查情况</source>
        <translation>Admission check</translation>
    </message>
    <message>
        <source>随身物品</source>
        <translation>Personal belongings</translation>
    </message>
    <message>
        <source>出所凭证</source>
        <translation>Discharge documents</translation>
    </message>
    <message>
        <source>涉及在押人员</source>
        <translation>Detainees concerned</translation>
    </message>
    <message>
        <source>统计项目</source>
        <translation>Counted items</translation>
    </message>
    <message>
        <source>填写项目</source>
        <translation>Items filled in</translation>
    </message>
    <message>
        <source>审批日期</source>
        <translation>Approved on</translation>
    </message>
    <message>
        <source>监控录像</source>
        <translation>CCTV footage</translation>
    </message>
    <message>
        <source>检查项目</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <source>联合检查单位</source>
        <translation>Joint inspection units</translation>
    </message>
    <message>
        <source>检查区域</source>
        <translation>Areas inspected</translation>
    </message>
    <message>
        <source>联席会议记录</source>
        <translation>Joint meeting notes</translation>
    </message>
    <message>
        <source>效果评估</source>
        <translation>Effect evaluation</translation>
    </message>
    <message>
        <source>回复内容</source>
        <translation>Reply</translation>
    </message>
    <message>
        <source>已采纳</source>
        <translation>Adopted</translation>
    </message>
    <message>
        <source>督促记录</source>
        <translation>Urging history</translation>
    </message>
    <message>
        <source>抄送</source>
        <translation>Copied to</translation>
    </message>
    <message>
        <source>设置值</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>被监听</source>
        <translation>Monitored</translation>
    </message>
    <message>
        <source>民警在场</source>
        <translation>Officer present</translation>
    </message>
    <message>
        <source>拒绝理由</source>
        <translation>Reason for refusal</translation>
    </message>
    <message>
        <source>复查结果</source>
        <translation>Review outcome</translation>
    </message>
    <message>
        <source>谈话时的在押人员信息</source>
        <translation>Detainee particulars at the time of the talk</translation>
    </message>
    <message>
        <source>记录人</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <source>相关来信</source>
        <translation>Related letter</translation>
    </message>
    <message>
        <source>巡视记录</source>
        <translation>Patrol record</translation>
    </message>
    <message>
        <source>谈话记录</source>
        <translation>Talk record</translation>
    </message>
    <message>
        <source>来信</source>
        <translation>Letter</translation>
    </message>
    <message>
        <source>发现时间</source>
        <translation>Found at</translation>
    </message>
    <message>
        <source>回复扫描件</source>
        <translation>Scan of the reply</translation>
    </message>
    <message>
        <source>签发</source>
        <translation>Sign</translation>
    </message>
    <message>
        <source>撤回</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <source>登记送达</source>
        <translation>Record service</translation>
    </message>
    <message>
        <source>登记回复</source>
        <translation>Record reply</translation>
    </message>
    <message>
        <source>登记督促</source>
        <translation>Record urging</translation>
    </message>
    <message>
        <source>登记申请复查</source>
        <translation>Record review request</translation>
    </message>
    <message>
        <source>登记复查决定</source>
        <translation>Record review decision</translation>
    </message>
    <message>
        <source>核实整改</source>
        <translation>Verify rectification</translation>
    </message>
    <message>
        <source>上报</source>
        <translation>Report upward</translation>
    </message>
    <message>
        <source>已整改 / 未整改</source>
        <translation>Rectified / not rectified</translation>
    </message>
    <message>
        <source>跟踪中</source>
        <translation>Following up</translation>
    </message>
    <message>
        <source>已制发纠正违法通知书</source>
        <translation>Rectification notice issued</translation>
    </message>
    <message>
        <source>已制发通知书</source>
        <translation>Notice issued</translation>
    </message>
    <message>
        <source>已纠正（经纠正违法通知书）</source>
        <translation>Corrected (after a rectification notice)</translation>
    </message>
    <message>
        <source>已纠正（经通知书）</source>
        <translation>Corrected (after notice)</translation>
    </message>
    <message>
        <source>未整改（纠正违法通知书核实）</source>
        <translation>Not rectified (verified on the rectification notice)</translation>
    </message>
    <message>
        <source>通知书未整改</source>
        <translation>Notice not rectified</translation>
    </message>
    <message>
        <source>未整改，纠正违法通知书已上报</source>
        <translation>Not rectified; rectification notice reported upward</translation>
    </message>
    <message>
        <source>通知书已上报</source>
        <translation>Notice reported upward</translation>
    </message>
    <message>
        <source>纠正违法通知书已撤回</source>
        <translation>Rectification notice withdrawn</translation>
    </message>
    <message>
        <source>通知书已撤回</source>
        <translation>Notice withdrawn</translation>
    </message>
    <message>
        <source>部分整改（纠正违法通知书核实）</source>
        <translation>Partly rectified (verified on the rectification notice)</translation>
    </message>
    <message>
        <source>录入或修改记录</source>
        <translation>enter or change records</translation>
    </message>
    <message>
        <source>签发文书</source>
        <translation>sign documents</translation>
    </message>
    <message>
        <source>修改检察室设置</source>
        <translation>change station settings</translation>
    </message>
    <message>
        <source>管理用户</source>
        <translation>manage users</translation>
    </message>
    <message>
        <source>可以录入或修改记录、签发文书、修改检察室设置；不能管理用户</source>
        <translation>May enter or change records, sign documents and change station settings; may not manage users</translation>
    </message>
    <message>
        <source>可以录入或修改记录；不能签发文书、修改检察室设置、管理用户</source>
        <translation>May enter or change records; may not sign documents, change station settings or manage users</translation>
    </message>
    <message>
        <source>可以修改检察室设置、管理用户；不能录入或修改记录、签发文书</source>
        <translation>May change station settings and manage users; may not enter or change records or sign documents</translation>
    </message>
    <message>
        <source>期限与工作规则</source>
        <translation>Deadlines and rules</translation>
    </message>
    <message>
        <source>节假日顺延</source>
        <translation>Holiday extension</translation>
    </message>
    <message>
        <source>文号、日期与保密代称</source>
        <translation>Numbers and dates</translation>
    </message>
    <message>
        <source>文书用语</source>
        <translation>Document wording</translation>
    </message>
    <message>
        <source>登录与锁屏</source>
        <translation>Sign-in and lock</translation>
    </message>
    <message>
        <source>按月计算的起算方式</source>
        <translation>How month-based periods start</translation>
    </message>
    <message>
        <source>自事件当日</source>
        <translation>From the event day</translation>
    </message>
    <message>
        <source>自次日</source>
        <translation>From the next day</translation>
    </message>
    <message>
        <source>延长期限的计算方式</source>
        <translation>How extensions are counted</translation>
    </message>
    <message>
        <source>“累计”：自原起算日加总月数（12月31日+3个月=3月31日）；“接续”：自上一期限届满日起加（=3月28日）。</source>
        <translation>&quot;Cumulative&quot;: total months added to the original start (31 Dec + 3 months = 31 Mar); &quot;consecutive&quot;: added from the previous expiry (= 28 Mar).</translation>
    </message>
    <message>
        <source>累计</source>
        <translation>Cumulative</translation>
    </message>
    <message>
        <source>接续</source>
        <translation>Consecutive</translation>
    </message>
    <message>
        <source>不计入期间的计算方式</source>
        <translation>How excluded periods are counted</translation>
    </message>
    <message>
        <source>鉴定、阅卷、中止审理等不计入的期间：“结束日减开始日”或“首尾两日均计入”（多1日）。</source>
        <translation>Periods not counted (assessment, file review, suspended trial …): &quot;end day minus start day&quot; or &quot;both end days counted&quot; (one day more).</translation>
    </message>
    <message>
        <source>结束日减开始日</source>
        <translation>End day minus start day</translation>
    </message>
    <message>
        <source>首尾两日均计入</source>
        <translation>Both end days counted</translation>
    </message>
    <message>
        <source>羁押期限届满提前提醒天数</source>
        <translation>Days of warning before custody expires</translation>
    </message>
    <message>
        <source>看守所应在届满前七日以内发出羁押期限即将届满通知书（刑诉规则第六百一十五条）。</source>
        <translation>The centre must send the custody expiry notice within seven days before expiry (Rules art. 615).</translation>
    </message>
    <message>
        <source>羁押期限附加提醒（届满前天数）</source>
        <translation>Extra custody reminders (days before expiry)</translation>
    </message>
    <message>
        <source>在届满前这些天再次提醒，例如3天、1天。</source>
        <translation>Remind again on these days before expiry, e.g. 3 and 1 days.</translation>
    </message>
    <message>
        <source>口头纠正后跟踪天数</source>
        <translation>Follow-up days after an oral correction</translation>
    </message>
    <message>
        <source>口头纠正意见提出后多少日未纠正即应制发纠正违法通知书（刑诉规则第六百二十四条）。</source>
        <translation>Days after an oral correction after which, if not corrected, a rectification notice is due (Rules art. 624).</translation>
    </message>
    <message>
        <source>纠正违法通知书回复期限（日）</source>
        <translation>Rectification notice reply period (days)</translation>
    </message>
    <message>
        <source>通知书载明的回复期限的默认值；15日来自已废止的2012年规则第六百三十二条。</source>
        <translation>Default reply period stated in a notice; 15 days comes from art. 632 of the repealed 2012 Rules.</translation>
    </message>
    <message>
        <source>回复期限起算点</source>
        <translation>Reply period starts</translation>
    </message>
    <message>
        <source>自送达（收到通知书）起算或自发出之日起算。</source>
        <translation>From service (receipt of the notice) or from the day it is sent.</translation>
    </message>
    <message>
        <source>自送达之日</source>
        <translation>From the day of service</translation>
    </message>
    <message>
        <source>自发出之日</source>
        <translation>From the day sent</translation>
    </message>
    <message>
        <source>复查决定期限（日）</source>
        <translation>Review decision period (days)</translation>
    </message>
    <message>
        <source>被监督单位要求复查的，应在此期限内作出决定（刑诉规则第五百五十四条）。</source>
        <translation>When the supervised unit asks for a review, decide within this period (Rules art. 554).</translation>
    </message>
    <message>
        <source>检察建议书回复期限（月）</source>
        <translation>Procuratorial suggestion reply period (months)</translation>
    </message>
    <message>
        <source>自收到检察建议书之日起的书面回复期限，紧急情况可更短。</source>
        <translation>Written reply period from receipt of the suggestion; may be shorter when urgent.</translation>
    </message>
    <message>
        <source>检查检察建议书送达期限</source>
        <translation>Check the suggestion service period</translation>
    </message>
    <message>
        <source>是否提醒签发后按期送达（来源为已失效的江苏省办法，默认关闭）。</source>
        <translation>Whether to remind that a signed suggestion must be served in time (from a lapsed Jiangsu rule; off by default).</translation>
    </message>
    <message>
        <source>检察建议书送达期限（日）</source>
        <translation>Suggestion service period (days)</translation>
    </message>
    <message>
        <source>签发后应在此期限内送达。</source>
        <translation>Serve within this period after signing.</translation>
    </message>
    <message>
        <source>控告申诉审查期限（日）</source>
        <translation>Accusation and petition review period (days)</translation>
    </message>
    <message>
        <source>自受理之日起提出审查意见的期限（刑诉规则第五百五十六条）。</source>
        <translation>Period to give a review opinion from acceptance (Rules art. 556).</translation>
    </message>
    <message>
        <source>律师控告答复期限（日）</source>
        <translation>Lawyer complaint reply period (days)</translation>
    </message>
    <message>
        <source>辩护人反映阻碍依法行使诉讼权利的，应在此期限内办理并书面答复（刑诉规则第五十八条）。</source>
        <translation>When defence counsel report obstruction of their rights, handle it and reply in writing within this period (Rules art. 58).</translation>
    </message>
    <message>
        <source>律师会见安排时限（小时）</source>
        <translation>Lawyer meeting arrangement limit (hours)</translation>
    </message>
    <message>
        <source>自律师提交会见手续起安排会见的时限（刑事诉讼法第三十九条）。</source>
        <translation>Time to arrange a meeting after the lawyer submits the papers (Criminal Procedure Law art. 39).</translation>
    </message>
    <message>
        <source>误收申请移送期限（日）</source>
        <translation>Transfer period for misdirected applications (days)</translation>
    </message>
    <message>
        <source>不属本院管辖的申请应在此期限内移送（刑诉规则第五百七十六条）。</source>
        <translation>Applications outside this procuratorate&apos;s jurisdiction are transferred within this period (Rules art. 576).</translation>
    </message>
    <message>
        <source>释放/变更强制措施建议回复期限（日）</source>
        <translation>Reply period for release / changed-measure suggestions (days)</translation>
    </message>
    <message>
        <source>办案机关对检察机关建议的回复期限（刑诉规则第五百八十一条）。</source>
        <translation>The case authority&apos;s period to reply to the procuratorate&apos;s suggestion (Rules art. 581).</translation>
    </message>
    <message>
        <source>交付执行期限（日）</source>
        <translation>Delivery for execution period (days)</translation>
    </message>
    <message>
        <source>收到执行通知书等法律文书后应在此期限内交付监狱执行（刑诉规则第六百二十五条）。</source>
        <translation>Deliver to prison within this period after receiving the execution notice (Rules art. 625).</translation>
    </message>
    <message>
        <source>交付执行期限计算方式</source>
        <translation>How the delivery period is counted</translation>
    </message>
    <message>
        <source>“按日”：收到后30日；“一个月”：监狱法第十五条的“一个月内”。</source>
        <translation>&quot;In days&quot;: 30 days after receipt; &quot;one month&quot;: &quot;within one month&quot; of Prison Law art. 15.</translation>
    </message>
    <message>
        <source>按日</source>
        <translation>In days</translation>
    </message>
    <message>
        <source>一个月</source>
        <translation>One month</translation>
    </message>
    <message>
        <source>留所服刑余刑上限（月）</source>
        <translation>Longest remaining sentence served in the centre (months)</translation>
    </message>
    <message>
        <source>剩余刑期在此月数以下的可由看守所代为执行（刑事诉讼法第二百六十四条）。</source>
        <translation>A remaining term of at most this many months may be served in the centre (Criminal Procedure Law art. 264).</translation>
    </message>
    <message>
        <source>余刑计算基准日</source>
        <translation>Remaining term counted from</translation>
    </message>
    <message>
        <source>“收到执行通知书之日”或“作出留所决定之日”；法律表述为“在被交付执行刑罚前”。</source>
        <translation>&quot;Day the execution notice is received&quot; or &quot;day the decision to keep them is made&quot;; the law says &quot;before being delivered for execution&quot;.</translation>
    </message>
    <message>
        <source>收到执行通知书之日</source>
        <translation>Day the execution notice is received</translation>
    </message>
    <message>
        <source>作出留所决定之日</source>
        <translation>Day the decision to keep them is made</translation>
    </message>
    <message>
        <source>非羁押期限遇节假日顺延</source>
        <translation>Non-custody deadlines move past holidays</translation>
    </message>
    <message>
        <source>期限最后一日为节假日的是否顺延至节后第一个工作日（逐项设置）；羁押期限一律不顺延。</source>
        <translation>Whether a deadline falling on a holiday moves to the next working day (set per rule); custody deadlines never move.</translation>
    </message>
    <message>
        <source>口头纠正意见跟踪（7日）</source>
        <translation>Oral correction follow-up (7 days)</translation>
    </message>
    <message>
        <source>纠正违法通知书回复</source>
        <translation>Rectification notice reply</translation>
    </message>
    <message>
        <source>复查决定（7日）</source>
        <translation>Review decision (7 days)</translation>
    </message>
    <message>
        <source>检察建议书回复</source>
        <translation>Procuratorial suggestion reply</translation>
    </message>
    <message>
        <source>检察建议书送达</source>
        <translation>Procuratorial suggestion service</translation>
    </message>
    <message>
        <source>控告申诉审查（15日）</source>
        <translation>Accusation and petition review (15 days)</translation>
    </message>
    <message>
        <source>律师阻碍执业控告答复（10日）</source>
        <translation>Reply to a lawyer&apos;s obstruction complaint (10 days)</translation>
    </message>
    <message>
        <source>误收申请移送（2日）</source>
        <translation>Transfer of a misdirected application (2 days)</translation>
    </message>
    <message>
        <source>释放/变更强制措施建议回复（10日）</source>
        <translation>Reply to a release / changed-measure suggestion (10 days)</translation>
    </message>
    <message>
        <source>每周巡视次数下限</source>
        <translation>Patrols per week (minimum)</translation>
    </message>
    <message>
        <source>每周对监区巡视检查不少于此次数（本地要求）。</source>
        <translation>Patrol the blocks at least this many times a week (local rule).</translation>
    </message>
    <message>
        <source>每周个别谈话人数下限</source>
        <translation>Detainees talked to per week (minimum)</translation>
    </message>
    <message>
        <source>每周与不少于此数量的在押人员个别谈话（本地要求）。</source>
        <translation>Hold individual talks with at least this many detainees a week (local rule).</translation>
    </message>
    <message>
        <source>计入每周谈话的谈话类型</source>
        <translation>Talk types counted each week</translation>
    </message>
    <message>
        <source>哪些谈话类型计入每周谈话数，默认全部。</source>
        <translation>Which talk types count toward the weekly talks; all by default.</translation>
    </message>
    <message>
        <source>每周开启信箱次数下限</source>
        <translation>Mailbox openings per week (minimum)</translation>
    </message>
    <message>
        <source>检察官信箱每周至少开启的次数。</source>
        <translation>How often the procurator&apos;s mailbox is opened each week at least.</translation>
    </message>
    <message>
        <source>开启信箱人数</source>
        <translation>Staff to open the mailbox</translation>
    </message>
    <message>
        <source>开启信箱须有几名检察人员在场。</source>
        <translation>How many staff must be present when the mailbox is opened.</translation>
    </message>
    <message>
        <source>新收押人员谈话期限（日）</source>
        <translation>Talk with new admissions within (days)</translation>
    </message>
    <message>
        <source>新收押人员应在入所后此天数内谈话（本地做法，无明文依据）。</source>
        <translation>Talk with a newly admitted detainee within this many days (local practice, no written rule).</translation>
    </message>
    <message>
        <source>每周起始日</source>
        <translation>Week starts on</translation>
    </message>
    <message>
        <source>统计每周指标时一周从哪一天开始，默认周一。</source>
        <translation>The day weekly targets count from; Monday by default.</translation>
    </message>
    <message>
        <source>周一</source>
        <translation>Mon</translation>
    </message>
    <message>
        <source>周二</source>
        <translation>Tue</translation>
    </message>
    <message>
        <source>周三</source>
        <translation>Wed</translation>
    </message>
    <message>
        <source>周四</source>
        <translation>Thu</translation>
    </message>
    <message>
        <source>周五</source>
        <translation>Fri</translation>
    </message>
    <message>
        <source>周六</source>
        <translation>Sat</translation>
    </message>
    <message>
        <source>周日</source>
        <translation>Sun</translation>
    </message>
    <message>
        <source>调看监控频次</source>
        <translation>CCTV review frequency</translation>
    </message>
    <message>
        <source>调看监控录像的频次，默认每日。</source>
        <translation>How often CCTV footage is reviewed; daily by default.</translation>
    </message>
    <message>
        <source>每日</source>
        <translation>Daily</translation>
    </message>
    <message>
        <source>每个工作日</source>
        <translation>Every working day</translation>
    </message>
    <message>
        <source>每周</source>
        <translation>Weekly</translation>
    </message>
    <message>
        <source>联席会议间隔（月）</source>
        <translation>Joint meeting interval (months)</translation>
    </message>
    <message>
        <source>与看守所等单位召开联席会议的间隔。</source>
        <translation>Interval between joint meetings with the centre and other units.</translation>
    </message>
    <message>
        <source>节前安全大检查的节日</source>
        <translation>Holidays with a pre-holiday safety inspection</translation>
    </message>
    <message>
        <source>在哪些节日前组织全面安全大检查，默认春节、国庆节。</source>
        <translation>Before which holidays a full safety inspection is held; Spring Festival and National Day by default.</translation>
    </message>
    <message>
        <source>节前检查提前天数</source>
        <translation>Pre-holiday inspection lead time (days)</translation>
    </message>
    <message>
        <source>节前安全大检查应在假期开始前的这些天内完成。</source>
        <translation>Finish the pre-holiday inspection within these days before the holiday begins.</translation>
    </message>
    <message>
        <source>节前检查联合单位</source>
        <translation>Joint units for the pre-holiday inspection</translation>
    </message>
    <message>
        <source>联合开展检查的单位，默认武警中队、公安分局。</source>
        <translation>Units inspecting jointly; the armed police squadron and the public security sub-bureau by default.</translation>
    </message>
    <message>
        <source>一审审限提醒（月）</source>
        <translation>First-instance trial reminder (months)</translation>
    </message>
    <message>
        <source>一审公诉案件受理后满此月数即提醒（刑事诉讼法第二百零八条“二个月”）。</source>
        <translation>Remind this many months after a public prosecution case is accepted at first instance (Criminal Procedure Law art. 208, &quot;two months&quot;).</translation>
    </message>
    <message>
        <source>一审审限超期线（月）</source>
        <translation>First-instance trial overdue after (months)</translation>
    </message>
    <message>
        <source>一审公诉案件“至迟不得超过三个月”，超过即视为超期。</source>
        <translation>A first-instance public prosecution case takes &quot;no more than three months&quot;; later counts as overdue.</translation>
    </message>
    <message>
        <source>工作日最少在岗人数</source>
        <translation>Staff on site on working days (minimum)</translation>
    </message>
    <message>
        <source>工作日确保在岗的检察人员最少人数（本地要求）。</source>
        <translation>The fewest staff on site on a working day (local rule).</translation>
    </message>
    <message>
        <source>工作日通常在岗人数上限</source>
        <translation>Staff usually on site on working days (maximum)</translation>
    </message>
    <message>
        <source>工作日在岗检察人员的通常上限（本地要求）。</source>
        <translation>The usual most staff on site on a working day (local rule).</translation>
    </message>
    <message>
        <source>法定节假日安排值班</source>
        <translation>Duty on statutory holidays</translation>
    </message>
    <message>
        <source>法定节假日是否须安排人员值班。</source>
        <translation>Whether someone must be on duty on statutory holidays.</translation>
    </message>
    <message>
        <source>在岗人数不足提前提醒天数</source>
        <translation>Days of warning for short staffing</translation>
    </message>
    <message>
        <source>值班表中工作日计划在岗人数少于最少人数的，提前这些天在工作台提醒。</source>
        <translation>When a working day is planned with fewer staff than the minimum, warn on the Dashboard this many days ahead.</translation>
    </message>
    <message>
        <source>节假日无人值班提前提醒天数</source>
        <translation>Days of warning for a holiday without duty</translation>
    </message>
    <message>
        <source>法定节假日值班表中没有值班人员的，提前这些天在工作台提醒。</source>
        <translation>When nobody is on duty on a statutory holiday, warn on the Dashboard this many days ahead.</translation>
    </message>
    <message>
        <source>每人每月在岗天数目标</source>
        <translation>Days on site per person per month (target)</translation>
    </message>
    <message>
        <source>每名检察人员每月实际到岗（签到）的天数目标，月报据此统计；0为不设目标。参照监狱检察办法第五十一条“每月不少于16个工作日”，看守所无明文规定。</source>
        <translation>Target of days each staff member is actually on site (signed in) per month, counted in the monthly report; 0 for none. After art. 51 of the prison inspection rules (&quot;no fewer than 16 working days a month&quot;); there is no written rule for detention centres.</translation>
    </message>
    <message>
        <source>节假日顺延：口头纠正意见跟踪（7日）</source>
        <translation>Holiday extension: oral correction follow-up (7 days)</translation>
    </message>
    <message>
        <source>期限末日遇节假日是否顺延到节后第一个工作日</source>
        <translation>Whether a deadline falling on a holiday moves to the next working day</translation>
    </message>
    <message>
        <source>节假日顺延：纠正违法通知书回复</source>
        <translation>Holiday extension: rectification notice reply</translation>
    </message>
    <message>
        <source>节假日顺延：复查决定（7日）</source>
        <translation>Holiday extension: review decision (7 days)</translation>
    </message>
    <message>
        <source>节假日顺延：检察建议书回复</source>
        <translation>Holiday extension: procuratorial suggestion reply</translation>
    </message>
    <message>
        <source>节假日顺延：检察建议书送达</source>
        <translation>Holiday extension: procuratorial suggestion service</translation>
    </message>
    <message>
        <source>节假日顺延：控告申诉审查（15日）</source>
        <translation>Holiday extension: accusation and petition review (15 days)</translation>
    </message>
    <message>
        <source>节假日顺延：律师阻碍执业控告答复（10日）</source>
        <translation>Holiday extension: reply to a lawyer&apos;s obstruction complaint (10 days)</translation>
    </message>
    <message>
        <source>节假日顺延：误收申请移送（2日）</source>
        <translation>Holiday extension: transfer of a misdirected application (2 days)</translation>
    </message>
    <message>
        <source>节假日顺延：释放/变更强制措施建议回复（10日）</source>
        <translation>Holiday extension: reply to a release / changed-measure suggestion (10 days)</translation>
    </message>
    <message>
        <source>文号格式</source>
        <translation>Document number pattern</translation>
    </message>
    <message>
        <source>占位符：{agency}院代字、{dept}部门代字、{type}文种代字、{year}年份、{n}序号；默认 {agency}检{dept}{type}〔{year}〕{n}号</source>
        <translation>Placeholders: {agency} procuratorate code, {dept} department code, {type} document type code, {year} year, {n} sequence number (the default is shown below)</translation>
    </message>
    <message>
        <source>部门代字</source>
        <translation>Department code</translation>
    </message>
    <message>
        <source>文号中的部门代字，默认“刑执”</source>
        <translation>The department code in document numbers (the default is shown below)</translation>
    </message>
    <message>
        <source>文种代字</source>
        <translation>Document type codes</translation>
    </message>
    <message>
        <source>纠正违法通知书与检察建议书的文种代字，如 {&quot;rectification_notice&quot;: &quot;纠违&quot;, &quot;procuratorial_suggestion&quot;: &quot;建&quot;}</source>
        <translation>Type codes of rectification notices and procuratorial suggestions, as JSON: {&quot;rectification_notice&quot;: …, &quot;procuratorial_suggestion&quot;: …}</translation>
    </message>
    <message>
        <source>文号位置</source>
        <translation>Document number position</translation>
    </message>
    <message>
        <source>“right”居右（检察文书样本，默认）或“center”居中（GB/T 9704 公文）</source>
        <translation>&quot;right&quot; (the procuratorial samples, default) or &quot;center&quot; (GB/T 9704 official documents)</translation>
    </message>
    <message>
        <source>居右</source>
        <translation>Right</translation>
    </message>
    <message>
        <source>居中</source>
        <translation>Centre</translation>
    </message>
    <message>
        <source>保密来源的代称</source>
        <translation>Pseudonym of confidential sources</translation>
    </message>
    <message>
        <source>送看守所的文书中举报人、谈话对象等保密来源的代称，{} 处依次填甲、乙、丙……，默认“在押人员{}”</source>
        <translation>How confidential sources (informants, interviewees) are named in documents sent to the centre; {} takes the Chinese ordinals (A, B, C …) in turn (the default is shown below)</translation>
    </message>
    <message>
        <source>成文日期写法</source>
        <translation>Date style of documents</translation>
    </message>
    <message>
        <source>纠正违法通知书、检察建议书和月度报告落款处的日期：“arabic”2026年9月18日（GB/T 9704，默认）或“chinese”二〇二六年九月十八日</source>
        <translation>The date above the signature of notices, suggestions and monthly reports: &quot;arabic&quot; numerals (GB/T 9704, default) or &quot;chinese&quot; numerals</translation>
    </message>
    <message>
        <source>2026年9月18日</source>
        <translation>Arabic numerals (2026-09-18)</translation>
    </message>
    <message>
        <source>二〇二六年九月十八日</source>
        <translation>Chinese numerals</translation>
    </message>
    <message>
        <source>纠正违法通知书：认定违法</source>
        <translation>Rectification notice: finding of violation</translation>
    </message>
    <message>
        <source>固定用语，可按本院样本修改；须保留 {violated}</source>
        <translation>Fixed wording, may follow this procuratorate&apos;s samples; must keep {violated}</translation>
    </message>
    <message>
        <source>纠正违法通知书：纠正依据</source>
        <translation>Rectification notice: basis for correction</translation>
    </message>
    <message>
        <source>固定用语，可按本院样本修改；须保留 {basis}</source>
        <translation>Fixed wording, may follow this procuratorate&apos;s samples; must keep {basis}</translation>
    </message>
    <message>
        <source>纠正违法通知书：纠正（未写依据条文时）</source>
        <translation>Rectification notice: correction (when no article is given)</translation>
    </message>
    <message>
        <source>固定用语，可按本院样本修改</source>
        <translation>Fixed wording, may follow this procuratorate&apos;s samples</translation>
    </message>
    <message>
        <source>纠正违法通知书：回复要求</source>
        <translation>Rectification notice: reply requirement</translation>
    </message>
    <message>
        <source>固定用语，可按本院样本修改；须保留 {days}</source>
        <translation>Fixed wording, may follow this procuratorate&apos;s samples; must keep {days}</translation>
    </message>
    <message>
        <source>检察建议书：查明事实的引语</source>
        <translation>Procuratorial suggestion: lead-in to the facts</translation>
    </message>
    <message>
        <source>检察建议书：认定理由的引语</source>
        <translation>Procuratorial suggestion: lead-in to the reasoning</translation>
    </message>
    <message>
        <source>检察建议书：建议的引语</source>
        <translation>Procuratorial suggestion: lead-in to the suggestions</translation>
    </message>
    <message>
        <source>检察建议书：异议期限</source>
        <translation>Procuratorial suggestion: objection period</translation>
    </message>
    <message>
        <source>检察建议书：回复要求</source>
        <translation>Procuratorial suggestion: reply requirement</translation>
    </message>
    <message>
        <source>固定用语，可按本院样本修改；须保留 {months}</source>
        <translation>Fixed wording, may follow this procuratorate&apos;s samples; must keep {months}</translation>
    </message>
    <message>
        <source>检察建议书：结束语</source>
        <translation>Procuratorial suggestion: closing</translation>
    </message>
    <message>
        <source>登录失败锁定次数</source>
        <translation>Failed sign-ins before lockout</translation>
    </message>
    <message>
        <source>同一用户连续输错密码达到此次数即被锁定</source>
        <translation>A user who types a wrong password this many times in a row is locked out</translation>
    </message>
    <message>
        <source>锁定时长（分钟）</source>
        <translation>Lockout (minutes)</translation>
    </message>
    <message>
        <source>用户被锁定后，需等待这么多分钟才能再次登录</source>
        <translation>A locked-out user waits this many minutes before signing in again</translation>
    </message>
    <message>
        <source>无操作自动锁屏（分钟）</source>
        <translation>Lock when idle (minutes)</translation>
    </message>
    <message>
        <source>这么多分钟无键盘或鼠标操作后，程序先保存草稿，再遮住窗口内容，需原用户密码解锁</source>
        <translation>After this many minutes without keyboard or mouse, the app saves drafts, hides the window&apos;s content and asks the same user&apos;s password to unlock</translation>
    </message>
    <message>
        <source>口头纠正意见记录</source>
        <translation>Oral correction record</translation>
    </message>
    <message>
        <source>个别谈话笔录</source>
        <translation>Individual talk record</translation>
    </message>
    <message>
        <source>检察官信箱开启登记</source>
        <translation>Procurator&apos;s mailbox opening register</translation>
    </message>
    <message>
        <source>派驻检察工作日志</source>
        <translation>Daily work log</translation>
    </message>
    <message>
        <source>月度工作情况报告</source>
        <translation>Monthly work report</translation>
    </message>
    <message>
        <source>在押人员情况检察台账</source>
        <translation>Detainee inspection ledger</translation>
    </message>
    <message>
        <source>值班表</source>
        <translation>Duty roster</translation>
    </message>
</context>
<context>
    <name>rules</name>
    <message>
        <source>{admitted}入所，应于{due}前谈话（新收押人员{n}日内必谈）</source>
        <translation>Admitted on {admitted}: talk by {due} (every new arrival within {n} days)</translation>
    </message>
    <message>
        <source>{anchor}：发回重审，原审法院自收到发回案件之日起重新计算</source>
        <translation>{anchor}: remanded for retrial; the court of first instance counts afresh from receiving the case</translation>
    </message>
    <message>
        <source>{anchor}：发现另有重要罪行或查清身份，重新计算侦查羁押期限</source>
        <translation>{anchor}: another major crime found or identity established; the investigation custody limit counted afresh</translation>
    </message>
    <message>
        <source>{anchor}：审查起诉期限重新计算</source>
        <translation>{anchor}: the review for prosecution counted afresh</translation>
    </message>
    <message>
        <source>{anchor}：审理期限重新计算</source>
        <translation>{anchor}: the trial period counted afresh</translation>
    </message>
    <message>
        <source>{basis}（参照）</source>
        <translation>{basis} (by reference)</translation>
    </message>
    <message>
        <source>{basis}（参照：及时与要求约见的在押人员谈话）</source>
        <translation>{basis} (by reference: talk promptly with a detainee who asks for a meeting)</translation>
    </message>
    <message>
        <source>{category}信件办理答复期限</source>
        <translation>{category} letter: time limit to handle and reply</translation>
    </message>
    <message>
        <source>{category}信件审查答复期限</source>
        <translation>{category} letter: time limit to review and reply</translation>
    </message>
    <message>
        <source>{days}日</source>
        <translation>{days} day(s)</translation>
    </message>
    <message>
        <source>{day}</source>
        <translation>{day}</translation>
    </message>
    <message>
        <source>{day}{who}延长{length}（{source}）{entered}</source>
        <translation>{day}: extended by {length} {who} ({source}) {entered}</translation>
    </message>
    <message>
        <source>{day}为{what}，顺延至{to}</source>
        <translation>{day} ({what}): moved to {to}</translation>
    </message>
    <message>
        <source>{day}为休息日，值班{count}人</source>
        <translation>{day}, rest day: {count} on duty</translation>
    </message>
    <message>
        <source>{day}为休息日，值班{count}人（应安排人员值班）</source>
        <translation>{day}, rest day: {count} on duty (someone must be on duty)</translation>
    </message>
    <message>
        <source>{day}为工作日，在岗{count}人，要求{required}至{max}人</source>
        <translation>{day}, working day: {count} on site, {required} to {max} required</translation>
    </message>
    <message>
        <source>{day}延长{asked}，超过{source}规定的{max}个月，按{max}个月计算</source>
        <translation>{day}: extended by {asked}, more than the {max} months of {source}; counted as {max} months</translation>
    </message>
    <message>
        <source>{day}延长审查起诉超过15日，按15日计算</source>
        <translation>{day}: the review for prosecution extended by more than 15 days; counted as 15 days</translation>
    </message>
    <message>
        <source>{day}录入了{span}结束，但没有对应的开始</source>
        <translation>{day}: an end of {span} entered without its start</translation>
    </message>
    <message>
        <source>{day}的第{n}次延长未录入延长期限，未计入</source>
        <translation>Extension no. {n} of {day} has no length entered and is not counted</translation>
    </message>
    <message>
        <source>{day}重大、复杂案件延长{days}日（{basis}）</source>
        <translation>{day}: extended by {days} days for a major, complex case ({basis})</translation>
    </message>
    <message>
        <source>{day}（{weekday}）</source>
        <translation>{day} ({weekday})</translation>
    </message>
    <message>
        <source>{day}（{weekday}） {holiday}</source>
        <translation>{day} ({weekday}) {holiday}</translation>
    </message>
    <message>
        <source>{doc}回复期限</source>
        <translation>{doc}: time limit for the reply</translation>
    </message>
    <message>
        <source>{doc}回复期限届满后的督促与上报</source>
        <translation>{doc}: urging and reporting up after the time limit for the reply</translation>
    </message>
    <message>
        <source>{doc}逾期未回复：{action}</source>
        <translation>{doc}: no reply in time — {action}</translation>
    </message>
    <message>
        <source>{event}（{day}）</source>
        <translation>{event} ({day})</translation>
    </message>
    <message>
        <source>{file}（{day}导入）</source>
        <translation>{file} (imported {day})</translation>
    </message>
    <message>
        <source>{head}：剩余刑期在{months}个月以下，可由看守所代为执行（留所服刑）</source>
        <translation>{head}: {months} months or less remain, so the detention centre may execute the sentence (serving in the centre)</translation>
    </message>
    <message>
        <source>{head}：剩余刑期恰为{months}个月（“以下”“以上”均含本数），须人工审查决定</source>
        <translation>{head}: exactly {months} months remain (“or less” and “or more” both include the number): a person must review and decide</translation>
    </message>
    <message>
        <source>{head}：剩余刑期超过{months}个月，应交付{where}执行，不得留所服刑</source>
        <translation>{head}: more than {months} months remain, so the convict is to be delivered to {where} and may not serve in the centre</translation>
    </message>
    <message>
        <source>{head}；{day}已出所，未谈话</source>
        <translation>{head}; left the centre on {day} without a talk</translation>
    </message>
    <message>
        <source>{head}；已于{day}谈话</source>
        <translation>{head}; talked on {day}</translation>
    </message>
    <message>
        <source>{head}；已于{day}谈话，晚{late}日</source>
        <translation>{head}; talked on {day}, {late} days late</translation>
    </message>
    <message>
        <source>{head}；已逾期{days}日未谈话</source>
        <translation>{head}; no talk, {days} days overdue</translation>
    </message>
    <message>
        <source>{head}；还有{days}日</source>
        <translation>{head}; days left: {days}</translation>
    </message>
    <message>
        <source>{holiday}前安全大检查</source>
        <translation>Safety inspection before {holiday}</translation>
    </message>
    <message>
        <source>{kind}谈话</source>
        <translation>{kind} talk</translation>
    </message>
    <message>
        <source>{kind}（{weekday}，{year}年节假日安排未知）</source>
        <translation>{kind} ({weekday}; holiday schedule for {year} unknown)</translation>
    </message>
    <message>
        <source>{label}不是有效的日期：{value}</source>
        <translation>{label} is not a valid date: {value}</translation>
    </message>
    <message>
        <source>{label}取值无效：{value}（可选：{choices}）</source>
        <translation>{label}: invalid value {value} (one of: {choices})</translation>
    </message>
    <message>
        <source>{label}被保存成了数字（Excel 只保留 15 位）：请把该列设为文本格式后重新导出</source>
        <translation>{label} was saved as a number (Excel keeps only 15 digits): format the column as text and export it again</translation>
    </message>
    <message>
        <source>{label}：自{start}起{period}（起算日不计入），届满日{raw}</source>
        <translation>{label}: {period} from {start} (the first day not counted), ending {raw}</translation>
    </message>
    <message>
        <source>{law}第{article}条</source>
        <translation>{law}, art. {article}</translation>
    </message>
    <message>
        <source>{law}第{article}条第{item}项</source>
        <translation>{law}, art. {article}({item})</translation>
    </message>
    <message>
        <source>{law}第{article}条第{paragraph}款</source>
        <translation>{law}, art. {article}, para. {paragraph}</translation>
    </message>
    <message>
        <source>{law}第{article}条第{paragraph}款第{item}项</source>
        <translation>{law}, art. {article}, para. {paragraph}({item})</translation>
    </message>
    <message>
        <source>{months}个月</source>
        <translation>{months} month(s)</translation>
    </message>
    <message>
        <source>{months}个月{days}日</source>
        <translation>{months} month(s) {days} day(s)</translation>
    </message>
    <message>
        <source>{month}月{day}日{kind}</source>
        <translation>{kind}, {month}/{day}</translation>
    </message>
    <message>
        <source>{name}律师</source>
        <translation>Lawyer {name}</translation>
    </message>
    <message>
        <source>{note}。国务院公布安排后，请办公室录入节假日表并同步。</source>
        <translation>{note}. Once the State Council publishes the schedule, the office enters it in the holiday table and syncs.</translation>
    </message>
    <message>
        <source>{note}。如人民法院确未送达，应督促其送达执行通知书（{basis}）；如已送达而未录入，交付执行期限（收到后三十日，{rules}）已在计算，可能已逾期未交付执行，请补录收到执行通知书的日期</source>
        <translation>{note}. If the court really has not served it, urge the court to serve the execution notice ({basis}); if it was served but not entered, the time limit for delivery (30 days from receipt, {rules}) is running and may have passed: enter the date the notice was received</translation>
    </message>
    <message>
        <source>{note}。请在值班与在岗中调整值班表。</source>
        <translation>{note}. Adjust the roster under Duty and on site.</translation>
    </message>
    <message>
        <source>{note}（地方工作要求，参照{basis}）</source>
        <translation>{note} (local requirement, by reference to {basis})</translation>
    </message>
    <message>
        <source>{note}；{reason}</source>
        <translation>{note}; {reason}</translation>
    </message>
    <message>
        <source>{number} {addressee}</source>
        <translation>{number} {addressee}</translation>
    </message>
    <message>
        <source>{n}个月</source>
        <translation>{n} months</translation>
    </message>
    <message>
        <source>{n}日</source>
        <translation>{n} days</translation>
    </message>
    <message>
        <source>{old}条待核实已超过{days}日，最早发现于{day}</source>
        <translation>{old} waiting more than {days} days, the oldest found on {day}</translation>
    </message>
    <message>
        <source>{on}交付</source>
        <translation>delivered on {on}</translation>
    </message>
    <message>
        <source>{on}交付{to}</source>
        <translation>delivered on {on} to {to}</translation>
    </message>
    <message>
        <source>{reason}（{basis}）</source>
        <translation>{reason} ({basis})</translation>
    </message>
    <message>
        <source>{span}{start}至{end}，不计入{days}日（{source}）</source>
        <translation>{span} {start} to {end}: {days} days not counted ({source})</translation>
    </message>
    <message>
        <source>{span}在{start}开始后未录入结束又再次开始（{again}）</source>
        <translation>{span} began on {start} and began again ({again}) with no end entered in between</translation>
    </message>
    <message>
        <source>{span}自{start}开始，尚未结束：期限中止计算（{source}）</source>
        <translation>{span} since {start}, not ended: the time limit is suspended ({source})</translation>
    </message>
    <message>
        <source>{span}超过{cap}个月，超过部分（{day}以后）计入期限</source>
        <translation>{span} lasted more than {cap} months: the time beyond (after {day}) counts towards the limit</translation>
    </message>
    <message>
        <source>{stage}期限</source>
        <translation>Time limit of {stage}</translation>
    </message>
    <message>
        <source>{start}—{end}</source>
        <translation>{start} – {end}</translation>
    </message>
    <message>
        <source>{text}{ask}</source>
        <translation>{text} {ask}</translation>
    </message>
    <message>
        <source>{text}；{note}</source>
        <translation>{text}; {note}</translation>
    </message>
    <message>
        <source>{unit}：{facts}</source>
        <translation>{unit}: {facts}</translation>
    </message>
    <message>
        <source>{when}为{kind}，值班{n}人（{names}）</source>
        <translation>{when}, {kind}: {n} on duty ({names})</translation>
    </message>
    <message>
        <source>{when}为{kind}，未安排人员值班</source>
        <translation>{when}, {kind}: nobody on duty</translation>
    </message>
    <message>
        <source>{when}为{kind}，计划在岗{n}人，要求{required}至{max}人</source>
        <translation>{when}, {kind}: {n} planned on site, {required} to {max} required</translation>
    </message>
    <message>
        <source>{when}为休息日</source>
        <translation>{when}, rest day</translation>
    </message>
    <message>
        <source>{when}为休息日，值班{n}人</source>
        <translation>{when}, rest day: {n} on duty</translation>
    </message>
    <message>
        <source>{year}年{holiday}</source>
        <translation>{holiday} {year}</translation>
    </message>
    <message>
        <source>{year}年{holiday}假期安排尚未录入节假日表，无法确定检查期限</source>
        <translation>The {holiday} {year} break is not in the holiday table yet: the inspection&apos;s dates cannot be set</translation>
    </message>
    <message>
        <source>{year}年{holiday}假期自{start}开始，节前安全大检查应在{from_}至{to}进行</source>
        <translation>The {holiday} {year} break starts on {start}: the safety inspection is due from {from_} to {to}</translation>
    </message>
    <message>
        <source>{year}年{month}月工作情况报告</source>
        <translation>Work report for {month}/{year}</translation>
    </message>
    <message>
        <source>{year}年{month}月工作情况报告应于月末（{end}）编写并提交</source>
        <translation>The work report for {month}/{year} is written and submitted at the month&apos;s end ({end})</translation>
    </message>
    <message>
        <source>{year}年{month}月工作情况报告应于月末（{end}）编写并提交，尚未提交</source>
        <translation>The work report for {month}/{year} was due at the month&apos;s end ({end}) and is not submitted</translation>
    </message>
    <message>
        <source>{year}年节假日安排尚未录入</source>
        <translation>Holiday schedule for {year} not entered yet</translation>
    </message>
    <message>
        <source>{year}年节假日安排尚未录入，按{month}月{day}日估计假期开始</source>
        <translation>Holiday schedule for {year} not entered yet: the break is taken to start on {month}/{day}</translation>
    </message>
    <message>
        <source>{year}年节假日安排尚未录入，期限可能顺延</source>
        <translation>Holiday schedule for {year} not entered yet: the date may still move</translation>
    </message>
    <message>
        <source>一个月</source>
        <translation>one month</translation>
    </message>
    <message>
        <source>一审公诉案件{warn}个月内宣判，至迟不得超过{limit}个月（以{limit}个月为超期线）</source>
        <translation>Public prosecution at first instance: judgment within {warn} months, {limit} months at the latest (beyond {limit} months counts as overdue)</translation>
    </message>
    <message>
        <source>一审宣判已{days}日，未录入判决生效或二审受理：请核实判决是否已生效或已上诉，并录入</source>
        <translation>The first-instance judgment was pronounced {days} days ago and neither its taking effect nor a second instance is entered: check whether it took effect or was appealed, and enter it</translation>
    </message>
    <message>
        <source>一审宣判（{day}）晚于审理期限届满日（{deadline}）{late}日：审理期间曾超期羁押，请核实有无延长审理期限未录入</source>
        <translation>First-instance judgment ({day}) {late} days after the trial period ended ({deadline}): the custody during the trial went beyond the time limit; check for an extension of the trial period not entered</translation>
    </message>
    <message>
        <source>一审已于{day}宣判，在审理期限内（审理期限计算至宣判之日）</source>
        <translation>First-instance judgment pronounced on {day}, within the trial period (counted to the day of judgment)</translation>
    </message>
    <message>
        <source>一审已于{day}宣判，晚于审理期限届满日{late}日</source>
        <translation>First-instance judgment pronounced on {day}, {late} days after the trial period ended</translation>
    </message>
    <message>
        <source>上次联席会议{last}，每{months}个月至少召开一次，应于{due}前召开</source>
        <translation>Last joint meeting on {last}; one at least every {months} months: hold one by {due}</translation>
    </message>
    <message>
        <source>不计入期间按结束日减开始日计算天数</source>
        <translation>Excluded periods count the days from their start to their end</translation>
    </message>
    <message>
        <source>不计入期间按首尾两日均计入计算天数</source>
        <translation>Excluded periods count both their first and their last day</translation>
    </message>
    <message>
        <source>中止前剩余{days}日，恢复计算后按实际中止天数顺延</source>
        <translation>{days} days were left when suspended; once resumed, the limit moves by the days actually suspended</translation>
    </message>
    <message>
        <source>中止审理</source>
        <translation>Suspension of the trial</translation>
    </message>
    <message>
        <source>事故发生于{day}，应立即赴现场了解情况并及时（二十四小时内）报告本院检察长</source>
        <translation>The incident happened on {day}: go to the scene at once and report to the chief procurator promptly (within 24 hours)</translation>
    </message>
    <message>
        <source>事故应及时报告检察长</source>
        <translation>Report the incident to the chief procurator</translation>
    </message>
    <message>
        <source>事故检察</source>
        <translation>Supervision of incidents</translation>
    </message>
    <message>
        <source>二审2个月</source>
        <translation>2 months at second instance</translation>
    </message>
    <message>
        <source>二审受理</source>
        <translation>acceptance at second instance</translation>
    </message>
    <message>
        <source>交付执行</source>
        <translation>Delivery for execution</translation>
    </message>
    <message>
        <source>交付执行期限</source>
        <translation>Time limit for delivery for execution</translation>
    </message>
    <message>
        <source>交付执行：自{received}收到执行通知书起{period}（起算日不计入），至迟{due}；本站设置{setting}；罪犯在押，期限不因节假日顺延（{basis}）</source>
        <translation>Delivery for execution: {period} from receipt of the execution notice on {received} (that day not counted), by {due} at the latest; this station counts it {setting}; the convict is in custody, so the time limit is not extended for holidays ({basis})</translation>
    </message>
    <message>
        <source>人民检察院检察建议工作规定</source>
        <translation>Provisions on the Procuratorial Suggestion Work</translation>
    </message>
    <message>
        <source>人民检察院直接受理的案件，拘留后14日内作出是否逮捕的决定</source>
        <translation>A case the procuratorate handles itself: decide on arrest within 14 days of detention</translation>
    </message>
    <message>
        <source>人民检察院看守所检察办法（事故检察）</source>
        <translation>Measures for Procuratorial Supervision of Detention Centres (incidents)</translation>
    </message>
    <message>
        <source>人民检察院自接到提请批准逮捕书后7日内作出决定</source>
        <translation>The procuratorate decides within 7 days of receiving the request for approval of arrest</translation>
    </message>
    <message>
        <source>休息日</source>
        <translation>Rest day</translation>
    </message>
    <message>
        <source>休息日（{weekday}）</source>
        <translation>Rest day ({weekday})</translation>
    </message>
    <message>
        <source>作出决定的期间不计入审查起诉期限（{basis}）</source>
        <translation>The time taken to decide is not counted in the review for prosecution ({basis})</translation>
    </message>
    <message>
        <source>假期已开始，未录入节前检查</source>
        <translation>the break has started and no inspection is recorded</translation>
    </message>
    <message>
        <source>先行拘留{held}至决定逮捕{decided}，不计入审查起诉期限{days}日（{basis}）</source>
        <translation>Preliminary detention {held} to the decision to arrest {decided}: {days} days not counted in the review for prosecution ({basis})</translation>
    </message>
    <message>
        <source>入所（{day}，未录入拘留事件）</source>
        <translation>Admission ({day}; no detention event entered)</translation>
    </message>
    <message>
        <source>再审3个月</source>
        <translation>3 months of retrial</translation>
    </message>
    <message>
        <source>再审决定（{day}）</source>
        <translation>Decision to retry ({day})</translation>
    </message>
    <message>
        <source>再审，需要延长的不得超过6个月</source>
        <translation>Retrial: 6 months at most where extended</translation>
    </message>
    <message>
        <source>刑期止日</source>
        <translation>the end of the term</translation>
    </message>
    <message>
        <source>刑期止日{end}，基准日{reference}加{months}个月为{limit}</source>
        <translation>Term ends {end}; reference date {reference} + {months} months = {limit}</translation>
    </message>
    <message>
        <source>刑满未释放</source>
        <translation>Not released at the end of the sentence</translation>
    </message>
    <message>
        <source>刑满释放日期</source>
        <translation>Release at the end of the sentence</translation>
    </message>
    <message>
        <source>刑满释放日期：{day}（判决确定的刑期止日），刑满应当按期释放</source>
        <translation>Release date: {day} (the end of the term set by the judgment); release is due on time</translation>
    </message>
    <message>
        <source>判决{effective}生效，人民法院应于{due}前送达执行通知书</source>
        <translation>The judgment took effect on {effective}; the court is to serve the execution notice by {due}</translation>
    </message>
    <message>
        <source>判决{effective}生效，已逾十日（{due}）未收到执行通知书，应向人民法院了解</source>
        <translation>The judgment took effect on {effective}; more than 10 days on ({due}) no execution notice has arrived: ask the court</translation>
    </message>
    <message>
        <source>判决生效后仍在押的，应立即释放</source>
        <translation>Still held after the judgment took effect: release at once</translation>
    </message>
    <message>
        <source>判处{kind}，在押的应当立即释放，交社区矫正或有关机关执行</source>
        <translation>Sentenced to {kind}: if in custody, released at once and handed to community correction or the authority concerned</translation>
    </message>
    <message>
        <source>判处{kind}，应交付{where}执行</source>
        <translation>Sentenced to {kind}: to be delivered to {where}</translation>
    </message>
    <message>
        <source>剩余刑期恰为三个月，是否留所服刑须人工审查</source>
        <translation>Exactly three months remain: whether to serve in the centre needs a person&apos;s review</translation>
    </message>
    <message>
        <source>反映了问题</source>
        <translation>raised a problem</translation>
    </message>
    <message>
        <source>反映问题：{summary}</source>
        <translation>raised: {summary}</translation>
    </message>
    <message>
        <source>发出</source>
        <translation>issue</translation>
    </message>
    <message>
        <source>口头纠正意见跟踪</source>
        <translation>Follow-up of an oral correction</translation>
    </message>
    <message>
        <source>口头纠正跟踪期限</source>
        <translation>Follow-up of an oral correction</translation>
    </message>
    <message>
        <source>口头纠正逾期未整改：应制发纠正违法通知书</source>
        <translation>Oral correction not acted on in time: issue a rectification notice</translation>
    </message>
    <message>
        <source>另有{n}次开箱不足{required}人，未计入</source>
        <translation>{n} more openings had fewer than {required} people present and are not counted</translation>
    </message>
    <message>
        <source>召开联席会议</source>
        <translation>Hold the joint meeting</translation>
    </message>
    <message>
        <source>可能超期羁押</source>
        <translation>Possible detention beyond the time limit</translation>
    </message>
    <message>
        <source>可能超期羁押：{detail}</source>
        <translation>Possible detention beyond the time limit: {detail}</translation>
    </message>
    <message>
        <source>可能逾期未交付执行</source>
        <translation>Possibly not delivered for execution in time</translation>
    </message>
    <message>
        <source>台账变动经检察人员确认后方写入名册</source>
        <translation>A ledger&apos;s changes reach the register only once a procurator confirms them</translation>
    </message>
    <message>
        <source>台账待确认{count}份</source>
        <translation>{count} ledger imports to confirm</translation>
    </message>
    <message>
        <source>回复期限{due}已过{overdue}日，自{since}起应督促回复</source>
        <translation>Reply was due on {due}, {overdue} days ago: urge a reply from {since}</translation>
    </message>
    <message>
        <source>回复期限至{due}，还有{left}日</source>
        <translation>Reply due by {due}: {left} days left</translation>
    </message>
    <message>
        <source>在假期开始后才检查</source>
        <translation>only after the break had started</translation>
    </message>
    <message>
        <source>在台账审查中查看变动报告，逐项或全部确认写入名册。</source>
        <translation>Review the change report under Ledger review and confirm the changes, one by one or all at once.</translation>
    </message>
    <message>
        <source>在押人员非正常死亡的，应当进行巡回检察（{basis}）；请登记已提请巡回检察</source>
        <translation>The abnormal death of a detainee requires a circuit inspection ({basis}); record that one was requested</translation>
    </message>
    <message>
        <source>在监督线索中逐条核实：已核实的转为问题、口头纠正或纠正违法通知书，不成立的写明理由排除。</source>
        <translation>Work through them under Supervision leads: a verified lead becomes a finding, an oral correction or a notice; one that does not hold is excluded with its reason.</translation>
    </message>
    <message>
        <source>基准日（收到执行通知书之日）</source>
        <translation>the reference date (receipt of the execution notice)</translation>
    </message>
    <message>
        <source>复查决定</source>
        <translation>Decision on a review</translation>
    </message>
    <message>
        <source>复查决定期限</source>
        <translation>Time limit to decide on a review</translation>
    </message>
    <message>
        <source>如剩余刑期在三个月以下可留所服刑，请录入刑种和刑期止日以便判断</source>
        <translation>With three months or less remaining the sentence may be served in the centre: enter the kind of sentence and the end of term to decide</translation>
    </message>
    <message>
        <source>审查起诉1个月</source>
        <translation>1 month of review for prosecution</translation>
    </message>
    <message>
        <source>审查起诉期限只能延长一次，其余延长记录未计入</source>
        <translation>The review for prosecution may be extended only once; the other extensions are not counted</translation>
    </message>
    <message>
        <source>审理期限届满日：{rest}</source>
        <translation>Trial period ends: {rest}</translation>
    </message>
    <message>
        <source>宣判后判决尚未生效：上诉期{days}日，自收到判决书的第二日起算（{basis}），上诉期内不计算审理期限；判决生效或二审受理后按新的诉讼环节计算</source>
        <translation>The judgment has not taken effect yet: the appeal period is {days} days from the day after the judgment is received ({basis}), during which no trial period runs; once the judgment takes effect or the second instance accepts the case, the new stage is counted</translation>
    </message>
    <message>
        <source>尚未收到执行通知书，交付执行期限未开始计算</source>
        <translation>No execution notice received yet: the time limit for delivery has not started</translation>
    </message>
    <message>
        <source>尚未收到执行通知书，交付期限未开始计算</source>
        <translation>No execution notice received yet: the time limit for delivery has not started</translation>
    </message>
    <message>
        <source>尚未检查，还有{days}日</source>
        <translation>not inspected yet, days left: {days}</translation>
    </message>
    <message>
        <source>尚未登记联席会议；每{months}个月至少召开一次，本半年应于{due}前召开</source>
        <translation>No joint meeting recorded; one at least every {months} months: hold this half-year&apos;s by {due}</translation>
    </message>
    <message>
        <source>尚未送达，回复期限未开始计算</source>
        <translation>Not served yet: the time for the reply has not started</translation>
    </message>
    <message>
        <source>届满前{days}日（{day}）起应发出羁押期限即将届满通知书</source>
        <translation>From {days} days before expiry ({day}) the notice of expiring custody is due</translation>
    </message>
    <message>
        <source>届满日为{what}，按本站设置不顺延</source>
        <translation>The last day is a {what}; not extended, as this station is set</translation>
    </message>
    <message>
        <source>工作日</source>
        <translation>Working day</translation>
    </message>
    <message>
        <source>工作日在岗人数不足（{on_site}/{required}）</source>
        <translation>Too few staff on site on a working day ({on_site}/{required})</translation>
    </message>
    <message>
        <source>工作日确保{min}至{max}名检察人员在岗（本地工作要求）</source>
        <translation>{min} to {max} procuratorial staff on site every working day (local requirement)</translation>
    </message>
    <message>
        <source>工作日（{weekday}）</source>
        <translation>Working day ({weekday})</translation>
    </message>
    <message>
        <source>已于{day}回复</source>
        <translation>Replied on {day}</translation>
    </message>
    <message>
        <source>已于{day}报请上一级人民检察院</source>
        <translation>Reported to the procuratorate at the next level up on {day}</translation>
    </message>
    <message>
        <source>已于{day}收到执行通知书</source>
        <translation>Execution notice received on {day}</translation>
    </message>
    <message>
        <source>已于{day}收到执行通知书（晚于判决生效后十日即{due}）</source>
        <translation>Execution notice received on {day} (later than 10 days after the judgment took effect, {due})</translation>
    </message>
    <message>
        <source>已于{day}检查</source>
        <translation>inspected on {day}</translation>
    </message>
    <message>
        <source>已于{day}督促，仍未回复：可报请上一级人民检察院（规则未规定督促后的等待期限）</source>
        <translation>Urged on {day}, still no reply: may be reported to the procuratorate at the next level up (the rules set no waiting time after urging)</translation>
    </message>
    <message>
        <source>已于{on}解决</source>
        <translation>resolved on {on}</translation>
    </message>
    <message>
        <source>已出所（{day}），不再计算羁押期限</source>
        <translation>Left the centre ({day}): no custody time limit</translation>
    </message>
    <message>
        <source>已出所，不再计算羁押期限</source>
        <translation>Left the centre: no custody time limit</translation>
    </message>
    <message>
        <source>已在册（按身份证号），按选择跳过</source>
        <translation>already on the register (by ID number): skipped, as chosen</translation>
    </message>
    <message>
        <source>已在册，内容相同</source>
        <translation>already on the register, nothing differs</translation>
    </message>
    <message>
        <source>已安排会见</source>
        <translation>meeting arranged</translation>
    </message>
    <message>
        <source>已纠正</source>
        <translation>corrected</translation>
    </message>
    <message>
        <source>应于{on}前交付</source>
        <translation>to be delivered by {on}</translation>
    </message>
    <message>
        <source>应督促回复</source>
        <translation>urge a reply</translation>
    </message>
    <message>
        <source>延期审理（{day}），人民检察院补充侦查</source>
        <translation>Trial postponed ({day}) for supplementary investigation by the procuratorate</translation>
    </message>
    <message>
        <source>延长{days}日</source>
        <translation>extended by {days} day(s)</translation>
    </message>
    <message>
        <source>延长{months}个月</source>
        <translation>extended by {months} month(s)</translation>
    </message>
    <message>
        <source>延长{months}个月{days}日</source>
        <translation>extended by {months} month(s) {days} day(s)</translation>
    </message>
    <message>
        <source>延长共{total}日，超过{source}规定的一日至{most}日，按{most}日计算</source>
        <translation>Extended by {total} days in all, more than the 1 to {most} days of {source}; counted as {most} days</translation>
    </message>
    <message>
        <source>延长期限自上一期限届满日接续计算</source>
        <translation>Each extension runs on from the end of the previous period</translation>
    </message>
    <message>
        <source>延长期限自原起算日累计计算</source>
        <translation>Extensions are added up from the original starting day</translation>
    </message>
    <message>
        <source>延长：{text}</source>
        <translation>Extension: {text}</translation>
    </message>
    <message>
        <source>待决定</source>
        <translation>decision pending</translation>
    </message>
    <message>
        <source>律师{name}</source>
        <translation>lawyer {name}</translation>
    </message>
    <message>
        <source>律师{name}（{firm}）</source>
        <translation>lawyer {name} ({firm})</translation>
    </message>
    <message>
        <source>律师会见安排</source>
        <translation>Arranging a lawyer&apos;s meeting</translation>
    </message>
    <message>
        <source>律师会见安排期限</source>
        <translation>Time limit to arrange a lawyer&apos;s meeting</translation>
    </message>
    <message>
        <source>律师会见应在48小时内安排</source>
        <translation>A lawyer&apos;s meeting is to be arranged within 48 hours</translation>
    </message>
    <message>
        <source>律师会见：自{presented}提交手续起{hours}小时内安排，至迟{due}；按小时计算，不因节假日顺延</source>
        <translation>Lawyer&apos;s meeting: to be arranged within {hours} hours of the papers presented at {presented}, by {due} at the latest; counted in hours, not extended for holidays</translation>
    </message>
    <message>
        <source>律师控告书面答复</source>
        <translation>Written answer to a lawyer&apos;s complaint</translation>
    </message>
    <message>
        <source>截至{today}刑满已{days}日未释放，应依法提出纠正意见（{basis}）</source>
        <translation>As of {today}: not released {days} days after the sentence ended; raise a correction as the law requires ({basis})</translation>
    </message>
    <message>
        <source>截至{today}已超期羁押{days}日，应依法提出纠正意见（{basis}）</source>
        <translation>As of {today}: {days} days of detention beyond the time limit; raise a correction as the law requires ({basis})</translation>
    </message>
    <message>
        <source>拘役由公安机关执行，在看守所内执行</source>
        <translation>Criminal detention is executed by the public security organ, in the detention centre</translation>
    </message>
    <message>
        <source>按{days}日计算（{basis}）</source>
        <translation>as {days} days ({basis})</translation>
    </message>
    <message>
        <source>按“一个月”计算（{basis}）</source>
        <translation>as “one month” ({basis})</translation>
    </message>
    <message>
        <source>按月计算：自事件当日起算（逮捕3月1日+2个月=5月1日）</source>
        <translation>Months counted from the day of the event (arrest on 1 March + 2 months = 1 May)</translation>
    </message>
    <message>
        <source>按月计算：自事件次日起算（逮捕3月1日+2个月=5月2日）</source>
        <translation>Months counted from the day after the event (arrest on 1 March + 2 months = 2 May)</translation>
    </message>
    <message>
        <source>控告申诉审查意见</source>
        <translation>Review opinion on an accusation or petition</translation>
    </message>
    <message>
        <source>提请审查批准逮捕30日（流窜作案、多次作案、结伙作案的重大嫌疑分子）</source>
        <translation>30 days to request approval of arrest (major suspects of roving, repeated or gang crime)</translation>
    </message>
    <message>
        <source>提请审查批准逮捕3日</source>
        <translation>3 days to request approval of arrest</translation>
    </message>
    <message>
        <source>提请批准逮捕</source>
        <translation>request for approval of arrest</translation>
    </message>
    <message>
        <source>提请批准逮捕（{requested}）晚于拘留后法定期限{allowed}。如拘留期限未依法延长，{allowed}以后至提请批准逮捕前的羁押已超期（{basis}）；如已依法延长（特殊情况延长一日至四日，流窜作案、多次作案、结伙作案的重大嫌疑分子至三十日）而未录入，请补录延长事件</source>
        <translation>The request for approval of arrest ({requested}) came after the legal time limit of the detention, {allowed}. If the detention was not lawfully extended, the custody from {allowed} until the request was beyond the time limit ({basis}); if it was lawfully extended (by 1 to 4 days in special circumstances, to 30 days for major suspects of roving, repeated or gang crime) but not entered, enter the extension</translation>
    </message>
    <message>
        <source>新收押人员{days}日内必谈（本地工作要求）</source>
        <translation>Talk with every new arrival within {days} days (local requirement)</translation>
    </message>
    <message>
        <source>新收押人员谈话</source>
        <translation>Talk with a new arrival</translation>
    </message>
    <message>
        <source>早于节前检查期间</source>
        <translation>before the inspection period</translation>
    </message>
    <message>
        <source>最早发现于{day}</source>
        <translation>The oldest found on {day}</translation>
    </message>
    <message>
        <source>月度工作情况报告</source>
        <translation>Monthly work report</translation>
    </message>
    <message>
        <source>期限已届满，仍未登记该通知书：请核实看守所是否发出，并登记发出日期。</source>
        <translation>The time limit has expired and the notice is not recorded: check whether the detention centre sent it, and record the date it was sent.</translation>
    </message>
    <message>
        <source>未反映问题</source>
        <translation>raised no problem</translation>
    </message>
    <message>
        <source>未安排</source>
        <translation>not arranged</translation>
    </message>
    <message>
        <source>未安排：{reason}</source>
        <translation>not arranged: {reason}</translation>
    </message>
    <message>
        <source>未录入{what}，无法判断剩余刑期是否超过三个月</source>
        <translation>{what} is not entered: whether more than three months of the term remain cannot be decided</translation>
    </message>
    <message>
        <source>未录入刑期止日，无法计算释放日期</source>
        <translation>No end of term entered: the release date cannot be computed</translation>
    </message>
    <message>
        <source>未录入刑种，无法判断是否留所服刑</source>
        <translation>The kind of sentence is not entered: whether the sentence may be served in the centre cannot be decided</translation>
    </message>
    <message>
        <source>未录入本环节的起算日期或起算事件，无法计算羁押期限</source>
        <translation>No starting date or event of this stage entered: the custody time limit cannot be computed</translation>
    </message>
    <message>
        <source>未成年犯管教所</source>
        <translation>a juvenile offenders&apos; institution</translation>
    </message>
    <message>
        <source>未扣除不计入期间的届满日：{day}</source>
        <translation>Expiry before excluded periods: {day}</translation>
    </message>
    <message>
        <source>未登记看守所羁押期限即将届满通知书</source>
        <translation>Detention centre&apos;s notice of expiring custody not recorded</translation>
    </message>
    <message>
        <source>未纠正</source>
        <translation>not corrected</translation>
    </message>
    <message>
        <source>未编号</source>
        <translation>no number</translation>
    </message>
    <message>
        <source>未解决</source>
        <translation>unresolved</translation>
    </message>
    <message>
        <source>本周{target}未达标（{count}/{minimum}）</source>
        <translation>{target} this week below target ({count}/{minimum})</translation>
    </message>
    <message>
        <source>本周（{start}至{end}）{target}{count}次，要求不少于{minimum}次</source>
        <translation>This week ({start} to {end}): {target} {count} times, at least {minimum} required</translation>
    </message>
    <message>
        <source>本周（{start}至{end}）谈话{count}人，要求不少于{minimum}人</source>
        <translation>This week ({start} to {end}): talks with {count} people, at least {minimum} required</translation>
    </message>
    <message>
        <source>本环节开始（{day}）</source>
        <translation>Start of this stage ({day})</translation>
    </message>
    <message>
        <source>本环节开始（{day}，未录入{what}事件）</source>
        <translation>Start of this stage ({day}; no {what} event entered)</translation>
    </message>
    <message>
        <source>来信办理答复</source>
        <translation>Handling and answering a letter</translation>
    </message>
    <message>
        <source>来信审查期限</source>
        <translation>Time limit to review a letter</translation>
    </message>
    <message>
        <source>核实看守所是否已发出羁押期限即将届满通知书</source>
        <translation>Check that the detention centre sent its notice of expiring custody</translation>
    </message>
    <message>
        <source>检察室工作要求（本地设置）</source>
        <translation>Office requirement (local setting)</translation>
    </message>
    <message>
        <source>检察建议书</source>
        <translation>Procuratorial suggestion</translation>
    </message>
    <message>
        <source>检察建议书回复</source>
        <translation>Reply to a procuratorial suggestion</translation>
    </message>
    <message>
        <source>检察建议书送达</source>
        <translation>Service of a procuratorial suggestion</translation>
    </message>
    <message>
        <source>检察院阅卷</source>
        <translation>Procuratorate&apos;s file review</translation>
    </message>
    <message>
        <source>每{months}个月召开一次联席会议（本地工作要求）</source>
        <translation>A joint meeting every {months} months (local requirement)</translation>
    </message>
    <message>
        <source>每周{target}不少于{minimum}次（本院工作要求）</source>
        <translation>{target} at least {minimum} times a week (this procuratorate&apos;s requirement)</translation>
    </message>
    <message>
        <source>每月月末编写月度工作情况报告（本地工作要求）</source>
        <translation>A monthly work report written at each month&apos;s end (local requirement)</translation>
    </message>
    <message>
        <source>民警在场</source>
        <translation>police present</translation>
    </message>
    <message>
        <source>江苏省检察建议工作实施办法（试行，2017，已失效）</source>
        <translation>Jiangsu Implementing Measures for Procuratorial Suggestions (trial, 2017, no longer in force)</translation>
    </message>
    <message>
        <source>法定期限：{base}（{basis}）</source>
        <translation>Statutory period: {base} ({basis})</translation>
    </message>
    <message>
        <source>法定节假日安排人员值班（本地工作要求）</source>
        <translation>Someone on duty on every statutory holiday (local requirement)</translation>
    </message>
    <message>
        <source>法定节假日未安排值班</source>
        <translation>Nobody on duty on a statutory holiday</translation>
    </message>
    <message>
        <source>法定节假日（{holiday}）</source>
        <translation>Statutory holiday ({holiday})</translation>
    </message>
    <message>
        <source>法院受理</source>
        <translation>acceptance by the court</translation>
    </message>
    <message>
        <source>满{months}个月（{day}）起提示审限将满</source>
        <translation>From {months} months ({day}): trial period nearly over</translation>
    </message>
    <message>
        <source>特殊情况延长{total}日（最长至{limit}日，{source}）</source>
        <translation>{total} days in special circumstances (to {limit} days at most, {source})</translation>
    </message>
    <message>
        <source>留所服刑罪犯刑满释放日期</source>
        <translation>Release date of a prisoner serving the sentence in the detention centre</translation>
    </message>
    <message>
        <source>登记的诉讼环节</source>
        <translation>Stage as registered</translation>
    </message>
    <message>
        <source>监察机关移送起诉的留置案件，先行拘留后10日内作出是否逮捕、取保候审或者监视居住的决定</source>
        <translation>A case transferred by a supervisory commission after retention: decide on arrest, bail or residential surveillance within 10 days of the preliminary detention</translation>
    </message>
    <message>
        <source>监狱</source>
        <translation>a prison</translation>
    </message>
    <message>
        <source>监狱拒收</source>
        <translation>refused by the prison</translation>
    </message>
    <message>
        <source>监督线索发现后{days}日内核实（本地工作要求）</source>
        <translation>Verify a supervision lead within {days} days of finding it (local requirement)</translation>
    </message>
    <message>
        <source>监督线索待核实{count}条</source>
        <translation>{count} supervision leads to verify</translation>
    </message>
    <message>
        <source>看守所、武警中队、公安分局</source>
        <translation>Detention centre, armed police squadron, public security sub-bureau</translation>
    </message>
    <message>
        <source>看守所应在羁押期限届满前七日内向办案机关发出羁押期限即将届满通知书</source>
        <translation>The detention centre sends the case authority a notice of expiring custody within 7 days before the custody time limit expires</translation>
    </message>
    <message>
        <source>督促后仍未回复：报请上一级人民检察院</source>
        <translation>still no reply after urging: report to the procuratorate at the next level up</translation>
    </message>
    <message>
        <source>移送审查起诉</source>
        <translation>transfer for prosecution</translation>
    </message>
    <message>
        <source>第{serial}号来信（保密）：{subject}</source>
        <translation>Letter no. {serial} (confidential): {subject}</translation>
    </message>
    <message>
        <source>第{serial}号来信：{subject}</source>
        <translation>Letter no. {serial}: {subject}</translation>
    </message>
    <message>
        <source>简易程序审理20日</source>
        <translation>Summary procedure: 20 days of trial</translation>
    </message>
    <message>
        <source>简易程序，可能判处有期徒刑超过三年的延长至一个半月（按1个月15日计算）</source>
        <translation>Summary procedure: extended to one and a half months where more than three years&apos; imprisonment may be imposed (counted as 1 month 15 days)</translation>
    </message>
    <message>
        <source>精神病鉴定</source>
        <translation>Psychiatric assessment</translation>
    </message>
    <message>
        <source>纠正违法通知书</source>
        <translation>Rectification notice</translation>
    </message>
    <message>
        <source>纠正违法通知书回复（自{what}之日起算）</source>
        <translation>Reply to a rectification notice (counted from its {what})</translation>
    </message>
    <message>
        <source>约见申请办理</source>
        <translation>Handling a request for a meeting</translation>
    </message>
    <message>
        <source>经上一级人民检察院批准</source>
        <translation>with the approval of the procuratorate one level up</translation>
    </message>
    <message>
        <source>经上一级人民法院批准</source>
        <translation>with the approval of the court one level up</translation>
    </message>
    <message>
        <source>经最高人民法院批准（{basis}）</source>
        <translation>with the approval of the Supreme People&apos;s Court ({basis})</translation>
    </message>
    <message>
        <source>经特别批准</source>
        <translation>with special approval</translation>
    </message>
    <message>
        <source>经省级人民检察院批准</source>
        <translation>with the approval of the provincial procuratorate</translation>
    </message>
    <message>
        <source>经高级人民法院批准或者决定</source>
        <translation>with the approval or decision of the high court</translation>
    </message>
    <message>
        <source>羁押期限{deadline}届满，看守所应自{window}起向办案机关发出羁押期限即将届满通知书（{basis}）。</source>
        <translation>The custody time limit expires on {deadline}; from {window} the detention centre must send the case authority a notice of expiring custody ({basis}).</translation>
    </message>
    <message>
        <source>羁押期限不因节假日延长（{basis}）</source>
        <translation>A custody time limit is not extended for holidays ({basis})</translation>
    </message>
    <message>
        <source>羁押期限不因节假日延长（{basis}）；其他期限末日遇节假日不顺延</source>
        <translation>Custody time limits are not extended for holidays ({basis}); other periods ending on a holiday do not move</translation>
    </message>
    <message>
        <source>羁押期限不因节假日延长（{basis}）；其他期限末日遇节假日按各规则设置顺延至节假日后第一个工作日</source>
        <translation>Custody time limits are not extended for holidays ({basis}); other periods ending on a holiday move to the next working day, as each rule is set</translation>
    </message>
    <message>
        <source>羁押期限即将届满</source>
        <translation>Custody time limit about to expire</translation>
    </message>
    <message>
        <source>羁押期限届满</source>
        <translation>Custody time limit expires</translation>
    </message>
    <message>
        <source>羁押期限届满前{days}日起提示；其他期限届满前3日起提示</source>
        <translation>Custody time limits are flagged {days} days before they expire; other periods 3 days before</translation>
    </message>
    <message>
        <source>羁押期限届满日：{day}（{weekday}）</source>
        <translation>Custody time limit expires: {day} ({weekday})</translation>
    </message>
    <message>
        <source>羁押期限记录需核对</source>
        <translation>Custody records to check</translation>
    </message>
    <message>
        <source>节假日</source>
        <translation>holiday</translation>
    </message>
    <message>
        <source>节假日表</source>
        <translation>Holiday table</translation>
    </message>
    <message>
        <source>节前联合武警中队、公安分局对看守所进行全面安全大检查（本地工作要求）</source>
        <translation>Before a holiday, a full safety inspection of the detention centre together with the armed police squadron and the public security sub-bureau (local requirement)</translation>
    </message>
    <message>
        <source>补充侦查1个月</source>
        <translation>1 month of supplementary investigation</translation>
    </message>
    <message>
        <source>补充侦查完毕移送人民法院后，人民法院重新计算审理期限（{basis}）</source>
        <translation>Once the supplementary investigation is done and the case back with the court, the court counts the trial period afresh ({basis})</translation>
    </message>
    <message>
        <source>补充侦查完毕移送审查起诉后，审查起诉期限重新计算</source>
        <translation>Once the supplementary investigation is done and the case transferred again, the review for prosecution is counted afresh</translation>
    </message>
    <message>
        <source>被监听</source>
        <translation>monitored</translation>
    </message>
    <message>
        <source>诉讼环节：{stage}</source>
        <translation>Procedural stage: {stage}</translation>
    </message>
    <message>
        <source>诉讼环节：再审{since}。再审期间不停止原判决、裁定的执行，原判决已于{effective}生效，交付执行期限照常计算（人民法院决定中止原判决执行的除外，请核实）</source>
        <translation>Procedural stage: retrial{since}. A retrial does not stop the execution of the original judgment, which took effect on {effective}: the time limit for delivery for execution runs as usual (unless the court has suspended the execution; check)</translation>
    </message>
    <message>
        <source>诉讼环节：判决生效待交付执行</source>
        <translation>Procedural stage: judgment in force, awaiting delivery for execution</translation>
    </message>
    <message>
        <source>诉讼环节：留所服刑</source>
        <translation>Procedural stage: serving the sentence in the centre</translation>
    </message>
    <message>
        <source>该日为{what}，羁押期限依法不因节假日延长（{basis}）</source>
        <translation>That day is a {what}; by law a custody time limit is not extended for holidays ({basis})</translation>
    </message>
    <message>
        <source>误收申请移送</source>
        <translation>Forwarding an application received in error</translation>
    </message>
    <message>
        <source>请核实后在在押人员登记中录入发出日期。</source>
        <translation>Once checked, enter the date it was sent in the detainee&apos;s record.</translation>
    </message>
    <message>
        <source>调休工作日（{holiday}）</source>
        <translation>Make-up working day ({holiday})</translation>
    </message>
    <message>
        <source>谈话</source>
        <translation>Talk</translation>
    </message>
    <message>
        <source>起算：{start}，起算日不计入</source>
        <translation>Start: {start} (that day not counted)</translation>
    </message>
    <message>
        <source>超期羁押</source>
        <translation>Detention beyond the time limit</translation>
    </message>
    <message>
        <source>距届满还有{days}日</source>
        <translation>Days until expiry: {days}</translation>
    </message>
    <message>
        <source>身份证号与第{first}行重复</source>
        <translation>the ID number repeats row {first}</translation>
    </message>
    <message>
        <source>退回补充侦查</source>
        <translation>return for supplementary investigation</translation>
    </message>
    <message>
        <source>退回补充侦查{n}次（{days}为第三次及以后），超过以二次为限的规定（{basis}）</source>
        <translation>Returned for supplementary investigation {n} times ({days} the third or later), more than the limit of two ({basis})</translation>
    </message>
    <message>
        <source>送达</source>
        <translation>service</translation>
    </message>
    <message>
        <source>速裁程序审查起诉10日</source>
        <translation>Fast-track procedure: 10 days of review for prosecution</translation>
    </message>
    <message>
        <source>速裁程序审查起诉，可能判处有期徒刑超过一年的15日</source>
        <translation>Fast-track procedure: 15 days of review for prosecution where more than one year&apos;s imprisonment may be imposed</translation>
    </message>
    <message>
        <source>速裁程序审理10日</source>
        <translation>Fast-track procedure: 10 days of trial</translation>
    </message>
    <message>
        <source>速裁程序，可能判处有期徒刑超过一年的延长至15日</source>
        <translation>Fast-track procedure: extended to 15 days where more than one year&apos;s imprisonment may be imposed</translation>
    </message>
    <message>
        <source>逮捕</source>
        <translation>arrest</translation>
    </message>
    <message>
        <source>逮捕后侦查羁押2个月</source>
        <translation>2 months of investigation custody after arrest</translation>
    </message>
    <message>
        <source>逾期未交付执行</source>
        <translation>Not delivered for execution in time</translation>
    </message>
    <message>
        <source>释放/变更强制措施建议回复</source>
        <translation>Reply to a suggestion to release or change the coercive measure</translation>
    </message>
    <message>
        <source>非正常死亡的，原则上应当在二十四小时内对尸体进行检验；请登记检验时间</source>
        <translation>After an abnormal death the body is, as a rule, examined within 24 hours; record when it was examined</translation>
    </message>
    <message>
        <source>非正常死亡：尸体检验</source>
        <translation>Abnormal death: examination of the body</translation>
    </message>
    <message>
        <source>非正常死亡：应当进行巡回检察</source>
        <translation>Abnormal death: a circuit inspection is required</translation>
    </message>
    <message>
        <source>非羁押期限遇节假日顺延（{basis}）</source>
        <translation>Periods other than custody limits are extended past holidays ({basis})</translation>
    </message>
    <message>
        <source>（{day}起）</source>
        <translation> (since {day})</translation>
    </message>
    <message>
        <source>（未编号）</source>
        <translation>(no number)</translation>
    </message>
    <message>
        <source>（本周已结束）</source>
        <translation> (the week is over)</translation>
    </message>
    <message>
        <source>，尚差{missing}人</source>
        <translation>, {missing} short</translation>
    </message>
    <message>
        <source>，尚差{n}人</source>
        <translation>, {n} people short</translation>
    </message>
    <message>
        <source>，尚差{n}次</source>
        <translation>, {n} short</translation>
    </message>
    <message>
        <source>，法定节假日应安排人员值班</source>
        <translation>; someone must be on duty on a statutory holiday</translation>
    </message>
</context>
</TS>
