using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Minzheng.Tests.Infrastructure;

/// <summary>A browser-like session over TestServer: keeps cookies, posts forms with their antiforgery token.</summary>
public sealed partial class WebSession(WebApplicationFactory<Program> app) : IDisposable
{
    private readonly HttpClient _client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task<HttpResponseMessage> GetAsync(string path) => await _client.GetAsync(path, TestContext.Current.CancellationToken);

    /// <summary>Loads the page at <paramref name="formPage"/>, then posts the fields with its antiforgery token.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPage, IDictionary<string, string> fields, string? postPath = null,
        Func<Task>? beforePost = null)
    {
        var html = await (await GetAsync(formPage)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var token = TokenPattern().Match(html);
        Assert.True(token.Success, $"no antiforgery token on {formPage}");
        if (beforePost is not null)
        {
            await beforePost();
        }

        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token.Groups[1].Value };
        using var content = new FormUrlEncodedContent(form);
        return await _client.PostAsync(postPath ?? formPage, content, TestContext.Current.CancellationToken);
    }

    /// <summary>Loads <paramref name="formPage"/>, then posts a multipart form with one file (field <c>file</c>), other <paramref name="fields"/> and its token.</summary>
    public async Task<HttpResponseMessage> PostFileAsync(string formPage, string postPath, byte[] file, string fileName,
        IDictionary<string, string>? fields = null)
    {
        var html = await (await GetAsync(formPage)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var token = TokenPattern().Match(html);
        Assert.True(token.Success, $"no antiforgery token on {formPage}");
        using var form = new MultipartFormDataContent { { new StringContent(token.Groups[1].Value), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields ?? new Dictionary<string, string>())
        {
            form.Add(new StringContent(value), name);
        }

        form.Add(new ByteArrayContent(file), "file", fileName);
        return await _client.PostAsync(postPath, form, TestContext.Current.CancellationToken);
    }

    public async Task<HttpResponseMessage> LoginAsync(string userName, string password)
    {
        var response = await PostFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.UserName"] = userName, ["Input.Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response;
    }

    public void Dispose() => _client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
