namespace Safeguard.Core.Disclosures.Reporting;

/// <summary>
/// The areas whose disclosure work a user's figures count: every area (auditors), some (CRU staff) or none. The
/// web app decides which (<c>ApplicationRecordScope.FiguresScopeFor</c>); the figures apply it to the applications
/// and to the monthly roll-up alike, so both halves of every figure cover the same work.
/// </summary>
public sealed class FiguresScope
{
    private readonly int[]? _areaIds;

    private FiguresScope(int[]? areaIds) => _areaIds = areaIds;

    public static FiguresScope Everywhere { get; } = new(null);

    public static FiguresScope InAreas(IEnumerable<int> areaIds) => new([.. areaIds.Distinct()]);

    public IQueryable<DisclosureApplication> Applications(IQueryable<DisclosureApplication> applications)
    {
        var areas = _areaIds;
        return areas is null ? applications : applications.Where(a => areas.Contains(a.AreaId));
    }

    public IQueryable<FigureCell> Cells(IQueryable<FigureCell> cells)
    {
        var areas = _areaIds;
        return areas is null ? cells : cells.Where(c => areas.Contains(c.AreaId));
    }

    public override string ToString() => _areaIds is null ? "every area" : $"{_areaIds.Length} area(s)";
}
