namespace AGH.Api.Notices;

/// <summary>
/// Persian translation of the Belehrungen (machine-made draft; a sworn translator must review it before use). Legal
/// citations stay in their German form and Western digits; compound verbs are written with a space, not a zero-width
/// non-joiner, which PDF text extraction would drop.
/// </summary>
public static class PersianAnnex
{
    public static readonly AnnexTranslation V1 = new(
        Language: "fa",
        Version: "rfb-fa-v1",
        RightToLeft: true,
        Marker: "ترجمه – فاقد اعتبار حقوقی",
        GermanBinding: "تنها متن آلمانی تصمیم از نظر حقوقی الزام آور است. این ترجمه برای کمک به درک آن است.",
        ConsequencesHeading: "آگاهی از پیامدهای حقوقی (§ 5 Abs. 4 S. 2 und 3 AsylbLG)",
        Consequences:
        [
            "اگر این فرصت کاری را بدون دلیل مهم رد کنید – به صراحت، با حاضر نشدن یا با رها کردن کار – طبق § 5 Abs. 4 S. 2 AsylbLG "
                + "در ارتباط با § 1a Abs. 1 AsylbLG تنها حق دریافت کمک هایی را خواهید داشت که نیاز شما به غذا و مسکن از جمله گرمایش و "
                + "همچنین بهداشت فردی و مراقبت از سلامت را پوشش می دهد. در این صورت کمک های دیگر، به ویژه برای نیازهای شخصی، به شما "
                + "تعلق نمی گیرد.",
            "پیش از چنین تصمیمی، سخنان شما شنیده می شود (§ 28 VwVfG). محدودیت استحقاق طبق § 14 Abs. 1 AsylbLG به شش ماه محدود است. "
                + "طبق § 14 Abs. 2 AsylbLG هر بار می تواند برای شش ماه دیگر تمدید شود، اگر همچنان وظیفه خود را نقض کنید؛ در این باره "
                + "پس از شنیدن دوباره سخنان شما تصمیم گرفته می شود. محدودیت، اگر تمدید نشود، با پایان شش ماه به پایان می رسد و زودتر "
                + "از آن، به محض اینکه کار را دوباره آغاز کنید، به طور جدی آمادگی خود را برای آن اعلام کنید یا وظیفه شما از میان برود "
                + "(§ 9 Abs. 4 S. 1 Nr. 1 AsylbLG در ارتباط با § 48 SGB X). اعتراض به محدودیت استحقاق اثر تعلیقی ندارد (§ 11 Abs. 4 AsylbLG).",
            "این آگاهی را طبق § 5 Abs. 4 S. 3 AsylbLG پیش از آغاز کار دریافت می کنید.",
        ],
        NoSuspensiveEffectHeading: "نبود اثر تعلیقی (§ 11 Abs. 4 AsylbLG)",
        NoSuspensiveEffect: "اعتراض و شکایت علیه این تصمیم اثر تعلیقی ندارند (§ 11 Abs. 4 AsylbLG): محدودیت تا زمانی که درباره اعتراض "
            + "تصمیم گرفته نشده است نیز اعمال می شود.",
        DutyContinues: "وظیفه شما برای انجام فرصت کاری و آگاهی از پیامدهای حقوقی که به شما داده شده است همچنان معتبر است.",
        RemedyHeading: "آگاهی از راه های اعتراض (§ 37 Abs. 6 VwVfG)",
        Remedy: (office, email) =>
        [
            "علیه این تصمیم می توان ظرف یک ماه پس از ابلاغ آن اعتراض (Widerspruch) کرد (§ 84 Abs. 1 SGG). اعتراض باید به صورت کتبی، "
                + $"به شکل الکترونیکی طبق § 36a Abs. 2 SGB I یا برای ثبت در صورتجلسه نزد این مرجع تسلیم شود: {office}.",
            "به شکل الکترونیکی طبق § 36a Abs. 2 SGB I، اعتراض باید با امضای الکترونیکی واجد شرایط یا از راه انتقال امن دیگری که در "
                + $"آنجا مجاز است تسلیم شود (نشانی ایمیل اداره: {email})؛ یک ایمیل ساده کافی نیست.",
            "مهلت همچنین رعایت شده است اگر اعتراض در مهلت مقرر به اداره دیگری در آلمان یا به یک مؤسسه بیمه برسد (§ 84 Abs. 2 SGG).",
        ]);
}
