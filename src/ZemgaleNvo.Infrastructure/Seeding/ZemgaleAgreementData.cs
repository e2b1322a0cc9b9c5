using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Reviews;
using static ZemgaleNvo.Domain.Agreements.IndicatorQualifier;

namespace ZemgaleNvo.Infrastructure.Seeding;

/// <summary>
/// The Zemgale 2022–2025 delegation agreement, entered faithfully from the published summary
/// (shared/seed/kopsavilkums-zemgale-2022-2025.txt): every result line with its counts, every
/// budget figure and the carry-over split. What the document leaves empty ("Nav") stays empty, and
/// what it does not state (agreement number, signing date, delegating authority) is not invented.
/// </summary>
internal static class ZemgaleAgreementData
{
    public const string PerformerName = "Biedrība „Zemgales NVO centrs”";

    public const string Title =
        "Par atsevišķu valsts pārvaldes uzdevumu veikšanu pilsoniskās sabiedrības un starpkultūru sadarbības attīstības " +
        "un mazākumtautību nevalstisko organizāciju līdzdalības veicināšanas jomā Zemgales reģionā";

    /// <summary>Word for word as the document has it, "Kurzemes reģionā" included: the portal must flag that, not fix it silently.</summary>
    public const string TaskText =
        "Par atsevišķu valsts pārvaldes uzdevumu veikšanu pilsoniskās sabiedrības un starpkultūru sadarbības attīstības " +
        "un mazākumtautību nevalstisko organizāciju līdzdalības veicināšanas jomā Kurzemes reģionā";

    public static readonly DateOnly PeriodStart = new(2022, 7, 15);
    public static readonly DateOnly PeriodEnd = new(2025, 7, 14);

    public const string CivilSocietyLine = "pilsoniskās sabiedrības attīstībai Zemgales reģionā";
    public const string MinorityLine = "mazākumtautību nevalstisko organizāciju attīstības un ilgtspējas veicināšanai";
    public const string MinorityResultsHeading = "Zemgales reģiona mazākumtautību kapacitātes celšanai";

    /// <summary>Planned every year, per line: 30 000,00 and 19 000,00 euro.</summary>
    public static readonly long[] PlannedPerYearCents = [30_000_00, 19_000_00];

    public sealed record Result(string Text, Ind[]? Indicators = null, DateOnly? Date = null, string? Place = null);

    public sealed record Ind(int Count, string Unit, IndicatorQualifier Qualifier = Exactly);

    public sealed record Year(
        int Number,
        ReviewStatus Status,
        Result[] CivilSociety,
        Result[] Minority,
        long ReportedTotalCents,
        long[] ActualCents,
        long[] CarriedOutCents);

    public static readonly Year[] Years =
    [
        new(1, ReviewStatus.Approved,
            [
                new("Nodrošināta Zemgales reģiona nevalstisko organizāciju vajadzību apzināšana - Fokusa grupu rezultātā apzinātas reģiona NVO vajadzības, sagatavots pārskats par fokusa grupu rezultātiem"),
                new("Nodrošināti 8 mācību semināri Zemgales reģiona NVO pārstāvjiem par nevalstisko organizāciju attīstībai svarīgiem jautājumiem",
                    [new(8, "mācību semināri")]),
                new("Klātienē un attālināti sniegtas vairāk kā 60 konsultācijas indivīdiem un NVO pārstāvjiem",
                    [new(60, "konsultācijas", MoreThan)]),
                new("Par projekta aktivitātēm kopumā tika publicētas vairāk kā 30 ziņas, t.sk. informācija par MT NVO pasākumiem",
                    [new(30, "ziņas", MoreThan)]),
                new("Veicināts informācijas apmaiņas process starp vismaz 4 Zemgales reģiona NVO, pašvaldībām un valsts pārvaldes iestādēm – organizēts Bauskas NVO forums 28.01.2023.",
                    [new(4, "Zemgales reģiona NVO", AtLeast)], new DateOnly(2023, 1, 28), "Bauska"),
                new("Organizēta iedzīvotāju diskusiju platforma - Forums AUCĒ 10.05.2023.",
                    null, new DateOnly(2023, 5, 10), "Auce"),
                new("Veicināta iedzīvotāju piederības apziņa savam reģionam - organizēts Zemgales NVO forums"),
                new("Organizētas tiešsaistes apmācības"),
            ],
            [
                new("Izstrādātas 2 mazākumtautību darbības attīstības stratēģijas",
                    [new(2, "stratēģijas")]),
                new("Nodrošināta materiāltehniskās bāzes uzlabošana 9 mazākumtautību NVO",
                    [new(9, "mazākumtautību NVO")]),
                new("Organizēti mazākumtautību kultūras pasākumi - kopumā organizētas 15 aktivitātes (dažādas meistarklases u.c), kā arī viena pasākuma ietvaros izveidots buklets un organizēta izstāde",
                    [new(15, "aktivitātes")]),
                new("Tika nodrošināta Zemgales mazākumtautību NVO kataloga maketēšana."),
            ],
            ReportedTotalCents: 49_000_00,
            ActualCents: [30_000_00, 19_000_00],
            CarriedOutCents: [0, 0]),

        new(2, ReviewStatus.Approved,
            [
                new("Sadarbībā ar Latvijas Kultūras akadēmiju nodrošināta dalība divās panelīdiskusijās par līdzdalību un funkciju deleģēšanu NVO sektoram. Kopumā nodrošināti 12 mācību semināri / darbnīcas",
                    [new(2, "panelīdiskusijas"), new(12, "mācību semināri / darbnīcas")]),
                new("Nodrošināti 2 mācību semināri Zemgales reģiona NVO pārstāvjiem par nevalstisko organizāciju attīstībai svarīgiem jautājumiem",
                    [new(2, "mācību semināri")]),
                new("Sniegtas 62 konsultācijas indivīdiem un NVO pārstāvjiem",
                    [new(62, "konsultācijas")]),
                new("Apkopotas ziņas e-pastu listē, nodrošināta reģionam aktuālu ziņu publicēšana zemgalei.lv un sociālā tīkla platformā facebook.com/zemgalesNVO, kā arī publicētas 25 unikālās ziņas par projekta aktivitātēm un aktualitātēm, t.sk. informācija par MT NVO pasākumiem",
                    [new(25, "unikālās ziņas")]),
                new("Veicināts informācijas apmaiņas process starp vismaz 4 Zemgales reģiona NVO, pašvaldībām un valsts pārvaldes iestādēm – organizēts divu dienu Zemgales NVO forums",
                    [new(4, "Zemgales reģiona NVO", AtLeast)]),
                new("Organizēta iedzīvotāju diskusiju platforma – 2 dienu Forums Dobelē un pilnveidota Zemgalei.lv mājas lapa",
                    null, null, "Dobele"),
                new("Uzsākts Zemgales NVO sektora pētījums, apkopota datu sadaļa un informācija par organizācijām no Zemgales NVO Centra datu bāzes. Pētījumu plānots turpināt un noslēgt līdz 2025.gada jūlijam."),
            ],
            [
                new("Aktualizēta un izstrādāta stratēģija Jelgavas pilsētas un novada romu biedrībai \"Romanu Drom\""),
                new("Nodrošināta materiāltehniskās bāzes uzlabošana 6 mazākumtautību NVO, kā arī iegādāts dators un projektors, kas glabāsies Zemgales NVO Centrā un tiks izmantots MT NVO pēc pieprasījuma",
                    [new(6, "mazākumtautību NVO")]),
                new("Organizēti MT kultūras pasākumi - kopumā organizētas 11 aktivitātes (dažādas meistarklases, talka, konferences, radošās darbnīcas u.c).",
                    [new(11, "aktivitātes")]),
            ],
            ReportedTotalCents: 44_135_47,
            ActualCents: [36_785_82, 7_349_65],
            CarriedOutCents: [120_80, 4_743_73]),

        new(3, ReviewStatus.Draft,
            [
                new("Nodrošināta Zemgales reģiona nevalstisko organizāciju vajadzību apzināšana - kopīgi ar Bauskas novada domi rīkots pasākums jau izveidotajām iedzīvotāju padomēm, noticis ikgadējais Bauskas NVO Forums, kura ietvaros ciešā sadarbībā ar Bauskas novada domi Vecumnieku vidusskolā rīkots pasākums"),
                new("Nodrošināti 11 mācību semināri Zemgales reģiona NVO pārstāvjiem par nevalstisko organizāciju attīstībai svarīgiem jautājumiem",
                    [new(11, "mācību semināri")]),
                new("Klātienē un attālināti sniegtas vairāk kā 60 konsultācijas indivīdiem un NVO pārstāvjiem",
                    [new(60, "konsultācijas", MoreThan)]),
                new("Aktuālās informācijas pieejamības nodrošināšanas aktivitātes ietvaros tika apkopotas 5 ziņas e-pastu listē, nodrošināta reģionam aktuālu ziņu publicēšana zemgalei.lv un sociālā tīkla platformā facebook.com/zemgalesNVO",
                    [new(5, "ziņas e-pastu listē")]),
                new("Zemgales reģiona NVO informācijas platforma attīstības aktivitātes ietvaros tika izveidotas 2 info lapas",
                    [new(2, "info lapas")]),
                new("Iedzīvotāju diskusiju platformu ietvaros 21.12.2024. tika organizētas Kopienas dienas",
                    null, new DateOnly(2024, 12, 21)),
                new("Iedzīvotāju piederības apziņu savam reģionam veicināšanas aktivitātes ietvaros tika organizēti 4 pasākumi",
                    [new(4, "pasākumi")]),
                new("Iegādāts printeris un WEB kamera Zemgales NVO Centram, izmantošanai reģionu NVO."),
            ],
            [
                new("Organizētas 6 tiešsaistes apmācības semināri vadības mazākumtautību pārstāvjiem",
                    [new(6, "tiešsaistes apmācību semināri")]),
                new("Nodrošināta mazākumtautību nevalstisko organizāciju biedru aptauja un aktivitāte turpmākās darbības plānošanai un stratēģiju izstrādei. Aktivitātes ietvaros tika izstrādātas un saskaņotas 2 stratēģijas",
                    [new(2, "stratēģijas")]),
                new("Nodrošināts materiāltehniskais atbalsts 6 mazākumtautību biedrībām",
                    [new(6, "mazākumtautību biedrības")]),
                new("Īstenoti 12 mazākumtautību kultūras pasākumi.",
                    [new(12, "kultūras pasākumi")]),
            ],
            ReportedTotalCents: 49_000_00,
            ActualCents: [23_987_03, 25_012_97],
            CarriedOutCents: [0, 0]),
    ];
}
