using System.Globalization;
using System.IO.Compression;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;

namespace AGH.Web.Infrastructure;

/// <summary>
/// A form posted after the session ended is not lost (issue 20): its fields (no files, no tokens) go into a protected,
/// compressed cookie for 30 minutes, the user signs in again and comes back to the page the form was on, filled in as
/// sent but not sent. Too large for a cookie (about 3,800 characters after compression), the input is not kept.
/// </summary>
public static class KeptForm
{
    public const string CookieName = "agh.kept";
    public const string RestoredKey = "KeptFormRestored";
    private const string Purpose = "AGH.Web.KeptForm.v1";
    private static readonly string[] Skip = ["__RequestVerificationToken", "RequestKey", "ETag", "Step"];

    private sealed record Kept(string Path, List<string[]> Fields);

    /// <summary>
    /// Keeps the fields of a post that meets an ended session; returns where to come back to after sign-in (the page
    /// the form was on, from the same-origin Referer, else the posted address), or null for anything but a form post.
    /// </summary>
    public static async Task<string?> Keep(HttpContext http)
    {
        if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.HasFormContentType) return null;
        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return null;
        }
        var back = Back(http);
        var fields = form.Where(f => !Skip.Contains(f.Key)).SelectMany(f => f.Value.Select(v => new[] { f.Key, v ?? "" })).ToList();
        if (fields.Count == 0) return back;
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
            gzip.Write(JsonSerializer.SerializeToUtf8Bytes(new Kept(PathOf(back), fields)));
        var value = WebEncoders.Base64UrlEncode(Protector(http).Protect(buffer.ToArray()));
        if (value.Length <= 3800)
            http.Response.Cookies.Append(CookieName, value, new CookieOptions
            {
                Path = StaffApp.Base, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps,
                MaxAge = TimeSpan.FromMinutes(30), IsEssential = true,
            });
        return back;
    }

    /// <summary>
    /// On a page shown by GET: the kept fields of this page, if any, bound into its form properties as the model binder
    /// would (no validation messages: nothing was sent), and the cookie removed. True when something was restored.
    /// </summary>
    public static async Task<bool> Restore(PageModel page)
    {
        var http = page.HttpContext;
        if (!http.Request.Cookies.TryGetValue(CookieName, out var value)) return false;
        Kept? kept;
        try
        {
            var bytes = Protector(http).Unprotect(WebEncoders.Base64UrlDecode(value));
            using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            kept = JsonSerializer.Deserialize<Kept>(gzip);
        }
        catch (Exception e) when (e is FormatException or System.Security.Cryptography.CryptographicException or JsonException or InvalidDataException)
        {
            kept = null;
        }
        if (kept is null || kept.Path != (http.Request.PathBase + http.Request.Path).ToString()) return false;
        http.Response.Cookies.Delete(CookieName, new CookieOptions { Path = StaffApp.Base });

        var values = kept.Fields.GroupBy(f => f[0]).ToDictionary(g => g.Key, g => new StringValues(g.Select(f => f[1]).ToArray()));
        var provider = new FormValueProvider(BindingSource.Form, new FormCollection(values), CultureInfo.InvariantCulture);
        foreach (var property in page.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            // Only the forms' own input objects; route values (SupportsGet) and the request key stay as the page set them.
            if (property.GetCustomAttribute<BindPropertyAttribute>() is not { SupportsGet: false } || Skip.Contains(property.Name)
                || property.PropertyType.IsValueType || property.PropertyType == typeof(string) || property.GetValue(page) is not { } model)
                continue;
            await (Task<bool>)UpdateModel.MakeGenericMethod(property.PropertyType).Invoke(page, [model, property.Name, provider])!;
        }
        page.ModelState.Clear();
        page.ViewData[RestoredKey] = true;
        return true;
    }

    // PageModel.TryUpdateModelAsync<TModel>(model, prefix, valueProvider): the page's own binder on the kept values.
    private static readonly MethodInfo UpdateModel = typeof(PageModel).GetMethods(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
        .Single(m => m.Name == "TryUpdateModelAsync" && m.IsGenericMethodDefinition
            && m.GetParameters().Select(p => p.ParameterType.Name).SequenceEqual(["TModel", "String", "IValueProvider"]));

    private static IDataProtector Protector(HttpContext http) =>
        http.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);

    // The page the form was on: a form may post to a handler's own address, which shows nothing on GET.
    private static string Back(HttpContext http)
    {
        var posted = (http.Request.PathBase + http.Request.Path + http.Request.QueryString).ToString();
        if (!Uri.TryCreate(http.Request.Headers.Referer.ToString(), UriKind.Absolute, out var referer)
            || !string.Equals(referer.Host, http.Request.Host.Host, StringComparison.OrdinalIgnoreCase)
            || !referer.AbsolutePath.StartsWith(StaffApp.Base + "/", StringComparison.Ordinal)
            || referer.AbsolutePath.StartsWith(StaffApp.Base + "/signin", StringComparison.Ordinal))
            return posted;
        return referer.PathAndQuery;
    }

    private static string PathOf(string url) => url.Split('?', 2)[0];
}
