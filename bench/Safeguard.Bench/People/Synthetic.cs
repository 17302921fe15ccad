using System.Globalization;
using Safeguard.Core.People;

namespace Safeguard.Bench.People;

internal sealed record SynthName(string Given, string Family, NameKind Kind);

internal sealed record SynthAddress(string Line1, string Town, string Postcode, DateOnly? From, DateOnly? To);

/// <summary>One invented person as the bench writes them: the same fields the app's person record holds.</summary>
internal sealed class SynthPerson
{
    public int Id { get; set; }
    public Gender Gender { get; set; }
    public List<SynthName> Names { get; init; } = [];
    public DateOnly? DateOfBirth { get; set; }
    public int? ApproximateAge { get; set; }
    public DateOnly? AgeRecordedOn { get; set; }
    public List<SynthAddress> Addresses { get; init; } = [];
    public int[] Areas { get; set; } = [];

    public SynthName Current => Names[0];

    public SynthPerson Copy() => new()
    {
        Id = Id,
        Gender = Gender,
        Names = [.. Names],
        DateOfBirth = DateOfBirth,
        ApproximateAge = ApproximateAge,
        AgeRecordedOn = AgeRecordedOn,
        Addresses = [.. Addresses],
        Areas = Areas,
    };
}

/// <summary>
/// Draws from a list with Zipf-like weights (the item at rank r is chosen in proportion to 1/(r+1)^s), so the
/// first names on a list are common and the last rare, as with real names.
/// </summary>
internal sealed class Zipf<T>
{
    private readonly T[] items;
    private readonly double[] cumulative;

    public Zipf(IReadOnlyList<T> items, double exponent)
    {
        this.items = [.. items];
        cumulative = new double[items.Count];
        var total = 0.0;
        for (var i = 0; i < items.Count; i++)
        {
            total += 1 / Math.Pow(i + 1, exponent);
            cumulative[i] = total;
        }
    }

    public T Next(Random random)
    {
        var x = random.NextDouble() * cumulative[^1];
        var i = Array.BinarySearch(cumulative, x);
        return items[i < 0 ? Math.Min(~i, items.Length - 1) : i];
    }
}

/// <summary>
/// Builds obviously fictional people with UK-style names and addresses, deterministic for a seed. Rates are
/// set to look like a police and partner-agency person index: most have a date of birth, some only an
/// approximate age; some have a birth or previous name; some hyphenated surnames; some a previous address.
/// </summary>
internal sealed class Synthetic(int seed, int areaCount)
{
    public const string Consonants = "bcdfghjklmnprstvwz";
    private const string InwardLetters = "ABDEFGHJLNPQRSTUWXYZ";
    public static readonly DateOnly RecordedOn = new(2026, 11, 1);

    // Exponents chosen so the commonest names have about their real shares: the top first name about 5% of
    // its sex, Smith about 2% of people (our surname list is short, so its tail is cut; a steeper curve would
    // make Smith far commoner than it is).
    private readonly Zipf<string> female = new(NameLists.Female, 0.6);
    private readonly Zipf<string> male = new(NameLists.Male, 0.6);
    private readonly Zipf<string> surnames = new(NameLists.Surnames, 0.55);
    private readonly Zipf<string> streets = new(NameLists.Streets, 0.6);
    private readonly Zipf<int> towns = new(Enumerable.Range(0, NameLists.Towns.Length).ToArray(), 0.5);

    public Random Random { get; } = new(seed);

    public int AreaCount => areaCount;

    public string GivenName(Gender gender) => gender == Gender.Female ? female.Next(Random) : male.Next(Random);

    public string Surname() => surnames.Next(Random);

    public DateOnly DateOfBirth()
    {
        var start = new DateOnly(1930, 1, 1).DayNumber;
        var end = new DateOnly(2010, 12, 31).DayNumber;
        return DateOnly.FromDayNumber(Random.Next(start, end + 1));
    }

    public SynthAddress Address(DateOnly? from = null, DateOnly? to = null, int? townIndex = null)
    {
        var town = NameLists.Towns[townIndex ?? towns.Next(Random)];
        var number = 1 + (int)(Random.NextDouble() * Random.NextDouble() * 240);
        var street = $"{number} {streets.Next(Random)} {NameLists.StreetTypes[Random.Next(NameLists.StreetTypes.Length)]}";
        var line1 = Random.NextDouble() < 0.12 ? $"Flat {1 + Random.Next(24)}, {street}" : street;
        var postcode = string.Create(CultureInfo.InvariantCulture,
            $"{town.Area}{1 + Random.Next(30)} {Random.Next(10)}{InwardLetters[Random.Next(InwardLetters.Length)]}{InwardLetters[Random.Next(InwardLetters.Length)]}");
        return new SynthAddress(line1, town.Town, postcode, from, to);
    }

    /// <summary>The area a town's people are recorded in: each area covers a few towns.</summary>
    public int AreaOf(string town) => 1 + (Array.FindIndex(NameLists.Towns, t => t.Town == town) % areaCount);

    public SynthPerson Person(int id)
    {
        var gender = Random.NextDouble() < 0.52 ? Gender.Female : Gender.Male;
        var given = GivenName(gender);
        if (Random.NextDouble() < 0.3)
        {
            given += " " + GivenName(gender);
        }

        var family = Surname();
        if (Random.NextDouble() < 0.06)
        {
            family += "-" + Surname();
        }

        var person = new SynthPerson { Id = id, Gender = Random.NextDouble() < 0.03 ? Gender.NotKnown : gender };
        var dob = DateOfBirth();
        if (Random.NextDouble() < 0.08)
        {
            // No date of birth; half the time an approximate age instead.
            if (Random.NextDouble() < 0.5)
            {
                person.ApproximateAge = Math.Max(1, RecordedOn.Year - dob.Year + Random.Next(-3, 4));
                person.AgeRecordedOn = RecordedOn;
            }
        }
        else
        {
            person.DateOfBirth = dob;
        }

        var adult = RecordedOn.Year - dob.Year >= 22;
        if (gender == Gender.Female && adult && Random.NextDouble() < 0.3)
        {
            // Known by a married name; the surname she was born with kept as another name.
            var married = Surname();
            person.Names.Add(new SynthName(given, married, NameKind.Current));
            person.Names.Add(new SynthName(given, family, NameKind.Birth));
        }
        else
        {
            person.Names.Add(new SynthName(given, family, NameKind.Current));
            if (Random.NextDouble() < 0.04)
            {
                person.Names.Add(new SynthName(GivenName(gender), family, NameKind.Alias));
            }
        }

        var current = Address(from: RecordedOn.AddDays(-Random.Next(30, 4000)));
        person.Addresses.Add(current);
        if (Random.NextDouble() < 0.18)
        {
            person.Addresses.Add(Address(from: current.From!.Value.AddDays(-Random.Next(200, 3000)), to: current.From));
        }

        var area = AreaOf(current.Town);
        person.Areas = Random.NextDouble() < 0.06 ? [area, 1 + ((area + Random.Next(areaCount - 1)) % areaCount)] : [area];
        return person;
    }
}
