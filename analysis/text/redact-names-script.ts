/**
 * Names in Chinese and Arabic. Neither script marks names with capitals, so a name is taken where
 * the words around it say a person is meant, or where the word is a name and nothing else:
 * - after a strong cue (kin, "my name is", a role: "我儿子", "护士", "اسمي", "ابني", "الممرضة"), the
 *   next word, whatever it is;
 * - after a weak cue (thanks, "with", "was": "谢谢", "跟", "شكرا", "مع", "كانت"), only a word that
 *   is a name (Chinese: starts with a common surname; Arabic: a given name on the list);
 * - with no cue, a Chinese full name (a common surname and one or two characters) followed by what
 *   people do ("说", "告诉", "帮"), a surname or Latin name with a title ("王老师", "Amy老师",
 *   redacted whole, as "Mrs Patel" is), and Arabic given names that are not also ordinary words
 *   ("محمد", but not "أمل" hope or "نور" light, which need a cue).
 */

// Chinese: the commonest surnames, for "王老师" (teacher Wang) and full names after a cue.
const SURNAMES = new Set(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split(
    '',
  ),
);
// Surnames that are rarely the first character of an ordinary word: the only ones taken without a
// cue or title ("高兴", "方便", "许多", "马上", "谢谢" are why the others are left out).
const SAFE_SURNAMES = new Set(
  '王李张刘陈杨黄赵吴周徐孙朱胡郭林罗郑梁宋唐冯邓曹彭肖田董袁潘蒋蔡杜叶苏魏吕沈姚卢姜崔谭汪廖贾邹孟秦邱尹薛闫侯陶黎贺郝龚邵覃孔'.split(''),
);
// Ordinary words that start with one of those surnames.
const ZH_NOT_NAMES =
  /^(?:张贴|张开|张望|王子|王国|李子|黄色|黄金|黄油|黄疸|黄瓜|林子|周末|周围|周边|周年|周期|周日|周一|周二|周三|周四|周五|周六|周岁|周到|陈列|陈旧|杨树|刘海|孙子|孙女|朱红|胡说|胡子|胡萝|罗列|郑重|宋体|唐朝|肖像|田地|田野|董事|杜绝|叶子|叶酸|苏醒|黎明|贺卡|孔雀|秦朝|姜汤|姜茶|潘多|沈阳|卢布|曹操|邓州)/;
// Doubled characters that are ordinary words: kin, "every day", "slowly", "baby", "thanks".
const ZH_DOUBLED_WORDS = new Set(
  '宝宝 妈妈 爸爸 奶奶 爷爷 姥姥 姐姐 哥哥 弟弟 妹妹 叔叔 婶婶 舅舅 伯伯 谢谢 天天 常常 刚刚 慢慢 渐渐 好好 多多 明明 偏偏 往往 仅仅 最最 人人 个个 年年 月月 处处 样样 点点 看看 试试 想想 等等 说说 玩玩 走走 聊聊 问问 早早 轻轻 静静 高高 快快 大大 小小 满满 紧紧 乖乖 星星 娃娃 婆婆 公公 太太 宝贝 哈哈 呵呵 嘻嘻 默默 悄悄 匆匆 了了 纷纷 偷偷 久久 统统 通通 亲亲 抱抱 拜拜 嘿嘿 呜呜 哇哇 稍稍 渐渐 频频 连连 冷冷 热热 泡泡'.split(
    ' ',
  ),
);
// Doubled kin words and the like, never a child's name in "我是X的外婆".
const ZH_KIN_DOUBLED = new Set('宝宝 妈妈 爸爸 奶奶 爷爷 姥姥 姐姐 哥哥 弟弟 妹妹 叔叔 婶婶 舅舅 伯伯 娃娃 婆婆 公公 太太 宝贝 大家 人人 个个'.split(' '));
// Given names as families write them alone ("欣怡今天很开心", "子轩、梓涵和一诺"): the commonest of
// children born since about 2005, of their parents' and grandparents' generations, and English names
// written in characters ("大卫", "艾米"). Not those that are ordinary words too ("欣然" gladly, "博文" a
// blog post, "宇航", "远航", "致远", "一鸣", "晨曦", "文明", "美丽").
const ZH_GIVEN = new Set(
  (
    '子轩 浩宇 浩然 宇轩 子豪 梓轩 俊杰 皓轩 子墨 梓豪 浩轩 雨泽 俊熙 明轩 梓睿 睿泽 沐宸 奕辰 宇泽 子睿 思远 嘉懿 俊宇 志豪 宇辰 嘉豪 子杰 ' +
    '晨阳 逸飞 梓航 钰轩 瑞霖 煜祺 智宸 昊然 明杰 立轩 峻熙 弘文 鸿煊 烨霖 哲瀚 俊驰 晟睿 文昊 旭尧 鸿涛 荣轩 越泽 瑾瑜 睿渊 楷瑞 建辉 ' +
    '梓涵 一诺 欣怡 雨涵 诗涵 可馨 欣妍 嘉怡 雨桐 若汐 梓萱 语桐 子涵 思涵 诗琪 欣悦 佳怡 佳琪 雨欣 紫涵 雅琪 若曦 梦琪 可欣 语嫣 芷若 ' +
    '依诺 诗雨 梦瑶 婉清 思琪 静怡 晓彤 雅涵 雨萱 紫萱 梓琪 心怡 馨怡 悦彤 美琪 梦洁 思彤 欣彤 雨彤 语涵 诗婷 雅婷 婧琪 梓妍 ' +
    '志强 建国 建华 国强 秀英 桂英 丽娟 明辉 海燕 丽华 淑珍 玉兰 美玲 美华 建军 红梅 秀兰 桂兰 志明 文杰 俊华 海涛 永强 德华 ' +
    '大卫 艾米 杰克 露西 汤姆 艾玛 安娜 玛丽 约翰 迈克 丹尼尔 索菲亚 哈利 乔治 查理 米娅 凯特 诺亚 艾拉 奥利弗 伊莎贝拉'
  ).split(' '),
);
const ZH_GIVEN_NAME = new RegExp([...ZH_GIVEN].sort((a, b) => b.length - a.length).join('|'), 'g');

// After 小, characters that make an ordinary word: "小时", "小组", "小孩", "小学", "小心"…
const ZH_XIAO_WORDS = /[时学组区心孩朋姐吃便事车菜店型声份片块点些手朋屋房间部分票费号写计气说册猫狗鸟儿女伙子]/;
// After 阿, characters that make an ordinary word or a title: "阿姨", "阿拉伯", "阿婆".
const ZH_A_WORDS = /[姨拉婆公爸妈伯叔哥姐弟妹嫂奶爷尔富联胶司片]/;
// Characters that end a name: words that follow one ("很喜欢", "也来过", "三岁", "周末").
const STOP = new Set(
  '很也都在是和的了今每说去来就还又太真一二三四五六七八九十两岁个喜非特最已刚会能要觉跟同把被让给对从这那们吗呢吧啊周上下昨帮告带教问不让着过，。！？、,.!? '.split(
    '',
  ),
);
// "的" and a person who is someone's: "明明的语言治疗师", "天天的老师".
const ZH_WHOSE_PERSON = /^的[\u4e00-\u9fff]{0,4}?(?:老师|治疗师|医生|护士|社工|妈妈|爸爸|奶奶|爷爷|外婆|外公|姥姥|哥哥|姐姐|弟弟|妹妹|同学|朋友|班主任)/;
// What follows a name with no cue: a verb of what people do or a particle ("李娜说", "杨帆和我").
const ZH_AFTER =
  /^(?:说|告诉|帮|给|跟|和|对|很|的|来|是|也|都|每次|每周|每天|一直|非常|特别|真|让|不|在|带|教|问|打电话|发|陪|总是|经常|今天|昨天|上次|老师|医生|今年|现在|参加|喜欢|平安|第一|人(?:很|特别|真|非常|超|挺|太)|介绍|推荐|出生|组织|安排|联系|帮忙)/;
// What a child does after their pet name: "回家", "已经", "还是", "学", "哭", "睡".
const ZH_CHILD_AFTER =
  /^(?:今年|现在|参加|喜欢|玩|平安|第一|回家|回来|来|已经|还是|还在|终于|开始|学会|学|哭|笑|睡|吃|画|唱|跑|长大|出生|生病|刚|最近|总|又|才|也)/;
const ZH_VERB_START = new Set('看打给发让会會不没也都在是要说带骂钱去来跟和把被很还又就才已想能可用做吃喝玩哭笑每今现顶骑跑跳睡唱写读听'.split(''));
const ZH_TITLES = '老师|医生|大夫|护士|阿姨|女士|小姐|姐姐|哥哥|弟弟|妹妹|先生|太太|主任|叔叔|奶奶|经理|社工|助产士';
const ZH_TITLE_AFTER = new RegExp(`^(?:${ZH_TITLES})`);
const ZH_TITLE = new RegExp(`([\\u4e00-\\u9fff]|[A-Za-z][A-Za-z'-]*)(?=${ZH_TITLES})(${ZH_TITLES})`, 'g');
const ZH_CUE =
  /(?:我(?:的)?(?:儿子|女儿|孩子|宝宝|小孩|老公|丈夫|先生|妻子|老婆|太太|朋友|邻居|妈妈|爸爸|外孙女|外孙|孙子|孙女|前夫|前妻)(?:叫|名叫)?|(?<=^|[，。！？、：；\s])(?:儿子|女儿|前夫|前妻)|(?<=带|陪|接|送|带着|陪着)(?:外孙女|外孙|孙女|孙子|儿子|女儿)|孩子的(?:爸爸|妈妈)|我叫|我的名字是|我名字叫|名字是|名字叫|叫做|(?:宝宝|孩子|儿子|女儿)(?:叫|名叫))\s*/g;
// Adverbs and times that follow "我老公", "儿子" and are no name: "经常", "总是", "周末", "最近".
const ZH_NOT_AFTER_CUE =
  /^(?:经常|常常|总是|老是|一直|每天|每次|每周|平时|今天|昨天|明天|最近|已经|现在|有时|从来|刚才|刚刚|以前|之前|后来|突然|居然|竟然|偶尔|天天|晚上|早上|上周|这周|下周)/;
// Roles and thanks: the name after them must start with a surname.
const ZH_WEAK_CUE =
  /(?:健康访视员|访视员|家访员|社工|护士|医生|助产士|工作人员|工作者|志愿者|员工|负责人|翻译|婆婆|公公|奶奶|外婆|姥姥|爷爷|我是|谢谢|感谢|多谢|跟|和|同)\s*/g;

// Arabic: a word after a strong cue is a name unless it is a verb ("يحب"), takes the article
// ("الصغير") or is one of the words that follow these cues.
const AR_STRONG =
  'اسمي|إسمي|اسمه|اسمها|تدعى|يدعى|ابني|إبني|ابنتي|إبنتي|بنتي|ولدي|طفلي|طفلتي|زوجي|جوزي|زوجتي|خطيبي|طليقي|صديقتي|صديقي|صاحبتي|أخي|اخي|أختي|اختي|جارتي|جاري|حفيدي|حفيدتي|الأستاذة|الاستاذة|الأستاذه|الاستاذه|للأستاذة|للاستاذة|الأستاذ|الاستاذ|للأستاذ|للاستاذ|المعلمة|المعلمه|للمعلمة|الممرضة|الممرضه|للممرضة|الدكتور|للدكتور|الدكتورة|الدكتوره|للدكتورة|دكتورة|دكتوره|دكتور|الطبيب|الطبيبة|الطبيبه|السيدة|السيده|للسيدة|القابلة|القابله|للقابلة|الموظفة|الموظفه|للموظفة|الموظف|للموظف|المرشدة|المرشده|للمرشدة|الأخصائية|الاخصائية|الاخصائيه|الأخصائي|الاخصائي|المربية|المربيه|الأخت|الاخت|أستاذة|استاذة|أستاذه|استاذه|أستاذ|استاذ|مس|ميس|مستر|د\\.|الزائرة الصحية|الزائره الصحيه|زائرة الصحة|زائره الصحه|المتطوع|المتطوعة|المتطوعه|للمتطوع|للمتطوعة|السيد|للسيد|ممرضة|ممرضه|موظفة|موظفه|اسمها|اسمه|الطفل|الطفلة|الطفله|للطفل|للطفلة|أولادي|اولادي|بناتي|أطفالي|اطفالي|حفيدتي|أحفادي|احفادي';
// A role may carry an adjective before the name: "الأخصائية الاجتماعية جيني" (the social worker Jenny).
const AR_CUE = new RegExp(`(?:^|[\\s،,.(])[وف]?(${AR_STRONG})(?:\\s+ال[\\u0621-\\u064A]+(?=\\s+[^\\sا]))?\\s+([\\u0621-\\u064A]+)`, 'g');
// A signature after a closing greeting, to the end of the comment: "مع تحياتي، هدى الأحمد".
const AR_SIGNED = /(?:تحياتي|تحياتنا|احترامي|الشكر|والتقدير)\s*[،,:\-–—]?\s*((?:[\u0621-\u064A]+\s*){1,3}(?:[،,]\s*[\u0621-\u064A]+)?)[.!\s]*$/;
// Titles that go with the name they precede, as "Mrs Patel" does: "الأستاذة مريم" is marked whole.
const AR_TITLES = new Set(
  'أستاذة استاذة أستاذه استاذه أستاذ استاذ مس ميس مستر د. الأستاذة الاستاذة الأستاذه الاستاذه الأستاذ الاستاذ المعلمة المعلمه الممرضة الممرضه الدكتور الدكتورة الدكتوره دكتورة دكتوره دكتور السيدة السيده السيد للسيد للسيدة'.split(
    ' ',
  ),
);
// "شكرا يا هدى": thanks, and "يا" (O) calling the person.
const AR_WEAK_CUE =
  /(?:^|[\s،,.(])[وف]?(?:شكرا|شكراً|شكرًا|أشكر|اشكر|نشكر|مع|كانت|كان|اتصلت بي|اتصل بي|سألت|قابلت|تكلمت مع|أم|ام|أبو|ابو|أجيب|اجيب|بجيب|نجيب|أحضر|احضر|أوصل|اوصل|قلت|قلنا|هدية|هديه|الهدية|الهديه)\s+(?:يا\s+)?([\u0621-\u064A]+)/g;
const AR_NOT_NAMES = new Set(
  'ولا وما ولم أصغر اصغر أكبر اكبر أحسن احسن عمره عمرها بعد قبل لسه لسا مازال مواليد مولود مولوده كان كانت هو هي في من مع على عن إلى الى لا لم لن قد لديه لديها عنده عندها الذي التي يا و أو ثم جدا كثيرا ايضا أيضا مصاب مصابة يبلغ تبلغ واحد اثنان اثنين ثلاثة ثلاث أربعة اربعة خمسة طفل طفلان أطفال اطفال ولد بنت بنات أولاد اولاد ما وما حتى عدة بسبب دائما دايما كل بعض صار قال رجع طاح ضاع راح جاء جا رأى راى شاف أخذ اخذ ضرب حرق عند فلوس فلوسا صور كثير لما لأن لان اللي هذا هذه مسافر مريض مريضة تعبان نايم بكى بكا نام لعب ضحك قعد حب فرح خاف زعل تعب مرض كبر اكل أكل شرب ركض نط صرخ وقع انبسط سعداء مبسوط مبسوطه مبسوطة مبسوطين فرحان فرحانه فرحانة زعلان زعلانه خايف خايفه خائف شاطر شاطره شاطرة صغير صغيره صغيرة كبير كبيره كبيرة نايمه جوعان عطشان حزين حزينه مرتاح مرتاحه هادي هادئ متحمس متحمسه'.split(
    ' ',
  ),
);
// Adverbs of time and manner, and kin, after "ابني", "زوجي" and the like: "دايم", "لمدة أسبوع", "أخو". (Folded.)
const AR_NOT_AFTER_CUE = new Set(
  'دايم دايما دائما دوم لمده اسبوع شهر سنه يوم ساعه كمان برضو برضه بس هلق هلا الحين توه للحين حاليا كثير كتير شوي شويه اليوم امس بكره ناويه ناوي متفاهمين ساكنين كافي كافيه اخو اخت خال خاله عم عمه ابن بنت ام ابو جد جده اهل'.split(
    ' ',
  ),
);
/** How verbs begin: present (يحب), future (سيبدأ), colloquial present (بيفتش), joined "and" (ويشد, وما). */
const AR_VERB_START = /^(?:[يت]|س[يتن]|ب[يتن]|و[يتنم])/;

/**
 * Whether a word opening a phrase before a kin word or "من الفريق" is no name: a function word, an
 * adverb or kin ("أخو"), a word with the article, or a verb (present, future, colloquial, with "and").
 */
function arNoName(word: string): boolean {
  return (
    AR_NOT_NAMES.has(word) ||
    AR_FUNCTION_WORDS.has(word) ||
    AR_NOT_AFTER_CUE.has(foldArabic(word)) ||
    word.startsWith('ال') ||
    AR_VERB_ENDING.test(word) ||
    AR_VERB_START.test(word)
  );
}

// Words that stand before "my son" and the like in a sentence, and are no names.
const AR_FUNCTION_WORDS = new Set(
  'ميلاد أصبح اصبح أصبحت اصبحت صارت لكن لاكن ولكن بس وبس مع ومع عند عن من الى إلى في على هذا هذه ذلك تلك كل بعد قبل ثم او أو حتى اذا إذا لما لأن لان انا أنا وانا وأنا انت هو هي نحن احنا هم يا شكرا شكراً وشكرا كمان ايضا أيضا يعني خاصة خاصه وخاصة مثل زي جدا جداً كثير كتير حتي لو'.split(
    ' ',
  ),
);
// Given names that are not also everyday words: taken anywhere. (Folded: no hamza, ة as ه.)
const AR_GIVEN = new Set(
  'محمد محمود احمد مصطفي خالد حسين حسام هيثم مازن ماجد وائل نبيل جاد كنان غيث ليث مجد باسل باسم عمار عامر ايمن سامر ناصر منصور جابر حمدي حمودي زوزو لولو ميمي توتو حموده ابوبكر عبدالعزيز عبدالكريم عبدالله جنا جني جوري لمار ميار ميس ليان لانا تيماء سدرا رزان شهد هيا دانيا ديما لارا نايا ايلين سيلين رنيم ريتاج مرام ملاك جمانه هبه سمر نوال امال ايات يوسف ابراهيم اسماعيل عبدالرحمن ياسين حمزه زكريا طارق زياد رامي سامي فادي بلال انس معاذ مراد عثمان فيصل سلطان هشام رشيد ادم نوح موسي عيسي هارون سليمان داود داوود اياد قاسم يحيي يزن تيم ايهم مهند عبير فاطمه عائشه خديجه مريم زينب ساره رانيا رنا ريم لينا سلمي سعاد ناديه ليلي اسراء رحاب هند سميه شيماء نسرين تالا لمي رهف روان دانه غاده سلوي هاله نجلاء سوسن سهي منار تسنيم يمني بتول لبني ابتسام انتصار اعتماد جيني جيسيكا مارك داني دانيال توماس جون جوني ديفيد دافيد مايكل جيمس بيتر كيت ليزا ايما صوفي لوسي هاري اوليفر ستيف ستيفن ماري كيلي ريبيكا راشيل لورا هيلين كلير جورج اميلي ايميلي شارلوت كريس كريستين روبرت ريتشارد ويليام سوزان كارين ميشيل نيكول فيكي فيكتوريا ليام جوش ماثيو اندرو اليزابيث جيمي ايمي بريا باتيل انجي انور جو توم بن سام ديف كيم جاك ماكس نوره ريان عبود'.split(
    ' ',
  ),
);
// Names that are also words ("hope", "light", "gift"): only after a cue.
const AR_CUED_ONLY = new Set(
  'امل نور هبه هدي جود عمر جميله ياسمين صباح بشري حصه جواهر بسمه سعيد منى مني لين علي حسن كريم سعيد جمال عادل وليد صالح ايمان فرح سلام دعاء ايه اسماء حنان شهد ملك رغد حلا بسمه وفاء سناء'.split(
    ' ',
  ),
);

const foldArabic = (w: string) => w.replace(/ـ/g, '').replace(/[أإآ]/g, 'ا').replace(/ة/g, 'ه').replace(/ى/g, 'ي');

/** The given name inside an Arabic word, without a joined "and", "to", "with" or "by" (ولسارة). */
function arGiven(word: string, cued: boolean): boolean {
  const folded = foldArabic(word);
  for (const w of [folded, folded.replace(/^[وفلب]/, ''), folded.replace(/^[وف]ل/, '')]) {
    if (w.length < 2) continue;
    if (AR_GIVEN.has(w) || (cued && AR_CUED_ONLY.has(w))) return true;
  }
  return false;
}

/** Whether the character at `i` is a Han character (false outside the text). */
const isHanAt = (text: string, i: number): boolean => /[\u4e00-\u9fff]/.test(text[i] ?? '');

function zhNames(text: string): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  const han = (i: number) => isHanAt(text, i);
  // The given name after a surname at `start`: up to two characters, stopping at a stop character.
  // Its first character is the surname, which may also be a stop character elsewhere ("周晓岚", "周末").
  const given = (start: number, max: number) => {
    let end = start;
    while (end - start < max && han(end) && !(STOP.has(text[end]!) && !(end === start && SURNAMES.has(text[end]!)))) end++;
    return end;
  };
  for (const m of text.matchAll(ZH_CUE)) {
    const start = m.index + m[0].length;
    // "我丈夫看我的微信", "给我儿子发信息": a verb, not a name, follows the cue.
    if (ZH_VERB_START.has(text[start] ?? '') && !ZH_GIVEN.has(text.slice(start, start + 2))) continue;
    // "我老公经常…", "儿子周末去…": an adverb or a time, not a name, follows the cue.
    if (ZH_NOT_AFTER_CUE.test(text.slice(start)) || ZH_NOT_NAMES.test(text.slice(start))) continue;
    let end = given(start, SURNAMES.has(text[start] ?? '') ? 3 : 2);
    // "我先生张伟参加了": a third character that opens what follows a name ("参加") is not the name's.
    if (end - start === 3 && ZH_AFTER.test(text.slice(start + 2)) && !ZH_AFTER.test(text.slice(end))) end--;
    if (end - start >= 1 && !(end - start === 1 && !SURNAMES.has(text[start]!))) found.push([start, end]);
  }
  // A pet name doubled after "我家"/"我儿子" ("我家乐乐"), and "小" before a surname ("小李在前台", "的小王很会").
  // "我们家天天都来" is "we come every day": not a doubled ordinary word.
  for (const m of text.matchAll(/(?:我们家|我家|我的|儿子|女儿|宝宝)([\u4e00-\u9fff])\1/g))
    if (!ZH_DOUBLED_WORDS.has(m[0].slice(-2))) found.push([m.index + m[0].length - 2, m.index + m[0].length]);
  // A doubled character that is no ordinary doubled word ("晨晨和阳阳", "豆豆的睡眠"), where a name stands:
  // opening the comment or a clause, or after "和", "跟", "给", "关于", "谢谢", and before what follows a name.
  for (const m of text.matchAll(/([\u4e00-\u9fff])\1/g)) {
    if (STOP.has(m[1]!) || ZH_KIN_DOUBLED.has(m[0])) continue;
    const before = text.slice(Math.max(0, m.index - 2), m.index);
    const after = text.slice(m.index + 2);
    // "明明的语言治疗师": even a doubled word ("obviously") is a child's name when someone is theirs.
    if (ZH_DOUBLED_WORDS.has(m[0])) {
      if ((m.index === 0 || /[，。！？、：；\s]$/.test(before)) && ZH_WHOSE_PERSON.test(after)) found.push([m.index, m.index + 2]);
      continue;
    }
    // "发现了豆豆的髋关节", "照顾思思": the object of what was done for the child.
    const opens = m.index === 0 || /[，。！？、：；\s（(]$/.test(before) || /(?:和|跟|给|让|带|带着|叫|于|谢|是|的|了|但|顾|看)$/.test(before);
    // "乐乐回家一直学她", "安安平平安安长大": what a child does, or a four-character wish (AABB), after
    // the name; "平平安安就好" alone is the wish.
    if (
      opens &&
      (after === '' ||
        /^[，。！？\s）)]/.test(after) ||
        // "果果、豆豆两姐弟": a list of doubled names, not "泡泡、灯光" (bubbles, lights).
        /^、([\u4e00-\u9fff])\1/.test(after) ||
        ZH_AFTER.test(after) ||
        ZH_CHILD_AFTER.test(after) ||
        /^([\u4e00-\u9fff])\1([\u4e00-\u9fff])\2/.test(after))
    )
      found.push([m.index, m.index + 2]);
  }
  // "我是晓明的爷爷" (I'm Xiaoming's grandad): the writer names a child by who they are to them.
  for (const m of text.matchAll(
    /我(?:们)?是([\u4e00-\u9fff]{2,3}?)的(?:爷爷|奶奶|外婆|外公|姥姥|姥爷|妈妈|爸爸|母亲|父亲|家长|哥哥|姐姐|阿姨|叔叔|舅舅|监护人)/g,
  )) {
    // "我是天天的外婆": here even a doubled word ("every day") is the child's name; a kin word is not.
    if (
      ZH_KIN_DOUBLED.has(m[1]!) ||
      /^(?:孩子|宝宝|儿子|女儿|他们|她们|我们|你们)/.test(m[1]!) ||
      [...m[1]!.slice(m[1]![0] === m[1]![1] ? 2 : 0)].some((c) => STOP.has(c))
    )
      continue;
    found.push([m.index + m[0].indexOf(m[1]!), m.index + m[0].indexOf(m[1]!) + m[1]!.length]);
  }
  // A doubled pet name after a verb of care: "给安安洗澡", "陪乐乐玩", "喂豆豆", "外婆带朵朵去了".
  // "照顾思思已经一年了": a doubled pet name after a verb of care, "照顾", "照看", "陪着".
  for (const m of text.matchAll(/(?:给|帮|陪|喂|抱|哄|接|送|带|照顾|照看|看着|陪着|抱着|带着)([\u4e00-\u9fff])\1/g)) {
    if (ZH_DOUBLED_WORDS.has(m[0].slice(-2)) || STOP.has(m[1]!)) continue;
    found.push([m.index + m[0].length - 2, m.index + m[0].length]);
  }
  // "奶奶带着天天天天来玩": a doubled word said twice over, after one brings or meets a child, is the name and then the word.
  for (const m of text.matchAll(/(?:带着|带|陪着|陪|和|跟|接)(([\u4e00-\u9fff])\2)\1/g)) {
    if (ZH_KIN_DOUBLED.has(m[1]!)) continue;
    found.push([m.index + m[0].length - 4, m.index + m[0].length - 2]);
  }
  // "小李" (a surname), or a pet name ("小明", "小雨", and "阿杰" with 阿) after a cue; not "小时",
  // "小组", "小孩", "阿姨". "奶奶带小宝来玩", "小明的哥哥小军": taken along, or a sibling named.
  // "晓雪第一次…": 晓 opens given names (晓明, 晓雪), not words but "晓得".
  for (const m of text.matchAll(/([小阿晓])([\u4e00-\u9fff])/g)) {
    if (m[1] === '小' ? ZH_XIAO_WORDS.test(m[2]!) : m[1] === '阿' ? ZH_A_WORDS.test(m[2]!) : /[得知谕]/.test(m[2]!) || han(m.index - 1)) continue;
    // "关于小宝的评估", "但小雨还是坚持要来" (the rain, "下小雨", has no such cue).
    const cue = /(?:志愿者|叫|是|和|跟|给|谢谢|感谢|家|的|带|带着|让|哥哥|姐姐|弟弟|妹妹|关于|照顾|但|但是|可是)$/.test(
      text.slice(Math.max(0, m.index - 3), m.index),
    );
    const opensClause = /[，。！？、：；\s]/.test(text[m.index - 1] ?? '');
    const before = text[m.index - 1] ?? '';
    const after = text.slice(m.index + 2);
    // "，小宝回家一直唱": a pet name opening a clause before what a child does.
    const childDoes = (opensClause || m.index === 0) && ZH_CHILD_AFTER.test(after);
    if (m[1] === '小' ? !SURNAMES.has(m[2]!) && !cue && m.index !== 0 && !childDoes : !cue && m.index !== 0 && !opensClause) continue;
    if (
      (before === '' || !han(m.index - 1) || /[的跟和给谢是叫家者带着让哥姐弟妹于顾但是]/.test(before)) &&
      (after === '' || /^[，。！？\s]/.test(after) || ZH_AFTER.test(after) || after.startsWith('在') || ((cue || childDoes) && ZH_CHILD_AFTER.test(after)))
    )
      found.push([m.index, m.index + 2]);
  }
  for (const m of text.matchAll(ZH_WEAK_CUE)) {
    const start = m.index + m[0].length;
    if (!SURNAMES.has(text[start] ?? '') || ZH_NOT_NAMES.test(text.slice(start))) continue;
    // "感谢赵小红姐姐": a full name and its title, whole, as "王老师" is.
    const titled = [3, 2].find((n) => given(start, n) - start === n && ZH_TITLE_AFTER.test(text.slice(start + n)));
    if (titled) {
      found.push([start, start + titled + ZH_TITLE_AFTER.exec(text.slice(start + titled))![0].length]);
      continue;
    }
    let end = given(start, 3);
    // Three characters only when what follows reads as after a name ("跟郭敏聊天": 郭敏, not 郭敏聊).
    if (end - start === 3 && han(end) && !ZH_AFTER.test(text.slice(end))) end--;
    if (end - start >= 2) found.push([start, end]);
  }
  // A greeting to someone by name opening the comment: "晓红你好，谢谢你上次的建议".
  const greeted = /^\s*([\u4e00-\u9fff]{2,3})(?:你好|您好)/.exec(text);
  // Not a title or a kin word ("老师你好", "妈妈们好"), nor everyone ("大家", "各位").
  const greetedName = greeted?.[1];
  if (
    greeted &&
    greetedName &&
    !ZH_TITLE_AFTER.test(greetedName) &&
    !ZH_KIN_DOUBLED.has(greetedName.slice(0, 2)) &&
    !/^(?:大家|各位|朋友|亲们|你们|您们|工作人员)/.test(greetedName) &&
    !/[们的]/.test(greetedName)
  ) {
    const start = greeted.index + greeted[0].indexOf(greeted[1]!);
    found.push([start, start + greetedName.length]);
  }
  // A name closing the comment after a full stop, perhaps with "留" (left by): "…。李娟", "王芳 留".
  // "…。林美华，曼彻斯特": with the town after it, the signature goes whole.
  const closing = /(?:^|[。！？.!?\s])\s*([\u4e00-\u9fff]{2,3})\s*(?:留|([，,]\s*[\u4e00-\u9fff]{2,6}(?:[，,]\s*\d{1,2}岁)?))?\s*[。.]?\s*$/.exec(text);
  if (closing && SURNAMES.has(closing[1]![0]!) && !ZH_NOT_NAMES.test(closing[1]!) && !/[谢们了吗呢吧啊的好]/.test(closing[1]!.slice(1))) {
    const start = closing.index + closing[0].indexOf(closing[1]!);
    found.push([start, start + closing[1]!.length + (closing[2]?.length ?? 0)]);
  }
  // A signature after a dash at the end, whole: "——林晓燕，曼彻斯特", "——美玲，35岁，卢顿".
  const signed = /(?:——|—|--)\s*([\u4e00-\u9fff]{2,4}(?:[，,][^。！？!?]{1,20})?)\s*$/.exec(text);
  if (signed && !/^(?:谢谢|感谢|加油|大家|全体)/.test(signed[1]!)) {
    const start = signed.index + signed[0].indexOf(signed[1]!);
    // "—小雨妈妈": the writer signs as the child's mother; the child's name goes, the kin word stays.
    const kin = /^([\u4e00-\u9fff]{2,3}?)的?(?:妈妈|爸爸|奶奶|爷爷|外婆|外公|姥姥|姥爷|妈|爸)$/.exec(signed[1]!);
    found.push([start, start + (kin ? kin[1]!.length : signed[1]!.length)]);
  }
  for (const m of text.matchAll(ZH_TITLE)) {
    const name = m[1]!;
    // A Latin name ("Amy老师") or a surname ("王老师"), not "的老师" or "好医生".
    // "谢谢老师" is thanks to the teachers, not a teacher called 谢.
    if (
      /^[A-Za-z]/.test(name)
        ? name.length >= 2
        : SURNAMES.has(name) && !/[好个位名些这那新老]/.test(text[m.index - 1] ?? '') && !(name === '谢' && text[m.index - 1] === '谢')
    )
      found.push([m.index, m.index + name.length + m[2]!.length]);
  }
  // "老陈每周都开车送我们", "老李家的孩子": 老 before a surname is how friends and neighbours are
  // called. Not "老师", "老公", "老是": only the surnames that open no ordinary word.
  for (const m of text.matchAll(/老([\u4e00-\u9fff])/g)) {
    if (!SAFE_SURNAMES.has(m[1]!) || (han(m.index - 1) && !/[的是和跟给谢家着]/.test(text[m.index - 1]!))) continue;
    const after = text.slice(m.index + 2);
    if (after === '' || /^[，。！？\s]/.test(after) || ZH_AFTER.test(after) || /^(?:家|开车|每)/.test(after)) found.push([m.index, m.index + 2]);
  }
  // A parent named by their child, as Chinese families call each other: "欣欣妈妈在这里", "阳阳爸爸
  // 这周出差", "小杰妈妈说": the child's pet name goes, the kin word stays.
  for (const m of text.matchAll(
    /(?<![\u4e00-\u9fff])(?:(?:谢谢|感谢|和|跟|是|给))?(([\u4e00-\u9fff])\2|[小阿][\u4e00-\u9fff])(?=的?(?:妈妈|爸爸|奶奶|爷爷|外婆|外公|姥姥|姥爷)(?![们]))/g,
  )) {
    const name = m[1]!;
    if (ZH_KIN_DOUBLED.has(name) || STOP.has(name[1]!) || (name[0] === '小' && ZH_XIAO_WORDS.test(name[1]!)) || (name[0] === '阿' && ZH_A_WORDS.test(name[1]!)))
      continue;
    const start = m.index + m[0].length - name.length;
    found.push([start, start + 2]);
  }
  // A Latin name with 姐 or 阿 ("Lily姐", "阿May"), as staff are called.
  for (const m of text.matchAll(/[A-Za-z][A-Za-z'-]+姐(?!姐)|阿[A-Z][A-Za-z'-]+/g)) found.push([m.index, m.index + m[0].length]);
  // Full names with no cue: "林小红告诉我", "李娜说".
  for (let i = 0; i < text.length; i++) {
    if (!SAFE_SURNAMES.has(text[i]!) || han(i - 1) || ZH_NOT_NAMES.test(text.slice(i))) continue;
    for (const length of [3, 2]) {
      const end = i + length;
      const inner = text.slice(i + 1, end);
      if (inner.length !== length - 1 || [...inner].some((c) => STOP.has(c) || !/[\u4e00-\u9fff]/.test(c))) continue;
      if (ZH_AFTER.test(text.slice(end)) && !ZH_AFTER.test(text.slice(i + 1))) {
        found.push([i, end]);
        break;
      }
    }
  }
  // A given name alone, not inside a longer word: "欣怡今天很开心", "浩然的出生日期", "我跟俊杰一起来的";
  // with a title after it, whole: "美玲阿姨".
  for (const m of text.matchAll(ZH_GIVEN_NAME)) {
    if (han(m.index - 1) && !/[的和跟给谢是叫家着让与及带陪接送儿子孙]/.test(text[m.index - 1]!)) continue;
    const end = m.index + m[0].length;
    found.push([m.index, end + (ZH_TITLE_AFTER.exec(text.slice(end))?.[0].length ?? 0)]);
  }
  // "天天天天都想来": a doubled word said twice over, opening a clause, is the name and then the word.
  for (const m of text.matchAll(/(?<![\u4e00-\u9fff])(([\u4e00-\u9fff])\2)\1/g)) if (!ZH_KIN_DOUBLED.has(m[1]!)) found.push([m.index, m.index + 2]);
  return [...found, ...zhListed(text, found)];
}

/** Joins a list of names: "乐乐和朵朵抢玩具", "王芳，李强，张伟都是志愿者", "果果、豆豆两姐弟". */
const ZH_JOINS = '和|跟|与|及|、|，|,';
const ZH_JOIN_AFTER = new RegExp(`^(?:${ZH_JOINS})`);
const ZH_JOIN_BEFORE = new RegExp(`(?:${ZH_JOINS})$`);

/**
 * Names listed beside a name already found, before or after it: a doubled pet name that is no
 * ordinary doubled word, a given name on the list, or a common surname with one or two characters.
 */
function zhListed(text: string, found: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const listed: Array<[number, number]> = [];
  const han = (i: number) => isHanAt(text, i);
  // The name that starts at `i`, if one may stand in a list there.
  const nameAt = (i: number): number => {
    const two = text.slice(i, i + 2);
    if (two.length === 2 && two[0] === two[1] && han(i) && !ZH_KIN_DOUBLED.has(two) && !ZH_DOUBLED_WORDS.has(two) && !STOP.has(two[0]!)) return i + 2;
    if (ZH_GIVEN.has(two)) return i + 2;
    if (!SAFE_SURNAMES.has(text[i] ?? '') || ZH_NOT_NAMES.test(text.slice(i))) return -1;
    let end = i + 1;
    while (end - i < 3 && han(end) && !STOP.has(text[end]!)) end++;
    return end - i >= 2 ? end : -1;
  };
  const seen = new Set(found.map(([start]) => start));
  const queue = [...found];
  while (queue.length > 0) {
    const [start, end] = queue.pop()!;
    const next: Array<[number, number]> = [];
    const join = ZH_JOIN_AFTER.exec(text.slice(end));
    if (join) next.push([end + join[0].length, nameAt(end + join[0].length)]);
    // Before: a name of two or three characters ending at a join, opening the comment or a clause.
    const before = text.slice(0, start);
    const back = ZH_JOIN_BEFORE.exec(before);
    if (back)
      for (const size of [2, 3]) {
        const from = back.index - size;
        if (from >= 0 && !han(from - 1) && nameAt(from) === back.index) next.push([from, back.index]);
      }
    for (const [from, to] of next) {
      if (to <= from || seen.has(from)) continue;
      seen.add(from);
      listed.push([from, to]);
      queue.push([from, to]);
    }
  }
  return listed;
}

// Verb and pronoun endings no given name has ("ساعدتني" helped me, "كانت" she was, "قالوا").
const AR_VERB_ENDING = /(?:ني|نا|وا|تم|تن|كم|هم|ها|ت)$/;
// Past tense of derived verbs, which no given name on the lists has the shape of: "اضطر" (had to),
// "انتقل" (moved), "اشترى" (bought), "استطاع" (could).
const AR_DERIVED_VERB = /^(?:ا[^ا\s]ط|ا[^ا\s]ت[^ا]|است|ان[^ا\s][^ا\s])[\u0621-\u064A]*$/;
// Roles that follow a name: "نور الموظفة" (Nour, the member of staff).
const AR_ROLE_AFTER =
  /^\s+(?:(?:من|في|ف[يى]|عند)\s+(?:ال|لل)?(?:استقبال|مقهى|مقهي|كافيه|حضانة|حضانه|فريق|مكتب|مطبخ)|الموظفة|الموظفه|الموظف|الممرضة|الممرضه|المعلمة|المعلمه|المرشدة|المرشده|الطبيبة|الطبيبه|الطبيب|الدكتورة|القابلة|الأخصائية|الاخصائية|المتطوعة|المتطوعه|المتطوع|المنسقة|المنسقه|المشرفة|المشرفه|من المركز)(?![\u0621-\u064A])/;

// What follows "أنا أم", "أنا أب" and the like that is no child's name: "عزباء" (single), "جديدة" (new),
// "حاضنة" / "حاضن" (foster).
const AR_MOTHER_OF = new Set(
  'عزباء عزبا وحيده جديده جديد عامله حامل مرضعه منفصله مطلقه ارمله متعبه حاضنه بديله متبنيه حاضن بديل متبني وحيد منفصل مطلق ارمل عامل اعزب'.split(' '),
);

/** Whether the word after "أنا أم", "أبو" and the like may be the child's name: not "عزباء", "في", "الصغير". */
function mayBeChildName(word: string): boolean {
  return !AR_NOT_NAMES.has(word) && !AR_FUNCTION_WORDS.has(word) && !word.startsWith('ال') && !AR_MOTHER_OF.has(foldArabic(word));
}

function arNames(text: string): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  const push = (start: number, word: string, strong = false) => {
    found.push([start, start + word.length]);
    // A second given name right after is the father's name or a surname: "فاطمة أحمد"; after "ابني"
    // and the like even one that is also a word: "ابني عمر حسن".
    const next = /^\s+([\u0621-\u064A]+)/.exec(text.slice(start + word.length));
    // "سلمى وعمر": a name joined to it by "and" may be one that is also a word.
    if (
      next &&
      (arGiven(next[1]!, false) ||
        (strong && !/^[وفلب]/.test(next[1]!) && !AR_NOT_NAMES.has(next[1]!) && AR_CUED_ONLY.has(foldArabic(next[1]!))) ||
        (next[1]!.startsWith('و') && arGiven(next[1]!, true)))
    ) {
      const from = start + word.length + next[0].length - next[1]!.length;
      found.push([from, from + next[1]!.length]);
    }
  };
  for (const m of text.matchAll(AR_CUE)) {
    const name = m[2]!;
    if (AR_NOT_NAMES.has(name) || /^[وفبلك]?ال/.test(name) || AR_NOT_AFTER_CUE.has(foldArabic(name))) continue;
    // Verbs: present (يحب), future (سيبدأ), colloquial present (بيفتش), joined "and" (ويشد, وما).
    if ((AR_VERB_START.test(name) || AR_VERB_ENDING.test(name) || AR_DERIVED_VERB.test(foldArabic(name))) && !arGiven(name, true)) continue;
    const start = m.index + m[0].length - name.length;
    push(start, name, true);
    if (AR_TITLES.has(m[1]!)) found.push([m.index + m[0].lastIndexOf(m[1]!, m[0].length - name.length), start + name.length]);
  }
  // "أنا جدة زين" (I am Zain's grandmother): the name after the writer's kinship to them.
  for (const m of text.matchAll(
    /(?:^|[\s،,.])(?:أنا|انا|وأنا|وانا)\s+(?:جدة|جده|جد|أم|ام|أب|اب|أبو|ابو|والدة|والده|والد|خالة|خاله|عمة|عمه)\s+([\u0621-\u064A]{2,})/g,
  )) {
    const name = m[1]!;
    // "أنا أم لطفلين" (a mother of two), "أنا أم عزباء" (a single mother): no name follows.
    if (!mayBeChildName(name)) continue;
    if (/^[لبك]/.test(name) && !arGiven(name, true)) continue;
    push(m.index + m[0].length - name.length, name);
  }
  // A signature closing the comment: a given name, maybe an initial, and a town: "سعاد ح.، لوتون".
  const town = /(?:^|[.!؟?]\s*)([\u0621-\u064A]+(?:\s+[\u0621-\u064A]{1,2}\.?)?\s*[،,]\s*[\u0621-\u064A]+)\s*[.!]*\s*$/.exec(text);
  if (town && arGiven(town[1]!.split(/\s/)[0]!, true)) {
    const start = town.index + town[0].indexOf(town[1]!);
    found.push([start, start + town[1]!.length]);
  }
  // A kunya opening or signing the comment: "أم محمد هنا…", "…. أم ريان", "أبو يزن، برادفورد". Marked
  // whole, as "أم خالد" is below; the child's name in it must be no ordinary word.
  const kunya =
    /(?:^|[.!؟?،,]\s*)((?:أم|ام|أبو|ابو)\s+[\u0621-\u064A]{2,}(?:\s*[،,]\s*[\u0621-\u064A]+)?)\s*[.!]*\s*$|^\s*((?:أم|ام|أبو|ابو)\s+[\u0621-\u064A]{2,})(?=\s+(?:هنا|هون|يشكر|تشكر|تسأل|يسأل|بدي|بدها|ابغى|أبغى|أريد|اريد|من))/.exec(
      text,
    );
  if (kunya) {
    const whole = kunya[1] ?? kunya[2]!;
    const child = whole.split(/\s+/)[1]!.replace(/[،,].*$/, '');
    if (mayBeChildName(child)) {
      const start = kunya.index + kunya[0].indexOf(whole);
      found.push([start, start + whole.length]);
    }
  }
  const signed = AR_SIGNED.exec(text);
  if (signed) {
    const name = signed[1]!.trim();
    const start = signed.index + signed[0].indexOf(name);
    if (!name.split(/\s+/).some((w) => AR_NOT_NAMES.has(w))) found.push([start, start + name.length]);
  }
  for (const m of text.matchAll(AR_WEAK_CUE)) {
    const name = m[1]!;
    if (!AR_NOT_NAMES.has(name) && arGiven(name, true)) push(m.index + m[0].length - name.length, name);
  }
  // A word opening a sentence right before a kin word is a name: "نور بنتي" (Nour, my daughter), "حسام زوجي".
  for (const m of text.matchAll(
    /(?:^|[،,.!؟?(]\s*)([\u0621-\u064A]{2,})\s+(?:بنتي|ابني|إبني|ابنتي|زوجي|زوجتي|جوزي|اخوي|أخوي|أخي|اختي|أختي|ولدي)(?![\u0621-\u064A])/g,
  )) {
    const name = m[1]!;
    // "أخو جوزي", "خال زوجي": kin of the kin word, not a name.
    if (arNoName(name)) continue;
    const start = m.index + m[0].indexOf(name);
    found.push([start, start + name.length]);
  }
  // "أمل عمرها ٣ سنوات", "فرح كانت فرحانة": a name that is also a word, opening a clause, then an
  // age or a verb said of a person; the word alone ("فقدنا الأمل") never is.
  for (const m of text.matchAll(
    /(?:^|[،,.!؟?]\s*)([\u0621-\u064A]{2,})\s+(?:عمره|عمرها|كانت|قالت|بكت|ضحكت|لعبت|نامت|رسمت|غنت|رقصت|كان|قال|بكى|ضحك|لعب|نام|رسم|غنى|رقص|تحب|يحب|تلعب|يلعب|تحكي|يحكي|تقول|يقول|تروح|يروح|صارت|صار)(?![\u0621-\u064A])/g,
  )) {
    const name = m[1]!;
    const folded = foldArabic(name);
    if (!AR_CUED_ONLY.has(folded) || folded === 'علي' || folded === 'مني') continue;
    const start = m.index + m[0].indexOf(name);
    found.push([start, start + name.length]);
  }
  // "وأعتني بهدى" (and I look after Huda): a name joined to "ب" after a verb of care.
  for (const m of text.matchAll(
    /(?:^|[\s،,.])[وف]?(?:أعتني|اعتني|نعتني|تعتني|يعتني|أهتم|اهتم|نهتم|أرعى|ارعى|فخورة|فخوره|فخور|نفتخر)\s+(ب[\u0621-\u064A]{2,})/g,
  )) {
    const name = m[1]!;
    if (arGiven(name, true)) found.push([m.index + m[0].length - name.length, m.index + m[0].length]);
  }
  // "نور أضاءت الحفلة": a name that is also a word opening the comment or a clause, then a verb in
  // the feminine past ("-ت") that the word itself (النور, masculine) would not take.
  for (const m of text.matchAll(/(?:^|[،,.!؟?]\s*)([\u0621-\u064A]{2,})\s+([\u0621-\u064A]{3,5}ت)(?![\u0621-\u064A])/g)) {
    const folded = foldArabic(m[1]!);
    if (!AR_CUED_ONLY.has(folded) || !/^(?:نور|امل|فرح|جود|سلام)$/.test(folded) || AR_NOT_NAMES.has(m[2]!)) continue;
    const start = m.index + m[0].indexOf(m[1]!);
    found.push([start, start + m[1]!.length]);
  }
  // "نور وآدم استمتعا": a name that is also a word, opening a clause, joined by "و" to a given name.
  for (const m of text.matchAll(/(?:^|[،,.!؟?]\s*)([\u0621-\u064A]{2,})\s+(و[\u0621-\u064A]{2,})(?![\u0621-\u064A])/g)) {
    if (!AR_CUED_ONLY.has(foldArabic(m[1]!)) || !arGiven(m[2]!, false)) continue;
    const start = m.index + m[0].indexOf(m[1]!);
    found.push([start, start + m[1]!.length]);
  }
  // "عبد الرحمن": "عبد" and the name after it are one name.
  for (const m of text.matchAll(/(?:^|[\s،,.(])[وفلب]?(عبد\s+ال[\u0621-\u064A]+)/g)) {
    const start = m.index + m[0].length - m[1]!.length;
    found.push([start, start + m[1]!.length]);
  }
  // Given names that are nothing else, anywhere; "أم خالد" / "أبو أحمد" (mother, father of) whole.
  for (const m of text.matchAll(/[\u0621-\u064A]+/g)) {
    if (!arGiven(m[0], false) && !(arGiven(m[0], true) && AR_ROLE_AFTER.test(text.slice(m.index + m[0].length)))) continue;
    // "أنا أم يوسف" (I am Yusuf's mother) names Yusuf, not the writer.
    const before = /(?:^|\s)(أم|ام|أبو|ابو)\s+$/.exec(text.slice(Math.max(0, m.index - 5), m.index));
    if (before && /(?:أنا|انا)\s+$/.test(text.slice(Math.max(0, m.index - before[0].length - 5), m.index - before[0].length + 1))) {
      found.push([m.index, m.index + m[0].length]);
      continue;
    }
    const start = before ? m.index - before[0].length + before[0].indexOf(before[1]!) : m.index;
    found.push([start, m.index + m[0].length]);
  }
  // "جيس من الفريق هدأتها" (Jess from the team calmed her): the word before "from the team", "from
  // reception" is a member of staff's name, not "واحدة من الفريق" (one of the team) or a verb.
  for (const m of text.matchAll(/(?:^|[\s،,.(])([\u0621-\u064A]{2,})\s+من\s+(?:الفريق|فريق|الاستقبال)(?![\u0621-\u064A])/g)) {
    const name = m[1]!;
    if (
      arNoName(name) ||
      AR_TITLES.has(name) ||
      /^(?:واحده|واحدة|واحد|وحده|شخص|ناس|كثير|اغلب|أغلب|معظم|بعض|كل|أحد|احد|حدا|حد|اثنين|ثنتين|موظفه|موظفة|موظف|ست|بنت|شب|رجل|امرأة|امراه|سيده|سيدة)$/.test(
        name,
      )
    )
      continue;
    const start = m.index + m[0].indexOf(name);
    found.push([start, start + name.length]);
  }
  // "وهدى عرّفتني … شكرا يا هدى": a name that is also a word, found once by its cue, is the same person
  // where the comment writes it again joined to "و" or opening a clause ("وعندنا أمل", hope, stays).
  const cuedNames = new Set(found.map(([a, b]) => text.slice(a, b)).filter((w) => AR_CUED_ONLY.has(foldArabic(w))));
  if (cuedNames.size > 0)
    for (const m of text.matchAll(
      /(?<=^|[،,.!؟?]\s*)(و?)([\u0621-\u064A]{2,})(?![\u0621-\u064A])|(?<![\u0621-\u064A])(و)([\u0621-\u064A]{2,})(?![\u0621-\u064A])/g,
    ))
      if (cuedNames.has(m[2] ?? m[4]!)) found.push([m.index, m.index + m[0].length]);
  // "زينب وحسن وعلي أحبوا الرحلة": names joined by "و" to a name, each a given name even if also a word.
  for (let k = 0; k < found.length; k++) {
    const next = /^\s+(و[\u0621-\u064A]{2,})/.exec(text.slice(found[k]![1]));
    if (!next || !arGiven(next[1]!, true)) continue;
    const from = found[k]![1] + next[0].length - next[1]!.length;
    if (!found.some(([start]) => start === from)) found.push([from, from + next[1]!.length]);
  }
  return found;
}

/**
 * The ranges of names in Chinese and Arabic text.
 *
 * @example
 * findScriptNames('我儿子小明很喜欢') // [[3, 5]]
 */
export function findScriptNames(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  // A form's name field: "姓名：王小明", "الاسم: آدم محمد علي", up to the next punctuation.
  if (text.includes(':') || text.includes('：')) {
    for (const m of text.matchAll(/(?:姓名|名字|孩子姓名|孩子的名字)\s*[:：]\s*([\u4e00-\u9fff]{2,3}|[A-Za-z]+(?: [A-Z][a-z]+)?)/g))
      out.push([m.index + m[0].length - m[1]!.length, m.index + m[0].length]);
    for (const m of text.matchAll(
      /(?:الاسم|الإسم|اسم الطفل|اسم الطفلة|اسم ابني|اسم ابنتي|اسم المولود)\s*[:：]\s*([\u0621-\u064A]+(?:\s[\u0621-\u064A]+){0,3})/g,
    ))
      out.push([m.index + m[0].length - m[1]!.length, m.index + m[0].length]);
  }
  if (/[\u4e00-\u9fff]/.test(text)) out.push(...zhNames(text));
  if (/[\u0600-\u06ff]/.test(text)) out.push(...arNames(text));
  return mergeRanges(out);
}

/** Overlapping ranges as their unions: "أم خالد" and "خالد" are one name. */
export function mergeRanges(ranges: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: Array<[number, number]> = [];
  for (const [start, end] of sorted) {
    const last = out[out.length - 1];
    if (last && start < last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}
