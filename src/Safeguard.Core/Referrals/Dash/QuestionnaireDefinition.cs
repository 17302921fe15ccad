using System.Text.Json;
using System.Text.Json.Serialization;

namespace Safeguard.Core.Referrals.Dash;

/// <summary>
/// One version of a risk questionnaire, stored as the JSON it was loaded from. A row is written once and never
/// changed: a new version is a new row, so answers given to an older version always read against its own questions.
/// </summary>
public sealed class QuestionnaireDefinition
{
    public int Id { get; set; }
    public required string Key { get; set; }
    public int Version { get; set; }
    public required string Title { get; set; }
    public required string Content { get; set; }
    public DateTime LoadedAt { get; set; }

    public DashDefinition Parse() => DashDefinition.FromJson(Content);
}

public sealed record DashQuestion(string Id, string Text);

/// <summary>
/// The questionnaire as data. A threshold is null where no score threshold is published (S-DASH, the young
/// person's version): there the risk level comes from professional judgement alone.
/// </summary>
public sealed record DashDefinition(
    string Key, int Version, string Title, int? HighRiskFrom, int? MediumFrom, string? StalkingQuestion, IReadOnlyList<DashQuestion> Questions)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    public static DashDefinition FromJson(string json) =>
        JsonSerializer.Deserialize<DashDefinition>(json, Json) ?? throw new InvalidDataException("Empty questionnaire definition.");

    public string Number(string questionId) => (Questions.ToList().FindIndex(q => q.Id == questionId) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>The keys of the questionnaires shipped with Safeguard.</summary>
public static class DashKeys
{
    public const string Partner = "dash-partner";
    public const string Police = "dash-police";
    public const string Stalking = "sdash";
    public const string YoungPerson = "dash-young-person";
}
