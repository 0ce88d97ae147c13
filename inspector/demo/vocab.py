"""Word lists for realistic demo data: names, places, organs, charges and the stock phrases of the records.

Everything here is invented. Organ names follow the pattern of 毕节市七星关区 (the origin article's district);
numbers, people and facts do not refer to real cases.
"""

from __future__ import annotations

# --- people -----------------------------------------------------------------------------------------

# (surname, weight): common national surnames, plus ones frequent in 毕节
# (龙, 安, 禄, 陇 among the 彝族/苗族).
SURNAMES: tuple[tuple[str, int], ...] = (
    ("王", 70),
    ("李", 70),
    ("张", 65),
    ("刘", 55),
    ("陈", 50),
    ("杨", 50),
    ("黄", 30),
    ("赵", 28),
    ("吴", 30),
    ("周", 25),
    ("徐", 20),
    ("孙", 16),
    ("马", 16),
    ("朱", 15),
    ("胡", 15),
    ("郭", 14),
    ("何", 14),
    ("高", 13),
    ("林", 12),
    ("罗", 20),
    ("郑", 11),
    ("梁", 10),
    ("谢", 10),
    ("宋", 9),
    ("唐", 9),
    ("许", 8),
    ("韩", 8),
    ("冯", 8),
    ("邓", 8),
    ("曹", 7),
    ("彭", 7),
    ("曾", 7),
    ("肖", 7),
    ("田", 8),
    ("董", 6),
    ("袁", 6),
    ("潘", 6),
    ("蒋", 5),
    ("蔡", 5),
    ("余", 5),
    ("杜", 5),
    ("叶", 5),
    ("程", 5),
    ("苏", 5),
    ("魏", 5),
    ("吕", 4),
    ("丁", 4),
    ("任", 4),
    ("沈", 4),
    ("姚", 4),
    ("卢", 4),
    ("姜", 4),
    ("崔", 3),
    ("钟", 3),
    ("谭", 3),
    ("陆", 3),
    ("汪", 3),
    ("范", 3),
    ("金", 3),
    ("石", 6),
    ("廖", 3),
    ("贾", 3),
    ("夏", 3),
    ("韦", 4),
    ("付", 3),
    ("方", 3),
    ("白", 3),
    ("邹", 3),
    ("孟", 2),
    ("熊", 4),
    ("秦", 2),
    ("邱", 2),
    ("江", 2),
    ("尹", 2),
    ("薛", 2),
    ("段", 2),
    ("雷", 2),
    ("侯", 2),
    ("龙", 6),
    ("史", 2),
    ("陶", 2),
    ("黎", 2),
    ("贺", 2),
    ("顾", 2),
    ("毛", 2),
    ("龚", 2),
    ("邵", 2),
    ("万", 2),
    ("严", 2),
    ("覃", 2),
    ("武", 2),
    ("安", 4),
    ("禄", 2),
    ("陇", 1),
    ("欧阳", 1),
)

MALE_GIVEN = (
    "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林欢阳"
    "建国兵成东海亮文志福贵顺发庆祥江川山德荣良金忠永学兴春生武彬洪松才"
)
FEMALE_GIVEN = "芳娜敏静丽艳娟霞燕秀英玲萍红梅琴云莲雪琳婷慧倩洁佳颖妍丹桂兰菊凤"
# Characters outside the common input-method sets (GB2312); a handful of names use them so that search,
# fonts and printing are exercised on them.
RARE_GIVEN = "喆堃镕昇燊玥珺璟"

ETHNICITIES: tuple[tuple[str, int], ...] = (
    ("汉族", 74),
    ("彝族", 8),
    ("苗族", 9),
    ("布依族", 3),
    ("回族", 2),
    ("白族", 2),
    ("仡佬族", 2),
)

# 6-digit region codes of 毕节 and neighbours (for ID numbers), weighted towards the home district.
REGIONS: tuple[tuple[str, int], ...] = (
    ("520502", 50),  # 七星关区
    ("522401", 10),  # 毕节市 (old code, still on many cards)
    ("520521", 6),  # 大方县
    ("520523", 5),  # 金沙县
    ("520524", 5),  # 织金县
    ("520525", 5),  # 纳雍县
    ("520526", 6),  # 威宁县
    ("520527", 5),  # 赫章县
    ("520102", 3),  # 贵阳市南明区
    ("530602", 3),  # 昭通市昭阳区
    ("510502", 2),  # 泸州市江阳区
)

# --- the centre ------------------------------------------------------------------------------------------

MALE_BLOCKS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("一监区", tuple(f"1{n:02d}" for n in range(1, 13))),
    ("二监区", tuple(f"2{n:02d}" for n in range(1, 13))),
    ("三监区", tuple(f"3{n:02d}" for n in range(1, 13))),
)
FEMALE_BLOCK = ("四监区", ("401", "402", "403", "404", "405", "406"))
JUVENILE_BLOCK = ("五监区", ("501", "502", "503"))  # 503 for girls
SERVING_BLOCK = ("六监区", ("601", "602", "603", "604", "605"))  # 留所服刑; 605 for women

KEY_PLACES = ("禁闭室", "会见室", "医务室", "伙房", "提讯室", "监控室")
ALL_BLOCKS = ("一监区", "二监区", "三监区", "四监区", "五监区", "六监区")

# --- organs -----------------------------------------------------------------------------------------------

POLICE = (
    ("毕节市公安局七星关分局", 70),
    ("毕节市公安局", 8),
    ("毕节市公安局禁毒支队", 6),
    ("毕节市公安局交通警察支队七星关大队", 10),
    ("大方县公安局", 3),
    ("毕节市公安局高新技术产业开发区分局", 3),
)
PROCURATORATE = "毕节市七星关区人民检察院"
CITY_PROCURATORATE = "毕节市人民检察院"
PROVINCE_PROCURATORATE = "贵州省人民检察院"
COURT = "毕节市七星关区人民法院"
COURT_CODE = "黔0502"
CITY_COURT = "毕节市中级人民法院"
CITY_COURT_CODE = "黔05"
CITY_POLICE = "毕节市公安局"
PRISONS = ("贵州省羊艾监狱", "贵州省都匀监狱", "贵州省凯里监狱", "贵州省贵阳监狱", "贵州省毕节监狱")
JUVENILE_INSTITUTION = "贵州省未成年犯管教所"
LAW_FIRMS = (
    "贵州乌蒙律师事务所",
    "贵州鸿川律师事务所",
    "贵州黔西北律师事务所",
    "贵州毕节洪山律师事务所",
    "贵州百里杜鹃律师事务所",
    "北京盈科（贵阳）律师事务所",
)
ARMED_POLICE = "武警毕节支队七星关中队"

# --- charges: (charge, weight, kind) -------------------------------------------------------------------
# kind drives procedure and sentence: "light" (fast track likely, 拘役/短刑), "drive" (危险驾驶: 拘役),
# "medium", "heavy" (long fixed terms, ordinary procedure).
CHARGES: tuple[tuple[str, int, str], ...] = (
    ("盗窃罪", 22, "light"),
    ("诈骗罪", 12, "medium"),
    ("故意伤害罪", 10, "medium"),
    ("危险驾驶罪", 12, "drive"),
    ("贩卖毒品罪", 8, "heavy"),
    ("帮助信息网络犯罪活动罪", 7, "light"),
    ("寻衅滋事罪", 5, "medium"),
    ("抢劫罪", 3, "heavy"),
    ("掩饰、隐瞒犯罪所得罪", 3, "light"),
    ("交通肇事罪", 2, "light"),
    ("开设赌场罪", 3, "medium"),
    ("容留他人吸毒罪", 3, "light"),
    ("妨害公务罪", 2, "light"),
    ("聚众斗殴罪", 2, "medium"),
    ("非法拘禁罪", 1, "medium"),
    ("非法吸收公众存款罪", 1, "heavy"),
    ("合同诈骗罪", 1, "heavy"),
    ("强奸罪", 1, "heavy"),
    ("故意杀人罪", 1, "heavy"),
    ("职务侵占罪", 1, "medium"),
)

CN_DIGITS = "零一二三四五六七八九"

PROPERTY = ("手机", "身份证", "银行卡", "钥匙", "腰带", "手表", "鞋带", "打火机", "项链", "钱包")

INJURIES = (
    "右前臂有约3厘米陈旧性擦伤",
    "左眼眶周围轻度淤青",
    "双膝有结痂擦伤",
    "背部有约5厘米划痕",
    "左手腕有约2厘米表皮擦伤",
)

# --- patrols ------------------------------------------------------------------------------------------

PATROL_CHECKLIST = (
    "separate_custody",  # 分押分管
    "restraints_confinement",  # 戒具、禁闭
    "no_detainee_guard",  # 无以人管人
    "living_conditions",  # 通风、采光、伙食、放风、医疗
    "accounts",  # 账目管理
    "rights_forwarding",  # 申诉控告转递
    "lawyer_meeting",  # 律师会见
    "duty_patrol",  # 24小时值班巡视
    "contraband",  # 违禁品
)

VIDEO_SEEN = (
    "在押人员按时作息，未见异常",
    "夜间值班人员按时起床巡查，未见异常",
    "放风时间符合规定，未见异常",
    "民警提讯时两人在场，未见违规",
    "监室内秩序正常",
)

PREHOLIDAY_CHECKLIST = (
    "security_facilities",  # 监控、门禁、围墙电网
    "fire_safety",  # 消防器材
    "contraband_search",  # 清监
    "food_hygiene",  # 伙房卫生、食品留样
    "medical",  # 医疗药品储备
    "duty_roster",  # 节日值班安排
    "emergency_plan",  # 应急预案
    "armed_police_coordination",  # 武警协同
)

# --- findings: (description, location, severity, source, checklist item, provision breached) ------------
# The provision is the one the checklist item hangs on (docs/domain.md, "Findings and the provisions they
# cite"); None where no statute governs the item (contraband, a detainee made to help manage others),
# so the correction is raised without one rather than under a provision that says something else.
FINDINGS: tuple[tuple[str, str, str, str, str, str | None], ...] = (
    (
        "夜间值班民警未按规定巡查，监控显示凌晨2时至3时40分无人巡视{cell}监室",
        "监控室",
        "hazard",
        "video",
        "duty_patrol",
        "《看守所条例》第十六条",
    ),
    (
        "禁闭室对在押人员使用械具未见所领导审批手续",
        "禁闭室",
        "minor_violation",
        "patrol",
        "restraints_confinement",
        "《看守所条例》第十七条",
    ),
    (
        "伙房食品留样记录缺少三日，留样数量不足",
        "伙房",
        "flaw",
        "patrol",
        "living_conditions",
        "《看守所条例》第二十二条",
    ),
    (
        "在押人员个人账户支出三笔未经本人签字确认",
        "财务室",
        "minor_violation",
        "ledger",
        "accounts",
        "《看守所条例》第三十四条",
    ),
    (
        "{cell}监室清监时发现自制刀片一枚",
        "监区",
        "hazard",
        "patrol",
        "contraband",
        None,
    ),
    (
        "医务室药品出入库登记不全，精神类药品未双人登记",
        "医务室",
        "flaw",
        "patrol",
        "living_conditions",
        "《看守所条例》第二十六条",
    ),
    (
        "新收押人员入所体检表未记录体表伤情及成因",
        "收押室",
        "minor_violation",
        "ledger",
        "separate_custody",
        "《人民检察院刑事诉讼规则》第六百五十六条",
    ),
    (
        "{cell}监室安排在押人员担任“值星员”协助管理其他在押人员",
        "监区",
        "minor_violation",
        "talk",
        "no_detainee_guard",
        None,
    ),
    (
        "律师会见申请提出后超过四十八小时才安排会见",
        "会见室",
        "minor_violation",
        "patrol",
        "lawyer_meeting",
        "《中华人民共和国刑事诉讼法》第三十九条",
    ),
    (
        "在押人员提出的申诉材料未在规定时间内转递",
        "监区",
        "minor_violation",
        "mailbox",
        "rights_forwarding",
        "《看守所条例》第四十六条",
    ),
    (
        "连续五日阴雨未安排放风，未采取室内活动替代措施",
        "监区",
        "flaw",
        "talk",
        "living_conditions",
        "《看守所条例》第二十五条",
    ),
    (
        "{cell}监室监控画面缺失，监控存在盲区",
        "监控室",
        "hazard",
        "video",
        "duty_patrol",
        "《看守所条例》第十六条",
    ),
    (
        "换押手续未在变更诉讼环节后及时办理",
        "管教科",
        "flaw",
        "ledger",
        "separate_custody",
        "《看守所条例》第十五条",
    ),
    (
        "留所服刑罪犯与未决在押人员同监室关押",
        "监区",
        "minor_violation",
        "patrol",
        "separate_custody",
        "《看守所留所执行刑罚罪犯管理办法》第三条",
    ),
)

# The detention centre's written reply to a 纠正违法通知书: claiming it is done (before 核实整改), done
# (verified: 已整改), or not done yet (verified: 未整改, the notice is then reported upward).
NOTICE_REPLY_CLAIMED = "已按通知要求进行整改，并对相关责任人员批评教育，请予核实"
NOTICE_REPLY_DONE = "已按通知要求整改完毕，并对相关责任人员批评教育"
NOTICE_REPLY_NOT_DONE = "已研究部署整改，但涉及设施改造，所需经费尚未落实，目前尚未整改到位，拟于下季度完成"

# Serious matters written straight into a 纠正违法通知书 (trigger, facts, violated, requests). For
# oral_not_corrected the provision is the one the oral correction's own finding breached (None here).
NOTICE_FACTS: tuple[tuple[str, str, str | None, str], ...] = (
    (
        "serious_violation",
        "{center}民警在处置{cell}监室在押人员冲突时，对在押人员{name}使用手铐、脚镣连续超过十五日，"
        "未经所长批准，亦未记录使用理由",
        "《看守所条例》第十七条",
        "立即停止违规使用械具，对相关责任人员依规处理，并建立械具使用审批登记制度",
    ),
    (
        "serious_violation",
        "{center}将未成年在押人员{name}与成年在押人员同监室关押达二十余日",
        "《看守所条例》第十四条",
        "立即将未成年在押人员与成年在押人员分别关押，全面排查分押分管情况",
    ),
    (
        "major_incident",
        "{cell}监室在押人员{name}在监室内自缢，经抢救脱离危险；事发时值班民警脱岗四十分钟",
        "《看守所条例》第十六条",
        "严格落实二十四小时值班巡视制度，追究值班人员责任，排查监室安全隐患",
    ),
    (
        "oral_not_corrected",
        "本院驻所检察室于{oral_date}就{center}{issue}口头提出纠正意见，至今未予整改",
        None,
        "对所列问题予以整改，建立健全相关台账",
    ),
)

OVERDUE_NOTICE = (
    "在押人员{name}因涉嫌{charge}于{arrest}被执行逮捕，侦查羁押期限已于{deadline}届满，"
    "{police}未依法办理延长侦查羁押期限手续，{name}至今仍羁押于{center}，属超期羁押",
    "《中华人民共和国刑事诉讼法》第一百五十六条",
    "立即依法变更强制措施或办理相关手续，并将纠正情况书面回复本院",
)

SUGGESTIONS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (
        "{center}监控系统建成已逾十年，部分监室摄像头画面模糊、夜视失效，存在监控盲区",
        "监控设施老化，维护保养制度未落实",
        ("对全所监控设施进行全面排查，限期更换老化设备", "建立监控设施定期检修制度"),
    ),
    (
        "{center}在押人员数量长期超过设计容量，部分监室人均面积不足",
        "收押量持续增长，监室扩建滞后",
        ("协调办案机关加快办案进度，依法适用非羁押强制措施", "向主管部门报告，推进监区扩建"),
    ),
    (
        "{center}医务室仅有医生一名，夜间无医护人员值班，急救药品不全",
        "医疗力量配备不足",
        ("配齐医护人员，落实夜间医疗值班", "补充急救药品和设备", "与属地医院建立急救绿色通道"),
    ),
    (
        "{center}消防通道堆放杂物，部分灭火器已过有效期",
        "消防安全管理制度落实不到位",
        ("立即清理消防通道，更换过期消防器材", "定期开展消防演练"),
    ),
    (
        "{center}在押人员账目管理存在收支记录不清、票据不全等问题",
        "账目管理制度不健全",
        ("建立在押人员个人账户收支双人登记制度", "每月向在押人员公示账目"),
    ),
)

# --- talks ---------------------------------------------------------------------------------------------

TALK_PLACES = ("检察官谈话室", "提讯室1", "提讯室3", "监区谈话室")

# What a detainee raises in a talk, and the provision a finding from it is corrected under (None where
# no statute governs it: what other detainees do to them is a matter of the centre's management).
TALK_ISSUES: tuple[tuple[str, str | None], ...] = (
    ("反映同监室人员经常抢占其饭菜", None),
    ("反映放风时间不足一小时", "《看守所条例》第二十五条"),
    ("反映家属寄来的钱款未及时入账", "《看守所条例》第三十四条"),
    ("反映其申诉材料已交民警但未见回复", "《看守所条例》第四十六条"),
    ("反映患有高血压，药品供应不及时", "《看守所条例》第二十六条"),
    ("反映被同监室人员索要财物", None),
)

# Each opener is a question and its answer; the generator then asks about ill-treatment (unless the
# opener did) and about food, outdoor time and medical care, so no question is left unanswered.
TALK_OPENERS = {
    "new_admission": "问：我们是驻所检察室的检察人员，今天依法与你谈话。入所时身体有无伤情？\n答：没有。",
    "requested": "问：你申请约见检察官，有什么情况要反映？\n答：有些情况想当面向检察官反映。",
    "complainant": "问：听说你有情况要反映，请如实讲。\n答：好的。",
    "pre_release": "问：你即将出所，在所期间有无被打骂、体罚、虐待的情况？\n答：没有。",
    "pre_prison_transfer": (
        "问：你即将被投送监狱执行刑罚，对判决和交付执行有无意见？个人财物是否清点？\n答：没有意见，已经清点。"
    ),
    "injury": "问：你身上的伤是怎么造成的？\n答：前几天在监室里不小心摔的。",
    "confinement": "问：你为什么被关禁闭？关禁闭期间的情况如何？\n答：因为和人吵架，禁闭期间按时吃饭休息。",
    "gang_related": "问：你在所内是否与其他人员有联系？\n答：没有。",
    "routine": "问：最近在所内生活情况怎么样？\n答：还可以。",
    "during_patrol": "问：我们正在巡视，你们监室最近有什么问题？\n答：没什么问题。",
    "other": "问：今天找你了解一些情况。\n答：好的。",
}

HANDLING = (
    "已向看守所管教民警了解核实，情况属实，口头提出纠正意见",
    "经核实反映情况不属实，已向其说明",
    "已转看守所处理，督促其在七日内反馈",
    "已告知其依法申请变更强制措施的途径",
    "记录在案，继续跟踪",
)

# --- mailbox ---------------------------------------------------------------------------------------------

MAILBOX_LOCATIONS = ("一监区放风场信箱", "二监区放风场信箱", "三监区放风场信箱", "四监区（女）信箱")

LETTER_SUBJECTS: dict[str, tuple[str, ...]] = {
    "accusation": ("控告同监室人员殴打", "控告管教民警体罚", "反映被同监室人员索要财物"),
    "report": ("举报他人涉嫌其他犯罪线索", "检举同案人员漏罪", "举报所外人员涉毒线索"),
    "petition": ("对一审判决不服提出申诉", "认为羁押期限已超期", "认为量刑过重请求复查"),
    "meeting_request": ("要求约见驻所检察官",),
    "inquiry": ("咨询刑期折抵计算", "咨询留所服刑条件", "咨询取保候审程序", "咨询认罪认罚从宽"),
    "other": ("反映伙食质量问题", "请求转交家属来信", "反映监室内床位不足"),
}
LETTER_CATEGORY_WEIGHTS: tuple[tuple[str, int], ...] = (
    ("accusation", 12),
    ("report", 8),
    ("petition", 18),
    ("meeting_request", 25),
    ("inquiry", 25),
    ("other", 12),
)
LETTER_RESULTS = {
    "accusation": "经调查核实，已督促看守所调整监室并加强管理",
    "report": "线索已移送办案机关核查",
    "petition": "已依法答复，告知申诉途径",
    "meeting_request": "已安排约见谈话",
    "inquiry": "已当面解答",
    "other": "已转看守所处理并反馈",
}

# --- incidents ------------------------------------------------------------------------------------------

INCIDENTS: dict[str, str] = {
    "self_harm": "在押人员{name}在{cell}监室用牙刷柄划伤左手腕，经医务室处置无生命危险",
    "injury": "{cell}监室在押人员{name}与他人发生冲突，致鼻骨骨折",
    "disorder": "{cell}监室多名在押人员因琐事聚众斗殴，{name}等三人受轻微伤",
    "public_health": "二监区出现流行性感冒聚集性病例十二例，已隔离治疗",
    "other": "{cell}监室在押人员{name}突发癫痫，送医救治后返所",
    "abnormal_death": "在押人员{name}于凌晨在{cell}监室内突发意识丧失，经送医抢救无效死亡",
}

ORAL_ADDRESSEES = ("看守所值班所领导", "看守所管教科负责人", "看守所副所长", "看守所所长")
