"""Writes the labelled redaction corpus: ``redaction_<lang>.jsonl``, 100 texts per language.

    PYTHONPATH=src python tests/consultations/corpus/make_redaction_corpus.py

Each line is ``{"id", "lang", "text", "spans": [{"start", "end", "category"}]}``; ``spans`` marks exactly the
characters that must not be stored (the personal detail itself, not the words around it: in "my snapchat is
lily_09" only "lily_09"). Half the texts of each language hold personal details, half are clean; the clean half
names public figures, famous places, brands and institutions harmlessly, and has numbers that are not personal
(ages, years, prices, counts).

Written before the redaction code, from what children type in consultations (short, informal, typos, mixed
scripts); the frames and values below are the corpus, the seed only decides how they are combined, so the
file is the same on every run. Do not edit the JSONL by hand: change this file and run it again.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).parent
ZW = "\u200b"

# ---------------------------------------------------------------------------------------------------------------
# Clean texts: 50 per language, nothing personal (public figures, places and brands are not personal details).
# ---------------------------------------------------------------------------------------------------------------
CLEAN = {
    "en": [
        "I saw a video about Greta Thunberg and it made me want to help too.",
        "We visited Paris last summer and the Eiffel Tower was sooo big",
        "helplines should be open at nigth because thats when i feel worst",
        "Please let us chat instead of calling, its less scary",
        "My favourite footballer is Lionel Messi, he never gives up.",
        "Taylor Swift said on TikTok that its ok to ask for help",
        "In our class we watched a film about Malala Yousafzai.",
        "I am 13 and I have 2 sisters and 1 dog",
        "The game costs 20 dollars and my mum said no",
        "We learned about the United Nations in geography, it has 193 members.",
        "I think Instagram should hide likes for kids under 16",
        "Minecraft has a chat and strangers can talk to you there",
        "Our teacher told us about Childline in assembly and it sounds good",
        "I want the helpline to work on WhatsApp because everyone uses it",
        "london has lots of cameras but online nobody watches",
        "The BBC made a programme about cyberbullying last year",
        "Roblox should have better reporting buttons",
        "I read Harry Potter 3 times, Hermione is the best",
        "We went to Nairobi to see my grandma, the internet there is slow",
        "People on Discord can be mean sometimes",
        "my phone is a samsung and it has parental controls",
        "In 2023 our school banned phones in class",
        "I spend like 4 hours a day on YouTube, maybe too much",
        "Mr Beast videos are fun but too loud",
        "Apple and Google should make it easier to block people",
        "We did a project on Nelson Mandela and freedom",
        "I would call if it was free on every network",
        "Sometimes the chat on Fortnite has bad words",
        "The helpline in my country is not open on Sunday",
        "My favourite city is Tokyo, I want to go there one day",
        "When I grow up I want to work at NASA",
        "I think Snapchat streaks are stupid but everyone does them",
        "we had a talk from the police about staying safe online",
        "It took me 10 minutes to do this survey, it was ok",
        "Please make the website work on old phones too",
        "I watched the World Cup final with 30 people at church",
        "Billie Eilish talks about mental health and that helps",
        "The Amazon rainforest is on fire and nobody cares",
        "I dont trust adults I dont know on the phone",
        "More adverts on TV so kids know the number",
        "My brother is 17 and he says helplines are for babies, hes wrong",
        "We visited the Great Wall of China in 2019",
        "Kids in Brazil and Kenya should have the same help",
        "i think 9 to 12 year olds need more help than teens",
        "Telegram groups send scary videos sometimes",
        "Being online is fun but sometimes people lie about who they are",
        "I liked the question about chat, chat is better",
        "The Prime Minister should make a law about this",
        "Spotify has podcasts about feelings, I listen to them at 9pm",
        "Thank you for asking children what we think!",
    ],
    "fr": [
        "J'ai vu une vidéo sur Greta Thunberg et ça m'a donné envie d'agir.",
        "On est allés à Paris voir la tour Eiffel, c'était trop bien",
        "il faudrait que la ligne d'écoute soit ouverte la nuit",
        "Je préfère écrire que téléphoner, j'ai peur de parler",
        "Mon joueur préféré c'est Kylian Mbappé",
        "J'ai 12 ans et j'ai 3 frères",
        "Sur TikTok il y a des gens méchants dans les commentaires",
        "En classe on a parlé de Marie Curie et des femmes scientifiques.",
        "Le jeu coûte 15 euros mais ma mère veut pas",
        "On a appris que l'ONU a été créée en 1945.",
        "Instagram devrait cacher les likes pour les moins de 15 ans",
        "Sur Minecraft des inconnus te parlent dans le chat",
        "La maîtresse nous a parlé du 3018 contre le harcèlement",
        "Je voudrais pouvoir écrire sur WhatsApp à la ligne d'écoute",
        "Marseille c'est la ville de ma tante, il fait chaud",
        "France Télévisions a fait une émission sur le cyberharcèlement",
        "Roblox devrait avoir un meilleur bouton pour signaler",
        "J'ai lu Le Petit Prince trois fois",
        "On est partis au Sénégal voir ma grand-mère, internet est lent là-bas",
        "Sur Discord les gens sont parfois méchants",
        "mon téléphone c'est un vieux iphone avec le contrôle parental",
        "En 2022 le collège a interdit les portables en classe",
        "Je passe genre 3 heures par jour sur YouTube",
        "Squeezie fait des vidéos drôles mais trop longues",
        "Apple et Google devraient rendre le blocage plus facile",
        "On a fait un exposé sur Nelson Mandela",
        "J'appellerais si c'était gratuit",
        "Dans Fortnite il y a des gros mots dans le chat",
        "La ligne d'écoute n'est pas ouverte le dimanche chez nous",
        "Je rêve d'aller à Montréal un jour",
        "Plus tard je veux travailler à l'Agence spatiale européenne",
        "Les flammes sur Snapchat c'est nul mais tout le monde le fait",
        "des gendarmes sont venus nous parler de la sécurité sur internet",
        "Ce questionnaire m'a pris 5 minutes",
        "Il faut que le site marche sur les vieux téléphones",
        "On a regardé la finale de la Coupe du monde à 20 chez mon oncle",
        "Angèle parle de santé mentale et ça aide",
        "La forêt amazonienne brûle et personne fait rien",
        "je fais pas confiance aux adultes que je connais pas",
        "Il faudrait des pubs à la télé pour connaître le numéro",
        "Mon frère a 16 ans et il dit que c'est pour les bébés",
        "On a visité le Mont-Saint-Michel en 2021",
        "Les enfants au Bénin et au Canada doivent avoir la même aide",
        "Les 9-12 ans ont besoin de plus d'aide que les ados",
        "Sur Telegram il y a des vidéos qui font peur",
        "Internet c'est bien mais des gens mentent sur leur âge",
        "Le chat c'est mieux que le téléphone",
        "Le président devrait faire une loi là-dessus",
        "J'écoute des podcasts sur les émotions sur Spotify",
        "Merci de demander l'avis des enfants !",
    ],
    "es": [
        "Vi un video sobre Greta Thunberg y me dieron ganas de ayudar.",
        "Fuimos a Madrid a ver el museo del Prado, fue increíble",
        "la linea de ayuda tendria que estar abierta de noche",
        "Prefiero escribir que llamar, me da verguenza",
        "Mi jugador favorito es Lionel Messi",
        "Tengo 11 años y 2 hermanas",
        "En TikTok hay gente mala en los comentarios",
        "En clase hablamos de Frida Kahlo y su arte.",
        "El juego cuesta 30 euros y mi mamá dijo que no",
        "Aprendimos que la ONU tiene 193 países.",
        "Instagram debería ocultar los likes para menores de 16",
        "En Minecraft te hablan desconocidos por el chat",
        "La profe nos habló de la Fundación ANAR en clase",
        "Quiero que la línea de ayuda funcione por WhatsApp",
        "Buenos Aires es muy grande y hay mucho ruido",
        "Televisión Española hizo un programa sobre ciberacoso",
        "Roblox debería tener mejores botones para denunciar",
        "Leí Don Quijote para niños y me gustó",
        "Fuimos a Bogotá a ver a mi abuela, el internet es lento",
        "En Discord la gente a veces es mala",
        "mi celular es un xiaomi y tiene control parental",
        "En 2023 el colegio prohibió los móviles en clase",
        "Paso como 5 horas al día en YouTube",
        "Ibai hace directos muy divertidos",
        "Apple y Google deberían hacer más fácil bloquear",
        "Hicimos un trabajo sobre Nelson Mandela",
        "Llamaría si fuera gratis en todos los teléfonos",
        "En Fortnite hay groserías en el chat",
        "La línea de ayuda no abre los domingos en mi país",
        "Mi ciudad favorita es Lima por la comida",
        "De grande quiero trabajar en la NASA",
        "Las rachas de Snapchat son tontas pero todos las hacen",
        "vino la policía a hablarnos de seguridad en internet",
        "Esta encuesta me tomó 10 minutos",
        "Que la página funcione en teléfonos viejos porfa",
        "Vimos la final del Mundial con 25 personas",
        "Shakira habla de sus sentimientos y eso ayuda",
        "La selva del Amazonas se quema y nadie hace nada",
        "no confio en adultos que no conozco",
        "Más anuncios en la tele para que sepamos el número",
        "Mi hermano tiene 15 y dice que es para bebés",
        "Visitamos Machu Picchu en 2022",
        "Los niños de México y de España deben tener la misma ayuda",
        "los de 9 a 12 años necesitan más ayuda",
        "En Telegram mandan videos que dan miedo",
        "Internet es divertido pero hay gente que miente",
        "El chat es mejor que llamar",
        "El presidente debería hacer una ley",
        "Escucho podcasts de emociones en Spotify",
        "¡Gracias por preguntarnos a los niños!",
    ],
    "ru": [
        "Я смотрел видео про Грету Тунберг и тоже хочу помогать.",
        "Мы ездили в Москву и видели Красную площадь",
        "телефон доверия должен работать ночью",
        "Мне проще писать чем звонить, страшно говорить",
        "Мой любимый футболист Лионель Месси",
        "Мне 12 лет и у меня 2 брата",
        "В ТикТоке злые комментарии",
        "На уроке нам рассказывали про Юрия Гагарина.",
        "Игра стоит 500 рублей, а мама не разрешила",
        "Мы узнали что ООН основали в 1945 году.",
        "Инстаграм должен прятать лайки для детей до 14",
        "В Майнкрафте незнакомые люди пишут в чат",
        "Учительница рассказала нам про телефон доверия 8-800",
        "Хочу чтобы телефон доверия был в Телеграме",
        "Санкт-Петербург очень красивый город",
        "По Первому каналу была передача про кибербуллинг",
        "В Роблоксе нужна кнопка пожаловаться получше",
        "Я прочитал Гарри Поттера три раза",
        "Мы ездили в Казань к бабушке, там медленный интернет",
        "В Дискорде люди бывают злые",
        "у меня старый телефон с родительским контролем",
        "В 2023 году в школе запретили телефоны на уроках",
        "Я сижу в ютубе часа 4 в день",
        "Влад А4 снимает смешные видео",
        "ВКонтакте надо сделать блокировку проще",
        "Мы делали доклад про Льва Толстого",
        "Я бы позвонил если бы было бесплатно",
        "В Фортнайте в чате ругаются",
        "Телефон доверия у нас не работает в воскресенье",
        "Хочу поехать в Токио когда вырасту",
        "Когда вырасту хочу работать в Роскосмосе",
        "Все делают огоньки в Снэпчате, это глупо",
        "к нам приходил полицейский и говорил про безопасность в интернете",
        "Анкета заняла 7 минут",
        "Сделайте чтобы сайт работал на старых телефонах",
        "Мы смотрели финал чемпионата мира вдесятером",
        "Певица Zivert говорит о чувствах и это помогает",
        "Леса в Сибири горят и никому нет дела",
        "я не доверяю незнакомым взрослым",
        "Нужна реклама по телевизору чтобы все знали номер",
        "Моему брату 16 и он говорит что это для малышей",
        "Мы были на Байкале в 2021 году",
        "У детей в Казахстане и в России должна быть одинаковая помощь",
        "детям 9-12 лет нужна помощь больше чем подросткам",
        "В телеграм-каналах бывают страшные видео",
        "В интернете весело но некоторые врут про возраст",
        "Чат лучше чем звонок",
        "Президент должен принять закон",
        "Слушаю подкасты про эмоции в Яндекс Музыке",
        "Спасибо что спрашиваете детей!",
    ],
    "ar": [
        "شاهدت فيديو عن غريتا ثونبرغ وأردت أن أساعد أيضا.",
        "زرنا القاهرة ورأينا الأهرامات وكانت رائعة",
        "يجب أن يكون خط المساعدة مفتوحا في الليل",
        "أفضل الكتابة على الاتصال لأنني أخاف من الكلام",
        "لاعبي المفضل هو محمد صلاح",
        "عمري 12 سنة ولدي أختان",
        "في تيك توك يوجد تعليقات سيئة",
        "تعلمنا في الصف عن ابن سينا والطب.",
        "اللعبة سعرها 50 ريال وأمي رفضت",
        "تعلمنا أن الأمم المتحدة تأسست عام 1945.",
        "يجب أن يخفي إنستغرام الإعجابات للأطفال",
        "في ماينكرافت يكلمك غرباء في الدردشة",
        "المعلمة أخبرتنا عن خط نجدة الطفل في الصف",
        "أريد أن يعمل خط المساعدة على واتساب",
        "دبي مدينة كبيرة وفيها برج خليفة",
        "قناة الجزيرة عملت برنامجا عن التنمر الإلكتروني",
        "روبلوكس يحتاج زر إبلاغ أفضل",
        "قرأت قصص كليلة ودمنة ثلاث مرات",
        "ذهبنا إلى عمّان لزيارة جدتي والإنترنت بطيء هناك",
        "في ديسكورد الناس أحيانا سيئون",
        "هاتفي قديم وفيه رقابة أبوية",
        "في 2023 منعت المدرسة الهواتف في الصف",
        "أقضي 4 ساعات في اليوم على يوتيوب",
        "أحب فيديوهات أحمد الشقيري",
        "يجب أن تجعل أبل وجوجل الحظر أسهل",
        "عملنا مشروعا عن نيلسون مانديلا",
        "سأتصل إذا كان مجانيا",
        "في فورتنايت كلام سيء في الدردشة",
        "خط المساعدة في بلدي مغلق يوم الجمعة",
        "أحلم بزيارة مكة مع عائلتي",
        "أريد أن أعمل في وكالة ناسا عندما أكبر",
        "سناب شات فيه أشياء غريبة لكن الكل يستخدمه",
        "جاء شرطي إلى المدرسة وتكلم عن الأمان على الإنترنت",
        "هذا الاستبيان أخذ 10 دقائق",
        "اجعلوا الموقع يعمل على الهواتف القديمة",
        "شاهدنا نهائي كأس العالم مع 20 شخصا",
        "المغنية إليسا تتكلم عن المشاعر وهذا يساعد",
        "غابات الأمازون تحترق ولا أحد يهتم",
        "لا أثق بالكبار الذين لا أعرفهم",
        "نحتاج إعلانات في التلفزيون ليعرف الأطفال الرقم",
        "أخي عمره 16 ويقول إن هذا للأطفال الصغار",
        "زرنا البتراء في 2022",
        "الأطفال في المغرب وفي لبنان يحتاجون نفس المساعدة",
        "الأطفال من 9 إلى 12 يحتاجون مساعدة أكثر",
        "في قنوات تيليجرام فيديوهات مخيفة",
        "الإنترنت ممتع لكن بعض الناس يكذبون عن أعمارهم",
        "الدردشة أفضل من الاتصال",
        "يجب أن يصدر الرئيس قانونا",
        "أستمع إلى بودكاست عن المشاعر",
        "شكرا لأنكم تسألون الأطفال!",
    ],
    "zh": [
        "我看了一个关于格蕾塔·通贝里的视频，我也想帮忙。",
        "我们去年去了北京，看了天安门和故宫",
        "希望求助热线晚上也开着",
        "我更想打字聊天，打电话有点害怕",
        "我最喜欢的球员是梅西",
        "我今年12岁，有两个妹妹",
        "抖音上有很多人留言骂人",
        "老师在课上给我们讲了屠呦呦的故事。",
        "这个游戏要68块钱，妈妈不让买",
        "我们学到联合国是1945年成立的。",
        "希望微博对小孩隐藏点赞数",
        "在我的世界里有陌生人在聊天框跟你说话",
        "老师在班会上介绍了12355青少年服务台",
        "希望求助热线可以用微信聊天",
        "上海很大，人很多",
        "中央电视台做过一个关于网络欺凌的节目",
        "王者荣耀应该有更好的举报按钮",
        "我把西游记看了三遍",
        "我们去成都看奶奶，那里网速很慢",
        "QQ群里有人说脏话",
        "我的手机是华为的，有家长模式",
        "2023年学校规定上课不能用手机",
        "我每天大概看4个小时B站",
        "李子柒的视频很好看",
        "苹果和谷歌应该让拉黑更简单",
        "我们做了一个关于孙中山的手抄报",
        "如果免费的话我会打电话",
        "游戏里的聊天有很多不好的话",
        "我们这里的热线周日不开",
        "我长大想去东京玩",
        "长大以后我想去航天局工作",
        "小红书上的东西有时候是假的",
        "警察叔叔来学校讲网络安全",
        "这个问卷花了我5分钟",
        "希望网站在旧手机上也能用",
        "我们30个人一起看了世界杯决赛",
        "周杰伦的歌让我心情变好",
        "亚马逊雨林着火了，大家都不管",
        "我不相信不认识的大人",
        "电视上应该多放广告让小朋友知道号码",
        "我哥哥17岁，他说热线是给小孩用的",
        "我们2019年去了长城",
        "非洲和中国的小孩应该得到一样的帮助",
        "9到12岁的小孩更需要帮助",
        "有些群里会发吓人的视频",
        "上网很好玩，但是有人会骗人说自己的年龄",
        "聊天比打电话好",
        "国家应该出一个法律",
        "我在喜马拉雅听关于情绪的故事",
        "谢谢你们问我们小孩的想法！",
    ],
}

# ---------------------------------------------------------------------------------------------------------------
# Personal details: frames per category (one ``{}`` where the detail goes) and the details themselves.
# ---------------------------------------------------------------------------------------------------------------
FRAMES = {
    "en": {
        "name": [
            "my name is {} and im 11",
            "Hi I'm {}, I think chat is better",
            "im {} from year 6",
            "Me and {} always play roblox after school",
            "you can ask my friend {} she knows",
            "call me {} lol",
            "this is {} writing",
            "My best friend {} got bullied on snap",
        ],
        "school": [
            "I go to {} and nobody talks about helplines",
            "at {} we have no phones",
            "i'm in class 7B at {}",
            "Our school is {}, it is near the bus stop",
            "we had an assembly at {} about this",
        ],
        "address": [
            "I live at {}",
            "my house is {} if you want to send a letter",
            "we moved to {} last month",
            "come to {}, the blue door",
        ],
        "dob": [
            "my birthday is {}",
            "I was born on {}",
            "born {} so im 12",
        ],
        "email": [
            "email me at {}",
            "my email is {} if you want to talk",
            "write to {} pls",
            "contact {}",
        ],
        "phone": [
            "call me on {}",
            "my number is {}",
            "text me {} after 4pm",
            "whatsapp {}",
        ],
        "handle": [
            "add me on snapchat {}",
            "my insta is {}",
            "follow me on tiktok {}",
            "my discord is {}",
            "telegram: {}",
            "im on roblox as {}",
            "wechat {}",
        ],
        "id": [
            "my student number is {}",
            "my passport number is {}",
            "my id card says {}",
        ],
    },
    "fr": {
        "name": [
            "je m'appelle {} et j'ai 10 ans",
            "Salut c'est {}",
            "moi c'est {}, en CM2",
            "Avec {} on joue à Fortnite tous les soirs",
            "demandez à ma copine {}",
            "mon prénom c'est {}",
            "Mon meilleur ami {} se fait harceler",
        ],
        "school": [
            "je suis à l'{} et personne parle de ça",
            "au {} on n'a pas le droit au téléphone",
            "je suis en 6e au {}",
            "Mon école c'est l'{}",
            "Au {} on a eu une réunion là-dessus",
        ],
        "address": [
            "j'habite au {}",
            "mon adresse c'est {}",
            "on a déménagé {}",
            "venez au {}",
        ],
        "dob": [
            "je suis née le {}",
            "mon anniversaire c'est le {}",
            "né le {}",
        ],
        "email": [
            "écrivez-moi à {}",
            "mon mail c'est {}",
            "mon adresse mail : {}",
            "contactez {}",
        ],
        "phone": [
            "appelez-moi au {}",
            "mon numéro c'est le {}",
            "envoie un texto au {}",
            "whatsapp {}",
        ],
        "handle": [
            "ajoute-moi sur snap {}",
            "mon insta c'est {}",
            "suis-moi sur tiktok {}",
            "mon discord : {}",
            "sur telegram je suis {}",
        ],
        "id": [
            "mon numéro de carte d'identité c'est {}",
            "mon numéro INE est {}",
            "numéro de passeport {}",
        ],
    },
    "es": {
        "name": [
            "me llamo {} y tengo 12 años",
            "Hola soy {}",
            "mi nombre es {}",
            "Con {} jugamos Free Fire todos los días",
            "pregúntale a mi amiga {}",
            "Mi mejor amigo {} sufre acoso",
        ],
        "school": [
            "voy al {} y nadie habla de esto",
            "en la {} no dejan usar el celular",
            "estoy en sexto en el {}",
            "Mi escuela es la {}",
        ],
        "address": [
            "vivo en {}",
            "mi dirección es {}",
            "nos mudamos a {}",
            "mi casa está en {}",
        ],
        "dob": [
            "nací el {}",
            "mi cumpleaños es el {}",
            "fecha de nacimiento {}",
        ],
        "email": [
            "escríbeme a {}",
            "mi correo es {}",
            "mi email: {}",
            "contacto {}",
        ],
        "phone": [
            "llámame al {}",
            "mi número es {}",
            "mándame un mensaje al {}",
            "whatsapp {}",
        ],
        "handle": [
            "agrégame en snap {}",
            "mi insta es {}",
            "sígueme en tiktok {}",
            "mi discord es {}",
            "en telegram soy {}",
        ],
        "id": [
            "mi DNI es {}",
            "mi número de pasaporte es {}",
            "mi CURP es {}",
        ],
    },
    "ru": {
        "name": [
            "меня зовут {}, мне 11",
            "Привет, я {}",
            "это пишет {}",
            "{} тоже так думает",
            "моя подруга {} тоже играет в майнкрафт",
            "моё имя {}",
            "Моя подруга {} говорит что её травят",
        ],
        "school": [
            "я учусь в {} и там про это не говорят",
            "в {} запрещают телефоны",
            "я в 5Б классе, {}",
            "Наша школа — {}",
        ],
        "address": [
            "я живу на {}",
            "мой адрес {}",
            "мы переехали на {}",
            "приходите на {}",
        ],
        "dob": [
            "я родилась {}",
            "мой день рождения {}",
            "дата рождения {}",
        ],
        "email": [
            "пишите мне на {}",
            "моя почта {}",
            "мой имейл: {}",
            "почта {}",
        ],
        "phone": [
            "позвоните мне {}",
            "мой номер {}",
            "пишите в вотсап {}",
            "мой телефон {}",
        ],
        "handle": [
            "добавь меня в вк {}",
            "мой инст {}",
            "в телеграме я {}",
            "мой тикток {}",
            "мой дискорд {}",
        ],
        "id": [
            "номер моего паспорта {}",
            "мой СНИЛС {}",
            "номер свидетельства о рождении {}",
        ],
    },
    "ar": {
        "name": [
            "اسمي {} وعمري 11 سنة",
            "مرحبا أنا {}",
            "أنا {} من الصف السادس",
            "أنا و{} نلعب كل يوم",
            "اسألوا صديقتي {}",
            "صديقي {} يتعرض للتنمر",
        ],
        "school": [
            "أدرس في {} ولا أحد يتكلم عن هذا",
            "في {} ممنوع الهاتف",
            "أنا في الصف السابع في {}",
            "مدرستي هي {}",
        ],
        "address": [
            "أسكن في {}",
            "عنواني {}",
            "انتقلنا إلى {}",
            "بيتنا في {}",
        ],
        "dob": [
            "ولدت في {}",
            "عيد ميلادي {}",
            "تاريخ ميلادي {}",
        ],
        "email": [
            "راسلوني على {}",
            "بريدي الإلكتروني {}",
            "ايميلي {}",
            "تواصلوا معي {}",
        ],
        "phone": [
            "اتصلوا بي على {}",
            "رقمي {}",
            "واتساب {}",
            "رقم هاتفي {}",
        ],
        "handle": [
            "أضيفوني على سناب {}",
            "حسابي في انستغرام {}",
            "تابعوني على تيك توك {}",
            "حسابي في تيليجرام {}",
            "ديسكورد {}",
        ],
        "id": [
            "رقم هويتي {}",
            "رقمي الوطني {}",
            "رقم جواز سفري {}",
        ],
    },
    "zh": {
        "name": [
            "我叫{}，今年11岁",
            "我的名字是{}",
            "我是{}，五年级",
            "我和{}每天一起玩游戏",
            "可以问我同学{}",
            "我的好朋友{}被人欺负了",
        ],
        "school": [
            "我在{}上学，没人讲这个",
            "{}不让带手机",
            "我是{}六年级二班的",
            "我们学校是{}",
        ],
        "address": [
            "我家住在{}",
            "我的地址是{}",
            "我们搬到了{}",
            "我住{}",
        ],
        "dob": [
            "我的生日是{}",
            "我出生于{}",
            "我是{}出生的",
        ],
        "email": [
            "我的邮箱是{}",
            "给我发邮件{}",
            "邮箱：{}",
            "可以写信到{}",
        ],
        "phone": [
            "我的电话是{}",
            "打我电话{}",
            "我手机号{}",
            "我妈的号码是{}",
        ],
        "handle": [
            "我的微信号是{}",
            "加我微信{}",
            "我QQ是{}",
            "我的抖音号{}",
            "加我{}",
        ],
        "id": [
            "我的身份证号是{}",
            "我的学号是{}",
            "身份证{}",
        ],
    },
}

VALUES = {
    "en": {
        "name": [
            "Amelia",
            "Josh",
            "lucy",
            "Kwame",
            "Priya",
            "Tyler",
            "Aisha",
            "Ethan Brooks",
            "Chloe",
            "Daniel",
            "jayden",
            "Sophie Turner-Hall",
            "Mohammed",
            "Grace",
            "Oliver",
            "Wanjiru",
            "Noah",
        ],
        "school": [
            "St Mary's Primary School",
            "Greenfield Academy",
            "Lakeside High School",
            "oakwood primary",
            "Moi Girls School",
            "Riverside Middle School",
            "Kings College Lagos",
            "Hillcrest Secondary",
        ],
        "address": [
            "12 Baker Street",
            "45 Elm Road, Leeds",
            "flat 3, 22 Kingsway",
            "7 church lane",
            "118 Ngong Road",
            "33 Victoria Avenue",
            "9 Park Close",
        ],
        "dob": ["3 March 2013", "12/05/2012", "july 4th 2014", "2013-09-21", "the 1st of May 2012"],
        "id": ["AB1234567", "542 881 903", "S8823419D", "GB 7789 1234"],
    },
    "fr": {
        "name": [
            "Léa",
            "Mathis",
            "chloé",
            "Inès Martin",
            "Youssef",
            "Camille",
            "Enzo",
            "Aminata",
            "Hugo",
            "Manon",
            "noah",
            "Jade",
        ],
        "school": [
            "école Jean-Jaurès",
            "collège Victor-Hugo",
            "lycée Lamartine",
            "collège Jules Ferry",
            "école primaire des Tilleuls",
            "collège Saint-Exupéry",
        ],
        "address": [
            "12 rue des Lilas",
            "5 avenue Foch, Lyon",
            "3 bis rue de la Paix",
            "27 boulevard Voltaire",
            "8 impasse des Roses",
            "14 allée des Pins",
        ],
        "dob": ["3 mars 2013", "12/05/2012", "1er juillet 2014", "21 septembre 2013"],
        "id": ["120575301234", "17AB23456", "0123456789A"],
    },
    "es": {
        "name": [
            "Lucía",
            "Mateo",
            "valentina",
            "Santiago López",
            "Sofía",
            "Diego",
            "Camila",
            "Alejandro",
            "Martina",
            "juanito",
            "Daniela",
        ],
        "school": [
            "Colegio San José",
            "escuela Benito Juárez",
            "Instituto Cervantes de Alcalá",
            "colegio Santa Teresa",
            "Escuela Primaria Miguel Hidalgo",
            "Liceo Bicentenario",
        ],
        "address": [
            "calle Mayor 15",
            "Av. Insurgentes 230",
            "calle de las Flores 8, 2º B",
            "avenida Libertador 1450",
            "carrera 7 # 45-12",
            "Calle Sol 3",
        ],
        "dob": ["3 de marzo de 2013", "12/05/2012", "1 de julio del 2014", "21-09-2013"],
        "id": ["12345678Z", "XEXX010101HNEXXXA4", "PAB123456", "40.123.456"],
    },
    "ru": {
        "name": [
            "Маша",
            "Артём",
            "катя",
            "Дмитрий Соколов",
            "Алина",
            "Никита",
            "Софья",
            "Ваня",
            "Полина",
            "Тимур",
            "Анастасия",
        ],
        "school": [
            "школе №57",
            "гимназии 1514",
            "школа номер 12",
            "лицее №2",
            "гимназии имени Пушкина",
            "средней школе 45",
        ],
        "address": [
            "ул. Ленина, д. 5, кв. 12",
            "улице Гагарина 17",
            "проспект Мира 101",
            "улица Садовая, дом 3",
            "вул. Шевченка 10",
            "Новой улице 8",
        ],
        "dob": ["3 марта 2013", "12.05.2012", "1 июля 2014 года", "21.09.2013"],
        "id": ["45 12 345678", "123-456-789 01", "IV-МЮ 123456"],
    },
    "ar": {
        "name": [
            "سارة",
            "أحمد",
            "مريم",
            "يوسف العلي",
            "فاطمة",
            "عمر",
            "ليلى",
            "خالد",
            "نور",
            "حمزة",
            "ريم",
        ],
        "school": [
            "مدرسة الأمل الابتدائية",
            "مدرسة النور",
            "مدرسة الملك فهد",
            "مدرسة الفجر الإعدادية",
            "ثانوية ابن خلدون",
            "مدرسة الرواد",
        ],
        "address": [
            "شارع الملك عبدالله رقم 12",
            "شارع النيل 45",
            "حي الروضة شارع 7",
            "شارع الجامعة بناية 3",
            "15 شارع التحرير",
            "حي النزهة، شارع الورد 9",
        ],
        "dob": ["3 مارس 2013", "12/05/2012", "1 يوليو 2014", "21-09-2013"],
        "id": ["1098765432", "29801011234567", "784-2012-1234567-1"],
    },
    "zh": {
        "name": ["王小明", "李娜", "张伟", "刘洋洋", "陈思雨", "杨浩", "赵敏", "黄子涵", "周杰", "吴欣怡", "孙悦"],
        "school": [
            "北京市第一中学",
            "实验小学",
            "育才中学",
            "杭州市文澜中学",
            "光明小学",
            "人大附中",
            "第三十五中学",
        ],
        "address": [
            "朝阳区建国路88号",
            "海淀区中关村大街27号3单元",
            "幸福小区5栋2单元301",
            "南京路100号",
            "天河区体育西路12号",
            "人民街3号",
        ],
        "dob": ["2013年3月3日", "2012.5.12", "二〇一四年七月一日", "2013-09-21"],
        "id": ["110101201303031234", "11010520120512002X", "20230517"],
    },
}


# E-mail addresses: plain and disguised in each language's way of saying "at" and "dot".
MAILBOXES = [
    ("amy.k", "gmail", "com"),
    ("tomi2012", "yahoo", "fr"),
    ("coolkid_99", "outlook", "com"),
    ("lina.h", "hotmail", "com"),
    ("max10", "mail", "ru"),
    ("sara2013", "icloud", "com"),
    ("dani.r", "gmx", "es"),
    ("xiaoyu", "qq", "com"),
    ("nour12", "yahoo", "com"),
    ("petya", "yandex", "ru"),
]
AT_DOT = {
    "en": [(" at ", " dot "), (" (at) ", " (dot) "), ("[at]", "[dot]"), (" AT ", " DOT ")],
    "fr": [(" arobase ", " point "), (" at ", " point "), ("(at)", "(point)")],
    "es": [(" arroba ", " punto "), (" arroba ", "."), ("[arroba]", "[punto]")],
    "ru": [(" собака ", " точка "), (" собачка ", "."), ("(at)", "(dot)")],
    "ar": [(" آت ", " دوت "), (" at ", " dot "), (" ات ", " نقطة ")],
    "zh": [("艾特", "点"), (" at ", " dot "), ("圈a", "点")],
}


def emails(lang: str, rng: random.Random) -> list[str]:
    out = []
    for i, (user, host, tld) in enumerate(MAILBOXES):
        way = i % 6
        if way == 0:
            out.append(f"{user}@{host}.{tld}")
        elif way == 1:
            out.append(f"{user}＠{host}．{tld}")  # full-width
        elif way == 2:
            out.append(f"{user} @ {host} . {tld}")
        elif way == 3:
            out.append(f"{user}@{ZW}{host}.{ZW}{tld}")
        else:
            at, dot = rng.choice(AT_DOT[lang])
            out.append(f"{user}{at}{host}{dot}{tld}")
    return out


PHONES = {
    "en": [
        "07700 900123",
        "+254 722 000 111",
        "O7911 123 456",
        "zero seven seven double one two three four five six seven",
        "oh seven nine one one, eight eight two, three four six",
        "+1 (415) 555-0132",
        "0803 456 7788",
        "nine one seven five five five two three six eight",
        "o2o 7946 oo18",
        "07 ٩٢٣ 456 789".replace("٩٢٣", "923"),
    ],
    "fr": [
        "06 12 34 56 78",
        "+33 7 81 22 33 44",
        "zéro six douze trente-quatre cinquante-six soixante-dix-huit",
        "O6 98 76 54 32",
        "zero sept, quatre-vingt-un, vingt-deux, trente-trois, quarante-quatre",
        "07.55.44.33.22",
        "+221 77 123 45 67",
        "06 ① 2 3 4 5 6 7 8".replace("①", "1"),
    ],
    "es": [
        "612 345 678",
        "+34 699 123 456",
        "seis uno dos tres cuatro cinco seis siete ocho",
        "55 1234 5678",
        "+52 1 55 9876 5432",
        "seis noventa y nueve, doce, treinta y cuatro, cincuenta y seis",
        "6OO 123 4O5",
        "3001234567",
    ],
    "ru": [
        "+7 916 123-45-67",
        "8 (903) 555-12-34",
        "восемь девятьсот шестнадцать сто двадцать три сорок пять шестьдесят семь",
        "89O3 555 1234",
        "+380 67 123 4567",
        "8 девять один шесть один два три четыре пять шесть семь",
        "89161234567",
    ],
    "ar": [
        "0501234567",
        "+966 55 123 4567",
        "٠٥٠١٢٣٤٥٦٧",
        "+20 100 123 4567",
        "صفر خمسة صفر واحد اثنان ثلاثة أربعة خمسة ستة سبعة",
        "079 123 4567",
        "+971 50 765 4321",
    ],
    "zh": [
        "13812345678",
        "138 1234 5678",
        "一三八一二三四五六七八",
        "幺三九幺二三四五六七八",
        "+86 139 8765 4321",
        "１３９１２３４５６７８",
        "一五九 八八八八 六六六六",
        "138-OOOO-1234",
    ],
}

HANDLES = {
    "en": ["lily_09", "@gamer.tom12", "xXshadowXx", "sunny.days_2012", "kofi_k", "@bella123", "dragonboi77", "mia.xo"],
    "fr": ["lea_du_69", "@mathis.off", "ptite_chloe", "enzo2013", "jade.lbs", "@kenza_officiel"],
    "es": ["vale_2012", "@mateo.gamer", "sofi.xd", "diego_crack10", "camilita_", "@lucia.b"],
    "ru": ["masha_2012", "@artem_play", "katya.kot", "nikita777", "polina_x", "@timur.k"],
    "ar": ["sara_2012", "@ahmad.gamer", "mariam.x", "yousef_10", "noor_star", "@hamza.k"],
    "zh": ["xiaoming_2012", "wxid_abc123", "a13812345678", "lina2013", "zhangwei_qq", "小雨_2013", "987654321"],
}

# Which category each of the 50 texts with personal details is built around; every fifth gets a second one.
PLAN = ["name"] * 10 + ["school"] * 7 + ["address"] * 6 + ["dob"] * 3
PLAN += ["email"] * 8 + ["phone"] * 7 + ["handle"] * 7 + ["id"] * 2
assert len(PLAN) == 50

JOIN = {"en": ". ", "fr": ". ", "es": ". ", "ru": ". ", "ar": ". ", "zh": "，"}


def pool(lang: str, category: str, rng: random.Random) -> list[str]:
    if category == "email":
        return emails(lang, rng)
    if category == "phone":
        return PHONES[lang]
    if category == "handle":
        return HANDLES[lang]
    return VALUES[lang][category]


def build(lang: str) -> list[dict[str, object]]:
    rng = random.Random(f"redaction-{lang}")
    records: list[dict[str, object]] = []
    cursors: dict[str, int] = {}

    shuffled = {
        category: rng.sample(pool(lang, category, rng), k=len(pool(lang, category, rng))) for category in FRAMES[lang]
    }

    def take(category: str) -> tuple[str, str]:
        values = shuffled[category]
        frames = FRAMES[lang][category]
        n = cursors.get(category, 0)
        cursors[category] = n + 1
        return frames[n % len(frames)], values[n % len(values)]

    for i, category in enumerate(PLAN):
        parts: list[tuple[str, str, str]] = []
        frame, value = take(category)
        parts.append((frame, value, category))
        if i % 5 == 4:
            second = PLAN[(i * 13 + 17) % len(PLAN)]
            frame, value = take(second)
            parts.append((frame, value, second))
        context = CLEAN[lang][(i * 3 + 1) % 50].rstrip("。")
        text, spans = "", []
        order = rng.random()
        if order < 0.4:
            text = context + (JOIN[lang] if lang == "zh" else " ")
        for j, (frame, value, cat) in enumerate(parts):
            if j:
                text += JOIN[lang]
            before, after = frame.split("{}")
            text += before
            spans.append({"start": len(text), "end": len(text) + len(value), "category": cat})
            text += value + after
        if order >= 0.4 and order < 0.7:
            text += JOIN[lang] + context
        records.append({"id": f"{lang}-p{i:02d}", "lang": lang, "text": text, "spans": spans})
    for i, clean in enumerate(CLEAN[lang]):
        records.append({"id": f"{lang}-c{i:02d}", "lang": lang, "text": clean, "spans": []})
    return records


def main() -> None:
    for lang, clean in CLEAN.items():
        assert len(clean) == 50, lang
        records = build(lang)
        for record in records:
            for span in record["spans"]:  # type: ignore[attr-defined]
                assert str(record["text"])[span["start"] : span["end"]].strip(), record
        path = HERE / f"redaction_{lang}.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for record in records:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        sys.stdout.write(f"{path.name} {len(records)}\n")


if __name__ == "__main__":
    main()
