namespace Safeguard.Core.People;

public enum NameKind
{
    Current,
    Previous,
    Married,
    Birth,
    Alias,
    Nickname,
}

public enum Gender
{
    NotKnown,
    Female,
    Male,
    NonBinary,
    Other,
}

public enum Answer
{
    NotKnown,
    Yes,
    No,
    PreferNotToSay,
}

public enum SexualOrientation
{
    NotKnown,
    Heterosexual,
    GayOrLesbian,
    Bisexual,
    Other,
    PreferNotToSay,
}

/// <summary>The ONS 2021 census ethnic groups for England and Wales (19 categories), plus "not known".</summary>
public enum Ethnicity
{
    NotKnown,
    AsianBangladeshi,
    AsianChinese,
    AsianIndian,
    AsianPakistani,
    AsianOther,
    BlackAfrican,
    BlackCaribbean,
    BlackOther,
    MixedWhiteAndAsian,
    MixedWhiteAndBlackAfrican,
    MixedWhiteAndBlackCaribbean,
    MixedOther,
    WhiteBritish,
    WhiteIrish,
    WhiteGypsyOrIrishTraveller,
    WhiteRoma,
    WhiteOther,
    OtherArab,
    OtherAnyOther,
    PreferNotToSay,
}

/// <summary>Ways of reaching a person. A person's unsafe channels must never be used (see SafeContact).</summary>
[Flags]
#pragma warning disable CA1711 // "Channels" is the domain word for a set of ways to contact someone.
public enum ContactChannels
#pragma warning restore CA1711
{
    None = 0,
    Phone = 1,
    TextMessage = 2,
    Voicemail = 4,
    Email = 8,
    Letter = 16,
    HomeVisit = 32,
}

public enum IdentifierScheme
{
    PoliceReference,
    PoliceNationalComputer,
    NhsNumber,
    NationalInsuranceNumber,
    LocalAuthorityReference,
    Other,
}

public static class DemographicNames
{
    public static string Of(Ethnicity e) => e switch
    {
        Ethnicity.NotKnown => "Not known",
        Ethnicity.AsianBangladeshi => "Asian or Asian British: Bangladeshi",
        Ethnicity.AsianChinese => "Asian or Asian British: Chinese",
        Ethnicity.AsianIndian => "Asian or Asian British: Indian",
        Ethnicity.AsianPakistani => "Asian or Asian British: Pakistani",
        Ethnicity.AsianOther => "Asian or Asian British: any other Asian background",
        Ethnicity.BlackAfrican => "Black, Black British, Caribbean or African: African",
        Ethnicity.BlackCaribbean => "Black, Black British, Caribbean or African: Caribbean",
        Ethnicity.BlackOther => "Black, Black British, Caribbean or African: any other background",
        Ethnicity.MixedWhiteAndAsian => "Mixed or multiple ethnic groups: White and Asian",
        Ethnicity.MixedWhiteAndBlackAfrican => "Mixed or multiple ethnic groups: White and Black African",
        Ethnicity.MixedWhiteAndBlackCaribbean => "Mixed or multiple ethnic groups: White and Black Caribbean",
        Ethnicity.MixedOther => "Mixed or multiple ethnic groups: any other background",
        Ethnicity.WhiteBritish => "White: English, Welsh, Scottish, Northern Irish or British",
        Ethnicity.WhiteIrish => "White: Irish",
        Ethnicity.WhiteGypsyOrIrishTraveller => "White: Gypsy or Irish Traveller",
        Ethnicity.WhiteRoma => "White: Roma",
        Ethnicity.WhiteOther => "White: any other White background",
        Ethnicity.OtherArab => "Other ethnic group: Arab",
        Ethnicity.OtherAnyOther => "Other ethnic group: any other ethnic group",
        Ethnicity.PreferNotToSay => "Prefers not to say",
        _ => e.ToString(),
    };

    /// <summary>SafeLives counts victims from racially minoritised groups: everyone but White British, when known.</summary>
    public static bool IsRaciallyMinoritised(Ethnicity e) =>
        e is not (Ethnicity.NotKnown or Ethnicity.WhiteBritish or Ethnicity.PreferNotToSay);

    public static string Of(Gender g) => g switch
    {
        Gender.NotKnown => "Not known",
        Gender.NonBinary => "Non-binary",
        _ => g.ToString(),
    };

    public static string Of(Answer a) => a switch
    {
        Answer.NotKnown => "Not known",
        Answer.PreferNotToSay => "Prefers not to say",
        _ => a.ToString(),
    };

    public static string Of(SexualOrientation s) => s switch
    {
        SexualOrientation.NotKnown => "Not known",
        SexualOrientation.GayOrLesbian => "Gay or lesbian",
        SexualOrientation.PreferNotToSay => "Prefers not to say",
        _ => s.ToString(),
    };

    public static string Of(NameKind k) => k switch
    {
        NameKind.Current => "Current name",
        NameKind.Previous => "Previous name",
        NameKind.Married => "Married name",
        NameKind.Birth => "Birth name",
        NameKind.Alias => "Alias",
        NameKind.Nickname => "Nickname",
        _ => k.ToString(),
    };

    public static string Of(IdentifierScheme s) => s switch
    {
        IdentifierScheme.PoliceReference => "Police reference",
        IdentifierScheme.PoliceNationalComputer => "PNC ID",
        IdentifierScheme.NhsNumber => "NHS number",
        IdentifierScheme.NationalInsuranceNumber => "National Insurance number",
        IdentifierScheme.LocalAuthorityReference => "Local authority reference",
        _ => "Other reference",
    };

    public static string Of(ContactChannels c) => c switch
    {
        ContactChannels.Phone => "Phone call",
        ContactChannels.TextMessage => "Text message",
        ContactChannels.Voicemail => "Voicemail",
        ContactChannels.Email => "Email",
        ContactChannels.Letter => "Letter",
        ContactChannels.HomeVisit => "Home visit",
        _ => c.ToString(),
    };

    public static IEnumerable<ContactChannels> Each(ContactChannels set) =>
        Enum.GetValues<ContactChannels>().Where(c => c != ContactChannels.None && set.HasFlag(c));
}
