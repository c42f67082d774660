/**
 * Names in Chinese and Arabic, found by cue alone: neither script marks names with capitals, so a
 * name is taken only where the words before it say a person follows ("我儿子", "اسمي", "ابني").
 */

// Chinese: the commonest surnames, for "王老师" (teacher Wang) and full names after a cue.
const SURNAMES = new Set(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split(
    '',
  ),
);
// Characters that end a name: words that follow one ("很喜欢", "也来过", "三岁").
const STOP = new Set(
  '很也都在是和的了今每说去来就还又太真一二三四五六七八九十两岁个喜非特最已刚会能要觉跟同把被让给对从这那们吗呢吧啊，。！？、,.!? '.split(''),
);
const ZH_CUE =
  /(?:我(?:的)?(?:儿子|女儿|孩子|宝宝|小孩|老公|丈夫|先生|妻子|老婆|太太|朋友|邻居|妈妈|爸爸)(?:叫|名叫)?|我叫|我的名字是|我名字叫|名字是|名字叫|叫做)\s*/g;
const ZH_TITLE = /([\u4e00-\u9fff])(?=老师|医生|护士|阿姨|女士|小姐|姐姐)/g;

// Arabic: a word after a cue is a name unless it is a verb ("يحب"), takes the article ("الصغير") or
// is one of the words that follow these cues.
const AR_CUE =
  /(?:^|[\s،,.(])[وف]?(?:اسمي|إسمي|ابني|إبني|ابنتي|إبنتي|بنتي|ولدي|طفلي|طفلتي|زوجي|زوجتي|صديقتي|صديقي|أخي|أختي|جارتي|الأستاذة|للأستاذة|الأستاذ|للأستاذ|المعلمة|للمعلمة|الممرضة|للممرضة|الدكتور|للدكتور|الدكتورة|للدكتورة|السيدة|للسيدة|القابلة|للقابلة|الموظفة|للموظفة|الموظف|للموظف|المرشدة|للمرشدة|الزائرة الصحية)\s+([\u0621-\u064A]+)/g;
const AR_NOT_NAMES = new Set(
  'عمره عمرها كان كانت هو هي في من مع على عن إلى الى لا لم لن قد لديه لديها عنده عندها الذي التي يا و أو ثم جدا كثيرا ايضا أيضا مصاب مصابة يبلغ تبلغ واحد اثنان اثنين ثلاثة ثلاث أربعة اربعة خمسة طفل طفلان أطفال اطفال ولد بنت بنات أولاد اولاد'.split(
    ' ',
  ),
);
const AR_NAMES = new Set('يوسف يحيى ياسين ياسمين يزن يمنى تالا تسنيم تيم'.split(' '));

function zhNames(text: string): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  for (const m of text.matchAll(ZH_CUE)) {
    const start = m.index + m[0].length;
    let end = start;
    const max = SURNAMES.has(text[start] ?? '') ? 3 : 2;
    while (end - start < max && /[\u4e00-\u9fff]/.test(text[end] ?? '') && !STOP.has(text[end]!)) end++;
    if (end - start >= 1 && !(end - start === 1 && !SURNAMES.has(text[start]!))) found.push([start, end]);
  }
  for (const m of text.matchAll(ZH_TITLE)) if (SURNAMES.has(m[1]!)) found.push([m.index, m.index + 1]);
  return found;
}

function arNames(text: string): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  for (const m of text.matchAll(AR_CUE)) {
    const name = m[1]!;
    if (AR_NOT_NAMES.has(name) || name.startsWith('ال')) continue;
    if (/^[يت]/.test(name) && !AR_NAMES.has(name)) continue;
    const start = m.index + m[0].length - name.length;
    found.push([start, start + name.length]);
  }
  return found;
}

/**
 * The ranges of cued names in Chinese and Arabic text.
 *
 * @example
 * findScriptNames('我儿子小明很喜欢') // [[3, 5]]
 */
export function findScriptNames(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  if (/[\u4e00-\u9fff]/.test(text)) out.push(...zhNames(text));
  if (/[\u0600-\u06ff]/.test(text)) out.push(...arNames(text));
  return out;
}
