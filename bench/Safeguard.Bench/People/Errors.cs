using System.Globalization;
using Safeguard.Core.People;

namespace Safeguard.Bench.People;

/// <summary>The ways a second record of a person differs from the first, as seen in real person indexes.</summary>
internal enum ErrorPattern
{
    TypoGiven,
    TypoFamily,
    PhoneticGiven,
    PhoneticFamily,
    Nickname,
    Hyphenation,
    ChangedSurname,
    DayMonthSwapped,
    MissingDateOfBirth,
    DateOfBirthTypo,
    AddressVariant,
    Moved,
}

/// <summary>Applies error patterns to a copy of a person record. The same process is used for duplicates and near-misses.</summary>
internal sealed class Errors(Synthetic synthetic)
{
    private Random Random => synthetic.Random;

    /// <summary>One or two patterns that can apply to this record (a day-month swap needs a day of 12 or less, and so on).</summary>
    public List<ErrorPattern> Choose(SynthPerson p)
    {
        var count = Random.NextDouble() < 0.6 ? 1 : 2;
        var chosen = new List<ErrorPattern>();
        while (chosen.Count < count)
        {
            var e = (ErrorPattern)Random.Next(Enum.GetValues<ErrorPattern>().Length);
            if (!chosen.Contains(e) && CanApply(e, p))
            {
                chosen.Add(e);
            }
        }

        return chosen;
    }

    private static bool CanApply(ErrorPattern e, SynthPerson p) => e switch
    {
        ErrorPattern.PhoneticGiven => Variant(NameLists.GivenVariants, First(p.Current.Given)) is not null,
        ErrorPattern.PhoneticFamily => p.Current.Family.Split('-').Any(f => Variant(NameLists.SurnameVariants, f) is not null),
        ErrorPattern.Nickname => NameLists.Nicknames.Any(n => n[0] == First(p.Current.Given)),
        ErrorPattern.DayMonthSwapped => p.DateOfBirth is DateOnly d && d.Day <= 12 && d.Day != d.Month,
        ErrorPattern.MissingDateOfBirth or ErrorPattern.DateOfBirthTypo => p.DateOfBirth is not null,
        _ => true,
    };

    public SynthPerson Apply(SynthPerson source, IEnumerable<ErrorPattern> patterns)
    {
        var p = source.Copy();
        foreach (var e in patterns)
        {
            Apply(p, e);
        }

        return p;
    }

    private void Apply(SynthPerson p, ErrorPattern e)
    {
        var name = p.Current;
        switch (e)
        {
            case ErrorPattern.TypoGiven:
                p.Names[0] = name with { Given = Typo(name.Given) };
                break;
            case ErrorPattern.TypoFamily:
                p.Names[0] = name with { Family = Typo(name.Family) };
                break;
            case ErrorPattern.PhoneticGiven:
                {
                    var first = First(name.Given);
                    var variant = Variant(NameLists.GivenVariants, first, Random);
                    if (variant is not null)
                    {
                        p.Names[0] = name with { Given = variant + name.Given[first.Length..] };
                    }

                    break;
                }

            case ErrorPattern.PhoneticFamily:
                p.Names[0] = name with { Family = string.Join('-', name.Family.Split('-').Select(f => Variant(NameLists.SurnameVariants, f, Random) ?? f)) };
                break;
            case ErrorPattern.Nickname:
                {
                    var forms = NameLists.Nicknames.FirstOrDefault(n => n[0] == First(name.Given));
                    if (forms is not null)
                    {
                        p.Names[0] = name with { Given = forms[1 + Random.Next(forms.Length - 1)] };
                    }

                    break;
                }

            case ErrorPattern.Hyphenation:
                {
                    var parts = name.Family.Split('-');
                    var family = parts.Length > 1
                        ? (Random.NextDouble() < 0.7 ? parts[Random.Next(parts.Length)] : string.Join(' ', parts))
                        : Random.NextDouble() < 0.5 ? $"{name.Family}-{synthetic.Surname()}" : $"{synthetic.Surname()}-{name.Family}";
                    p.Names[0] = name with { Family = family };
                    break;
                }

            case ErrorPattern.ChangedSurname:
                p.Names[0] = name with { Family = synthetic.Surname() };
                break;
            case ErrorPattern.DayMonthSwapped:
                if (p.DateOfBirth is DateOnly s && s.Day <= 12)
                {
                    p.DateOfBirth = new DateOnly(s.Year, s.Day, s.Month);
                }

                break;
            case ErrorPattern.MissingDateOfBirth:
                if (p.DateOfBirth is DateOnly m)
                {
                    p.DateOfBirth = null;
                    if (Random.NextDouble() < 0.5)
                    {
                        p.ApproximateAge = Synthetic.RecordedOn.Year - m.Year + Random.Next(-2, 3);
                        p.AgeRecordedOn = Synthetic.RecordedOn;
                    }
                }

                break;
            case ErrorPattern.DateOfBirthTypo:
                if (p.DateOfBirth is DateOnly t)
                {
                    p.DateOfBirth = DateTypo(t);
                }

                break;
            case ErrorPattern.AddressVariant:
                p.Addresses[0] = AddressVariant(p.Addresses[0]);
                break;
            case ErrorPattern.Moved:
                p.Addresses[0] = synthetic.Address();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(e));
        }
    }

    private static string First(string given) => given.Split(' ')[0];

    private static string? Variant(string[][] groups, string name, Random? random = null)
    {
        var others = groups.FirstOrDefault(g => g.Contains(name, StringComparer.Ordinal))?.Where(v => v != name).ToArray();
        return others is null || others.Length == 0 ? null : others[random?.Next(others.Length) ?? 0];
    }

    /// <summary>One keyboard slip in a name: two letters swapped, one dropped, one doubled or one wrong.</summary>
    public string Typo(string value)
    {
        var first = value.Split(' ')[0];
        if (first.Length < 3)
        {
            return value;
        }

        // Slips at the very first letter are rare in practice (and the eye catches them); pick a later one.
        var i = 1 + Random.Next(first.Length - 1);
        var chars = first.ToList();
        switch (Random.Next(4))
        {
            case 0 when i < chars.Count - 1:
                (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
                break;
            case 1:
                chars.RemoveAt(i);
                break;
            case 2:
                chars.Insert(i, chars[i]);
                break;
            default:
                chars[i] = Synthetic.Consonants[Random.Next(Synthetic.Consonants.Length)];
                break;
        }

        return new string([.. chars]) + value[first.Length..];
    }

    private DateOnly DateTypo(DateOnly d)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var year = d.Year;
            var month = d.Month;
            var day = d.Day;
            switch (Random.Next(3))
            {
                case 0:
                    day = Math.Clamp(day + (Random.NextDouble() < 0.5 ? -1 : 1) * (1 + Random.Next(2)), 1, 28);
                    break;
                case 1:
                    month = 1 + Random.Next(12);
                    break;
                default:
                    year += Random.NextDouble() < 0.5 ? -1 : 1;
                    break;
            }

            if ((year, month, day) != (d.Year, d.Month, d.Day) && day <= DateTime.DaysInMonth(year, month))
            {
                return new DateOnly(year, month, day);
            }
        }

        return d.AddDays(1);
    }

    private SynthAddress AddressVariant(SynthAddress a)
    {
        var line = a.Line1;
        switch (Random.Next(3))
        {
            case 0:
                foreach (var (full, abbreviation) in new[] { ("Road", "Rd"), ("Street", "St"), ("Avenue", "Ave"), ("Lane", "Ln"), ("Close", "Cl"), ("Drive", "Dr"), ("Crescent", "Cres"), ("Court", "Ct"), ("Gardens", "Gdns"), ("Place", "Pl"), ("Terrace", "Tce"), ("Grove", "Gr") })
                {
                    line = line.Replace(full, abbreviation + (Random.NextDouble() < 0.5 ? "." : ""), StringComparison.Ordinal);
                }

                break;
            case 1 when line.StartsWith("Flat ", StringComparison.Ordinal):
                {
                    // "Flat 3, 14 Mill Road" written "3/14 Mill Road" or "Flat 3 14 Mill Road".
                    var comma = line.IndexOf(',', StringComparison.Ordinal);
                    var flat = line[5..comma];
                    var rest = line[(comma + 2)..];
                    line = Random.NextDouble() < 0.5 ? $"{flat}/{rest}" : $"Flat {flat} {rest}";
                    break;
                }

            default:
                line = line.ToUpperInvariant();
                break;
        }

        var postcode = Random.Next(3) switch
        {
            0 => a.Postcode.Replace(" ", "", StringComparison.Ordinal),
            1 => a.Postcode.ToLower(CultureInfo.InvariantCulture),
            _ => a.Postcode,
        };
        return a with { Line1 = line, Postcode = postcode };
    }
}
