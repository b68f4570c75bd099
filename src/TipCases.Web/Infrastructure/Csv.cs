using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;

namespace TipCases.Web.Infrastructure;

/// <summary>
/// CSV as RFC 4180 writes it (every cell quoted, quotes doubled, CRLF line ends), made safe for
/// spreadsheets: a cell a spreadsheet would read as a formula (starting with =, +, -, @, a tab or
/// a carriage return, also after leading spaces) gets a leading apostrophe, so it is shown as
/// text and never run (OWASP, "CSV Injection").
/// </summary>
public static class Csv
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public static string Cell(string? value)
    {
        value ??= "";
        var start = value.TrimStart(' ', '\n');
        if (value.Length > 0 && (FormulaStarts.Contains(value[0]) || (start.Length > 0 && FormulaStarts.Contains(start[0]))))
        {
            value = "'" + value;
        }
        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>A number in the invariant culture, which spreadsheets everywhere read (it never needs the apostrophe: counts and amounts are not negative).</summary>
    public static string Cell(int value) => Cell(value.ToString(CultureInfo.InvariantCulture));

    public static string Cell(decimal value) => Cell(value.ToString("0.00", CultureInfo.InvariantCulture));

    /// <summary>One line of cells already made by <see cref="Cell(string?)"/>.</summary>
    public static string Line(params IEnumerable<string> cells) => string.Join(",", cells) + "\r\n";
}

/// <summary>A CSV download written straight to the response as rows come from the database
/// (never the whole file in memory), UTF-8 with a byte order mark so spreadsheets read accents.</summary>
public sealed class CsvResult(string fileName, Func<TextWriter, CancellationToken, Task> write) : IActionResult
{
    public string FileName { get; } = fileName;

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition { FileName = FileName, DispositionType = "attachment" }.ToString();
        var ct = context.HttpContext.RequestAborted;
        await using var writer = new StreamWriter(response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024);
        await write(writer, ct);
        await writer.FlushAsync(ct);
    }
}
