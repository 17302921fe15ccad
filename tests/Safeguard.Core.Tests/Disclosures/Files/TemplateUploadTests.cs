using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Disclosures;
using Safeguard.Core.Disclosures.Documents;

namespace Safeguard.Core.Tests.Disclosures.Files;

/// <summary>An administrator's template upload: checked before it is used, then used for the next document. A database of its own.</summary>
public sealed class TemplateUploadTests : FilesFixture
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_template_with_unknown_placeholders_is_refused_listing_the_valid_ones_and_a_good_one_is_used_next()
    {
        using (var scope = As(Admin))
        {
            var templates = Service<DocumentTemplates>(scope);
            var bad = SimpleDocx.Build("Our letter", ["Hello {{RecipientNme}}", "{{Reference}}"]);
            var refused = await templates.UploadTemplateAsync(Scheme.Dvds, FileOrigin.DisclosureDocument, "letter.docx", bad);
            Assert.False(refused.Succeeded);
            var error = refused.Errors.Single();
            Assert.Equal("File", error.Field);
            Assert.Contains("Unknown placeholders: {{RecipientNme}}", error.Message);
            Assert.Contains("Valid placeholders are: {{Reference}}, {{Scheme}}", error.Message);
            Assert.Contains("{{RecipientName}}", error.Message);

            var notWord = await templates.UploadTemplateAsync(Scheme.Dvds, FileOrigin.DisclosureDocument, "letter.docx", Encoding.UTF8.GetBytes("<html>hi</html>"));
            Assert.Equal("File", Assert.Single(notWord.Errors).Field);
        }

        Assert.Empty(await ActiveUploadsAsync());

        using (var scope = As(Admin))
        {
            var good = SimpleDocx.Build("Testshire record", ["Testshire form 12 for {{Reference}}", "Told to: {{RecipientName}}", "{{DisclosureWording}}"]);
            var uploaded = await Service<DocumentTemplates>(scope).UploadTemplateAsync(Scheme.Dvds, FileOrigin.DisclosureDocument, "Form 12.docx", good);
            Assert.True(uploaded.Succeeded, string.Join("; ", uploaded.Errors));
        }

        var active = Assert.Single(await ActiveUploadsAsync());
        Assert.Equal("Form 12.docx", active.FileName);
        Assert.Contains("disclosure.template-uploaded", await AuditActionsAsync(Id(active.Id)));

        var made = await DecidedAsync(disclose: true, wording: "Wording for form 12.", atRisk: "Tara Told");
        using (var scope = As(Officer))
        {
            Assert.True((await Service<DisclosureFiles>(scope).GenerateDocumentAsync(made.Id)).Succeeded);
        }

        var text = DocxTemplate.TextOf(Assert.Single(await FilesAsync(made.Id)).Content);
        Assert.Contains($"Testshire form 12 for {made.Reference}", text);
        Assert.Contains("Told to: Tara Told", text);
        Assert.Contains("Wording for form 12.", text);
        Assert.DoesNotContain("Keeping this information confidential", text);

        // The letter for no disclosure still comes from its own (default) template.
        using var check = Host.Scope();
        var current = await Service<DocumentTemplates>(check).CurrentAsync();
        Assert.Equal(4, current.Count);
        Assert.Equal("Form 12.docx", current.Single(t => t.Scheme == Scheme.Dvds && t.Kind == FileOrigin.DisclosureDocument).FileName);
    }

    private async Task<List<DocumentTemplate>> ActiveUploadsAsync()
    {
        using var scope = Host.Scope();
        return await Service<SafeguardDbContext>(scope).DocumentTemplates.AsNoTracking()
            .Where(t => t.Scheme == Scheme.Dvds && t.Kind == FileOrigin.DisclosureDocument && t.IsActive && !t.FileName.Contains("(default)"))
            .ToListAsync();
    }
}
