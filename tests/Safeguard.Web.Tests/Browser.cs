using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Safeguard.Core.Accounts;

namespace Safeguard.Web.Tests;

/// <summary>What a person does with a browser, over HTTP: read pages, fill in forms (with their antiforgery token), sign in.</summary>
public static class Browser
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> GetPageAsync(this HttpClient client, string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(path);
        Assert.True(expected == response.StatusCode, $"GET {path}: expected {expected}, got {(int)response.StatusCode} {response.Headers.Location}");
        return await response.ReadDocumentAsync();
    }

    public static async Task<IHtmlDocument> ReadDocumentAsync(this HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>Posts a form as the page at <paramref name="formPage"/> would, with that page's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string formPage, IDictionary<string, string> fields, string? action = null)
    {
        var page = await client.GetPageAsync(formPage);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"{formPage} has no antiforgery token");
        var body = new List<KeyValuePair<string, string>>(fields) { new("__RequestVerificationToken", token) };
        return await client.PostAsync(action ?? formPage, new FormUrlEncodedContent(body));
    }

    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string formPage, params (string Key, string Value)[] fields) =>
        await client.PostFormAsync(formPage, fields.ToDictionary(f => f.Key, f => f.Value));

    public static async Task<HttpResponseMessage> PostPairsAsync(this HttpClient client, string formPage, string action, params (string Key, string Value)[] fields)
    {
        var page = await client.GetPageAsync(formPage);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var body = fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).Append(new("__RequestVerificationToken", token));
        return await client.PostAsync(action, new FormUrlEncodedContent(body));
    }

    public static string? ErrorSummary(this IHtmlDocument page) => page.QuerySelector(".govuk-error-summary")?.TextContent;

    public static async Task<HttpResponseMessage> SubmitPasswordAsync(this HttpClient client, string email, string password) =>
        await client.PostFormAsync("/account/sign-in", ("Email", email), ("Password", password));

    /// <summary>Signs in with both factors and returns the client, now holding a full session cookie.</summary>
    public static async Task<HttpClient> SignInAsync(this SafeguardApp app, TestUser user)
    {
        var client = app.NewClient();
        var password = await client.SubmitPasswordAsync(user.Email, user.Password);
        Assert.Equal("/account/two-factor", password.RedirectPath());
        var code = await client.PostFormAsync("/account/two-factor", ("Code", Totp.Code(user.AuthenticatorKey!, DateTimeOffset.UtcNow)));
        Assert.True(code.StatusCode == HttpStatusCode.Redirect, $"second factor refused: {(await code.ReadDocumentAsync()).ErrorSummary()}");
        return client;
    }

    /// <summary>Where a redirect goes, as a path and query, whether the app gave it absolute or relative.</summary>
    public static string? Location(this HttpResponseMessage response) => response.Headers.Location switch
    {
        null => null,
        { IsAbsoluteUri: true } uri => uri.PathAndQuery,
        var uri => uri.OriginalString,
    };

    /// <summary>Where a redirect goes, without its query.</summary>
    public static string? RedirectPath(this HttpResponseMessage response) => response.Location()?.Split('?')[0];
}
