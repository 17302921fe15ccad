using System.Net;
using System.Text;
using Safeguard.Core.Accounts;
using Safeguard.Core.Incidents;
using Safeguard.Web.Tests.Disclosures;
using Safeguard.Web.Tests.People;

namespace Safeguard.Web.Tests.Incidents;

/// <summary>The import journey over HTTP: upload, preview with every bad row, confirm or discard.</summary>
[Collection(AppCollection.Name)]
public sealed class IncidentImportPagesTests(SafeguardApp app)
{
    private async Task<HttpClient> ControlRoomAsync() => await app.IncidentSignInAsync(Roles.ControlRoom);

    [Fact]
    public async Task Upload_preview_confirm_imports_only_the_good_rows()
    {
        var client = await ControlRoomAsync();
        var (good1, bad, good2) = (IncidentWebData.NewReference(), IncidentWebData.NewReference(), IncidentWebData.NewReference());
        var upload = await client.PostFileAsync("/incidents/import", "export.csv", IncidentWebData.File(
            IncidentWebData.Row(app, good1),
            IncidentWebData.Row(app, bad, changes: [(IncidentCsv.RiskLevel, "critical"), (IncidentCsv.VictimDateOfBirth, "1991-13-01")]),
            IncidentWebData.Row(app, good2)));
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var preview = upload.Location()!;
        Assert.Matches("^/incidents/import/[0-9a-f]{32}$", preview);

        var page = await client.GetPageAsync(preview);
        Assert.Equal("3", page.QuerySelector("#data-rows")!.TextContent.Trim());
        Assert.Equal("2", page.QuerySelector("#to-import")!.TextContent.Trim());
        var badRow = Assert.Single(page.QuerySelectorAll("#bad tbody tr"));
        var cells = badRow.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal("3", cells[0]);
        Assert.Equal(bad, cells[1]);
        Assert.Contains("risk_level: The risk level must be standard, medium or high", cells[2], StringComparison.Ordinal);
        Assert.Contains("victim_date_of_birth: The victim's date of birth must be a date", cells[2], StringComparison.Ordinal);
        Assert.Null(await app.IncidentAsync(good1)); // nothing imported before confirm

        var confirm = await client.PostPairsAsync(preview, preview + "?handler=Confirm");
        Assert.Equal("/incidents", confirm.RedirectPath());
        var list = await client.GetPageAsync("/incidents");
        Assert.Contains("2 incidents were imported. 0 already recorded, 1 refused.", list.QuerySelector("#notice")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(await app.IncidentAsync(good1));
        Assert.NotNull(await app.IncidentAsync(good2));
        Assert.Null(await app.IncidentAsync(bad));

        // The upload is spent: its preview is gone and a second confirm imports nothing.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(preview)).StatusCode);
        Assert.True(await app.AuditedAsync("incident.import-confirmed"));
    }

    [Fact]
    public async Task References_already_recorded_are_listed_and_not_imported_twice()
    {
        var client = await ControlRoomAsync();
        var reference = IncidentWebData.NewReference();
        var first = await client.PostFileAsync("/incidents/import", "a.csv", IncidentWebData.File(IncidentWebData.Row(app, reference)));
        await client.PostPairsAsync(first.Location()!, first.Location() + "?handler=Confirm");

        var second = await client.PostFileAsync("/incidents/import", "b.csv", IncidentWebData.File(IncidentWebData.Row(app, reference)));
        var page = await client.GetPageAsync(second.Location()!);
        Assert.Equal("0", page.QuerySelector("#to-import")!.TextContent.Trim());
        Assert.Contains(reference, page.QuerySelector("#already")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#nothing"));
        Assert.Equal(1, await app.WithDbAsync(db => Task.FromResult(db.PoliceIncidents.Count(i => i.IncidentReference == reference))));
    }

    [Fact]
    public async Task A_windows_1252_file_is_refused_on_the_upload_page_naming_the_encoding()
    {
        var client = await ControlRoomAsync();
        var text = IncidentCsv.HeaderRow + "\n" + IncidentWebData.Row(app, IncidentWebData.NewReference(), changes: (IncidentCsv.VictimGivenName, "Zo\u00EB"));
        var response = await client.PostFileAsync("/incidents/import", "excel.csv", Encoding.Latin1.GetBytes(text));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = (await response.ReadDocumentAsync()).ErrorSummary();
        Assert.Contains("not UTF-8", summary, StringComparison.Ordinal);
        Assert.Contains("Windows-1252", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_columns_are_named_and_nothing_is_held()
    {
        var client = await ControlRoomAsync();
        var before = await app.WithDbAsync(db => Task.FromResult(db.IncidentImports.Count()));
        var response = await client.PostFileAsync("/incidents/import", "short.csv", Encoding.UTF8.GetBytes("incident_reference,occurred_at\nX-1,2026-11-01 10:00\n"));
        var summary = (await response.ReadDocumentAsync()).ErrorSummary();
        Assert.Contains("missing the columns reported_at, area, risk_level", summary, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => Task.FromResult(db.IncidentImports.Count())));
    }

    [Fact]
    public async Task No_file_is_an_error_on_the_field()
    {
        var client = await ControlRoomAsync();
        var response = await client.PostFormAsync("/incidents/import");
        Assert.Contains("Select the incident file (CSV)", (await response.ReadDocumentAsync()).ErrorSummary(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_elses_upload_is_not_found_and_cannot_be_confirmed()
    {
        var owner = await ControlRoomAsync();
        var reference = IncidentWebData.NewReference();
        var preview = (await owner.PostFileAsync("/incidents/import", "mine.csv", IncidentWebData.File(IncidentWebData.Row(app, reference)))).Location()!;
        var other = await app.IncidentSignInAsync(Roles.MaracCoordinator);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(preview)).StatusCode);
        var confirm = await other.PostPairsAsync("/incidents/import", preview + "?handler=Confirm");
        Assert.Equal(HttpStatusCode.NotFound, confirm.StatusCode);
        Assert.Null(await app.IncidentAsync(reference));
    }

    [Fact]
    public async Task Discarding_imports_nothing()
    {
        var client = await ControlRoomAsync();
        var reference = IncidentWebData.NewReference();
        var preview = (await client.PostFileAsync("/incidents/import", "x.csv", IncidentWebData.File(IncidentWebData.Row(app, reference)))).Location()!;
        var discard = await client.PostPairsAsync(preview, preview + "?handler=Discard");
        Assert.Equal("/incidents", discard.RedirectPath());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(preview)).StatusCode);
        Assert.Null(await app.IncidentAsync(reference));
    }

    [Fact]
    public async Task The_incident_page_shows_the_record_and_its_people_and_is_audited_without_names_in_logs()
    {
        var id = await app.RecordIncidentAsync();
        var client = await app.IncidentSignInAsync(Roles.MaracCoordinator);
        var page = await client.GetPageAsync($"/incidents/{id}");
        Assert.Equal("High", page.QuerySelector("#risk")!.TextContent.Trim());
        Assert.Contains("Testa Webfictional", page.QuerySelector("#people")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Webfictional", page.Title, StringComparison.Ordinal);
        Assert.True(await app.AuditedAsync("incident.viewed", id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.DoesNotContain(app.Logs, l => l.Contains("Webfictional", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_list_filters_by_date_and_risk_and_refuses_a_bad_date()
    {
        var id = await app.RecordIncidentAsync();
        var reference = (await app.WithDbAsync(db => Task.FromResult(db.PoliceIncidents.Single(i => i.Id == id)))).IncidentReference;
        var client = await app.IncidentSignInAsync(Roles.CruSupervisor);
        var yesterday = IncidentWebData.Yesterday(app)[..10];
        var high = await client.GetPageAsync($"/incidents?from={yesterday}&to={yesterday}&risk=high");
        Assert.Contains(reference, high.QuerySelector("#incidents")!.TextContent, StringComparison.Ordinal);
        var standard = await client.GetPageAsync($"/incidents?from={yesterday}&to={yesterday}&risk=standard");
        Assert.DoesNotContain(reference, standard.Body!.TextContent, StringComparison.Ordinal);
        var bad = await client.GetPageAsync("/incidents?from=31/02/2026");
        Assert.Contains("Enter the start date as a real date", bad.ErrorSummary(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_with_a_message_saying_so()
    {
        var client = await ControlRoomAsync();
        var justOver = new byte[IncidentImports.MaxBytes + 10];
        var response = await client.PostFileAsync("/incidents/import", "big.csv", justOver);
        Assert.Contains("must be smaller than 50 MB", (await response.ReadDocumentAsync()).ErrorSummary(), StringComparison.Ordinal);

        // Past the request limit the body is refused before it is read, with the "file is too big" page.
        var far = await client.PostFileAsync("/incidents/import", "huge.csv", new byte[Safeguard.Web.Pages.Incidents.Import.IndexModel.UploadLimit + 1024]);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, far.StatusCode);
    }
}
