namespace AGH.Api.Notices;

/// <summary>Turkish translation of the Belehrungen (machine-made draft; a sworn translator must review it before use).</summary>
public static class TurkishAnnex
{
    public static readonly AnnexTranslation V1 = new(
        Language: "tr",
        Version: "rfb-tr-v1",
        RightToLeft: false,
        Marker: "Çeviri – hukuken bağlayıcı değildir",
        GermanBinding: "Yalnızca Almanca karar hukuken bağlayıcıdır. Bu çeviri, kararı anlamanıza yardımcı olmak içindir.",
        ConsequencesHeading: "Hukuki sonuçlar hakkında bilgilendirme (§ 5 Abs. 4 S. 2 und 3 AsylbLG)",
        Consequences:
        [
            "Bu çalışma fırsatını önemli bir neden olmaksızın – açıkça, gelmeyerek veya işi bırakarak – reddederseniz, "
                + "§ 5 Abs. 4 S. 2 AsylbLG ile bağlantılı olarak § 1a Abs. 1 AsylbLG uyarınca yalnızca beslenme ve ısınma dahil barınma "
                + "ile vücut ve sağlık bakımı ihtiyaçlarınızı karşılayan yardımlara hakkınız olur. Bu durumda başka yardımlar, özellikle "
                + "kişisel ihtiyaçlar için yardım almazsınız.",
            "Böyle bir karardan önce dinlenirsiniz (§ 28 VwVfG). Yardımların kısıtlanması § 14 Abs. 1 AsylbLG uyarınca altı ay ile "
                + "sınırlıdır. Yükümlülüğünüzü ihlal etmeye devam ederseniz, § 14 Abs. 2 AsylbLG uyarınca her defasında altı ay daha "
                + "uzatılabilir; bu konuda yeniden dinlendikten sonra karar verilir. Kısıtlama uzatılmazsa altı ayın sonunda, işe yeniden "
                + "başladığınız, buna ciddi olarak hazır olduğunuzu beyan ettiğiniz veya yükümlülüğünüz ortadan kalktığı anda ise daha "
                + "erken sona erer (§ 9 Abs. 4 S. 1 Nr. 1 AsylbLG ile bağlantılı olarak § 48 SGB X). Yardımların kısıtlanmasına karşı "
                + "yapılan itirazın erteleyici etkisi yoktur (§ 11 Abs. 4 AsylbLG).",
            "Bu bilgilendirmeyi § 5 Abs. 4 S. 3 AsylbLG uyarınca işe başlamadan önce alıyorsunuz.",
        ],
        NoSuspensiveEffectHeading: "Erteleyici etki yoktur (§ 11 Abs. 4 AsylbLG)",
        NoSuspensiveEffect: "Bu karara karşı itiraz ve dava açılmasının erteleyici etkisi yoktur (§ 11 Abs. 4 AsylbLG): Kısıtlama, "
            + "itiraz hakkında karar verilmediği sürece de geçerlidir.",
        DutyContinues: "Çalışma fırsatını yerine getirme yükümlülüğünüz ve size yapılan hukuki sonuçlar hakkındaki bilgilendirme geçerliliğini korur.",
        RemedyHeading: "Hukuki başvuru yolları hakkında bilgilendirme (§ 37 Abs. 6 VwVfG)",
        Remedy: (office, email) =>
        [
            "Bu karara karşı, size bildirilmesinden itibaren bir ay içinde itiraz (Widerspruch) edilebilir (§ 84 Abs. 1 SGG). İtiraz "
                + $"yazılı olarak, § 36a Abs. 2 SGB I uyarınca elektronik ortamda veya tutanağa geçirilmek üzere şu makama yapılmalıdır: {office}.",
            "§ 36a Abs. 2 SGB I uyarınca elektronik ortamda itiraz, nitelikli elektronik imza ile veya orada izin verilen başka bir "
                + $"güvenli iletim yoluyla yapılmalıdır (makamın e-posta adresi: {email}); basit bir e-posta yeterli değildir.",
            "İtiraz süre içinde Almanya’daki başka bir makama veya bir sigorta kurumuna ulaşırsa da süreye uyulmuş olur (§ 84 Abs. 2 SGG).",
        ]);

    /// <summary>
    /// rfb-tr-v2: the corrected Rechtsfolgenbelehrung of heranziehungsbescheid-v2 (§ 4 AsylbLG care continues, § 1a Abs. 1
    /// S. 3 AsylbLG, how to avoid a restriction), paragraph by paragraph as <see cref="AssignmentNoticeText.ConsequencesV2"/>.
    /// </summary>
    public static readonly AnnexTranslation V2 = V1 with
    {
        Version = "rfb-tr-v2",
        Consequences =
        [
            "Bu çalışma fırsatını önemli bir neden olmaksızın – açıkça, gelmeyerek veya işi bırakarak – reddederseniz, § 5 "
                + "Abs. 4 S. 2 AsylbLG ile bağlantılı olarak § 1a Abs. 1 S. 2 AsylbLG uyarınca yalnızca beslenme ve ısınma dahil "
                + "barınma ile vücut ve sağlık bakımı ihtiyaçlarınızı karşılayan yardımlara hakkınız olur.",
            V1.Consequences[1],
            "§ 4 AsylbLG uyarınca hastalık, hamilelik ve doğum hâlindeki yardımlar böyle bir kısıtlamadan etkilenmez; "
                + "bunları almaya devam edersiniz. Yardımların kısıtlanması yalnızca sizi etkiler, aile üyelerinizi etkilemez.",
            "Somut durumda özel koşullar varsa, size § 3 Abs. 1 S. 1 AsylbLG anlamında başka yardımlar da verilebilir (§ 1a "
                + "Abs. 1 S. 3 AsylbLG). Lütfen bu tür koşulları bize bildirin; her karardan önce bunları inceleriz.",
            "Yardımların kısıtlanmasını şöyle önleyebilirsiniz: İşe yukarıda belirtilen çalışma saatlerinde başlayın ve "
                + "devam edin. İşe başlayamıyorsanız veya bir gün çalışamıyorsanız, nedenini bize ve çalışma yerine derhal, "
                + "mümkünse iş başlamadan önce bildirin ve belgeleyin, örneğin çalışamazlığa ilişkin bir doktor raporu ile. "
                + "Önemli bir neden varsa yardımlarınız kısıtlanmaz.",
            V1.Consequences[2],
        ],
    };
}
