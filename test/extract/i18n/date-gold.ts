// A small gold set of dates in other languages, written for Tessera's tests (no sentence comes from a dataset or
// an article): each sentence, the publication day it is read against, and the calendar day its first date
// names (null: the sentence names no day — a toll, a year, a month, "next year"). Read by the unit test of the
// date patterns and by scripts/compare-date-parsers.ts, which scores chrono-node's locales on the same items.

export interface DateGoldItem {
  language: string;
  text: string;
  /** The publication day the sentence is read against. */
  reference: string;
  /** The day the sentence's first date names, or null when it names none. */
  expect: string | null;
}

const set = (language: string, reference: string, items: [string, string | null][]): DateGoldItem[] =>
  items.map(([text, expect]) => ({ language, text, reference, expect }));

export const DATE_GOLD: DateGoldItem[] = [
  // 2025-03-14 is a Friday
  ...set("fr", "2025-03-14", [
    ["L'explosion s'est produite le 3 mars 2025 près du marché.", "2025-03-03"],
    ["Des hommes armés ont attaqué le poste de police dans la nuit du 11 mars.", "2025-03-11"],
    ["Le bilan publié le 1er février 2025 faisait état de douze morts.", "2025-02-01"],
    ["L'attentat de mercredi a fait cinq blessés.", "2025-03-12"],
    ["Hier, une bombe a explosé devant la mairie.", "2025-03-13"],
    ["La fusillade du 28/02/2025 reste inexpliquée.", "2025-02-28"],
    ["Le samedi 8 mars 2025, un drone a frappé un convoi.", "2025-03-08"],
    ["Quinze personnes ont été tuées et vingt blessées.", null],
    ["Le procès s'ouvrira en 2026 à la cour d'assises.", null],
    ["Le 2 décembre, un kamikaze s'est fait exploser.", "2024-12-02"],
    ["Ce mardi matin, des tirs ont visé une caserne.", "2025-03-11"],
    ["Le mardi (11 mars 2025) soir, un engin explosif a sauté au passage d'une patrouille.", "2025-03-11"],
    ["Publié le : Jeudi 13 Mars 2025", "2025-03-13"],
    ["Dans la nuit de samedi à dimanche, des assaillants ont incendié une école.", "2025-03-08"],
  ]),
  // 2024-06-20 is a Thursday
  ...set("es", "2024-06-20", [
    ["El atentado ocurrió el 14 de junio de 2024 en el centro de la ciudad.", "2024-06-14"],
    ["El martes 18 de junio, hombres armados abrieron fuego contra una patrulla.", "2024-06-18"],
    ["Ayer estalló un coche bomba frente a la comisaría.", "2024-06-19"],
    ["El ataque del domingo dejó siete muertos.", "2024-06-16"],
    ["Según el informe del 3/05/2024, hubo veinte heridos.", "2024-05-03"],
    ["El 1 de enero, un tiroteo en una discoteca dejó tres muertos.", "2024-01-01"],
    ["Los detenidos serán juzgados el próximo año.", null],
    ["Murieron 12 personas y 30 resultaron heridas.", null],
    ["El 1º de junio se produjo una explosión en el mercado.", "2024-06-01"],
    ["El lunes, la policía detuvo a cuatro sospechosos.", "2024-06-17"],
    ["El pasado domingo un dron impactó en un depósito.", "2024-06-16"],
    ["La explosión, ocurrida el martes (18 de junio de 2024), dejó dos heridos.", "2024-06-18"],
    ["Publicado el 19 de junio de 2024", "2024-06-19"],
    ["En la madrugada del miércoles, un grupo armado atacó una aldea.", "2024-06-19"],
  ]),
  // 2023-11-09 is a Thursday
  ...set("pt", "2023-11-09", [
    ["O ataque aconteceu em 5 de novembro de 2023 numa mesquita.", "2023-11-05"],
    ["Na terça-feira (7), um homem-bomba matou nove pessoas.", "2023-11-07"],
    ["Ontem, uma explosão atingiu um mercado.", "2023-11-08"],
    ["No dia 30 de outubro, atiradores dispararam contra um ônibus.", "2023-10-30"],
    ["O atentado de 02/11/2023 deixou seis feridos.", "2023-11-02"],
    ["No domingo, a polícia prendeu três suspeitos.", "2023-11-05"],
    ["Foram 40 mortos e 15 feridos, segundo o governo.", null],
    ["O julgamento começa em março.", null],
    ["Em 1º de setembro de 2023, um carro-bomba explodiu.", "2023-09-01"],
    ["A explosão de 25 de dezembro matou duas pessoas.", "2022-12-25"],
    ["No domingo (5), homens armados invadiram uma igreja.", "2023-11-05"],
    ["Publicado em 08/11/2023 às 14h30", "2023-11-08"],
    ["A explosão desta quarta-feira deixou quatro mortos.", "2023-11-08"],
    ["Na madrugada de sábado (4 de novembro), um posto foi atacado.", "2023-11-04"],
  ]),
  // 2022-05-12 is a Thursday
  ...set("de", "2022-05-12", [
    ["Der Anschlag ereignete sich am 9. Mai 2022 vor einer Schule.", "2022-05-09"],
    ["Am Dienstag explodierte eine Autobombe im Stadtzentrum.", "2022-05-10"],
    ["Gestern wurden drei Polizisten bei einem Angriff verletzt.", "2022-05-11"],
    ["Bei dem Angriff vom 2. Mai starben acht Menschen.", "2022-05-02"],
    ["Laut Polizei vom 30.04.2022 gab es zwölf Verletzte.", "2022-04-30"],
    ["Am Sonntag, dem 8. Mai 2022, schoss ein Mann auf Passanten.", "2022-05-08"],
    ["Mindestens 25 Menschen wurden getötet.", null],
    ["Am 24. Dezember griffen Bewaffnete ein Dorf an.", "2021-12-24"],
    ["Heute Morgen detonierte ein Sprengsatz an einer Brücke.", "2022-05-12"],
    ["Der Prozess soll im Juni beginnen.", null],
    ["Am Mittwochabend eröffnete ein Mann das Feuer.", "2022-05-11"],
    ["Veröffentlicht am 11.05.2022 um 18:40 Uhr", "2022-05-11"],
    ["In der Nacht zum Montag detonierte eine Bombe.", "2022-05-09"],
    ["Der Angriff am vergangenen Samstag, 7. Mai, forderte vier Tote.", "2022-05-07"],
  ]),
  // 2021-09-16 is a Thursday
  ...set("ru", "2021-09-16", [
    ["Взрыв произошёл 12 сентября 2021 года на рынке.", "2021-09-12"],
    ["Вчера боевики напали на блокпост.", "2021-09-15"],
    ["Во вторник в городе прогремел взрыв.", "2021-09-14"],
    ["Теракт 3 сентября унёс жизни пяти человек.", "2021-09-03"],
    ["По данным на 10.09.2021, ранены 14 человек.", "2021-09-10"],
    ["В результате нападения погибли 7 человек и 20 ранены.", null],
    ["1 января неизвестные обстреляли автобус.", "2021-01-01"],
    ["Сегодня утром полиция задержала двоих подозреваемых.", "2021-09-16"],
    ["В воскресенье, 12 сентября, смертник подорвал себя.", "2021-09-12"],
    ["Суд начнётся в 2022 году.", null],
    ["В ночь на 14 сентября боевики обстреляли город.", "2021-09-14"],
    ["Нападение произошло в понедельник, 13-го сентября.", "2021-09-13"],
    ["Опубликовано 15.09.2021 в 10:12", "2021-09-15"],
    ["В минувшую субботу в кафе прогремел взрыв.", "2021-09-11"],
  ]),
  // 2020-02-20 is a Thursday
  ...set("tr", "2020-02-20", [
    ["Saldırı 16 Şubat 2020 tarihinde bir karakola düzenlendi.", "2020-02-16"],
    ["Dün akşam bir pazar yerinde bomba patladı.", "2020-02-19"],
    ["Salı günü silahlı kişiler bir otobüse ateş açtı.", "2020-02-18"],
    ["18 Şubat'ta meydana gelen patlamada 6 kişi öldü.", "2020-02-18"],
    ["Olay 14.02.2020 tarihinde yaşandı.", "2020-02-14"],
    ["Saldırıda 9 kişi hayatını kaybetti, 21 kişi yaralandı.", null],
    ["Bugün sabah saatlerinde iki şüpheli gözaltına alındı.", "2020-02-20"],
    ["28 Aralık'ta bir intihar saldırısı gerçekleşti.", "2019-12-28"],
    ["Pazar günü, 16 Şubat, bir araç bombası infilak etti.", "2020-02-16"],
    ["Dava Mart ayında başlayacak.", null],
    ["16 Şubat Pazar günü bir köye saldırı düzenlendi.", "2020-02-16"],
    ["Yayınlanma: 19.02.2020 10:45", "2020-02-19"],
    ["Geçen cuma bir polis aracına ateş açıldı.", "2020-02-14"],
    ["Saldırı, 17 Şubat 2020 Pazartesi sabahı gerçekleşti.", "2020-02-17"],
  ]),
  // 2019-04-25 is a Thursday
  ...set("ar", "2019-04-25", [
    ["وقع الانفجار في 21 أبريل 2019 قرب كنيسة.", "2019-04-21"],
    ["هاجم مسلحون نقطة تفتيش أمس.", "2019-04-24"],
    ["أسفر الهجوم يوم الثلاثاء عن مقتل خمسة أشخاص.", "2019-04-23"],
    ["وقع التفجير في ١٨ نيسان / أبريل الماضي.", "2019-04-18"],
    ["قُتل 12 شخصا وأصيب 30 آخرون في الهجوم.", null],
    ["في 5 كانون الثاني 2019 انفجرت سيارة مفخخة.", "2019-01-05"],
    ["اعتقلت الشرطة ثلاثة مشتبه بهم اليوم.", "2019-04-25"],
    ["يوم الأحد 21 أبريل، فجر انتحاري نفسه في فندق.", "2019-04-21"],
    ["وقع الهجوم بتاريخ 20/04/2019 في السوق.", "2019-04-20"],
    ["ستبدأ المحاكمة في العام المقبل.", null],
    ["أعلن التنظيم مسؤوليته يوم الاثنين 22 نيسان / أبريل في بيان.", "2019-04-22"],
    ["وقع الانفجار مساء اليوم الأربعاء في سوق شعبي.", "2019-04-24"],
    ["نشر بتاريخ: 24 أبريل، 2019", "2019-04-24"],
    ["شهدت المدينة صباح الثلاثاء الماضي هجوما مسلحا.", "2019-04-23"],
  ]),
  // 2018-09-27 (5 Mehr 1397) is a Thursday
  ...set("fa", "2018-09-27", [
    ["انفجار روز ۳۱ شهریور ۱۳۹۷ در اهواز رخ داد.", "2018-09-22"],
    ["دیروز افراد مسلح به یک پاسگاه حمله کردند.", "2018-09-26"],
    ["حمله روز سه‌شنبه ۱۱ نفر کشته بر جای گذاشت.", "2018-09-25"],
    ["این حادثه در ۲۲ سپتامبر ۲۰۱۸ رخ داد.", "2018-09-22"],
    ["در این حمله ۲۵ نفر کشته و ۶۰ نفر زخمی شدند.", null],
    ["پلیس امروز سه مظنون را بازداشت کرد.", "2018-09-27"],
    ["در ۱۵ مرداد ماه یک بمب در بازار منفجر شد.", "2018-08-06"],
    ["روز جمعه (۳۰ شهریور) تیراندازی در یک مسجد رخ داد.", "2018-09-21"],
    ["انفجار در تاریخ ۱۳۹۷/۰۶/۲۵ گزارش شد.", "2018-09-16"],
    ["دادگاه سال آینده تشکیل می‌شود.", null],
    ["چهارشنبه هفته گذشته (۲۸ شهریور ماه) یک بمب منفجر شد.", "2018-09-19"],
    ["تاریخ انتشار: ۰۴ مهر ۱۳۹۷", "2018-09-26"],
    ["غروب روز سه‌شنبه (۳ مهر ۱۳۹۷) افراد مسلح به یک روستا حمله کردند.", "2018-09-25"],
    ["ساعت ۱۸:۳۰ دیروز یک خودرو منفجر شد.", "2018-09-26"],
  ]),
  // 2017-02-17 is a Friday
  ...set("ur", "2017-02-17", [
    ["دھماکا 16 فروری 2017 کو ایک مزار پر ہوا۔", "2017-02-16"],
    ["گزشتہ روز مسلح افراد نے ایک چوکی پر حملہ کیا۔", "2017-02-16"],
    ["منگل کو ہونے والے دھماکے میں 8 افراد جاں بحق ہوئے۔", "2017-02-14"],
    ["13 فروری کو خودکش حملہ آور نے خود کو اڑا لیا۔", "2017-02-13"],
    ["واقعے میں 20 افراد جاں بحق اور 45 زخمی ہوئے۔", null],
    ["آج صبح پولیس نے دو مشتبہ افراد کو گرفتار کر لیا۔", "2017-02-17"],
    ["۱۵ فروری ۲۰۱۷ کو فائرنگ کا واقعہ پیش آیا۔", "2017-02-15"],
    ["پیر کے روز ایک بم دھماکا ہوا۔", "2017-02-13"],
    ["حملہ 12/02/2017 کو ہوا۔", "2017-02-12"],
    ["مقدمے کی سماعت اگلے ماہ ہوگی۔", null],
    ["15 فروری ، 2017", "2017-02-15"],
    ["جمعرات کو ایک مزار پر خودکش حملہ ہوا۔", "2017-02-16"],
    ["اتوار 12 فروری کو فائرنگ کا واقعہ پیش آیا۔", "2017-02-12"],
    ["بدھ کی رات ایک دھماکا ہوا۔", "2017-02-15"],
  ]),
];
