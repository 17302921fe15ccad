namespace Safeguard.Core.Disclosures.Documents;

/// <summary>
/// The documents a force starts with before it uploads its own: a record the officer reads from when making a
/// disclosure, and a letter for when nothing is disclosed. Written in our own plain English.
/// </summary>
public static class DefaultDisclosureTemplates
{
    public const string Dvds = "Dvds";
    public const string Csods = "Csods";
    public const string Disclosure = "Disclosure";
    public const string NonDisclosure = "NonDisclosure";

    /// <summary>Every name a template may use, with what it is filled from, for the administrator's help text.</summary>
    public static readonly IReadOnlyList<(string Name, string Description)> Placeholders =
    [
        ("Reference", "The application's reference number"),
        ("Scheme", "The scheme's full name (Domestic Violence Disclosure Scheme or Child Sex Offender Disclosure Scheme)"),
        ("Route", "How the application came in: right to ask or right to know"),
        ("ForceName", "The police force's name"),
        ("AreaName", "The area or district handling the application"),
        ("Today", "Today's date, when the document is produced"),
        ("RecipientName", "The person the disclosure is made to"),
        ("ApplicantName", "The person who made the application"),
        ("PersonAtRiskName", "The person the police believe may be at risk"),
        ("SubjectName", "The person the application is about"),
        ("DisclosureWording", "The agreed words of the disclosure"),
        ("DecisionDate", "The date the decision to disclose or not was made"),
        ("DeliveredBy", "The officer making the disclosure or sending the letter"),
        ("NoDisclosureReason", "What can be said to the applicant about why nothing is disclosed"),
        ("ChildrenNames", "The children the application is about"),
    ];

    public static IReadOnlyList<string> PlaceholderNames { get; } = Placeholders.Select(p => p.Name).ToList();

    /// <summary>A fresh copy each call, so a caller that edits the bytes cannot change the next one.</summary>
    public static byte[] For(string scheme, string kind) => (scheme, kind) switch
    {
        (Dvds, Disclosure) => SimpleDocx.Build("Domestic Violence Disclosure Scheme: record of disclosure", DvdsDisclosure),
        (Dvds, NonDisclosure) => SimpleDocx.Build("Your application under the Domestic Violence Disclosure Scheme", DvdsNonDisclosure),
        (Csods, Disclosure) => SimpleDocx.Build("Child Sex Offender Disclosure Scheme: record of disclosure", CsodsDisclosure),
        (Csods, NonDisclosure) => SimpleDocx.Build("Your application under the Child Sex Offender Disclosure Scheme", CsodsNonDisclosure),
        _ => throw new ArgumentException($"There is no default template for scheme '{scheme}' and kind '{kind}'.", nameof(scheme)),
    };

    private static readonly string[] DvdsDisclosure =
    [
        "Reference: {{Reference}}",
        "Scheme: {{Scheme}} ({{Route}})",
        "Force: {{ForceName}}, {{AreaName}}",
        "Date of decision: {{DecisionDate}}",
        "Date of disclosure: {{Today}}",
        "## Who this disclosure is for",
        "Disclosure made to: {{RecipientName}}",
        "Person at risk: {{PersonAtRiskName}}",
        "Application made by: {{ApplicantName}}",
        "## What the police are telling you",
        "Officer: read the words below to the person receiving the disclosure exactly as written.",
        "{{DisclosureWording}}",
        "## Keeping this information confidential",
        "We are telling you this so that you can keep yourself, or someone else, safe. You must keep it confidential and use it only for that purpose.",
        "Please do not share it with anyone else unless the police have agreed first. If you think someone else needs to know, talk to us and we will help you decide.",
        "## Your safety and support",
        "If you are ever in immediate danger, call 999.",
        "We can help you think about a plan to keep yourself safe and can put you in touch with local support services. A national domestic abuse helpline is also available at any time, free and in confidence.",
        "## Officer's record",
        "Disclosure delivered by: {{DeliveredBy}}",
        "The person receiving the disclosure confirmed they understand that it is confidential and how they may use it: yes / no",
        "Notes:",
    ];

    private static readonly string[] DvdsNonDisclosure =
    [
        "Our reference: {{Reference}}",
        "Date: {{Today}}",
        "Dear {{ApplicantName}}",
        "Thank you for contacting {{ForceName}} under the {{Scheme}}.",
        "We have carefully checked the information available to us. After those checks, we have decided that no information will be disclosed to you under the scheme.",
        "{{NoDisclosureReason}}",
        "Not receiving a disclosure does not mean there is no risk. If something about a relationship worries you, trust your feelings and talk to someone you trust or to a support service.",
        "## Getting help",
        "If you are ever in immediate danger, call 999.",
        "A national domestic abuse helpline is available at any time, free and in confidence, and local support services can help you too. You can also contact the police again if anything changes.",
        "Yours sincerely",
        "{{DeliveredBy}}",
        "{{ForceName}}, {{AreaName}}",
    ];

    private static readonly string[] CsodsDisclosure =
    [
        "Reference: {{Reference}}",
        "Scheme: {{Scheme}} ({{Route}})",
        "Force: {{ForceName}}, {{AreaName}}",
        "Date of decision: {{DecisionDate}}",
        "Date of disclosure: {{Today}}",
        "## Who this disclosure is for",
        "Disclosure made to: {{RecipientName}}",
        "Children this disclosure is about: {{ChildrenNames}}",
        "Application made by: {{ApplicantName}}",
        "## What the police are telling you",
        "Officer: read the words below to the person receiving the disclosure exactly as written.",
        "{{DisclosureWording}}",
        "## Keeping this information confidential",
        "We are telling you this so that you can keep the children named above safe. You must keep it confidential and use it only for that purpose.",
        "Please do not share it with anyone else unless the police have agreed first. If you think someone else needs to know to protect a child, talk to us and we will help you decide.",
        "## Keeping children safe",
        "If a child is ever in immediate danger, call 999.",
        "We can talk with you about steps to protect the children and can put you in touch with your local council's children's services. A national child protection helpline is also available for advice, free and in confidence.",
        "## Officer's record",
        "Disclosure delivered by: {{DeliveredBy}}",
        "The person receiving the disclosure confirmed they understand that it is confidential and how they may use it: yes / no",
        "Notes:",
    ];

    private static readonly string[] CsodsNonDisclosure =
    [
        "Our reference: {{Reference}}",
        "Date: {{Today}}",
        "Dear {{ApplicantName}}",
        "Thank you for contacting {{ForceName}} under the {{Scheme}} about the safety of a child or children.",
        "We have carefully checked the information available to us. After those checks, we have decided that no information will be disclosed to you under the scheme.",
        "{{NoDisclosureReason}}",
        "Not receiving a disclosure does not mean there is no risk to a child. Please keep watching for signs that something is wrong and act on any worries you have.",
        "## Getting help",
        "If a child is ever in immediate danger, call 999.",
        "Your local council's children's services can give advice if you are worried about a child, and a national child protection helpline is available, free and in confidence. You can also contact the police again if anything changes.",
        "Yours sincerely",
        "{{DeliveredBy}}",
        "{{ForceName}}, {{AreaName}}",
    ];
}
